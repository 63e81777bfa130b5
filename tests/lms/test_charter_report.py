"""The charter report: who acknowledged which version, when, and who is pending."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import CharterVersion
from courses.services import charter_acknowledge, charter_publish
from lms.reports.charter import AcknowledgementStatus, charter_rows
from tests.factories import CharterPageFactory, charter_rule

pytestmark = pytest.mark.django_db


@pytest.fixture
def charter(catalogue, team_a, team_b, members_a):
    """Version 1 long ago, acknowledged by a0 and a1; version 2 ten days ago,
    acknowledged by a0 only."""
    now = timezone.now()
    charter = CharterPageFactory(parent=catalogue)
    first = charter_publish(page=charter, now=now - datetime.timedelta(days=90))
    for member in members_a[:2]:
        charter_acknowledge(learner=member, version=first, language="fr")
    charter.rules = [*charter.rules.raw_data, charter_rule("Nouvelle règle")]
    second = charter_publish(
        page=charter, material_change=True, now=now - datetime.timedelta(days=10)
    )
    charter_acknowledge(learner=members_a[0], version=second, language="en")
    return charter


def test_rows_say_who_acknowledged_which_version(charter, manager_a):
    rows = {
        row["learner__username"]: row
        for row in charter_rows(user=manager_a, charter=charter)
    }
    assert {
        name: (row["acknowledged_number"], row["status"]) for name, row in rows.items()
    } == {
        "a0": (2, AcknowledgementStatus.CURRENT),
        "a1": (1, AcknowledgementStatus.OUTDATED),
        "a2": (None, AcknowledgementStatus.NEVER),
    }


def test_a_trainer_sees_every_team(charter, trainer):
    names = {row["team__name"] for row in charter_rows(user=trainer, charter=charter)}
    assert names == {"Équipe A", "Équipe B"}


@pytest.mark.parametrize(
    ("status", "expected"),
    [("current", {"a0"}), ("outdated", {"a1"}), ("never", {"a2"})],
    ids=["current", "outdated", "never"],
)
def test_the_status_filter(client, charter, manager_a, status, expected):
    client.force_login(manager_a)
    response = client.get(reverse("reports:charter"), {"status": status})
    assert response.status_code == 200
    got = {row["learner__username"] for row in response.context["object_list"]}
    assert got == expected


def test_the_csv_says_how_long_people_are_pending(client, charter, manager_a):
    client.force_login(manager_a)
    response = client.get(reverse("reports:charter"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row[2]: row for row in list(csv.reader(io.StringIO(text)))[1:]}
    assert rows["a0"][-1] == ""
    assert rows["a1"][-1] == rows["a2"][-1] == "10"
    assert rows["a1"][4] == "1"


def test_another_managers_team_is_refused(client, charter, manager_a, team_b):
    client.force_login(manager_a)
    response = client.get(reverse("reports:charter"), {"team": team_b.pk})
    assert response.status_code == 403
    assert b"b0@example.org" not in response.content


def test_no_charter_no_rows(manager_a, team_a):
    assert not charter_rows(user=manager_a, charter=None).exists()
    assert CharterVersion.objects.count() == 0


def test_the_report_costs_a_fixed_number_of_queries(
    client, charter, manager_a, django_assert_max_num_queries
):
    client.force_login(manager_a)
    client.get(reverse("reports:charter"))
    with django_assert_max_num_queries(25):
        response = client.get(reverse("reports:charter"))
    assert response.status_code == 200
