"""Wagtail admin registration of the reports, and item analysis on question edits.

The four reports join Wagtail's own "Reports" menu; each item shows only to
the people the report admits. Managers find "Your teams" on the admin
dashboard, with each team's completion rate and overdue people. Trainers
find "Your courses and quizzes" there: drafts waiting to be published,
courses with their enrolments, and questions the item analysis flags. A trainer
editing a question that learners
have answered sees its figures at the top of the edit screen (a notice with
a link to the full analysis) and finds "Item analysis" in the action menu.
The quizzes app stays unaware of all this.
"""

from django.contrib.admin.utils import quote
from django.contrib.auth.models import AnonymousUser
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.action_menu import ActionMenuItem

from lms.grading.access import can_grade
from lms.grading.selectors import grading_queue
from lms.reports import urls as report_urls
from lms.reports.home import HOME_DRAFTS, course_overview, drafts_awaiting
from lms.reports.item_analysis import (
    MIN_ATTEMPTS_FOR_FLAGS,
    question_item_analysis,
    weak_questions,
)
from lms.reports.selectors import completion_rate, managed_team_overview
from lms.teams.access import can_view_all_reports, can_view_reports
from quizzes.models import Question


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("team-reports/", include(report_urls, namespace="reports"))]


class TeamReportMenuItem(MenuItem):
    """Shown to managers and trainers."""

    def is_shown(self, request):
        return can_view_reports(request.user)


class TrainerReportMenuItem(MenuItem):
    """Shown to trainers only."""

    def is_shown(self, request):
        return can_view_all_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_completion_menu_item():
    return TeamReportMenuItem(
        gettext_lazy("Completion matrix"),
        reverse("reports:completion"),
        name="relais-completion",
        icon_name="table",
        order=100,
    )


@hooks.register("register_reports_menu_item")
def register_team_summary_menu_item():
    return TeamReportMenuItem(
        gettext_lazy("Team summary"),
        reverse("reports:team_summary"),
        name="relais-team-summary",
        icon_name="group",
        order=110,
    )


@hooks.register("register_reports_menu_item")
def register_certificates_menu_item():
    return TeamReportMenuItem(
        gettext_lazy("Certificate register"),
        reverse("reports:certificates"),
        name="relais-certificates",
        icon_name="tick-inverse",
        order=120,
    )


@hooks.register("register_reports_menu_item")
def register_charter_menu_item():
    return TeamReportMenuItem(
        gettext_lazy("Charter acknowledgements"),
        reverse("reports:charter"),
        name="relais-charter",
        icon_name="doc-full",
        order=125,
    )


@hooks.register("register_reports_menu_item")
def register_item_analysis_menu_item():
    return TrainerReportMenuItem(
        gettext_lazy("Quiz item analysis"),
        reverse("reports:item_analysis"),
        name="relais-item-analysis",
        icon_name="help",
        order=130,
    )


@hooks.register("register_reports_menu_item")
def register_scenario_paths_menu_item():
    return TeamReportMenuItem(
        gettext_lazy("Scenario paths"),
        reverse("reports:scenario_paths"),
        name="relais-scenario-paths",
        icon_name="resubmit",
        order=140,
    )


@hooks.register("register_reports_menu_item")
def register_scenario_choices_menu_item():
    return TeamReportMenuItem(
        gettext_lazy("Scenario item analysis"),
        reverse("reports:scenario_choices"),
        name="relais-scenario-choices",
        icon_name="help",
        order=150,
    )


class ItemAnalysisMenuItem(ActionMenuItem):
    """ "Item analysis" in a question's action menu: a link, not an action."""

    name = "relais-item-analysis"
    label = gettext_lazy("Item analysis")
    icon_name = "table"
    order = 900

    def is_shown(self, context):
        user = getattr(context.get("request"), "user", AnonymousUser())
        return context.get("view") == "edit" and can_view_all_reports(user)

    def get_url(self, parent_context):
        return reverse(
            "reports:question_analysis", args=[parent_context["instance"].pk]
        )


@hooks.register("register_snippet_action_menu_item")
def register_item_analysis_action(model):
    if isinstance(model, type) and issubclass(model, Question):
        return ItemAnalysisMenuItem()
    return None


