"""Report 1: the completion matrix, learners × assigned courses."""

from __future__ import annotations

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from lms.reports import selectors
from lms.reports.exports import ExportColumn, iterate
from lms.reports.filters import CompletionFilterSet
from lms.reports.views.base import RelaisReportView, TableColumn
from lms.teams.compliance import ComplianceStatus

INACTIVE_MARK = _("%(name)s (inactive)")


def learner_name(row: dict, prefix: str = "learner__") -> str:
    full = f"{row[prefix + 'first_name']} {row[prefix + 'last_name']}".strip()
    return full or row[prefix + "username"]


def exported_name(row: dict) -> str:
    """The learner's name in exports, marked when they left (inactive)."""
    name = learner_name(row)
    if row.get("learner__is_active", True):
        return name
    return str(INACTIVE_MARK % {"name": name})


def status_texts() -> dict[str, str]:
    """Status labels in the active language, with a slot for the percentage.

    Built once per export: translating on every row would cost more than
    writing the row.
    """
    with_percent = (
        selectors.CompletionStatus.IN_PROGRESS,
        selectors.CompletionStatus.OVERDUE,
    )
    return {
        status: (
            _("%(status)s (%(percent)s %%)") % {"status": label, "percent": "{}"}
            if status in with_percent
            else str(label)
        )
        for status, label in selectors.CompletionStatus.labels.items()
    }


def status_text(row: dict, texts: dict[str, str]) -> str:
    """The status as shown: "In progress (40 %)", or the plain label."""
    return texts[row["status"]].replace("{}", str(row["percent"]), 1)


class CompletionReportView(RelaisReportView):
    """Who has done which assigned course, who is late, and certificates held."""

    page_title = _("Completion matrix")
    header_icon = "table"
    results_template_name = "reports/completion_results.html"
    index_url_name = "reports:completion"
    index_results_url_name = "reports:completion_results"
    filterset_class = CompletionFilterSet
    export_filename = "completion-matrix"
    verbose_name_plural = _("assigned courses")
    orderings = {
        "learner": ("learner__last_name", "learner__first_name", "learner__username"),
        "course": ("course__title",),
        "due": ("due_on",),
        "status": ("status",),
        "compliance": ("compliance",),
        "progress": ("percent",),
        "score": ("quiz_score",),
        "completed": ("completed_at",),
        "certificate": ("certificate_state", "certificate_expires_at"),
    }
    table_columns = (
        TableColumn(_("Learner"), "learner"),
        TableColumn(_("Course"), "course"),
        TableColumn(_("Due date"), "due"),
        TableColumn(_("Status"), "status"),
        TableColumn(_("Compliance"), "compliance"),
        TableColumn(_("Progress"), "progress", numeric=True),
        TableColumn(_("Score kept"), "score", numeric=True),
        TableColumn(_("Completed"), "completed"),
        TableColumn(_("Certificate"), "certificate"),
    )

    @cached_property
    def steps(self):
        return selectors.course_steps()

    @cached_property
    def today(self):
        return timezone.localdate()

    def get_base_queryset(self):
        return selectors.completion_rows(
            user=self.request.user, today=self.today, steps=self.steps
        )

    def with_figures(self, row: dict) -> dict:
        figures = selectors.completion_figures(row, steps=self.steps, today=self.today)
        return {**row, **figures}

    def decorate_paginated_queryset(self, object_list):
        certificates = selectors.CertificateState.labels
        rows = [self.with_figures(row) for row in object_list]
        for row in rows:
            row["learner_name"] = learner_name(row)
            row["status_label"] = selectors.CompletionStatus.labels[row["status"]]
            row["certificate_label"] = certificates[row["certificate_state"]]
            row["compliance_label"] = ComplianceStatus.labels[row["compliance"]]
        return rows

    def export_rows(self, queryset):
        return (self.with_figures(row) for row in iterate(queryset))

    def export_columns(self):
        labels = {
            key: str(label) for key, label in selectors.CertificateState.labels.items()
        }
        texts = status_texts()
        compliance = {key: str(label) for key, label in ComplianceStatus.labels.items()}
        return [
            ExportColumn(_("Learner"), exported_name),
            ExportColumn(_("Username"), lambda r: r["learner__username"]),
            ExportColumn(_("Email"), lambda r: r["learner__email"]),
            ExportColumn(_("Course"), lambda r: r["course__title"]),
            ExportColumn(_("Due date"), lambda r: r["due_on"]),
            ExportColumn(_("Status"), lambda r: status_text(r, texts)),
            ExportColumn(_("Compliance"), lambda r: compliance[r["compliance"]]),
            ExportColumn(_("Progress (%)"), lambda r: r["percent"]),
            ExportColumn(_("Score kept (%)"), lambda r: r["quiz_score"]),
            ExportColumn(_("Completed at"), lambda r: r["completed_at"]),
            ExportColumn(_("Certificate"), lambda r: labels[r["certificate_state"]]),
            ExportColumn(
                _("Certificate expires at"), lambda r: r["certificate_expires_at"]
            ),
        ]
