"""Write-side services for teams and assignments.

Every service is keyword-only, runs in a transaction, validates with
``full_clean`` and is idempotent: a double click or a retried request leaves
the same rows as one call (unique constraints are the final guard, see
:func:`core.db.get_or_create`). Enrolment always goes through
``courses.services.enrol``, so an assignment enrols exactly like a learner
enrolling themselves, with the due date and the assigner recorded.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from core.db import get_or_create
from courses.models import CharterPage, CoursePage, EnrolmentSource
from courses.selectors import canonical_page
from courses.services import enrol
from lms.teams.models import (
    Assignment,
    CharterAudience,
    LearnerAssignment,
    Team,
    TeamManagerRole,
    TeamMembership,
)
from lms.teams.selectors import assignable_learners, assignable_teams

ASSIGNMENT_ONE_TARGET = _(
    "Assign the course to a team or to chosen learners, not both."
)
ASSIGNMENT_NO_TARGET = _("Choose a team or at least one learner.")
ASSIGNMENT_TEAM_NOT_ALLOWED = _("You can only assign courses to the teams you manage.")
ASSIGNMENT_LEARNER_NOT_ALLOWED = _(
    "You can only assign courses to members of the teams you manage."
)
TEAM_NAME_REQUIRED = _("Give the team a name.")
CHARTER_AUDIENCE_NO_TEAM = _(
    "Choose at least one team, or let the charter apply to everyone."
)

ASSIGN_ACTION = "relais.assignment.create"
CHARTER_AUDIENCE_ACTION = "relais.charter.audience"


# --- Teams ----------------------------------------------------------------------


@transaction.atomic
def team_create(
    *, name: str, description: str = "", now: datetime.datetime | None = None
) -> Team:
    """Create a team, or return the existing team of that name.

    ``now`` (default: the current time) dates a new team.
    """
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": TEAM_NAME_REQUIRED})
    team, _created = get_or_create(
        Team,
        {"name": name},
        {"description": description, "created_at": now or timezone.now()},
    )
    return team


@transaction.atomic
def team_manager_add(*, team: Team, manager) -> TeamManagerRole:
    """Make ``manager`` a manager of ``team``; idempotent."""
    role, _created = get_or_create(
        TeamManagerRole, {"team": team, "manager": manager}, {}
    )
    return role


@transaction.atomic
def team_member_add(
    *, team: Team, learner, now: datetime.datetime | None = None
) -> TeamMembership:
    """Add ``learner`` to ``team`` and enrol them in the team's assignments.

    Idempotent: adding a member twice changes nothing. ``now`` (default: the
    current time) dates the membership and any enrolment it makes.
    """
    now = now or timezone.now()
    membership, _created = get_or_create(
        TeamMembership, {"team": team, "learner": learner}, {"joined_at": now}
    )
    for assignment in team.assignments.select_related("course", "assigned_by"):
        _reach(assignment=assignment, learner=learner, now=now)
    return membership


@transaction.atomic
def team_member_remove(*, team: Team, learner) -> None:
    """Take ``learner`` out of ``team``.

    Their enrolments and learner assignments stay: the courses were assigned
    to them and their progress is theirs. The team's managers stop seeing them.
    """
    TeamMembership.objects.filter(team=team, learner=learner).delete()


@transaction.atomic
def team_assignments_sync(*, team: Team) -> int:
    """Enrol every member in every team assignment they are not in yet.

    Called after members are edited in the admin; returns the number of
    learner assignments created.
    """
    created = 0
    members = list(team.memberships.select_related("learner"))
    for assignment in team.assignments.select_related("course", "assigned_by"):
        reached = set(
            assignment.learner_assignments.values_list("learner_id", flat=True)
        )
        for membership in members:
            if membership.learner_id not in reached:
                _reach(assignment=assignment, learner=membership.learner)
                created += 1
    return created


# --- Assignments ------------------------------------------------------------------


def _reach(
    *, assignment: Assignment, learner, now: datetime.datetime | None = None
) -> LearnerAssignment:
    """Enrol one learner for an assignment and record that it reached them."""
    now = now or timezone.now()
    enrolment = enrol(
        learner=learner,
        course=assignment.course,
        due_on=assignment.due_on,
        assigned_by=assignment.assigned_by,
        source=EnrolmentSource.ASSIGNMENT,
        now=now,
    )
    learner_assignment, _created = get_or_create(
        LearnerAssignment,
        {"assignment": assignment, "learner": learner},
        {"enrolment": enrolment, "created_at": now},
    )
    return learner_assignment


def _check_assigner(*, assigned_by, team: Team | None, learners: list) -> None:
    if assigned_by is None:  # the system: demo loader, imports
        return
    if (
        team is not None
        and not assignable_teams(user=assigned_by).filter(pk=team.pk).exists()
    ):
        raise ValidationError({"team": ASSIGNMENT_TEAM_NOT_ALLOWED})
    if learners:
        ids = {learner.pk for learner in learners}
        allowed = set(
            assignable_learners(user=assigned_by)
            .filter(pk__in=ids)
            .values_list("pk", flat=True)
        )
        if allowed != ids:
            raise ValidationError({"learners": ASSIGNMENT_LEARNER_NOT_ALLOWED})


@transaction.atomic
def assignment_create(
    *,
    course: CoursePage,
    due_on: datetime.date,
    assigned_by=None,
    team: Team | None = None,
    learners: Iterable = (),
    now: datetime.datetime | None = None,
) -> Assignment:
    """Assign a course to a team or to chosen learners, and enrol them.

    Any translation of the course may be given; the assignment points at the
    original. Assigning the same course to the same team with the same due
    date returns the existing assignment; chosen learners with the same
    course and due date join one assignment. A manager (``assigned_by``
    without ``view_all_reports``) may only assign to their teams and people.
    ``now`` (default: the current time) dates the assignment and enrolments.
    """
    now = now or timezone.now()
    learners = list(learners)
    if team is not None and learners:
        raise ValidationError(ASSIGNMENT_ONE_TARGET)
    if team is None and not learners:
        raise ValidationError(ASSIGNMENT_NO_TARGET)
    _check_assigner(assigned_by=assigned_by, team=team, learners=learners)
    course = canonical_page(course)
    assignment, created = get_or_create(
        Assignment,
        {"team": team, "course": course, "due_on": due_on},
        {"assigned_by": assigned_by, "created_at": now},
    )
    if team is not None:
        learners = [m.learner for m in team.memberships.select_related("learner")]
    for learner in learners:
        _reach(assignment=assignment, learner=learner, now=now)
    if created:
        log(
            instance=assignment,
            action=ASSIGN_ACTION,
            user=assigned_by,
            data={"learners": len(learners)},
        )
    return assignment


# --- Who a charter applies to ---------------------------------------------------


@transaction.atomic
def charter_audience_set(
    *,
    charter: CharterPage,
    everyone: bool,
    teams: Iterable[Team] = (),
    changed_by=None,
    now: datetime.datetime | None = None,
) -> CharterAudience:
    """Make ``charter`` (all its translations) apply to everyone or to ``teams``.

    Idempotent: setting the audience it already has changes nothing and logs
    nothing. A change is logged on the charter's original page (its history).
    Switching to everyone without naming teams keeps the chosen ones, so
    switching back finds them. ``now`` (default: the current time) dates the
    change.
    """
    teams = list(teams)
    if not everyone and not teams:
        raise ValidationError({"teams": CHARTER_AUDIENCE_NO_TEAM})
    now = now or timezone.now()
    audience, _created = get_or_create(
        CharterAudience, {"charter_key": charter.translation_key}, {"changed_at": now}
    )
    audience = CharterAudience.objects.select_for_update().get(pk=audience.pk)
    team_ids = {team.pk for team in teams} if teams else None
    old_ids = set(audience.teams.values_list("pk", flat=True))
    if audience.everyone == everyone and team_ids in (None, old_ids):
        return audience
    audience.everyone = everyone
    audience.changed_at = now
    audience.changed_by = changed_by
    audience.full_clean()
    audience.save()
    if team_ids is not None:
        audience.teams.set(teams)
    log(
        instance=canonical_page(charter),
        action=CHARTER_AUDIENCE_ACTION,
        user=changed_by,
        data={
            "everyone": everyone,
            "teams": sorted(team.name for team in teams) if not everyone else [],
        },
    )
    return audience
