"""Races on one run, with real threads on PostgreSQL (SQLite has no row locks)."""

import threading

import pytest
from wagtail.models import ModelLogEntry

from scenarios.models import ScenarioRun
from scenarios.services import (
    ACTION_CHOOSE,
    RunFinished,
    StaleRun,
    run_choose,
    run_start,
)
from tests.factories import UserFactory
from tests.factories.scenarios import make_scenario
from tests.quizzes.test_concurrency import run_together

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_simultaneous_choices_on_one_run_keep_one():
    scenario = make_scenario()
    learner = UserFactory()
    run = run_start(scenario=scenario, learner=learner)
    start = scenario.graph().get("start")
    choices = iter([c.id for c in start.choices])
    lock = threading.Lock()

    def choose():
        with lock:
            choice_id = next(choices)
        return run_choose(run=run, choice_id=choice_id, sequence=0).step["choice"]

    results, errors = run_together(choose, count=2)
    assert len(results) == 1, errors
    # The loser is refused: its page is stale, or (when the winning choice
    # ended the run) the run is over. Either way nothing of it is recorded.
    assert len(errors) == 1 and isinstance(errors[0], StaleRun | RunFinished)
    run.refresh_from_db()
    assert run.sequence == 1 and [s["choice"] for s in run.path] == results
    assert ModelLogEntry.objects.filter(action=ACTION_CHOOSE).count() == 1


def test_simultaneous_starts_open_one_run():
    scenario = make_scenario()
    learner = UserFactory()
    results, errors = run_together(
        lambda: run_start(scenario=scenario, learner=learner).pk, count=3
    )
    assert errors == [] and len(set(results)) == 1
    assert ScenarioRun.objects.count() == 1
