"""The demo's quiz content imports through ``quiz_import`` and can be passed.

Guards the neutral data format shared with the demo loader.
"""

import pytest

from demo import content_en, content_fr
from demo.progress import grade_essays
from quizzes import selectors, services
from quizzes.models import question_types
from tests.factories import UserFactory
from tests.quizzes.helpers import key_responses

pytestmark = pytest.mark.django_db


def _passes_with_the_key(quiz, learner):
    """Full marks, the essay graded with every top level by a trainer."""
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = selectors.attempt_questions(attempt=attempt)
    attempt = services.attempt_submit(
        attempt=attempt, responses=key_responses(rows), sequence=0
    )
    if attempt.is_awaiting_grading:
        grade_essays(
            attempt=attempt,
            grader=UserFactory(username="grader"),
            levels=lambda question: question.key_decision()["levels"],
            feedback="",
        )
        attempt.refresh_from_db()
    return attempt.passed


def test_final_quiz_uses_every_type_and_imports_in_both_languages(
    locale_fr, locale_en, learner
):
    french = services.quiz_import(data=content_fr.FINAL_QUIZ, locale=locale_fr)
    english = services.quiz_import(
        data=content_en.FINAL_QUIZ, locale=locale_en, translation_of=french
    )
    types = {link.question.type_code for link in french.quiz_questions.all()}
    assert types == {model.type_code for model in question_types()}
    assert french.quiz_questions.count() >= 12
    assert english.translation_key == french.translation_key
    assert _passes_with_the_key(english, learner)
    assert selectors.quiz_is_passed(quiz=french, learner=learner)


@pytest.mark.parametrize("content", [content_fr, content_en], ids=["fr", "en"])
def test_knowledge_checks_import(content, locale_fr, locale_en, learner):
    locale = locale_fr if content is content_fr else locale_en
    assert len(content.KNOWLEDGE_CHECKS) >= 2
    for data in content.KNOWLEDGE_CHECKS.values():
        quiz = services.quiz_import(data=data, locale=locale)
        assert quiz.live and quiz.quiz_questions.exists()
        assert _passes_with_the_key(quiz, learner)
