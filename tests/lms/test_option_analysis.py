"""Item analysis option by option: who chose what, upper group against lower.

The worked example of ``test_item_analysis`` gives the expected counts (its
upper group is L6, L7, L2 and its lower group L9, L10, L8); a quiz with one
question of every type checks each type's table.
"""

import csv
import io

import pytest
from django.urls import reverse

from lms.reports.item_analysis import quiz_item_analysis
from lms.reports.option_analysis import OPTION_ANALYSES, TEXT_ANSWERS_SHOWN
from quizzes.models import ShortTextQuestion
from quizzes.services import attempt_start, attempt_submit
from tests.factories import QuizFactory, UserFactory, mixed_questions
from tests.factories.quizzes import ShortTextQuestionFactory

pytestmark = pytest.mark.django_db


def rows_of(item):
    return [
        (row.label, row.is_correct, row.upper, row.lower, row.total)
        for row in item.options.rows
    ]


def test_every_option_is_counted_by_group(worked_example):
    quiz, _questions = worked_example

    items = {item.label: item for item in quiz_item_analysis(quiz=quiz).items}

    # Q2: upper L6 A, L7 C, L2 C; lower L9 A, L10 A, L8 "½" (Faux B).
    assert rows_of(items["Q2"]) == [
        ("Bonne réponse", True, 2, 0, 5),
        ("Faux A", False, 1, 2, 4),
        ("Faux B", False, 0, 1, 1),
    ]
    # Options nobody chose are listed too, with zeros.
    assert rows_of(items["Q4"]) == [
        ("Bonne réponse", True, 3, 3, 10),
        ("Faux A", False, 0, 0, 0),
        ("Faux B", False, 0, 0, 0),
    ]


def wrong_response(row):
    """A wrong but valid response for each type of the mixed quiz."""
    question = row.served_question
    key = question.key_response()
    wrong = {
        "single_choice": lambda: next(
            option["id"]
            for option in question.presented_options()
            if option["id"] != key
        ),
        "multiple_response": lambda: [
            option["id"]
            for option in question.presented_options()
            if option["id"] not in key
        ][:1],
        "true_false": lambda: not key,
        "short_text": lambda: "Autre chose",
        "numeric": lambda: "3",
        "ordering": lambda: [*key[1:], key[0]],
        "matching": lambda: dict(
            zip(key, [*list(key.values())[1:], next(iter(key.values()))], strict=True)
        ),
    }
    return wrong[row.question_type]()


def take_mixed(quiz, learner, *, right: bool):
    attempt = attempt_start(quiz=quiz, learner=learner)
    responses = {
        row.slot: row.served_question.key_response() if right else wrong_response(row)
        for row in attempt.attempt_questions.all()
    }
    return attempt_submit(
        attempt=attempt, responses=responses, sequence=attempt.sequence
    )


@pytest.fixture
def mixed_quiz(db):
    quiz = QuizFactory(title="Tous les types", questions=mixed_questions(7))
    for number in range(3):
        take_mixed(quiz, UserFactory(username=f"right{number}"), right=True)
    take_mixed(quiz, UserFactory(username="wrong"), right=False)
    return quiz


def test_each_type_gets_its_table(mixed_quiz):
    items = {
        item.type_label: item for item in quiz_item_analysis(quiz=mixed_quiz).items
    }
    assert len(items) == 7
    for item in items.values():
        right = [row for row in item.options.rows if row.is_correct]
        assert right, item.type_label
        # Three learners answered right; the upper group (1 learner) did too.
        assert all(row.total == 3 for row in right), (item.type_label, right)
        assert all(row.upper == 1 for row in right), item.type_label
    short_text = items[str(ShortTextQuestion._meta.verbose_name)]
    assert [(row.label, row.is_correct, row.total) for row in short_text.options.rows][
        1
    ] == ("autre chose", False, 1)


def test_text_answers_beyond_the_first_ones_are_summed(db):
    question = ShortTextQuestionFactory(accepted_answers="oui")
    quiz = QuizFactory(questions=[question])
    for number in range(TEXT_ANSWERS_SHOWN + 2):
        learner = UserFactory(username=f"t{number}")
        attempt = attempt_start(quiz=quiz, learner=learner)
        attempt_submit(
            attempt=attempt, responses={1: f"réponse {number:02d}"}, sequence=0
        )

    [item] = quiz_item_analysis(quiz=quiz).items

    assert len(item.options.rows) == TEXT_ANSWERS_SHOWN + 1
    other = item.options.rows[-1]
    assert (other.total, other.is_correct) == (2, False)


def test_a_type_without_an_entry_gets_no_table(
    client,
    trainer,
    worked_example,
    monkeypatch,
):
    quiz, _questions = worked_example
    monkeypatch.delitem(OPTION_ANALYSES, "single_choice")
    client.force_login(trainer)

    response = client.get(reverse("reports:item_analysis"), {"quiz": quiz.pk})

    assert response.status_code == 200
    assert all(item.options is None for item in response.context["object_list"])
    assert (
        'class="listing relais-table relais-options"' not in response.content.decode()
    )


def test_the_report_shows_accessible_option_tables(client, trainer, worked_example):
    quiz, questions = worked_example
    client.force_login(trainer)

    response = client.get(reverse("reports:item_analysis"), {"quiz": quiz.pk})

    content = response.content.decode()
    assert content.count('class="listing relais-table relais-options"') == 5
    assert f'id="options-{questions[1].pk}"' in content
    assert "<caption>Question 2, “Q2”." in content or "<caption>Question 2, « Q2 »" in (
        content
    )
    assert '<th scope="row">Faux B</th>' in content
    assert 'class="relais-key"' in content


def test_the_question_page_shows_its_option_table(client, trainer, worked_example):
    _quiz, questions = worked_example
    client.force_login(trainer)

    response = client.get(reverse("reports:question_analysis", args=[questions[1].pk]))

    assert f'id="options-{questions[1].pk}"' in response.content.decode()


def test_the_export_carries_every_option(client, trainer, worked_example):
    quiz, _questions = worked_example
    client.force_login(trainer)

    response = client.get(
        reverse("reports:item_analysis"), {"quiz": quiz.pk, "export": "csv"}
    )

    rows = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))
        )
    )
    q2 = next(row for row in rows if row[1] == "Q2")
    assert q2[-1] == "✓ Bonne réponse 2/0/5; Faux A 1/2/4; Faux B 0/1/1"


@pytest.mark.parametrize(
    ("questions", "learners"), [(2, 2), (7, 12)], ids=["small", "large"]
)
def test_query_count_does_not_grow(
    client, trainer, django_assert_max_num_queries, questions, learners
):
    quiz = QuizFactory(questions=mixed_questions(questions))
    for number in range(learners):
        take_mixed(quiz, UserFactory(username=f"q{number}"), right=number % 2 == 0)
    client.force_login(trainer)

    # 16, and one for the rubric criteria of graded essays.
    with django_assert_max_num_queries(17):
        response = client.get(reverse("reports:item_analysis"), {"quiz": quiz.pk})

    assert response.status_code == 200
    assert len(response.context["object_list"]) == questions
