"""A trainer builds a course in the Wagtail admin, previews it and publishes it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from courses.blocks import LessonStreamBlock
from courses.models import CourseIndexPage, CoursePage, LessonPage
from demo.loader import DEMO_PASSWORD
from quizzes.models import Quiz
from tests.e2e.conftest import login
from tests.e2e.helpers import PASSWORD, admin_login, new_learner

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
