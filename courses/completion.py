"""The completion rule, once: when a course cycle is complete, and how far along it is.

    A cycle is complete when every live required lesson of the course is done
    in that cycle, if the course has a final quiz, the quiz's kept grade
    (``quizzes.grades``) over the attempts submitted in that cycle passes,
    if the course requires a charter, the learner acknowledged the charter's
    current version (whenever: a charter is not per cycle), and, if the
    course requires a scenario, a run of it (any translation) finished in that
    cycle reached the course's minimum score.

A course with no requirement never completes. Its progress counts steps: one
per live required lesson, plus one for the final quiz, one for the charter
and one for the required scenario; a recorded completion shows 100 %.

Two forms, one definition:

* :class:`CompletionFacts` and its properties, over figures already loaded
  (the course page, the dashboard, the completion service, through
  ``courses.selectors.progress``);
* :func:`completion_annotations`, the same figures and percentage as SQL
  over an enrolment queryset (the managers' reports).

``tests/courses/test_completion_agreement.py`` drives every screen through a
table of cases and asserts they agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    Expression,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from courses.models import (
    CharterAcknowledgement,
    CharterVersion,
    Enrolment,
    LessonPage,
    LessonProgress,
)
from quizzes.grades import kept_grade_expressions
from quizzes.models import CLOSED_STATES, QuizAttempt
from scenarios.models import ScenarioRun


@dataclass(frozen=True)
class CompletionFacts:
    """What the rule reads of one enrolment's current cycle."""

    required_lessons: int
    required_done: int
    has_final_quiz: bool
    quiz_passed: bool
    completion_recorded: bool = False
    charter_required: bool = False
    charter_acknowledged: bool = False
    has_scenario: bool = False
    scenario_passed: bool = False

    @property
    def total_steps(self) -> int:
        return (
            self.required_lessons
            + int(self.has_final_quiz)
            + int(self.charter_required)
            + self.scenario_step
        )

    @property
    def done_steps(self) -> int:
        return (
            self.required_done
            + int(self.has_final_quiz and self.quiz_passed)
            + int(self.charter_required and self.charter_acknowledged)
            + int(self.has_scenario and self.scenario_passed)
        )

    @property
    def charter_done(self) -> bool:
        return self.charter_acknowledged or not self.charter_required

    @property
    def scenario_step(self) -> int:
        return int(self.has_scenario)

    @property
    def scenario_done(self) -> bool:
        return self.scenario_passed or not self.has_scenario

    @property
    def lessons_done(self) -> bool:
        return self.required_done >= self.required_lessons

    @property
    def rule_met(self) -> bool:
        """The cycle may be recorded as complete (a course with no step never is)."""
        if not self.total_steps:
            return False
        return (
            self.lessons_done
            and (self.quiz_passed or not self.has_final_quiz)
            and self.charter_done
            and self.scenario_done
        )

    @property
    def percent(self) -> int:
        """Steps done, in whole percent (rounded down); 100 once recorded complete."""
        if self.completion_recorded:
            return 100
        if not self.total_steps:
            return 0
        return self.done_steps * 100 // self.total_steps


# --- The same rule in SQL, for the reports -------------------------------------------


def cycle_attempts(*, enrolment_ref: str = "") -> QuerySet:
    """Candidates for the kept grade: closed attempts (graded or awaiting grading,
    which ``quizzes.grades`` tells apart) at the enrolment's final
    quiz (any translation) since its current cycle began, correlated to the
    outer enrolment row (``enrolment_ref``: its path from the outer model)."""
    prefix = f"{enrolment_ref}__" if enrolment_ref else ""
    return QuizAttempt.objects.filter(
        learner=OuterRef(f"{prefix}learner_id"),
        quiz__translation_key=OuterRef(f"{prefix}course__final_quiz__translation_key"),
        state__in=CLOSED_STATES,
        submitted_at__gte=OuterRef(f"{prefix}cycle_started_at"),
    )


def cycle_scenario_passes(*, enrolment_ref: str = "") -> QuerySet:
    """Runs of the enrolment's required scenario (any translation) finished since
    its current cycle began with at least the course's minimum score,
    correlated to the outer enrolment row (``enrolment_ref`` as above)."""
    prefix = f"{enrolment_ref}__" if enrolment_ref else ""
    return ScenarioRun.objects.filter(
        learner=OuterRef(f"{prefix}learner_id"),
        scenario__translation_key=OuterRef(
            f"{prefix}course__required_scenario__translation_key"
        ),
        finished_at__gte=OuterRef(f"{prefix}cycle_started_at"),
        score__gte=OuterRef(f"{prefix}course__scenario_min_score"),
    )


