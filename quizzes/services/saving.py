"""Saving and checking answers: the answer-save path, one service and its outcome.

``attempt_save_page`` is what the attempt page's POST calls: it locks the
attempt, refuses a closed attempt, a stale page (sequence numbers) and
foreign or malformed answers, reads the posted rows once and returns a
``SaveOutcome`` that the view renders as HTML or JSON.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.ids import parse_small
from quizzes import selectors
from quizzes.errors import (
    UNKNOWN_QUESTION,
    AttemptClosed,
    OutOfSequence,
    QuizError,
    ResponsesRejected,
)
from quizzes.forms import read_responses
from quizzes.models import (
    AttemptQuestion,
    QuizAttempt,
)

from .attempts import attempt_finalize_locked
from .rows import (
    apply_grade,
    apply_responses,
    bump_sequence,
    check_sequence,
    clean_row,
    grade_row,
    lock_attempt,
)

NOTHING_TO_CHECK = _("Answer the question before checking it.")
FEEDBACK_NOT_PER_QUESTION = _("This quiz gives feedback only after submission.")
TIME_UP = _("Time is up: your attempt was submitted with the answers saved in time.")
ANSWERS_SAVED = _("Your answers are saved.")


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

_REFUSAL_STATUS = {
    AttemptClosed: SaveStatus.CLOSED,
    OutOfSequence: SaveStatus.STALE,
    ResponsesRejected: SaveStatus.REJECTED,
}


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
    adds one for its grade; a close, ``attempt_finalize_locked``'s).
    """
    check = data.get("check") or None
    locked = attempt
    try:
        # Not the decorator: a refusal raised in the block rolls back what it
        # wrote (a check refused after its answers were stored), and is only
        # then turned into an outcome.
        with transaction.atomic():
            locked = lock_attempt(attempt)
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
    attempt = lock_attempt(attempt)
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
    attempt = lock_attempt(attempt)
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
        return attempt_finalize_locked(attempt, now=now, timed_out=True, user=None)
    check_sequence(attempt, sequence)
    also = [] if check is None else [check]
    responses, rows = read(also)
    rows = apply_responses(attempt, responses, now=now, also=also, rows=rows)
    if check is not None:
        _check_row(rows, check, now=now)
    bump_sequence(attempt)
    if attempt.is_past_deadline(now):
        return attempt_finalize_locked(
            attempt, now=now, timed_out=True, user=attempt.learner
        )
    return attempt


def _check_row(rows: list[AttemptQuestion], slot, *, now: datetime) -> None:
    """Grade the answer in ``slot`` and lock it, unless it already is."""
    row = next((row for row in rows if row.slot == parse_small(slot)), None)
    if row is None:
        raise ResponsesRejected({slot: UNKNOWN_QUESTION})
    if row.response is None:
        raise ResponsesRejected({row.slot: NOTHING_TO_CHECK})
    if not row.is_locked:
        apply_grade(row, grade_row(row))
        row.checked_at = now
        clean_row(row)
        row.save(update_fields=["fraction", "points", "feedback", "checked_at"])
