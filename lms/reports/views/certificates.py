"""Report 4: the certificate register."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.reports import selectors
from lms.reports.exports import ExportColumn
from lms.reports.filters import CertificateFilterSet
from lms.reports.views.base import RelaisReportView, TableColumn
from lms.reports.views.completion import INACTIVE_MARK


def days_left(row: dict, now) -> int | None:
    if row["state"] not in (
        selectors.CertificateState.VALID,
        selectors.CertificateState.EXPIRING,
    ):
        return None
    if row["expires_at"] is None:
        return None
    return (row["expires_at"] - now).days


class CertificateRegisterView(RelaisReportView):
    """Certificates of the user's people: valid, expiring, expired, revoked."""

    page_title = _("Certificate register")
    header_icon = "tick-inverse"
    results_template_name = "reports/certificate_results.html"
    index_url_name = "reports:certificates"
    index_results_url_name = "reports:certificates_results"
    filterset_class = CertificateFilterSet
    export_filename = "certificate-register"
    verbose_name_plural = _("certificates")
    orderings = {
        "expires": ("expires_at",),
        "holder": ("holder_name",),
        "course": ("course_title",),
        "issued": ("issued_at",),
        "status": ("state",),
    }
    table_columns = (
        TableColumn(_("Holder"), "holder"),
        TableColumn(_("Course"), "course"),
        TableColumn(_("Issued"), "issued"),
        TableColumn(_("Expires"), "expires"),
        TableColumn(_("Status"), "status"),
        TableColumn(_("Days left"), numeric=True),
    )

    def get_base_queryset(self):
        return selectors.certificate_rows(user=self.request.user)

    def decorate_paginated_queryset(self, object_list):
        now = timezone.now()
        labels = selectors.CertificateState.labels
        return [
            {
                **row,
                "state_label": labels[row["state"]],
                "days_left": days_left(row, now),
            }
            for row in object_list
        ]

    def export_columns(self):
        labels = {
            key: str(label) for key, label in selectors.CertificateState.labels.items()
        }
        now = timezone.now()
        return [
            ExportColumn(
                _("Holder"),
                lambda r: (
                    r["holder_name"]
                    if r["learner__is_active"]
                    else str(INACTIVE_MARK % {"name": r["holder_name"]})
                ),
            ),
            ExportColumn(_("Email"), lambda r: r["learner__email"]),
            ExportColumn(_("Course"), lambda r: r["course_title"]),
            ExportColumn(_("Completed on"), lambda r: r["completed_on"]),
            ExportColumn(_("Issued at"), lambda r: r["issued_at"]),
            ExportColumn(_("Expires at"), lambda r: r["expires_at"]),
            ExportColumn(_("Days left"), lambda r: days_left(r, now)),
            ExportColumn(_("Status"), lambda r: labels[r["state"]]),
            ExportColumn(_("Revoked at"), lambda r: r["revoked_at"]),
            ExportColumn(_("Score (%)"), lambda r: r["score_percent"]),
        ]
