"""Leavers: a deactivated person loses access at once, keeps their records
(shown on request in the reports), gets no reminders, and gets it all back
when reactivated."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from core.auth import ModelBackend
from courses.models import Certificate, CourseCompletion, Enrolment, LessonProgress
from courses.services import certificate_reminders_send
from lms.reports.views.completion import INACTIVE_MARK
from lms.teams.models import AssignmentReminder
from lms.teams.reminders import assignment_reminders_send
from tests.factories import CertificateFactory
from tests.lms.helpers import enrolment_of, finish

pytestmark = pytest.mark.django_db


def deactivate(user):
    user.is_active = False
    user.save(update_fields=["is_active"])


def reactivate(user):
    user.is_active = True
    user.save(update_fields=["is_active"])


# --- Access -------------------------------------------------------------------------


def test_the_one_query_user_loader_refuses_inactive_users(learner):
    backend = ModelBackend()
    assert backend.get_user(learner.pk) == learner

    deactivate(learner)

    assert backend.get_user(learner.pk) is None


def test_a_signed_in_learner_loses_access_on_the_next_request(client, learner):
    client.force_login(learner)
    assert client.get(reverse("courses:dashboard")).status_code == 200

    deactivate(learner)
    response = client.get(reverse("courses:dashboard"))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_signed_in_manager_loses_the_reports_on_the_next_request(
    client, manager_a, team_a
):
    client.force_login(manager_a)
    assert client.get(reverse("reports:completion")).status_code == 200

    deactivate(manager_a)

    assert client.get(reverse("reports:completion")).status_code == 302
    reactivate(manager_a)  # the session ended: reactivation does not revive it
    assert client.get(reverse("reports:completion")).status_code == 302


# --- Reports ------------------------------------------------------------------------


def emails_on_screen(client, name, **params):
    response = client.get(reverse(f"reports:{name}"), params)
    return sorted(row["learner__email"] for row in response.context["object_list"])


def exported(client, name, **params):
    response = client.get(reverse(f"reports:{name}"), {**params, "export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))[1:]


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        ("", ["a0@example.org", "a2@example.org"]),
        ("inactive", ["a1@example.org"]),
        ("all", ["a0@example.org", "a1@example.org", "a2@example.org"]),
    ],
    ids=["default-active-only", "inactive-only", "all"],
)
def test_completion_matrix_and_its_export_follow_the_people_filter(
    client, assigned, manager_a, members_a, people, expected
):
    deactivate(members_a[1])
    client.force_login(manager_a)

    assert emails_on_screen(client, "completion", people=people) == expected
    rows = exported(client, "completion", people=people)
    assert sorted(row[2] for row in rows) == expected


def test_leavers_are_marked_inactive_on_screen_and_in_exports(
    client, assigned, manager_a, members_a
):
    deactivate(members_a[1])
    client.force_login(manager_a)

    html = client.get(reverse("reports:completion"), {"people": "inactive"})
    rows = exported(client, "completion", people="inactive")

    assert 'class="relais-status relais-status--inactive"' in html.content.decode()
    name = f"{members_a[1].first_name} {members_a[1].last_name}"
    # The export speaks the request's language: the mark in either language.
    marks = set()
    for language in ("fr", "en"):
        with translation.override(language):
            marks.add(str(INACTIVE_MARK % {"name": name}))
    assert rows[0][0] in marks


def test_team_summary_counts_active_people_by_default(
    client, assigned, trainer, members_a
):
    deactivate(members_a[0])
    client.force_login(trainer)

    def assigned_per_team(**params):
        response = client.get(reverse("reports:team_summary"), params)
        return {r["team_name"]: r["assigned"] for r in response.context["object_list"]}

    assert assigned_per_team() == {"Équipe A": 2, "Équipe B": 3}
    assert assigned_per_team(people="all") == {"Équipe A": 3, "Équipe B": 3}
    assert assigned_per_team(people="inactive") == {"Équipe A": 1}
    csv_rows = exported(client, "team_summary")
    assert sorted((row[0], row[2]) for row in csv_rows) == [
        ("Équipe A", "2"),
        ("Équipe B", "3"),
    ]


def test_certificate_register_follows_the_people_filter(
    client, assigned, trainer, members_a, course
):
    finish(enrolment_of(members_a[0], course))
    deactivate(members_a[0])
    client.force_login(trainer)

    assert emails_on_screen(client, "certificates") == []
    assert emails_on_screen(client, "certificates", people="all") == ["a0@example.org"]


# --- Reminders ------------------------------------------------------------------------


def test_leavers_get_no_assignment_reminders_and_their_manager_no_digest_line(
    assigned, members_a, manager_a, django_capture_on_commit_callbacks
):
    deactivate(members_a[1])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assignment_reminders_send(days=7)

    recipients = sorted(a for m in mail.outbox for a in m.to)
    assert "a1@example.org" not in recipients
    assert "a0@example.org" in recipients
    digest = next(m for m in mail.outbox if m.to == [manager_a.email])
    assert members_a[1].last_name not in digest.body
    assert not AssignmentReminder.objects.filter(
        learner_assignment__learner=members_a[1]
    ).exists()


def test_a_manager_who_left_gets_no_digest(
    assigned, manager_a, django_capture_on_commit_callbacks
):
    deactivate(manager_a)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assignment_reminders_send(days=7)

    assert manager_a.email not in [a for m in mail.outbox for a in m.to]


def test_reminders_resume_after_reactivation(
    assigned, members_a, django_capture_on_commit_callbacks
):
    deactivate(members_a[1])
    with django_capture_on_commit_callbacks(execute=True):
        assignment_reminders_send(days=7)
    mail.outbox.clear()

    reactivate(members_a[1])
    with django_capture_on_commit_callbacks(execute=True):
        assignment_reminders_send(days=7)

    assert [m.to for m in mail.outbox if m.to == ["a1@example.org"]] == [
        ["a1@example.org"]
    ]


def test_leavers_get_no_certificate_reminders_until_reactivated(
    learner, django_capture_on_commit_callbacks
):
    now = timezone.now()
    CertificateFactory(learner=learner, expires_at=now + datetime.timedelta(days=5))
    deactivate(learner)

    with django_capture_on_commit_callbacks(execute=True):
        assert certificate_reminders_send(now=now) == 0
    reactivate(learner)
    with django_capture_on_commit_callbacks(execute=True):
        assert certificate_reminders_send(now=now) == 1

    assert [m.to for m in mail.outbox] == [[learner.email]]


def test_an_email_queued_before_they_left_is_not_sent(
    assigned, members_a, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assignment_reminders_send(days=7)
    deactivate(members_a[1])
    for callback in callbacks:
        callback()

    assert "a1@example.org" not in [a for m in mail.outbox for a in m.to]


# --- Reactivation restores everything ------------------------------------------------


def test_reactivation_restores_enrolments_progress_and_certificates(
    client, assigned, members_a, course
):
    learner = members_a[0]
    finish(enrolment_of(learner, course))

    def records():
        return (
            list(Enrolment.objects.filter(learner=learner).values()),
            list(LessonProgress.objects.filter(enrolment__learner=learner).values()),
            list(CourseCompletion.objects.filter(enrolment__learner=learner).values()),
            list(Certificate.objects.filter(learner=learner).values()),
        )

    before = records()
    deactivate(learner)
    reactivate(learner)

    assert records() == before
    assert before[3]  # a certificate, kept
    client.force_login(learner)
    assert client.get(reverse("courses:dashboard")).status_code == 200


def test_an_inactive_user_loaded_by_another_backend_is_signed_out(
    client, learner, settings
):
    """An OIDC-style backend that loads inactive users does not keep them in."""
    settings.AUTHENTICATION_BACKENDS = [
        "django.contrib.auth.backends.AllowAllUsersModelBackend"
    ]
    client.force_login(learner)
    deactivate(learner)

    response = client.get(reverse("courses:dashboard"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
