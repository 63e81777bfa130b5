"""Multiple response: tick every right answer; partial credit or all or nothing."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel

from quizzes.grading import (
    RESPONSE_MALFORMED,
    RESPONSE_UNKNOWN_OPTION,
    ZERO,
    Grade,
    InvalidResponse,
    Selection,
    ratio,
)
from quizzes.models.questions import Question

from .base import LABEL_LENGTH, NEED_CORRECT_OPTION
from .choice import ChoiceRow, OptionRowsQuestion, choice_display, quick_choices
from .registry import QuestionType, registry


class Scoring(models.TextChoices):
    PARTIAL = "partial", _("Partial credit, minus one right pick per wrong pick")
    ALL_OR_NOTHING = "all_or_nothing", _("All or nothing")


class MultipleResponseQuestion(OptionRowsQuestion, Question):
    """Several right answers; partial credit with a penalty, or all or nothing."""

    type_code = "multiple_response"
    type_order = 20
    admin_icon = "tasks"
    type_description = _(
        "Learners tick every right answer. Score all or nothing, or give partial "
        "credit where each wrong tick cancels a right one (never below zero)."
    )

    scoring = models.CharField(
        _("scoring"), max_length=20, choices=Scoring.choices, default=Scoring.PARTIAL
    )

    row_key_fields = {"correct": "is_correct"}
    key_fields = ("scoring",)
    need_right_option = NEED_CORRECT_OPTION

    panels = Question.base_panels + [
        FieldPanel("scoring"),
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=2),
    ]

    class Meta:
        verbose_name = _("multiple-response question")
        verbose_name_plural = _("multiple-response questions")

    @classmethod
    def is_right(cls, choice):
        return choice.is_correct

    @classmethod
    def row_from_import(cls, data):
        return {"is_correct": bool(data.get("correct"))}

    @classmethod
    def read_form(cls, presentation, data, name):
        values = [value for value in data.getlist(name) if value != ""]
        return values or None

    def clean_response(self, response):
        if self.is_empty(response):
            return None
        if not isinstance(response, list) or not all(
            isinstance(v, str) for v in response
        ):
            raise InvalidResponse(RESPONSE_MALFORMED)
        keys = self.option_keys()
        if len(response) > len(keys) or len(set(response)) != len(response):
            raise InvalidResponse(RESPONSE_MALFORMED)
        if not set(response) <= keys:
            raise InvalidResponse(RESPONSE_UNKNOWN_OPTION)
        # Store in the question's own order so equal answers compare equal.
        return [choice.key for choice in self._choices() if choice.key in response]

    def grade(self, response):
        response = self.clean_response(response)
        if response is None:
            return Grade.unanswered()
        chosen = [choice for choice in self._choices() if choice.key in response]
        right = self._right_choices()
        hits = sum(1 for choice in chosen if choice.is_correct)
        misses = len(chosen) - hits
        if self.scoring == Scoring.ALL_OR_NOTHING:
            fraction = Decimal(1) if hits == len(right) and not misses else ZERO
        else:
            fraction = max(ZERO, ratio(hits - misses, len(right)))
        return Grade(
            fraction=fraction,
            feedback="\n".join(choice.feedback for choice in chosen if choice.feedback),
            selections=[
                Selection(choice.key, choice.text[:LABEL_LENGTH], choice.is_correct)
                for choice in chosen
            ],
        )

    def response_text(self, response):
        keys = set(response or [])
        return "; ".join(c.text for c in self._choices() if c.key in keys)

    def key_text(self):
        return "; ".join(choice.text for choice in self._right_choices())

    def key_response(self):
        return [choice.key for choice in self._right_choices()]


class MultipleResponseOption(ChoiceRow):
    """One choice of a multiple-response question."""

    question = ParentalKey(
        MultipleResponseQuestion, on_delete=models.CASCADE, related_name="choices"
    )
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.TextField(
        _("feedback"),
        blank=True,
        help_text=_("Shown to learners who ticked this, when feedback is on."),
    )

    panels = [
        FieldRowPanel([FieldPanel("text"), FieldPanel("is_correct")]),
        FieldPanel("feedback"),
    ]


MULTIPLE_RESPONSE = registry.register(
    QuestionType(
        code=MultipleResponseQuestion.type_code,
        model=MultipleResponseQuestion,
        display=choice_display,
        quick_answers=quick_choices,
        has_hint=True,
    )
)
