"""Admin screens for question files: Quizzes › Import, and the exports.

Views parse input, check the permission to add questions, call one service or
reader and render; the work is in ``quizzes.interchange`` (formats, preview)
and ``quizzes.services.interchange`` (saving).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from quizzes.interchange.base import InterchangeError
from quizzes.interchange.reading import max_megabytes, preview_table
from quizzes.interchange.registry import formats
from quizzes.interchange.writing import export_file
from quizzes.models import Question, QuestionBankImport, Quiz
from quizzes.services.interchange import (
    question_import_confirm,
    question_import_preview,
    question_import_upload,
)

IMPORTED = _(
    "%(created)s question(s) imported, %(matched)s already in the bank, "
    "%(refused)s left out."
)
ALREADY_IMPORTED = _("This file has already been imported.")
CHOOSE_QUIZ = _("Choose the quiz to add the questions to.")
NAME_NEW_QUIZ = _("Give the new quiz a title.")
EXPORT_SKIPPED = _("Left out of the file: %(names)s.")


def may_import(user) -> bool:
    """Question files may be imported by those who may add questions."""
    return policy_registry.get_by_type(Question).user_has_permission(user, "add")


class ImportUploadForm(forms.Form):
    """Step one: the file, and the language its questions are in."""

    file = forms.FileField(
        label=_("Question file"),
        help_text=_("GIFT (.gift, .txt) or Moodle XML (.xml), at most %(size)s MB."),
    )
    locale = forms.ModelChoiceField(
        Locale.objects.all(), label=_("Language of the questions"), empty_label=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text %= {"size": max_megabytes()}
        self.fields["locale"].initial = Locale.get_default()


class ImportConfirmForm(forms.Form):
    """Step two: where the questions go besides the bank."""

    DESTINATIONS = [
        ("bank", _("Only the question bank")),
        ("existing", _("An existing quiz (as a draft to publish)")),
        ("new", _("A new quiz (as a draft)")),
    ]
    destination = forms.ChoiceField(
        label=_("Add the questions to"),
        choices=DESTINATIONS,
        initial="bank",
        widget=forms.RadioSelect,
    )
    quiz = forms.ModelChoiceField(
        Quiz.objects.none(), label=_("Existing quiz"), required=False
    )
    new_quiz_title = forms.CharField(
        label=_("Title of the new quiz"), max_length=255, required=False
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quiz"].queryset = Quiz.objects.filter(locale=locale).order_by(
            "title"
        )

    def clean(self):
        data = super().clean()
        if data.get("destination") == "existing" and not data.get("quiz"):
            self.add_error("quiz", CHOOSE_QUIZ)
        if (
            data.get("destination") == "new"
            and not data.get("new_quiz_title", "").strip()
        ):
            self.add_error("new_quiz_title", NAME_NEW_QUIZ)
        return data


class ImportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class QuestionImportView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a question file; a readable one goes on to its preview."""

    template_name = "quizzes/admin/question_import.html"
    page_title = _("Import questions")
    header_icon = "upload"
    form_class = ImportUploadForm

    def form_valid(self, form):
        try:
            record, _preview = question_import_upload(
                user=self.request.user,
                upload=form.cleaned_data["file"],
                locale=form.cleaned_data["locale"],
            )
        except InterchangeError as error:
            form.add_error("file", error.message)
            return self.form_invalid(form)
        return redirect("quizzes_import_preview", token=record.token)


class QuestionImportPreviewView(
    ImportPermissionMixin, WagtailAdminTemplateMixin, FormView
):
    """Every question of the kept file, then the confirmation."""

    template_name = "quizzes/admin/question_import_preview.html"
    page_title = _("Check the import")
    header_icon = "upload"
    form_class = ImportConfirmForm

    @cached_property
    def record(self) -> QuestionBankImport:
        return get_object_or_404(
            QuestionBankImport, token=self.kwargs["token"], user=self.request.user
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "locale": self.record.locale}

    def get_context_data(self, **kwargs):
        try:
            preview = question_import_preview(record=self.record)
        except InterchangeError as error:  # the stored file is gone or changed
            raise Http404(error.message) from None
        return super().get_context_data(
            record=self.record, preview=preview, rows=preview_table(preview), **kwargs
        )

    def form_valid(self, form):
        if self.record.confirmed_at is not None:
            messages.info(self.request, ALREADY_IMPORTED)
            return redirect(Question.snippet_viewset.get_url_name("list"))
        data = form.cleaned_data
        try:
            record = question_import_confirm(
                record=self.record,
                user=self.request.user,
                quiz=data["quiz"] if data["destination"] == "existing" else None,
                new_quiz_title=data["new_quiz_title"]
                if data["destination"] == "new"
                else "",
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        result = record.result
        messages.success(
            self.request,
            IMPORTED
            % {
                "created": len(result["created"]),
                "matched": len(result["matched"]),
                "refused": result["refused"],
            },
        )
        if result.get("quiz"):
            return redirect(Quiz.snippet_viewset.get_url_name("edit"), result["quiz"])
        return redirect(Question.snippet_viewset.get_url_name("list"))


def download(request, file) -> HttpResponse:
    """The file as an attachment; what it left out is said on the next page."""
    if file.skipped:
        names = "; ".join(f"{name} ({reason})" for name, reason in file.skipped)
        messages.warning(request, EXPORT_SKIPPED % {"names": names})
    response = HttpResponse(file.content, content_type=file.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response


class QuizExportView(View):
    """A quiz's questions as a GIFT or Moodle XML download."""

    def get(self, request, pk, format_code):
        quiz = get_object_or_404(Quiz, pk=pk)
        policy = policy_registry.get_by_type(Quiz)
        if not policy.user_has_permission_for_instance(request.user, "change", quiz):
            raise PermissionDenied
        if format_code not in formats:
            raise Http404
        ids = list(
            quiz.quiz_questions.order_by("sort_order", "pk").values_list(
                "question_id", flat=True
            )
        )
        file = export_file(question_ids=ids, format_code=format_code, title=quiz.title)
        return download(request, file)


class ExportFormatForm(forms.Form):
    format_code = forms.ChoiceField(
        label=_("File format"),
        choices=[(entry.code, entry.label) for entry in formats],
        widget=forms.RadioSelect,
        initial="moodle_xml",
    )


class ExportQuestionsBulkAction(SnippetBulkAction):
    """Bulk action of the question listing: download the chosen questions."""

    display_name = _("Export")
    action_type = "export"
    aria_label = _("Export the selected questions to a file")
    template_name = "quizzes/admin/confirm_bulk_export.html"
    action_priority = 50
    form_class = ExportFormatForm
    models = [Question]

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission(self.request.user, "change")

    def form_valid(self, form):
        objects, _no_access = self.get_actionable_objects()
        file = export_file(
            question_ids=[obj.pk for obj in objects],
            format_code=form.cleaned_data["format_code"],
            title=str(_("questions")),
        )
        return download(self.request, file)

    @classmethod
    def execute_action(cls, objects, **kwargs):  # form_valid answers instead
        return len(objects), 0


def quiz_export_url(quiz, format_code: str) -> str:
    return reverse("quizzes_export_quiz", args=(quiz.pk, format_code))
