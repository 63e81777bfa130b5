"""Essays: pure grading, the rubric, awaiting grading, and grading by a person."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from quizzes import selectors, services
from quizzes.grading import Grade
from quizzes.models import AttemptState, EssayCriterion, EssayQuestion
from quizzes.question_types.essay import (
    CHOOSE_EVERY_LEVEL,
    NEED_RUBRIC,
    QUICK_RUBRIC,
    RUBRIC_LEVEL_FORMAT,
    RUBRIC_NEEDS_POINTS,
    WORD_LIMITS_ORDER,
    essay_display,
    quick_essay,
    word_count,
)
from quizzes.services import (
    ANSWER_ALREADY_GRADED,
    GRADING_LOCK,
    GradingLocked,
    GradingRejected,
    NotAwaitingGrading,
    OutOfSequence,
)
from quizzes.signals import attempt_graded
from tests.factories import (
    EssayQuestionFactory,
    QuizFactory,
    SingleChoiceQuestionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ESSAY = "Bonjour Julie, merci pour votre demande. Écrivez-moi au bureau."


def essay_in_memory(levels=("0 | Ton sec\n2 | Ton chaleureux", "0 | Non\n4 | Oui")):
    question = EssayQuestion(prompt="<p>Refusez.</p>", points=Decimal(6))
    question.criteria = [
        EssayCriterion(key=f"c{n}", criterion=f"Critère {n}", levels=text)
        for n, text in enumerate(levels)
    ]
    return question


# --- Pure: grade, rubric, display ----------------------------------------------------


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (None, Grade.unanswered()),
        ("   ", Grade.unanswered()),
        (ESSAY, Grade.awaiting_person()),
    ],
    ids=["none", "blank", "written"],
)
def test_grade_is_pure_and_says_a_person_is_needed(
    django_assert_num_queries, response, expected
):
    question = essay_in_memory()
    with django_assert_num_queries(0):
        grade = question.grade(response)
    assert grade == expected
    assert grade.fraction == 0


@pytest.mark.parametrize(
    ("levels", "fraction"),
    [
        ({"c0": 1, "c1": 1}, Decimal(1)),
        ({"c0": 0, "c1": 1}, Decimal("0.6667")),
        ({"c0": 1, "c1": 0}, Decimal("0.3333")),
        ({"c0": 0, "c1": 0}, Decimal(0)),
    ],
    ids=["all-top", "contact-only", "polite-only", "none"],
)
def test_a_persons_levels_give_the_score(django_assert_num_queries, levels, fraction):
    question = essay_in_memory()
    decision = question.clean_person_grade(
        {key: str(index) for key, index in levels.items()}, " Merci ! "
    )
    with django_assert_num_queries(0):
        grade = question.grade_by_person(ESSAY, decision)
    assert grade.fraction == fraction
    assert grade.feedback == "Merci !"
    assert not grade.needs_person
    assert len(grade.selections) == 2


@pytest.mark.parametrize(
    "levels",
    [{}, {"c0": "1"}, {"c0": "1", "c1": "7"}, {"c0": "x", "c1": "0"}],
    ids=["nothing", "one-missing", "out-of-range", "not-a-number"],
)
def test_every_criterion_needs_a_valid_level(levels):
    with pytest.raises(Exception) as error:
        essay_in_memory().clean_person_grade(levels, "")
    assert str(error.value) == str(CHOOSE_EVERY_LEVEL)


def test_rubric_rows_derive_the_points_and_refuse_bad_levels():
    question = essay_in_memory()
    rows = list(question.criteria.all())
    assert EssayQuestion.validate_rows(question, {"criteria": rows}) == []
    assert question.points == 6
    bad = EssayCriterion(criterion="Ton", levels="deux points: chaleureux")
    assert EssayQuestion.validate_rows(question, {"criteria": [bad]}) == [
        RUBRIC_LEVEL_FORMAT % {"criterion": "Ton"}
    ]
    nothing = EssayCriterion(criterion="Ton", levels="0 | Sec")
    assert EssayQuestion.validate_rows(question, {"criteria": [nothing]}) == [
        RUBRIC_NEEDS_POINTS % {"criterion": "Ton"}
    ]
    assert EssayQuestion.validate_rows(question, {"criteria": []}) == [NEED_RUBRIC]


def test_word_limits_must_be_in_order():
    question = EssayQuestionFactory.build(min_words=50, max_words=10)
    with pytest.raises(ValidationError) as error:
        question.clean()
    assert error.value.message_dict["min_words"] == [str(WORD_LIMITS_ORDER)]


def test_display_puts_the_text_back_with_its_word_count():
    assert essay_display({}, ESSAY, "q1") == {"value": ESSAY, "words": 9}
    assert essay_display({}, None, "q1") == {"value": "", "words": 0}
    assert word_count("  un\n deux\ttrois ") == 3


def test_quick_answers_read_one_criterion_per_line():
    assert quick_essay(["Politesse: 0 | Sec; 2 | Chaleureux"]) == {
        "rubric": [
            {
                "criterion": "Politesse",
                "levels": [
                    {"label": "Sec", "points": "0"},
                    {"label": "Chaleureux", "points": "2"},
                ],
            }
        ]
    }
    for line in ("Politesse", ": 0 | Sec", "Politesse: deux"):
        with pytest.raises(ValidationError) as error:
            quick_essay([line])
        assert error.value.messages == [str(QUICK_RUBRIC)]


# --- Attempts awaiting grading ------------------------------------------------------


@pytest.fixture
def essay(locale_fr):
    return EssayQuestionFactory(locale=locale_fr)


@pytest.fixture
def essay_quiz(essay, locale_fr):
    """A single-choice question (1 point) and the essay (8 points); pass mark 60."""
    choice = SingleChoiceQuestionFactory(locale=locale_fr)
    return QuizFactory(questions=[choice, essay], title="Quiz rédactionnel")


@pytest.fixture
def grader(db):
    return UserFactory(username="grader", first_name="Fanny", last_name="Lavoie")


def submit_with_essay(quiz, learner, *, text=ESSAY, right=True, now=None):
    attempt = services.attempt_start(quiz=quiz, learner=learner, now=now)
    rows = selectors.attempt_questions(attempt=attempt)
    responses = {}
    for row in rows:
        question = row.served_question
        if isinstance(question, EssayQuestion):
            responses[row.slot] = text
        else:
            responses[row.slot] = question.key_response() if right else None
    return services.attempt_submit(
        attempt=attempt, responses=responses, sequence=attempt.sequence, now=now
    )


def essay_row(attempt):
    return attempt.attempt_questions.get(needs_person=True)


def test_a_submitted_essay_awaits_grading_neither_passed_nor_failed(
    essay_quiz, learner
):
    attempt = submit_with_essay(essay_quiz, learner)
    assert attempt.state == AttemptState.AWAITING_GRADING
    assert attempt.is_submitted and attempt.is_awaiting_grading
    assert attempt.score_percent is None
    assert attempt.passed is False
    grade = selectors.quiz_kept_grade(quiz=essay_quiz, learner=learner)
    assert grade.awaiting and grade.attempts_counted == 0
    assert not selectors.quiz_is_passed(quiz=essay_quiz, learner=learner)


def test_an_unanswered_essay_needs_no_grading(essay_quiz, learner):
    attempt = submit_with_essay(essay_quiz, learner, text="")
    assert attempt.state == AttemptState.SUBMITTED
    assert attempt.score_percent == Decimal("11.11")


def test_grading_the_last_essay_completes_the_attempt(essay_quiz, learner, grader):
    attempt = submit_with_essay(essay_quiz, learner)
    row = essay_row(attempt)
    sent = []
    attempt_graded.connect(lambda **kw: sent.append(kw["attempt"].pk), weak=False)
    now = timezone.now()
    services.attempt_grading_claim(attempt=attempt, grader=grader, now=now)
    services.essay_grade(
        attempt_question=row,
        grader=grader,
        levels=row.served_question.key_decision()["levels"],
        feedback="Très bon refus.",
        sequence=attempt.sequence,
        now=now,
    )
    attempt.refresh_from_db()
    row.refresh_from_db()
    assert attempt.state == AttemptState.SUBMITTED
    assert attempt.score_percent == 100 and attempt.passed
    assert attempt.grading_locked_by is None
    assert (row.points, row.feedback, row.needs_person) == (8, "Très bon refus.", False)
    assert row.graded_by == grader and row.graded_at == now
    assert row.selections.count() == 4
    assert sent == [attempt.pk]
    assert selectors.quiz_is_passed(quiz=essay_quiz, learner=learner)
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(attempt.pk)).values_list(
            "action", flat=True
        )
    )
    assert {services.ACTION_CLAIM, services.ACTION_GRADE, services.ACTION_GRADED} <= (
        actions
    )


def test_low_levels_fail_the_attempt(essay_quiz, learner, grader):
    attempt = submit_with_essay(essay_quiz, learner, right=False)
    row = essay_row(attempt)
    services.essay_grade(
        attempt_question=row,
        grader=grader,
        levels={item["id"]: 0 for item in row.served_question.rubric},
        feedback="",
        sequence=attempt.sequence,
    )
    attempt.refresh_from_db()
    assert (attempt.state, attempt.score_percent, attempt.passed) == (
        AttemptState.SUBMITTED,
        0,
        False,
    )


def test_another_graders_claim_is_refused_until_it_expires(essay_quiz, learner, grader):
    other = UserFactory(username="other-grader", first_name="Olivier", last_name="Roy")
    attempt = submit_with_essay(essay_quiz, learner)
    now = timezone.now()
    services.attempt_grading_claim(attempt=attempt, grader=grader, now=now)
    services.attempt_grading_claim(attempt=attempt, grader=grader, now=now)  # renews
    with pytest.raises(GradingLocked) as error:
        services.attempt_grading_claim(attempt=attempt, grader=other, now=now)
    assert "Fanny Lavoie" in str(error.value.message)
    row = essay_row(attempt)
    with pytest.raises(GradingLocked):
        services.essay_grade(
            attempt_question=row,
            grader=other,
            levels=row.served_question.key_decision()["levels"],
            feedback="",
            sequence=attempt.sequence,
            now=now,
        )
    later = now + GRADING_LOCK + timedelta(seconds=1)
    services.attempt_grading_claim(attempt=attempt, grader=other, now=later)
    attempt.refresh_from_db()
    assert attempt.grading_locked_by == other


def test_a_stale_screen_and_a_second_grading_change_nothing(
    essay_quiz, learner, grader
):
    attempt = submit_with_essay(essay_quiz, learner)
    row = essay_row(attempt)
    levels = row.served_question.key_decision()["levels"]
    with pytest.raises(OutOfSequence):
        services.essay_grade(
            attempt_question=row,
            grader=grader,
            levels=levels,
            feedback="",
            sequence=attempt.sequence - 1,
        )
    with pytest.raises(GradingRejected):
        services.essay_grade(
            attempt_question=row,
            grader=grader,
            levels={},
            feedback="",
            sequence=attempt.sequence,
        )
    assert essay_row(attempt).person_grade is None
    services.essay_grade(
        attempt_question=row,
        grader=grader,
        levels=levels,
        feedback="",
        sequence=attempt.sequence,
    )
    attempt.refresh_from_db()
    with pytest.raises(NotAwaitingGrading):
        services.essay_grade(
            attempt_question=row,
            grader=grader,
            levels=levels,
            feedback="",
            sequence=attempt.sequence,
        )
    assert ANSWER_ALREADY_GRADED  # the per-answer refusal has its own message


def test_a_regrade_keeps_the_persons_grade(essay_quiz, learner, grader, superuser):
    attempt = submit_with_essay(essay_quiz, learner)
    row = essay_row(attempt)
    services.essay_grade(
        attempt_question=row,
        grader=grader,
        levels=row.served_question.key_decision()["levels"],
        feedback="Bien.",
        sequence=attempt.sequence,
    )
    attempt = services.attempt_regrade(attempt=attempt, actor=superuser)
    assert attempt.state == AttemptState.SUBMITTED
    assert attempt.score_percent == 100
    assert essay_row_graded(attempt).feedback == "Bien."


def essay_row_graded(attempt):
    return attempt.attempt_questions.get(person_grade__isnull=False)


def test_a_regrade_of_an_ungraded_attempt_keeps_it_awaiting(
    essay_quiz, learner, superuser
):
    attempt = submit_with_essay(essay_quiz, learner)
    attempt = services.attempt_regrade(attempt=attempt, actor=superuser)
    assert attempt.state == AttemptState.AWAITING_GRADING
    assert attempt.score_percent is None
