"""The grading queue and the grading screen, in the Wagtail admin, for graders.

Both check ``lms.grading.access.can_grade`` first: a learner never reaches
them (the admin turns them away), a manager is refused. Opening the grading
screen claims the attempt for the grader (``attempt_grading_claim``, which
is idempotent for the holder, so reloading just renews the claim); another
grader's unexpired claim sends them back to the queue with who holds it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import BaseListingView, WagtailAdminTemplateMixin

from lms.grading import selectors
from lms.grading.access import can_grade
from lms.grading.filters import GradingQueueFilterSet
from lms.grading.forms import EssayGradeForm
from quizzes.errors import QuizError
from quizzes.question_types.essay import word_count
from quizzes.services import (
    GradingRejected,
    attempt_grading_claim,
    essay_grade,
)

ANSWER_GRADED = _("Answer graded.")
ATTEMPT_GRADED = _("Attempt graded: the learner has been told by email.")
ANONYMOUS_LEARNER = _("Anonymous learner (attempt %(id)s)")
BEING_GRADED_BY = _("Being graded by %(name)s")
WAITING = _("Waiting")


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _anonymous(request) -> bool:
    return request.GET.get("anonymous") in ("true", "1", "on")


class GradingQueueView(BaseListingView):
    """Quizzes › To grade: attempts awaiting grading, oldest first, filterable."""

    page_title = _("To grade")
    header_icon = "edit"
    template_name = "wagtailadmin/generic/listing.html"
    results_template_name = "wagtailadmin/generic/listing_results.html"
    index_url_name = "grading:queue"
    index_results_url_name = "grading:queue_results"
    filterset_class = GradingQueueFilterSet
    paginate_by = 50
    no_results_message = _("Nothing to grade.")

    def dispatch(self, request, *args, **kwargs):
        if not can_grade(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return selectors.grading_queue()

    def order_queryset(self, queryset):
        return queryset  # oldest first, always

    def _grade_url(self, attempt) -> str:
        url = reverse("grading:attempt", args=[attempt.pk])
        return f"{url}?{urlencode({'anonymous': 'true'})}" if self.anonymous else url

    @cached_property
    def anonymous(self) -> bool:
        return _anonymous(self.request)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "learner",
                label=_("Learner"),
                accessor=self._learner_label,
                get_url=self._grade_url,
            ),
            Column("quiz", label=_("Quiz")),
            DateColumn("submitted_at", label=_("Submitted")),
            Column("to_grade", label=_("Answers to grade")),
            Column("status", label=_("Status"), accessor=self._status),
        ]

    def _learner_label(self, attempt) -> str:
        if self.anonymous:
            return ANONYMOUS_LEARNER % {"id": attempt.pk}
        return _name(attempt.learner)

    def _status(self, attempt) -> str:
        holder = attempt.grading_lock_holder()
        return BEING_GRADED_BY % {"name": _name(holder)} if holder else WAITING


def grade_attempt(request, pk):
    """Claim the attempt and open its first answer awaiting a person."""
    if not can_grade(request.user):
        raise PermissionDenied
    attempt = selectors.attempt_to_grade(pk=pk)
    if attempt is None:
        raise Http404
    try:
        attempt_grading_claim(attempt=attempt, grader=request.user)
    except QuizError as error:
        messages.error(request, str(error.message))
        return redirect("grading:queue")
    answers = selectors.answers_to_grade(attempt=attempt)
    query = "?anonymous=true" if _anonymous(request) else ""
    return redirect(reverse("grading:answer", args=[answers[0].pk]) + query)


class GradeAnswerView(WagtailAdminTemplateMixin, TemplateView):
    """The grading screen of one answer: GET shows it (and claims), POST grades it.

    Shows the prompt, the answer and its word count, the rubric as one radio
    group per criterion, the model answer and the instructions for graders.
    """

    template_name = "grading/grade_answer.html"
    page_title = _("Grade an answer")
    header_icon = "edit"

    def dispatch(self, request, *args, **kwargs):
        if not can_grade(request.user):
            raise PermissionDenied
        self.row = selectors.answer_for_grading(pk=kwargs["pk"])
        if self.row is None or not self.row.needs_person:
            raise Http404
        self.anonymous = _anonymous(request)
        self.form = EssayGradeForm(
            request.POST if request.method == "POST" else None,
            rubric=self.row.served_question.rubric,
            initial={"sequence": self.row.attempt.sequence},
        )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        try:
            attempt_grading_claim(attempt=self.row.attempt, grader=request.user)
        except QuizError as error:
            messages.error(request, str(error.message))
            return redirect("grading:queue")
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.form.is_valid():
            return _grade(request, self.row, self.form)
        return self.render_to_response(self.get_context_data(), status=400)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("grading:queue"), "label": _("To grade")},
            {"url": "", "label": self.page_title},
        ]

    def get_page_subtitle(self):
        return self.row.attempt.quiz.title

    def get_context_data(self, **kwargs):
        row = self.row
        return {
            **super().get_context_data(**kwargs),
            "row": row,
            "attempt": row.attempt,
            "question": row.served_question,
            "form": self.form,
            "words": word_count(row.response),
            "learner_name": ANONYMOUS_LEARNER % {"id": row.attempt_id}
            if self.anonymous
            else _name(row.attempt.learner),
            "action_query": "?anonymous=true" if self.anonymous else "",
        }


def _grade(request, row, form):
    try:
        essay_grade(
            attempt_question=row,
            grader=request.user,
            levels=form.levels(),
            feedback=form.cleaned_data["feedback"],
            sequence=form.cleaned_data["sequence"],
        )
    except GradingRejected as error:
        messages.error(request, str(error.message))
        return redirect(request.get_full_path())
    except QuizError as error:
        messages.error(request, str(error.message))
        return redirect("grading:queue")
    remaining = selectors.answers_to_grade(attempt=row.attempt)
    query = "?anonymous=true" if _anonymous(request) else ""
    if remaining:
        messages.success(request, ANSWER_GRADED)
        return redirect(reverse("grading:answer", args=[remaining[0].pk]) + query)
    messages.success(request, ATTEMPT_GRADED)
    return redirect(reverse("grading:queue") + query)
