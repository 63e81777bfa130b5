"""No key reaches the browser before the review policy allows it.

One loop over every concrete Question subclass, found by walking
``Question.__subclasses__()``: a new type is covered automatically, and fails
here until it has a factory in ``tests.factories.QUESTION_FACTORIES``.

A "secret" is any string of the question's snapshot (content and key) that
is not part of what the learner is shown: per-choice feedback, accepted
answers, explanations and so on. Field names of the key ("correct",
"credit", "tolerance"...) must not appear either, in text, attributes or
scripts.
"""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from quizzes import selectors, services
from quizzes.models import Question
from tests.factories import QUESTION_FACTORIES, QuizFactory

pytestmark = pytest.mark.django_db

KEY_FIELD_NAMES = re.compile(
    r"data-(correct|answer|key|credit|score)|\b(is_correct|credit|tolerance|accepted|"
    r"feedback_true|feedback_false|right_id)\b",
    re.IGNORECASE,
)


def concrete_question_models() -> list[type[Question]]:
    found, pending = [], list(Question.__subclasses__())
    while pending:
        model = pending.pop(0)
        pending.extend(model.__subclasses__())
        if not model._meta.abstract and not model._meta.proxy:
            found.append(model)
    return found


MODELS = concrete_question_models()


def test_every_question_type_has_a_factory():
    missing = [model.__name__ for model in MODELS if model not in QUESTION_FACTORIES]
    assert not missing, f"Add a factory to QUESTION_FACTORIES for: {missing}"


# Settings rather than answers: how the question is scored may be known.
NOT_SECRET_KEYS = {"type", "scoring"}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_SECRET_KEYS:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def secrets_of(row) -> set[str]:
    shown = set(_strings(row.presentation)) | {
        row.snapshot["prompt"],
        row.snapshot["type"],
    }
    return {
        text
        for text in _strings(row.snapshot)
        if len(text) >= 4 and text not in shown and not any(text in s for s in shown)
    }


def assert_no_leak(page: str, row):
    for secret in secrets_of(row):
        assert secret not in page and escape(secret) not in page, secret
    assert not KEY_FIELD_NAMES.search(page), KEY_FIELD_NAMES.search(page).group(0)


def _pages_before_review(client, attempt):
    return [
        client.get(reverse("quizzes:detail", args=[attempt.quiz_id])),
        client.get(reverse("quizzes:attempt", args=[attempt.pk])),
        client.get(reverse("quizzes:confirm", args=[attempt.pk])),
    ]


@pytest.mark.parametrize("model", MODELS, ids=[model.__name__ for model in MODELS])
@pytest.mark.parametrize(
    "layout", ["all", "one"], ids=["all-on-one-page", "one-per-page"]
)
def test_no_key_in_any_page_before_review(learner_client, learner, model, layout):
    factory = QUESTION_FACTORIES.get(model)
    if factory is None:
        pytest.fail(f"{model.__name__} has no factory in QUESTION_FACTORIES")
    quiz = QuizFactory(
        questions=[factory()],
        shuffle_choices=True,
        questions_per_page=layout,
        feedback_policy="never",
        review_marks="never",
        review_correct_answers="never",
        review_explanations="never",
    )
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    row = selectors.attempt_questions(attempt=attempt)[0]
    assert secrets_of(row), "the check needs at least one secret to look for"

    for response in _pages_before_review(learner_client, attempt):
        assert response.status_code == 200
        assert_no_leak(response.content.decode(), row)

    # Submitted, with a review policy of "never": still nothing.
    learner_client.post(reverse("quizzes:confirm", args=[attempt.pk]))
    result = learner_client.get(reverse("quizzes:result", args=[attempt.pk]))
    assert result.status_code == 200
    assert_no_leak(result.content.decode(), row)

    # Control: once the policy allows it, the review does show the key, so
    # the checks above were looking for the right things.
    quiz.review_correct_answers = quiz.review_explanations = "after_submission"
    quiz.feedback_policy = "after_submission"
    quiz.save()
    revealed = learner_client.get(
        reverse("quizzes:result", args=[attempt.pk])
    ).content.decode()
    assert any(
        escape(secret) in revealed or secret in revealed for secret in secrets_of(row)
    )


@pytest.mark.parametrize("model", MODELS, ids=[model.__name__ for model in MODELS])
def test_after_passing_policy_hides_the_key_until_passed(
    learner_client, learner, model
):
    quiz = QuizFactory(
        questions=[QUESTION_FACTORIES[model]()],
        feedback_policy="never",
        review_correct_answers="after_passing",
        review_explanations="after_passing",
        review_marks="after_passing",
    )
    attempt = services.attempt_submit(
        attempt=services.attempt_start(quiz=quiz, learner=learner)
    )
    row = selectors.attempt_questions(attempt=attempt)[0]
    page = learner_client.get(
        reverse("quizzes:result", args=[attempt.pk])
    ).content.decode()
    assert not attempt.passed
    assert_no_leak(page, row)


def test_the_quiz_script_carries_no_key():
    from django.contrib.staticfiles import finders

    with open(finders.find("js/quiz.js"), encoding="utf-8") as script:
        assert not KEY_FIELD_NAMES.search(script.read())
