"""Quiz authoring in the Wagtail admin: one "Quizzes" menu, one viewset per model.

* **Quizzes**: drafts, revisions, locking, preview; questions chosen and
  ordered in an InlinePanel; an "Attempts" listing with regrade per quiz.
* **All questions**: the base listing. Its edit and delete links go to each
  question's own view, and "Add question" first asks for the type.
* **One hidden viewset per question type**: the only place a question's type
  fields and rows (InlinePanel of choices, items, pairs) can be edited.
* **Extra time**: per-learner time accommodations.

See the README, "Authoring quizzes in the Wagtail admin", for why it is built this way.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import path, reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import Locale
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.converters import ID_CONVERTER
from quizzes.admin_forms import (
    QuestionAdminForm,
    QuestionFilterForm,
    QuickQuestionForm,
    QuizAdminForm,
)
from quizzes.admin_interchange import (
    ExportQuestionsBulkAction,
    QuestionImportPreviewView,
    QuestionImportView,
    QuizExportView,
    may_import,
    quiz_export_url,
)
from quizzes.admin_views import (
    AttemptRegradeView,
    QuestionDeleteRedirectView,
    QuestionEditRedirectView,
    QuestionTypeChooseView,
    QuizAttemptsView,
    question_url,
)
from quizzes.interchange.registry import formats
from quizzes.models import Question, Quiz, QuizAccommodation, question_types
from quizzes.services import (
    ACTION_CLAIM,
    ACTION_GRADE,
    ACTION_GRADED,
    ACTION_REGRADE,
    ACTION_START,
    ACTION_SUBMIT,
)
from quizzes.services.interchange import ACTION_QUESTION_IMPORT

ATTEMPTS_LABEL = _("Attempts")
EXPORT_LABEL = _("Export to %(format)s")
IMPORT_LABEL = _("Import")
QUIZ_HAS_ATTEMPTS = _(
    "“%(quiz)s” cannot be deleted: learners have attempted it, and their results "
    "must stay. Unpublish it instead."
)
QUESTION_IN_A_QUIZ = _(
    "“%(question)s” cannot be deleted while a quiz uses it. Remove it from the "
    "quiz first."
)


# --- Quizzes --------------------------------------------------------------------------


class QuizIndexView(snippet_views.IndexView):
    attempts_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            snippet_views.MenuItem(
                ATTEMPTS_LABEL,
                url=reverse(self.attempts_url_name, args=(quote(instance.pk),)),
                icon_name="history",
                priority=40,
            )
        )
        buttons += [
            snippet_views.MenuItem(
                EXPORT_LABEL % {"format": entry.label},
                url=quiz_export_url(instance, entry.code),
                icon_name="download",
                priority=50 + index,
            )
            for index, entry in enumerate(formats)
        ]
        return buttons


class QuizEditView(snippet_views.EditView):
    attempts_url_name = None

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                ATTEMPTS_LABEL,
                url=reverse(self.attempts_url_name, args=(quote(self.object.pk),)),
                icon_name="history",
                priority=40,
            ),
        ]


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "clipboard-list"
    pk_path_converter = ID_CONVERTER  # no 500 for a 25-digit pk (core.converters)
    menu_label = _("Quizzes")
    index_view_class = QuizIndexView
    edit_view_class = QuizEditView
    list_display = ["title", "pass_mark", UpdatedAtColumn()]
    list_per_page = 50
    in_group_menu = True

    def get_edit_handler(self):
        tabs = Quiz.edit_handler.children
        return TabbedInterface(tabs, base_form_class=QuizAdminForm).bind_to_model(Quiz)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            attempts_url_name=self.get_url_name("attempts"), **kwargs
        )

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            attempts_url_name=self.get_url_name("attempts"), **kwargs
        )

    @property
    def attempts_view(self):
        return QuizAttemptsView.as_view(
            index_url_name=self.get_url_name("list"),
            edit_url_name=self.get_url_name("edit"),
            regrade_url_name=self.get_url_name("regrade"),
            breadcrumbs_items=self.breadcrumbs_items,
        )

    @property
    def regrade_view(self):
        return AttemptRegradeView.as_view(
            attempts_url_name=self.get_url_name("attempts")
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("attempts/<id:pk>/", self.attempts_view, name="attempts"),
            path(
                "attempts/<id:pk>/regrade/<id:attempt_id>/",
                self.regrade_view,
                name="regrade",
            ),
        ]


# --- All questions (the polymorphic base) ---------------------------------------------


def _type_name(question) -> str:
    return capfirst(question._meta.verbose_name)


class QuestionIndexView(snippet_views.IndexView):
    """Lists every type together; links lead to each question's own views."""

    def _can(self, question, action) -> bool:
        policy = policy_registry.get_by_type(type(question))
        return policy.user_has_permission(self.request.user, action)

    def get_edit_url(self, instance):
        if self._can(instance, "change"):
            return question_url(instance, "edit")

    def get_delete_url(self, instance):
        if self._can(instance, "delete"):
            return question_url(instance, "delete")

    def get_copy_url(self, instance):
        return None


