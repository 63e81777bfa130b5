"""Read-side queries for quizzes and attempts.

Attempts are counted across every translation of a quiz (same
``translation_key``): a translated course is the same course, so switching
language neither resets attempts nor hides a pass.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db import connection, connections, router
from django.db.models import QuerySet, prefetch_related_objects
from django.db.transaction import TransactionManagementError
from django.utils import timezone

from core.ids import parse_small
from core.sql import fetch_instances, select_columns
from quizzes.grades import KeptGrade, kept_grade
from quizzes.models import (
    DEADLINE_GRACE,
    AttemptQuestion,
    AttemptState,
    Question,
    Quiz,
    QuizAccommodation,
    QuizAttempt,
    ReviewPolicy,
)


def live_quizzes() -> QuerySet:
    """Quizzes learners may take: the published rows."""
    return Quiz.objects.filter(live=True).select_related("locale")


def learner_attempts(*, learner) -> QuerySet:
    """Every attempt of one learner; views look attempts up through this only."""
    return QuizAttempt.objects.filter(learner=learner).select_related("quiz")


def learner_attempt(
    *, learner, attempt_id, load_quiz: Callable[[int], Quiz] | None = None
) -> QuizAttempt | None:
    """One of the learner's attempts, with its quiz; None if not theirs.

    The attempt row is read with a plain cursor (``attempt_row``), then its
    quiz by ``load_quiz(quiz_id)``: views pass one that reads their render
    cache (keyed by the content version), which saves a query building
    thirty quiz columns on every save and page of an attempt.
    """
    attempt = attempt_row(attempt_id=attempt_id, learner=learner)
    if attempt is None:
        return None
    attempt.quiz = (load_quiz or quiz_by_id)(attempt.quiz_id)
    attempt.learner = learner  # it was looked up among theirs
    return attempt


def quiz_by_id(quiz_id: int) -> Quiz:
    """One quiz row, by id."""
    return Quiz.objects.get(pk=quiz_id)


def attempt_row(
    *, attempt_id, learner=None, for_update: bool = False
) -> QuizAttempt | None:
    """One attempt row, read with a plain cursor; None if there is none.

    Every save and page of an attempt reads it (``core.sql`` converts the
    columns as the ORM would, without building the query each time). With
    ``learner``, only if it is theirs. ``for_update`` locks the row on the
    write database (``SELECT … FOR UPDATE``; SQLite has none and runs one
    writer at a time), inside a transaction only, as Django's
    ``select_for_update()`` insists.
    """
    try:
        attempt_id = int(attempt_id)
    except (TypeError, ValueError):
        return None
    if not 0 < attempt_id < 2**63:  # beyond any id (and any bigint column)
        return None
    alias = (router.db_for_write if for_update else router.db_for_read)(QuizAttempt)
    db = connections[alias]
    if for_update and not db.in_atomic_block:
        raise TransactionManagementError(
            "The attempt can only be locked inside a transaction."
        )
    meta = QuizAttempt._meta
    quote = db.ops.quote_name
    names = [field.attname for field in meta.concrete_fields]
    where, params = f"t.{quote(meta.pk.column)} = %s", [attempt_id]
    if learner is not None:
        where += f" AND t.{quote(meta.get_field('learner').column)} = %s"
        params.append(learner.pk)
    lock = " FOR UPDATE" if for_update and db.features.has_select_for_update else ""
    found = fetch_instances(
        QuizAttempt,
        names,
        f"SELECT {select_columns(QuizAttempt, names)} "
        f"FROM {quote(meta.db_table)} t WHERE {where}{lock}",
        params,
        using=alias,
    )
    return found[0][0] if found else None


def quiz_attempts_for_learner(*, quiz: Quiz, learner) -> QuerySet:
    """The learner's attempts at the quiz and its translations, oldest first."""
    return (
        QuizAttempt.objects.filter(
            quiz__translation_key=quiz.translation_key, learner=learner
        )
        .select_related("quiz")
        .order_by("started_at", "pk")
    )


def _submitted(attempts) -> list[QuizAttempt]:
    # Attempts awaiting grading are candidates too: quizzes.grades leaves
    # them out of the grade and reports them as awaiting.
    return [a for a in attempts if a.is_submitted]


