import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from courses.models import Certificate, CertificateReminder
from courses.services import (
    certificate_reminders_send,
    certificate_revoke,
    enrol,
    lesson_complete,
)
from tests.factories import CertificateFactory, CourseCompletionFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def test_certificate_issued_email_with_links(
    learner, course, lessons, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = enrol(learner=learner, course=course)
        for lesson in lessons:
            lesson_complete(enrolment=enrolment, lesson=lesson)
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(enrolment=enrolment, lesson=lessons[0])  # nothing new
    assert len(mail.outbox) == 2
    certificate = Certificate.objects.get()
    message = mail.outbox[1]
    assert message.to == [learner.email]
    assert course.title in message.subject
    body = message.body
    assert f"http://testserver/fr/learn/certificates/{certificate.pk}/pdf/" in body
    assert certificate.get_verification_url() in body
    assert "https://www.linkedin.com/profile/add?" in body
    html = message.alternatives[0][0]
    assert certificate.get_verification_url() in html


def test_emails_use_the_learner_language(
    learner, course, lessons, django_capture_on_commit_callbacks, locale_en
):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        enrolment = enrol(learner=learner, course=course)
    assert enrolment.language == "en"
    assert "/en/learn/" in mail.outbox[0].body  # the dashboard link


def test_no_email_without_an_address(course, django_capture_on_commit_callbacks):
    from tests.factories import UserFactory

    learner = UserFactory(email="")
    with django_capture_on_commit_callbacks(execute=True):
        enrol(learner=learner, course=course)
    assert mail.outbox == []


def expiring(days, **kwargs):
    return CertificateFactory(
        expires_at=NOW + datetime.timedelta(days=days, hours=1), **kwargs
    )


@pytest.mark.parametrize(
    ("days_left", "stage"),
    [(59, 60), (30, 60), (29, 30), (6, 7), (0, 7)],
    ids=["59 days", "30 days", "29 days", "6 days", "hours"],
)
def test_reminder_stage(days_left, stage, django_capture_on_commit_callbacks):
    certificate = expiring(days_left)
    with django_capture_on_commit_callbacks(execute=True):
        assert certificate_reminders_send(now=NOW) == 1
    assert list(certificate.reminders.values_list("stage_days", flat=True)) == [stage]
    assert len(mail.outbox) == 1
    assert certificate.course_title in mail.outbox[0].subject


def test_each_stage_is_sent_once(django_capture_on_commit_callbacks):
    certificate = expiring(45)
    with django_capture_on_commit_callbacks(execute=True):
        certificate_reminders_send(now=NOW)
        certificate_reminders_send(now=NOW)  # cron ran twice
        certificate_reminders_send(now=NOW + datetime.timedelta(days=5))
    assert certificate.reminders.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        certificate_reminders_send(now=NOW + datetime.timedelta(days=20))  # 25 left
        certificate_reminders_send(now=NOW + datetime.timedelta(days=40))  # 5 left
        certificate_reminders_send(now=NOW + datetime.timedelta(days=41))
    assert sorted(certificate.reminders.values_list("stage_days", flat=True)) == [
        7,
        30,
        60,
    ]
    assert len(mail.outbox) == 3


def test_no_reminder_for_far_expired_revoked_or_renewed(superuser):
    expiring_far = expiring(90)
    CertificateFactory(expires_at=NOW - datetime.timedelta(days=1))
    CertificateFactory(expires_at=None)
    revoked = expiring(10)
    certificate_revoke(certificate=revoked, reason="x", by=superuser)
    renewed = expiring(10)
    CertificateFactory(  # the learner already recertified
        completion=CourseCompletionFactory(
            enrolment=renewed.completion.enrolment, cycle=2
        ),
        issued_at=timezone.now() + datetime.timedelta(seconds=1),
        expires_at=NOW + datetime.timedelta(days=365),
    )
    assert certificate_reminders_send(now=NOW) == 0
    assert not CertificateReminder.objects.exists()
    assert expiring_far.reminders.count() == 0


def test_reminder_command(django_capture_on_commit_callbacks):
    expiring(20)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_certificate_reminders", stdout=out)
    assert "Queued 1 certificate reminder(s)." in out.getvalue()
    assert len(mail.outbox) == 1
    with pytest.raises(CommandError):
        call_command("send_certificate_reminders", stages="soon")
