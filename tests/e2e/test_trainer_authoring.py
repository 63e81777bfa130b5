"""A trainer builds a course in the Wagtail admin, previews it and publishes it;
another translates a course and its quiz, and a learner's progress carries."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from core.people import person_language_set
from courses.blocks import LessonStreamBlock
from courses.models import CourseCompletion, CourseIndexPage, CoursePage, LessonPage
from courses.services import enrol, lesson_complete
from demo.loader import DEMO_PASSWORD
from quizzes.models import Quiz
from tests.e2e.conftest import login
from tests.e2e.helpers import (
    ATTEMPT_URL,
    PASSWORD,
    admin_login,
    answer,
    correct_answers,
    current_attempt,
    finish_and_submit,
    new_learner,
)
from tests.factories import CoursePageFactory, LessonPageFactory, QuizFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ADMIN_LANGUAGE = "fr"
QUESTIONS = [
    (
        "single_choice",
        "Un inconnu vous invite sur LinkedIn. Que faites-vous d’abord ?",
        "*Je regarde son profil\nJ’accepte tout de suite\nJe lui donne mon numéro",
    ),
    (
        "ordering",
        "Mettez les étapes d’une publication dans l’ordre.",
        "Rédiger\nFaire relire\nPublier",
    ),
]


def publish(page) -> None:
    """The editor's footer: open the action menu, then Publish."""
    page.click("footer [data-w-dropdown-target='toggle']")
    page.click("footer button[name='action-publish']")
    page.wait_for_selector(".messages .success")


def create_question_in_chooser(page, row: int, kind: str, prompt: str, answers):
    chooser = f"#id_quiz_questions-{row}-question-chooser"
    page.click(f"{chooser} [data-chooser-action-choose]")
    modal = page.locator(".modal-dialog")
    modal.locator("a[href='#tab-create']").click()
    modal.locator("#id_create_question_type").select_option(kind)
    modal.locator("#id_create_prompt").fill(prompt)
    modal.locator("#id_create_answers").fill(answers)
    modal.locator("form[data-chooser-modal-creation-form] button[type=submit]").click()
    modal.wait_for(state="detached")
    assert page.input_value(f"#id_quiz_questions-{row}-question")


def add_block(page, name: str) -> int:
    """Insert a block at the end of the lesson body; returns its index."""
    with translation.override(ADMIN_LANGUAGE):
        label = str(LessonStreamBlock.base_blocks[name].label)
    index = int(page.input_value("input[name='body-count']"))
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()
    page.wait_for_selector(f"input[name='body-{index}-type']", state="attached")
    return index


