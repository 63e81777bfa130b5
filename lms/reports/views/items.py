"""Report 3: quiz item analysis, for trainers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from lms.reports.exports import ExportColumn
from lms.reports.filters import QuizChoiceFilterSet
from lms.reports.item_analysis import (
    MIN_ATTEMPTS_FOR_FLAGS,
    question_item_analysis,
    quiz_item_analysis,
)
from lms.reports.views.base import RelaisReportView, TableColumn
from lms.teams.access import can_view_all_reports
from quizzes.models import Question


class ItemAnalysisView(RelaisReportView):
    """Per question of the chosen quiz: facility, mark, discrimination, wrong answer."""

    page_title = _("Quiz item analysis")
    header_icon = "help"
    results_template_name = "reports/item_analysis_results.html"
    index_url_name = "reports:item_analysis"
    index_results_url_name = "reports:item_analysis_results"
    filterset_class = QuizChoiceFilterSet
    export_filename = "item-analysis"
    verbose_name_plural = _("questions")
    team_parameters = ()
    orderings = {
        "position": ("position",),
        "facility": ("facility",),
        "mark": ("average_mark",),
        "discrimination": ("discrimination",),
        "responses": ("responses",),
    }
    table_columns = (
        TableColumn(_("No."), "position", numeric=True),
        TableColumn(_("Question")),
        TableColumn(_("Responses"), "responses", numeric=True),
        TableColumn(_("Facility"), "facility", numeric=True),
        TableColumn(_("Average mark"), "mark", numeric=True),
        TableColumn(_("Discrimination"), "discrimination", numeric=True),
        TableColumn(_("Most-chosen wrong answer")),
        TableColumn(_("Flags")),
    )

    def user_may_view(self, user) -> bool:
        return can_view_all_reports(user)

    @cached_property
    def quiz(self):
        if self.filters is not None and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("quiz")
        return None

    @cached_property
    def analysis(self):
        return quiz_item_analysis(quiz=self.quiz) if self.quiz else None

    def get_base_queryset(self):
        return list(self.analysis.items) if self.analysis else []

    def filter_queryset(self, queryset):
        return queryset  # the quiz filter chooses the analysis, not rows

    def order_queryset(self, queryset):
        if not self.ordering or not isinstance(queryset, list):
            return queryset
        key = self.orderings[self.ordering.lstrip("-")][0]
        missing = float("-inf")
        return sorted(
            queryset,
            key=lambda item: (
                getattr(item, key) if getattr(item, key) is not None else missing,
                item.position,
            ),
            reverse=self.ordering.startswith("-"),
        )

    @cached_property
    def no_results_message(self):
        if self.quiz is None:
            return _("Choose a quiz in the filters to see its questions' figures.")
        return _("Nobody has submitted this quiz yet.")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["analysis"] = self.analysis
        return context

    def export_columns(self):
        return [
            ExportColumn(_("Position"), lambda i: i.position),
            ExportColumn(_("Question"), lambda i: i.label),
            ExportColumn(_("Type"), lambda i: i.type_label),
            ExportColumn(_("Responses"), lambda i: i.responses),
            ExportColumn(_("Facility"), lambda i: round(i.facility, 3)),
            ExportColumn(_("Average mark"), lambda i: round(i.average_mark, 3)),
            ExportColumn(_("Average points"), lambda i: round(i.average_points, 2)),
            ExportColumn(_("Points"), lambda i: i.max_points),
            ExportColumn(
                _("Discrimination index"),
                lambda i: (
                    round(i.discrimination, 3) if i.discrimination is not None else None
                ),
            ),
            ExportColumn(_("Most-chosen wrong answer"), lambda i: i.wrong_answer),
            ExportColumn(_("Chosen by"), lambda i: i.wrong_answer_count or None),
            ExportColumn(_("Flags"), lambda i: "; ".join(i.flag_labels)),
            ExportColumn(
                _("Answers: right (✓), upper / lower group / everyone"),
                lambda i: i.options.as_text() if i.options else None,
            ),
        ]


class QuestionAnalysisView(WagtailAdminTemplateMixin, TemplateView):
    """One question's figures in every quiz it was answered in.

    Linked from the question's edit screen (action menu and summary notice).
    """

    template_name = "reports/question_analysis.html"
    page_title = _("Item analysis")
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_all_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def question(self):
        return get_object_or_404(
            Question.objects.non_polymorphic(), pk=self.kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.question)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("reports:item_analysis"), "label": _("Quiz item analysis")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["question"] = self.question
        context["results"] = question_item_analysis(question=self.question)
        context["min_attempts"] = MIN_ATTEMPTS_FOR_FLAGS
        return context
