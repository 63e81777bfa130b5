"""The kept grade: the Python and SQL forms of quizzes.grades agree, per method."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db.models import F, OuterRef
from django.utils import timezone

from quizzes.grades import kept_grade, kept_grade_expressions
from quizzes.models import CLOSED_STATES, AttemptState, GradingMethod, QuizAttempt
from tests.factories import QuizFactory, UserFactory

pytestmark = pytest.mark.django_db

PASS_MARK = 70
#: An attempt awaiting a person's grading (an essay): neither pass nor fail.
AWAITING = "awaiting"

# (scores in submission order, {method: (kept score, passed)})
CASES = {
    "fail-then-pass": (
        [40, 90],
        {
            GradingMethod.HIGHEST: (90, True),
            GradingMethod.FIRST: (40, False),
            GradingMethod.LAST: (90, True),
            GradingMethod.AVERAGE: (65, False),
        },
    ),
    "pass-then-fail": (
        [90, 40],
        {
            GradingMethod.HIGHEST: (90, True),
            GradingMethod.FIRST: (90, True),
            GradingMethod.LAST: (40, False),
            GradingMethod.AVERAGE: (65, False),
        },
    ),
    "pass-pass-fail": (
        [80, 100, 50],
        {
            GradingMethod.HIGHEST: (100, True),
            GradingMethod.FIRST: (80, True),
            GradingMethod.LAST: (50, False),
            GradingMethod.AVERAGE: (Decimal("76.67"), True),
        },
    ),
    "tie-on-highest": (
        [75, 75],
        {
            GradingMethod.HIGHEST: (75, True),
            GradingMethod.FIRST: (75, True),
            GradingMethod.LAST: (75, True),
            GradingMethod.AVERAGE: (75, True),
        },
    ),
    "ungraded-then-fail": (
        [None, 30],
        {
            GradingMethod.HIGHEST: (30, False),
            GradingMethod.FIRST: (None, False),
            GradingMethod.LAST: (30, False),
            GradingMethod.AVERAGE: (30, False),
        },
    ),
    "pass-then-awaiting": (
        [90, AWAITING],
        {
            GradingMethod.HIGHEST: (90, True),
            GradingMethod.FIRST: (90, True),
            GradingMethod.LAST: (90, True),
            GradingMethod.AVERAGE: (90, True),
        },
    ),
    "fail-awaiting-pass": (
        [40, AWAITING, 90],
        {
            GradingMethod.HIGHEST: (90, True),
            GradingMethod.FIRST: (40, False),
            GradingMethod.LAST: (90, True),
            GradingMethod.AVERAGE: (65, False),
        },
    ),
    "awaiting-only": (
        [AWAITING],
        {
            GradingMethod.HIGHEST: (None, False),
            GradingMethod.FIRST: (None, False),
            GradingMethod.LAST: (None, False),
            GradingMethod.AVERAGE: (None, False),
        },
    ),
}


def _attempts(learner, quiz, scores):
    start = timezone.now() - datetime.timedelta(days=1)
    attempts = []
    for number, score in enumerate(scores, start=1):
        awaiting = score == AWAITING
        score = None if awaiting else score
        attempts.append(
            QuizAttempt.objects.create(
                quiz=quiz,
                learner=learner,
                number=number,
                state=AttemptState.AWAITING_GRADING
                if awaiting
                else AttemptState.SUBMITTED,
                started_at=start + datetime.timedelta(minutes=10 * number),
                submitted_at=start + datetime.timedelta(minutes=10 * number + 5),
                pass_mark=PASS_MARK,
                score_percent=None if score is None else Decimal(score),
                passed=score is not None and score >= PASS_MARK,
            )
        )
    return attempts


def _sql(learner, quiz, method):
    """The kept grade per learner row, with the method read from the quiz row."""
    # Every closed attempt is a candidate: the rule itself leaves out those
    # awaiting grading.
    attempts = QuizAttempt.objects.filter(
        learner=OuterRef("pk"), quiz=quiz, state__in=CLOSED_STATES
    )
    fixed = kept_grade_expressions(attempts, method=method, pass_mark=PASS_MARK)
    return (
        get_user_model()
        .objects.filter(pk=learner.pk)
        .annotate(
            score=fixed["kept_score"],
            passed=fixed["kept_passed"],
            awaiting=fixed["kept_awaiting"],
        )
        .values("score", "passed", "awaiting")
        .get()
    )


@pytest.mark.parametrize("method", GradingMethod.values)
@pytest.mark.parametrize("case", list(CASES))
def test_python_and_sql_keep_the_same_grade(case, method):
    scores, expected = CASES[case]
    learner, quiz = UserFactory(), QuizFactory(grading_method=method)
    attempts = _attempts(learner, quiz, scores)
    score, passed = expected[method]

    in_memory = kept_grade(attempts, method=method, pass_mark=PASS_MARK)
    in_sql = _sql(learner, quiz, method)

    expected_score = None if score is None else Decimal(score)
    assert (in_memory.score_percent, in_memory.passed) == (expected_score, passed)
    assert in_memory.awaiting == bool(in_sql["awaiting"]) == (AWAITING in scores)
    sql_score = in_sql["score"]
    assert (
        None if sql_score is None else Decimal(sql_score).quantize(Decimal("0.01")),
        bool(in_sql["passed"]),
    ) == (expected_score, passed)


@pytest.mark.parametrize("method", GradingMethod.values)
def test_the_method_read_from_each_row_picks_the_same_grade(method):
    """The reports read the method from the outer row: a CASE over methods."""
    learner, quiz = UserFactory(), QuizFactory(grading_method=method)
    _attempts(learner, quiz, [40, 90])
    attempts = QuizAttempt.objects.filter(
        learner=OuterRef("learner_id"),
        quiz=OuterRef("quiz_id"),
        state=AttemptState.SUBMITTED,
    )
    figures = kept_grade_expressions(
        attempts, method=F("quiz__grading_method"), pass_mark=F("quiz__pass_mark")
    )
    row = (
        QuizAttempt.objects.filter(quiz=quiz, number=1)
        .annotate(kept=figures["kept_passed"])
        .values("kept")
        .get()
    )
    # The quiz's own pass mark (60 in the factory) applies to the average.
    expected = kept_grade(
        QuizAttempt.objects.filter(quiz=quiz),
        method=method,
        pass_mark=quiz.pass_mark,
    )
    assert bool(row["kept"]) == expected.passed


def test_no_attempt_keeps_nothing():
    learner, quiz = UserFactory(), QuizFactory()
    assert kept_grade([], method=GradingMethod.HIGHEST, pass_mark=PASS_MARK) is None
    assert _sql(learner, quiz, GradingMethod.AVERAGE) == {
        "score": None,
        "passed": False,
        "awaiting": False,
    }


def test_the_ordered_methods_keep_an_attempt_and_the_average_none():
    learner, quiz = UserFactory(), QuizFactory()
    first, last = _attempts(learner, quiz, [40, 90])
    assert kept_grade([first, last], method="first", pass_mark=70).attempt == first
    assert kept_grade([first, last], method="last", pass_mark=70).attempt == last
    average = kept_grade([first, last], method="average", pass_mark=70)
    assert average.attempt is None
    assert average.attempts_counted == 2
    assert average.submitted_at == last.submitted_at