class QuestionChooseView(ChooseView):
    filter_form_class = QuestionFilterForm

    def get_creation_form_kwargs(self):
        kwargs = super().get_creation_form_kwargs()
        if locale := self.request.GET.get("locale"):
            kwargs["initial"] = {
                "locale": Locale.objects.filter(language_code=locale).first()
            }
        return kwargs


class QuestionChooseResultsView(ChooseResultsView):
    filter_form_class = QuestionFilterForm


class QuestionChooserViewSet(SnippetChooserViewSet):
    """The chooser used by quizzes; its "Create" tab makes a question of any type."""

    choose_view_class = QuestionChooseView
    choose_results_view_class = QuestionChooseResultsView
    creation_form_class = QuickQuestionForm
    creation_tab_label = _("Create a question")
    create_action_label = _("Create and choose")
    preserve_url_parameters = ["multiple", "locale"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    pk_path_converter = ID_CONVERTER
    menu_label = _("All questions")
    index_view_class = QuestionIndexView
    add_view_class = QuestionTypeChooseView
    edit_view_class = QuestionEditRedirectView
    delete_view_class = QuestionDeleteRedirectView
    chooser_viewset_class = QuestionChooserViewSet
    copy_view_enabled = False
    list_display = [
        "__str__",
        Column("type", label=_("Type"), accessor=_type_name),
        "points",
        UpdatedAtColumn(),
    ]
    search_fields = ["prompt"]
    search_backend_name = None
    list_per_page = 50
    in_group_menu = True

    def get_add_view_kwargs(self, **kwargs):
        return {
            "index_url_name": self.get_url_name("list"),
            "breadcrumbs_items": self.breadcrumbs_items,
        }


# --- One viewset per question type ----------------------------------------------------


class QuestionTypeCreateView(snippet_views.CreateView):
    def get_success_url(self):
        return reverse(Question.snippet_viewset.get_url_name("list"))


class QuestionTypeEditView(snippet_views.EditView):
    def get_success_url(self):
        return reverse(Question.snippet_viewset.get_url_name("list"))


class QuestionTypeViewSet(SnippetViewSet):
    """Base of the generated per-type viewsets (not in the menu).

    Copying is off: Wagtail's copy view would hand the copy the original's
    choice rows (their ids are in the copied formset).
    """

    pk_path_converter = ID_CONVERTER
    add_view_class = QuestionTypeCreateView
    edit_view_class = QuestionTypeEditView
    list_display = ["__str__", "points", UpdatedAtColumn()]
    copy_view_enabled = False
    in_group_menu = False

    def get_edit_handler(self):
        return ObjectList(
            self.model.panels, base_form_class=QuestionAdminForm
        ).bind_to_model(self.model)


def question_type_viewsets() -> list[type[SnippetViewSet]]:
    return [
        type(
            f"{model.__name__}ViewSet",
            (QuestionTypeViewSet,),
            {"model": model, "icon": model.admin_icon},
        )
        for model in question_types()
    ]


# --- Extra time -----------------------------------------------------------------------


class QuizAccommodationViewSet(SnippetViewSet):
    model = QuizAccommodation
    icon = "time"
    pk_path_converter = ID_CONVERTER
    menu_label = _("Extra time")
    list_display = ["learner", "quiz", "time_multiplier", "extra_minutes"]
    copy_view_enabled = False
    in_group_menu = True


#: Hook for apps above quizzes to add an item to the "Quizzes" menu.
QUIZZES_MENU_HOOK = "register_quizzes_menu_item"


class QuizzesViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Quizzes")
    menu_icon = "clipboard-list"
    menu_order = 250
    items = (
        QuizViewSet,
        QuestionViewSet,
        QuizAccommodationViewSet,
        *question_type_viewsets(),
    )

    def get_submenu_items(self):
        """The viewsets' items, then those apps above add with the
        ``register_quizzes_menu_item`` hook (e.g. lms.grading's "To grade")."""
        items = [
            registerable.get_menu_item(order=order)
            for order, registerable in enumerate(self.registerables, start=1)
            if getattr(registerable, "in_group_menu", True)
        ]
        items = [*items, ImportMenuItem(order=len(items) + 1)]
        return items + [hook() for hook in hooks.get_hooks(QUIZZES_MENU_HOOK)]


class ImportMenuItem(MenuItem):
    """Quizzes › Import, shown to those who may add questions."""

    def __init__(self, order):
        super().__init__(
            IMPORT_LABEL,
            reverse_lazy("quizzes_import"),
            name="quizzes-import",
            icon_name="upload",
            order=order,
        )

    def is_shown(self, request):
        return may_import(request.user)


register_snippet(QuizzesViewSetGroup)


@hooks.register("before_delete_snippet")
def protect_quizzes_and_questions_in_use(request, instances):
    """Refuse, with a message, deletions the database would refuse with an error.

    Covers the delete view and bulk deletion: a quiz with attempts (their
    history must stay) and a question still in a quiz.
    """
    blocked = [
        QUIZ_HAS_ATTEMPTS % {"quiz": instance}
        for instance in instances
        if isinstance(instance, Quiz) and instance.attempts.exists()
    ] + [
        QUESTION_IN_A_QUIZ % {"question": instance}
        for instance in instances
        if isinstance(instance, Question) and instance.quiz_uses.exists()
    ]
    if not blocked:
        return None
    for message in blocked:
        messages.error(request, message)
    model = Question if isinstance(instances[0], Question) else type(instances[0])
    return redirect(model.snippet_viewset.get_url_name("list"))


@hooks.register("register_admin_urls")
def register_interchange_urls():
    return [
        path("quizzes/import/", QuestionImportView.as_view(), name="quizzes_import"),
        path(
            "quizzes/import/<uuid:token>/",
            QuestionImportPreviewView.as_view(),
            name="quizzes_import_preview",
        ),
        path(
            "quizzes/export/<id:pk>/<slug:format_code>/",
            QuizExportView.as_view(),
            name="quizzes_export_quiz",
        ),
    ]


hooks.register("register_bulk_action", ExportQuestionsBulkAction)


@hooks.register("register_log_actions")
def register_quiz_log_actions(actions):
    actions.register_action(
        ACTION_QUESTION_IMPORT,
        _("Import question file"),
        _("Question file imported"),
    )
    actions.register_action(
        ACTION_START, _("Start quiz attempt"), _("Quiz attempt started")
    )
    actions.register_action(
        ACTION_SUBMIT, _("Submit quiz attempt"), _("Quiz attempt submitted")
    )

    actions.register_action(
        ACTION_CLAIM, _("Claim for grading"), _("Quiz attempt claimed for grading")
    )
    actions.register_action(ACTION_GRADE, _("Grade an answer"), _("Answer graded"))
    actions.register_action(
        ACTION_GRADED, _("Finish grading"), _("Quiz attempt graded")
    )

    @actions.register_action(ACTION_REGRADE)
    class RegradeFormatter(LogFormatter):
        label = _("Regrade quiz attempt")

        def format_message(self, log_entry):
            try:
                return _("Regraded: %(old)s %% → %(new)s %%") % {
                    "old": log_entry.data["old"]["score_percent"],
                    "new": log_entry.data["new"]["score_percent"],
                }
            except (KeyError, TypeError):
                return _("Regraded")
