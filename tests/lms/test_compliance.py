"""Compliance status: the rule in Python and in SQL agree, case by case."""

import datetime

import pytest
from django.utils import timezone

from courses.models import Certificate, CourseCompletion, Enrolment, EnrolmentSource
from lms.teams.compliance import (
    ComplianceFacts,
    ComplianceStatus,
    compliance_expression,
    compliance_status,
    due_soon_days,
)
from tests.factories import CertificateFactory, EnrolmentFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 15)
NOW = timezone.make_aware(datetime.datetime(2027, 3, 15, 12))
DAYS = 7

CUR, SOON, LATE, NEVER = (
    ComplianceStatus.CURRENT,
    ComplianceStatus.DUE_SOON,
    ComplianceStatus.OVERDUE,
    ComplianceStatus.NEVER_DONE,
)

# (due in days from TODAY or None, enrolment cycle, cycles completed,
#  certificate expires in days (None: never, "none": no certificate,
#  "revoked"), expected status)
CASES = {
    "done-this-cycle": (-30, 1, [1], None, CUR),
    "done-this-cycle-late": (-30, 2, [1, 2], "none", CUR),
    "overdue-never-done": (-1, 1, [], "none", LATE),
    "overdue-despite-valid-certificate": (-1, 2, [1], 100, LATE),
    "due-today-is-not-overdue": (0, 1, [], "none", SOON),
    "due-soon-edge": (DAYS, 1, [], "none", SOON),
    "just-outside-window-never-done": (DAYS + 1, 1, [], "none", NEVER),
    "no-due-date-never-done": (None, 1, [], "none", NEVER),
    "renewal-with-valid-certificate": (3, 2, [1], 20, CUR),
    "renewal-certificate-expired-due-soon": (3, 2, [1], -1, SOON),
    "renewal-far-no-certificate": (40, 2, [1], -5, SOON),
    "renewal-certificate-revoked": (40, 2, [1], "revoked", SOON),
    "self-restart-no-due-date-valid-certificate": (None, 2, [1], 30, CUR),
}


def build(course, learner, case):
    due, cycle, completed, certificate, _expected = case
    enrolment = EnrolmentFactory(
        learner=learner,
        course=course,
        cycle=cycle,
        source=EnrolmentSource.ASSIGNMENT,
        due_on=None if due is None else TODAY + datetime.timedelta(days=due),
    )
    completions = [
        CourseCompletion.objects.create(enrolment=enrolment, cycle=n) for n in completed
    ]
    if completions and certificate != "none":
        CertificateFactory(
            completion=completions[-1],
            expires_at=(
                None
                if certificate in (None, "revoked")
                else NOW + datetime.timedelta(days=certificate)
            ),
            revoked_at=NOW if certificate == "revoked" else None,
        )
    return enrolment


def facts_of(enrolment: Enrolment) -> ComplianceFacts:
    """The facts read the slow way: rows loaded, statuses by the certificate rule."""
    cycles = set(enrolment.completions.values_list("cycle", flat=True))
    certificates = Certificate.objects.filter(
        learner=enrolment.learner, course=enrolment.course
    )
    return ComplianceFacts(
        due_on=enrolment.due_on,
        completed_current_cycle=enrolment.cycle in cycles,
        completed_any_cycle=bool(cycles),
        holds_valid_certificate=any(c.status_at(NOW) == "valid" for c in certificates),
    )


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_python_and_sql_agree_with_the_expected_status(course, case):
    enrolment = build(course, UserFactory(), case)

    python = compliance_status(facts_of(enrolment), today=TODAY, days=DAYS)
    sql = (
        Enrolment.objects.filter(pk=enrolment.pk)
        .annotate(status=compliance_expression(today=TODAY, now=NOW, days=DAYS))
        .values_list("status", flat=True)
        .get()
    )

    assert python == sql == case[-1]


def test_all_cases_in_one_query_agree(course, django_assert_num_queries):
    enrolments = {
        name: build(course, UserFactory(), case) for name, case in CASES.items()
    }

    with django_assert_num_queries(1):
        sql = dict(
            Enrolment.objects.annotate(
                status=compliance_expression(today=TODAY, now=NOW, days=DAYS)
            ).values_list("pk", "status")
        )

    for name, enrolment in enrolments.items():
        python = compliance_status(facts_of(enrolment), today=TODAY, days=DAYS)
        assert sql[enrolment.pk] == python == CASES[name][-1], name


def test_due_soon_window_is_the_reminder_window(settings):
    settings.RELAIS_ASSIGNMENT_REMINDER_DAYS = 12
    facts = ComplianceFacts(
        due_on=TODAY + datetime.timedelta(days=12),
        completed_current_cycle=False,
        completed_any_cycle=False,
        holds_valid_certificate=False,
    )

    assert due_soon_days() == 12
    assert compliance_status(facts, today=TODAY) == ComplianceStatus.DUE_SOON
