"""Compliance status of one learner's assigned course, defined once.

The rule, over a learner's enrolment in an assigned course (its due date is
the due date of the assignment's current cycle, see
``lms.teams.services.assignment_cycles_start``), first match wins:

1. **current**: the enrolment's current cycle is completed;
2. **overdue**: otherwise, the due date has passed;
3. **current**: otherwise, the learner holds a valid certificate for the
   course (recertifying early, or a renewal not yet due). A valid certificate
   never excuses a cycle past its due date: a course retaken every N months
   is retaken whatever its certificates say;
4. **due soon**: otherwise, the due date is within :func:`due_soon_days`
   days (the same window as the "due soon" reminder email);
5. **never done**: otherwise, the learner never completed any cycle;
6. **due soon**: otherwise (a renewal is open, its due date further away).

:func:`compliance_status` is the rule over a :class:`ComplianceFacts`,
:func:`compliance_expression` the same rule in SQL over enrolment rows;
``tests/lms/test_compliance.py`` checks that they agree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _

from courses.models import Certificate, CourseCompletion


class ComplianceStatus:
    """A learner's compliance for one assigned course (computed, never stored)."""

    CURRENT = "current"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    NEVER_DONE = "never_done"

    choices = [
        (CURRENT, _("Current")),
        (DUE_SOON, _("Due soon")),
        (OVERDUE, _("Overdue")),
        (NEVER_DONE, _("Never done")),
    ]
    labels = dict(choices)
    values = [value for value, _label in choices]


def due_soon_days() -> int:
    """How many days before its due date an open cycle is "due soon".

    The assignment reminders' window (``RELAIS_ASSIGNMENT_REMINDER_DAYS``), so
    the reports call "due soon" what the learner's email calls so.
    """
    return settings.RELAIS_ASSIGNMENT_REMINDER_DAYS


@dataclass(frozen=True)
class ComplianceFacts:
    """What the compliance rule reads of one learner's assigned course."""

    due_on: datetime.date | None
    completed_current_cycle: bool
    completed_any_cycle: bool
    holds_valid_certificate: bool


def compliance_status(
    facts: ComplianceFacts, *, today: datetime.date, days: int | None = None
) -> str:
    """The :class:`ComplianceStatus` of ``facts`` on ``today`` (the module's rule)."""
    days = due_soon_days() if days is None else days
    if facts.completed_current_cycle:
        return ComplianceStatus.CURRENT
    if facts.due_on is not None and facts.due_on < today:
        return ComplianceStatus.OVERDUE
    if facts.holds_valid_certificate:
        return ComplianceStatus.CURRENT
    if facts.due_on is not None and facts.due_on <= today + datetime.timedelta(days):
        return ComplianceStatus.DUE_SOON
    if not facts.completed_any_cycle:
        return ComplianceStatus.NEVER_DONE
    return ComplianceStatus.DUE_SOON


def compliance_expression(
    *,
    today: datetime.date,
    now: datetime.datetime,
    days: int | None = None,
    prefix: str = "",
) -> Case:
    """:func:`compliance_status` as SQL over enrolment rows.

    ``prefix`` reaches the enrolment from another model (e.g. ``"enrolment__"``).
    Three correlated ``EXISTS``: the current cycle's completion, any
    completion, a valid certificate of the learner for the course.
    """
    days = due_soon_days() if days is None else days
    completions = CourseCompletion.objects.filter(enrolment=OuterRef(f"{prefix}pk"))
    valid_certificate = Certificate.objects.valid(now).filter(
        learner=OuterRef(f"{prefix}learner_id"), course=OuterRef(f"{prefix}course_id")
    )
    due = f"{prefix}due_on"
    return Case(
        When(
            Exists(completions.filter(cycle=OuterRef(f"{prefix}cycle"))),
            then=Value(ComplianceStatus.CURRENT),
        ),
        When(Q(**{f"{due}__lt": today}), then=Value(ComplianceStatus.OVERDUE)),
        When(Exists(valid_certificate), then=Value(ComplianceStatus.CURRENT)),
        When(
            Q(**{f"{due}__lte": today + datetime.timedelta(days)}),
            then=Value(ComplianceStatus.DUE_SOON),
        ),
        When(~Exists(completions), then=Value(ComplianceStatus.NEVER_DONE)),
        default=Value(ComplianceStatus.DUE_SOON),
        output_field=CharField(),
    )
