"""Attempt services: start, save, check, submit, expire and regrade.

Every rule of an attempt is enforced here, not in views: attempt limits
(under a row lock), the time limit (server time), sequence numbers against
stale pages, idempotent submission, and refusal of foreign or malformed
answers. Each service runs in one transaction, validates before saving and
writes the audit log itself.
"""

import json
import random
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connections, router, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from core.ids import parse_id, parse_small
from quizzes import selectors
from quizzes.errors import (
    UNKNOWN_QUESTION,
    AttemptClosed,
    AttemptNotSubmitted,
    MaxAttemptsReached,
    OutOfSequence,
    QuizError,
    QuizUnavailable,
    ResponsesRejected,
)
from quizzes.forms import read_responses
from quizzes.grading import Grade, InvalidResponse
from quizzes.models import (
    AttemptQuestion,
    AttemptState,
    Question,
    Quiz,
    QuizAttempt,
    ResponseSelection,
)
from quizzes.signals import attempt_regraded, attempt_submitted

QUIZ_HAS_NO_QUESTIONS = _("This quiz has no questions yet.")
RESPONSES_TOO_LARGE = _("Too much data was sent, so nothing was saved.")
RESPONSES_MALFORMED = _("The answers sent could not be read, so nothing was saved.")
ANSWER_LOCKED = _("You already checked this answer, so it can no longer be changed.")
NOTHING_TO_CHECK = _("Answer the question before checking it.")
FEEDBACK_NOT_PER_QUESTION = _("This quiz gives feedback only after submission.")
TIME_UP = _("Time is up: your attempt was submitted with the answers saved in time.")
ANSWERS_SAVED = _("Your answers are saved.")

#: Largest JSON size accepted for one save, far above any honest attempt.
MAX_RESPONSES_BYTES = 64 * 1024

ACTION_START = "quizzes.attempt.start"
ACTION_SUBMIT = "quizzes.attempt.submit"
ACTION_REGRADE = "quizzes.attempt.regrade"

PERCENT_STEP = Decimal("0.01")


# --- Starting -------------------------------------------------------------------------


@transaction.atomic
def attempt_start(*, quiz: Quiz, learner, now: datetime | None = None) -> QuizAttempt:
    """Start an attempt, or return the one in progress (on any translation).

    The learner's row is locked first, so two simultaneous starts queue up:
    the second sees the first's attempt and returns it instead of creating
    another, and attempt limits hold under concurrency. The unique
    constraint on (quiz, learner, number) backs this up. ``now`` (default: the
    current time) is when the attempt starts.
    """
    if not quiz.live:
        raise QuizUnavailable()
    _lock_learner(learner)
    now = now or timezone.now()
    attempts = list(selectors.quiz_attempts_for_learner(quiz=quiz, learner=learner))
    for attempt in attempts:
        if attempt.is_in_progress:
            if not attempt.is_past_grace(now):
                return attempt
            _finalize(attempt, now=now, timed_out=True, user=None)
    if quiz.max_attempts is not None and len(attempts) >= quiz.max_attempts:
        raise MaxAttemptsReached()
    questions = selectors.quiz_questions_for_attempt(quiz=quiz)
    if not questions:
        raise QuizUnavailable(QUIZ_HAS_NO_QUESTIONS)

    rng = random.Random(secrets.randbits(64))
    questions = _draw(quiz, questions, rng)
    attempt = QuizAttempt(
        quiz=quiz,
        learner=learner,
        number=max((a.number for a in attempts), default=0) + 1,
        started_at=now,
        deadline=_deadline(quiz=quiz, learner=learner, start=now),
        pass_mark=quiz.pass_mark,
        max_points=sum((q.points for q in questions), Decimal(0)),
    )
    attempt.full_clean(exclude=["quiz", "learner"])
    attempt.save()
    rows = [
        AttemptQuestion(
            attempt=attempt,
            slot=slot,
            question=question,
            question_type=question.type_code,
            snapshot=question.to_snapshot(),
            presentation=question.present(rng, shuffle=quiz.shuffle_choices),
            max_points=question.points,
        )
        for slot, question in enumerate(questions, start=1)
    ]
    for row in rows:
        _clean_row(row)
    AttemptQuestion.objects.bulk_create(rows)
    log(
        instance=attempt,
        action=ACTION_START,
        user=learner,
        data={"quiz_id": quiz.pk, "number": attempt.number, "questions": len(rows)},
    )
    return attempt


