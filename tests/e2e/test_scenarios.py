"""Scenarios in the browser: play to an ending (mouse, then keyboard only), author
one and be told about an unreachable situation, and axe on every new screen."""

import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from demo.content_scenarios import FRIEND_REQUEST, POLEMICAL_POST
from demo.loader import DEMO_PASSWORD
from demo.scenarios import KEY_NAMESPACE
from scenarios.models import Scenario, ScenarioRun
from tests.e2e.conftest import axe_violations, login
from tests.e2e.helpers import PASSWORD, admin_login, new_learner, tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
RUN_URL = re.compile(r"/scenarios/runs/(\d+)/(#consequence)?$")
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 390, "height": 844},
}


def demo_scenario(spec, lang="fr") -> Scenario:
    key = uuid.uuid5(KEY_NAMESPACE, spec["slug"])
    return Scenario.objects.get(translation_key=key, locale__language_code=lang)


def start(page, base_url, scenario, lang="fr"):
    page.goto(f"{base_url}/{lang}/scenarios/{scenario.pk}/")
    page.click("main form button[type=submit]")
    page.wait_for_url(RUN_URL)


def choose(page, label_start: str):
    page.locator("fieldset label", has_text=label_start).click()
    submit(page)


def submit(page, key: str = ""):
    """Post the choice (the same URL: wait for the navigation, not the URL)."""
    with page.expect_navigation():
        if key:
            page.keyboard.press(key)
        else:
            page.click("main form button[type=submit]")
    page.wait_for_load_state()


def test_a_learner_plays_a_scenario_to_an_ending(demo, page):
    learner = new_learner()
    login(page, demo.url, learner.username, PASSWORD)
    scenario = demo_scenario(POLEMICAL_POST)
    start(page, demo.url, scenario)
    expect(page.locator("h1")).to_have_text("Le billet")
    choose(page, "Ne pas réagir en public")
    consequence = page.locator("#consequence")
    expect(consequence).to_contain_text("Le billet ne gagne pas en visibilité")
    expect(consequence).to_have_attribute("aria-live", "polite")
    choose(page, "L'écouter, puis lui proposer")
    expect(page.locator("#debrief-title")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Le débat revient à l'interne")
    run = ScenarioRun.objects.get(learner=learner)
    assert run.is_finished and run.ending_key == "good_end" and run.score == 4
    assert run.path_keys == ["start", "private", "good_end"]


def test_a_learner_plays_with_the_keyboard_only(demo, page):
    learner = new_learner()
    login(page, demo.url, learner.username, PASSWORD)
    scenario = demo_scenario(FRIEND_REQUEST)
    page.goto(f"{demo.url}/fr/scenarios/{scenario.pk}/")
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(RUN_URL)
    for _step in range(2):  # the first choice each time: accepted, then bad_end
        tab_to(page, "fieldset input[type=radio]")
        page.keyboard.press("Space")
        tab_to(page, "main form button[type=submit]")
        submit(page, "Enter")
        # The consequence comes first, and focus lands on it (its #fragment).
        assert page.evaluate("document.activeElement.id") == "consequence"
    run = ScenarioRun.objects.get(learner=learner)
    assert run.is_finished and run.path_keys == ["start", "accepted", "bad_end"]


def test_a_trainer_is_told_about_an_unreachable_situation(demo, page):
    trainer = get_user_model().objects.get(username="formatrice")
    admin_login(page, demo.url, trainer.username, DEMO_PASSWORD)
    scenario = demo_scenario(FRIEND_REQUEST)
    page.goto(f"{demo.url}/admin/snippets/scenarios/scenario/edit/{scenario.pk}/")
    assert page.locator("svg.scenario-graph[role=img]").count() == 1
    assert axe_violations(page) == []
    # The start's third choice led to "polite", its only way in: point it elsewhere.
    field = page.locator("input[name='situations-0-value-choices-2-value-leads_to']")
    field.evaluate("(el) => { el.value = 'silence'; }")
    page.click("footer button[type=submit]")
    error = page.locator(".error-message, .help-critical, [role=alert]")
    expect(page.locator("body")).to_contain_text("Sa réponse")
    assert error.count() >= 1
    scenario.refresh_from_db()
    assert scenario.graph().get("start").choices[2].target == "polite"


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_play_pages_have_no_serious_axe_violations(demo, new_context, lang, size):
    page = new_context(viewport=VIEWPORTS[size]).new_page()
    learner = new_learner()
    login(page, demo.url, learner.username, PASSWORD, lang=lang)
    scenario = demo_scenario(FRIEND_REQUEST, lang)
    problems = {}

    def check(name):
        if violations := axe_violations(page):
            problems[name] = violations

    page.goto(f"{demo.url}/{lang}/scenarios/{scenario.pk}/")
    check("scenario page")
    start(page, demo.url, scenario, lang)
    check("first situation")
    page.locator("fieldset input[type=radio]").first.check()
    submit(page)
    check("consequence and next situation")
    page.goto(page.url.split("#")[0])
    with page.expect_navigation():
        page.evaluate(
            "() => { const f = document.querySelector('main form');"
            " f.querySelector('input[name=sequence]').value = '0';"
            " f.querySelector('input[type=radio]').checked = true; f.submit(); }"
        )
    page.wait_for_load_state()
    expect(page.locator("#run-error")).to_be_visible()
    check("stale page message")
    page.locator("fieldset input[type=radio]").first.check()
    submit(page)
    expect(page.locator("#debrief-title")).to_be_visible()
    check("ending")
    assert problems == {}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_scenario_reports_have_no_serious_axe_violations(demo, page, lang):
    manager = get_user_model().objects.get(username="formatrice")
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = lang
    profile.save()
    scenario = demo_scenario(FRIEND_REQUEST)
    admin_login(page, demo.url, manager.username, DEMO_PASSWORD)
    problems = {}
    for report in ("scenario-paths", "scenario-choices"):
        page.goto(f"{demo.url}/admin/team-reports/{report}/?scenario={scenario.pk}")
        if violations := axe_violations(page):
            problems[report] = violations
    assert problems == {}
