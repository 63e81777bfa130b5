"""Scenario reports: paths and endings per team, and which choices the weakest take.

Both read the finished runs of one scenario (every translation) by learners
of the teams the user may see (all teams for trainers, the managed ones for
managers; ``team`` narrows to one). A learner in two teams counts in both.
Runs are read once, with their stored path, and counted in Python: a run's
path is a short JSON list, and the figures are per path, not per row.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lms.teams.access import can_view_all_reports, can_view_reports
from lms.teams.models import Team
from lms.teams.selectors import managed_team_ids
from scenarios.models import Scenario, ScenarioRun

KIND_ENDING = _("Ending")
KIND_PATH = _("Path")
#: the share of learners in the lower (and upper) group, as quizzes' item analysis
GROUP_SHARE = 0.27


def scenarios_with_runs() -> QuerySet[Scenario]:
    """Scenarios someone finished, in their original language (the filter's list)."""
    keys = ScenarioRun.objects.filter(finished_at__isnull=False).values(
        "scenario__translation_key"
    )
    return Scenario.objects.filter(pk__in=_first_translation_ids(keys)).order_by(
        "title"
    )


def _first_translation_ids(keys) -> list[int]:
    first = {}
    for pk, key in (
        Scenario.objects.filter(translation_key__in=keys)
        .order_by("pk")
        .values_list("pk", "translation_key")
    ):
        first.setdefault(key, pk)
    return list(first.values())


def _team_runs(*, user, scenario: Scenario, team: Team | None) -> list[dict]:
    """Finished runs of ``scenario`` in scope, one row per (team, run)."""
    if can_view_all_reports(user):
        team_ids = None
    elif can_view_reports(user):
        team_ids = managed_team_ids(user)
    else:
        team_ids = []
    if team is not None:
        team_ids = [team.pk] if team_ids is None or team.pk in team_ids else []
    runs = ScenarioRun.objects.filter(
        scenario__translation_key=scenario.translation_key, finished_at__isnull=False
    )
    if team_ids is None:
        runs = runs.filter(learner__team_memberships__isnull=False)
    else:
        runs = runs.filter(learner__team_memberships__team_id__in=team_ids)
    return list(
        runs.order_by("finished_at", "pk").values(
            "pk",
            "learner_id",
            "score",
            "path",
            "ending_key",
            "learner__team_memberships__team_id",
            "learner__team_memberships__team__name",
        )
    )


@dataclass(frozen=True)
class PathRow:
    """How often one ending or one whole path was taken in one team."""

    team: str
    kind: str
    label: str
    runs: int
    team_runs: int

    @property
    def share(self) -> int:
        return self.runs * 100 // self.team_runs if self.team_runs else 0


def path_label(run: dict, names: dict) -> str:
    """The run's path, named in the report's language (its stored labels else)."""
    steps = [
        names.get(step["situation"]) or step.get("situation_label") or ""
        for step in run["path"]
    ]
    return " → ".join([*steps, names.get(run["ending_key"], run["ending_key"])])


def path_rows(runs: list[dict], names: dict) -> list[PathRow]:
    """Per team: each ending's count, then each path's, most taken first (pure)."""
    by_team = defaultdict(list)
    for run in runs:
        by_team[run["learner__team_memberships__team__name"]].append(run)
    rows = []
    for team in sorted(by_team):
        team_runs = by_team[team]
        endings = Counter(
            names.get(r["ending_key"], r["ending_key"]) for r in team_runs
        )
        paths = Counter(path_label(r, names) for r in team_runs)
        for kind, counter in ((KIND_ENDING, endings), (KIND_PATH, paths)):
            for label, count in sorted(counter.items(), key=lambda i: (-i[1], i[0])):
                rows.append(PathRow(team, str(kind), label, count, len(team_runs)))
    return rows


def scenario_path_rows(*, user, scenario: Scenario, team: Team | None = None):
    """The paths report's rows for ``scenario`` within ``user``'s scope."""
    names = {s.key: s.name for s in scenario.graph().situations}
    return path_rows(_team_runs(user=user, scenario=scenario, team=team), names)


@dataclass(frozen=True)
class ChoiceRow:
    """One choice at one situation: who took it, in the lower and upper groups."""

    situation: str
    choice: str
    points: int
    lower: int
    lower_reached: int
    upper: int
    upper_reached: int
    everyone: int

    @property
    def lower_share(self) -> int | None:
        return self.lower * 100 // self.lower_reached if self.lower_reached else None

    @property
    def upper_share(self) -> int | None:
        return self.upper * 100 // self.upper_reached if self.upper_reached else None


def choice_rows(runs: list[dict], graph) -> tuple[list[ChoiceRow], int]:
    """Item analysis over each learner's first finished run (pure).

    Learners are ranked by that run's score; the lower and upper groups are
    the bottom and top 27 % (at least one each). For every choice of the
    scenario as it stands, how many in each group took it among those of the
    group who reached its situation. Returns the rows and the group size.
    """
    first = {}
    for run in runs:
        first.setdefault(run["learner_id"], run)
    ranked = sorted(first.values(), key=lambda r: (r["score"], r["pk"]))
    size = max(1, math.ceil(len(ranked) * GROUP_SHARE)) if ranked else 0
    lower, upper = ranked[:size], ranked[-size:] if size else []

    def tally(group):
        reached, taken = Counter(), Counter()
        for run in group:
            for step in run["path"]:
                reached[step["situation"]] += 1
                taken[(step["situation"], step["choice"])] += 1
        return reached, taken

    lower_reached, lower_taken = tally(lower)
    upper_reached, upper_taken = tally(upper)
    _all_reached, all_taken = tally(ranked)
    rows = [
        ChoiceRow(
            situation=situation.name,
            choice=choice.text,
            points=choice.points,
            lower=lower_taken[(situation.key, choice.id)],
            lower_reached=lower_reached[situation.key],
            upper=upper_taken[(situation.key, choice.id)],
            upper_reached=upper_reached[situation.key],
            everyone=all_taken[(situation.key, choice.id)],
        )
        for situation in graph.situations
        for choice in situation.choices
    ]
    return rows, size


def scenario_choice_rows(*, user, scenario: Scenario, team: Team | None = None):
    """The scenario item analysis's rows and group size, within ``user``'s scope."""
    return choice_rows(
        _team_runs(user=user, scenario=scenario, team=team), scenario.graph()
    )