def quiz_kept_grade(*, quiz: Quiz, learner) -> KeptGrade | None:
    """The grade that counts, over the learner's attempts at any translation.

    Per the quiz's grading method (``quizzes.grades``); None before a first
    submission.
    """
    return kept_grade(
        _submitted(quiz_attempts_for_learner(quiz=quiz, learner=learner)),
        method=quiz.grading_method,
        pass_mark=quiz.pass_mark,
    )


def quiz_kept_attempt(*, quiz: Quiz, learner) -> QuizAttempt | None:
    """The submitted attempt whose grade counts (None under the average)."""
    grade = quiz_kept_grade(quiz=quiz, learner=learner)
    return grade.attempt if grade else None


def quiz_is_passed(*, quiz: Quiz, learner) -> bool:
    """Whether the kept grade (over every translation) passes."""
    grade = quiz_kept_grade(quiz=quiz, learner=learner)
    return bool(grade and grade.passed)


def quiz_accommodation(*, quiz: Quiz, learner) -> QuizAccommodation | None:
    """The most generous extra time granted on any translation of the quiz."""
    accommodations = QuizAccommodation.objects.filter(
        quiz__translation_key=quiz.translation_key, learner=learner
    )
    limit = quiz.time_limit_minutes or 0
    return max(accommodations, key=lambda item: item.minutes_for(limit), default=None)


@dataclass(frozen=True)
class QuizStartSummary:
    """What the start page needs to say about one learner and one quiz."""

    quiz: Quiz
    attempts: list
    in_progress: QuizAttempt | None
    grade: KeptGrade | None
    attempts_left: int | None  # None: unlimited
    accommodation: QuizAccommodation | None

    @property
    def minutes_allowed(self):
        """The time an attempt gets, extra time included (None: untimed)."""
        limit = self.quiz.time_limit_minutes
        if not limit:
            return None
        return self.accommodation.minutes_for(limit) if self.accommodation else limit

    @property
    def attempts_used(self) -> int:
        return len(self.attempts)

    @property
    def can_start(self) -> bool:
        return self.in_progress is not None or self.attempts_left != 0

    @property
    def kept(self) -> QuizAttempt | None:
        """The attempt whose grade counts; None before any, and under the average."""
        return self.grade.attempt if self.grade else None

    @property
    def passed(self) -> bool:
        return bool(self.grade and self.grade.passed)


def quiz_start_summary(*, quiz: Quiz, learner) -> QuizStartSummary:
    attempts = list(quiz_attempts_for_learner(quiz=quiz, learner=learner))
    grade = kept_grade(
        _submitted(attempts), method=quiz.grading_method, pass_mark=quiz.pass_mark
    )
    attempts_left = None
    if quiz.max_attempts is not None:
        attempts_left = max(0, quiz.max_attempts - len(attempts))
    return QuizStartSummary(
        quiz=quiz,
        attempts=attempts,
        in_progress=next((a for a in attempts if a.is_in_progress), None),
        grade=grade,
        attempts_left=attempts_left,
        accommodation=quiz_accommodation(quiz=quiz, learner=learner)
        if quiz.time_limit_minutes
        else None,
    )


def review_allowed(policy: str, *, passed: bool) -> bool:
    return policy == ReviewPolicy.AFTER_SUBMISSION or (
        policy == ReviewPolicy.AFTER_PASSING and passed
    )


def questions_with_rows(*, ids) -> dict[int, Question]:
    """Questions by id, as their real types, with their child rows loaded.

    One query for the base rows, one per question type present, one per
    child relation: constant whatever the number of questions.
    """
    questions = {
        question.pk: question for question in Question.objects.filter(pk__in=ids)
    }
    by_type = defaultdict(list)
    for question in questions.values():
        by_type[type(question)].append(question)
    for model, instances in by_type.items():
        for relation in model.child_relation_names():
            prefetch_related_objects(instances, relation)
    return questions


def quiz_questions_for_attempt(*, quiz: Quiz) -> list[Question]:
    """The quiz's questions as their real types, in order, with their rows."""
    ids = list(
        quiz.quiz_questions.order_by("sort_order", "pk").values_list(
            "question_id", flat=True
        )
    )
    questions = questions_with_rows(ids=ids)
    return [questions[pk] for pk in ids if pk in questions]


