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
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from core.db import get_or_create
from core.ids import parse_id
from courses.models import (
    Certificate,
    CertificateStatus,
    CharterPage,
    CoursePage,
    EnrolmentSource,
)
from courses.selectors import canonical_page
from courses.services import add_months, enrol, enrolment_renew
from lms.teams.access import can_assign_courses
from lms.teams.models import (
    CYCLE_DAYS_DEFAULT,
    CYCLE_DAYS_MAX,
    RECURRENCE_MONTHS_MAX,
    RECURRENCE_MONTHS_MIN,
    Assignment,
    CharterAudience,
    LearnerAssignment,
    Recurrence,
    Team,
    TeamManagerRole,
    TeamMembership,
)
from lms.teams.selectors import (
    assignable_learners,
    assignable_teams,
    assignments_visible_to,
    recurring_cycles_latest,
)

ASSIGNMENT_ONE_TARGET = _(
    "Assign the course to a team or to chosen learners, not both."
)
ASSIGNMENT_NO_TARGET = _("Choose a team or at least one learner.")
ASSIGNMENT_TEAM_NOT_ALLOWED = _("You can only assign courses to the teams you manage.")
ASSIGNMENT_LEARNER_NOT_ALLOWED = _(
    "You can only assign courses to members of the teams you manage."
)
TEAM_NAME_REQUIRED = _("Give the team a name.")
RECURRENCE_UNKNOWN = _("Choose how the assignment recurs.")
RECURRENCE_MONTHS_INVALID = _("Enter a whole number of months from 1 to 60.")
RECURRENCE_MONTHS_UNUSED = _("Months apply only to an assignment every N months.")
CYCLE_DAYS_INVALID = _("Enter a whole number of days from 1 to 365.")
ASSIGNMENT_NOT_ALLOWED = _(
    "You can only change the assignments of the teams you manage."
)

RECURRENCE_ACTION = "relais.assignment.recurrence"
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
    """Enrol one learner for an assignment and record that it reached them.

    A learner it already reached keeps their cycles: enrolling again would
    bring their due date back to the first cycle's.
    """
    now = now or timezone.now()
    reached = (
        assignment.learner_assignments.filter(learner=learner)
        .order_by("-cycle")
        .first()
    )
    if reached is not None:
        return reached
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
        {"assignment": assignment, "learner": learner, "cycle": 1},
        {
            "enrolment": enrolment,
            "created_at": now,
            "due_on": assignment.due_on,
            "enrolment_cycle": enrolment.cycle,
        },
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


def _whole_number(value, low: int, high: int, message) -> int:
    """``value`` (an int, or its digits as text) within [low, high], else a
    ValidationError; what is a number is ``core.ids.parse_id``'s rule."""
    number = parse_id(
        value.strip() if isinstance(value, str) else value, minimum=low, maximum=high
    )
    if number is None:
        raise ValidationError(message)
    return number


def recurrence_clean(
    *, recurrence: str, months=None, cycle_days=CYCLE_DAYS_DEFAULT
) -> dict:
    """Checked recurrence settings, as ``Assignment`` field values.

    ``months`` (1–60) is required for "every N months" and refused otherwise;
    ``cycle_days`` (1–365) is how long each new cycle has before it is due.
    Numbers may come as text (a form, a command line); anything else, a
    negative number or zero is a ``ValidationError`` naming the field.
    """
    if recurrence not in Recurrence.values:
        raise ValidationError({"recurrence": RECURRENCE_UNKNOWN})
    if recurrence == Recurrence.MONTHS:
        try:
            months = _whole_number(
                months,
                RECURRENCE_MONTHS_MIN,
                RECURRENCE_MONTHS_MAX,
                RECURRENCE_MONTHS_INVALID,
            )
        except ValidationError as error:
            raise ValidationError({"recurrence_months": error.messages}) from None
    elif months not in (None, ""):
        raise ValidationError({"recurrence_months": RECURRENCE_MONTHS_UNUSED})
    else:
        months = None
    try:
        days = _whole_number(cycle_days, 1, CYCLE_DAYS_MAX, CYCLE_DAYS_INVALID)
    except ValidationError as error:
        raise ValidationError({"cycle_days": error.messages}) from None
    return {"recurrence": recurrence, "recurrence_months": months, "cycle_days": days}


@transaction.atomic
def assignment_create(
    *,
    course: CoursePage,
    due_on: datetime.date,
    assigned_by=None,
    team: Team | None = None,
    learners: Iterable = (),
    recurrence: str = Recurrence.NONE,
    recurrence_months=None,
    cycle_days=CYCLE_DAYS_DEFAULT,
    now: datetime.datetime | None = None,
) -> Assignment:
    """Assign a course to a team or to chosen learners, and enrol them.

    Any translation of the course may be given; the assignment points at the
    original. Assigning the same course to the same team with the same due
    date returns the existing assignment; chosen learners with the same
    course and due date join one assignment. A manager (``assigned_by``
    without ``view_all_reports``) may only assign to their teams and people.
    ``now`` (default: the current time) dates the assignment and enrolments.
    The recurrence settings are checked by :func:`recurrence_clean`; given
    again for an existing assignment, the latest settings win.
    """
    now = now or timezone.now()
    settings = recurrence_clean(
        recurrence=recurrence, months=recurrence_months, cycle_days=cycle_days
    )
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
        {"assigned_by": assigned_by, "created_at": now, **settings},
    )
    if not created and any(getattr(assignment, k) != v for k, v in settings.items()):
        assignment = _set_recurrence(assignment=assignment, settings=settings)
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


