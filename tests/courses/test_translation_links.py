"""A course or lesson copied for translation links to translated content.

``courses.services.page_links_translate``, run on Wagtail's
``copy_for_translation_done`` (the admin's "Translate" action, with or without
its subtree). Links with no translation yet stay as they are; learners are
then sent to the translation in their language once it is published.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction

from core.caching import NO_CACHE
from courses.access import quiz_url
from courses.models import CoursePage, LessonPage
from courses.selectors import final_quiz_url, scenario_url
from courses.services import enrol, page_links_translate
from tests.courses.conftest import translate
from tests.factories import (
    CharterPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    QuizFactory,
)
from tests.factories.courses import paragraph
from tests.factories.scenarios import make_scenario

pytestmark = pytest.mark.django_db


def english(snippet, locale_en):
    """A saved, published English translation of a quiz or scenario."""
    copy = snippet.copy_for_translation(locale_en)
    copy.live = True
    copy.save()
    return copy


@pytest.fixture
def linked(catalogue):
    """A French course linking a quiz, a scenario, a charter; one lesson with
    a knowledge check and a scenario block."""
    quiz = QuizFactory(questions=2)
    scenario = make_scenario()
    charter = CharterPageFactory(parent=catalogue)
    course = CoursePageFactory(
        parent=catalogue,
        final_quiz=quiz,
        required_scenario=scenario,
        required_charter=charter,
    )
    check = QuizFactory(questions=1)
    lesson = LessonPageFactory(
        parent=course,
        knowledge_check=check,
        body=[
            paragraph(),
            {
                "type": "scenario",
                "value": {"scenario": scenario.pk, "introduction": ""},
            },
        ],
    )
    return course, lesson, quiz, scenario, charter, check


def test_a_translated_course_links_to_the_translations(linked, locale_en):
    course, _lesson, quiz, scenario, charter, _check = linked
    quiz_en, scenario_en = english(quiz, locale_en), english(scenario, locale_en)
    charter_en = translate(charter, locale_en)

    course_en = course.copy_for_translation(locale_en, copy_parents=True)

    stored = CoursePage.objects.get(pk=course_en.pk)
    draft = stored.get_latest_revision_as_object()
    for page in (course_en, stored, draft):
        assert page.final_quiz_id == quiz_en.pk
        assert page.required_scenario_id == scenario_en.pk
        assert page.required_charter_id == charter_en.pk
    # The quiz's English copy asks English copies of the questions.
    assert {row.question.locale_id for row in quiz_en.quiz_questions.all()} == {
        locale_en.pk
    }


def test_the_subtree_copy_relinks_lessons_too(linked, locale_en, superuser):
    course, lesson, _quiz, scenario, _charter, check = linked
    check_en, scenario_en = english(check, locale_en), english(scenario, locale_en)
    translate(course.get_parent(), locale_en)

    CopyPageForTranslationAction(
        page=course, locale=locale_en, include_subtree=True, user=superuser
    ).execute()

    lesson_en = LessonPage.objects.get(
        translation_key=lesson.translation_key, locale=locale_en
    )
    for page in (lesson_en, lesson_en.get_latest_revision_as_object()):
        assert page.knowledge_check_id == check_en.pk
        assert page.body[1].value["scenario"].pk == scenario_en.pk
        assert page.body[0].block_type == "paragraph"


def test_links_without_a_translation_are_kept(linked, locale_en):
    course, _lesson, quiz, scenario, charter, _check = linked

    course_en = course.copy_for_translation(locale_en, copy_parents=True)

    course_en.refresh_from_db()
    assert course_en.final_quiz_id == quiz.pk
    assert course_en.required_scenario_id == scenario.pk
    assert course_en.required_charter_id == charter.pk
    assert page_links_translate(page=course_en) == []


def test_a_quiz_translated_later_is_relinked_on_request_and_served_at_once(
    linked, locale_en
):
    course, _lesson, quiz, *_ = linked
    course_en = course.copy_for_translation(locale_en, copy_parents=True)
    quiz_en = english(quiz, locale_en)

    # Learners get the English quiz as soon as it is live (serve-time rule)…
    with translation.override("en"):
        assert final_quiz_url(course=course, cache=NO_CACHE) == quiz_url(quiz_en)
    # …and the link itself follows when asked again (idempotent).
    assert page_links_translate(page=course_en) == ["final_quiz"]
    assert page_links_translate(page=course_en) == []
    assert CoursePage.objects.get(pk=course_en.pk).final_quiz_id == quiz_en.pk


def test_the_course_page_sends_learners_to_the_scenario_in_their_language(
    linked, locale_en, learner, client
):
    course, *_rest = linked
    scenario = course.required_scenario
    course_en = translate(course, locale_en)  # before the scenario's translation
    scenario_en = english(scenario, locale_en)
    enrol(learner=learner, course=course)
    client.force_login(learner)

    with translation.override("en"):
        assert scenario_url(course=course) == reverse(
            "scenarios:detail", args=[scenario_en.pk]
        )
    html = client.get(course_en.url).content.decode()
    assert reverse("scenarios:detail", args=[scenario_en.pk]) in html
    assert reverse("scenarios:detail", args=[scenario.pk]) not in html
    html = client.get(course.url).content.decode()
    assert reverse("scenarios:detail", args=[scenario.pk]) in html