def _draw(quiz: Quiz, questions: list[Question], rng: random.Random) -> list[Question]:
    if quiz.draw_count and quiz.draw_count < len(questions):
        drawn = rng.sample(range(len(questions)), quiz.draw_count)
        if not quiz.shuffle_questions:
            drawn.sort()
        return [questions[index] for index in drawn]
    questions = list(questions)
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    return questions


def _deadline(*, quiz: Quiz, learner, start):
    if not quiz.time_limit_minutes:
        return None
    accommodation = selectors.quiz_accommodation(quiz=quiz, learner=learner)
    minutes = Decimal(quiz.time_limit_minutes)
    if accommodation:
        minutes = accommodation.minutes_for(quiz.time_limit_minutes)
    return start + timedelta(minutes=float(minutes))


# --- Saving and checking --------------------------------------------------------------


class SaveStatus(StrEnum):
    """How the save of a posted page ended; the view answers each in HTML or JSON."""

    SAVED = "saved"  # answers stored, the attempt goes on
    CHECKED = "checked"  # answers stored, one question graded and locked
    TIME_UP = "time_up"  # the time limit closed the attempt (see attempt_save)
    CLOSED = "closed"  # already submitted (another tab, a retry): nothing done
    STALE = "stale"  # an out-of-date page (sequence): nothing done
    REJECTED = "rejected"  # answers refused, per question in ``errors``: nothing saved
    REFUSED = "refused"  # the request refused as a whole: nothing saved


#: The outcomes where nothing of the post was kept.
REFUSALS = frozenset(
    {SaveStatus.CLOSED, SaveStatus.STALE, SaveStatus.REJECTED, SaveStatus.REFUSED}
)


@dataclass(frozen=True)
class SaveOutcome:
    """What a page's save did, for the view to render as a page or as JSON.

    ``attempt`` is the attempt as stored afterwards (read under the lock);
    ``message`` is safe to show the learner; ``errors`` maps the posted slots
    to their messages; ``slot`` is the question checked, if one was.
    """

    attempt: QuizAttempt
    status: SaveStatus
    message: str = ""
    errors: Mapping = field(default_factory=dict)
    slot: int | None = None

    @property
    def is_refused(self) -> bool:
        """Whether nothing of the post was kept."""
        return self.status in REFUSALS


def attempt_save_page(
    *, attempt: QuizAttempt, data, now: datetime | None = None
) -> SaveOutcome:
    """Save a posted attempt page (the form, or a script's autosave): an outcome.

    ``data`` is the POST: ``sequence``, the ``slots`` the page listed, their
    answers' fields (``quizzes.forms.read_responses``) and, to check one
    question, ``check``. The attempt is locked, then the rows of the listed
    slots (and the checked one) are read once, with every column: they serve
    the form reader, the validation, the check and the update alike.

    Refusals are outcomes, not exceptions, and keep nothing of the post.
    Queries, whatever the number of questions: the locked attempt, the rows,
    one ``UPDATE`` of the answers that changed, one of the sequence (a check
    adds one for its grade; a close, ``_finalize``'s).
    """
    check = data.get("check") or None
    locked = attempt
    try:
        # Not the decorator: a refusal raised in the block rolls back what it
        # wrote (a check refused after its answers were stored), and is only
        # then turned into an outcome.
        with transaction.atomic():
            locked = _lock_attempt(attempt)
            saved = _save_locked(
                locked,
                sequence=data.get("sequence"),
                check=check,
                now=now or timezone.now(),
                read=lambda also: _read_page(locked, data, also),
            )
    except QuizError as error:
        return SaveOutcome(
            attempt=locked,
            status=_REFUSAL_STATUS.get(type(error), SaveStatus.REFUSED),
            message=error.message,
            errors=error.errors if isinstance(error, ResponsesRejected) else {},
        )
    if saved.is_submitted:
        return SaveOutcome(attempt=saved, status=SaveStatus.TIME_UP, message=TIME_UP)
    if check is not None:
        return SaveOutcome(
            attempt=saved, status=SaveStatus.CHECKED, slot=parse_small(check)
        )
    return SaveOutcome(attempt=saved, status=SaveStatus.SAVED, message=ANSWERS_SAVED)


