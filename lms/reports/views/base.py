"""What every Relais report view shares: access, scope, sorting and exports.

Reports are Wagtail ``ReportView`` subclasses, so they get the admin's
header, filter drawer, active-filter chips, pagination and export buttons.
This base adds what Relais needs on top:

* access: only people with a reports permission get in (others are turned
  away as Wagtail does: login for non-admins, the dashboard with an error
  otherwise), and a ``team`` parameter naming a team outside the user's
  scope gets a 403 before any report query runs, on the page, its results
  fragment and its exports alike (the same answer for another manager's
  team and for an id that does not exist);
* invalid filters give an empty result, never the unfiltered scope;
* sorting by named keys (``?ordering=-due``) mapped to stable SQL orderings;
* exports streamed by :mod:`lms.reports.exports` from the very queryset the
  page shows (same scope, same filters, same ordering), never paginated.

Subclasses set ``orderings``, ``table_columns``, ``export_columns()`` and the
usual ReportView attributes, and override ``get_base_queryset()`` to call
their selector.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from core.ids import parse_id, parse_small
from lms.reports import exports
from lms.teams.access import can_view_reports
from lms.teams.selectors import teams_visible_to

TEAM_NOT_IN_SCOPE = _("You can only see the reports of the teams you manage.")


@dataclass(frozen=True)
class TableColumn:
    """One column header of a report's table (``reports/includes/table.html``).

    ``key`` is the ``orderings`` key the header's link sorts by; a column
    without one is not sortable. Numeric columns are right-aligned.
    """

    label: str
    key: str = ""
    numeric: bool = False


class RelaisReportView(ReportView):
    """Base of the four reports; see the module docstring."""

    template_name = "reports/report.html"
    #: sort key → ORM ordering; the first key is the default.
    orderings: dict[str, tuple[str, ...]] = {}
    #: the table's column headers, in order (see ``TableColumn``)
    table_columns: tuple[TableColumn, ...] = ()
    default_sort = ""
    #: prefix of the exported file names
    export_filename = "relais-report"
    show_export_buttons = True
    #: appended to every ordering so pages never overlap
    tie_breaker: tuple[str, ...] = ("pk",)
    #: GET parameters that name teams and must stay within the user's scope
    team_parameters = ("team",)

    def user_may_view(self, user) -> bool:
        return can_view_reports(user)

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_view(request.user):
            raise PermissionDenied
        if not self.team_parameters_in_scope(request):
            return self.team_not_in_scope(request)
        return super().dispatch(request, *args, **kwargs)

    def team_parameters_in_scope(self, request) -> bool:
        """False when any team id asked for is one the user may not see."""
        values = [
            value
            for name in self.team_parameters
            for value in request.GET.getlist(name)
        ]
        # An empty value is "any team"; anything else must be a plain id
        # ("١٢", " 1", "+1" and 30-digit numbers are refused, not guessed at).
        requested = {parse_id(value) for value in values if value != ""}
        if not requested:
            return True
        if None in requested:
            return False
        visible = teams_visible_to(user=request.user).filter(pk__in=requested).count()
        return visible == len(requested)

    def team_not_in_scope(self, request):
        # A response, not an exception: Wagtail turns PermissionDenied into a
        # redirect, and Django's LocaleMiddleware turns a 404 into one too.
        return TemplateResponse(
            request,
            "reports/team_not_in_scope.html",
            {"message": TEAM_NOT_IN_SCOPE, "home_url": reverse("wagtailadmin_home")},
            status=403,
        )

    # -- Filtering -----------------------------------------------------------------

    def get_paginate_by(self, queryset):
        if self.is_export:
            return None
        return settings.RELAIS_REPORT_PAGE_SIZE

    def paginate_queryset(self, queryset, page_size):
        # Wagtail's get_page() would read "١٢" as page 12; a page number that
        # is not a plain one is page 1.
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        page = paginator.get_page(parse_small(self.request.GET.get(self.page_kwarg)))
        return (paginator, page, page.object_list, page.has_other_pages())

    def get_filtered_queryset(self):
        # ``get_queryset()`` already filters; ReportView would filter twice.
        return self.get_queryset()

    def filter_queryset(self, queryset):
        if self.filters is not None and not self.filters.is_valid():
            return queryset.none()
        return super().filter_queryset(queryset)

    # -- Sorting -------------------------------------------------------------------

    def get_valid_orderings(self):
        return [key for name in self.orderings for key in (name, f"-{name}")]

    def get_ordering(self):
        ordering = self.request.GET.get("ordering", "")
        if ordering not in self.get_valid_orderings():
            ordering = self.default_sort or next(iter(self.orderings), "")
        return ordering

    def order_queryset(self, queryset):
        if not self.ordering:
            return queryset
        descending = self.ordering.startswith("-")
        fields = self.orderings[self.ordering.lstrip("-")]
        if descending:
            fields = tuple(
                field[1:] if field.startswith("-") else f"-{field}" for field in fields
            )
        ties = tuple(f"-{field}" if descending else field for field in self.tie_breaker)
        return queryset.order_by(*fields, *ties)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["sort"] = self.ordering
        context["columns"] = self.table_columns
        return context

    # -- Exports ----------------------------------------------------------------------

    def export_columns(self) -> list[exports.ExportColumn]:
        raise NotImplementedError

    def export_rows(self, queryset):
        """Rows to export; the filtered, ordered queryset itself by default."""
        return queryset

    @cached_property
    def export_title(self) -> str:
        return str(self.get_page_title())

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # Straight to the file: building the page context would load
            # every row into memory to count them.
            return self.as_spreadsheet(
                self.get_filtered_queryset(), request.GET.get("export")
            )
        return super().get(request, *args, **kwargs)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rows = self.export_rows(queryset)
        if spreadsheet_format == self.FORMAT_CSV:
            return exports.csv_response(
                rows=rows, columns=self.export_columns(), filename=self.export_filename
            )
        return exports.xlsx_response(
            rows=rows,
            columns=self.export_columns(),
            filename=self.export_filename,
            title=self.export_title,
        )
