"""The charter in a browser: acknowledge, again after a material change, choose
who must acknowledge it, axe."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from courses.models import CharterAcknowledgement, CharterPage
from courses.services import charter_publish
from demo.loader import DEMO_PASSWORD
from lms.teams.models import CharterAudience, Team
from lms.teams.services import team_member_add
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


def test_a_trainer_makes_the_charter_a_teams_charter(demo, page, new_context):
    """The trainer chooses one team on the charter's "Who must acknowledge"
    screen (axe clean, with and without an error); a learner outside it no
    longer sees the dashboard's reminder, and sees it once they join."""
    trainer = get_user_model().objects.get(username="formatrice")
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "en"
    profile.save()
    team = Team.objects.order_by("name").first()
    admin_login(page, demo.url, trainer.username, DEMO_PASSWORD)
    page.goto(f"{demo.url}/admin/pages/{charter('en').pk}/edit/")
    page.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Who must acknowledge").click()
    expect(page.get_by_label("Everyone")).to_be_checked()
    assert axe_violations(page) == []
    page.get_by_label("Only the members of the chosen teams").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".error-message")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label(team.name).check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages .success")).to_be_visible()
    audience = CharterAudience.objects.get()
    assert not audience.everyone and list(audience.teams.all()) == [team]

    learner = new_learner()
    reader = new_context().new_page()
    login(reader, demo.url, learner.username, PASSWORD)
    reader.goto(f"{demo.url}/fr/learn/")
    expect(reader.locator("#charters-title")).to_have_count(0)
    team_member_add(team=team, learner=learner)
    reader.reload()
    expect(reader.locator("#charters-title")).to_be_visible()
