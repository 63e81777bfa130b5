"""The charter in a browser: acknowledge, again after a material change, axe."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from courses.models import CharterAcknowledgement, CharterPage
from courses.services import charter_publish
from demo.loader import DEMO_PASSWORD
from tests.e2e.conftest import axe_violations, login
from tests.e2e.helpers import PASSWORD, admin_login, new_learner
from tests.factories import charter_rule

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_RULE = "Signalez tout faux compte au nom de l'organisation"
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}


def charter(lang: str = "fr") -> CharterPage:
    return CharterPage.objects.get(locale__language_code=lang)


def confirm(page) -> None:
    page.check("#charter-confirm")
    page.click(".charter-confirm button[type=submit]")
    page.wait_for_load_state()


def test_a_learner_acknowledges_then_acknowledges_again_after_a_material_change(
    demo, page
):
    learner = new_learner()
    login(page, demo.url, learner.username, PASSWORD)
    page.goto(demo.url + charter().url)
    expect(page.locator("h1")).to_have_text(charter().title)
    expect(page.locator(".charter-diff")).to_have_count(0)
    confirm(page)
    expect(page.locator(".message--success").first).to_be_visible()
    expect(page.locator("#charter-confirm")).to_have_count(0)
    assert list(
        CharterAcknowledgement.objects.filter(learner=learner).values_list(
            "version__number", flat=True
        )
    ) == [2]

    fr = charter()
    fr.rules = [*fr.rules.raw_data, charter_rule(NEW_RULE)]
    assert charter_publish(page=fr, material_change=True).number == 3

    page.reload()
    added = page.locator(".charter-diff__line--added ins")
    expect(added).to_have_count(1)
    expect(added).to_contain_text(NEW_RULE)
    expect(added.locator(".charter-diff__label")).to_have_text("Ajouté :")
    assert axe_violations(page) == []
    confirm(page)
    expect(page.locator(".charter-diff")).to_have_count(0)
    numbers = CharterAcknowledgement.objects.filter(learner=learner).values_list(
        "version__number", flat=True
    )
    assert sorted(numbers) == [2, 3]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_charter_page_has_no_serious_axe_violations(
    demo, new_context, lang, viewport
):
    width, height = VIEWPORTS[viewport]
    page = new_context(viewport={"width": width, "height": height}).new_page()
    # The demo learner who acknowledged version 1 only: diff and form both show.
    login(page, demo.url, "apprenant", DEMO_PASSWORD, lang=lang)
    page.goto(demo.url + charter(lang).url)
    expect(page.locator(".charter-diff__line--added")).to_have_count(1)
    expect(page.locator("#charter-confirm")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_charter_report_has_no_serious_axe_violations(demo, page, lang):
    manager = get_user_model().objects.get(username="gestionnaire")
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = lang
    profile.save()
    admin_login(page, demo.url, manager.username, DEMO_PASSWORD)
    page.goto(f"{demo.url}/admin/team-reports/charter/")
    expect(page.locator("#listing-results tbody tr").first).to_be_visible()
    assert axe_violations(page) == []
