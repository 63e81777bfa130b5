"""A scenario as a plain graph, and the authoring checks over it (pure functions).

The editor's StreamField (``scenarios.blocks``) is turned into a :class:`Graph`
by :func:`scenarios.models.Scenario.graph`; everything here reads only that
small value, so the checks and the layout are tested without a database.

The first situation is the start. A situation is either an *ending* (no
choice, a debrief) or offers one or more choices, each leading to another
situation by its key. Keys are what runs store, so a run survives edits that
keep them.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

MAX_SITUATIONS = 50

NO_SITUATION = _("Add at least one situation: the first one is the start.")
TOO_MANY_SITUATIONS = _(
    "A scenario has at most %(max)s situations; this one has %(count)s."
)
DUPLICATE_KEY = _("Two situations use the key “%(key)s”: each key must be unique.")
UNKNOWN_TARGET = _(
    "In situation “%(situation)s”, the choice “%(choice)s” leads to “%(target)s”, "
    "which is the key of no situation."
)
ENDING_WITH_CHOICES = _(
    "Situation “%(situation)s” is an ending but offers choices: remove them, or "
    "untick “ending”."
)
DEAD_END = _(
    "Situation “%(situation)s” is not an ending and offers no choice: every path "
    "must end. Add a choice, or tick “ending”."
)
UNREACHABLE = _(
    "Situation “%(situation)s” cannot be reached from the start (“%(start)s”): "
    "no choice leads to it."
)
NO_WAY_OUT = _(
    "From situation “%(situation)s”, no path leads to an ending: its choices go "
    "round in a loop with no way out."
)


@dataclass(frozen=True)
class Choice:
    """One choice offered at a situation. ``id`` is stable across edits."""

    id: str
    text: str
    target: str
    consequence: str = ""
    points: int = 0


@dataclass(frozen=True)
class Situation:
    """A step of the scenario: what happens, who speaks, what the learner may do."""

    key: str
    label: str = ""
    text: str = ""
    speaker: str = ""
    is_ending: bool = False
    debrief: str = ""
    choices: tuple[Choice, ...] = ()
    image_id: int | None = None
    image_alt: str = ""

    @property
    def name(self) -> str:
        """How messages and the picture name the situation."""
        return self.label or self.key

    def choice(self, choice_id) -> Choice | None:
        return next((c for c in self.choices if c.id == str(choice_id)), None)


@dataclass(frozen=True)
class Graph:
    """The situations in authoring order; the first is the start."""

    situations: tuple[Situation, ...] = ()
    by_key: dict = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        by_key = {}
        for situation in self.situations:
            by_key.setdefault(situation.key, situation)
        object.__setattr__(self, "by_key", by_key)

    @property
    def start(self) -> Situation | None:
        return self.situations[0] if self.situations else None

    def get(self, key) -> Situation | None:
        return self.by_key.get(key)

    def edges(self) -> list[tuple[Situation, Choice, Situation]]:
        """Every choice whose target exists, as (source, choice, target)."""
        return [
            (situation, choice, self.by_key[choice.target])
            for situation in self.situations
            for choice in situation.choices
            if choice.target in self.by_key
        ]


@dataclass(frozen=True)
class GraphError:
    """One authoring problem; ``key`` names the situation it is about, if any."""

    key: str
    message: str

    def __str__(self):
        return self.message


def depths(graph: Graph) -> dict[str, int]:
    """Breadth-first depth of every situation reachable from the start."""
    if graph.start is None:
        return {}
    found = {graph.start.key: 0}
    queue = deque([graph.start.key])
    while queue:
        key = queue.popleft()
        for choice in graph.by_key[key].choices:
            if choice.target in graph.by_key and choice.target not in found:
                found[choice.target] = found[key] + 1
                queue.append(choice.target)
    return found


def reaching_an_ending(graph: Graph) -> set[str]:
    """Keys of situations from which some path leads to an ending."""
    sources: dict[str, set[str]] = {key: set() for key in graph.by_key}
    for source, _choice, target in graph.edges():
        sources[target.key].add(source.key)
    found = {s.key for s in graph.by_key.values() if s.is_ending}
    queue = deque(found)
    while queue:
        for source in sources[queue.popleft()]:
            if source not in found:
                found.add(source)
                queue.append(source)
    return found


def check(graph: Graph) -> list[GraphError]:
    """Every authoring problem of ``graph``, in the order an author fixes them."""
    if not graph.situations:
        return [GraphError("", str(NO_SITUATION))]
    errors = []
    count = len(graph.situations)
    if count > MAX_SITUATIONS:
        errors.append(
            GraphError(
                "", str(TOO_MANY_SITUATIONS % {"max": MAX_SITUATIONS, "count": count})
            )
        )
    seen = set()
    for situation in graph.situations:
        if situation.key in seen:
            errors.append(
                GraphError(situation.key, str(DUPLICATE_KEY % {"key": situation.key}))
            )
        seen.add(situation.key)
    for situation in graph.by_key.values():
        name = {"situation": situation.name}
        for choice in situation.choices:
            if choice.target not in graph.by_key:
                params = {**name, "choice": choice.text, "target": choice.target}
                errors.append(GraphError(situation.key, str(UNKNOWN_TARGET % params)))
        if situation.is_ending and situation.choices:
            errors.append(GraphError(situation.key, str(ENDING_WITH_CHOICES % name)))
        if not situation.is_ending and not situation.choices:
            errors.append(GraphError(situation.key, str(DEAD_END % name)))
    reachable = depths(graph)
    ending_reachable = reaching_an_ending(graph)
    for situation in graph.by_key.values():
        name = {"situation": situation.name}
        if situation.key not in reachable:
            params = {**name, "start": graph.start.name}
            errors.append(GraphError(situation.key, str(UNREACHABLE % params)))
        elif situation.choices and situation.key not in ending_reachable:
            errors.append(GraphError(situation.key, str(NO_WAY_OUT % name)))
    return errors
