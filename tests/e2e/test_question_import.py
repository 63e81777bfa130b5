"""Quizzes › Import in a browser: upload and preview pass axe, in French and English."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.e2e.helpers import admin_login
from tests.e2e.test_admin_accessibility import AdminAxeReport
from tests.quizzes.interchange.helpers import DATA

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "axe-import-2026"
HEADINGS = {
    "fr": ("Importer des questions", "Vérifier l’import"),
    "en": ("Import questions", "Check the import"),
}


def test_import_and_preview_pass_axe_in_both_languages(demo, page):
    user = get_user_model().objects.create_superuser(
        "axe-import", "axe-import@example.org", PASSWORD
    )
    profile = UserProfile.get_for_user(user)
    admin_login(page, demo.url, user.username, PASSWORD)
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
