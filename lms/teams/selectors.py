"""Read-side queries for teams and assignments, scoped to the person asking.

Scoping lives here and nowhere else: a manager's queries are filtered in SQL
to the teams they manage, so no view, filter or export can reach other rows.
Trainers (``view_all_reports``) see every team.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from courses.models import CharterPage, CourseCompletion, CoursePage
from courses.selectors import charter_current_version
from lms.teams.access import can_assign_courses, can_view_all_reports, can_view_reports
from lms.teams.charters import charter_applies_q
from lms.teams.models import (
    Assignment,
    CharterReminder,
    LearnerAssignment,
    Team,
    TeamManagerRole,
    TeamMembership,
)


def teams_managed_by(*, user) -> QuerySet[Team]:
    """The teams ``user`` manages, by name."""
    if user is None or not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(pk__in=managed_team_ids(user)).order_by("name")


def teams_visible_to(*, user) -> QuerySet[Team]:
    """Every team for trainers, the managed teams for managers, else none."""
    if can_view_all_reports(user):
        return Team.objects.order_by("name")
    if can_view_reports(user):
        return teams_managed_by(user=user)
    return Team.objects.none()


def team_visible_to(*, user, pk) -> Team:
    """One team the user may see, else 404 (another manager's team included)."""
    team = teams_visible_to(user=user).filter(pk=pk).first()
    if team is None:
        raise Http404
    return team


def managed_team_ids(user) -> list[int]:
    """Ids of the teams ``user`` manages, fetched once per user object.

    Report queries take these as literal values rather than as a subquery:
    PostgreSQL then knows how few rows they select and starts its plans from
    the manager's few hundred people instead of from every enrolment.
    """
    if user is None or not user.is_authenticated:
        return []
    cached = getattr(user, "_relais_managed_team_ids", None)
    if cached is None:
        cached = list(
            TeamManagerRole.objects.filter(manager=user)
            .order_by("team_id")
            .values_list("team_id", flat=True)
        )
        user._relais_managed_team_ids = cached
    return cached


def learner_in_scope_q(*, user, learner_field: str = "learner") -> Q | None:
    """A filter keeping rows whose learner is one of ``user``'s people.

    ``None`` means "no restriction" (trainers). Managers get an ``EXISTS``
    over their teams' memberships, resolved by the database in the same query.
    Anyone else gets a filter that matches nothing.
    """
    if can_view_all_reports(user):
        return None
    if not can_view_reports(user):
        return Q(pk__in=[])
    return learner_in_team_q(
        team_ids=managed_team_ids(user), learner_field=learner_field
    )


def learner_in_team_q(*, team_ids, learner_field: str = "learner") -> Q:
    """A filter keeping rows whose learner belongs to one of ``team_ids``."""
    return Q(
        Exists(
            TeamMembership.objects.filter(
                learner=OuterRef(learner_field), team_id__in=team_ids
            )
        )
    )


def assignable_learners(*, user) -> QuerySet:
    """Learners ``user`` may assign a course to: their people (trainers: anyone)."""
    User = get_user_model()
    learners = User.objects.filter(is_active=True).order_by(
        "last_name", "first_name", "username"
    )
    if not can_assign_courses(user):
        return learners.none()
    if can_view_all_reports(user):
        return learners
    scope = learner_in_scope_q(user=user, learner_field="pk")
    return learners.filter(scope)


def assignable_teams(*, user) -> QuerySet[Team]:
    """Teams ``user`` may assign a course to."""
    if not can_assign_courses(user):
        return Team.objects.none()
    if can_view_all_reports(user):
        return Team.objects.order_by("name")
    return teams_managed_by(user=user)


def assignable_courses() -> QuerySet:
    """Live courses in their original language, by title.

    Assignments, like enrolments, point at the original page of a course's
    translation group (the lowest primary key sharing its ``translation_key``).
    """
    originals = (
        CoursePage.objects.filter(translation_key=OuterRef("translation_key"))
        .order_by("pk")
        .values("pk")[:1]
    )
    return CoursePage.objects.live().filter(pk=Subquery(originals)).order_by("title")


def assignments_visible_to(*, user) -> QuerySet[Assignment]:
    """Assignments to the user's teams or reaching their people; all for trainers."""
    assignments = Assignment.objects.select_related("course", "team", "assigned_by")
    if can_view_all_reports(user):
        return assignments
    if not (can_view_reports(user) or can_assign_courses(user)):
        return assignments.none()
    managed = TeamManagerRole.objects.filter(manager=user).values("team_id")
    reaches_people = LearnerAssignment.objects.filter(
        assignment=OuterRef("pk"),
        learner__team_memberships__team_id__in=managed,
    )
    return assignments.filter(Q(team_id__in=managed) | Q(Exists(reaches_people)))


def learner_assignments_to_remind(
    *, today: datetime.date, days: int
) -> QuerySet[LearnerAssignment]:
    """Open learner assignments due within ``days`` days, or already overdue.

    "Open" means the learner's current cycle of the course is not complete.
    """
    horizon = today + datetime.timedelta(days=days)
    completed = CourseCompletion.objects.filter(
        enrolment=OuterRef("enrolment"), cycle=OuterRef("enrolment__cycle")
    )
    return (
        LearnerAssignment.objects.filter(
            assignment__due_on__lte=horizon, learner__is_active=True
        )
        .exclude(Exists(completed))
        .select_related("learner", "enrolment", "assignment__course")
        .prefetch_related("reminders")
        .order_by("assignment__due_on", "pk")
    )


def managers_of_learners(*, learner_ids) -> dict[int, set[int]]:
    """For each learner id, the active managers of the teams they belong to.

    A deactivated manager (a leaver) gets no more digests.
    """
    rows = TeamManagerRole.objects.filter(
        team__memberships__learner_id__in=learner_ids, manager__is_active=True
    ).values_list("team__memberships__learner_id", "manager_id")
    managers: dict[int, set[int]] = {}
    for learner_id, manager_id in rows:
        managers.setdefault(learner_id, set()).add(manager_id)
    return managers


def charter_reminders_due(*, now: datetime.datetime, cadence_days: int) -> list:
    """``(person, version, period)`` for each charter reminder now due.

    For each live charter, each active person with an email address it
    applies to (``lms.teams.charters``) who has not acknowledged its current
    version is due once per ``period`` (``cadence_days`` since the version was
    published) and not yet reminded in it. One query for the charters, then
    two per charter.
    """
    keys = set(CharterPage.objects.live().values_list("translation_key", flat=True))
    due = []
    for key in sorted(keys, key=str):
        version = charter_current_version(translation_key=key)
        if version is None:
            continue
        period = max((now - version.published_at).days, 0) // cadence_days
        people = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(charter_applies_q(translation_key=key, learner=OuterRef("pk")))
            .exclude(email="")
            .exclude(charter_acknowledgements__version=version)
            .exclude(
                pk__in=CharterReminder.objects.filter(
                    version=version, period=period
                ).values("learner_id")
            )
            .order_by("pk")
        )
        due += [(person, version, period) for person in people]
    return due
