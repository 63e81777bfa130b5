"""Fixtures for enrolment, progress, completion and certificate tests."""

import pytest
from django.conf import settings
from django.utils import translation

from courses.services import enrol
from tests.factories import CoursePageFactory, LessonPageFactory, QuizFactory


def french(message: str, **params) -> str:
    """``message`` as French pages show it (whether or not catalogues are compiled)."""
    with translation.override("fr"):
        text = translation.gettext(message)
    return text % params if params else text


def translate(page, locale):
    """Publish a translation of ``page`` (and of its parents when missing)."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.save_revision().publish()
    return translation.specific_class.objects.get(pk=translation.pk)


def answer_quiz(*, quiz, learner, correct: bool = True):
    """Start and submit an attempt through the quiz services."""
    from quizzes.models import Question
    from quizzes.services import attempt_start, attempt_submit

    attempt = attempt_start(quiz=quiz, learner=learner)
    rows = attempt.attempt_questions.order_by("slot")
    responses = {}
    if correct:
        responses = {
            row.slot: Question.from_snapshot(row.snapshot).key_response()
            for row in rows
        }
    return attempt_submit(
        attempt=attempt, responses=responses, sequence=attempt.sequence
    )


@pytest.fixture(autouse=True)
def _default_language():
    """Start every test in the default language: requests leave theirs active."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def course(catalogue):
    """A course with three required lessons and no final quiz."""
    course = CoursePageFactory(parent=catalogue, title="Confidentialité au travail")
    for number in (1, 2, 3):
        LessonPageFactory(parent=course, title=f"Leçon {number}")
    return course


@pytest.fixture
def lessons(course):
    from courses.selectors import course_lessons

    return course_lessons(course=course)


@pytest.fixture
def quiz(locale_fr):
    """A live two-question quiz (pass mark 60 %)."""
    return QuizFactory(questions=2, title="Quiz final")


@pytest.fixture
def quiz_course(course, quiz):
    """The course, with ``quiz`` as its final quiz."""
    course.final_quiz = quiz
    course.save_revision().publish()
    return course.__class__.objects.get(pk=course.pk)


@pytest.fixture
def enrolment(learner, course):
    return enrol(learner=learner, course=course)


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
