"""True/false: a statement the learner judges true or false."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from quizzes.grading import RESPONSE_MALFORMED, Grade, InvalidResponse, Selection
from quizzes.models.questions import Question

from .base import base_export, base_from_import, read_single_value
from .choice import ChoiceFamily, choice_display
from .registry import QuestionType, registry

QUICK_TRUE_FALSE = _("Write “true” or “false” (or “vrai” / “faux”).")

OPTION_LABELS = {"true": _("True"), "false": _("False")}


class TrueFalseQuestion(ChoiceFamily, Question):
    """A statement the learner judges true or false."""

    type_code = "true_false"
    type_order = 30
    admin_icon = "circle-check"
    type_description = _(
        "Learners say whether a statement is true or false, with feedback for each."
    )

    answer = models.BooleanField(
        _("the statement is true"),
        default=True,
        help_text=_("Tick if the right answer is “True”."),
    )
    feedback_true = models.TextField(
        _("feedback for “True”"),
        blank=True,
        help_text=_("Shown to learners who answered True."),
    )
    feedback_false = models.TextField(
        _("feedback for “False”"),
        blank=True,
        help_text=_("Shown to learners who answered False."),
    )

    # Always "True" then "False": shuffling two fixed options only confuses.
    shuffles_options = False

    panels = Question.base_panels + [
        FieldPanel("answer"),
        MultiFieldPanel(
            [FieldPanel("feedback_true"), FieldPanel("feedback_false")],
            heading=_("Feedback"),
        ),
    ]

    class Meta:
        verbose_name = _("true/false question")
        verbose_name_plural = _("true/false questions")

    @staticmethod
    def _label(value: bool) -> str:
        return _g("True") if value else _g("False")

    def presented_options(self):
        # No text: the widget labels them in the learner's language.
        return [{"id": "true"}, {"id": "false"}]

    def key_snapshot(self):
        return {
            "answer": self.answer,
            "feedback_true": self.feedback_true,
            "feedback_false": self.feedback_false,
        }

    @classmethod
    def from_key_snapshot(cls, data):
        return cls(
            answer=data["answer"],
            feedback_true=data.get("feedback_true", ""),
            feedback_false=data.get("feedback_false", ""),
        )

    @classmethod
    def read_form(cls, presentation, data, name):
        value = read_single_value(data, name)
        if value is None:
            return None
        if value not in ("true", "false"):
            raise InvalidResponse(RESPONSE_MALFORMED)
        return value == "true"

    def clean_response(self, response):
        if response is None:
            return None
        if not isinstance(response, bool):
            raise InvalidResponse(RESPONSE_MALFORMED)
        return response

    def grade(self, response):
        response = self.clean_response(response)
        if response is None:
            return Grade.unanswered()
        correct = response == self.answer
        return Grade(
            fraction=Decimal(correct),
            feedback=self.feedback_true if response else self.feedback_false,
            selections=[
                Selection(
                    "true" if response else "false", self._label(response), correct
                )
            ],
        )

    def response_text(self, response):
        return "" if response is None else self._label(response)

    def key_text(self):
        return self._label(self.answer)

    def key_response(self):
        return self.answer

    @classmethod
    def from_import(cls, data):
        question = base_from_import(cls, data)
        question.answer = bool(data["answer"])
        question.feedback_true = data.get("feedback_true", "")
        question.feedback_false = data.get("feedback_false", "")
        return question

    def export_data(self):
        return {**base_export(self), **self.key_snapshot()}


def true_false_display(presentation, response, name):
    """The choice widget, with the options labelled "True" and "False"."""
    chosen = None if response is None else ["true" if response else "false"]
    labelled = {
        "options": [
            {"id": option["id"], "text": OPTION_LABELS[option["id"]]}
            for option in presentation["options"]
        ]
    }
    return choice_display(labelled, chosen, name)


def quick_true_false(lines):
    """Quick creation: "true" or "false" (or "vrai" / "faux") on the first line."""
    value = lines[0].casefold()
    if value not in ("true", "false", "vrai", "faux"):
        raise ValidationError(QUICK_TRUE_FALSE)
    return {"answer": value in ("true", "vrai")}


TRUE_FALSE = registry.register(
    QuestionType(
        code=TrueFalseQuestion.type_code,
        model=TrueFalseQuestion,
        display=true_false_display,
        quick_answers=quick_true_false,
    )
)
