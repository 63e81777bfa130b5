"""Who sees what: role × report × team, through every route.

A manager of team A sees team A's people and nobody else's, on the page, its
results fragment and both exports, whatever team id they put in the URL.
Learners, anonymous visitors and admin users without a reports permission
get nothing.
"""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from courses.services import charter_publish
from tests.factories import CharterPageFactory, UserFactory
from tests.lms.helpers import enrolment_of, finish

pytestmark = pytest.mark.django_db

TEAM_REPORTS = ["completion", "team_summary", "certificates", "charter"]
REPORTS = [*TEAM_REPORTS, "item_analysis"]
ROUTES = ["page", "results", "csv", "xlsx"]

# What identifies each team's data in every report: a member's email in the
# matrix and the register, the team's name in the summary.
MARKERS = {
    "completion": {"a": "a0@example.org", "b": "b0@example.org"},
    "certificates": {"a": "a0@example.org", "b": "b0@example.org"},
    "charter": {"a": "a0@example.org", "b": "b0@example.org"},
    "team_summary": {"a": "Équipe A", "b": "Équipe B"},
}


def url(report: str, route: str, **params) -> str:
    name = f"reports:{report}_results" if route == "results" else f"reports:{report}"
    query = dict(params)
    if route in ("csv", "xlsx"):
        query["export"] = route
    target = reverse(name)
    if query:
        from urllib.parse import urlencode

        target += "?" + urlencode(query, doseq=True)
    return target


def text_of(response) -> str:
    """The response's content as text, whatever its format."""
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(
            " ".join(str(cell) for cell in row if cell is not None)
            for row in book.active.iter_rows(values_only=True)
        )
    if response["Content-Type"].startswith("text/csv"):
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig")))
        return "\n".join(" ".join(row) for row in rows)
    return content.decode()


@pytest.fixture
def world(assigned, members_a, members_b, course, catalogue):
    """Both teams assigned; the first member of each finished (certificate).

    And a published charter, for the charter report (nobody acknowledged it).
    """
    finish(enrolment_of(members_a[0], course))
    finish(enrolment_of(members_b[0], course))
    charter_publish(page=CharterPageFactory(parent=catalogue))
    return assigned


@pytest.fixture
def editor(db):
    """An admin user (access_admin) with no reports permission."""
    user = UserFactory(username="editor")
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    return user


def login(client, request, role):
    if role == "anonymous":
        return None
    user = request.getfixturevalue(role)
    client.force_login(user)
    return user


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("trainer", {"a", "b"}),
        ("manager_a", {"a"}),
        ("manager_b", {"b"}),
        ("editor", None),
        ("learner", None),
        ("anonymous", None),
    ],
    ids=["trainer", "manager-a", "manager-b", "editor", "learner", "anonymous"],
)
def test_role_by_report_by_team(client, request, world, report, role, sees):
    login(client, request, role)
    for route in ROUTES:
        response = client.get(url(report, route))
        label = f"{role} {report} {route}"
        trainer_only = report == "item_analysis" and role != "trainer"
        if sees is None or trainer_only:
            assert response.status_code == 302, label
            target = response["Location"]
            if role in ("learner", "anonymous"):
                assert target.startswith(reverse("wagtailadmin_login")), label
            else:
                assert target == reverse("wagtailadmin_home"), label
            continue
        assert response.status_code == 200, label
        if report == "item_analysis":
            continue
        text = text_of(response)
        for team, marker in MARKERS[report].items():
            assert (marker in text) == (team in sees), f"{label}: team {team}"


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("report", TEAM_REPORTS)
@pytest.mark.parametrize(
    "team_param",
    ["b", "a,b", "999999", "abc"],
    ids=["other-team", "own-and-other", "unknown-id", "not-a-number"],
)
def test_a_crafted_team_parameter_is_refused(
    client, world, manager_a, team_a, team_b, report, route, team_param
):
    ids = {"a": team_a.pk, "b": team_b.pk}
    values = [str(ids.get(value, value)) for value in team_param.split(",")]
    client.force_login(manager_a)

    response = client.get(url(report, route, team=values))

    assert response.status_code == 403
    assert MARKERS[report]["b"].encode() not in response.content


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("report", TEAM_REPORTS)
def test_a_manager_filtering_on_their_own_team_sees_it(
    client, world, manager_a, team_a, report, route
):
    client.force_login(manager_a)
    response = client.get(url(report, route, team=team_a.pk))
    assert response.status_code == 200
    text = text_of(response)
    assert MARKERS[report]["a"] in text
    assert MARKERS[report]["b"] not in text


@pytest.mark.parametrize("report", TEAM_REPORTS)
def test_a_trainer_filters_any_team(client, world, trainer, team_b, report):
    client.force_login(trainer)
    text = text_of(client.get(url(report, "csv", team=team_b.pk)))
    assert MARKERS[report]["b"] in text
    assert MARKERS[report]["a"] not in text


def test_invalid_filters_show_nothing_rather_than_everything(client, world, manager_a):
    client.force_login(manager_a)
    response = client.get(url("completion", "csv", status="bogus"))
    assert response.status_code == 200
    assert MARKERS["completion"]["a"] not in text_of(response)


def test_the_reports_menu_shows_each_role_its_reports(
    client, world, manager_a, trainer
):
    client.force_login(manager_a)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("reports:completion") in home
    assert reverse("reports:item_analysis") not in home

    client.force_login(trainer)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("reports:item_analysis") in home


def test_question_analysis_is_for_trainers_only(client, world, manager_a):
    client.force_login(manager_a)
    response = client.get(reverse("reports:question_analysis", args=[1]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_managers_see_their_teams_on_the_admin_dashboard(client, world, manager_a):
    client.force_login(manager_a)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "relais-managed-teams" in content
    assert "Équipe A" in content
    assert "Équipe B" not in content
    assert f"?team={world['a'].team_id}&amp;status=overdue" in content


def test_the_dashboard_panel_is_for_managers_only(client, world, editor):
    client.force_login(editor)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "relais-managed-teams" not in content
