"""Report 5: the charter's acknowledgements, per team."""

from __future__ import annotations

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.ids import parse_id
from courses.selectors import charter_current_version
from lms.reports.charter import (
    AcknowledgementStatus,
    CharterFilterSet,
    charter_report_charter,
    charter_rows,
    pending_days,
)
from lms.reports.exports import ExportColumn
from lms.reports.views.base import RelaisReportView, TableColumn
from lms.teams.charters import charter_audience


def person_name(row: dict) -> str:
    full = f"{row['learner__first_name']} {row['learner__last_name']}".strip()
    return full or row["learner__username"]


class CharterReportView(RelaisReportView):
    """Per team: who acknowledged which version of the charter, when, who is pending."""

    page_title = _("Charter acknowledgements")
    header_icon = "doc-full"
    results_template_name = "reports/charter_results.html"
    index_url_name = "reports:charter"
    index_results_url_name = "reports:charter_results"
    filterset_class = CharterFilterSet
    export_filename = "charter-acknowledgements"
    verbose_name_plural = _("people")
    orderings = {
        "team": ("team__name", "learner__last_name", "learner__first_name"),
        "person": ("learner__last_name", "learner__first_name"),
        "version": ("acknowledged_number",),
        "acknowledged": ("acknowledged_at",),
        "status": ("status",),
    }
    table_columns = (
        TableColumn(_("Team"), "team"),
        TableColumn(_("Person"), "person"),
        TableColumn(_("Version acknowledged"), "version", numeric=True),
        TableColumn(_("Acknowledged on"), "acknowledged"),
        TableColumn(_("Status"), "status"),
        TableColumn(_("Days pending"), numeric=True),
    )

    @cached_property
    def charter(self):
        return charter_report_charter(parse_id(self.request.GET.get("charter")))

    @cached_property
    def current_version(self):
        if self.charter is None:
            return None
        return charter_current_version(translation_key=self.charter.translation_key)

    def get_base_queryset(self):
        return charter_rows(user=self.request.user, charter=self.charter)

    def _decorate(self, row: dict, now) -> dict:
        return {
            **row,
            "person": person_name(row),
            "status_label": AcknowledgementStatus.labels[row["status"]],
            "pending_days": pending_days(row, current=self.current_version, now=now),
        }

    def decorate_paginated_queryset(self, object_list):
        now = timezone.now()
        return [self._decorate(row, now) for row in object_list]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["charter"] = self.charter
        context["current_version"] = self.current_version
        context["for_chosen_teams"] = self.charter is not None and not (
            charter_audience(translation_key=self.charter.translation_key).everyone
        )
        return context

    def export_rows(self, queryset):
        now = timezone.now()
        return (self._decorate(row, now) for row in queryset)

    def export_columns(self):
        return [
            ExportColumn(_("Team"), lambda r: r["team__name"]),
            ExportColumn(_("Person"), lambda r: r["person"]),
            ExportColumn(_("Username"), lambda r: r["learner__username"]),
            ExportColumn(_("Email"), lambda r: r["learner__email"]),
            ExportColumn(_("Version acknowledged"), lambda r: r["acknowledged_number"]),
            ExportColumn(_("Acknowledged at"), lambda r: r["acknowledged_at"]),
            ExportColumn(_("Status"), lambda r: str(r["status_label"])),
            ExportColumn(_("Days pending"), lambda r: r["pending_days"]),
        ]