_REFUSAL_STATUS = {
    AttemptClosed: SaveStatus.CLOSED,
    OutOfSequence: SaveStatus.STALE,
    ResponsesRejected: SaveStatus.REJECTED,
}


def _read_page(
    attempt: QuizAttempt, data, also: list
) -> tuple[dict, list[AttemptQuestion]]:
    """The responses a page posted, and its rows: the one read of its questions."""
    slots = [*data.getlist("slots"), *also]
    rows = selectors.attempt_questions(attempt=attempt, slots=slots)
    return read_responses(rows=rows, data=data), rows


@transaction.atomic
def attempt_save(
    *,
    attempt: QuizAttempt,
    responses: Mapping,
    sequence: int,
    now: datetime | None = None,
) -> QuizAttempt:
    """Save answers mid-attempt; returns the attempt as stored.

    ``responses`` maps slot numbers to raw responses (see
    ``quizzes.models.question_types``); slots not given are left alone.
    Refuses a stale ``sequence`` (OutOfSequence) and bad answers
    (ResponsesRejected), saving nothing. Past the deadline plus grace, the
    answers are ignored and the attempt is closed; within grace they count
    and the attempt is then closed. Check ``is_submitted`` on the result.
    """
    attempt = _lock_attempt(attempt)
    return _save_locked(
        attempt,
        sequence=sequence,
        check=None,
        now=now or timezone.now(),
        read=lambda also: (responses, None),
    )


@transaction.atomic
def attempt_check_question(
    *,
    attempt: QuizAttempt,
    slot: int,
    responses: Mapping,
    sequence: int,
    now: datetime | None = None,
) -> QuizAttempt:
    """Save answers, then grade one question and lock it (feedback after each).

    Used when the quiz's feedback policy is "after each question": the
    learner sees the feedback at once, so the answer cannot change after.
    """
    attempt = _lock_attempt(attempt)
    return _save_locked(
        attempt,
        sequence=sequence,
        check=slot,
        now=now or timezone.now(),
        read=lambda also: (responses, None),
    )


def _save_locked(
    attempt: QuizAttempt,
    *,
    sequence,
    check,
    now: datetime,
    read: Callable[[list], tuple[Mapping, list[AttemptQuestion] | None]],
) -> QuizAttempt:
    """Every save's steps on the locked attempt; raises QuizError to refuse.

    ``read(also)`` gives the responses and, if it read them, the rows of
    their slots and of the slots in ``also`` (None: read them here). It is
    called only once the attempt is known open and the page current, so a
    stale or closed save reads no question.
    """
    if attempt.is_submitted:
        raise AttemptClosed()
    if check is not None and not attempt.quiz.gives_feedback_per_question:
        raise QuizError(FEEDBACK_NOT_PER_QUESTION)
    if attempt.is_past_grace(now):
        return _finalize(attempt, now=now, timed_out=True, user=None)
    _check_sequence(attempt, sequence)
    also = [] if check is None else [check]
    responses, rows = read(also)
    rows = _apply_responses(attempt, responses, now=now, also=also, rows=rows)
    if check is not None:
        _check_row(rows, check, now=now)
    _bump_sequence(attempt)
    if attempt.is_past_deadline(now):
        return _finalize(attempt, now=now, timed_out=True, user=attempt.learner)
    return attempt


