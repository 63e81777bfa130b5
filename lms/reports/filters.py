"""Filters of the reports (django-filter), with choices limited to the user's scope.

The team choices are the teams the user may see, so a manager is never even
offered another team; a crafted team id is refused earlier, with 403, by
``RelaisReportView.check_team_parameters``.
"""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from core.filters import IdModelChoiceFilter
from courses.models import Certificate, CoursePage, Enrolment
from lms.reports.scenarios import scenarios_with_runs
from lms.reports.selectors import (
    EXPIRY_WINDOWS,
    CompletionStatus,
    assigned_courses,
    certificate_window_q,
    filter_by_teams,
    team_choices,
)
from lms.teams.compliance import ComplianceStatus
from quizzes.models import Quiz, QuizAttempt
from scenarios.models import ScenarioRun


def _teams(request):
    return team_choices(user=request.user)


class TeamFilter(IdModelChoiceFilter):
    """Rows whose learner belongs to the chosen team (membership, not history)."""

    def __init__(self, *args, learner_field: str = "learner", **kwargs):
        self.learner_field = learner_field
        kwargs.setdefault("label", _("Team"))
        kwargs.setdefault("queryset", _teams)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return filter_by_teams(
            qs, team_ids=[value.pk], learner_field=self.learner_field
        )


class PeopleChoice:
    """Choices of the "People" filter: who left (deactivated accounts) shows?"""

    INACTIVE = "inactive"
    ALL = "all"

    choices = [
        (INACTIVE, _("Inactive only (people who left)")),
        (ALL, _("Active and inactive")),
    ]


class ActivePeopleFilter(django_filters.ChoiceFilter):
    """Rows of active people by default; leavers on request.

    A manager follows the people in their teams now: leavers (deactivated
    accounts) would swell the "overdue" counts with courses nobody will
    finish. Their records are kept, and this filter shows them, marked
    inactive, on the screen and in its CSV and XLSX exports alike.
    """

    def __init__(self, *args, learner_field: str = "learner", **kwargs):
        self.learner_field = learner_field
        kwargs.setdefault("label", _("People"))
        kwargs.setdefault("choices", PeopleChoice.choices)
        kwargs.setdefault("empty_label", _("Active only"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        active = f"{self.learner_field}__is_active"
        if value == PeopleChoice.ALL:
            return qs
        return qs.filter(**{active: value != PeopleChoice.INACTIVE})


class CompletionFilterSet(WagtailFilterSet):
    """Team, course, status, compliance and due-date range of the completion matrix."""

    team = TeamFilter()
    course = IdModelChoiceFilter(
        label=_("Course"), queryset=lambda request: assigned_courses()
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CompletionStatus.choices
    )
    compliance = django_filters.ChoiceFilter(
        label=_("Compliance"), choices=ComplianceStatus.choices
    )
    due = django_filters.DateFromToRangeFilter(
        label=_("Due date"), field_name="due_on", widget=DateRangePickerWidget
    )
    people = ActivePeopleFilter()

    class Meta:
        model = Enrolment
        fields = []


class TeamSummaryFilterSet(WagtailFilterSet):
    """Team, course and due-date range of the team summary."""

    team = IdModelChoiceFilter(label=_("Team"), queryset=_teams, method="keep")
    course = IdModelChoiceFilter(
        label=_("Course"), queryset=lambda request: assigned_courses()
    )
    due = django_filters.DateFromToRangeFilter(
        label=_("Due date"), field_name="due_on", widget=DateRangePickerWidget
    )
    people = ActivePeopleFilter()

    class Meta:
        model = Enrolment
        fields = []

    def keep(self, queryset, name, value):
        # The selector joins the rows to teams; it applies the chosen team in
        # that same join (a second filter would join memberships twice).
        return queryset


class CertificateStatusChoice:
    """Choices of the certificate register's status filter."""

    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"

    @staticmethod
    def window(days: int) -> str:
        return f"expiring_{days}"


def _certificate_status_choices():
    choices = [(CertificateStatusChoice.VALID, _("Valid"))]
    choices += [
        (
            CertificateStatusChoice.window(days),
            _("Expiring in the next %(days)s days") % {"days": days},
        )
        for days in EXPIRY_WINDOWS
    ]
    choices += [
        (CertificateStatusChoice.EXPIRED, _("Expired")),
        (CertificateStatusChoice.REVOKED, _("Revoked")),
    ]
    return choices


class CertificateFilterSet(WagtailFilterSet):
    """Team, course and status (with expiry windows) of the certificate register."""

    team = TeamFilter()
    course = IdModelChoiceFilter(
        label=_("Course"),
        queryset=lambda request: CoursePage.objects.filter(
            pk__in=Certificate.objects.values("course_id")
        ).order_by("title"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=_certificate_status_choices, method="filter_status"
    )
    issued = django_filters.DateFromToRangeFilter(
        label=_("Issued"), field_name="issued_at__date", widget=DateRangePickerWidget
    )
    people = ActivePeopleFilter()

    class Meta:
        model = Certificate
        fields = []

    def filter_status(self, queryset, name, value):
        now = timezone.now()
        if value == CertificateStatusChoice.VALID:
            return queryset.filter(revoked_at__isnull=True).filter(
                Q(expires_at__isnull=True) | Q(expires_at__gt=now)
            )
        if value == CertificateStatusChoice.EXPIRED:
            return queryset.filter(revoked_at__isnull=True, expires_at__lte=now)
        if value == CertificateStatusChoice.REVOKED:
            return queryset.filter(revoked_at__isnull=False)
        for days in EXPIRY_WINDOWS:
            if value == CertificateStatusChoice.window(days):
                return queryset.filter(certificate_window_q(days, now=now))
        return queryset


def quizzes_with_attempts():
    """Quizzes someone has submitted, by title: the item analysis' choices."""
    return (
        Quiz.objects.filter(
            pk__in=QuizAttempt.objects.filter(submitted_at__isnull=False).values(
                "quiz_id"
            )
        )
        .select_related("locale")
        .order_by("title", "locale__language_code")
    )


class QuizChoiceFilterSet(WagtailFilterSet):
    """The quiz whose questions the item analysis examines."""

    quiz = IdModelChoiceFilter(
        label=_("Quiz"),
        queryset=lambda request: quizzes_with_attempts(),
        method="keep",
    )

    class Meta:
        model = QuizAttempt
        fields = []

    def keep(self, queryset, name, value):
        return queryset


class ScenarioFilterSet(WagtailFilterSet):
    """The scenario (required to see figures) and the team of the scenario reports."""

    scenario = IdModelChoiceFilter(
        label=_("Scenario"),
        queryset=lambda request: scenarios_with_runs(),
        method="keep",
    )
    team = IdModelChoiceFilter(label=_("Team"), queryset=_teams, method="keep")

    class Meta:
        model = ScenarioRun
        fields = []

    def keep(self, queryset, name, value):
        return queryset
