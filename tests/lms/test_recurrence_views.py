"""Assignments › Recurrence: changing how an existing assignment recurs."""

import datetime

import pytest
from django.urls import reverse

from lms.teams.models import Recurrence
from lms.teams.services import RECURRENCE_MONTHS_INVALID, assignment_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(course, team_a, manager_a, members_a, today):
    return assignment_create(
        course=course,
        due_on=today + datetime.timedelta(days=10),
        team=team_a,
        assigned_by=manager_a,
    )


def url(assignment):
    return reverse("assignments:recurrence", args=[assignment.pk])


def test_the_manager_sets_a_recurrence_from_the_assignment_list(
    client, assignment, manager_a
):
    client.force_login(manager_a)
    listing = client.get(reverse("assignments:index")).content.decode()
    assert f'href="{url(assignment)}"' in listing

    page = client.get(url(assignment))
    assert page.status_code == 200
    response = client.post(
        url(assignment),
        {"recurrence": Recurrence.MONTHS, "recurrence_months": "12", "cycle_days": 20},
    )

    assert response.status_code == 302
    assignment.refresh_from_db()
    assert (assignment.recurrence, assignment.recurrence_months) == (
        Recurrence.MONTHS,
        12,
    )
    assert assignment.cycle_days == 20


def test_bad_months_are_refused_with_the_rule_and_change_nothing(
    client, assignment, manager_a
):
    client.force_login(manager_a)

    response = client.post(
        url(assignment),
        {"recurrence": Recurrence.MONTHS, "recurrence_months": "0", "cycle_days": 20},
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assignment.refresh_from_db()
    assert assignment.recurrence == Recurrence.NONE
    response = client.post(
        url(assignment), {"recurrence": Recurrence.MONTHS, "cycle_days": 20}
    )
    assert str(RECURRENCE_MONTHS_INVALID) in response.content.decode()


def test_another_teams_manager_gets_404_and_a_learner_403(
    client, assignment, manager_b, members_a
):
    client.force_login(manager_b)
    assert client.get(url(assignment), follow=True).status_code == 404
    changed = {"recurrence": Recurrence.CERTIFICATE, "cycle_days": 5}
    assert client.post(url(assignment), changed, follow=True).status_code == 404
    client.force_login(members_a[0])
    response = client.get(url(assignment), follow=True)
    assert "/login/" in response.redirect_chain[-1][0]  # no admin access at all
    assignment.refresh_from_db()
    assert assignment.recurrence == Recurrence.NONE


def test_an_unknown_assignment_is_404(client, trainer):
    client.force_login(trainer)
    response = client.get(reverse("assignments:recurrence", args=[999999]), follow=True)
    assert response.status_code == 404
