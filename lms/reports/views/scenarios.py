"""Reports 5 and 6: a scenario's paths and endings per team, and its item analysis."""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from lms.reports.exports import ExportColumn
from lms.reports.filters import ScenarioFilterSet
from lms.reports.scenarios import scenario_choice_rows, scenario_path_rows
from lms.reports.views.base import RelaisReportView, TableColumn

CHOOSE_A_SCENARIO = _("Choose a scenario in the filters to see its figures.")
NO_RUNS = _("Nobody in these teams has finished this scenario yet.")


class ScenarioReportView(RelaisReportView):
    """What both scenario reports share: the scenario and team filters."""

    filterset_class = ScenarioFilterSet
    orderings = {}

    def _chosen(self, name):
        if self.filters is not None and self.filters.is_valid():
            return self.filters.form.cleaned_data.get(name)
        return None

    @cached_property
    def scenario(self):
        return self._chosen("scenario")

    @cached_property
    def team(self):
        return self._chosen("team")

    def filter_queryset(self, queryset):
        return queryset  # the filters choose what is computed, not rows

    @cached_property
    def no_results_message(self):
        return CHOOSE_A_SCENARIO if self.scenario is None else NO_RUNS


class ScenarioPathsView(ScenarioReportView):
    """How often each ending and each whole path was taken, per team."""

    page_title = _("Scenario paths")
    header_icon = "resubmit"
    results_template_name = "reports/scenario_paths_results.html"
    index_url_name = "reports:scenario_paths"
    index_results_url_name = "reports:scenario_paths_results"
    export_filename = "scenario-paths"
    verbose_name_plural = _("paths and endings")
    table_columns = (
        TableColumn(_("Team")),
        TableColumn(_("Ending or path")),
        TableColumn(_("Situations")),
        TableColumn(_("Runs"), numeric=True),
        TableColumn(_("Share of the team's runs"), numeric=True),
    )

    def get_base_queryset(self):
        if self.scenario is None:
            return []
        return scenario_path_rows(
            user=self.request.user, scenario=self.scenario, team=self.team
        )

    def export_columns(self):
        return [
            ExportColumn(_("Team"), lambda r: r.team),
            ExportColumn(_("Ending or path"), lambda r: r.kind),
            ExportColumn(_("Situations"), lambda r: r.label),
            ExportColumn(_("Runs"), lambda r: r.runs),
            ExportColumn(_("Share of the team's runs (%)"), lambda r: r.share),
        ]


class ScenarioChoicesView(ScenarioReportView):
    """Which choice the weakest learners (lower group by score) take, per situation."""

    page_title = _("Scenario item analysis")
    header_icon = "help"
    results_template_name = "reports/scenario_choices_results.html"
    index_url_name = "reports:scenario_choices"
    index_results_url_name = "reports:scenario_choices_results"
    export_filename = "scenario-item-analysis"
    verbose_name_plural = _("choices")
    table_columns = (
        TableColumn(_("Situation")),
        TableColumn(_("Choice")),
        TableColumn(_("Points"), numeric=True),
        TableColumn(_("Lower group"), numeric=True),
        TableColumn(_("Upper group"), numeric=True),
        TableColumn(_("Everyone"), numeric=True),
    )

    @cached_property
    def analysis(self):
        if self.scenario is None:
            return [], 0
        return scenario_choice_rows(
            user=self.request.user, scenario=self.scenario, team=self.team
        )

    def get_base_queryset(self):
        rows, _size = self.analysis
        return rows if any(row.everyone for row in rows) else []

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["group_size"] = self.analysis[1]
        return context

    def export_columns(self):
        return [
            ExportColumn(_("Situation"), lambda r: r.situation),
            ExportColumn(_("Choice"), lambda r: r.choice),
            ExportColumn(_("Points"), lambda r: r.points),
            ExportColumn(_("Lower group"), lambda r: r.lower),
            ExportColumn(
                _("Lower group reaching the situation"), lambda r: r.lower_reached
            ),
            ExportColumn(_("Upper group"), lambda r: r.upper),
            ExportColumn(
                _("Upper group reaching the situation"), lambda r: r.upper_reached
            ),
            ExportColumn(_("Everyone"), lambda r: r.everyone),
        ]
