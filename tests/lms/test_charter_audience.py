"""Who a charter applies to: everyone, or the members of chosen teams.

The rule (``lms.teams.charters``) in its two forms, then each reader: the
dashboard's reminder, the reminder emails, the charter report, and the admin
screen where a trainer chooses the audience.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.db.models import OuterRef
from django.urls import reverse
from django.utils.translation import gettext, override
from wagtail.models import PageLogEntry

from courses.models import CharterVersion
from courses.selectors import charters_pending
from courses.services import charter_acknowledge
from lms.reports.charter import AcknowledgementStatus, charter_rows
from lms.teams.charters import (
    CharterAudienceFacts,
    charter_applies_q,
    charter_applies_to,
    charter_audience,
)
from lms.teams.forms import CharterAudienceForm
from lms.teams.models import CharterAudience
from lms.teams.reminders import charter_reminders_send
from lms.teams.selectors import charter_reminders_due
from lms.teams.services import (
    CHARTER_AUDIENCE_ACTION,
    CHARTER_AUDIENCE_NO_TEAM,
    charter_audience_set,
    team_member_add,
    team_member_remove,
)
from tests.factories import TeamFactory, UserFactory
from tests.lms.conftest import CHARTER_PUBLISHED as PUBLISHED

pytestmark = pytest.mark.django_db

FOR_CHOSEN_TEAMS_NOTE = (
    "This charter applies only to the members of chosen teams: the people of "
    "other teams are not listed."
)


@pytest.fixture
def for_team_a(charter, team_a, team_b):
    """The charter, for team A only (chosen on its English translation)."""
    english = charter.get_translation(charter.get_translations().first().locale)
    charter_audience_set(charter=english, everyone=False, teams=[team_a])
    return charter


def applies_in_sql(charter, person) -> bool:
    return (
        get_user_model()
        .objects.filter(pk=person.pk)
        .filter(
            charter_applies_q(
                translation_key=charter.translation_key, learner=OuterRef("pk")
            )
        )
        .exists()
    )


# --- The rule, in Python and in SQL ----------------------------------------------


@pytest.mark.parametrize(
    ("audience", "person", "expected"),
    [
        (None, "a0", True),
        ("everyone", "b0", True),
        ("team_a", "a0", True),
        ("team_a", "b0", False),
        ("team_a", "loner", False),
        ("teams_a_b", "b0", True),
        ("team_a", "in_a_and_b", True),
    ],
    ids=[
        "no-audience-everyone",
        "everyone-with-teams-remembered",
        "team-member",
        "member-of-another-team",
        "in-no-team",
        "one-of-two-teams",
        "member-of-two-teams",
    ],
)
def test_python_and_sql_agree(
    charter, team_a, team_b, members_a, members_b, audience, person, expected
):
    people = {u.username: u for u in [*members_a, *members_b]}
    people["loner"] = UserFactory(username="loner")
    people["in_a_and_b"] = UserFactory(username="in_a_and_b")
    team_member_add(team=team_a, learner=people["in_a_and_b"])
    team_member_add(team=team_b, learner=people["in_a_and_b"])
    if audience == "everyone":
        charter_audience_set(charter=charter, everyone=False, teams=[team_a])
        charter_audience_set(charter=charter, everyone=True)
    elif audience is not None:
        teams = [team_a, team_b] if audience == "teams_a_b" else [team_a]
        charter_audience_set(charter=charter, everyone=False, teams=teams)
    learner = people[person]
    key = charter.translation_key
    assert charter_applies_to(translation_key=key, learner=learner) is expected
    assert applies_in_sql(charter, learner) is expected


def test_the_facts_are_pure():
    assert CharterAudienceFacts().applies_to([])
    only_3 = CharterAudienceFacts(everyone=False, team_ids=frozenset({3}))
    assert only_3.applies_to([1, 3])
    assert not only_3.applies_to([1, 2])


def test_joiners_are_included_and_leavers_excluded(for_team_a, team_a, members_b):
    joiner = members_b[0]
    assert not applies_in_sql(for_team_a, joiner)
    team_member_add(team=team_a, learner=joiner)
    assert applies_in_sql(for_team_a, joiner)
    team_member_remove(team=team_a, learner=joiner)
    assert not applies_in_sql(for_team_a, joiner)


def test_every_translation_shares_the_audience(for_team_a, team_a):
    for page in for_team_a.get_translations(inclusive=True):
        audience = charter_audience(translation_key=page.translation_key)
        assert audience == CharterAudienceFacts(False, frozenset({team_a.pk}))
    assert CharterAudience.objects.count() == 1


# --- The service -----------------------------------------------------------------


def test_chosen_teams_without_a_team_is_refused(charter):
    with pytest.raises(ValidationError) as error:
        charter_audience_set(charter=charter, everyone=False, teams=[])
    assert error.value.message_dict["teams"] == [str(CHARTER_AUDIENCE_NO_TEAM)]


def test_a_change_is_logged_on_the_original_page_once(charter, team_a, trainer):
    english = charter.get_translation(charter.get_translations().first().locale)
    for _ in range(2):
        charter_audience_set(
            charter=english, everyone=False, teams=[team_a], changed_by=trainer
        )
    (entry,) = PageLogEntry.objects.filter(action=CHARTER_AUDIENCE_ACTION)
    assert entry.page_id == charter.pk and entry.user_id == trainer.pk
    assert entry.data == {"everyone": False, "teams": ["Équipe A"]}


def test_switching_back_to_chosen_teams_finds_them(charter, team_a, team_b):
    charter_audience_set(charter=charter, everyone=False, teams=[team_a, team_b])
    charter_audience_set(charter=charter, everyone=True)
    audience = CharterAudience.objects.get()
    assert audience.everyone
    assert set(audience.teams.all()) == {team_a, team_b}


# --- The dashboard's reminder (courses, through RELAIS_CHARTER_AUDIENCE) ---------


def test_the_dashboard_reminds_only_the_people_it_applies_to(
    for_team_a, members_a, members_b
):
    english = for_team_a.get_translations().get()
    assert list(charters_pending(learner=members_a[0], language="fr")) == [for_team_a]
    assert list(charters_pending(learner=members_a[0], language="en")) == [english]
    assert not charters_pending(learner=members_b[0], language="fr").exists()


def test_everyone_is_reminded_by_default(charter, members_b):
    assert list(charters_pending(learner=members_b[0], language="fr")) == [charter]


def test_anyone_may_still_acknowledge(for_team_a, members_b, members_a):
    version = CharterVersion.objects.get()
    charter_acknowledge(learner=members_b[0], version=version, language="fr")
    charter_acknowledge(learner=members_a[0], version=version, language="fr")
    assert not charters_pending(learner=members_a[0], language="fr").exists()


def test_the_dashboard_asks_once_whatever_the_teams(
    for_team_a, members_a, team_b, django_assert_num_queries
):
    extra = [TeamFactory(name=f"Équipe {n}", members=[members_a[0]]) for n in range(5)]
    charter_audience_set(charter=for_team_a, everyone=False, teams=extra)
    with django_assert_num_queries(1):
        assert list(charters_pending(learner=members_a[0], language="fr"))


# --- The reminder emails -----------------------------------------------------------


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    def run(days_after: int):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            charter_reminders_send(
                now=PUBLISHED + datetime.timedelta(days=days_after), cadence_days=7
            )
        return sorted(m.to[0].split("@")[0] for m in mail.outbox)

    return run


def test_reminders_go_only_to_the_teams_members(
    for_team_a, members_a, members_b, manager_a, send
):
    UserFactory(username="loner")
    assert send(1) == ["a0", "a1", "a2"]


def test_people_who_join_later_are_reminded(for_team_a, team_a, members_b, send):
    send(1)
    team_member_add(team=team_a, learner=members_b[0])
    assert send(2) == ["b0"]


def test_finding_who_to_remind_does_not_grow_with_people(
    for_team_a, team_a, django_assert_num_queries
):
    for n in range(10):
        team_member_add(team=team_a, learner=UserFactory(username=f"late{n}"))
    with django_assert_num_queries(3):  # the charters, then two per charter
        due = charter_reminders_due(now=PUBLISHED, cadence_days=7)
    assert len(due) == 13


# --- The charter report ------------------------------------------------------------


def test_the_report_lists_only_the_people_it_applies_to(for_team_a, trainer):
    rows = charter_rows(user=trainer, charter=for_team_a)
    assert {row["team__name"] for row in rows} == {"Équipe A"}
    assert {row["status"] for row in rows} == {AcknowledgementStatus.NEVER}


def test_the_other_teams_manager_sees_no_one_pending(for_team_a, manager_b):
    assert not charter_rows(user=manager_b, charter=for_team_a).exists()


def test_a_manager_asking_for_another_team_gets_nothing(
    client, for_team_a, manager_b, team_a
):
    client.force_login(manager_b)
    response = client.get(reverse("reports:charter"), {"team": team_a.pk})
    assert response.status_code == 403
    assert b"a0@example.org" not in response.content
    response = client.get(reverse("reports:charter"))
    assert list(response.context["object_list"]) == []


@pytest.mark.parametrize("for_teams", [True, False], ids=["teams", "everyone"])
def test_the_report_says_when_the_charter_is_for_chosen_teams(
    client, charter, team_a, trainer, for_teams
):
    if for_teams:
        charter_audience_set(charter=charter, everyone=False, teams=[team_a])
    client.force_login(trainer)
    response = client.get(reverse("reports:charter"))
    assert response.context["for_chosen_teams"] is for_teams
    with override("fr"):
        note = gettext(FOR_CHOSEN_TEAMS_NOTE)
    assert (note.encode() in response.content) is for_teams


def test_the_report_query_count_does_not_grow_with_teams(
    client, for_team_a, trainer, django_assert_max_num_queries
):
    teams = [TeamFactory(name=f"Équipe {n}", members=[UserFactory()]) for n in range(5)]
    charter_audience_set(charter=for_team_a, everyone=False, teams=teams)
    client.force_login(trainer)
    client.get(reverse("reports:charter"))
    with django_assert_max_num_queries(25):
        response = client.get(reverse("reports:charter"))
    assert len(response.context["object_list"]) == 5


# --- The admin screen -------------------------------------------------------------


def audience_url(page) -> str:
    return reverse("charter_audience", args=[page.pk])


def test_the_charters_edit_page_links_to_its_audience(admin_client, charter):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[charter.pk]))
    assert audience_url(charter).encode() in response.content


def test_a_trainer_chooses_teams(admin_client, charter, team_a, team_b, members_b):
    response = admin_client.get(audience_url(charter))
    assert response.status_code == 200
    assert response.context["form"].initial["applies_to"] == "everyone"
    response = admin_client.post(
        audience_url(charter), {"applies_to": "teams", "teams": [team_a.pk]}
    )
    assert response.status_code == 302
    assert not charters_pending(learner=members_b[0], language="fr").exists()
    response = admin_client.get(audience_url(charter))
    assert response.context["form"].initial == {
        "applies_to": "teams",
        "teams": [team_a],
    }


def test_chosen_teams_need_a_team(admin_client, charter, team_a):
    response = admin_client.post(audience_url(charter), {"applies_to": "teams"})
    assert response.status_code == 200
    assert response.context["form"].errors["teams"] == [str(CHARTER_AUDIENCE_NO_TEAM)]
    assert not CharterAudience.objects.exists()


def test_people_who_cannot_edit_the_charter_are_refused(
    client, charter, trainer, team_a
):
    client.force_login(trainer)  # admin access, every report, no page permission
    response = client.post(
        audience_url(charter), {"applies_to": "teams", "teams": [team_a.pk]}
    )
    assert response.status_code == 302  # Wagtail's answer to PermissionDenied
    assert response.url == reverse("wagtailadmin_home")
    assert not CharterAudience.objects.exists()


def test_a_huge_or_unknown_id_is_not_found(admin_client, charter):
    huge = admin_client.get(f"/admin/charters/{10**25}/audience/", follow=True)
    assert huge.status_code == 404
    not_a_charter = admin_client.get(audience_url(charter.get_parent()), follow=True)
    assert not_a_charter.status_code == 404


def test_the_form_lists_every_team_by_name(team_a, team_b):
    form = CharterAudienceForm()
    assert [t.name for t in form.fields["teams"].queryset] == ["Équipe A", "Équipe B"]