# Past a page's worth of slots, read them all rather than build a huge IN list.
_MAX_LISTED_SLOTS = 200


def _slot_numbers(slots: Iterable) -> set[int] | None:
    """The slot numbers among ``slots`` (None: too many to list, read all).

    Anything that is not a slot number (``core.ids.parse_small``) names no
    question and is left out.
    """
    numbers = {number for slot in slots if (number := parse_small(slot)) is not None}
    return numbers if len(numbers) <= _MAX_LISTED_SLOTS else None


def _attempt_question_rows(
    attempt: QuizAttempt, attnames: Sequence[str], slots: Iterable | None = None
) -> list[AttemptQuestion]:
    """Rows of the attempt's questions (``attnames`` only), in slot order.

    Every save and page of an attempt reads these, so with a plain cursor
    (``core.sql``: converted and built as the ORM would); each row knows its
    attempt, as rows read through ``attempt.attempt_questions`` do.
    """
    meta = AttemptQuestion._meta
    quote = connection.ops.quote_name
    slot_column = f"t.{quote(meta.get_field('slot').column)}"
    where, params = f"t.{quote(meta.get_field('attempt').column)} = %s", [attempt.pk]
    numbers = _slot_numbers(slots) if slots is not None else None
    if numbers is not None:
        if not numbers:
            return []
        where += f" AND {slot_column} IN ({', '.join(['%s'] * len(numbers))})"
        params += sorted(numbers)
    found = fetch_instances(
        AttemptQuestion,
        attnames,
        f"SELECT {select_columns(AttemptQuestion, attnames)} "
        f"FROM {quote(meta.db_table)} t WHERE {where} ORDER BY {slot_column}",
        params,
    )
    rows = [row for row, _extra in found]
    attempt_field = meta.get_field("attempt")
    for row in rows:
        attempt_field.set_cached_value(row, attempt)
    return rows


def attempt_questions(
    *, attempt: QuizAttempt, slots: Iterable[int] | None = None
) -> list[AttemptQuestion]:
    """The attempt's questions in the order served (only ``slots``), in one query.

    Slots that are not numbers of questions are left out.
    """
    every = tuple(field.attname for field in AttemptQuestion._meta.concrete_fields)
    return _attempt_question_rows(attempt, every, slots)


# What an attempt page needs of each question on every view: its state. The
# prompt and choices as served (snapshot, presentation) never change for a row.
STATE_FIELDS = (
    "id",
    "attempt_id",
    "slot",
    "question_type",
    "max_points",
    "response",
    "checked_at",
    "fraction",
    "points",
    "feedback",
)


def attempt_question_states(*, attempt: QuizAttempt) -> list[AttemptQuestion]:
    """The attempt's questions with only their state columns, in slot order.

    For the attempt page (``quizzes.rendering``): the snapshots and
    presentations, the heavy JSON columns, are read only for the questions
    whose HTML is not cached. The other columns are deferred: read them from
    ``attempt_questions`` rows instead (each would cost a query per row here).
    """
    return _attempt_question_rows(attempt, STATE_FIELDS)


def quiz_attempts_for_admin(*, quiz: Quiz) -> QuerySet:
    """Every attempt at one quiz row, newest first, for the trainers' listing."""
    return (
        QuizAttempt.objects.filter(quiz=quiz)
        .select_related("learner")
        .order_by("-started_at", "-pk")
    )


def expired_attempts() -> QuerySet:
    """In-progress attempts whose deadline (plus grace) is past."""
    return QuizAttempt.objects.filter(
        state=AttemptState.IN_PROGRESS,
        deadline__lt=timezone.now() - DEADLINE_GRACE,
    )


__all__ = [
    "QuizStartSummary",
    "attempt_questions",
    "attempt_question_states",
    "attempt_row",
    "learner_attempt",
    "expired_attempts",
    "learner_attempts",
    "live_quizzes",
    "quiz_accommodation",
    "quiz_attempts_for_admin",
    "quiz_by_id",
    "quiz_attempts_for_learner",
    "quiz_is_passed",
    "quiz_kept_attempt",
    "quiz_kept_grade",
    "quiz_questions_for_attempt",
    "quiz_start_summary",
    "questions_with_rows",
    "review_allowed",
]
