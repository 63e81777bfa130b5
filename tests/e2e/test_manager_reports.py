"""A manager filters the completion report by team and exports it."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

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
