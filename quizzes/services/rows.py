"""Row helpers the attempt services share: locks, the sequence, validation, grading.

For ``attempts`` and ``saving`` only; each runs inside its caller's transaction.
"""

import json
from collections.abc import Mapping

from django.contrib.auth import get_user_model
from django.db import connections, router
from django.utils.translation import gettext_lazy as _

from core.ids import parse_id, parse_small
from quizzes import selectors
from quizzes.errors import (
    UNKNOWN_QUESTION,
    OutOfSequence,
    ResponsesRejected,
)
from quizzes.grading import Grade, InvalidResponse
from quizzes.models import (
    AttemptQuestion,
    QuizAttempt,
)

RESPONSES_TOO_LARGE = _("Too much data was sent, so nothing was saved.")
RESPONSES_MALFORMED = _("The answers sent could not be read, so nothing was saved.")
ANSWER_LOCKED = _("You already checked this answer, so it can no longer be changed.")

#: Largest JSON size accepted for one save, far above any honest attempt.
MAX_RESPONSES_BYTES = 64 * 1024


def lock_learner(learner) -> None:
    """Lock the learner's row: their starts queue up, other learners' don't."""
    list(
        get_user_model()
        .objects.select_for_update()
        .filter(pk=learner.pk)
        .values_list("pk")
    )


def lock_attempt(attempt: QuizAttempt) -> QuizAttempt:
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


def bump_sequence(attempt: QuizAttempt) -> None:
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


def clean_row(row: AttemptQuestion) -> None:
    # Foreign keys are known to exist and uniqueness is the database's job:
    # skipping those checks keeps saving 50 answers at a constant query count.
    row.full_clean(
        exclude=["attempt", "question"],
        validate_unique=False,
        validate_constraints=False,
    )


def grade_row(row: AttemptQuestion) -> Grade:
    """The row's grade: a person's decision when one was made, else the rule's."""
    question = row.grading_question
    try:
        if row.person_grade is not None:
            return question.grade_by_person(row.response, row.person_grade)
        return question.grade(row.response)
    except InvalidResponse:
        # A stored answer the key cannot read (it was valid when saved):
        # no credit, but never an error page.
        return Grade(fraction=0)


def apply_grade(row: AttemptQuestion, grade: Grade) -> None:
    row.fraction = grade.fraction
    row.points = grade.points(row.max_points)
    row.feedback = grade.feedback
    row.needs_person = grade.needs_person


def apply_responses(
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
        clean_row(row)
    # Either way a cleared answer is SQL NULL, as an unanswered row (tested).
    if len(changed) == 1:  # the usual autosave: a plain UPDATE, not CASE WHEN
        row = changed[0]
        AttemptQuestion.objects.filter(pk=row.pk).update(
            response=row.response, answered_at=row.answered_at
        )
    else:
        AttemptQuestion.objects.bulk_update(changed, ["response", "answered_at"])
    return rows


def check_sequence(attempt: QuizAttempt, sequence) -> None:
    # 0 is the sequence of an attempt never saved; anything not a plain
    # number (missing, junk) matches no sequence.
    if parse_id(sequence, minimum=0) != attempt.sequence:
        raise OutOfSequence()