def test_trainer_creates_previews_and_publishes_a_course_with_a_quiz(
    demo, page, new_context, settings
):
    # Wagtail 8 autosaves a new page or snippet shortly after each change. A
    # script that publishes right after its last change races that request
    # for the same new object: on PostgreSQL this gave two quizzes, or a 500
    # on the page's slug. Reported upstream-style to the lead; not tested here.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    trainer = get_user_model().objects.get(username="formatrice")
    assert not trainer.is_superuser
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = ADMIN_LANGUAGE
    profile.save()
    catalogue = CourseIndexPage.objects.get(locale__language_code="fr")
    admin_login(page, demo.url, trainer.username, DEMO_PASSWORD)

    # A quiz with two questions of different types, made from the chooser.
    page.goto(f"{demo.url}/admin/snippets/quizzes/quiz/add/?locale=fr")
    page.fill("#id_title", "Quiz e2e : LinkedIn")
    for row, (kind, prompt, answers) in enumerate(QUESTIONS):
        if row:
            page.click("#id_quiz_questions-ADD")
        create_question_in_chooser(page, row, kind, prompt, answers)
    publish(page)
    quiz = Quiz.objects.get(title="Quiz e2e : LinkedIn")
    assert quiz.live
    chosen = [row.question.get_real_instance() for row in quiz.quiz_questions.all()]
    assert [question.type_code for question in chosen] == [
        kind for kind, *_ in QUESTIONS
    ]

    # The course, under the catalogue, ending with that quiz.
    # The catalogue offers courses and the charter: straight to a course.
    page.goto(f"{demo.url}/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    page.fill("#id_title", "LinkedIn sans stress")
    page.fill("#id_summary", "Un cours court pour bien commencer sur LinkedIn.")
    page.locator("[role=tab]").nth(1).click()  # "Completion and certificate"
    page.click("#id_final_quiz-chooser [data-chooser-action-choose]")
    page.click(f".modal-dialog a[data-chooser-modal-choice][href*='/{quiz.pk}/']")
    page.locator(".modal-dialog").wait_for(state="detached")
    publish(page)
    course = CoursePage.objects.get(title="LinkedIn sans stress")
    assert course.live and course.final_quiz_id == quiz.pk

    # A lesson with three kinds of block, previewed, then published.
    page.goto(f"{demo.url}/admin/pages/{course.pk}/add_subpage/")
    page.fill("#id_title", "Votre premier profil")
    heading = add_block(page, "heading")
    page.fill(f"#body-{heading}-value-text", "Choisir sa photo")
    paragraph = add_block(page, "paragraph")
    page.locator(
        f"[data-streamfield-widget]:has(#body-{paragraph}-value) [contenteditable=true]"
    ).click()
    page.keyboard.type("Une photo récente, cadrée sur le visage.")
    # Draftail writes its hidden input a moment after the last keystroke,
    # without an event the preview listens to: wait for it, or the preview
    # (refreshed by the next field's change) can miss the paragraph.
    expect(page.locator(f"#body-{paragraph}-value")).to_have_value(
        re.compile("Une photo récente")
    )
    checklist = add_block(page, "checklist")
    page.fill(f"#body-{checklist}-value-title", "Avant de publier")
    page.fill(f"#body-{checklist}-value-items-0-value", "Relire son titre")

    page.click("[data-side-panel-toggle='preview']")
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h2", has_text="Choisir sa photo").wait_for()
    expect(preview.locator("main")).to_contain_text("Une photo récente")
    expect(preview.locator("main")).to_contain_text("Relire son titre")
    publish(page)
    lesson = LessonPage.objects.get(title="Votre premier profil")
    assert lesson.live
    assert [block.block_type for block in lesson.body] == [
        "heading",
        "paragraph",
        "checklist",
    ]

    # On the public site: a learner enrols, reads the lesson, starts the quiz.
    learner = new_learner()
    visitor = new_context().new_page()
    login(visitor, demo.url, learner.username, PASSWORD)
    visitor.goto(demo.url + catalogue.url)
    visitor.click(f"a[href='{course.url}']")
    visitor.click('#course-actions form[action$="/enrol/"] button')
    visitor.click(f".outline a[href='{lesson.url}']")
    body = visitor.locator(".lesson__body")
    assert body.locator("h2").inner_text() == "Choisir sa photo"
    assert "Une photo récente" in body.inner_text()
    assert "Relire son titre" in body.inner_text()
    visitor.goto(demo.url + course.url)
    visitor.click(f"a[href$='/quizzes/{quiz.pk}/']")
    visitor.click('form[action$="/start/"] button')
    visitor.wait_for_url(re.compile(r"/attempts/\d+/$"))
    assert visitor.locator("fieldset.question--single_choice").count() == 1
    assert visitor.locator("fieldset.question--ordering").count() == 1


def translate_in_admin(page, translate_url: str, *, subtree: bool = False) -> None:
    """Wagtail's Translate action: tick English (and the subtree), submit."""
    page.click(f"a[href='{translate_url}']")
    page.wait_for_url(f"**{translate_url}")
    english = Locale.objects.get(language_code="en")
    page.check(f"input[name=locales][value='{english.pk}']")
    if subtree:
        page.check("input[name=include_subtree]")
    page.click("main form[data-controller='w-bulk'] [type=submit]")
    page.wait_for_selector(".messages .success")


def test_trainer_translates_a_course_and_its_quiz_and_progress_carries(
    demo, page, new_context, settings
):
    """Issue 16: the English copy of a French course ends with the English quiz.

    The trainer translates the quiz, then the course with its lessons, in the
    admin (Wagtail's Translate action). A learner who did the lessons in
    French opens the English course: the lessons are marked done, the final
    quiz is the English one; passing it completes the course.
    """
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # see the test above
    catalogue = CourseIndexPage.objects.get(locale__language_code="fr")
    quiz = QuizFactory(title="Quiz traduction e2e", questions=2, pass_mark=60)
    course = CoursePageFactory(
        parent=catalogue, title="Cours à traduire", slug="cours-a-traduire"
    )
    course.final_quiz = quiz
    course.save_revision().publish()
    lessons = [LessonPageFactory(parent=course) for _ in range(2)]
    learner = new_learner(username="e2e-english")
    person_language_set(user=learner, language="en")
    enrolment = enrol(learner=learner, course=course)
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)

    trainer = get_user_model().objects.get(username="formatrice")
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = ADMIN_LANGUAGE
    profile.save()
    admin_login(page, demo.url, trainer.username, DEMO_PASSWORD)

    # The quiz first, from the quizzes' listing; then its English title.
    page.goto(f"{demo.url}/admin/snippets/quizzes/quiz/?q=traduction")
    quiz_url = reverse(
        "simple_translation:submit_snippet_translation",
        args=["quizzes", "quiz", quiz.pk],
    )
    row = page.locator("tbody tr", has_text="Quiz traduction e2e")
    row.locator("[data-w-dropdown-target='toggle']").click()
    translate_in_admin(page, quiz_url)
    quiz_en = Quiz.objects.get(
        translation_key=quiz.translation_key, locale__language_code="en"
    )
    page.goto(f"{demo.url}/admin/snippets/quizzes/quiz/edit/{quiz_en.pk}/")
    page.fill("#id_title", "Translation quiz e2e")
    publish(page)

    # Then the course and its lessons, from the course's editor.
    page.goto(f"{demo.url}/admin/pages/{course.pk}/edit/")
    page.click("header [data-w-dropdown-target='toggle']")
    translate_in_admin(
        page,
        reverse("simple_translation:submit_page_translation", args=[course.pk]),
        subtree=True,
    )
    course_en = CoursePage.objects.get(
        translation_key=course.translation_key, locale__language_code="en"
    )
    assert course_en.final_quiz_id == quiz_en.pk  # relinked by the copy
    page.wait_for_url(f"**/admin/pages/{course_en.pk}/edit/")
    page.fill("#id_title", "Course to translate")
    publish(page)
    for lesson_en in LessonPage.objects.filter(locale__language_code="en").child_of(
        course_en
    ):
        page.goto(f"{demo.url}/admin/pages/{lesson_en.pk}/edit/")
        publish(page)
    course_en.refresh_from_db()
    assert course_en.live and course_en.title == "Course to translate"

    # The learner, in English: lessons done in French are done here too.
    visitor = new_context().new_page()
    login(visitor, demo.url, learner.username, PASSWORD, lang="en")
    visitor.goto(demo.url + course_en.url)
    expect(visitor.locator("h1")).to_have_text("Course to translate")
    expect(visitor.locator(".outline__item.is-done")).to_have_count(2)
    visitor.click(f"#course-actions a[href$='/quizzes/{quiz_en.pk}/']")
    expect(visitor.locator("h1")).to_contain_text("Translation quiz e2e")
    visitor.click('form[action$="/start/"] button')
    visitor.wait_for_url(ATTEMPT_URL)
    attempt = current_attempt(visitor)
    assert attempt.quiz_id == quiz_en.pk
    answer(visitor, attempt, correct_answers(attempt))
    finish_and_submit(visitor)
    attempt.refresh_from_db()
    assert attempt.passed

    visitor.goto(demo.url + course_en.url)
    expect(visitor.locator("#course-actions .status--ok")).to_be_visible()
    assert CourseCompletion.objects.filter(enrolment=enrolment).exists()
