"""Report 2: the team summary, per team and course, with three charts."""

from __future__ import annotations

from django.utils import formats
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.reports import charts, selectors
from lms.reports.exports import ExportColumn
from lms.reports.filters import TeamSummaryFilterSet
from lms.reports.views.base import RelaisReportView, TableColumn


class TeamSummaryReportView(RelaisReportView):
    """Assigned, completed, rate, overdue and average score per team and course."""

    page_title = gettext_lazy("Team summary")
    header_icon = "group"
    results_template_name = "reports/team_summary_results.html"
    index_url_name = "reports:team_summary"
    index_results_url_name = "reports:team_summary_results"
    filterset_class = TeamSummaryFilterSet
    export_filename = "team-summary"
    verbose_name_plural = gettext_lazy("teams and courses")
    orderings = {
        "team": ("team_name", "course_title"),
        "course": ("course_title", "team_name"),
        "assigned": ("assigned",),
        "completed": ("completed",),
        "rate": ("rate",),
        "overdue": ("overdue",),
        "current": ("compliance_current",),
        "due_soon": ("compliance_due_soon",),
        "never_done": ("compliance_never_done",),
        "score": ("average_score",),
    }
    table_columns = (
        TableColumn(gettext_lazy("Team"), "team"),
        TableColumn(gettext_lazy("Course"), "course"),
        TableColumn(gettext_lazy("Assigned"), "assigned", numeric=True),
        TableColumn(gettext_lazy("Completed"), "completed", numeric=True),
        TableColumn(gettext_lazy("Completion rate"), "rate", numeric=True),
        TableColumn(gettext_lazy("Overdue"), "overdue", numeric=True),
        TableColumn(gettext_lazy("Current"), "current", numeric=True),
        TableColumn(gettext_lazy("Due soon"), "due_soon", numeric=True),
        TableColumn(gettext_lazy("Never done"), "never_done", numeric=True),
        TableColumn(gettext_lazy("Average final score"), "score", numeric=True),
    )
    tie_breaker = ("team_id", "course_pk")

    @property
    def chosen_team(self):
        if self.filters is not None and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("team")
        return None

    def get_base_queryset(self):
        return selectors.team_summary_rows(
            user=self.request.user, team=self.chosen_team
        )

    def get_queryset(self):
        # At most teams × courses rows: evaluated once, they give the page
        # (paginated in memory, so no separate COUNT over the aggregate) and
        # the per-team chart.
        return self.rows

    @cached_property
    def rows(self) -> list[dict]:
        return list(super().get_queryset())

    def chart_enrolments(self, queryset):
        """The same filters as the table, on enrolments instead of rows."""
        if self.filters is None or not self.filters.is_valid():
            return queryset.none()
        return self.filters.filter_queryset(queryset)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        user = self.request.user
        rates, total_teams = selectors.team_completion_rates(self.rows)
        enrolments = self.chart_enrolments(
            selectors.scoped_enrolments(user=user, team=self.chosen_team)
        )
        months = selectors.completions_by_month(enrolments)
        compliance = selectors.compliance_by_month(enrolments)
        context.update(
            team_rates=rates,
            total_teams=total_teams,
            rates_are_partial=total_teams > len(rates),
            months=months,
            rate_chart=self.rate_chart(rates, total_teams),
            month_chart=self.month_chart(months),
            compliance_months=compliance,
            compliance_chart=self.compliance_chart(compliance),
        )
        return context

    def compliance_chart(self, months):
        current, overdue = _("Current"), _("Overdue")
        description = "; ".join(
            _("%(month)s: %(current)s %% current, %(overdue)s %% overdue")
            % {
                "month": formats.date_format(point.month, "YEAR_MONTH_FORMAT"),
                "current": point.current_share,
                "overdue": point.overdue_share,
            }
            for point in months
        )
        return charts.grouped_column_chart(
            ident="relais-compliance-chart",
            title=_("Compliance at each month's end, last 12 months"),
            description=description,
            series=[current, overdue],
            groups=[
                charts.Group(
                    formats.date_format(point.month, "M"),
                    [
                        charts.Datum(
                            current, point.current_share, f"{point.current_share} %"
                        ),
                        charts.Datum(
                            overdue, point.overdue_share, f"{point.overdue_share} %"
                        ),
                    ],
                )
                for point in months
            ],
        )

    def rate_chart(self, rates, total_teams):
        if not rates:
            return ""
        title = _("Completion rate per team")
        if total_teams > len(rates):
            title = _("Completion rate of the %(count)s teams with the lowest rate") % {
                "count": len(rates)
            }
        description = "; ".join(
            _("%(team)s: %(rate)s %% (%(completed)s of %(assigned)s)")
            % {
                "team": rate.team,
                "rate": rate.rate,
                "completed": rate.completed,
                "assigned": rate.assigned,
            }
            for rate in rates
        )
        return charts.horizontal_bar_chart(
            ident="relais-rate-chart",
            title=title,
            description=description,
            data=[
                charts.Datum(rate.team, rate.rate, f"{rate.rate} %") for rate in rates
            ],
        )

    def month_chart(self, months):
        description = "; ".join(
            _("%(month)s: %(count)s")
            % {
                "month": formats.date_format(point.month, "YEAR_MONTH_FORMAT"),
                "count": point.count,
            }
            for point in months
        )
        return charts.column_chart(
            ident="relais-month-chart",
            title=_("Completions per month, last 12 months"),
            description=description,
            data=[
                charts.Datum(
                    formats.date_format(point.month, "M"),
                    point.count,
                    str(point.count),
                )
                for point in months
            ],
        )

    def export_columns(self):
        return [
            ExportColumn(gettext_lazy("Team"), lambda r: r["team_name"]),
            ExportColumn(gettext_lazy("Course"), lambda r: r["course_title"]),
            ExportColumn(gettext_lazy("Assigned"), lambda r: r["assigned"]),
            ExportColumn(gettext_lazy("Completed"), lambda r: r["completed"]),
            ExportColumn(gettext_lazy("Completion rate (%)"), lambda r: r["rate"]),
            ExportColumn(gettext_lazy("Overdue"), lambda r: r["overdue"]),
            ExportColumn(gettext_lazy("Current"), lambda r: r["compliance_current"]),
            ExportColumn(gettext_lazy("Due soon"), lambda r: r["compliance_due_soon"]),
            ExportColumn(
                gettext_lazy("Never done"), lambda r: r["compliance_never_done"]
            ),
            ExportColumn(
                gettext_lazy("Average final score (%)"),
                lambda r: (
                    round(r["average_score"], 1)
                    if r["average_score"] is not None
                    else None
                ),
            ),
        ]
