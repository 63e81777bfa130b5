"""Runs through the services: starting, choosing, and every refusal."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from scenarios import selectors
from scenarios.authoring import situation_data
from scenarios.models import ScenarioRun
from scenarios.services import (
    ACTION_CHOOSE,
    RunFinished,
    ScenarioUnavailable,
    StaleRun,
    UnknownChoice,
    run_choose,
    run_start,
)
from tests.factories import UserFactory
from tests.factories.scenarios import make_scenario

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def scenario():
    return make_scenario()


@pytest.fixture
def learner():
    return UserFactory()


def choice_id(run, text):
    situation = run.scenario.graph().get(run.current_key)
    return next(c.id for c in situation.choices if c.text == text)


def test_a_run_goes_to_an_ending_and_records_its_path(scenario, learner):
    run = run_start(scenario=scenario, learner=learner, now=NOW)
    assert (run.current_key, run.sequence, run.is_finished) == ("start", 0, False)
    run = run_choose(run=run, choice_id=choice_id(run, "Accepter"), sequence=0).run
    run = run_choose(
        run=run, choice_id=choice_id(run, "Revenir en arrière"), sequence=1
    ).run
    step = run_choose(
        run=run, choice_id=choice_id(run, "Refuser poliment"), sequence=2, now=NOW
    )
    run = step.run
    assert run.is_finished and run.finished_at == NOW
    assert run.ending_key == "well" and run.score == 1
    assert run.path_keys == ["start", "trouble", "start", "well"]
    assert step.step["consequence"] == "Le client comprend."
    assert run.path[0]["situation_text"] == "Un client vous demande en ami."
    assert ModelLogEntry.objects.filter(action=ACTION_CHOOSE).count() == 3


def test_starting_twice_gives_the_same_open_run(scenario, learner):
    first = run_start(scenario=scenario, learner=learner)
    assert run_start(scenario=scenario, learner=learner) == first
    assert ScenarioRun.objects.count() == 1


@pytest.mark.parametrize(
    "forged",
    ["nope", "", None, ["x"], "99999999999999999999"],
    ids=["unknown", "empty", "missing", "list", "huge"],
)
def test_a_forged_choice_changes_nothing(scenario, learner, forged):
    run = run_start(scenario=scenario, learner=learner)
    with pytest.raises(UnknownChoice):
        run_choose(run=run, choice_id=forged, sequence=0)
    run.refresh_from_db()
    assert (run.sequence, run.path, run.score) == (0, [], 0)


def test_a_choice_offered_elsewhere_is_refused(scenario, learner):
    run = run_start(scenario=scenario, learner=learner)
    elsewhere = scenario.graph().get("trouble").choices[0].id
    with pytest.raises(UnknownChoice):
        run_choose(run=run, choice_id=elsewhere, sequence=0)


def test_a_stale_page_is_refused(scenario, learner):
    run = run_start(scenario=scenario, learner=learner)
    accept = choice_id(run, "Accepter")
    run_choose(run=run, choice_id=accept, sequence=0)
    with pytest.raises(StaleRun):  # the second tab still shows the start
        run_choose(run=run, choice_id=accept, sequence=0)
    run.refresh_from_db()
    assert (run.sequence, run.current_key) == (1, "trouble")


@pytest.mark.parametrize("sequence", ["junk", None, "-1", "7"], ids=str)
def test_a_bad_sequence_is_stale(scenario, learner, sequence):
    run = run_start(scenario=scenario, learner=learner)
    with pytest.raises(StaleRun):
        run_choose(run=run, choice_id=choice_id(run, "Accepter"), sequence=sequence)


def test_a_finished_run_posted_again_is_refused(scenario, learner):
    run = run_start(scenario=scenario, learner=learner)
    good = choice_id(run, "Refuser poliment")
    run = run_choose(run=run, choice_id=good, sequence=0).run
    with pytest.raises(RunFinished):
        run_choose(run=run, choice_id=good, sequence=1)
    run.refresh_from_db()
    assert (run.score, len(run.path)) == (2, 1)
    # A new run can start once the last one is over.
    assert run_start(scenario=scenario, learner=learner) != run


def test_a_draft_scenario_cannot_be_played(learner):
    draft = make_scenario(publish=False)
    draft.live = False
    draft.save()
    with pytest.raises(ScenarioUnavailable):
        run_start(scenario=draft, learner=learner)


def test_the_save_service_refuses_a_broken_graph():
    with pytest.raises(ValidationError, match="lost"):
        make_scenario(
            situations=[
                situation_data("a", "A", "a", ending=True),
                situation_data("lost", "lost", "b", ending=True),
            ]
        )


def test_runs_remember_what_was_shown_after_an_edit(scenario, learner):
    run = run_start(scenario=scenario, learner=learner)
    run = run_choose(run=run, choice_id=choice_id(run, "Accepter"), sequence=0).run
    scenario.title = "Renamed"
    situations = scenario.situations.raw_data
    situations[0]["value"]["text"] = "Texte changé."
    make_scenario(scenario=scenario, situations=list(situations))
    run.refresh_from_db()
    assert run.path[0]["situation_text"] == "Un client vous demande en ami."


def test_best_score_spans_translations_and_time(scenario, learner, locale_en):
    english = scenario.copy_for_translation(locale_en)
    english.save()
    for target, text in ((scenario, "Accepter"), (english, "Refuser poliment")):
        run = run_start(scenario=target, learner=learner)
        run = run_choose(run=run, choice_id=choice_id(run, text), sequence=0).run
        if not run.is_finished:
            run_choose(
                run=run,
                choice_id=choice_id(run, "Laisser faire"),
                sequence=1,
                now=NOW,
            )
    assert selectors.best_score(scenario=scenario, learner=learner) == 2
    later = timezone.now() + datetime.timedelta(days=1)
    assert selectors.best_score(scenario=scenario, learner=learner, since=later) is None
