"""Certificate journeys: a trainer revokes one, everyone who looks sees it."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from courses.models import Certificate
from demo.loader import DEMO_PASSWORD
from tests.e2e.conftest import login
from tests.e2e.helpers import admin_login

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
