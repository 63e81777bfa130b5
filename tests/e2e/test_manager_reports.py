"""A manager filters the completion report by team and exports it; a French
manager reads day-first dates."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from core.people import person_language
from courses.models import Certificate, Enrolment
from demo.loader import DEMO_PASSWORD
from lms.reports.exports import CSV_BOM
from lms.teams.models import Team, TeamMembership
from lms.teams.services import assignment_create
from tests.e2e.helpers import SHOW_FILTERS, admin_login, demo_course, new_learner
from tests.factories import TeamFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_manager_filters_the_completion_report_by_team_and_exports_csv(demo, page):
    manager = get_user_model().objects.get(username="gestionnaire")
    montreal = Team.objects.get(manager_roles__manager=manager)
    # A second team of the same manager, so that the filter has work to do.
    other = TeamFactory(
        name="Équipe e2e", managers=[manager], members=[new_learner("e2e-other")]
    )
    assignment_create(
        course=demo_course(),
        due_on=datetime.date.today() + datetime.timedelta(days=30),
        team=other,
    )
    expected = set(
        TeamMembership.objects.filter(team=montreal).values_list(
            "learner__username", flat=True
        )
    )

    admin_login(page, demo.url, manager.username, DEMO_PASSWORD)
    page.goto(demo.url + "/admin/team-reports/completion/")
    rows = page.locator("#listing-results tbody tr")
    expect(rows).to_have_count(len(expected) + 1)
    page.click(SHOW_FILTERS)
    page.click("button[aria-controls='drilldown-id_team']")
    page.select_option("#id_team", str(montreal.pk))
    page.wait_for_url(f"**team={montreal.pk}*")
    expect(rows).to_have_count(len(expected))
    expect(page.locator("#listing-results")).not_to_contain_text("e2e-other")

    page.click("button[aria-label='Actions']")
    with page.expect_download() as download_info:
        page.click("a[href*='export=csv']")
    raw = open(download_info.value.path(), "rb").read()
    text = raw.decode("utf-8")
    assert text.startswith(CSV_BOM)
    lines = list(csv.reader(io.StringIO(text.removeprefix(CSV_BOM))))
    body = lines[1:]  # columns: learner, username, email, course, ...
    assert {row[1] for row in body} == expected
    assert {row[3] for row in body} == {demo_course().title}


DAY = datetime.date(2026, 11, 26)  # day and month cannot be mistaken for each other
MONTH_FIRST = re.compile(r"\b11/26/(20)?26\b")
DAY_FIRST = re.compile(r"\b26(/11/| nov\.? | novembre |-11-)2026\b|\b2026-11-26\b")


def test_french_manager_sees_day_first_dates_in_the_reports(demo, page):
    manager = get_user_model().objects.get(username="gestionnaire")
    assert person_language(manager) == "fr"  # as the demo makes them
    montreal = Team.objects.get(manager_roles__manager=manager)
    member_ids = TeamMembership.objects.filter(team=montreal).values("learner")
    Enrolment.objects.filter(learner__in=member_ids).update(due_on=DAY)
    moment = timezone.make_aware(datetime.datetime.combine(DAY, datetime.time(12)))
    Certificate.objects.filter(learner__in=member_ids).update(issued_at=moment)
    assert Certificate.objects.filter(learner__in=member_ids).exists()

    admin_login(page, demo.url, manager.username, DEMO_PASSWORD)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    for report in ("completion", "certificates"):
        page.goto(f"{demo.url}/admin/team-reports/{report}/")
        text = page.locator("#listing-results").inner_text()
        assert DAY_FIRST.search(text), f"{report}: no day-first date in {text!r}"
        assert not MONTH_FIRST.search(text), f"{report}: a month-first date"
