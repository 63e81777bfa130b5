"""Single choice: one answer among several, each with its own credit and feedback."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel

from quizzes.grading import (
    RESPONSE_MALFORMED,
    RESPONSE_UNKNOWN_OPTION,
    Grade,
    InvalidResponse,
    Selection,
    ratio,
)
from quizzes.models.questions import Question

from .base import LABEL_LENGTH, NEED_FULL_CREDIT_OPTION, read_single_value
from .choice import ChoiceRow, OptionRowsQuestion, choice_display, quick_choices
from .registry import QuestionType, registry


class SingleChoiceQuestion(OptionRowsQuestion, Question):
    """One answer among several; each choice has its own credit and feedback."""

    type_code = "single_choice"
    type_order = 10
    admin_icon = "radio-full"
    type_description = _(
        "Learners pick one answer, e.g. the best reply to a friend request. Each "
        "choice can give part credit and its own feedback."
    )

    row_key_fields = {"credit": "credit"}
    need_right_option = NEED_FULL_CREDIT_OPTION

    panels = Question.base_panels + [
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=2),
    ]

    class Meta:
        verbose_name = _("single-choice question")
        verbose_name_plural = _("single-choice questions")

    @classmethod
    def is_right(cls, choice):
        return choice.credit == 100

    @classmethod
    def row_from_import(cls, data):
        # "correct" is the neutral format's shorthand for a credit of 100.
        return {"credit": 100 if data.get("correct") else int(data.get("credit", 0))}

    @classmethod
    def read_form(cls, presentation, data, name):
        return read_single_value(data, name)

    def clean_response(self, response):
        if self.is_empty(response):
            return None
        if not isinstance(response, str):
            raise InvalidResponse(RESPONSE_MALFORMED)
        if response not in self.option_keys():
            raise InvalidResponse(RESPONSE_UNKNOWN_OPTION)
        return response

    def grade(self, response):
        response = self.clean_response(response)
        if response is None:
            return Grade.unanswered()
        choice = self._choice(response)
        return Grade(
            fraction=ratio(choice.credit, 100),
            feedback=choice.feedback,
            selections=[
                Selection(choice.key, choice.text[:LABEL_LENGTH], choice.credit == 100)
            ],
        )

    def response_text(self, response):
        choice = self._choice(response) if response else None
        return choice.text if choice else ""

    def key_text(self):
        return " / ".join(choice.text for choice in self._right_choices())

    def key_response(self):
        return self._right_choices()[0].key


class SingleChoiceOption(ChoiceRow):
    """One choice of a single-choice question."""

    question = ParentalKey(
        SingleChoiceQuestion, on_delete=models.CASCADE, related_name="choices"
    )
    credit = models.PositiveSmallIntegerField(
        _("credit (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "100 for the right answer, 0 for a wrong one; something in between "
            "for a reasonable but weaker answer."
        ),
    )
    feedback = models.TextField(
        _("feedback"),
        blank=True,
        help_text=_("Shown to learners who chose this, when feedback is on."),
    )

    panels = [
        FieldRowPanel([FieldPanel("text"), FieldPanel("credit")]),
        FieldPanel("feedback"),
    ]


SINGLE_CHOICE = registry.register(
    QuestionType(
        code=SingleChoiceQuestion.type_code,
        model=SingleChoiceQuestion,
        display=choice_display,
        quick_answers=quick_choices,
    )
)
