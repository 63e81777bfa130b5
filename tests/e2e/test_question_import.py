"""Quizzes › Import in a browser: upload and preview pass axe, in French and
English; and a GIFT file's journey to a learner's certificate (issue 13)."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from courses.models import Certificate, CourseIndexPage
from courses.services import enrol
from demo.loader import DEMO_PASSWORD
from quizzes.models import AttemptState, Quiz
from tests.e2e.conftest import login
from tests.e2e.helpers import (
    ATTEMPT_URL,
    PASSWORD,
    admin_login,
    answer,
    correct_answers,
    current_attempt,
    demo_grader,
    finish_and_submit,
    new_learner,
)
from tests.e2e.test_admin_accessibility import AdminAxeReport
from tests.e2e.test_trainer_authoring import publish
from tests.factories import CoursePageFactory, LessonPageFactory
from tests.quizzes.interchange.helpers import DATA

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
AXE_PASSWORD = "axe-import-2026"
HEADINGS = {
    "fr": ("Importer des questions", "Vérifier l’import"),
    "en": ("Import questions", "Check the import"),
}


def test_import_and_preview_pass_axe_in_both_languages(demo, page):
    user = get_user_model().objects.create_superuser(
        "axe-import", "axe-import@example.org", AXE_PASSWORD
    )
    profile = UserProfile.get_for_user(user)
    admin_login(page, demo.url, user.username, AXE_PASSWORD)
    axe = AdminAxeReport(page)
    for language, (upload_title, preview_title) in HEADINGS.items():
        profile.preferred_language = language
        profile.save()
        page.goto(demo.url + reverse("quizzes_import"))
        assert page.locator("h1").inner_text().strip() == upload_title
        axe.check(f"import ({language})")
        page.set_input_files("input[name=file]", str(DATA / "moodle_sample.xml"))
        page.click("main form button[type=submit]")
        page.wait_for_url("**/admin/quizzes/import/*/")
        assert page.locator("h1").inner_text().strip() == preview_title
        assert page.locator("main table.listing > tbody > tr").count() == 10
        axe.check(f"import preview ({language})")
    assert not axe.problems, "\n".join(f"{k}: {v}" for k, v in axe.problems.items())


RUBRIC = [
    {
        "criterion": "Réponse courtoise et prudente",
        "levels": [
            {"label": "À revoir", "points": "0"},
            {"label": "Réussie", "points": "2"},
        ],
    }
]
# A GIFT file as Relais writes it: the essay's rubric rides in a comment.
GIFT_FILE = "\n".join(
    [
        "// Entretien avec un recruteur",
        "// relais: " + json.dumps({"rubric": RUBRIC}, ensure_ascii=False),
        "::Réponse au recruteur:: Un recruteur inconnu vous écrit sur LinkedIn."
        " Rédigez votre réponse. {}",
        "",
        "::Premier réflexe:: Que faites-vous d’abord ? {=Je regarde son profil"
        " ~J’accepte tout de suite ~Je lui donne mon numéro}",
        "",
    ]
)
ESSAY = "Bonjour, merci pour votre message. Je vous réponds par courriel professionnel."


def test_imported_quiz_essay_is_graded_and_the_certificate_issued(
    demo, page, new_context, settings, tmp_path
):
    """Issue 13: from a GIFT file to a verifiable certificate, in the browser.

    The trainer imports the file into a new quiz, publishes it and makes it
    the final quiz of a small course; a learner finishes the lesson, writes
    the essay and submits (awaiting grading); the trainer grades it from
    Quizzes › To grade; the learner's dashboard lists the certificate and its
    verification page opens.
    """
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # see test_trainer_authoring
    catalogue = CourseIndexPage.objects.get(locale__language_code="fr")
    course = CoursePageFactory(
        parent=catalogue, title="Répondre aux recruteurs", slug="recruteurs"
    )
    lesson = LessonPageFactory(parent=course, title="Les bons réflexes")
    learner = new_learner()
    enrol(learner=learner, course=course)
    trainer = demo_grader()
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "fr"
    profile.save()
    gift = tmp_path / "recruteurs.gift"
    gift.write_text(GIFT_FILE, encoding="utf-8")

    # Import, preview, confirm into a new quiz; publish it.
    admin_login(page, demo.url, trainer.username, DEMO_PASSWORD)
    page.goto(demo.url + reverse("quizzes_import"))
    page.set_input_files("input[name=file]", str(gift))
    page.click("main form button[type=submit]")
    page.wait_for_url("**/admin/quizzes/import/*/")
    rows = page.locator("main table.listing > tbody > tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Réponse au recruteur")
    page.check("input[name=destination][value=new]")
    page.fill("input[name=new_quiz_title]", "Quiz : répondre aux recruteurs")
    page.click("main form button[type=submit]")
    quiz = Quiz.objects.get(title="Quiz : répondre aux recruteurs")
    page.wait_for_url(f"**/admin/snippets/quizzes/quiz/edit/{quiz.pk}/")
    assert not quiz.live
    publish(page)
    quiz.refresh_from_db()
    assert quiz.live

    # The course ends with it.
    page.goto(f"{demo.url}/admin/pages/{course.pk}/edit/")
    page.locator("[role=tab]").nth(1).click()  # "Completion and certificate"
    page.click("#id_final_quiz-chooser [data-chooser-action-choose]")
    page.click(f".modal-dialog a[data-chooser-modal-choice][href*='/{quiz.pk}/']")
    page.locator(".modal-dialog").wait_for(state="detached")
    publish(page)
    course.refresh_from_db()
    assert course.final_quiz_id == quiz.pk

    # The learner finishes the lesson, writes the essay and submits.
    visitor = new_context().new_page()
    login(visitor, demo.url, learner.username, PASSWORD)
    visitor.goto(demo.url + lesson.url)
    visitor.click("#lesson-complete button")
    visitor.wait_for_url(re.compile(re.escape(course.url) + "$"))
    visitor.click(f"#course-actions a[href$='/quizzes/{quiz.pk}/']")
    visitor.click('form[action$="/start/"] button')
    visitor.wait_for_url(ATTEMPT_URL)
    attempt = current_attempt(visitor)
    answer(visitor, attempt, correct_answers(attempt))
    essay = attempt.attempt_questions.get(question_type="essay")
    visitor.fill(f"#q{essay.slot}", ESSAY)
    finish_and_submit(visitor, graded=False)
    expect(visitor.locator(".quiz-score--pending")).to_be_visible()
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.AWAITING_GRADING

    # The trainer grades it from Quizzes › To grade.
    page.goto(demo.url + reverse("grading:queue"))
    page.click(f"main a[href*='{reverse('grading:attempt', args=[attempt.pk])}']")
    expect(page.locator("main")).to_contain_text(ESSAY)
    for criterion in page.locator("fieldset.relais-grading__criterion").all():
        criterion.locator("input[type=radio]").last.check()
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/grading/(\?.*)?$"))
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.SUBMITTED and attempt.passed

    # The learner's dashboard lists the certificate; its page verifies it.
    certificate = Certificate.objects.get(learner=learner, course_title=course.title)
    visitor.goto(f"{demo.url}/fr/learn/")
    row = visitor.locator(".certificates-table tbody tr", has_text=course.title)
    expect(row).to_have_count(1)
    row.locator(f"a[href*='/verify/{certificate.code}/']").click()
    expect(visitor.locator(".verify--valid")).to_be_visible()
