"""Fixtures for the demo's tests: a small course, its final quiz, the managers."""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
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


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    """One media folder for a module whose tests share the loaded demo."""
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker, demo_media):
    """The full demo, loaded once for the module, as Django's ``setUpTestData``.

    The load runs in an outer transaction; each test runs in a savepoint inside
    it (pytest-django's ``db``) and its changes roll back, so every test sees
    the demo just as ``load_demo`` left it. The transaction is rolled back
    when the module ends. Loading takes ~10 s, so the demo's tests share it
    (tests/demo/test_loaded_demo.py).
    """
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(demo_media)):
        with transaction.atomic():
            translation.activate(settings.LANGUAGE_CODE)
            call_command("load_demo", stdout=io.StringIO())
            translation.deactivate()
            cache.clear()
            yield
            transaction.set_rollback(True)
