"""The access policy and return link courses gives the quizzes app."""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation

from courses.access import can_take_quiz, quiz_return_link, quiz_url
from courses.services import enrol
from tests.courses.conftest import translate
from tests.factories import LessonPageFactory, QuizFactory

pytestmark = pytest.mark.django_db


def request_for(user):
    request = RequestFactory().get("/fr/quizzes/")
    request.user = user
    return request


def test_settings_point_here():
    assert settings.RELAIS_QUIZ_ACCESS_POLICY == "courses.access.can_take_quiz"
    assert settings.RELAIS_QUIZ_RETURN_LINK == "courses.access.quiz_return_link"


def test_final_quiz_needs_enrolment(learner, other_learner, quiz_course, quiz):
    enrol(learner=learner, course=quiz_course)
    assert can_take_quiz(learner, quiz)
    assert not can_take_quiz(other_learner, quiz)
    assert not can_take_quiz(learner, QuizFactory(questions=1))  # used by no course


def test_knowledge_check_needs_enrolment(learner, other_learner, course):
    check = QuizFactory(questions=1)
    LessonPageFactory(parent=course, knowledge_check=check)
    enrol(learner=learner, course=course)
    assert can_take_quiz(learner, check)
    assert not can_take_quiz(other_learner, check)


def test_any_translation_of_quiz_or_course(learner, quiz_course, quiz, locale_en):
    english_quiz = QuizFactory(
        questions=1, locale=locale_en, translation_key=quiz.translation_key
    )
    english_course = translate(quiz_course, locale_en)
    enrol(learner=learner, course=english_course)
    assert can_take_quiz(learner, english_quiz)
    assert can_take_quiz(learner, quiz)


def test_return_link_goes_to_the_course_or_the_lesson(learner, quiz_course, quiz):
    check = QuizFactory(questions=1)
    lesson = LessonPageFactory(parent=quiz_course, knowledge_check=check)
    assert quiz_return_link(quiz, request_for(learner)) is None  # not enrolled
    enrol(learner=learner, course=quiz_course)
    with translation.override("fr"):
        url, label = quiz_return_link(quiz, request_for(learner))
        assert url == quiz_course.url and quiz_course.title in label
        url, label = quiz_return_link(check, request_for(learner))
        assert url == lesson.url and lesson.title in label


def test_quiz_url():
    assert quiz_url(None) is None
    assert quiz_url(type("Q", (), {"pk": 7})()) == "/fr/quizzes/7/"


def test_lesson_links_its_knowledge_check(learner_client, enrolment, course):
    check = QuizFactory(questions=1)
    lesson = LessonPageFactory(parent=course, knowledge_check=check)
    html = learner_client.get(lesson.url).content.decode()
    assert f'href="/fr/quizzes/{check.pk}/"' in html
