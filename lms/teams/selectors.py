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

from courses.models import Certificate, CharterPage, CourseCompletion, CoursePage
from courses.selectors import charter_current_version
from lms.teams.access import can_assign_courses, can_view_all_reports, can_view_reports
from lms.teams.charters import charter_applies_q
from lms.teams.models import (
    Assignment,
    CharterReminder,
    LearnerAssignment,
    Recurrence,
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


def latest_cycle_q() -> Q:
    """Learner assignments that are their learner's latest cycle of the assignment."""
    later = LearnerAssignment.objects.filter(
        assignment=OuterRef("assignment"),
        learner=OuterRef("learner"),
        cycle__gt=OuterRef("cycle"),
    )
    return ~Q(Exists(later))


def cycle_done_q() -> Q:
    """Learner assignments whose cycle is done: the enrolment has a completion
    of the cycle the row asked for, or of a later one."""
    return Q(
        Exists(
            CourseCompletion.objects.filter(
                enrolment=OuterRef("enrolment"), cycle__gte=OuterRef("enrolment_cycle")
            )
        )
    )


def learner_assignments_to_remind(
    *, today: datetime.date, days: int
) -> QuerySet[LearnerAssignment]:
    """Open learner assignments due within ``days`` days, or already overdue.

    One row per learner, assignment and cycle: only each learner's latest
    cycle is reminded about (an earlier one left undone is superseded), and
    it is "open" while the enrolment has no completion of that cycle or a
    later one.
    """
    horizon = today + datetime.timedelta(days=days)
    return (
        LearnerAssignment.objects.filter(due_on__lte=horizon, learner__is_active=True)
        .filter(latest_cycle_q())
        .exclude(cycle_done_q())
        .select_related("learner", "enrolment", "assignment__course")
        .prefetch_related("reminders")
        .order_by("due_on", "pk")
    )


def recurring_cycles_latest(
    *, assignment: Assignment | None = None
) -> list[tuple[LearnerAssignment, Certificate | None]]:
    """Each active learner's latest cycle of each recurring assignment.

    With, for assignments that recur on certificate expiry, the latest
    certificate issued for a completion of that cycle (or a later one), else
    None. A team assignment counts only the team's current members: leaving
    the team stops its recurrence. Two queries (three with certificates).
    """
    rows = (
        LearnerAssignment.objects.exclude(assignment__recurrence=Recurrence.NONE)
        .filter(learner__is_active=True)
        .filter(latest_cycle_q())
        .filter(
            Q(assignment__team__isnull=True)
            | Q(
                Exists(
                    TeamMembership.objects.filter(
                        team=OuterRef("assignment__team"), learner=OuterRef("learner")
                    )
                )
            )
        )
        .select_related("assignment", "enrolment")
        .order_by("assignment_id", "learner_id")
    )
    if assignment is not None:
        rows = rows.filter(assignment=assignment)
    rows = list(rows)
    by_enrolment: dict[int, list[Certificate]] = {}
    enrolment_ids = {
        row.enrolment_id
        for row in rows
        if row.assignment.recurrence == Recurrence.CERTIFICATE
    }
    if enrolment_ids:
        certificates = (
            Certificate.objects.filter(completion__enrolment_id__in=enrolment_ids)
            .select_related("completion")
            .order_by("-issued_at", "-pk")
        )
        for certificate in certificates:
            by_enrolment.setdefault(certificate.completion.enrolment_id, []).append(
                certificate
            )

    def certificate_of(row):
        if row.assignment.recurrence != Recurrence.CERTIFICATE:
            return None
        for certificate in by_enrolment.get(row.enrolment_id, ()):
            if certificate.completion.cycle >= row.enrolment_cycle:
                return certificate
        return None

    return [(row, certificate_of(row)) for row in rows]


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
