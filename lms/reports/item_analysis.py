"""Classical item analysis of a quiz's questions, computed in SQL.

For one quiz, each learner's *first* attempt counts, once submitted (later
attempts are taken by people who have already seen the questions). Per
question:

* **facility**: the share of those attempts that got the question fully
  right (fraction 1), from 0 to 1;
* **average mark**: the mean fraction of the points earned, from 0 to 1
  (partial credit included), and the mean points;
* **discrimination index** (upper–lower 27 %): attempts are ranked by total
  score (ties broken by attempt id, so groups always have exactly ``k``
  attempts); ``k = round(0.27 × n)``; the index is the mean fraction in the
  top ``k`` minus the mean fraction in the bottom ``k``, from −1 to 1;
* **most-chosen wrong answer**: the wrong option (or wrong text) picked most
  often, from the graded selections quizzes records at submission;
* **options**: how often the upper group, the lower group and everyone chose
  each option (see :mod:`lms.reports.option_analysis`).

A question is flagged as weak when it is too hard (facility < 0.30), too easy
(> 0.95) or discriminates poorly (index < 0.20). With fewer than
``MIN_ATTEMPTS_FOR_FLAGS`` attempts the figures are shown but not flagged:
they would be noise.

Queries: a fixed handful per quiz (seven), whatever the number of questions
or attempts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Avg, Count, Max, Min, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from lms.reports.option_analysis import (
    OptionTable,
    most_chosen_wrong,
    option_counts,
    option_tables,
)
from quizzes.models import (
    AttemptQuestion,
    AttemptState,
    Question,
    Quiz,
    QuizAttempt,
)

GROUP_SHARE = Decimal("0.27")
FACILITY_TOO_LOW = 0.30
FACILITY_TOO_HIGH = 0.95
DISCRIMINATION_TOO_LOW = 0.20
MIN_ATTEMPTS_FOR_FLAGS = 10

# The percent signs here are text, never formatted (msgfmt would read "% g").
FLAG_LABELS = {
    # xgettext:no-python-format
    "hard": _("Too hard: fewer than 30 % get it right"),
    # xgettext:no-python-format
    "easy": _("Too easy: more than 95 % get it right"),
    "discrimination": _("Poor discrimination: strong and weak learners do alike"),
}


@dataclass(frozen=True)
class CriterionStats:
    """How graders rated one criterion of a rubric (an essay's)."""

    criterion: str
    graded: int
    average_points: float
    max_points: float


@dataclass(frozen=True)
class ItemStats:
    """The figures of one question in one quiz."""

    question_id: int
    position: int
    label: str
    type_label: str
    responses: int
    facility: float
    average_mark: float
    average_points: float
    max_points: float
    discrimination: float | None
    wrong_answer: str | None
    wrong_answer_count: int
    flags: tuple[str, ...] = field(default_factory=tuple)
    #: who chose each option, or None for a type with no option table
    options: OptionTable | None = None
    #: the question's own model (its snippet viewset has its edit view)
    type_model: type | None = None
    #: each rubric criterion's average over graded answers, for person-graded
    #: types (essays); None for the others
    rubric: list[CriterionStats] | None = None

    @property
    def flag_labels(self) -> list[str]:
        return [str(FLAG_LABELS[flag]) for flag in self.flags]

    @property
    def is_weak(self) -> bool:
        return bool(self.flags)


@dataclass(frozen=True)
class QuizAnalysis:
    """A quiz's item analysis: how many attempts, group size, and the items."""

    quiz: Quiz
    attempts: int
    group_size: int
    items: list[ItemStats]

    @property
    def flags_apply(self) -> bool:
        return self.attempts >= MIN_ATTEMPTS_FOR_FLAGS


def analysed_attempts(*, quiz: Quiz) -> QuerySet[QuizAttempt]:
    """Each learner's first attempt at the quiz, once submitted.

    Attempts are numbered per learner across the quiz's translations, and a
    learner cannot start a second attempt while the first is open, so the
    first attempt is simply number 1: a learner who first took the quiz in
    another language has seen its questions and is left out here.
    """
    return QuizAttempt.objects.filter(quiz=quiz, number=1, state=AttemptState.SUBMITTED)


def group_size(attempts: int) -> int:
    """``round(0.27 × n)``, at least 1, for n ≥ 2 attempts (else 0)."""
    if attempts < 2:
        return 0
    size = int((GROUP_SHARE * attempts).quantize(Decimal(1), ROUND_HALF_UP))
    return max(1, min(size, attempts // 2))


def _rank_threshold(attempts: QuerySet, index: int):
    """(score, id) of the attempt at ``index`` when ranked by score, then id."""
    return (
        attempts.order_by("score_percent", "pk")
        .values_list("score_percent", "pk")[index : index + 1]
        .get()
    )


def _group_q(prefix: str, *, at_least=None, at_most=None) -> Q:
    """Attempts ranked at or above ``at_least`` / at or below ``at_most``."""
    score, pk = at_least or at_most
    if at_least is not None:
        return Q(**{f"{prefix}score_percent__gt": score}) | Q(
            **{f"{prefix}score_percent": score, f"{prefix}pk__gte": pk}
        )
    return Q(**{f"{prefix}score_percent__lt": score}) | Q(
        **{f"{prefix}score_percent": score, f"{prefix}pk__lte": pk}
    )


def _flags(*, facility, discrimination, flags_apply) -> tuple[str, ...]:
    if not flags_apply:
        return ()
    flags = []
    if facility < FACILITY_TOO_LOW:
        flags.append("hard")
    if facility > FACILITY_TOO_HIGH:
        flags.append("easy")
    if discrimination is not None and discrimination < DISCRIMINATION_TOO_LOW:
        flags.append("discrimination")
    return tuple(flags)


def _as_float(value) -> float:
    return float(value) if value is not None else 0.0


def quiz_item_analysis(*, quiz: Quiz, options: bool = True) -> QuizAnalysis:
    """Facility, average mark, discrimination and wrong answers per question.

    With ``options=False`` the option tables are left out (two queries
    fewer; the admin home only needs the flags) and so is the most-chosen
    wrong answer, which comes from the same counts.
    """
    attempts = analysed_attempts(quiz=quiz)
    total = attempts.count()
    k = group_size(total)
    aggregates = {
        "responses": Count("pk"),
        "correct": Count("pk", filter=Q(fraction=1)),
        "average_mark": Avg("fraction"),
        "average_points": Avg("points"),
        "max_points": Avg("max_points"),
        "position": Min("slot"),
    }
    selection_groups = {"upper_q": None, "lower_q": None}
    if k:
        lower = _rank_threshold(attempts, k - 1)
        upper = _rank_threshold(attempts, total - k)
        aggregates["upper"] = Avg(
            "fraction", filter=_group_q("attempt__", at_least=upper)
        )
        aggregates["lower"] = Avg(
            "fraction", filter=_group_q("attempt__", at_most=lower)
        )
        prefix = "attempt_question__attempt__"
        selection_groups = {
            "upper_q": _group_q(prefix, at_least=upper),
            "lower_q": _group_q(prefix, at_most=lower),
        }
    rows = list(
        AttemptQuestion.objects.filter(attempt__in=attempts, question__isnull=False)
        .values("question_id")
        .annotate(**aggregates)
        .order_by("position", "question_id")
    )
    questions = {
        question.pk: question
        for question in Question.objects.non_polymorphic().filter(
            pk__in=[row["question_id"] for row in rows]
        )
    }
    counts, tables, rubrics = {}, {}, {}
    if options:
        counts = option_counts(attempts, **selection_groups)
        tables = option_tables(attempts, counts)
        rubrics = rubric_averages(attempts)
    flags_apply = total >= MIN_ATTEMPTS_FOR_FLAGS
    items = []
    for row in rows:
        question = questions.get(row["question_id"])
        facility = row["correct"] / row["responses"] if row["responses"] else 0.0
        discrimination = (
            _as_float(row["upper"]) - _as_float(row["lower"]) if k else None
        )
        wrong_label, wrong_count = most_chosen_wrong(counts.get(row["question_id"], []))
        items.append(
            ItemStats(
                question_id=row["question_id"],
                position=row["position"],
                label=str(question) if question else "",
                type_label=_type_label(question),
                responses=row["responses"],
                facility=facility,
                average_mark=_as_float(row["average_mark"]),
                average_points=_as_float(row["average_points"]),
                max_points=_as_float(row["max_points"]),
                discrimination=discrimination,
                wrong_answer=wrong_label,
                wrong_answer_count=wrong_count,
                flags=_flags(
                    facility=facility,
                    discrimination=discrimination,
                    flags_apply=flags_apply,
                ),
                options=tables.get(row["question_id"]),
                type_model=_type_model(question),
                rubric=rubrics.get(row["question_id"]),
            )
        )
    return QuizAnalysis(quiz=quiz, attempts=total, group_size=k, items=items)


def rubric_averages(attempts: QuerySet) -> dict[int, list[CriterionStats]]:
    """Per person-graded question: each rubric criterion's average points.

    Read from the graders' decisions (``person_grade``) against the rubric as
    the learner was served it (the snapshot), over graded answers only: an
    answer still awaiting a grader is not in these attempts. One query.
    """
    rows = AttemptQuestion.objects.filter(
        attempt__in=attempts, question__isnull=False, person_grade__isnull=False
    ).values_list("question_id", "snapshot", "person_grade")
    sums: dict[int, dict] = {}
    for question_id, snapshot, decision in rows:
        chosen = (decision or {}).get("levels", {})
        per_criterion = sums.setdefault(question_id, {})
        for item in snapshot.get("rubric", []):
            levels = item.get("levels", [])
            top = max((float(level["points"]) for level in levels), default=0.0)
            entry = per_criterion.setdefault(
                item["id"], [item["criterion"], 0.0, 0, top]
            )
            index = chosen.get(item["id"])
            if isinstance(index, int) and 0 <= index < len(levels):
                entry[1] += float(levels[index]["points"])
                entry[2] += 1
    return {
        question_id: [
            CriterionStats(
                criterion=label,
                graded=count,
                average_points=total / count if count else 0.0,
                max_points=top,
            )
            for label, total, count, top in per_criterion.values()
        ]
        for question_id, per_criterion in sums.items()
    }


def _type_model(question) -> type | None:
    if question is None:
        return None
    return ContentType.objects.get_for_id(question.polymorphic_ctype_id).model_class()


def _type_label(question) -> str:
    model = _type_model(question)
    return str(model._meta.verbose_name) if model else ""


def question_item_analysis(*, question) -> list[tuple[Quiz, ItemStats, QuizAnalysis]]:
    """The question's figures in every quiz it was answered in (edit screen)."""
    quiz_ids = (
        AttemptQuestion.objects.filter(
            question=question, attempt__state=AttemptState.SUBMITTED
        )
        .values("attempt__quiz_id")
        .distinct()
    )
    results = []
    for quiz in Quiz.objects.filter(pk__in=quiz_ids).order_by("title", "pk"):
        analysis = quiz_item_analysis(quiz=quiz)
        for item in analysis.items:
            if item.question_id == question.pk:
                results.append((quiz, item, analysis))
    return results


#: The admin home looks for weak questions in this many quizzes at most.
HOME_QUIZZES = 5


def weak_questions(*, quizzes: int = HOME_QUIZZES) -> list[tuple[Quiz, ItemStats]]:
    """Questions the item analysis flags, in the quizzes most recently taken.

    Only quizzes with enough first attempts to flag anything are analysed,
    at most ``quizzes`` of them (the latest submissions first), each through
    :func:`quiz_item_analysis` and its own flag rule: one query to choose the
    quizzes, then five per quiz, whatever the number of questions or attempts.
    """
    first = Q(attempts__number=1, attempts__state=AttemptState.SUBMITTED)
    chosen = (
        Quiz.objects.annotate(
            first_attempts=Count("attempts", filter=first),
            last_submitted=Max("attempts__submitted_at", filter=first),
        )
        .filter(first_attempts__gte=MIN_ATTEMPTS_FOR_FLAGS)
        .order_by("-last_submitted", "pk")[:quizzes]
    )
    return [
        (quiz, item)
        for quiz in chosen
        for item in quiz_item_analysis(quiz=quiz, options=False).items
        if item.is_weak
    ]