# --- Recurrence ---------------------------------------------------------------------


def _set_recurrence(*, assignment: Assignment, settings: dict) -> Assignment:
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    for name, value in settings.items():
        setattr(assignment, name, value)
    assignment.full_clean(validate_unique=False)
    assignment.save(update_fields=list(settings))
    return assignment


@transaction.atomic
def assignment_recurrence_set(
    *,
    assignment: Assignment,
    recurrence: str,
    recurrence_months=None,
    cycle_days=CYCLE_DAYS_DEFAULT,
    by,
) -> Assignment:
    """Change how an assignment recurs; logged; idempotent.

    ``by`` must be allowed to assign courses and to see the assignment (a
    trainer, or a manager of its team or of its people): anyone else gets
    ``PermissionDenied``. Cycles
    already started keep their due dates; the next ones follow the new
    settings.
    """
    visible = assignments_visible_to(user=by).filter(pk=assignment.pk).exists()
    if not (can_assign_courses(by) and visible):
        raise PermissionDenied(ASSIGNMENT_NOT_ALLOWED)
    if assignment.team_id is not None and by is not None:
        _check_assigner(assigned_by=by, team=assignment.team, learners=[])
    settings = recurrence_clean(
        recurrence=recurrence, months=recurrence_months, cycle_days=cycle_days
    )
    if all(getattr(assignment, k) == v for k, v in settings.items()):
        return assignment
    assignment = _set_recurrence(assignment=assignment, settings=settings)
    log(instance=assignment, action=RECURRENCE_ACTION, user=by, data=settings)
    return assignment


@dataclass(frozen=True)
class NextCycle:
    """When a learner's next cycle starts, and when it is due."""

    starts_on: datetime.date
    due_on: datetime.date


def next_cycle(
    *,
    assignment: Assignment,
    latest: LearnerAssignment,
    certificate: Certificate | None,
    now: datetime.datetime,
) -> NextCycle | None:
    """The cycle that follows ``latest``, if one has started by ``now``; else None.

    Every N months: the next cycle starts N months after the previous cycle's
    due date (a fixed calendar: completing early or late does not move the
    next cycle), and is due ``cycle_days`` later. A learner who missed
    several periods (e.g. who joined late) gets only the latest one started.
    On certificate expiry: the next cycle starts the day the certificate of
    ``latest``'s completion expires (``certificate``, None when the learner
    has not completed that cycle), and is due ``cycle_days`` later.
    """
    today = timezone.localdate(now)
    gap = datetime.timedelta(days=assignment.cycle_days)
    if assignment.recurrence == Recurrence.MONTHS:
        months = assignment.recurrence_months or 0
        if months < RECURRENCE_MONTHS_MIN:
            return None
        found = None
        starts_on = add_months(latest.due_on, months)
        while starts_on <= today:
            found = NextCycle(starts_on, starts_on + gap)
            starts_on = add_months(found.due_on, months)
        return found
    if assignment.recurrence == Recurrence.CERTIFICATE and certificate is not None:
        status = certificate.status_at(now)
        if status == CertificateStatus.EXPIRED:
            starts_on = timezone.localdate(certificate.expires_at)
            return NextCycle(starts_on, starts_on + gap)
    return None


@dataclass(frozen=True)
class CycleRun:
    """What one run of :func:`assignment_cycles_start` did."""

    started: int = 0
    checked: int = 0


@transaction.atomic
def assignment_cycles_start(
    *, now: datetime.datetime | None = None, assignment: Assignment | None = None
) -> CycleRun:
    """Start every new cycle of every recurring assignment now due; idempotent.

    For each active learner the assignment reaches (a team assignment: the
    team's current members), the latest cycle is read; if its next cycle
    (:func:`next_cycle`) has started by ``now``, a ``LearnerAssignment`` row
    for it is added with its due date, and the enrolment gets a new cycle
    with that due date (``courses.services.enrolment_renew``). Reminders then
    follow the new row as they follow any. Each learner is handled under a
    row lock on their latest cycle, re-read once locked, so two runs at once
    start one cycle; running again starts nothing more.
    """
    now = now or timezone.now()
    started = checked = 0
    for latest, certificate in recurring_cycles_latest(assignment=assignment):
        checked += 1
        with transaction.atomic():
            if _cycle_start(latest=latest, certificate=certificate, now=now):
                started += 1
    return CycleRun(started=started, checked=checked)


def _cycle_start(
    *,
    latest: LearnerAssignment,
    certificate: Certificate | None,
    now: datetime.datetime,
) -> LearnerAssignment | None:
    assignment = latest.assignment
    planned = next_cycle(
        assignment=assignment, latest=latest, certificate=certificate, now=now
    )
    if planned is None:
        return None
    LearnerAssignment.objects.select_for_update().filter(pk=latest.pk).first()
    newer = LearnerAssignment.objects.filter(
        assignment=assignment, learner_id=latest.learner_id, cycle__gt=latest.cycle
    )
    if newer.exists():  # another run started it while we waited for the lock
        return None
    enrolment = enrolment_renew(
        enrolment=latest.enrolment, due_on=planned.due_on, now=now
    )
    row, _created = get_or_create(
        LearnerAssignment,
        {
            "assignment": assignment,
            "learner_id": latest.learner_id,
            "cycle": latest.cycle + 1,
        },
        {
            "enrolment": enrolment,
            "enrolment_cycle": enrolment.cycle,
            "due_on": planned.due_on,
            "created_at": now,
        },
    )
    return row


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
