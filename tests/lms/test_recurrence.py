"""Recurring assignments: new cycles, their due dates, reminders, bad input."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses.models import Certificate
from courses.selectors import learner_dashboard
from courses.services import add_months
from lms.teams.models import (
    AssignmentReminder,
    LearnerAssignment,
    Recurrence,
    ReminderStage,
)
from lms.teams.reminders import assignment_reminders_send
from lms.teams.selectors import recurring_cycles_latest
from lms.teams.services import (
    CYCLE_DAYS_INVALID,
    RECURRENCE_MONTHS_INVALID,
    RECURRENCE_MONTHS_UNUSED,
    RECURRENCE_UNKNOWN,
    assignment_create,
    assignment_cycles_start,
    assignment_recurrence_set,
    recurrence_clean,
    team_member_add,
    team_member_remove,
)
from lms.teams.tasks import start_assignment_cycles
from tests.factories import UserFactory
from tests.lms.helpers import enrolment_of, finish

pytestmark = pytest.mark.django_db


def noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def yearly(course, team_a, manager_a, members_a, today):
    """The course assigned to team A every 12 months, first due in 10 days.

    a0 finishes the first cycle; a1 and a2 do not.
    """
    assignment = assignment_create(
        course=course,
        due_on=today + datetime.timedelta(days=10),
        team=team_a,
        assigned_by=manager_a,
        recurrence=Recurrence.MONTHS,
        recurrence_months=12,
        cycle_days=30,
    )
    finish(enrolment_of(members_a[0], course))
    return assignment


def cycles(assignment, learner):
    return list(
        LearnerAssignment.objects.filter(assignment=assignment, learner=learner)
        .order_by("cycle")
        .values_list("cycle", "due_on", "enrolment_cycle")
    )


def test_every_n_months_starts_a_cycle_n_months_after_the_due_date(
    yearly, course, members_a
):
    starts_on = add_months(yearly.due_on, 12)
    due_on = starts_on + datetime.timedelta(days=30)

    before = assignment_cycles_start(now=noon(starts_on - datetime.timedelta(days=1)))
    run = assignment_cycles_start(now=noon(starts_on))
    again = assignment_cycles_start(now=noon(starts_on))

    assert before.started == 0
    assert (run.started, run.checked) == (3, 3)
    assert again.started == 0  # idempotent
    # a0 finished cycle 1: the enrolment starts cycle 2, due with the new cycle.
    assert cycles(yearly, members_a[0]) == [(1, yearly.due_on, 1), (2, due_on, 2)]
    done = enrolment_of(members_a[0], course)
    assert (done.cycle, done.due_on) == (2, due_on)
    # a1 never finished cycle 1: the pending run counts for the new cycle.
    assert cycles(yearly, members_a[1]) == [(1, yearly.due_on, 1), (2, due_on, 1)]
    late = enrolment_of(members_a[1], course)
    assert (late.cycle, late.due_on) == (1, due_on)


def test_a_late_run_starts_only_the_latest_cycle(yearly, members_a):
    second_start = add_months(yearly.due_on, 12)
    second_due = second_start + datetime.timedelta(days=30)
    third_start = add_months(second_due, 12)

    run = assignment_cycles_start(now=noon(third_start + datetime.timedelta(days=5)))

    assert run.started == 3
    assert cycles(yearly, members_a[0])[-1][:2] == (
        2,
        third_start + datetime.timedelta(days=30),
    )


def test_leavers_and_former_members_get_no_new_cycle(yearly, team_a, members_a):
    members_a[1].is_active = False
    members_a[1].save(update_fields=["is_active"])
    team_member_remove(team=team_a, learner=members_a[2])

    run = assignment_cycles_start(now=noon(add_months(yearly.due_on, 12)))

    assert run.started == 1
    assert len(cycles(yearly, members_a[1])) == len(cycles(yearly, members_a[2])) == 1


def test_rejoining_the_team_keeps_the_learners_cycles(yearly, team_a, members_a):
    assignment_cycles_start(now=noon(add_months(yearly.due_on, 12)))
    latest_due = cycles(yearly, members_a[0])[-1][1]

    team_member_add(team=team_a, learner=members_a[0])  # e.g. a people import

    assert len(cycles(yearly, members_a[0])) == 2
    assert enrolment_of(members_a[0], yearly.course).due_on == latest_due


@pytest.fixture
def on_expiry(course, members_a, manager_a, team_a, today):
    """The course assigned to a0 and a1, recurring when their certificate expires."""
    assignment = assignment_create(
        course=course,
        due_on=today + datetime.timedelta(days=5),
        learners=members_a[:2],
        assigned_by=manager_a,
        recurrence=Recurrence.CERTIFICATE,
        cycle_days=20,
    )
    finish(enrolment_of(members_a[0], course))
    return assignment


def test_certificate_expiry_starts_a_cycle_due_days_later(
    on_expiry, course, members_a, today
):
    certificate = Certificate.objects.get(learner=members_a[0])
    expiry = noon(today + datetime.timedelta(days=400))
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=expiry)

    assert (
        assignment_cycles_start(now=expiry - datetime.timedelta(hours=1)).started == 0
    )
    run = assignment_cycles_start(now=expiry + datetime.timedelta(days=2))
    again = assignment_cycles_start(now=expiry + datetime.timedelta(days=3))

    assert (run.started, again.started) == (1, 0)  # a1 never completed: no renewal
    new_due = expiry.date() + datetime.timedelta(days=20)
    assert cycles(on_expiry, members_a[0])[-1] == (2, new_due, 2)
    dashboard = learner_dashboard(learner=members_a[0], now=expiry)
    assert [item.enrolment.due_on for item in dashboard.in_progress] == [new_due]
    assert len(cycles(on_expiry, members_a[1])) == 1


def test_a_renewal_already_completed_starts_nothing_more(
    on_expiry, course, members_a, today
):
    expiry = noon(today + datetime.timedelta(days=400))
    Certificate.objects.filter(learner=members_a[0]).update(expires_at=expiry)
    assignment_cycles_start(now=expiry)
    finish(enrolment_of(members_a[0], course))  # cycle 2, a new valid certificate

    assert (
        assignment_cycles_start(now=expiry + datetime.timedelta(days=30)).started == 0
    )
    latest, certificate = next(
        pair for pair in recurring_cycles_latest() if pair[0].learner == members_a[0]
    )
    assert (latest.cycle, certificate.completion.cycle) == (2, 2)


def test_reminders_follow_each_cycle_once(yearly, course, members_a):
    assignment_reminders_send(days=10, today=yearly.due_on)  # cycle 1, due soon
    starts_on = add_months(yearly.due_on, 12)
    assignment_cycles_start(now=noon(starts_on))

    run = assignment_reminders_send(days=30, today=starts_on)
    again = assignment_reminders_send(days=30, today=starts_on)

    assert (run.due_soon, run.overdue) == (3, 0)  # nobody reminded of cycle 1
    assert again.due_soon == 0
    second = LearnerAssignment.objects.filter(assignment=yearly, cycle=2)
    assert (
        AssignmentReminder.objects.filter(
            learner_assignment__in=second, stage=ReminderStage.DUE_SOON
        ).count()
        == 3
    )


def test_the_reminder_command_starts_cycles_first(
    yearly, django_capture_on_commit_callbacks
):
    out = io.StringIO()
    call_command("send_assignment_reminders", days=7, stdout=out)
    assert "Started 0 new assignment cycle(s)." in out.getvalue()


def test_the_command_acts_on_a_date_and_refuses_a_bad_one(yearly):
    day = add_months(yearly.due_on, 12).isoformat()
    out = io.StringIO()

    call_command("start_assignment_cycles", date=day, stdout=out)
    call_command("start_assignment_cycles", date=day, stdout=out)

    assert "Started 3 new cycle(s)" in out.getvalue()
    assert "Started 0 new cycle(s)" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("start_assignment_cycles", date="31/01/2027")


# --- Bad input ---------------------------------------------------------------------

BAD_SETTINGS = {
    "zero-months": ({"recurrence": "months", "months": 0}, "recurrence_months"),
    "negative-months": ({"recurrence": "months", "months": -3}, "recurrence_months"),
    "too-many-months": ({"recurrence": "months", "months": 61}, "recurrence_months"),
    "text-months": ({"recurrence": "months", "months": "douze"}, "recurrence_months"),
    "fraction-months": ({"recurrence": "months", "months": "1.5"}, "recurrence_months"),
    "no-months": ({"recurrence": "months", "months": None}, "recurrence_months"),
    "bool-months": ({"recurrence": "months", "months": True}, "recurrence_months"),
    "months-without-months-mode": (
        {"recurrence": "none", "months": 6},
        "recurrence_months",
    ),
    "unknown-recurrence": ({"recurrence": "weekly"}, "recurrence"),
    "zero-days": ({"recurrence": "certificate", "cycle_days": 0}, "cycle_days"),
    "negative-days": ({"recurrence": "certificate", "cycle_days": -1}, "cycle_days"),
    "text-days": ({"recurrence": "certificate", "cycle_days": "x"}, "cycle_days"),
    "too-many-days": ({"recurrence": "certificate", "cycle_days": 366}, "cycle_days"),
}
MESSAGES = {
    "recurrence_months": {
        str(RECURRENCE_MONTHS_INVALID),
        str(RECURRENCE_MONTHS_UNUSED),
    },
    "recurrence": {str(RECURRENCE_UNKNOWN)},
    "cycle_days": {str(CYCLE_DAYS_INVALID)},
}


@pytest.mark.parametrize(
    "kwargs, field", BAD_SETTINGS.values(), ids=BAD_SETTINGS.keys()
)
def test_bad_recurrence_settings_are_refused(kwargs, field):
    with pytest.raises(ValidationError) as caught:
        recurrence_clean(**kwargs)
    assert set(caught.value.message_dict) == {field}
    assert set(caught.value.message_dict[field]) <= MESSAGES[field]


def test_good_settings_come_back_as_field_values():
    assert recurrence_clean(recurrence="months", months=" 12 ", cycle_days="45") == {
        "recurrence": "months",
        "recurrence_months": 12,
        "cycle_days": 45,
    }


def test_assignment_create_refuses_bad_settings_and_creates_nothing(course, team_a):
    with pytest.raises(ValidationError):
        assignment_create(
            course=course,
            due_on=timezone.localdate(),
            team=team_a,
            recurrence=Recurrence.MONTHS,
            recurrence_months=-1,
        )
    assert not LearnerAssignment.objects.exists()


def test_another_teams_manager_may_not_change_the_recurrence(
    yearly, manager_b, manager_a
):
    with pytest.raises(PermissionDenied):
        assignment_recurrence_set(
            assignment=yearly, recurrence=Recurrence.NONE, by=manager_b
        )
    yearly.refresh_from_db()
    assert yearly.recurrence == Recurrence.MONTHS

    changed = assignment_recurrence_set(
        assignment=yearly,
        recurrence=Recurrence.CERTIFICATE,
        cycle_days=15,
        by=manager_a,
    )
    assert (changed.recurrence, changed.recurrence_months, changed.cycle_days) == (
        Recurrence.CERTIFICATE,
        None,
        15,
    )
    assert (
        ModelLogEntry.objects.filter(action="relais.assignment.recurrence").count() == 1
    )


def test_a_learner_may_not_change_the_recurrence(yearly, members_a):
    with pytest.raises(PermissionDenied):
        assignment_recurrence_set(
            assignment=yearly, recurrence=Recurrence.NONE, by=members_a[0]
        )


def test_a_new_member_gets_the_first_cycle(yearly, team_a):
    newcomer = UserFactory(username="new")
    team_member_add(team=team_a, learner=newcomer)
    assert cycles(yearly, newcomer) == [(1, yearly.due_on, 1)]


def test_the_task_starts_the_cycles_due_now(course, team_a, members_a, today):
    assignment = assignment_create(
        course=course,
        due_on=add_months(today, -13),
        team=team_a,
        recurrence=Recurrence.MONTHS,
        recurrence_months=12,
    )

    assert start_assignment_cycles.enqueue().return_value == 3
    assert start_assignment_cycles.enqueue().return_value == 0
    assert len(cycles(assignment, members_a[0])) == 2