def item_analysis_notice(question) -> str | None:
    """One line per quiz: the question's figures, or None if never answered."""
    lines = []
    for quiz, item, analysis in question_item_analysis(question=question):
        discrimination = (
            f"{item.discrimination:.2f}" if item.discrimination is not None else "—"
        )
        line = _(
            "In “%(quiz)s” (%(attempts)s first attempts): facility %(facility)s %%, "
            "average mark %(mark)s %%, discrimination %(discrimination)s."
        ) % {
            "quiz": quiz.title,
            "attempts": analysis.attempts,
            "facility": round(item.facility * 100),
            "mark": round(item.average_mark * 100),
            "discrimination": discrimination,
        }
        if item.wrong_answer:
            line += " " + _("Most-chosen wrong answer: “%(answer)s” (%(count)s).") % {
                "answer": item.wrong_answer,
                "count": item.wrong_answer_count,
            }
        if item.flags:
            line += " " + _("Flagged: %(flags)s.") % {
                "flags": "; ".join(item.flag_labels)
            }
        lines.append(line)
    return " ".join(lines) or None


@hooks.register("before_edit_snippet")
def show_item_analysis_on_question_edit(request, instance):
    """Put the question's figures at the top of its edit screen (GET only)."""
    if request.method != "GET" or not isinstance(instance, Question):
        return None
    if not can_view_all_reports(request.user):
        return None
    notice = item_analysis_notice(instance)
    if notice:
        messages.info(
            request,
            _("Item analysis. %(figures)s") % {"figures": notice},
            buttons=[
                messages.button(
                    reverse("reports:question_analysis", args=[instance.pk]),
                    _("Full item analysis"),
                )
            ],
        )
    return None


class ManagedTeamsPanel(Component):
    """ "Your teams" on the admin dashboard: completion and overdue at a glance."""

    name = "relais_managed_teams"
    template_name = "reports/dashboard_panel.html"
    order = 50

    def __init__(self, rows: list[dict]):
        self.rows = rows

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        completion = reverse("reports:completion")
        context["rows"] = [
            {
                **row,
                "rate": completion_rate(row["completed"], row["assigned"]),
                "url": f"{completion}?team={row['team_id']}",
                "overdue_url": f"{completion}?team={row['team_id']}&status=overdue",
            }
            for row in self.rows
        ]
        return context


@hooks.register("construct_homepage_panels")
def add_managed_teams_panel(request, panels):
    if not can_view_reports(request.user):
        return
    rows = managed_team_overview(user=request.user)
    if rows:
        panels.append(ManagedTeamsPanel(rows))


class TrainerHomePanel(Component):
    """ "Your courses and quizzes" on a trainer's admin home.

    Drafts waiting to be published, every course with its enrolments and
    completion rate, and the questions the item analysis flags; each links to
    where the trainer acts on it. Managers do not get it: they neither author
    nor see item analysis, and "Your teams" is their view of completion.
    Queries: a fixed number (see ``lms.reports.home`` and ``weak_questions``).
    """

    name = "relais_trainer_home"
    template_name = "reports/trainer_home_panel.html"
    order = 40

    class Media:
        css = {"all": ["reports/reports.css"]}

    def __init__(self, *, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            to_grade=_attempts_to_grade(self.user),
            drafts=drafts_awaiting(user=self.user),
            drafts_limit=HOME_DRAFTS,
            courses=course_overview(user=self.user),
            weak_questions=[
                {"quiz": quiz, "item": item, "edit_url": _question_edit_url(item)}
                for quiz, item in weak_questions()
            ],
            min_attempts=MIN_ATTEMPTS_FOR_FLAGS,
            completion_url=reverse("reports:completion"),
            item_analysis_url=reverse("reports:item_analysis"),
        )
        return context


#: Attempts awaiting grading listed on the home panel (the queue has them all).
HOME_TO_GRADE = 5


def _attempts_to_grade(user) -> dict | None:
    """The oldest attempts awaiting grading, for graders only (two queries)."""
    if not can_grade(user):
        return None
    queue = grading_queue()
    return {
        "queue_url": reverse("grading:queue"),
        "count": queue.count(),
        "oldest": [
            {"attempt": attempt, "url": reverse("grading:attempt", args=[attempt.pk])}
            for attempt in queue[:HOME_TO_GRADE]
        ],
    }


def _question_edit_url(item) -> str:
    viewset = getattr(item.type_model, "snippet_viewset", None)
    if viewset is None:
        return ""
    return reverse(viewset.get_url_name("edit"), args=[quote(item.question_id)])


@hooks.register("construct_homepage_panels")
def add_trainer_home_panel(request, panels):
    if can_view_all_reports(request.user):
        panels.append(TrainerHomePanel(user=request.user))
