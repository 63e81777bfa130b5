"""Teams: membership, managers, enrolment of later members, the team editor."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from courses.models import EnrolmentSource
from lms.teams.models import LearnerAssignment, Team, TeamMembership
from lms.teams.selectors import teams_managed_by, teams_visible_to
from lms.teams.services import (
    TEAM_NAME_REQUIRED,
    assignment_create,
    team_assignments_sync,
    team_create,
    team_member_add,
    team_member_remove,
)
from tests.factories import TeamFactory, UserFactory
from tests.lms.helpers import enrolment_of

pytestmark = pytest.mark.django_db


def test_a_user_may_belong_to_several_teams(members_a):
    first = TeamFactory(name="Un", members=[members_a[0]])
    second = TeamFactory(name="Deux", members=[members_a[0]])
    assert set(Team.objects.filter(memberships__learner=members_a[0])) == {
        first,
        second,
    }


def test_team_member_add_is_idempotent(team_a, members_a):
    team_member_add(team=team_a, learner=members_a[0])
    team_member_add(team=team_a, learner=members_a[0])
    assert TeamMembership.objects.filter(team=team_a, learner=members_a[0]).count() == 1


def test_team_create_needs_a_name_and_returns_the_existing_team():
    with pytest.raises(ValidationError) as error:
        team_create(name="  ")
    assert TEAM_NAME_REQUIRED in error.value.message_dict["name"]
    assert team_create(name="Ventes") == team_create(name="Ventes")


def test_a_later_member_is_enrolled_in_the_team_assignments(course, team_a, today):
    due = today + datetime.timedelta(days=30)
    assignment_create(course=course, due_on=due, team=team_a)
    newcomer = UserFactory(username="newcomer")

    team_member_add(team=team_a, learner=newcomer)

    enrolment = enrolment_of(newcomer, course)
    assert enrolment.due_on == due
    assert enrolment.source == EnrolmentSource.ASSIGNMENT
    assert LearnerAssignment.objects.filter(learner=newcomer).count() == 1


def test_sync_enrols_members_added_outside_the_services(course, team_a, today):
    assignment_create(course=course, due_on=today, team=team_a)
    outsider = UserFactory(username="outsider")
    TeamMembership.objects.create(team=team_a, learner=outsider)

    assert team_assignments_sync(team=team_a) == 1
    assert team_assignments_sync(team=team_a) == 0
    assert enrolment_of(outsider, course).due_on == today


def test_leaving_a_team_keeps_the_enrolment_but_leaves_the_managers_scope(
    course, team_a, members_a, manager_a, today
):
    assignment_create(course=course, due_on=today, team=team_a)
    team_member_remove(team=team_a, learner=members_a[0])

    assert enrolment_of(members_a[0], course)
    assert team_a not in Team.objects.filter(memberships__learner=members_a[0])


def test_managers_see_only_their_teams_and_trainers_all(
    team_a, team_b, manager_a, trainer, learner
):
    assert list(teams_managed_by(user=manager_a)) == [team_a]
    assert list(teams_visible_to(user=manager_a)) == [team_a]
    assert set(teams_visible_to(user=trainer)) == {team_a, team_b}
    assert list(teams_visible_to(user=learner)) == []


def test_a_trainer_edits_a_team_and_new_members_get_its_courses(
    client, superuser, course, team_a, members_a, today
):
    assignment_create(course=course, due_on=today, team=team_a)
    newcomer = UserFactory(username="joiner")
    client.force_login(superuser)
    memberships = list(team_a.memberships.all())
    data = {
        "name": team_a.name,
        "description": "",
        "manager_roles-TOTAL_FORMS": "0",
        "manager_roles-INITIAL_FORMS": str(team_a.manager_roles.count()),
        "manager_roles-MIN_NUM_FORMS": "0",
        "manager_roles-MAX_NUM_FORMS": "1000",
        "memberships-TOTAL_FORMS": str(len(memberships) + 1),
        "memberships-INITIAL_FORMS": str(len(memberships)),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for index, membership in enumerate(memberships + [None]):
        data[f"memberships-{index}-id"] = membership.pk if membership else ""
        data[f"memberships-{index}-learner"] = (
            membership.learner_id if membership else newcomer.pk
        )
        data[f"memberships-{index}-ORDER"] = str(index)
        data[f"memberships-{index}-DELETE"] = ""
    # Managers are kept as they are: resend them.
    roles = list(team_a.manager_roles.all())
    data["manager_roles-TOTAL_FORMS"] = str(len(roles))
    for index, role in enumerate(roles):
        data[f"manager_roles-{index}-id"] = role.pk
        data[f"manager_roles-{index}-manager"] = role.manager_id
        data[f"manager_roles-{index}-ORDER"] = str(index)
        data[f"manager_roles-{index}-DELETE"] = ""

    response = client.post(reverse("teams:edit", args=[team_a.pk]), data)

    assert response.status_code == 302, response.content[:2000]
    assert team_a.memberships.filter(learner=newcomer).exists()
    assert enrolment_of(newcomer, course).due_on == today


def test_the_teams_listing_shows_each_team_with_its_member_count(
    client, superuser, team_a, members_a, django_assert_max_num_queries
):
    TeamFactory(name="Équipe vide")
    client.force_login(superuser)
    with django_assert_max_num_queries(30):  # the count is one annotated query
        listing = client.get(reverse("teams:index"))
    results = client.get(reverse("teams:index_results"))
    assert listing.status_code == results.status_code == 200
    rows = {team.name: team.members_count for team in listing.context["object_list"]}
    assert rows == {team_a.name: len(members_a), "Équipe vide": 0}


def test_managers_cannot_edit_teams_nor_list_people(client, manager_a, team_a):
    client.force_login(manager_a)
    edit = client.get(reverse("teams:edit", args=[team_a.pk]))
    chooser = client.get(reverse("team_people_chooser:choose"))

    assert edit.status_code == 302  # Wagtail: back to the dashboard, with an error
    assert chooser.status_code == 302
    assert b"a0@example.org" not in chooser.content


def test_the_people_chooser_searches_for_team_editors(client, superuser, members_a):
    client.force_login(superuser)
    response = client.get(
        reverse("team_people_chooser:choose_results"), {"q": "a1@example"}
    )
    assert response.status_code == 200
    assert b"a1@example.org" in response.content
    assert b"a2@example.org" not in response.content


def test_team_services_date_their_rows_at_the_given_now(course):
    start = timezone.now() - datetime.timedelta(days=120)
    learner = UserFactory()
    team = team_create(name="Équipe datée", now=start)
    membership = team_member_add(team=team, learner=learner, now=start)
    assignment = assignment_create(
        course=course, due_on=start.date(), team=team, now=start
    )
    reached = LearnerAssignment.objects.select_related("enrolment").get()
    assert team.created_at == membership.joined_at == start
    assert assignment.created_at == reached.created_at == start
    assert reached.enrolment.enrolled_at == reached.enrolment.cycle_started_at == start


def test_the_team_list_shows_each_teams_member_count(
    client, superuser, team_a, members_a, django_assert_max_num_queries
):
    TeamFactory(name="Équipe vide")
    client.force_login(superuser)
    with django_assert_max_num_queries(40):
        response = client.get(reverse("teams:index"))
    assert response.status_code == 200
    rows = response.context["object_list"]
    counts = {team.name: team.members_count for team in rows}
    assert counts == {team_a.name: len(members_a), "Équipe vide": 0}
