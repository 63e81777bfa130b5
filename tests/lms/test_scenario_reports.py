"""Scenario reports: paths and endings per team, item analysis, and their scope."""

import pytest
from django.urls import reverse

from lms.reports.scenarios import (
    KIND_ENDING,
    KIND_PATH,
    choice_rows,
    scenario_path_rows,
)
from scenarios.services import run_choose, run_start
from tests.factories.scenarios import make_scenario
from tests.lms.test_reports_access import text_of

pytestmark = pytest.mark.django_db

GOOD = ["Refuser poliment"]  # +2, ending "Bonne fin"
BAD = ["Accepter", "Laisser faire"]  # -3, ending "Mauvaise fin"


def play(scenario, learner, texts):
    run = run_start(scenario=scenario, learner=learner)
    for text in texts:
        situation = scenario.graph().get(run.current_key)
        choice = next(c.id for c in situation.choices if c.text == text)
        run = run_choose(run=run, choice_id=choice, sequence=run.sequence).run
    return run


@pytest.fixture
def played(team_a, team_b, members_a, members_b):
    scenario = make_scenario()
    play(scenario, members_a[0], GOOD)
    play(scenario, members_a[1], BAD)
    play(scenario, members_a[2], GOOD)
    play(scenario, members_b[0], BAD)
    return scenario


def test_paths_and_endings_are_counted_per_team(played, trainer):
    rows = scenario_path_rows(user=trainer, scenario=played)
    table = {(r.team, r.kind, r.label): (r.runs, r.share) for r in rows}
    ending, path_kind = str(KIND_ENDING), str(KIND_PATH)
    assert table[("Équipe A", ending, "Bonne fin")] == (2, 66)
    assert table[("Équipe A", ending, "Mauvaise fin")] == (1, 33)
    assert table[("Équipe B", ending, "Mauvaise fin")] == (1, 100)
    path = "Une demande d'ami → Des commentaires → Mauvaise fin"
    assert table[("Équipe A", path_kind, path)] == (1, 33)


def test_a_manager_sees_only_their_team(played, manager_a, team_b):
    rows = scenario_path_rows(user=manager_a, scenario=played)
    assert {r.team for r in rows} == {"Équipe A"}
    assert scenario_path_rows(user=manager_a, scenario=played, team=team_b) == []


@pytest.mark.parametrize(
    "report", ["scenario_paths", "scenario_choices"], ids=["paths", "choices"]
)
@pytest.mark.parametrize("route", ["page", "csv", "xlsx"])
def test_a_manager_asking_for_another_team_is_refused(
    client, played, manager_a, team_b, report, route
):
    client.force_login(manager_a)
    params = {"scenario": played.pk, "team": team_b.pk}
    if route != "page":
        params["export"] = route
    response = client.get(reverse(f"reports:{report}"), params)
    assert response.status_code == 403


@pytest.mark.parametrize("route", ["page", "csv", "xlsx"])
def test_the_paths_report_and_its_exports(client, played, manager_a, route):
    client.force_login(manager_a)
    params = {"scenario": played.pk}
    if route != "page":
        params["export"] = route
    response = client.get(reverse("reports:scenario_paths"), params)
    assert response.status_code == 200
    text = text_of(response)
    assert "Équipe A" in text and "Bonne fin" in text
    assert "Équipe B" not in text


def test_the_item_analysis_shows_what_the_weakest_choose(client, played, trainer):
    client.force_login(trainer)
    response = client.get(reverse("reports:scenario_choices"), {"scenario": played.pk})
    assert response.status_code == 200
    rows = {(r.situation, r.choice): r for r in response.context["object_list"]}
    accept = rows[("Une demande d'ami", "Accepter")]
    # 4 learners: groups of 2 (27 %, rounded up); the lower group both chose "Accepter".
    assert (accept.lower, accept.lower_reached) == (2, 2)
    assert (accept.upper, accept.upper_reached) == (0, 2)
    assert accept.everyone == 2


def test_item_analysis_counts_each_learners_first_run_only(played, members_a):
    later = play(played, members_a[0], BAD)
    runs = [
        {
            "pk": later.pk,
            "learner_id": members_a[0].pk,
            "score": later.score,
            "path": later.path,
        }
    ]
    first = play(played, members_a[1], GOOD)
    runs.insert(
        0,
        {"pk": first.pk, "learner_id": members_a[0].pk, "score": 2, "path": first.path},
    )
    rows, size = choice_rows(runs, played.graph())
    assert size == 1
    refuse = next(r for r in rows if r.choice == "Refuser poliment")
    assert (refuse.lower, refuse.everyone) == (1, 1)


def test_without_a_scenario_the_report_asks_for_one(client, trainer):
    client.force_login(trainer)
    response = client.get(reverse("reports:scenario_paths"))
    assert response.status_code == 200
    assert "Choose a scenario" in response.content.decode() or (
        "Choisissez un scénario" in response.content.decode()
    )
