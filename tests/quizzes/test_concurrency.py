"""Races, with real threads on PostgreSQL (row locks do nothing on SQLite)."""

import threading

import pytest
from django.db import connection
from wagtail.models import ModelLogEntry

from quizzes import selectors, services
from quizzes.models import AttemptState, QuizAttempt
from quizzes.services import MaxAttemptsReached, OutOfSequence, SaveStatus
from quizzes.services import NotAwaitingGrading as NotGraded
from tests.factories import EssayQuestionFactory, QuizFactory, UserFactory

from .helpers import as_post, attempt_post

pytestmark = [
    pytest.mark.postgres_only,
    # Like every transactional test here: without serialized_rollback, the
    # flush after each test re-creates content types that the next
    # serialized_rollback test then inserts again (a duplicate-key error).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_together(task, count=2):
    """Run ``task`` in ``count`` threads released at the same instant."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            results.append(task())
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


def test_two_simultaneous_starts_make_one_attempt(quiz, learner):
    quiz.max_attempts = 1
    quiz.save()
    results, errors = run_together(
        lambda: services.attempt_start(quiz=quiz, learner=learner).pk, count=4
    )
    assert errors == []
    assert len(set(results)) == 1
    assert QuizAttempt.objects.count() == 1


def test_max_attempts_hold_when_learners_race(quiz, learner):
    quiz.max_attempts = 2
    quiz.save()
    services.attempt_submit(attempt=services.attempt_start(quiz=quiz, learner=learner))

    def start_and_submit():
        attempt = services.attempt_start(quiz=quiz, learner=learner)
        return services.attempt_submit(attempt=attempt).pk

    for _ in range(3):
        results, errors = run_together(start_and_submit, count=3)
        assert all(isinstance(error, MaxAttemptsReached) for error in errors), errors
    numbers = sorted(QuizAttempt.objects.values_list("number", flat=True))
    assert numbers == [1, 2]


def test_simultaneous_submissions_grade_once(quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    results, errors = run_together(
        lambda: services.attempt_submit(attempt=attempt).submitted_at, count=3
    )
    assert errors == []
    assert len(set(results)) == 1
    assert ModelLogEntry.objects.filter(action=services.ACTION_SUBMIT).count() == 1


def test_simultaneous_saves_from_the_same_page_keep_one(quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    answers = iter(["20", "21", "22"])
    lock = threading.Lock()

    def save():
        with lock:
            answer = next(answers)
        services.attempt_save(attempt=attempt, responses={5: answer}, sequence=0)
        return answer

    results, errors = run_together(save, count=3)
    assert len(results) == 1
    assert len(errors) == 2 and all(isinstance(e, OutOfSequence) for e in errors)
    row = selectors.attempt_questions(attempt=attempt)[4]
    assert row.response == results[0]
    assert QuizAttempt.objects.get().sequence == 1


def test_simultaneous_page_saves_from_two_tabs_keep_one(quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    numeric = next(
        row
        for row in selectors.attempt_questions(attempt=attempt)
        if row.question_type == "numeric"
    )
    answers = iter(["20", "21", "22"])
    lock = threading.Lock()

    def save():
        with lock:
            answer = next(answers)
        data = as_post(attempt_post(attempt, [numeric], {numeric.slot: answer}))
        outcome = services.attempt_save_page(attempt=attempt, data=data)
        return outcome.status, answer

    results, errors = run_together(save, count=3)
    assert errors == []
    statuses = sorted(status for status, _answer in results)
    assert statuses == [SaveStatus.SAVED, SaveStatus.STALE, SaveStatus.STALE]
    (kept,) = [answer for status, answer in results if status is SaveStatus.SAVED]
    row = selectors.attempt_questions(attempt=attempt, slots=[numeric.slot])[0]
    assert row.response == kept
    assert QuizAttempt.objects.get().sequence == 1


def test_two_graders_at_once_grade_an_essay_once(learner, locale_fr):
    """Two trainers press "Save" on the same essay at once: one grade, one refusal."""
    quiz = QuizFactory(questions=[EssayQuestionFactory(locale=locale_fr)])
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    attempt = services.attempt_submit(
        attempt=attempt, responses={1: "Bonjour, merci."}, sequence=attempt.sequence
    )
    row = attempt.attempt_questions.get()
    graders = [UserFactory(username=f"grader{n}") for n in range(2)]
    levels = row.served_question.key_decision()["levels"]
    pending = list(graders)

    def grade():
        return services.essay_grade(
            attempt_question=row,
            grader=pending.pop(),
            levels=levels,
            feedback="",
            sequence=attempt.sequence,
        ).pk

    results, errors = run_together(grade, count=2)
    assert len(results) == 1
    assert len(errors) == 1
    assert isinstance(errors[0], services.GradingLocked | OutOfSequence | NotGraded)
    assert ModelLogEntry.objects.filter(action=services.ACTION_GRADE).count() == 1
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.SUBMITTED
