"""The charter as people read it: current version, acknowledgement, what changed.

Versions and acknowledgements are matched on the charter's
``translation_key``, so every translation is the same charter.

Who a charter applies to (everyone, or chosen teams) is decided above this
layer: the ``RELAIS_CHARTER_AUDIENCE`` setting names a callable
``(*, translation_key, learner) -> Q`` (``lms.teams.charters.charter_applies_q``
in the project) whose arguments may be ``OuterRef``s. Without it, every
charter applies to everyone.
"""

from __future__ import annotations

import difflib
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils.module_loading import import_string

from courses.models import CharterAcknowledgement, CharterPage, CharterVersion


def current_version_subquery(translation_key_ref: str) -> Subquery:
    """The primary key of the current version of the charter at ``translation_key_ref``
    (an ``OuterRef`` path to a charter's ``translation_key``), as SQL."""
    return Subquery(
        CharterVersion.objects.filter(translation_key=OuterRef(translation_key_ref))
        .order_by("-number")
        .values("pk")[:1]
    )


def charter_current_version(*, translation_key: uuid.UUID) -> CharterVersion | None:
    """The charter's current (highest-numbered) version, or None before its first
    publication. One query."""
    return (
        CharterVersion.objects.filter(translation_key=translation_key)
        .order_by("-number")
        .first()
    )


@dataclass(frozen=True)
class DiffLine:
    """One line of the "what changed" list: ``kind`` is same, added or removed."""

    kind: str
    text: str


def charter_diff(*, old_text: str, new_text: str) -> list[DiffLine]:
    """The rules' text from ``old_text`` to ``new_text``, line by line (difflib).

    Pure. Unchanged lines are kept so the reader sees each change in place.
    """
    old, new = old_text.splitlines(), new_text.splitlines()
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines += [DiffLine("same", text) for text in old[i1:i2]]
            continue
        lines += [DiffLine("removed", text) for text in old[i1:i2]]
        lines += [DiffLine("added", text) for text in new[j1:j2]]
    return lines


@dataclass(frozen=True)
class CharterReading:
    """What the charter page shows one person.

    ``version`` is the current version (None before the first publication);
    ``acknowledgement`` theirs of it, if any; ``previous`` their latest
    acknowledgement of an earlier version, and ``changes`` the diff from that
    version's text to the current one (empty unless they must acknowledge
    again).
    """

    version: CharterVersion | None
    acknowledgement: CharterAcknowledgement | None
    previous: CharterAcknowledgement | None
    changes: list

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledgement is not None

    @property
    def must_acknowledge(self) -> bool:
        return self.version is not None and self.acknowledgement is None


def charter_reading(*, charter: CharterPage, user, language: str) -> CharterReading:
    """The current version of ``charter`` and where ``user`` stands with it.

    Two queries for a signed-in person (the version, their acknowledgements),
    one for a visitor.
    """
    version = charter_current_version(translation_key=charter.translation_key)
    if version is None or user is None or not user.is_authenticated:
        return CharterReading(version, None, None, [])
    acknowledgements = list(
        CharterAcknowledgement.objects.filter(
            learner=user, version__translation_key=charter.translation_key
        )
        .select_related("version")
        .order_by("-version__number")
    )
    current = next((a for a in acknowledgements if a.version_id == version.pk), None)
    previous = next((a for a in acknowledgements if a.version_id != version.pk), None)
    changes = []
    if current is None and previous is not None:
        changes = charter_diff(
            old_text=previous.version.text_in(language),
            new_text=version.text_in(language),
        )
    return CharterReading(version, current, previous, changes)


def charter_audience_q(*, translation_key, learner) -> Q:
    """A filter true where the charter at ``translation_key`` applies to
    ``learner``, from the ``RELAIS_CHARTER_AUDIENCE`` hook (else always true)."""
    path = getattr(settings, "RELAIS_CHARTER_AUDIENCE", None)
    if not path:
        return Q()
    return import_string(path)(translation_key=translation_key, learner=learner)


def charters_pending(*, learner, language: str) -> QuerySet[CharterPage]:
    """Live charters in ``language`` that apply to ``learner`` and whose current
    version they have not acknowledged. One query."""
    acknowledged = CharterAcknowledgement.objects.filter(
        learner=learner, version_id=OuterRef("current_version")
    )
    return (
        CharterPage.objects.live()
        .filter(locale__language_code=language)
        .filter(
            charter_audience_q(
                translation_key=OuterRef("translation_key"), learner=learner.pk
            )
        )
        .annotate(current_version=current_version_subquery("translation_key"))
        .filter(current_version__isnull=False)
        .exclude(Exists(acknowledged))
        .order_by("path")
    )
