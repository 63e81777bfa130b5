"""Fixtures for the quiz tests: quizzes with every question type, clients."""

import pytest
from django.conf import settings as django_settings
from django.utils import translation

from tests.factories import QUESTION_FACTORIES, QuizFactory
from tests.factories.quizzes import PERSON_GRADED


@pytest.fixture
def every_type_questions(locale_fr):
    """One saved question of each type graded at submission, in
    QUESTION_FACTORIES order (essays, graded by a person, have their own
    tests in test_essay.py and test_no_leaks.py)."""
    return [
        factory(locale=locale_fr)
        for model, factory in QUESTION_FACTORIES.items()
        if model not in PERSON_GRADED
    ]


@pytest.fixture
def quiz(every_type_questions):
    """A live quiz with one question of each type; reviews shown after submission."""
    return QuizFactory(questions=every_type_questions, title="Quiz de confidentialité")


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def admin_client_(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture(autouse=True)
def _default_quiz_hooks(settings):
    """Test the quizzes app on its own defaults, whatever courses configures."""
    settings.RELAIS_QUIZ_ACCESS_POLICY = "quizzes.access.any_active_user"
    settings.RELAIS_QUIZ_RETURN_LINK = None


@pytest.fixture(autouse=True)
def _site_language():
    """Compare messages in the language pages are served in (French first)."""
    with translation.override(django_settings.LANGUAGE_CODE):
        yield
