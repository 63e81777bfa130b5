"""Scenario writes: start a run, make a choice. Every rule of a run lives here.

The learner's browser posts only a choice id and the sequence the page was
rendered with; the current situation, the choices offered, the score and the
path are the server's. Each service locks the run's row, so two tabs or a
double click cannot fork a run, and writes the audit log.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from core.ids import parse_id
from scenarios.graph import check
from scenarios.models import Scenario, ScenarioRun
from scenarios.signals import run_finished

ACTION_START = "scenarios.run.start"
ACTION_CHOOSE = "scenarios.run.choose"
ACTION_FINISH = "scenarios.run.finish"

SCENARIO_UNAVAILABLE = _("This scenario is not available.")
UNKNOWN_CHOICE = _(
    "This choice is not one of those offered at this point of the scenario. "
    "Nothing was changed: choose among the options below."
)
STALE_RUN = _(
    "This choice comes from an out-of-date page: you had already moved on, "
    "perhaps in another window. Nothing was changed; here is where you are now."
)
RUN_FINISHED = _(
    "This run is already over, so the choice was not recorded. Here is how it "
    "ended; start again from the scenario page to try another way."
)
SITUATION_GONE = _(
    "This scenario was changed and your current situation no longer exists. "
    "Start again from the scenario page."
)


class ScenarioError(Exception):
    """A rule refused the request; ``message`` is safe to show to the learner."""

    default_message = ""
    status = 400

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class ScenarioUnavailable(ScenarioError):
    default_message = SCENARIO_UNAVAILABLE
    status = 404


class UnknownChoice(ScenarioError):
    """The posted id is not a choice offered at the current situation."""

    default_message = UNKNOWN_CHOICE


class StaleRun(ScenarioError):
    """The page the choice came from is out of date (back button, another tab)."""

    default_message = STALE_RUN
    status = 409


class RunFinished(ScenarioError):
    default_message = RUN_FINISHED
    status = 409


class SituationGone(ScenarioError):
    default_message = SITUATION_GONE
    status = 409


@dataclass(frozen=True)
class Step:
    """What one choice did: the run after it and the step appended to its path."""

    run: ScenarioRun
    step: dict


def _playable_graph(scenario: Scenario):
    graph = scenario.graph()
    if not scenario.live or check(graph):
        raise ScenarioUnavailable()
    return graph


@transaction.atomic
def run_start(
    *, scenario: Scenario, learner, now: datetime | None = None
) -> ScenarioRun:
    """The learner's unfinished run at ``scenario``, or a new one at its start.

    Idempotent: a double click or a second tab gets the same open run (one
    per learner and scenario, enforced by a partial unique constraint).
    """
    graph = _playable_graph(scenario)
    open_runs = ScenarioRun.objects.filter(
        scenario=scenario, learner=learner, finished_at__isnull=True
    )
    if run := open_runs.first():
        return run
    run = ScenarioRun(
        scenario=scenario,
        learner=learner,
        current_key=graph.start.key,
        started_at=now or timezone.now(),
    )
    # The one-open-run constraint is the database's to enforce: checked here,
    # a run another request has just opened would raise instead of being
    # returned.
    run.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            run.save()
    except IntegrityError:  # another request opened it between our read and write
        return open_runs.get()
    log(instance=run, action=ACTION_START, user=learner)
    return run


@transaction.atomic
def run_choose(
    *, run: ScenarioRun, choice_id, sequence, now: datetime | None = None
) -> Step:
    """Take the choice ``choice_id`` at the run's current situation.

    Refused, changing nothing: a finished run (``RunFinished``), a page older
    than the run (``StaleRun``, the ``sequence`` it carried differs), an id
    that is not one of the current situation's choices (``UnknownChoice``).
    Reaching an ending finishes the run.
    """
    run = ScenarioRun.objects.select_for_update(of=("self",)).get(pk=run.pk)
    if run.is_finished:
        raise RunFinished()
    if parse_id(sequence, minimum=0) != run.sequence:
        raise StaleRun()
    graph = run.scenario.graph()
    situation = graph.get(run.current_key)
    if situation is None:
        raise SituationGone()
    choice = situation.choice(choice_id)
    if choice is None:
        raise UnknownChoice()
    target = graph.get(choice.target)
    if target is None:
        raise SituationGone()
    step = {
        "situation": situation.key,
        "situation_label": situation.name,
        "situation_text": situation.text,
        "speaker": situation.speaker,
        "choice": choice.id,
        "choice_text": choice.text,
        "consequence": choice.consequence,
        "points": choice.points,
    }
    run.path = [*run.path, step]
    run.score += choice.points
    run.current_key = target.key
    run.sequence += 1
    if target.is_ending:
        run.ending_key = target.key
        run.finished_at = now or timezone.now()
    run.full_clean()
    run.save()
    log(instance=run, action=ACTION_CHOOSE, user=run.learner, data=step)
    if run.is_finished:
        log(
            instance=run,
            action=ACTION_FINISH,
            user=run.learner,
            data={"ending": run.ending_key, "score": run.score},
        )
        run_finished.send(sender=ScenarioRun, run=run)
    return Step(run=run, step=step)


INVALID_SCENARIO = _("The scenario cannot be saved: %(errors)s")


@transaction.atomic
def scenario_save(
    *,
    title: str,
    situations: list,
    locale,
    introduction: str = "",
    scenario: Scenario | None = None,
    translation_key=None,
    user=None,
    publish: bool = True,
) -> Scenario:
    """Create or update a scenario from raw situations data, then publish it.

    For code that authors scenarios (the demo, imports); editors go through
    the admin form, which runs the same graph checks. Refuses a graph that
    fails one (``ValidationError`` listing them).
    """
    scenario = scenario or Scenario(locale=locale)
    if translation_key is not None:
        scenario.translation_key = translation_key
    scenario.title = title
    scenario.introduction = introduction
    scenario.situations = situations
    errors = check(scenario.graph())
    if errors:
        raise ValidationError(
            INVALID_SCENARIO % {"errors": " ".join(e.message for e in errors)}
        )
    scenario.full_clean()
    scenario.save()
    revision = scenario.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        scenario.refresh_from_db()
    return scenario
