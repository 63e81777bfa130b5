"""Who a charter applies to: everyone, or the members of the teams chosen for it.

The rule, defined here and nowhere else: a charter applies to a person when
its audience is everyone (the default, also when it has no
:class:`~lms.teams.models.CharterAudience` row), or when the person is a
member of one of its chosen teams *now* (people who join a team later are
included, people who leave it are not). It is written twice from the same
definition: :meth:`CharterAudienceFacts.applies_to` for one person in Python,
and :func:`charter_applies_q` in SQL for the lists; ``tests/lms/
test_charter_audience.py`` checks that they agree.

Whoever the charter applies to sees the dashboard's reminder, gets the
reminder emails and counts in the charter report. Anyone may still read and
acknowledge it, and a course that requires it requires it of everyone
enrolled. ``courses`` asks through the ``RELAIS_CHARTER_AUDIENCE`` setting,
which names :func:`charter_applies_q` (courses knows nothing of teams).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, Q

from lms.teams.models import CharterAudience, TeamMembership


@dataclass(frozen=True)
class CharterAudienceFacts:
    """A charter's audience: everyone, or the ids of its chosen teams."""

    everyone: bool = True
    team_ids: frozenset[int] = frozenset()

    def applies_to(self, member_team_ids: Iterable[int]) -> bool:
        """Whether the charter applies to a member of ``member_team_ids``. Pure."""
        return self.everyone or not self.team_ids.isdisjoint(member_team_ids)


EVERYONE = CharterAudienceFacts()


def charter_audience(*, translation_key: uuid.UUID) -> CharterAudienceFacts:
    """The audience of the charter at ``translation_key``. Two queries at most."""
    audience = CharterAudience.objects.filter(charter_key=translation_key).first()
    if audience is None or audience.everyone:
        return EVERYONE
    return CharterAudienceFacts(
        everyone=False,
        team_ids=frozenset(audience.teams.values_list("pk", flat=True)),
    )


def charter_applies_to(*, translation_key: uuid.UUID, learner) -> bool:
    """Whether the charter at ``translation_key`` applies to ``learner``.

    The Python form, for one person: at most three queries.
    """
    audience = charter_audience(translation_key=translation_key)
    if audience.everyone:
        return True
    return audience.applies_to(
        TeamMembership.objects.filter(learner=learner).values_list("team_id", flat=True)
    )


def charter_applies_q(*, translation_key, learner) -> Q:
    """The SQL form: a filter true where the charter applies to the person.

    ``translation_key`` is the charter's key and ``learner`` the person (or
    their id); either may be an ``OuterRef``/``F`` to the queryset filtered,
    e.g. ``translation_key=OuterRef("translation_key")`` over charters, or
    ``learner=OuterRef("pk")`` over users. Two ``EXISTS`` subqueries.
    """
    restricted = CharterAudience.objects.filter(
        charter_key=translation_key, everyone=False
    )
    return ~Q(Exists(restricted)) | Q(
        Exists(restricted.filter(teams__memberships__learner=learner))
    )


__all__ = [
    "EVERYONE",
    "CharterAudienceFacts",
    "charter_applies_q",
    "charter_applies_to",
    "charter_audience",
]
