"""What templates get to see of a question: built here, never the snapshot.

Templates never receive a question's key. They receive ``QuestionDisplay``
objects built from the presentation (what was shown) and the learner's
answer; marks, feedback, correct answers and explanations are filled in only
when a ``Reveal`` allows it. Keeping this in one place is what the no-leak
tests lean on. What differs per type (the widget template, the per-input data)
comes from the type's registry entry, whose display builder sees only the
presentation and the response, never the question.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from quizzes.grading import InvalidResponse
from quizzes.models import AttemptQuestion, FeedbackPolicy, Question, QuizAttempt
from quizzes.question_types import registry
from quizzes.selectors import review_allowed

STATUS_LABELS = {
    "correct": _("Correct"),
    "partial": _("Partly correct"),
    "incorrect": _("Incorrect"),
    "unanswered": _("Not answered"),
    "awaiting": _("Awaiting grading"),
}


@dataclass(frozen=True)
class Reveal:
    """Which parts of the review a learner may see now."""

    marks: bool = False
    correct_answers: bool = False
    explanations: bool = False
    feedback: bool = False

    @property
    def anything(self) -> bool:
        return self.marks or self.correct_answers or self.explanations or self.feedback


NOTHING = Reveal()


def reveal_for(attempt: QuizAttempt, *, passed: bool) -> Reveal:
    """The review policy of the attempt's quiz, applied to this learner now."""
    if not attempt.is_submitted:
        return NOTHING
    quiz = attempt.quiz
    return Reveal(
        marks=review_allowed(quiz.review_marks, passed=passed),
        correct_answers=review_allowed(quiz.review_correct_answers, passed=passed),
        explanations=review_allowed(quiz.review_explanations, passed=passed),
        feedback=quiz.feedback_policy != FeedbackPolicy.NEVER,
    )


# A checked question (feedback after each) shows its mark and feedback at once.
CHECKED = Reveal(marks=True, feedback=True)


@dataclass
class QuestionDisplay:
    """One question on a learner page: inputs, answer, and what may be revealed."""

    slot: int
    type_code: str
    prompt: str
    presentation: dict
    response: Any = None
    error: str = ""
    locked: bool = False
    # Filled in only when a Reveal allows it.
    status: str = ""
    points: Decimal | None = None
    max_points: Decimal | None = None
    feedback: str = ""
    correct_answer: str = ""
    explanation: str = ""
    response_text: str = ""
    #: A person's grading, per criterion (``Question.person_grade_summary``).
    rubric: list = field(default_factory=list)
    widgets: dict = field(default_factory=dict)

    @property
    def field_name(self) -> str:
        return f"q{self.slot}"

    @property
    def html_id(self) -> str:
        return f"question-{self.slot}"

    @property
    def input_template(self) -> str:
        return registry.get(self.type_code).template

    @property
    def has_hint(self) -> bool:
        """The widget shows a hint paragraph the fieldset points to."""
        return registry.get(self.type_code).has_hint

    @property
    def is_answered(self) -> bool:
        return self.response not in (None, "", [], {})

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, "")


@dataclass(frozen=True)
class Timer:
    """The remaining time as the server sees it; quiz.js counts down from here."""

    deadline: Any
    server_now: Any
    minutes: int
    seconds: int


def timer_for(attempt: QuizAttempt, *, now) -> Timer | None:
    seconds_left = attempt.seconds_left(now)
    if seconds_left is None:
        return None
    return Timer(attempt.deadline, now, *divmod(seconds_left, 60))


def _widgets(type_code: str, presentation: dict, response: Any, name: str) -> dict:
    """Per-input data for the templates (checked boxes, chosen positions)."""
    return registry.get(type_code).display(presentation, response, name)


def _status(fraction) -> str:
    if fraction is None:
        return "unanswered"
    if fraction >= 1:
        return "correct"
    return "partial" if fraction > 0 else "incorrect"


def _posted_response(row: AttemptQuestion, data) -> Any:
    """What the learner just sent for this question, to show it back."""
    name = f"q{row.slot}"
    entry = registry.get(row.question_type)
    try:
        return entry.reader(row.presentation, data, name)
    except InvalidResponse:
        return data.get(name, "") if entry.shows_invalid_text else None


def attempt_displays(
    attempt: QuizAttempt,
    rows: list[AttemptQuestion],
    *,
    reveal: Reveal = NOTHING,
    errors: dict | None = None,
    posted=None,
) -> list[QuestionDisplay]:
    """Displays for an attempt's questions: inputs while in progress, review after.

    ``posted`` (a QueryDict) shows back what a refused POST contained.
    """
    errors = errors or {}
    displays = []
    for row in rows:
        response = row.response
        if posted is not None and str(row.slot) in posted.getlist("slots"):
            response = _posted_response(row, posted)
        display = QuestionDisplay(
            slot=row.slot,
            type_code=row.question_type,
            prompt=row.snapshot.get("prompt", ""),
            presentation=row.presentation,
            response=response,
            error=str(errors.get(row.slot, "")),
            locked=row.is_locked or attempt.is_submitted,
            widgets=_widgets(
                row.question_type, row.presentation, response, f"q{row.slot}"
            ),
        )
        if attempt.is_submitted:
            # The learner's own answer is never a leak.
            display.response_text = row.served_question.response_text(row.response)
        row_reveal = (
            reveal if attempt.is_submitted else (CHECKED if row.is_locked else NOTHING)
        )
        _fill_review(display, row, row_reveal)
        displays.append(display)
    return displays


def _fill_review(
    display: QuestionDisplay, row: AttemptQuestion, reveal: Reveal
) -> None:
    if not reveal.anything:
        return
    if reveal.marks:
        display.status = (
            "awaiting"
            if row.needs_person
            else _status(row.fraction if row.is_answered else None)
        )
        display.points = None if row.needs_person else row.points
        display.max_points = row.max_points
        if row.person_grade is not None:
            display.rubric = row.grading_question.person_grade_summary(row.person_grade)
    if reveal.feedback:
        display.feedback = row.feedback
    if reveal.correct_answers:
        display.correct_answer = row.grading_question.key_text()
    if reveal.explanations:
        display.explanation = row.grading_snapshot.get("explanation", "")


def preview_displays(
    questions: list[Question], *, rng, quiz=None
) -> list[QuestionDisplay]:
    """Displays for a preview: questions as a learner would see them, unanswered."""
    shuffle = bool(quiz and quiz.shuffle_choices)
    displays = []
    for slot, question in enumerate(questions, start=1):
        presentation = question.present(rng, shuffle=shuffle)
        displays.append(
            QuestionDisplay(
                slot=slot,
                type_code=question.type_code,
                prompt=question.prompt,
                presentation=presentation,
                locked=True,
                widgets=_widgets(question.type_code, presentation, None, f"q{slot}"),
            )
        )
    return displays