def _check_row(rows: list[AttemptQuestion], slot, *, now: datetime) -> None:
    """Grade the answer in ``slot`` and lock it, unless it already is."""
    row = next((row for row in rows if row.slot == parse_small(slot)), None)
    if row is None:
        raise ResponsesRejected({slot: UNKNOWN_QUESTION})
    if row.response is None:
        raise ResponsesRejected({row.slot: NOTHING_TO_CHECK})
    if not row.is_locked:
        _apply_grade(row, _grade(row))
        row.checked_at = now
        _clean_row(row)
        row.save(update_fields=["fraction", "points", "feedback", "checked_at"])


def _apply_responses(
    attempt: QuizAttempt,
    responses: Mapping,
    *,
    now,
    also=(),
    rows: list[AttemptQuestion] | None = None,
) -> list[AttemptQuestion]:
    """Validate every answer first, then store those that changed.

    Returns the rows of the slots answered (and of the slots in ``also``):
    only those are read, snapshots included, so a save of one answer on a
    long quiz reads one row. ``rows`` already read (every column) are used
    as they are.
    """
    if not isinstance(responses, Mapping):
        raise ResponsesRejected(message=RESPONSES_MALFORMED)
    try:
        size = len(json.dumps(responses, default=str))
    except (TypeError, ValueError) as error:
        raise ResponsesRejected(message=RESPONSES_MALFORMED) from error
    if size > MAX_RESPONSES_BYTES:
        raise ResponsesRejected(message=RESPONSES_TOO_LARGE)

    if rows is None:
        rows = selectors.attempt_questions(attempt=attempt, slots=[*responses, *also])
    by_slot = {row.slot: row for row in rows}
    errors, changed = {}, []
    for raw_slot, raw in responses.items():
        slot = parse_small(raw_slot)
        row = by_slot.get(slot)
        if row is None:
            errors[raw_slot] = UNKNOWN_QUESTION
            continue
        try:
            cleaned = row.served_question.clean_response(raw)
        except InvalidResponse as error:
            errors[slot] = error.message
            continue
        if cleaned == row.response:
            continue
        if row.is_locked:
            errors[slot] = ANSWER_LOCKED
            continue
        row.response = cleaned
        row.answered_at = now if cleaned is not None else None
        changed.append(row)
    if errors:
        raise ResponsesRejected(errors)
    for row in changed:
        _clean_row(row)
    # Either way a cleared answer is SQL NULL, as an unanswered row (tested).
    if len(changed) == 1:  # the usual autosave: a plain UPDATE, not CASE WHEN
        row = changed[0]
        AttemptQuestion.objects.filter(pk=row.pk).update(
            response=row.response, answered_at=row.answered_at
        )
    else:
        AttemptQuestion.objects.bulk_update(changed, ["response", "answered_at"])
    return rows


def _check_sequence(attempt: QuizAttempt, sequence) -> None:
    # 0 is the sequence of an attempt never saved; anything not a plain
    # number (missing, junk) matches no sequence.
    if parse_id(sequence, minimum=0) != attempt.sequence:
        raise OutOfSequence()


# --- Submitting -----------------------------------------------------------------------


@transaction.atomic
def attempt_submit(
    *,
    attempt: QuizAttempt,
    responses: Mapping | None = None,
    sequence: int | None = None,
    now: datetime | None = None,
) -> QuizAttempt:
    """Submit an attempt: grade it from its snapshots and store the score.

    Idempotent: submitting a submitted attempt (double click, second tab,
    retry) returns it unchanged. ``responses`` given with the submission are
    saved first, under the same sequence check as ``attempt_save``, unless
    the deadline plus grace has passed, in which case only what was saved in
    time is graded. ``now`` (default: the current time) is when it is submitted.
    """
    attempt = _lock_attempt(attempt)
    if attempt.is_submitted:
        return attempt
    now = now or timezone.now()
    past_grace = attempt.is_past_grace(now)
    if responses is not None and not past_grace:
        _check_sequence(attempt, sequence)
        _apply_responses(attempt, responses, now=now)
        attempt.sequence += 1
    return _finalize(
        attempt,
        now=now,
        timed_out=attempt.is_past_deadline(now),
        user=None if past_grace else attempt.learner,
    )


