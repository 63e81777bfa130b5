"""Charter reminders: friendly, at most once per period, in the person's language."""

import datetime

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from courses.models import CharterVersion
from courses.services import charter_acknowledge
from lms.teams.models import CharterReminder
from lms.teams.reminders import charter_cadence_days, charter_reminders_send
from tests.factories import UserFactory
from tests.lms.conftest import CHARTER_PUBLISHED as PUBLISHED

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    def run(days_after: int, cadence_days=None):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            charter_reminders_send(
                now=PUBLISHED + datetime.timedelta(days=days_after),
                cadence_days=cadence_days,
            )
        return sorted(address for message in mail.outbox for address in message.to)

    return run


def test_pending_people_are_reminded_once_per_period(charter, send):
    done, pending = UserFactory(username="done"), UserFactory(username="pending")
    UserFactory(username="no-email", email="")
    charter_acknowledge(
        learner=done, version=CharterVersion.objects.get(), language="fr"
    )
    assert send(1, cadence_days=14) == [pending.email]
    assert send(2, cadence_days=14) == []  # same period: nothing twice
    assert send(15, cadence_days=14) == [pending.email]
    assert CharterReminder.objects.filter(learner=pending).count() == 2


@pytest.mark.parametrize(
    ("asked", "cadence"), [(1, 7), (7, 7), (30, 30)], ids=["daily", "weekly", "monthly"]
)
def test_never_more_often_than_weekly(asked, cadence):
    assert charter_cadence_days(asked) == cadence


def test_the_reminder_speaks_the_persons_language(charter, send):
    person = UserFactory(username="anglo")
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    send(1)
    (message,) = mail.outbox
    assert "Charter" in message.subject and "/en/" in message.body


def test_an_acknowledgement_stops_the_reminders(charter, send):
    person = UserFactory()
    assert send(1) == [person.email]
    charter_acknowledge(
        learner=person, version=CharterVersion.objects.get(), language="fr"
    )
    assert send(60) == []
