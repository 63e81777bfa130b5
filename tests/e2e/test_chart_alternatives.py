"""The report charts' text alternatives, as the browser exposes them (issue 16).

Each chart is an image whose accessible name carries its figures, and its
data table is a real table a screen reader can walk once its disclosure is
open.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from demo.loader import DEMO_PASSWORD
from tests.e2e.helpers import admin_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_team_charts_expose_their_figures_to_assistive_technology(demo, page):
    manager = get_user_model().objects.get(username="gestionnaire")
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "en"
    profile.save()
    admin_login(page, demo.url, manager.username, DEMO_PASSWORD)
    page.goto(demo.url + reverse("reports:team_summary"))

    charts = page.get_by_role("img").and_(page.locator("svg.relais-chart"))
    expect(charts).to_have_count(3)
    rate_chart = charts.first
    tables = page.locator(".relais-charts details")
    tables.first.locator("summary").press("Enter")  # keyboard opens the table
    table = page.get_by_role("table", name="Completion rate per team")
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    assert rows.count() >= 1
    name = rate_chart.evaluate(
        "svg => svg.getAttribute('aria-labelledby').split(' ')"
        ".map(id => document.getElementById(id).textContent).join(' ')"
    )
    for index in range(rows.count()):
        team = rows.nth(index).get_by_role("rowheader").inner_text()
        rate = rows.nth(index).get_by_role("cell").last.inner_text()
        assert team in name
        assert rate.replace("\u00a0", " ").split(" ")[0] in name

    tables.nth(1).locator("summary").press("Enter")
    months = page.get_by_role("table", name="Completions per month")
    expect(months.get_by_role("row")).to_have_count(13)  # header + 12 months
