"""A trainer imports people: a semicolon Windows-1252 CSV with one bad line,
the dry run showing it, the corrected file, confirmation, and the people in
their team. axe checks the upload and dry-run pages in French and English."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from demo.loader import DEMO_PASSWORD
from lms.teams.models import Team, TeamMembership
from lms.teams.viewsets import team_viewset
from tests.e2e.conftest import axe_violations
from tests.e2e.helpers import admin_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TRAINER = "formatrice"
TEAM = "Équipe Trois-Rivières"
HEADER = "courriel;prénom;nom;langue;équipe(s);gestionnaire de"


def people_csv(*lines: str) -> bytes:
    return "\r\n".join([HEADER, *lines, ""]).encode("cp1252")


def upload(page, base: str, content: bytes) -> None:
    page.goto(f"{base}/admin/people-import/")
    page.set_input_files(
        "#id_file",
        files=[{"name": "personnes.csv", "mimeType": "text/csv", "buffer": content}],
    )
    page.click("#w-editor-form button[type=submit]")
    page.wait_for_url("**/admin/people-import/*/")


def test_people_import_journey(demo, page):
    admin_login(page, demo.url, TRAINER, DEMO_PASSWORD)
    good = "elodie.gagne@exemple.org;Élodie;Gagné;fr;{team};"
    bad = "francois.cote@exemple;François;Côté;fr;{team};"

    upload(page, demo.url, people_csv(good.format(team=TEAM), bad.format(team=TEAM)))

    errors = page.locator("section[aria-labelledby=errors-heading] tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.first.locator("td").first).to_have_text("3")
    expect(errors.first).to_contain_text("francois.cote@exemple")
    expect(page.locator("input[name=sha256]")).to_have_count(0)
    assert axe_violations(page) == []

    fixed = bad.replace("@exemple;", "@exemple.org;")
    upload(page, demo.url, people_csv(good.format(team=TEAM), fixed.format(team=TEAM)))
    expect(page.locator("section[aria-labelledby=errors-heading]")).to_have_count(0)
    expect(page.locator("label[for=id_create_teams]")).to_contain_text(TEAM)
    page.check("#id_create_teams")
    page.click("section[aria-labelledby=apply-heading] button[type=submit]")

    expect(page.locator("#import-result-heading")).to_be_visible()
    team = Team.objects.get(name=TEAM)
    emails = set(
        TeamMembership.objects.filter(team=team).values_list(
            "learner__email", flat=True
        )
    )
    assert emails == {"elodie.gagne@exemple.org", "francois.cote@exemple.org"}
    page.goto(demo.url + reverse(team_viewset.get_url_name("edit"), args=[team.pk]))
    expect(page.locator("main")).to_contain_text("elodie.gagne@exemple.org")
    expect(page.locator("main")).to_contain_text("francois.cote@exemple.org")


def test_import_pages_pass_axe_in_french_and_english(demo, page):
    trainer = get_user_model().objects.get(username=TRAINER)
    content = people_csv("a@exemple.org;A;B;fr;Inconnue;", "oops;C;D;fr;;")
    for language in ("fr", "en"):
        profile = UserProfile.get_for_user(trainer)
        profile.preferred_language = language
        profile.save()
        page.context.clear_cookies()
        admin_login(page, demo.url, TRAINER, DEMO_PASSWORD)
        page.goto(f"{demo.url}/admin/people-import/")
        assert page.locator("html").get_attribute("lang").startswith(language)
        assert axe_violations(page) == [], language
        upload(page, demo.url, content)
        expect(page.locator("#dry-run-heading")).to_be_visible()
        assert axe_violations(page) == [], language
