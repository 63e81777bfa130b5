"""Attempt services: start, submit, expire and regrade.

Every rule of an attempt is enforced here and in ``saving`` (answers), not in
views: attempt limits (under a row lock), the time limit (server time),
idempotent submission. Each service runs in one transaction, validates
before saving and writes the audit log itself.
"""

import random
import secrets
from collections.abc import Mapping
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from quizzes import selectors
from quizzes.errors import (
    AttemptNotSubmitted,
    MaxAttemptsReached,
    QuizUnavailable,
)
from quizzes.models import (
    AttemptQuestion,
    AttemptState,
    Question,
    Quiz,
    QuizAttempt,
    ResponseSelection,
)
from quizzes.signals import (
    attempt_closed,
    attempt_regraded,
    attempt_started,
    attempt_submitted,
)

from .rows import (
    apply_grade,
    apply_responses,
    check_sequence,
    clean_row,
    grade_row,
    lock_attempt,
    lock_learner,
)

QUIZ_HAS_NO_QUESTIONS = _("This quiz has no questions yet.")


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
    lock_learner(learner)
    now = now or timezone.now()
    attempts = list(selectors.quiz_attempts_for_learner(quiz=quiz, learner=learner))
    for attempt in attempts:
        if attempt.is_in_progress:
            if not attempt.is_past_grace(now):
                return attempt
            attempt_finalize_locked(attempt, now=now, timed_out=True, user=None)
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
        clean_row(row)
    AttemptQuestion.objects.bulk_create(rows)
    log(
        instance=attempt,
        action=ACTION_START,
        user=learner,
        data={"quiz_id": quiz.pk, "number": attempt.number, "questions": len(rows)},
    )
    attempt_started.send(sender=QuizAttempt, attempt=attempt)
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
    attempt = lock_attempt(attempt)
    if attempt.is_submitted:
        return attempt
    now = now or timezone.now()
    past_grace = attempt.is_past_grace(now)
    if responses is not None and not past_grace:
        check_sequence(attempt, sequence)
        apply_responses(attempt, responses, now=now)
        attempt.sequence += 1
    return attempt_finalize_locked(
        attempt,
        now=now,
        timed_out=attempt.is_past_deadline(now),
        user=None if past_grace else attempt.learner,
    )


@transaction.atomic
def attempt_expire(*, attempt: QuizAttempt) -> QuizAttempt:
    """Close an in-progress attempt whose time is up (deadline plus grace)."""
    attempt = lock_attempt(attempt)
    if attempt.is_in_progress and attempt.is_past_grace():
        return attempt_finalize_locked(
            attempt, now=timezone.now(), timed_out=True, user=None
        )
    return attempt


def attempt_close_expired() -> int:
    """Close every attempt whose time is up; for a periodic task. Returns a count."""
    closed = 0
    for attempt in selectors.expired_attempts().only("pk"):
        if attempt_expire(attempt=attempt).is_submitted:
            closed += 1
    return closed


def attempt_finalize_locked(
    attempt: QuizAttempt, *, now, timed_out: bool, user
) -> QuizAttempt:
    rows = selectors.attempt_questions(attempt=attempt)
    grade_rows(attempt, rows)
    attempt.submitted_at = now
    attempt.timed_out = timed_out
    attempt.full_clean(exclude=["quiz", "learner"], validate_constraints=False)
    attempt.save()
    log(
        instance=attempt,
        action=ACTION_SUBMIT,
        user=user,
        data={**score_data(attempt), "timed_out": timed_out},
    )
    attempt_closed.send(sender=QuizAttempt, attempt=attempt)
    attempt_submitted.send(sender=QuizAttempt, attempt=attempt)
    return attempt


def grade_rows(attempt: QuizAttempt, rows: list[AttemptQuestion]) -> None:
    """Grade every row, rewrite its selections, and total the attempt.

    Sets the attempt's state: awaiting grading while any answer needs a
    person, else submitted (passed or failed). Used at submission, by a
    regrade and when a person's grading completes an attempt.
    """
    selections = []
    for row in rows:
        grade = grade_row(row)
        apply_grade(row, grade)
        clean_row(row)
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
        rows, ["fraction", "points", "feedback", "regrade_snapshot", "needs_person"]
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
    if any(row.needs_person for row in rows):
        # Neither passed nor failed until a person has graded every such answer.
        attempt.state = AttemptState.AWAITING_GRADING
        attempt.score_percent = None
        attempt.passed = False
    else:
        attempt.state = AttemptState.SUBMITTED
        attempt.grading_locked_by = None
        attempt.grading_locked_until = None


def score_data(attempt: QuizAttempt) -> dict[str, Any]:
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
    attempt = lock_attempt(attempt)
    if not attempt.is_submitted:
        raise AttemptNotSubmitted()
    previous = score_data(attempt)
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
    grade_rows(attempt, rows)
    attempt.full_clean(exclude=["quiz", "learner"], validate_constraints=False)
    attempt.save()
    log(
        instance=attempt,
        action=ACTION_REGRADE,
        user=actor,
        data={
            "old": previous,
            "new": score_data(attempt),
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
