"""Grading by a person: claiming an attempt that awaits grading, and grading an answer.

An attempt with an essay is submitted awaiting grading
(``AttemptState.AWAITING_GRADING``). A grader claims it
(``attempt_grading_claim``): the attempt row is locked and the claim lasts
``GRADING_LOCK`` unless renewed, so two graders never work on it at once.
``essay_grade`` records the levels chosen and the feedback for one answer,
under the same row lock, the claim and the sequence check a learner's saves
use (a grader's stale screen is refused). Grading the last such answer
completes the attempt: score, passed, and ``attempt_graded`` inside the
transaction, which courses hears as it hears ``attempt_submitted``.
"""

from collections.abc import Mapping
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from quizzes import selectors
from quizzes.errors import QuizError
from quizzes.grading import InvalidResponse
from quizzes.models import AttemptQuestion, QuizAttempt, ResponseSelection
from quizzes.signals import attempt_graded

from .attempts import grade_rows, score_data
from .rows import apply_grade, check_sequence, clean_row, grade_row, lock_attempt

#: How long a claim lasts; opening the grading screen again renews it.
GRADING_LOCK = timedelta(minutes=30)

ACTION_CLAIM = "quizzes.attempt.grading_claim"
ACTION_GRADE = "quizzes.attempt.grade_answer"
ACTION_GRADED = "quizzes.attempt.graded"

GRADING_LOCKED = _("%(name)s is grading this attempt. Choose another one.")
NOT_AWAITING_GRADING = _("This attempt is not awaiting grading any more.")
ANSWER_ALREADY_GRADED = _("This answer has already been graded.")
GRADING_OUT_OF_SEQUENCE = _(
    "This attempt changed since you opened it, so nothing was saved. Here it is "
    "as it stands now."
)


class GradingLocked(QuizError):
    """Another grader holds the attempt's claim; ``holder`` is that person."""

    def __init__(self, holder):
        self.holder = holder
        name = holder.get_full_name() or holder.get_username()
        super().__init__(GRADING_LOCKED % {"name": name})


class NotAwaitingGrading(QuizError):
    """The attempt or answer needs no grading (done already, or never needed)."""

    default_message = NOT_AWAITING_GRADING


class GradingRejected(QuizError):
    """The grader's choices do not fit the rubric; ``message`` says why."""


def _claim(attempt: QuizAttempt, *, grader, now) -> None:
    holder = attempt.grading_lock_holder(now)
    if holder is not None and holder.pk != grader.pk:
        raise GradingLocked(holder)
    attempt.grading_locked_by = grader
    attempt.grading_locked_until = now + GRADING_LOCK
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        grading_locked_by=grader, grading_locked_until=attempt.grading_locked_until
    )


@transaction.atomic
def attempt_grading_claim(
    *, attempt: QuizAttempt, grader, now: datetime | None = None
) -> QuizAttempt:
    """Claim an attempt awaiting grading for ``grader``, or renew their claim.

    Idempotent for the holder (reopening the screen, a second tab); raises
    GradingLocked while another grader's claim runs, NotAwaitingGrading once
    the attempt is graded. The claim goes to the audit log the first time.
    """
    now = now or timezone.now()
    attempt = lock_attempt(attempt)
    if not attempt.is_awaiting_grading:
        raise NotAwaitingGrading()
    renewing = attempt.grading_lock_holder(now) is not None
    _claim(attempt, grader=grader, now=now)
    if not renewing:
        log(instance=attempt, action=ACTION_CLAIM, user=grader, data={})
    return attempt


@transaction.atomic
def essay_grade(
    *,
    attempt_question: AttemptQuestion,
    grader,
    levels: Mapping,
    feedback: str,
    sequence,
    now: datetime | None = None,
) -> AttemptQuestion:
    """Grade one answer that awaits a person: a level per criterion, and feedback.

    ``levels`` maps each criterion id to the chosen level's index;
    ``sequence`` is the attempt's sequence the grading screen was rendered
    with. The score follows from the rubric (``grade_by_person``). Refuses
    (GradingLocked, OutOfSequence, NotAwaitingGrading, GradingRejected)
    without changing anything. When no answer is left to grade, the attempt
    is totalled (score, passed), released, and ``attempt_graded`` is sent.
    """
    now = now or timezone.now()
    attempt = lock_attempt(attempt_question.attempt)
    if not attempt.is_awaiting_grading:
        raise NotAwaitingGrading()
    holder = attempt.grading_lock_holder(now)
    if holder is not None and holder.pk != grader.pk:
        raise GradingLocked(holder)
    check_sequence(attempt, sequence)
    rows = selectors.attempt_questions(attempt=attempt)
    row = next((r for r in rows if r.pk == attempt_question.pk), None)
    if row is None or not row.needs_person:
        raise NotAwaitingGrading(ANSWER_ALREADY_GRADED)
    try:
        row.person_grade = row.grading_question.clean_person_grade(levels, feedback)
    except InvalidResponse as error:
        raise GradingRejected(error.message) from None
    grade = grade_row(row)
    apply_grade(row, grade)
    row.graded_by, row.graded_at = grader, now
    clean_row(row)
    attempt.sequence += 1
    log(
        instance=attempt,
        action=ACTION_GRADE,
        user=grader,
        data={"slot": row.slot, "points": str(row.points), **row.person_grade},
    )
    if any(other.needs_person for other in rows if other.pk != row.pk):
        row.save()
        _rewrite_selections(row, grade)
        _claim(attempt, grader=grader, now=now)
        QuizAttempt.objects.filter(pk=attempt.pk).update(sequence=attempt.sequence)
        return row
    # The last answer: total the attempt as a submission does (person grades
    # are read back through grade_by_person, so nothing is graded twice).
    row.save()
    grade_rows(attempt, rows)
    attempt.full_clean(exclude=["quiz", "learner"], validate_constraints=False)
    attempt.save()
    log(
        instance=attempt,
        action=ACTION_GRADED,
        user=grader,
        data=score_data(attempt),
    )
    attempt_graded.send(sender=QuizAttempt, attempt=attempt)
    return row


def _rewrite_selections(row: AttemptQuestion, grade) -> None:
    ResponseSelection.objects.filter(attempt_question=row).delete()
    ResponseSelection.objects.bulk_create(
        ResponseSelection(
            attempt_question=row,
            option_id=selection.option_id[:64],
            label=selection.label[:255],
            is_correct=selection.is_correct,
        )
        for selection in grade.selections
    )
