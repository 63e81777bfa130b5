"""Scenario reads; none takes a request."""

from django.db.models import Max, QuerySet
from wagtail.images import get_image_model

from scenarios.models import Scenario, ScenarioRun


def live_scenarios() -> QuerySet[Scenario]:
    return Scenario.objects.filter(live=True)


def learner_run(*, learner, run_id) -> ScenarioRun | None:
    """The learner's own run (anyone else's is None), with its scenario."""
    return (
        ScenarioRun.objects.select_related("scenario")
        .filter(learner=learner, pk=run_id)
        .first()
    )


def learner_runs(*, scenario: Scenario, learner) -> QuerySet[ScenarioRun]:
    """The learner's runs at any translation of ``scenario``, newest first."""
    return ScenarioRun.objects.filter(
        learner=learner, scenario__translation_key=scenario.translation_key
    )


def best_score(*, scenario: Scenario, learner, since=None) -> int | None:
    """The best finished score at any translation; ``since``: finished after."""
    runs = learner_runs(scenario=scenario, learner=learner).filter(
        finished_at__isnull=False
    )
    if since is not None:
        runs = runs.filter(finished_at__gte=since)
    return runs.aggregate(best=Max("score"))["best"]


def situation_image(situation):
    """The situation's image, if it has one that still exists."""
    if situation is None or not situation.image_id:
        return None
    return get_image_model().objects.filter(pk=situation.image_id).first()
