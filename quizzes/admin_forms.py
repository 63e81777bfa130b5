"""Forms of the Wagtail admin: question and quiz editing rules, quick creation.

Model imports stay inside functions: the admin edit handlers import these
forms while models are still loading. Per-type work goes through the
question-type registry.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.models import Locale

# The registry module imports no model, so it is safe here; its entries are
# filled in as the type modules load, before any form is used.
from quizzes.question_types import registry
from quizzes.services import question_create_from_data

QUESTION_USED_TWICE = _("“%(question)s” is in this quiz twice.")
QUESTION_OTHER_LANGUAGE = _(
    "“%(question)s” is in another language than the quiz. Choose its translation."
)
DRAW_COUNT_TOO_HIGH = _("The quiz has only %(count)s questions to draw from.")
QUICK_EMPTY = _("Give the answers, one per line.")

QUICK_ANSWERS_HELP = _(
    "One per line. Single choice and multiple response: one choice per line, "
    "start right answers with *. True/false: true or false. Short text: each "
    "accepted answer. Numeric: the number, e.g. 20 ± 0.5. Ordering: the items "
    "in the right order. Matching: left = right. Refine the question, add "
    "feedback and more, from its own edit page afterwards."
)


def _kept_rows(formset) -> list:
    """Rows a child formset is about to save: not deleted, not blank extras."""
    rows = []
    for form in formset.forms:
        if formset.can_delete and formset._should_delete_form(form):
            continue
        if form.instance.pk is None and not form.has_changed():
            continue
        rows.append(form.instance)
    return rows


class QuestionAdminForm(WagtailAdminModelForm):
    """Checks a question type's rules across its rows, e.g. "one right answer"."""

    def is_valid(self):
        if not super().is_valid():
            return False
        model = self._meta.model
        rows = {
            name: _kept_rows(self.formsets[name])
            for name in model.child_relation_names()
            if name in self.formsets
        }
        errors = model.validate_rows(self.instance, rows)
        for error in errors:
            self.add_error(None, error)
        return not errors


class QuizAdminForm(WagtailAdminModelForm):
    """Checks the quiz's question list: no repeats, one language, enough to draw."""

    def is_valid(self):
        if not super().is_valid():
            return False
        questions = [
            form.cleaned_data["question"]
            for form in self.formsets["quiz_questions"].forms
            if form.cleaned_data.get("question")
            and not self.formsets["quiz_questions"]._should_delete_form(form)
        ]
        seen = set()
        for question in questions:
            if question.pk in seen:
                self.add_error(None, QUESTION_USED_TWICE % {"question": question})
            seen.add(question.pk)
            locale_id = self.instance.locale_id
            if locale_id and question.locale_id != locale_id:
                self.add_error(None, QUESTION_OTHER_LANGUAGE % {"question": question})
        draw_count = self.cleaned_data.get("draw_count")
        if draw_count and draw_count > len(seen):
            self.add_error("draw_count", DRAW_COUNT_TOO_HIGH % {"count": len(seen)})
        return not self.errors


# --- Quick creation from the question chooser ---------------------------------------


def quick_answers_to_data(type_code: str, text: str) -> dict:
    """The type-specific part of the neutral format, from the quick "answers" box.

    Each type parses its own lines (its registry entry's ``quick_answers``).
    """
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if not lines:
        raise ValidationError(QUICK_EMPTY)
    return registry.get(type_code).quick_answers(lines)


def _type_choices():
    return [
        (entry.code, capfirst(entry.model._meta.verbose_name)) for entry in registry
    ]


class QuickQuestionForm(forms.Form):
    """The question chooser's "Create" tab: any type, without leaving the quiz.

    Builds the question through the same path as the importer, so the same
    rules apply. Feedback per choice and the finer settings are edited on
    the question's own page (the chooser links to it).
    """

    question_type = forms.ChoiceField(label=_("Type"), choices=_type_choices)
    locale = forms.ModelChoiceField(
        label=_("Language"), queryset=Locale.objects.all(), required=False
    )
    prompt = forms.CharField(
        label=_("Question"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    answers = forms.CharField(
        label=_("Answers"),
        help_text=QUICK_ANSWERS_HELP,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    explanation = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    points = forms.DecimalField(
        label=_("Points"),
        initial=1,
        min_value=Decimal("0.01"),
        max_digits=6,
        decimal_places=2,
    )

    def __init__(self, *args, **kwargs):
        # The chooser's search filters (QuestionFilterForm) share this modal
        # and also have "question_type" and "locale": distinct ids keep each
        # <label for> pointing at its own field.
        kwargs.setdefault("auto_id", "id_create_%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        type_code = cleaned.get("question_type")
        if not type_code or "answers" not in cleaned or "prompt" not in cleaned:
            return cleaned
        try:
            data = quick_answers_to_data(type_code, cleaned["answers"])
        except ValidationError as error:
            self.add_error("answers", error)
            return cleaned
        self.neutral_data = {
            "type": type_code,
            "prompt": cleaned["prompt"],
            "explanation": cleaned.get("explanation", ""),
            "points": cleaned.get("points") or 1,
            **data,
        }
        entry = registry.get(type_code)
        model = entry.model
        question = entry.importer(self.neutral_data)
        rows = {
            name: list(getattr(question, name).all())
            for name in model.child_relation_names()
        }
        for error in model.validate_rows(question, rows):
            self.add_error("answers", error)
        try:
            question.full_clean(exclude=["locale", "translation_key"])
        except ValidationError as error:
            for messages in error.message_dict.values():
                for message in messages:
                    self.add_error("answers", message)
        return cleaned

    def save(self):
        locale = self.cleaned_data.get("locale") or Locale.get_default()
        return question_create_from_data(data=self.neutral_data, locale=locale)


class QuestionFilterForm(LocaleFilterMixin, BaseFilterForm):
    """The question chooser's filters: text, type and language."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )
    question_type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=lambda: [("", _("All types")), *_type_choices()],
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        if query := self.cleaned_data.get("q"):
            objects = objects.filter(prompt__icontains=query)
            self.is_searching = True
            self.search_query = query
        if type_code := self.cleaned_data.get("question_type"):
            objects = objects.instance_of(registry.get(type_code).model)
        return objects
