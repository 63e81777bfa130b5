"""Choice questions: single choice, multiple response, true/false."""

from decimal import Decimal

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from quizzes.grading import (
    RESPONSE_MALFORMED,
    RESPONSE_UNKNOWN_OPTION,
    ZERO,
    Grade,
    InvalidResponse,
    Selection,
    ratio,
)

from ..questions import Question, child_rows
from .base import (
    LABEL_LENGTH,
    NEED_CORRECT_OPTION,
    NEED_FULL_CREDIT_OPTION,
    NEED_TWO_OPTIONS,
    QuestionRow,
    _base_from_import,
    _read_single_value,
)

# --- Single choice -----------------------------------------------------------------


class SingleChoiceQuestion(Question):
    """One answer among several; each choice has its own credit and feedback."""

    type_code = "single_choice"
    type_order = 10
    admin_icon = "radio-full"
    type_description = _(
        "Learners pick one answer, e.g. the best reply to a friend request. Each "
        "choice can give part credit and its own feedback."
    )

    panels = Question.base_panels + [
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=2),
    ]

    class Meta:
        verbose_name = _("single-choice question")
        verbose_name_plural = _("single-choice questions")

    @classmethod
    def child_relation_names(cls):
        return ["choices"]

    @classmethod
    def validate_rows(cls, question, rows_by_relation):
        choices = rows_by_relation.get("choices", [])
        errors = []
        if len(choices) < 2:
            errors.append(NEED_TWO_OPTIONS)
        if not any(choice.credit == 100 for choice in choices):
            errors.append(NEED_FULL_CREDIT_OPTION)
        return errors

    def _choices(self):
        return child_rows(self, "choices")

    def _choice(self, key):
        return next((choice for choice in self._choices() if choice.key == key), None)

    def key_snapshot(self):
        return {
            "options": [
                {
                    "id": choice.key,
                    "text": choice.text,
                    "credit": choice.credit,
                    "feedback": choice.feedback,
                }
                for choice in self._choices()
            ]
        }

    @classmethod
    def from_key_snapshot(cls, data):
        question = cls()
        question.choices = [
            SingleChoiceOption(
                key=option["id"],
                text=option["text"],
                credit=option["credit"],
                feedback=option.get("feedback", ""),
                sort_order=index,
            )
            for index, option in enumerate(data["options"])
        ]
        return question

    def option_keys(self):
        return {choice.key for choice in self._choices()}

    def present(self, rng, *, shuffle=False):
        options = [
            {"id": choice.key, "text": choice.text} for choice in self._choices()
        ]
        if shuffle:
            rng.shuffle(options)
        return {"options": options}

    @classmethod
    def read_form(cls, presentation, data, name):
        return _read_single_value(data, name)

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
        return " / ".join(c.text for c in self._choices() if c.credit == 100)

    def key_response(self):
        return next(c.key for c in self._choices() if c.credit == 100)

    @classmethod
    def from_import(cls, data):
        question = _base_from_import(cls, data)
        question.choices = [
            SingleChoiceOption(
                text=choice["text"],
                credit=100 if choice.get("correct") else int(choice.get("credit", 0)),
                feedback=choice.get("feedback", ""),
                sort_order=index,
            )
            for index, choice in enumerate(data["choices"])
        ]
        return question


class SingleChoiceOption(QuestionRow):
    """One choice of a single-choice question."""

    question = ParentalKey(
        SingleChoiceQuestion, on_delete=models.CASCADE, related_name="choices"
    )
    text = models.CharField(_("choice"), max_length=255)
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

    class Meta(QuestionRow.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.text


# --- Multiple response -------------------------------------------------------------


class Scoring(models.TextChoices):
    PARTIAL = "partial", _("Partial credit, minus one right pick per wrong pick")
    ALL_OR_NOTHING = "all_or_nothing", _("All or nothing")


class MultipleResponseQuestion(Question):
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

    panels = Question.base_panels + [
        FieldPanel("scoring"),
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=2),
    ]

    class Meta:
        verbose_name = _("multiple-response question")
        verbose_name_plural = _("multiple-response questions")

    @classmethod
    def child_relation_names(cls):
        return ["choices"]

    @classmethod
    def validate_rows(cls, question, rows_by_relation):
        choices = rows_by_relation.get("choices", [])
        errors = []
        if len(choices) < 2:
            errors.append(NEED_TWO_OPTIONS)
        if not any(choice.is_correct for choice in choices):
            errors.append(NEED_CORRECT_OPTION)
        return errors

    def _choices(self):
        return child_rows(self, "choices")

    def key_snapshot(self):
        return {
            "scoring": self.scoring,
            "options": [
                {
                    "id": choice.key,
                    "text": choice.text,
                    "correct": choice.is_correct,
                    "feedback": choice.feedback,
                }
                for choice in self._choices()
            ],
        }

    @classmethod
    def from_key_snapshot(cls, data):
        question = cls(scoring=data["scoring"])
        question.choices = [
            MultipleResponseOption(
                key=option["id"],
                text=option["text"],
                is_correct=option["correct"],
                feedback=option.get("feedback", ""),
                sort_order=index,
            )
            for index, option in enumerate(data["options"])
        ]
        return question

    def option_keys(self):
        return {choice.key for choice in self._choices()}

    def present(self, rng, *, shuffle=False):
        options = [
            {"id": choice.key, "text": choice.text} for choice in self._choices()
        ]
        if shuffle:
            rng.shuffle(options)
        return {"options": options}

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
        right = [choice for choice in self._choices() if choice.is_correct]
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
        return "; ".join(c.text for c in self._choices() if c.is_correct)

    def key_response(self):
        return [c.key for c in self._choices() if c.is_correct]

    @classmethod
    def from_import(cls, data):
        question = _base_from_import(cls, data)
        question.scoring = data.get("scoring", Scoring.PARTIAL)
        question.choices = [
            MultipleResponseOption(
                text=choice["text"],
                is_correct=bool(choice.get("correct")),
                feedback=choice.get("feedback", ""),
                sort_order=index,
            )
            for index, choice in enumerate(data["choices"])
        ]
        return question


class MultipleResponseOption(QuestionRow):
    """One choice of a multiple-response question."""

    question = ParentalKey(
        MultipleResponseQuestion, on_delete=models.CASCADE, related_name="choices"
    )
    text = models.CharField(_("choice"), max_length=255)
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

    class Meta(QuestionRow.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.text


# --- True / false ------------------------------------------------------------------


class TrueFalseQuestion(Question):
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

    def option_keys(self):
        return {"true", "false"}

    def present(self, rng, *, shuffle=False):
        return {"options": [{"id": "true"}, {"id": "false"}]}

    @classmethod
    def read_form(cls, presentation, data, name):
        value = _read_single_value(data, name)
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
        question = _base_from_import(cls, data)
        question.answer = bool(data["answer"])
        question.feedback_true = data.get("feedback_true", "")
        question.feedback_false = data.get("feedback_false", "")
        return question