@transaction.atomic
def attempt_expire(*, attempt: QuizAttempt) -> QuizAttempt:
    """Close an in-progress attempt whose time is up (deadline plus grace)."""
    attempt = _lock_attempt(attempt)
    if attempt.is_in_progress and attempt.is_past_grace():
        return _finalize(attempt, now=timezone.now(), timed_out=True, user=None)
    return attempt


def attempt_close_expired() -> int:
    """Close every attempt whose time is up; for a periodic task. Returns a count."""
    closed = 0
    for attempt in selectors.expired_attempts().only("pk"):
        if attempt_expire(attempt=attempt).is_submitted:
            closed += 1
    return closed


def _finalize(attempt: QuizAttempt, *, now, timed_out: bool, user) -> QuizAttempt:
    rows = selectors.attempt_questions(attempt=attempt)
    _grade_rows(attempt, rows)
    attempt.state = AttemptState.SUBMITTED
    attempt.submitted_at = now
    attempt.timed_out = timed_out
    attempt.full_clean(exclude=["quiz", "learner"], validate_constraints=False)
    attempt.save()
    log(
        instance=attempt,
        action=ACTION_SUBMIT,
        user=user,
        data={**_score_data(attempt), "timed_out": timed_out},
    )
    attempt_submitted.send(sender=QuizAttempt, attempt=attempt)
    return attempt


def _grade(row: AttemptQuestion) -> Grade:
    try:
        return row.grading_question.grade(row.response)
    except InvalidResponse:
        # A stored answer the key cannot read (it was valid when saved):
        # no credit, but never an error page.
        return Grade(fraction=0)


def _apply_grade(row: AttemptQuestion, grade: Grade) -> None:
    row.fraction = grade.fraction
    row.points = grade.points(row.max_points)
    row.feedback = grade.feedback


def _grade_rows(attempt: QuizAttempt, rows: list[AttemptQuestion]) -> None:
    selections = []
    for row in rows:
        grade = _grade(row)
        _apply_grade(row, grade)
        _clean_row(row)
        selections += [
            ResponseSelection(
                attempt_question=row,
                option_id=selection.option_id[:64],
                label=selection.label[:255],
                is_correct=selection.is_correct,
            )
            for selection in grade.selections
        ]
    AttemptQuestion.objects.bulk_update(
        rows, ["fraction", "points", "feedback", "regrade_snapshot"]
    )
    ResponseSelection.objects.filter(attempt_question__attempt=attempt).delete()
    ResponseSelection.objects.bulk_create(selections)
    attempt.points = sum((row.points for row in rows), Decimal(0))
    attempt.max_points = sum((row.max_points for row in rows), Decimal(0))
    attempt.score_percent = (
        (attempt.points / attempt.max_points * 100).quantize(
            PERCENT_STEP, ROUND_HALF_UP
        )
        if attempt.max_points
        else Decimal(0)
    )
    attempt.passed = attempt.score_percent >= attempt.pass_mark


def _score_data(attempt: QuizAttempt) -> dict[str, Any]:
    return {
        "points": str(attempt.points),
        "max_points": str(attempt.max_points),
        "score_percent": str(attempt.score_percent),
        "passed": attempt.passed,
    }


# --- Regrading ------------------------------------------------------------------------


