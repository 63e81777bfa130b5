"""Admin views that Wagtail's generic ones don't cover.

* the "Add question" type chooser, like Wagtail's "add page" type choice;
* redirects from the base "All questions" views to each question's own,
  type-specific views (InlinePanel cannot edit multi-table children from the
  base model: wagtail/wagtail#4202);
* the read-only attempts listing of a quiz, with a regrade action.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from core.ids import parse_small
from quizzes import selectors
from quizzes.models import Question, Quiz, QuizAttempt, question_types
from quizzes.services import AttemptNotSubmitted, attempt_regrade

REGRADED = _("Attempt %(number)s of %(learner)s regraded: %(old)s %% → %(new)s %%.")


def question_url(question: Question, view_name: str) -> str:
    """A question's own (type-specific) admin URL, e.g. its edit view."""
    viewset = type(question).snippet_viewset
    return reverse(viewset.get_url_name(view_name), args=(quote(question.pk),))


class QuestionTypeChooseView(WagtailAdminTemplateMixin, TemplateView):
    """Step one of "Add question": choose the type, each with a description."""

    template_name = "quizzes/admin/choose_question_type.html"
    page_title = _("Add a question")
    header_icon = "help"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.types = self.get_types()
        if not self.types:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_types(self) -> list[dict]:
        params = {
            key: self.request.GET[key]
            for key in ("locale", "next")
            if self.request.GET.get(key)
        }
        query = f"?{urlencode(params)}" if params else ""
        return [
            {
                "name": capfirst(model._meta.verbose_name),
                "description": model.type_description,
                "icon": model.admin_icon,
                "url": reverse(model.snippet_viewset.get_url_name("add")) + query,
            }
            for model in question_types()
            if policy_registry.get_by_type(model).user_has_permission(
                self.request.user, "add"
            )
        ]

    def get_breadcrumbs_items(self):
        items = [{"url": "", "label": self.page_title}]
        if self.index_url_name:
            items.insert(
                0,
                {
                    "url": reverse(self.index_url_name),
                    "label": capfirst(Question._meta.verbose_name_plural),
                },
            )
        return self.breadcrumbs_items + items

    def get_context_data(self, **kwargs):
        return super().get_context_data(question_types=self.types, **kwargs)


class SpecificQuestionRedirectView(View):
    """Send a base-question URL (edit, delete) to the question's own view."""

    target_view = "edit"

    def get(self, request, pk):
        question = get_object_or_404(Question, pk=pk)
        url = question_url(question, self.target_view)
        if request.META.get("QUERY_STRING"):
            url += "?" + request.META["QUERY_STRING"]
        return redirect(url)

    post = get


class QuestionEditRedirectView(SpecificQuestionRedirectView):
    target_view = "edit"


class QuestionDeleteRedirectView(SpecificQuestionRedirectView):
    target_view = "delete"


class QuizAdminMixin:
    """Loads the quiz from the URL and requires permission to change it."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.quiz = get_object_or_404(Quiz, pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(Quiz)
        if not policy.user_has_permission_for_instance(
            request.user, "change", self.quiz
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class QuizAttemptsView(QuizAdminMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every attempt at one quiz, read-only, with a regrade button each."""

    template_name = "quizzes/admin/quiz_attempts.html"
    page_title = _("Attempts")
    header_icon = "history"
    index_url_name = None
    edit_url_name = None
    regrade_url_name = None
    per_page = 50

    def get_page_subtitle(self):
        return str(self.quiz)

    def get_breadcrumbs_items(self):
        items = []
        if self.index_url_name:
            items.append(
                {
                    "url": reverse(self.index_url_name),
                    "label": capfirst(Quiz._meta.verbose_name_plural),
                }
            )
        if self.edit_url_name:
            items.append(
                {
                    "url": reverse(self.edit_url_name, args=(self.quiz.pk,)),
                    "label": str(self.quiz),
                }
            )
        items.append({"url": "", "label": self.page_title, "sublabel": str(self.quiz)})
        return self.breadcrumbs_items + items

    def get_context_data(self, **kwargs):
        paginator = Paginator(
            selectors.quiz_attempts_for_admin(quiz=self.quiz), self.per_page
        )
        page = paginator.get_page(parse_small(self.request.GET.get("p")))
        return super().get_context_data(
            quiz=self.quiz,
            attempts=page,
            regrade_url_name=self.regrade_url_name,
            **kwargs,
        )


class AttemptRegradeView(QuizAdminMixin, View):
    """POST only: regrade one submitted attempt with the questions' current keys."""

    http_method_names = ["post"]
    attempts_url_name = None

    def post(self, request, pk, attempt_id):
        attempt = get_object_or_404(QuizAttempt, pk=attempt_id, quiz=self.quiz)
        before = attempt.score_percent
        try:
            attempt = attempt_regrade(attempt=attempt, actor=request.user)
        except AttemptNotSubmitted as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                REGRADED
                % {
                    "number": attempt.number,
                    "learner": attempt.learner,
                    "old": before,
                    "new": attempt.score_percent,
                },
            )
        return redirect(
            get_valid_next_url_from_request(request)
            or reverse(self.attempts_url_name, args=(self.quiz.pk,))
        )
