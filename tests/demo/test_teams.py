"""The demo teams: two teams of 30, varied progress, re-runnable."""

import datetime

import pytest
from django.utils import timezone

from courses.models import Certificate, Enrolment, LessonProgress
from demo.teams import TEAM_SIZE, seed_demo_teams
from lms.reports.selectors import (
    CompletionStatus,
    completion_figures,
    completion_rows,
    course_steps,
)
from lms.teams.access import can_view_reports
from lms.teams.compliance import ComplianceStatus
from lms.teams.models import Assignment, Team
from lms.teams.selectors import teams_managed_by
from quizzes.models import QuizAttempt
from tests.factories import QuizFactory, SingleChoiceQuestionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(course, managers_group):
    quiz = QuizFactory(questions=[SingleChoiceQuestionFactory() for _ in range(4)])
    course.final_quiz = quiz
    course.save_revision().publish()
    manager = UserFactory(username="gestionnaire")
    teams = seed_demo_teams(course=course, manager=manager)
    return manager, teams


def test_two_teams_of_thirty_one_managed_by_the_demo_manager(demo):
    manager, teams = demo
    assert len(teams) == 2
    assert all(team.memberships.count() == TEAM_SIZE for team in teams.values())
    assert teams_managed_by(user=manager).count() == 1
    assert can_view_reports(manager)


def statuses_seen_by(user) -> set[str]:
    steps, today = course_steps(), timezone.localdate()
    return {
        completion_figures(row, steps=steps, today=today)["status"]
        for row in completion_rows(user=user)
    }


def test_progress_is_varied_with_overdue_people_and_certificates(demo):
    manager, _teams = demo
    statuses = statuses_seen_by(manager)
    assert (
        statuses
        == {
            CompletionStatus.COMPLETED,
            CompletionStatus.OVERDUE,
        }
        or CompletionStatus.OVERDUE in statuses
    )
    everyone = statuses_seen_by(UserFactory(is_superuser=True))
    assert {
        CompletionStatus.COMPLETED,
        CompletionStatus.OVERDUE,
        CompletionStatus.IN_PROGRESS,
        CompletionStatus.NOT_STARTED,
    } <= everyone
    assert Certificate.objects.filter(revoked_at__isnull=True).count() >= 3
    assert Certificate.objects.filter(revoked_at__isnull=False).count() == 1


def test_seeding_again_changes_nothing(demo, course):
    manager, _teams = demo
    counts = (
        Team.objects.count(),
        Assignment.objects.count(),
        Enrolment.objects.count(),
    )
    certificates = Certificate.objects.count()

    seed_demo_teams(course=course, manager=manager)

    assert (
        Team.objects.count(),
        Assignment.objects.count(),
        Enrolment.objects.count(),
    ) == counts
    assert Certificate.objects.count() == certificates


def test_the_history_is_dated_in_the_past_without_patching_the_clock(demo):
    _manager, teams = demo
    now = timezone.now()
    montreal = teams["Service client – Montréal"]
    assigned = now - datetime.timedelta(days=120)
    assert abs(montreal.created_at - assigned) < datetime.timedelta(minutes=5)
    enrolments = Enrolment.objects.filter(learner__team_memberships__team=montreal)
    assert {e.enrolled_at for e in enrolments} == {montreal.created_at}
    progress = LessonProgress.objects.filter(enrolment__in=enrolments)
    assert progress.exists()
    assert all(
        montreal.created_at < p.completed_at < now - datetime.timedelta(minutes=59)
        for p in progress
    )
    issued = Certificate.objects.filter(learner__team_memberships__team=montreal)
    assert issued.exists()
    assert all(c.issued_at < now - datetime.timedelta(minutes=59) for c in issued)
    assert not QuizAttempt.objects.filter(
        started_at__gt=now - datetime.timedelta(minutes=59)
    ).exists()


def test_the_montreal_refresher_recurs_and_shows_compliance(demo):
    manager, teams = demo
    assignment = teams["Service client – Montréal"].assignments.get()
    assert (assignment.recurrence, assignment.recurrence_months) == ("months", 12)
    compliance = {row["compliance"] for row in completion_rows(user=manager)}
    assert {ComplianceStatus.CURRENT, ComplianceStatus.OVERDUE} <= compliance
    everyone = {
        row["compliance"]
        for row in completion_rows(user=UserFactory(is_superuser=True))
    }
    assert ComplianceStatus.NEVER_DONE in everyone