@transaction.atomic
def attempt_regrade(*, attempt: QuizAttempt, actor) -> QuizAttempt:
    """Recompute a submitted attempt with the questions' current keys, on purpose.

    Each question is graded with its current key when it still exists, has
    the same type and keeps every option the learner was shown; otherwise
    with the key it was served with. The review keeps showing what the
    learner saw. Old and new scores, who and when go to the audit log.
    """
    attempt = _lock_attempt(attempt)
    if not attempt.is_submitted:
        raise AttemptNotSubmitted()
    previous = _score_data(attempt)
    rows = selectors.attempt_questions(attempt=attempt)
    current = selectors.questions_with_rows(
        ids=[row.question_id for row in rows if row.question_id]
    )
    updated, kept = [], []
    for row in rows:
        snapshot = _current_key(row, current.get(row.question_id))
        if snapshot is None:
            kept.append(row.slot)
        else:
            updated.append(row.slot)
        row.regrade_snapshot = None if snapshot == row.snapshot else snapshot
        row.__dict__.pop("grading_question", None)
    _grade_rows(attempt, rows)
    attempt.full_clean(exclude=["quiz", "learner"], validate_constraints=False)
    attempt.save()
    log(
        instance=attempt,
        action=ACTION_REGRADE,
        user=actor,
        data={
            "old": previous,
            "new": _score_data(attempt),
            "regraded_questions": updated,
            "kept_questions": kept,
        },
    )
    attempt_regraded.send(sender=QuizAttempt, attempt=attempt, previous=previous)
    return attempt


def _current_key(row: AttemptQuestion, question: Question | None) -> dict | None:
    """The question's current snapshot, if it can still grade this answer."""
    if question is None or question.type_code != row.question_type:
        return None
    snapshot = question.to_snapshot()
    if (
        not row.served_question.option_keys()
        <= Question.from_snapshot(snapshot).option_keys()
    ):
        return None
    return snapshot


# --- Helpers --------------------------------------------------------------------------


def _lock_learner(learner) -> None:
    """Lock the learner's row: their starts queue up, other learners' don't."""
    list(
        get_user_model()
        .objects.select_for_update()
        .filter(pk=learner.pk)
        .values_list("pk")
    )


def _lock_attempt(attempt: QuizAttempt) -> QuizAttempt:
    """The attempt re-read under a row lock, with the quiz and learner it had.

    An attempt's quiz and learner never change, so those already loaded are
    kept rather than joined again (the quiz may come from the render cache);
    the ones not loaded are read with the lock.
    """
    related = [
        name
        for name in ("quiz", "learner")
        if not QuizAttempt._meta.get_field(name).is_cached(attempt)
    ]
    if related:
        locked = (
            QuizAttempt.objects.select_for_update(of=("self",))
            .select_related(*related)
            .get(pk=attempt.pk)
        )
    else:
        locked = selectors.attempt_row(attempt_id=attempt.pk, for_update=True)
        if locked is None:
            raise QuizAttempt.DoesNotExist
    for name in {"quiz", "learner"} - set(related):
        setattr(locked, name, getattr(attempt, name))
    return locked


def _bump_sequence(attempt: QuizAttempt) -> None:
    """The next sequence number: earlier pages and other tabs are now stale.

    A plain ``UPDATE`` of the one column, under the row lock already held.
    """
    attempt.sequence += 1
    db = connections[router.db_for_write(QuizAttempt)]
    meta = QuizAttempt._meta
    quote = db.ops.quote_name
    with db.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(meta.db_table)} "
            f"SET {quote(meta.get_field('sequence').column)} = %s "
            f"WHERE {quote(meta.pk.column)} = %s",
            [attempt.sequence, attempt.pk],
        )


def _clean_row(row: AttemptQuestion) -> None:
    # Foreign keys are known to exist and uniqueness is the database's job:
    # skipping those checks keeps saving 50 answers at a constant query count.
    row.full_clean(
        exclude=["attempt", "question"],
        validate_unique=False,
        validate_constraints=False,
    )
