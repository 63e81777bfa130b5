"""Compliance on the assignment form, the completion matrix and the team summary."""

import csv
import io

import pytest
from django.urls import reverse

from lms.reports import selectors
from lms.teams.compliance import ComplianceStatus
from lms.teams.models import Assignment, Recurrence
from lms.teams.services import RECURRENCE_MONTHS_INVALID
from tests.lms.helpers import enrolment_of, finish

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(assigned, members_a, course):
    """Team A overdue except a0 (done); team B due in ten days, never done."""
    finish(enrolment_of(members_a[0], course))
    return assigned


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_matrix_shows_each_learners_compliance(world, trainer, settings):
    settings.RELAIS_ASSIGNMENT_REMINDER_DAYS = 7
    rows = {r["learner__username"]: r for r in selectors.completion_rows(user=trainer)}

    assert {name: row["compliance"] for name, row in rows.items()} == {
        "a0": ComplianceStatus.CURRENT,
        "a1": ComplianceStatus.OVERDUE,
        "a2": ComplianceStatus.OVERDUE,
        "b0": ComplianceStatus.NEVER_DONE,
        "b1": ComplianceStatus.NEVER_DONE,
        "b2": ComplianceStatus.NEVER_DONE,
    }


def test_a_wider_due_soon_window_makes_team_b_due_soon(world, trainer, settings):
    settings.RELAIS_ASSIGNMENT_REMINDER_DAYS = 10
    statuses = {r["compliance"] for r in selectors.completion_rows(user=trainer)}
    assert ComplianceStatus.DUE_SOON in statuses
    assert ComplianceStatus.NEVER_DONE not in statuses


def test_the_matrix_filters_on_compliance_within_the_managers_scope(
    client, world, manager_a, manager_b
):
    client.force_login(manager_a)
    response = client.get(reverse("reports:completion"), {"compliance": "overdue"})
    emails = [row["learner__email"] for row in response.context["object_list"]]
    assert sorted(emails) == ["a1@example.org", "a2@example.org"]

    client.force_login(manager_b)
    response = client.get(reverse("reports:completion"), {"compliance": "overdue"})
    assert list(response.context["object_list"]) == []
    assert b"a1@example.org" not in response.content


def test_the_matrix_export_has_the_compliance_column(client, world, manager_a):
    client.force_login(manager_a)
    response = client.get(
        reverse("reports:completion"), {"export": "csv", "ordering": "learner"}
    )
    header, *rows = csv_rows(response)
    column = header.index("Conformité")
    assert [row[column] for row in rows] == ["À jour", "En retard", "En retard"]


def test_the_summary_counts_each_status_per_team(world, trainer, settings):
    settings.RELAIS_ASSIGNMENT_REMINDER_DAYS = 7
    rows = {r["team_name"]: r for r in selectors.team_summary_rows(user=trainer)}

    a, b = rows["Équipe A"], rows["Équipe B"]
    assert (a["compliance_current"], a["compliance_overdue"]) == (1, 2)
    assert (b["compliance_never_done"], b["compliance_due_soon"]) == (3, 0)
    # The summary's "Overdue" is the compliance rule's, whatever the cycle.
    assert all(r["overdue"] == r["compliance_overdue"] for r in rows.values())


def test_the_summary_export_counts_compliance(client, world, manager_a):
    client.force_login(manager_a)
    response = client.get(reverse("reports:team_summary"), {"export": "csv"})
    header, *rows = csv_rows(response)
    assert [row[header.index("À jour")] for row in rows] == ["1"]
    assert [row[header.index("Jamais suivi")] for row in rows] == ["0"]
    assert "Équipe B" not in "".join(",".join(row) for row in rows)


def test_another_teams_manager_gets_403_on_the_summary(
    client, world, manager_b, team_a
):
    client.force_login(manager_b)
    for params in ({"team": team_a.pk}, {"team": team_a.pk, "export": "csv"}):
        response = client.get(reverse("reports:team_summary"), params)
        assert response.status_code == 403
        assert b"compliance_current" not in response.content


def test_compliance_by_month_costs_one_query(world, trainer, django_assert_num_queries):
    enrolments = selectors.scoped_enrolments(user=trainer)
    with django_assert_num_queries(1):
        months = selectors.compliance_by_month(enrolments)
    assert len(months) == 12
    assert (months[-1].assigned, months[-1].current, months[-1].overdue) == (6, 1, 2)
    assert months[0].assigned == 0  # assigned this month: nothing a year ago


# --- The assignment form ------------------------------------------------------------


def post_recurring_assignment(client, course, team, due_on, **fields):
    """POST the "Assign a course" form: ``course`` to ``team`` every N months."""
    return client.post(
        reverse("assignments:create"),
        {
            "course": course.pk,
            "due_on": due_on.isoformat(),
            "team": team.pk,
            "recurrence": Recurrence.MONTHS,
            **fields,
        },
    )


def test_a_manager_sets_a_recurrence_on_the_form(
    client, course, team_a, manager_a, due_in_a_week
):
    client.force_login(manager_a)
    response = post_recurring_assignment(
        client, course, team_a, due_in_a_week, recurrence_months="12", cycle_days="45"
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert (
        assignment.recurrence,
        assignment.recurrence_months,
        assignment.cycle_days,
    ) == (Recurrence.MONTHS, 12, 45)
    listing = client.get(reverse("assignments:index"))
    assert "Tous les 12 mois" in listing.content.decode()


@pytest.mark.parametrize(
    "months, days, field",
    [
        ("", "30", "recurrence_months"),
        ("0", "30", "recurrence_months"),
        ("-2", "30", "recurrence_months"),
        ("douze", "30", "recurrence_months"),
        ("61", "30", "recurrence_months"),
        ("12", "0", "cycle_days"),
        ("12", "-5", "cycle_days"),
        ("12", "trente", "cycle_days"),
    ],
    ids=[
        "empty",
        "zero",
        "negative",
        "text",
        "too-many",
        "zero-days",
        "neg-days",
        "text-days",
    ],
)
def test_the_form_refuses_bad_recurrence_input(
    client, course, team_a, manager_a, due_in_a_week, months, days, field
):
    client.force_login(manager_a)
    response = post_recurring_assignment(
        client,
        course,
        team_a,
        due_in_a_week,
        recurrence_months=months,
        cycle_days=days,
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Assignment.objects.exists()


def test_the_form_and_the_service_say_the_same(
    client, course, team_a, manager_a, due_in_a_week
):
    client.force_login(manager_a)
    response = post_recurring_assignment(client, course, team_a, due_in_a_week)
    assert response.context["form"].errors["recurrence_months"] == [
        str(RECURRENCE_MONTHS_INVALID)
    ]


def test_another_teams_manager_cannot_assign_a_recurring_course(
    client, course, team_b, manager_a, due_in_a_week
):
    client.force_login(manager_a)
    response = client.post(
        reverse("assignments:create"),
        {
            "course": course.pk,
            "due_on": due_in_a_week.isoformat(),
            "team": team_b.pk,
            "recurrence": Recurrence.CERTIFICATE,
            "cycle_days": "30",
        },
    )
    assert response.status_code == 200
    assert "team" in response.context["form"].errors
    assert not Assignment.objects.exists()
