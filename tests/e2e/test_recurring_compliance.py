"""A trainer makes an assignment recur; the team summary shows compliance.

The recurrence is set on the assignment form; the team summary counts each
compliance status and charts compliance over time with a data table a
screen reader can walk; both pages have no serious or critical axe problem.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from demo.loader import DEMO_PASSWORD
from lms.teams.models import Assignment, Recurrence
from tests.e2e.conftest import axe_violations
from tests.e2e.helpers import admin_login, demo_course, new_learner
from tests.factories import TeamFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_trainer_sets_a_recurrence_and_the_summary_charts_compliance(demo, page):
    trainer = get_user_model().objects.get(username="formatrice")
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "en"
    profile.save()
    team = TeamFactory(name="Équipe e2e récurrente", members=[new_learner("e2e-rec")])
    course = demo_course()
    due = datetime.date.today() + datetime.timedelta(days=3)

    admin_login(page, demo.url, trainer.username, DEMO_PASSWORD)
    page.goto(demo.url + reverse("assignments:create"))
    assert not axe_violations(page), "assignment form"
    page.select_option("#id_course", str(course.pk))
    page.fill("#id_due_on", due.isoformat())
    page.select_option("#id_team", str(team.pk))
    page.get_by_label("Every N months").check()
    page.get_by_label("Every (months)").fill("12")
    page.get_by_label("Days to complete each new cycle").fill("45")
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_selector(".messages .success")
    assignment = Assignment.objects.get(team=team)
    assert (
        assignment.recurrence,
        assignment.recurrence_months,
        assignment.cycle_days,
    ) == (Recurrence.MONTHS, 12, 45)
    expect(page.locator("main")).to_contain_text("Every 12 months")

    page.goto(demo.url + reverse("reports:team_summary") + f"?team={team.pk}")
    row = page.locator("#listing-results tbody tr", has_text=team.name)
    headers = page.locator("#listing-results thead th").all_inner_texts()
    due_soon = next(i for i, text in enumerate(headers) if text.startswith("Due soon"))
    expect(row.locator("th, td").nth(due_soon)).to_have_text("1")

    chart = page.locator("svg.relais-chart").filter(
        has=page.locator("#relais-compliance-chart-title")
    )
    expect(chart).to_have_attribute("role", "img")
    name = chart.evaluate(
        "svg => svg.getAttribute('aria-labelledby').split(' ')"
        ".map(id => document.getElementById(id).textContent).join(' ')"
    )
    assert "Compliance at each month's end" in name and "% current" in name
    details = page.locator(".relais-charts details").last
    details.locator("summary").press("Enter")
    table = page.get_by_role("table", name="Compliance per month")
    expect(table).to_be_visible()
    expect(table.get_by_role("row")).to_have_count(13)  # header + 12 months
    last = table.locator("tbody tr").last
    expect(last.get_by_role("cell").first).to_have_text("1")  # assigned
    assert not axe_violations(page), "team summary with the compliance table open"
