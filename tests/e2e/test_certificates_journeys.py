"""Certificate journeys: a trainer revokes one, everyone who looks sees it; a
learner who switches to English gets an English certificate; an expired one
is renewed by a new cycle and stays in the history as expired."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from core.people import person_language, person_language_set
from courses.models import Certificate, Enrolment, LessonPage
from courses.services import enrol, lesson_complete
from demo.loader import DEMO_PASSWORD
from demo.progress import seed_demo_progress
from tests.e2e.conftest import login
from tests.e2e.helpers import (
    ATTEMPT_URL,
    PASSWORD,
    admin_login,
    answer,
    correct_answers,
    current_attempt,
    demo_course,
    demo_grader,
    finish_and_submit,
    new_learner,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_trainer_revokes_a_certificate_and_verification_and_dashboard_show_it(
    demo, page, new_context
):
    # The demo's finished learner holds a valid certificate.
    certificate = (
        Certificate.objects.filter(revoked_at__isnull=True)
        .select_related("learner")
        .order_by("pk")
        .first()
    )
    assert certificate is not None and certificate.status == "valid"

    # The trainer revokes it through the Wagtail admin, with a reason.
    admin_login(page, demo.url, "formatrice", DEMO_PASSWORD)
    revoke_url = reverse("courses_certificate:revoke", args=[certificate.pk])
    page.goto(demo.url + revoke_url)
    page.fill("textarea[name=reason]", "Fraude constatée à l'examen final.")
    page.click("form button.serious[type=submit]")
    page.wait_for_load_state()
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revocation_reason == "Fraude constatée à l'examen final."

    # Anyone verifying it, in French and in English, reads that it is revoked,
    # without the reason.
    visitor = new_context().new_page()
    for lang, text in (
        ("fr", "Ce certificat a été révoqué."),
        ("en", "This certificate has been revoked."),
    ):
        visitor.goto(f"{demo.url}/{lang}/certificates/verify/{certificate.code}/")
        expect(visitor.locator(".verify--revoked #verify-status")).to_have_text(text)
        expect(visitor.locator("main")).not_to_contain_text("Fraude")

    # The learner's dashboard shows it revoked, with no PDF to download.
    learner = new_context().new_page()
    login(learner, demo.url, certificate.learner.username, DEMO_PASSWORD)
    learner.goto(f"{demo.url}/fr/learn/")
    row = learner.locator("tr", has=learner.locator(".certificate-actions")).filter(
        has=learner.locator(f'a[href*="/verify/{certificate.code}/"]')
    )
    expect(row.locator(".status--bad")).to_be_visible()
    expect(row.locator('a[href$="/pdf/"]')).to_have_count(0)


def test_signed_in_learner_switches_to_english_and_gets_an_english_certificate(
    demo, page, mailoutbox
):
    learner = new_learner()
    person_language_set(user=learner, language="fr")
    course, english = demo_course("fr"), demo_course("en")
    enrolment = enrol(learner=learner, course=course)
    for lesson in LessonPage.objects.child_of(course).live():
        lesson_complete(enrolment=enrolment, lesson=lesson)

    # The switcher, signed in, is a form: the choice is saved, the page follows.
    login(page, demo.url, learner.username, PASSWORD)
    page.goto(demo.url + course.url)
    page.click('.language-switcher button[lang="en"]')
    page.wait_for_url(demo.url + english.url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert person_language(learner) == "en"
    # Progress made in French shows on the English page.
    expect(page.locator(".outline__item.is-done")).to_have_count(
        LessonPage.objects.child_of(course).live().count()
    )

    # The final quiz, in English, completes the course.
    page.click(f'#course-actions a[href$="/quizzes/{english.final_quiz_id}/"]')
    page.click('form[action$="/start/"] button')
    page.wait_for_url(ATTEMPT_URL)
    attempt = current_attempt(page)
    answer(page, attempt, correct_answers(attempt))
    finish_and_submit(page)
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.language == "en"

    # Downloaded from the dashboard, the certificate reads in English.
    page.goto(f"{demo.url}/en/learn/")
    with page.expect_download() as download_info:
        page.click(f'a[href$="/certificates/{certificate.pk}/pdf/"]')
    reader = PdfReader(download_info.value.path())
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Certificate of completion" in text
    assert " ".join(english.title.split()) in text
    assert str(reader.trailer["/Root"]["/Lang"]) == "en"
    # And so does its email.
    issued = [m for m in mailoutbox if certificate.code in m.body]
    assert len(issued) == 1 and "/en/" in issued[0].body


def test_expired_certificate_learner_recertifies_and_keeps_the_old_one_as_expired(
    demo, page
):
    learner = new_learner()
    course = demo_course("fr")
    seeded = seed_demo_progress(
        grader=demo_grader(),
        course=course,
        finished_learner=learner,
        halfway_learner=new_learner("x"),
    )
    old = seeded["certificate"]
    Certificate.objects.filter(pk=old.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )

    # The course page offers a new cycle; the learner starts it.
    login(page, demo.url, learner.username, PASSWORD)
    page.goto(demo.url + course.url)
    page.click('#course-actions form[action$="/restart/"] button')
    expect(page.locator("#course-actions .badge")).to_be_visible()  # Recertification
    enrolment = Enrolment.objects.get(learner=learner, course=course)
    assert enrolment.cycle == 2

    # Lessons again (the services, as the learner journey clicks them), then
    # the final quiz in the browser: the old pass does not count.
    for lesson in LessonPage.objects.child_of(course).live():
        lesson_complete(enrolment=enrolment, lesson=lesson)
    assert not Certificate.objects.exclude(pk=old.pk).filter(learner=learner)
    page.goto(f"{demo.url}/fr/quizzes/{course.final_quiz_id}/")
    page.click('form[action$="/start/"] button')
    page.wait_for_url(ATTEMPT_URL)
    attempt = current_attempt(page)
    answer(page, attempt, correct_answers(attempt))
    finish_and_submit(page)

    new = Certificate.objects.exclude(pk=old.pk).get(learner=learner)
    assert new.completion.cycle == 2 and new.status == "valid"
    page.goto(f"{demo.url}/fr/learn/")
    for certificate, status in ((new, ".status--ok"), (old, ".status--warn")):
        row = page.locator(".certificates-table tbody tr").filter(
            has=page.locator(f'a[href*="/verify/{certificate.code}/"]')
        )
        expect(row.locator(status)).to_be_visible()
    old.refresh_from_db()
    assert old.status == "expired"
