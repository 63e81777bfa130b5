"""Fixtures for the demo's tests: a small course, its final quiz, the managers."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import translation

from lms.teams.access import MANAGERS_GROUP
from tests.factories import CoursePageFactory, QuizFactory


@pytest.fixture(autouse=True)
def _default_language():
    """Start every test in the default language, the one the demo is built in."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def course(catalogue):
    """A French course with three required lessons and no final quiz."""
    return CoursePageFactory(parent=catalogue, title="Réseaux sociaux", lessons=3)


@pytest.fixture
def quiz_course(course, locale_fr):
    """The course, with a live two-question final quiz (pass mark 60 %)."""
    course.final_quiz = QuizFactory(questions=2, title="Quiz final")
    course.save_revision().publish()
    return course.__class__.objects.get(pk=course.pk)


@pytest.fixture
def managers_group(db):
    return Group.objects.get(name=MANAGERS_GROUP)
