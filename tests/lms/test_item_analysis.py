"""Item analysis against a small example worked out by hand.

Five single-choice questions (one point each; options "Bonne réponse",
"Faux A", "Faux B"; "Faux B" of Q2 earns half a point), ten learners, one
first attempt each (C = right, A / B = wrong option, "½" = Faux B of Q2)::

           Q1 Q2 Q3 Q4 Q5   points  score
    L1     C  C  A  C  A    3       60
    L2     C  C  C  C  C    5       100
    L3     C  C  A  C  A    3       60
    L4     C  A  C  C  A    3       60
    L5     C  C  B  C  A    3       60
    L6     C  A  C  C  A    3       60
    L7     A  C  C  C  A    3       60
    L8     C  ½  A  C  A    2.5     50
    L9     A  A  C  C  A    2       40
    L10    C  A  A  C  A    2       40

n = 10, so k = round(0.27 × 10) = 3. Ranked by score then attempt id, the
lower group is L9, L10, L8 and the upper group L6, L7, L2.

    Q1: facility 8/10 = 0.8; mean mark 0.8; upper 2/3, lower 2/3 → D = 0;
        wrong: "Faux A" × 2; flagged: poor discrimination.
    Q2: facility 5/10 = 0.5; mean mark (5 + 0.5)/10 = 0.55;
        upper (0 + 1 + 1)/3, lower (0 + 0 + 0.5)/3 → D = 0.5;
        wrong: "Faux A" × 4; not flagged.
    Q3: facility 0.5; mean 0.5; upper 3/3, lower 1/3 → D = 0.667;
        wrong: "Faux A" × 4; not flagged.
    Q4: facility 1.0; mean 1.0; D = 0; no wrong answer;
        flagged: too easy, poor discrimination.
    Q5: facility 0.1; mean 0.1; upper 1/3, lower 0 → D = 0.333;
        wrong: "Faux A" × 9; flagged: too hard.

L8 then takes a second attempt, all right: it must change nothing.
"""

import pytest
from django.urls import reverse

from lms.reports.item_analysis import (
    group_size,
    question_item_analysis,
    quiz_item_analysis,
)
from quizzes.admin_views import question_url
from quizzes.services import attempt_start, attempt_submit
from tests.factories import QuizFactory, SingleChoiceQuestionFactory, UserFactory

pytestmark = pytest.mark.django_db

ANSWERS = {
    "C": "Bonne réponse",
    "A": "Faux A",
    "B": "Faux B",
    "½": "Faux B",
}
SHEET = [
    "CCACA",
    "CCCCC",
    "CCACA",
    "CACCA",
    "CCBCA",
    "CACCA",
    "ACCCA",
    "C½ACA",
    "AACCA",
    "CAACA",
]


def take(quiz, learner, answers: str):
    attempt = attempt_start(quiz=quiz, learner=learner)
    responses = {}
    for row in attempt.attempt_questions.order_by("slot"):
        wanted = ANSWERS[answers[row.slot - 1]]
        option = next(o for o in row.snapshot["options"] if o["text"] == wanted)
        responses[row.slot] = option["id"]
    return attempt_submit(
        attempt=attempt, responses=responses, sequence=attempt.sequence
    )


@pytest.fixture
def worked_example(db):
    questions = [
        SingleChoiceQuestionFactory(
            prompt=f"<p>Q{number}</p>",
            rows=[
                ("Bonne réponse", 100, ""),
                ("Faux A", 0, ""),
                ("Faux B", 50 if number == 2 else 0, ""),
            ],
        )
        for number in range(1, 6)
    ]
    quiz = QuizFactory(title="Exemple", questions=questions, pass_mark=60)
    learners = [UserFactory(username=f"l{n}") for n in range(1, 11)]
    for learner, answers in zip(learners, SHEET, strict=True):
        take(quiz, learner, answers)
    take(quiz, learners[7], "CCCCC")  # L8's second attempt: ignored
    return quiz, questions


@pytest.mark.parametrize(
    ("attempts", "size"),
    [(0, 0), (1, 0), (2, 1), (3, 1), (10, 3), (11, 3), (100, 27), (1000, 270)],
)
def test_group_size_is_27_percent_rounded(attempts, size):
    assert group_size(attempts) == size


def test_figures_match_the_worked_example(worked_example):
    quiz, questions = worked_example

    analysis = quiz_item_analysis(quiz=quiz)

    assert (analysis.attempts, analysis.group_size) == (10, 3)
    got = {
        item.label: (
            item.responses,
            round(item.facility, 3),
            round(item.average_mark, 3),
            round(item.discrimination, 3),
            item.wrong_answer,
            item.wrong_answer_count,
            item.flags,
        )
        for item in analysis.items
    }
    assert got == {
        "Q1": (10, 0.8, 0.8, 0.0, "Faux A", 2, ("discrimination",)),
        "Q2": (10, 0.5, 0.55, 0.5, "Faux A", 4, ()),
        "Q3": (10, 0.5, 0.5, 0.667, "Faux A", 4, ()),
        "Q4": (10, 1.0, 1.0, 0.0, None, 0, ("easy", "discrimination")),
        "Q5": (10, 0.1, 0.1, 0.333, "Faux A", 9, ("hard",)),
    }
    assert [item.position for item in analysis.items] == [1, 2, 3, 4, 5]


def test_fewer_than_ten_attempts_are_not_flagged(db):
    question = SingleChoiceQuestionFactory(prompt="<p>Seule</p>")
    quiz = QuizFactory(questions=[question])
    for number in range(3):
        attempt = attempt_start(quiz=quiz, learner=UserFactory(username=f"f{number}"))
        attempt_submit(attempt=attempt, responses={}, sequence=attempt.sequence)

    [item] = quiz_item_analysis(quiz=quiz).items

    assert item.facility == 0.0
    assert item.flags == ()


def test_the_report_page_shows_the_figures(client, trainer, worked_example):
    quiz, _questions = worked_example
    client.force_login(trainer)

    response = client.get(reverse("reports:item_analysis"), {"quiz": quiz.pk})

    assert response.status_code == 200
    rows = response.context["object_list"]
    assert [item.label for item in rows] == ["Q1", "Q2", "Q3", "Q4", "Q5"]
    content = response.content.decode()
    assert "relais-weak" in content
    assert "Faux A" in content


def test_sorting_by_facility(client, trainer, worked_example):
    quiz, _questions = worked_example
    client.force_login(trainer)
    response = client.get(
        reverse("reports:item_analysis"), {"quiz": quiz.pk, "ordering": "facility"}
    )
    assert [item.label for item in response.context["object_list"]][:2] == [
        "Q5",
        "Q2",
    ]


def test_the_question_edit_screen_shows_its_figures(client, superuser, worked_example):
    quiz, questions = worked_example
    client.force_login(superuser)

    response = client.get(question_url(questions[0], "edit"), follow=True)

    content = response.content.decode()
    assert response.status_code == 200
    assert "facility 80 %" in content or "facilité 80 %" in content
    assert reverse("reports:question_analysis", args=[questions[0].pk]) in content


def test_the_question_analysis_page(client, trainer, worked_example):
    quiz, questions = worked_example
    client.force_login(trainer)

    response = client.get(reverse("reports:question_analysis", args=[questions[4].pk]))

    assert response.status_code == 200
    [(found_quiz, item, analysis)] = response.context["results"]
    assert found_quiz == quiz
    assert item.flags == ("hard",)
    assert question_item_analysis(question=questions[4])[0][1] == item
