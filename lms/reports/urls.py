"""Admin URLs of the reports (registered under /admin/team-reports/).

Each report has its page and the results fragment Wagtail refreshes when
filters change; both answer ``?export=csv`` and ``?export=xlsx``.
"""

from django.urls import path

from lms.reports import views

app_name = "reports"


def report(route: str, view, name: str) -> list:
    return [
        path(route, view.as_view(), name=name),
        path(
            f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"
        ),
    ]


urlpatterns = [
    *report("completion/", views.CompletionReportView, "completion"),
    *report("teams/", views.TeamSummaryReportView, "team_summary"),
    *report("items/", views.ItemAnalysisView, "item_analysis"),
    *report("certificates/", views.CertificateRegisterView, "certificates"),
    *report("charter/", views.CharterReportView, "charter"),
    *report("scenario-paths/", views.ScenarioPathsView, "scenario_paths"),
    *report("scenario-choices/", views.ScenarioChoicesView, "scenario_choices"),
    path(
        "items/question/<id:pk>/",
        views.QuestionAnalysisView.as_view(),
        name="question_analysis",
    ),
]
