"""The demo's scenarios: published in French and English, hooked into a lesson,
and played by the demo learners.

Every function is idempotent: a scenario is found again by its stable
translation key and saved only when its content changed; a demo learner
plays a scenario only if they have not finished a run of it yet.
"""

import copy
import datetime
import json
import uuid

from django.utils import timezone

from demo.content_scenarios import LESSON_SCENARIO, SCENARIOS
from scenarios.authoring import choice_data, situation_data
from scenarios.models import Scenario, ScenarioRun
from scenarios.services import run_choose, run_start, scenario_save

KEY_NAMESPACE = uuid.UUID("0c7f3b8e-4c55-4a8e-8f3e-1a9b6a1d2f20")
# The ways the demo learners take: the first is the best path, the second the worst.
DEMO_WAYS = {
    "apprenant": ["Refuser et lui écrire", "Lui indiquer la page"],
    "apprenante2": ["Accepter : refuser", "Lui répondre sur Messenger"],
}


def _situations(content: list) -> list:
    return [
        situation_data(
            key,
            label,
            text,
            speaker=speaker,
            choices=[choice_data(*choice) for choice in choices],
            ending=not choices,
            debrief=debrief,
        )
        for key, label, speaker, text, choices, debrief in content
    ]


def _same(scenario: Scenario, data: dict, situations: list) -> bool:
    def plain(blocks):
        return json.dumps(
            [{"type": b["type"], "value": b["value"]} for b in blocks],
            sort_keys=True,
            default=str,
        )

    return (
        scenario.live
        and not scenario.has_unpublished_changes
        and scenario.title == data["title"]
        and scenario.introduction == data["introduction"]
        and plain(scenario.situations.raw_data) == plain(situations)
    )


def ensure_scenario(spec: dict, locales: dict) -> dict[str, Scenario]:
    """One scenario in French and English (a translation of the French)."""
    key = uuid.uuid5(KEY_NAMESPACE, spec["slug"])
    built = {}
    for language in ("fr", "en"):
        data = spec[language]
        situations = _situations(data["situations"])
        existing = Scenario.objects.filter(
            translation_key=key, locale=locales[language]
        ).first()
        if existing is not None and _same(existing, data, situations):
            built[language] = existing
            continue
        built[language] = scenario_save(
            title=data["title"],
            introduction=data["introduction"],
            situations=situations,
            locale=locales[language],
            scenario=existing,
            translation_key=key,
        )
    return built


def ensure_scenarios(locales: dict) -> dict[str, dict[str, Scenario]]:
    """Every demo scenario, by slug: ``{slug: {"fr": ..., "en": ...}}``."""
    return {spec["slug"]: ensure_scenario(spec, locales) for spec in SCENARIOS}


def with_lesson_scenario(contents: dict, scenarios: dict) -> dict:
    """``contents`` with the knowledge-check scenario added to its lesson's body."""
    lesson_slug, scenario_slug = LESSON_SCENARIO
    contents = copy.deepcopy(contents)
    index = next(
        i
        for i, lesson in enumerate(contents["fr"]["lessons"])
        if lesson["slug"] == lesson_slug
    )
    intro = {
        "fr": "Mettez-vous en situation : que feriez-vous à sa place ?",
        "en": "Put yourself in the situation: what would you do?",
    }
    for language in ("fr", "en"):
        contents[language]["lessons"][index]["body"].append(
            {
                "type": "scenario",
                "value": {
                    "scenario": scenarios[scenario_slug][language].pk,
                    "introduction": intro[language],
                },
            }
        )
    return contents


def _play(scenario: Scenario, learner, ways: list, *, now) -> None:
    run = run_start(scenario=scenario, learner=learner, now=now)
    for prefix in ways:
        situation = scenario.graph().get(run.current_key)
        choice = next(c for c in situation.choices if c.text.startswith(prefix))
        step = run_choose(run=run, choice_id=choice.id, sequence=run.sequence, now=now)
        run = step.run


def seed_scenario_runs(*, scenarios: dict, users: dict, now=None) -> None:
    """The demo learners' runs of the friend-request scenario (one each)."""
    now = now or timezone.now() - datetime.timedelta(days=3)
    scenario = scenarios[LESSON_SCENARIO[1]]["fr"]
    for username, ways in DEMO_WAYS.items():
        learner = users.get(username)
        if learner is None:
            continue
        done = ScenarioRun.objects.filter(
            learner=learner,
            scenario__translation_key=scenario.translation_key,
            finished_at__isnull=False,
        )
        if not done.exists():
            _play(scenario, learner, ways, now=now)
