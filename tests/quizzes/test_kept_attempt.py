"""Which submitted attempt counts, per grading method, and whether it passed.

A small table against ``quizzes.selectors.quiz_kept_attempt`` and
``quiz_is_passed``: the highest score (ties: the earliest; an attempt with no
score counts as the lowest), the first or the last submitted. Under "average"
no single attempt is kept: the mean score passes at the pass mark.
"""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import AttemptState, GradingMethod
from quizzes.selectors import quiz_is_passed, quiz_kept_attempt
from tests.factories import QuizAttemptFactory, QuizFactory

pytestmark = pytest.mark.django_db

PASS_MARK = 70

needs_average = pytest.mark.skipif(
    not hasattr(GradingMethod, "AVERAGE"),
    reason="average grading method not yet added",
)


def take(quiz, learner, scores, *, quizzes=None):
    """Submitted attempts with ``scores``, an hour apart, oldest first.

    ``quizzes`` cycles the attempts over translations of the quiz.
    """
    start = timezone.now() - datetime.timedelta(days=1)
    quizzes = quizzes or [quiz]
    return [
        QuizAttemptFactory(
            quiz=quizzes[index % len(quizzes)],
            learner=learner,
            score_percent=score,
            submitted_at=start + datetime.timedelta(hours=index),
        )
        for index, score in enumerate(scores)
    ]


KEPT = [
    pytest.param("highest", (40, 90, 60), 1, id="highest"),
    pytest.param("highest", (90, 40, 90), 0, id="highest-tie-earliest"),
    pytest.param("highest", (None, 40), 1, id="highest-no-score-is-lowest"),
    pytest.param("highest", (None,), 0, id="highest-only-no-score"),
    pytest.param("first", (40, 90), 0, id="first-fail-pass"),
    pytest.param("first", (90, 40), 0, id="first-pass-fail"),
    pytest.param("last", (90, 40), 1, id="last-pass-fail"),
    pytest.param("last", (40, None), 1, id="last-no-score"),
]


@pytest.mark.parametrize(("method", "scores", "kept"), KEPT)
def test_kept_attempt_per_grading_method(learner, method, scores, kept):
    quiz = QuizFactory(grading_method=method, pass_mark=PASS_MARK)
    attempts = take(quiz, learner, scores)
    assert quiz_kept_attempt(quiz=quiz, learner=learner) == attempts[kept]
    assert quiz_is_passed(quiz=quiz, learner=learner) == attempts[kept].passed


AVERAGE = [
    pytest.param((40, 90), False, id="fail-pass-averages-65"),
    pytest.param((90, 60), True, id="averages-75"),
    pytest.param((60, 80), True, id="averages-the-pass-mark"),
    pytest.param((90,), True, id="one-pass"),
]


@needs_average
@pytest.mark.parametrize(("scores", "passed"), AVERAGE)
def test_average_passes_on_the_mean_score(learner, scores, passed):
    quiz = QuizFactory(grading_method="average", pass_mark=PASS_MARK)
    take(quiz, learner, scores)
    assert quiz_is_passed(quiz=quiz, learner=learner) is passed


def test_attempts_in_progress_or_at_other_quizzes_do_not_count(learner, locale_en):
    quiz = QuizFactory(grading_method="last", pass_mark=PASS_MARK)
    english = QuizFactory(
        locale=locale_en, translation_key=quiz.translation_key, pass_mark=PASS_MARK
    )
    # Alternating French and English: the last submitted is in English.
    attempts = take(quiz, learner, (40, 90), quizzes=[quiz, english])
    QuizAttemptFactory(
        quiz=quiz, learner=learner, state=AttemptState.IN_PROGRESS, submitted_at=None
    )
    take(QuizFactory(pass_mark=PASS_MARK), learner, (10,))  # another quiz
    assert quiz_kept_attempt(quiz=quiz, learner=learner) == attempts[1]
    assert quiz_kept_attempt(quiz=english, learner=learner) == attempts[1]
    assert quiz_is_passed(quiz=quiz, learner=learner)
