"""Reminders: each stage once per learner and assignment, in the right language."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError
from wagtail.users.models import UserProfile

from lms.teams.models import AssignmentReminder, ReminderStage
from lms.teams.reminders import assignment_reminders_send
from lms.teams.services import assignment_create, team_member_add
from tests.factories import UserFactory
from tests.lms.helpers import enrolment_of, finish

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the command and let its emails go out (they are sent on commit)."""

    def run_command(days=7):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_assignment_reminders", days=days, stdout=io.StringIO())
        return list(mail.outbox)

    return run_command


@pytest.fixture
def setup(assigned, members_a, members_b, course):
    """Team A is overdue (due two days ago), team B due in ten days.

    a0 has finished; everyone else has not.
    """
    finish(enrolment_of(members_a[0], course))
    mail.outbox.clear()
    return assigned


def recipients(messages):
    return sorted(address for message in messages for address in message.to)


def test_overdue_learners_and_their_manager_are_told_once(
    run, setup, manager_a, members_a
):
    sent = run(days=7)

    assert recipients(sent) == sorted(
        ["a1@example.org", "a2@example.org", manager_a.email]
    )
    digest = next(message for message in sent if message.to == [manager_a.email])
    assert "A01" in digest.body and "A02" in digest.body
    assert "A00" not in digest.body  # finished
    assert "/admin/team-reports/completion/?status=overdue" in digest.body

    mail.outbox.clear()
    assert run(days=7) == []  # nothing twice


def test_due_soon_learners_are_reminded_within_the_window(run, setup, members_b):
    assert "b0@example.org" not in recipients(run(days=5))  # due in 10 days
    mail.outbox.clear()

    sent = run(days=10)

    assert recipients(sent) == ["b0@example.org", "b1@example.org", "b2@example.org"]
    assert all("à terminer pour le" in message.body for message in sent)  # French
    mail.outbox.clear()
    assert run(days=10) == []


def test_a_due_soon_learner_still_gets_the_overdue_stage_later(
    setup, members_b, django_capture_on_commit_callbacks
):
    today = datetime.date.today()
    first = assignment_reminders_send(days=10, today=today)
    later = assignment_reminders_send(
        days=10, today=setup["b"].due_on + datetime.timedelta(days=1)
    )
    again = assignment_reminders_send(
        days=10, today=setup["b"].due_on + datetime.timedelta(days=5)
    )

    assert first.due_soon == 3
    assert (later.overdue, later.digests, later.digest_lines) == (3, 1, 3)
    assert (again.due_soon, again.overdue, again.digests) == (0, 0, 0)


def test_a_new_overdue_person_makes_a_new_digest_with_only_them(
    run, setup, team_a, manager_a, course
):
    run()
    mail.outbox.clear()
    latecomer = UserFactory(username="late", first_name="Tardif", last_name="Zed")
    team_member_add(team=team_a, learner=latecomer)
    mail.outbox.clear()

    sent = run()

    digest = next(message for message in sent if message.to == [manager_a.email])
    assert "Tardif" in digest.body
    assert "A01" not in digest.body


def test_emails_are_in_each_recipients_language(
    run, setup, members_a, manager_a, course
):
    enrolment = enrolment_of(members_a[1], course)
    enrolment.language = "en"
    enrolment.save(update_fields=["language"])
    profile = UserProfile.get_for_user(manager_a)
    profile.preferred_language = "en"
    profile.save()

    sent = {message.to[0]: message for message in run()}

    assert sent["a1@example.org"].subject.startswith("Overdue:")
    assert not sent["a2@example.org"].subject.startswith("Overdue:")  # French
    assert "people in your teams are overdue" in sent[manager_a.email].subject


def test_the_log_forbids_a_stage_twice(setup, members_a):
    item = setup["a"].learner_assignments.get(learner=members_a[1])
    AssignmentReminder.objects.create(
        learner_assignment=item, stage=ReminderStage.OVERDUE, recipient=members_a[1]
    )
    with pytest.raises(IntegrityError):
        AssignmentReminder.objects.create(
            learner_assignment=item,
            stage=ReminderStage.OVERDUE,
            recipient=members_a[1],
        )


def test_learners_without_email_are_logged_but_not_mailed(run, course, team_a, today):
    silent = UserFactory(username="silent", email="")
    team_member_add(team=team_a, learner=silent)
    assignment_create(
        course=course, due_on=today - datetime.timedelta(days=1), learners=[silent]
    )
    mail.outbox.clear()

    run()

    assert AssignmentReminder.objects.filter(recipient=silent).exists()
    assert "silent" not in " ".join(recipients(mail.outbox))
