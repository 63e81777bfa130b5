"""Assignments: enrolment through courses' service, scope, idempotence, the form."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from courses.models import Enrolment, EnrolmentSource
from lms.teams.forms import DUE_DATE_IN_PAST, LEARNERS_UNKNOWN
from lms.teams.models import Assignment, LearnerAssignment
from lms.teams.selectors import assignments_visible_to
from lms.teams.services import (
    ASSIGNMENT_LEARNER_NOT_ALLOWED,
    ASSIGNMENT_NO_TARGET,
    ASSIGNMENT_ONE_TARGET,
    ASSIGNMENT_TEAM_NOT_ALLOWED,
    assignment_create,
)
from tests.lms.helpers import enrolment_of

pytestmark = pytest.mark.django_db


def test_assigning_a_team_enrols_every_member_with_the_due_date(
    course, team_a, members_a, manager_a, due_in_a_week
):
    assignment = assignment_create(
        course=course, due_on=due_in_a_week, team=team_a, assigned_by=manager_a
    )

    for member in members_a:
        enrolment = enrolment_of(member, course)
        assert enrolment.source == EnrolmentSource.ASSIGNMENT
        assert enrolment.due_on == due_in_a_week
        assert enrolment.assigned_by == manager_a
    assert assignment.learner_assignments.count() == len(members_a)


def test_assigning_twice_changes_nothing(course, team_a, due_in_a_week):
    first = assignment_create(course=course, due_on=due_in_a_week, team=team_a)
    second = assignment_create(course=course, due_on=due_in_a_week, team=team_a)

    assert first == second
    assert Assignment.objects.count() == 1
    assert LearnerAssignment.objects.count() == 3
    assert Enrolment.objects.count() == 3


def test_a_translation_of_the_course_is_assigned_as_the_original(
    course, team_a, locale_en, due_in_a_week
):
    english = course.copy_for_translation(locale_en, copy_parents=True)
    assignment = assignment_create(course=english, due_on=due_in_a_week, team=team_a)
    assert assignment.course_id == course.pk


def test_an_earlier_due_date_is_brought_forward_never_pushed_back(
    course, members_a, trainer, today
):
    later, sooner = today + datetime.timedelta(days=30), today + datetime.timedelta(5)
    learner = members_a[0]
    assignment_create(course=course, due_on=later, learners=[learner])
    assignment_create(course=course, due_on=sooner, learners=[learner])
    assert enrolment_of(learner, course).due_on == sooner
    assignment_create(course=course, due_on=later, learners=[learner])
    assert enrolment_of(learner, course).due_on == sooner


@pytest.mark.parametrize(
    ("target", "message"),
    [("both", ASSIGNMENT_ONE_TARGET), ("none", ASSIGNMENT_NO_TARGET)],
    ids=["team-and-learners", "nobody"],
)
def test_an_assignment_has_exactly_one_target(
    course, team_a, members_a, due_in_a_week, target, message
):
    kwargs = {"team": team_a, "learners": members_a} if target == "both" else {}
    with pytest.raises(ValidationError) as error:
        assignment_create(course=course, due_on=due_in_a_week, **kwargs)
    assert message in error.value.messages


def test_a_manager_cannot_assign_another_team(course, team_b, manager_a, due_in_a_week):
    with pytest.raises(ValidationError) as error:
        assignment_create(
            course=course, due_on=due_in_a_week, team=team_b, assigned_by=manager_a
        )
    assert ASSIGNMENT_TEAM_NOT_ALLOWED in error.value.message_dict["team"]
    assert not Enrolment.objects.exists()


def test_a_manager_cannot_assign_people_outside_their_teams(
    course, team_a, members_a, members_b, manager_a, due_in_a_week
):
    with pytest.raises(ValidationError) as error:
        assignment_create(
            course=course,
            due_on=due_in_a_week,
            learners=[members_a[0], members_b[0]],
            assigned_by=manager_a,
        )
    assert ASSIGNMENT_LEARNER_NOT_ALLOWED in error.value.message_dict["learners"]
    assert not Enrolment.objects.exists()


def test_managers_list_only_assignments_reaching_their_people(
    assigned, manager_a, manager_b, trainer
):
    assert list(assignments_visible_to(user=manager_a)) == [assigned["a"]]
    assert list(assignments_visible_to(user=manager_b)) == [assigned["b"]]
    assert set(assignments_visible_to(user=trainer)) == set(assigned.values())


def test_a_manager_assigns_their_team_through_the_form(
    client, course, team_a, members_a, manager_a, due_in_a_week
):
    client.force_login(manager_a)
    response = client.post(
        reverse("assignments:create"),
        {"course": course.pk, "due_on": due_in_a_week.isoformat(), "team": team_a.pk},
    )
    assert response.status_code == 302
    assert enrolment_of(members_a[2], course).due_on == due_in_a_week


def test_the_form_offers_a_manager_only_their_teams(
    client, team_a, team_b, manager_a, course
):
    client.force_login(manager_a)
    response = client.get(reverse("assignments:create"))
    assert response.status_code == 200
    assert team_a.name.encode() in response.content
    assert team_b.name.encode() not in response.content


def test_the_form_refuses_unknown_learners_and_past_dates(
    client, course, team_a, members_b, manager_a, today
):
    client.force_login(manager_a)
    response = client.post(
        reverse("assignments:create"),
        {
            "course": course.pk,
            "due_on": (today - datetime.timedelta(days=1)).isoformat(),
            "learners": f"a0\n{members_b[0].email}\n",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert str(DUE_DATE_IN_PAST) in form.errors["due_on"]
    assert form.errors["learners"] == [
        str(LEARNERS_UNKNOWN % {"names": members_b[0].email})
    ]
    assert not Enrolment.objects.exists()


def test_chosen_learners_by_username_or_email(
    client, course, team_a, members_a, manager_a, due_in_a_week
):
    client.force_login(manager_a)
    client.post(
        reverse("assignments:create"),
        {
            "course": course.pk,
            "due_on": due_in_a_week.isoformat(),
            "learners": f"A0\n{members_a[1].email.upper()}",
        },
    )
    assert set(Enrolment.objects.values_list("learner", flat=True)) == {
        members_a[0].pk,
        members_a[1].pk,
    }


def test_learners_cannot_reach_the_assignment_screens(client, learner):
    client.force_login(learner)
    for name in ("assignments:index", "assignments:create"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_assigned_courses_show_on_the_learners_dashboard(
    client, course, team_a, members_a, due_in_a_week
):
    assignment_create(course=course, due_on=due_in_a_week, team=team_a)
    client.force_login(members_a[0])
    response = client.get(reverse("courses:dashboard"))
    assert response.status_code == 200
    assert course.title.encode() in response.content
    with translation.override("fr"):
        due = date_format(due_in_a_week, "DATE_FORMAT")
    assert b"dashboard-course__due" in response.content
    assert due.encode() in response.content