def required_lessons_count(*, course_ref: str = "course__") -> Coalesce:
    """Live required lessons of the outer row's course, as a correlated count.

    ``course_ref`` is the path from the outer model to the course: the
    enrolment's by default, ``""`` when the outer rows are courses.
    """
    return Coalesce(
        Subquery(
            LessonPage.objects.filter(
                path__startswith=OuterRef(f"{course_ref}path"),
                depth=OuterRef(f"{course_ref}depth") + 1,
                live=True,
                is_required=True,
            )
            .order_by()
            .values("depth")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


def charter_acknowledged_expression(*, enrolment_ref: str = "") -> Exists:
    """Whether the outer enrolment's learner acknowledged the current version of
    the charter its course requires (False when it requires none), as SQL."""
    prefix = f"{enrolment_ref}__" if enrolment_ref else ""
    current = (
        CharterVersion.objects.filter(
            translation_key=OuterRef(
                OuterRef(f"{prefix}course__required_charter__translation_key")
            )
        )
        .order_by("-number")
        .values("pk")[:1]
    )
    return Exists(
        CharterAcknowledgement.objects.filter(
            learner=OuterRef(f"{prefix}learner_id"), version_id=Subquery(current)
        )
    )


def with_current_completion(enrolments: QuerySet[Enrolment]) -> QuerySet[Enrolment]:
    """Enrolments LEFT JOINed to their current cycle's completion, if any.

    At most one completion per (enrolment, cycle): a join that several
    expressions read at no extra cost.
    """
    return enrolments.annotate(
        current_completion=FilteredRelation(
            "completions", condition=Q(completions__cycle=F("cycle"))
        )
    )


def completion_annotations(*, required_lessons: Expression | None = None) -> dict:
    """The facts and percentage of :class:`CompletionFacts`, as SQL per enrolment.

    For ``with_current_completion(enrolments).annotate(**…)``. Keys:
    ``required_lessons``, ``lessons_done`` (required ones done this cycle),
    ``has_final_quiz``, ``kept_score`` and ``quiz_passed`` (the final quiz's
    kept grade this cycle), ``quiz_awaiting`` (an attempt this cycle awaits
    a person's grading), ``charter_required`` and ``charter_acknowledged``
    (of its current version), ``has_scenario`` and ``scenario_passed`` (the
    required scenario, :func:`cycle_scenario_passes`), and ``percent``.
    ``required_lessons`` may be given as a cheaper expression (a per-course
    constant), else it is a correlated count.
    """
    lessons_done = (
        LessonProgress.objects.filter(
            enrolment=OuterRef("pk"),
            cycle=OuterRef("cycle"),
            lesson__live=True,
            lesson__is_required=True,
        )
        .order_by()
        .values("enrolment_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    grade = kept_grade_expressions(
        cycle_attempts(),
        method=F("course__final_quiz__grading_method"),
        pass_mark=F("course__final_quiz__pass_mark"),
    )
    has_quiz = Q(course__final_quiz__isnull=False)
    has_charter = Q(course__required_charter__isnull=False)
    has_scenario = Q(course__required_scenario__isnull=False)
    figures = {
        "required_lessons": required_lessons
        if required_lessons is not None
        else required_lessons_count(),
        "lessons_done": Coalesce(Subquery(lessons_done), 0),
        "has_final_quiz": Case(When(has_quiz, then=Value(True)), default=Value(False)),
        "kept_score": grade["kept_score"],
        "quiz_passed": grade["kept_passed"],
        "charter_required": Case(
            When(has_charter, then=Value(True)), default=Value(False)
        ),
        "charter_acknowledged": charter_acknowledged_expression(),
        "quiz_awaiting": grade["kept_awaiting"],
        "has_scenario": Case(
            When(has_scenario, then=Value(True)), default=Value(False)
        ),
        "scenario_passed": Exists(cycle_scenario_passes()),
    }
    quiz_step = Case(When(has_quiz, then=Value(1)), default=Value(0))
    quiz_done = Case(
        When(has_quiz & Q(quiz_passed=True), then=Value(1)), default=Value(0)
    )
    charter_step = Case(When(has_charter, then=Value(1)), default=Value(0))
    charter_done = Case(
        When(has_charter & Q(charter_acknowledged=True), then=Value(1)),
        default=Value(0),
    )
    scenario_step = Case(When(has_scenario, then=Value(1)), default=Value(0))
    scenario_done = Case(
        When(has_scenario & Q(scenario_passed=True), then=Value(1)),
        default=Value(0),
    )
    figures["percent"] = Case(
        When(current_completion__isnull=False, then=Value(100)),
        When(
            Q(required_lessons=0) & ~has_quiz & ~has_charter & ~has_scenario,
            then=Value(0),
        ),
        default=(F("lessons_done") + quiz_done + charter_done + scenario_done)
        * 100
        / (F("required_lessons") + quiz_step + charter_step + scenario_step),
        output_field=IntegerField(),
    )
    return figures


def completion_facts(row: dict) -> CompletionFacts:
    """The facts of a report row annotated by :func:`completion_annotations`."""
    return CompletionFacts(
        required_lessons=row["required_lessons"],
        required_done=row["lessons_done"],
        has_final_quiz=bool(row["has_final_quiz"]),
        quiz_passed=bool(row["quiz_passed"]),
        completion_recorded=row["completed_at"] is not None,
        charter_required=bool(row["charter_required"]),
        charter_acknowledged=bool(row["charter_acknowledged"]),
        has_scenario=bool(row.get("has_scenario")),
        scenario_passed=bool(row.get("scenario_passed")),
    )


__all__ = [
    "CompletionFacts",
    "charter_acknowledged_expression",
    "completion_annotations",
    "completion_facts",
    "cycle_attempts",
    "cycle_scenario_passes",
    "required_lessons_count",
    "with_current_completion",
]
