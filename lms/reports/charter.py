"""Report 5 (selectors and filters): who acknowledged the charter, per team.

One row per team membership in the user's scope (a manager's teams, every
team for trainers) of a person the chosen charter applies to
(``lms.teams.charters``: everyone, or the members of its chosen teams): the
person's latest acknowledgement of the charter (its version and time) and
their status against the current version. The status is defined once, as
SQL (:func:`acknowledgement_status`); how long someone has been pending is
the time since the current version was published.
"""

from __future__ import annotations

import django_filters
from django.db.models import Case, OuterRef, QuerySet, Subquery, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from core.filters import IdModelChoiceFilter
from courses.models import CharterAcknowledgement, CharterPage, CharterVersion
from courses.selectors import canonical_page, charter_current_version
from lms.reports.selectors import team_choices
from lms.teams.charters import charter_applies_q
from lms.teams.models import TeamMembership
from lms.teams.selectors import teams_visible_to


class AcknowledgementStatus:
    """Where a person stands with the charter's current version."""

    CURRENT = "current"
    OUTDATED = "outdated"
    NEVER = "never"

    choices = [
        (CURRENT, _("Acknowledged the current version")),
        (OUTDATED, _("Acknowledged an earlier version")),
        (NEVER, _("Never acknowledged")),
    ]
    labels = dict(choices)


def report_charters() -> QuerySet[CharterPage]:
    """The charters a report can be about: original-language pages, by title."""
    charters = CharterPage.objects.order_by("title", "pk")
    keys, originals = set(), []
    for charter in charters.only("pk", "translation_key", "title"):
        if charter.translation_key not in keys:
            keys.add(charter.translation_key)
            originals.append(canonical_page(charter).pk)
    return CharterPage.objects.filter(pk__in=originals).order_by("title", "pk")


def acknowledgement_status(current_number: int | None):
    """The row's :class:`AcknowledgementStatus`, as SQL over ``acknowledged_number``."""
    return Case(
        When(
            acknowledged_number=Value(current_number or 0),
            then=Value(AcknowledgementStatus.CURRENT),
        ),
        When(
            acknowledged_number__isnull=False,
            then=Value(AcknowledgementStatus.OUTDATED),
        ),
        default=Value(AcknowledgementStatus.NEVER),
    )


CHARTER_FIELDS = (
    "pk",
    "team_id",
    "team__name",
    "learner_id",
    "learner__username",
    "learner__first_name",
    "learner__last_name",
    "learner__email",
    "acknowledged_number",
    "acknowledged_at",
    "status",
)


def charter_rows(*, user, charter: CharterPage | None) -> QuerySet:
    """Team memberships in ``user``'s scope of the people ``charter`` applies
    to, with their standing on it.

    One dict per row (keys: :data:`CHARTER_FIELDS`), in one query. Without a
    charter, nothing.
    """
    key = charter.translation_key if charter is not None else None
    current = charter_current_version(translation_key=key) if key else None
    latest = CharterAcknowledgement.objects.filter(
        learner=OuterRef("learner_id"), version__translation_key=key
    ).order_by("-version__number")
    memberships = TeamMembership.objects.filter(
        charter_applies_q(translation_key=key, learner=OuterRef("learner_id")),
        team__in=teams_visible_to(user=user),
    )
    if charter is None:
        memberships = memberships.none()
    return (
        memberships.annotate(
            acknowledged_number=Subquery(latest.values("version__number")[:1]),
            acknowledged_at=Subquery(latest.values("acknowledged_at")[:1]),
        )
        .annotate(status=acknowledgement_status(current.number if current else None))
        .values(*CHARTER_FIELDS)
    )


def pending_days(row: dict, *, current: CharterVersion | None, now) -> int | None:
    """Days since the current version was published, for someone who has not
    acknowledged it; None otherwise."""
    if current is None or row["status"] == AcknowledgementStatus.CURRENT:
        return None
    return max((now - current.published_at).days, 0)


def _charters(request):
    return report_charters()


def _teams(request):
    return team_choices(user=request.user)


class CharterFilterSet(WagtailFilterSet):
    """Charter, team and status of the charter report."""

    charter = IdModelChoiceFilter(
        label=_("Charter"), queryset=_charters, method="keep", empty_label=None
    )
    team = IdModelChoiceFilter(label=_("Team"), queryset=_teams, field_name="team")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AcknowledgementStatus.choices
    )

    class Meta:
        model = TeamMembership
        fields = []

    def keep(self, queryset, name, value):
        # The view hands the chosen charter to the selector.
        return queryset


def charter_report_charter(value) -> CharterPage | None:
    """The charter a request names (a valid choice), else the first one."""
    charters = report_charters()
    return charters.filter(pk=value).first() if value else charters.first()


__all__ = [
    "CHARTER_FIELDS",
    "AcknowledgementStatus",
    "CharterFilterSet",
    "acknowledgement_status",
    "charter_report_charter",
    "charter_rows",
    "pending_days",
    "report_charters",
]
