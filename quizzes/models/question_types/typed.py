"""Typed answers: short text and numbers."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from quizzes.grading import (
    MAX_TEXT_RESPONSE_LENGTH,
    RESPONSE_MALFORMED,
    RESPONSE_SINGLE_VALUE,
    Grade,
    InvalidResponse,
    Selection,
    check_text_length,
    normalise_text,
    parse_number,
)

from ..questions import Question
from .base import LABEL_LENGTH, NEED_ACCEPTED_ANSWER, _base_from_import

# --- Short text --------------------------------------------------------------------


class ShortTextQuestion(Question):
    """A word or short phrase, compared with accepted answers after normalising."""

    type_code = "short_text"
    type_order = 40
    admin_icon = "pilcrow"
    type_description = _(
        "Learners type a word or short phrase. Accept several answers and choose "
        "whether case, accents, punctuation and spacing count."
    )

    accepted_answers = models.TextField(
        _("accepted answers"),
        help_text=_("One accepted answer per line."),
    )
    ignore_case = models.BooleanField(_("ignore case"), default=True)
    ignore_accents = models.BooleanField(
        _("ignore accents"),
        default=False,
        help_text=_("“parametres” then matches “paramètres”."),
    )
    ignore_punctuation = models.BooleanField(_("ignore punctuation"), default=True)
    ignore_spacing = models.BooleanField(
        _("ignore extra spaces"),
        default=True,
        help_text=_("Several spaces in a row count as one."),
    )

    panels = Question.base_panels + [
        FieldPanel("accepted_answers"),
        MultiFieldPanel(
            [
                FieldPanel("ignore_case"),
                FieldPanel("ignore_accents"),
                FieldPanel("ignore_punctuation"),
                FieldPanel("ignore_spacing"),
            ],
            heading=_("When comparing answers"),
        ),
    ]

    class Meta:
        verbose_name = _("short-text question")
        verbose_name_plural = _("short-text questions")

    def clean(self):
        super().clean()
        if not self.accepted:
            raise ValidationError({"accepted_answers": NEED_ACCEPTED_ANSWER})

    @property
    def accepted(self) -> list[str]:
        return [
            line.strip()
            for line in (self.accepted_answers or "").splitlines()
            if line.strip()
        ]

    def _normalise(self, text):
        return normalise_text(
            text,
            ignore_case=self.ignore_case,
            ignore_accents=self.ignore_accents,
            ignore_punctuation=self.ignore_punctuation,
            ignore_spacing=self.ignore_spacing,
        )

    def key_snapshot(self):
        return {
            "accepted": self.accepted,
            "ignore_case": self.ignore_case,
            "ignore_accents": self.ignore_accents,
            "ignore_punctuation": self.ignore_punctuation,
            "ignore_spacing": self.ignore_spacing,
        }

    @classmethod
    def from_key_snapshot(cls, data):
        return cls(
            accepted_answers="\n".join(data["accepted"]),
            ignore_case=data["ignore_case"],
            ignore_accents=data["ignore_accents"],
            ignore_punctuation=data["ignore_punctuation"],
            ignore_spacing=data.get("ignore_spacing", True),
        )

    def present(self, rng, *, shuffle=False):
        return {"max_length": MAX_TEXT_RESPONSE_LENGTH}

    @classmethod
    def read_form(cls, presentation, data, name):
        values = data.getlist(name)
        if len(values) > 1:
            raise InvalidResponse(RESPONSE_SINGLE_VALUE)
        value = check_text_length(values[0] if values else "").strip()
        return value or None

    def clean_response(self, response):
        if self.is_empty(response):
            return None
        return check_text_length(response).strip() or None

    def grade(self, response):
        response = self.clean_response(response)
        if response is None:
            return Grade.unanswered()
        given = self._normalise(response)
        correct = any(given == self._normalise(answer) for answer in self.accepted)
        return Grade(
            fraction=Decimal(correct),
            selections=[Selection("", given[:LABEL_LENGTH], correct)],
        )

    def response_text(self, response):
        return response or ""

    def key_text(self):
        return " / ".join(self.accepted)

    def key_response(self):
        return self.accepted[0]

    @classmethod
    def from_import(cls, data):
        question = _base_from_import(cls, data)
        question.accepted_answers = "\n".join(data["accepted"])
        for flag in (
            "ignore_case",
            "ignore_accents",
            "ignore_punctuation",
            "ignore_spacing",
        ):
            if flag in data:
                setattr(question, flag, bool(data[flag]))
        return question


# --- Numeric -----------------------------------------------------------------------


def _plain_number(value) -> str:
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in ("-0", "") else text


class NumericQuestion(Question):
    """A number, right within a tolerance; "20", "20,0" and "20.0" are equal."""

    type_code = "numeric"
    type_order = 50
    admin_icon = "decimal"
    type_description = _(
        "Learners type a number. It is right within the tolerance you set; "
        "commas and points are both accepted."
    )

    answer = models.DecimalField(_("answer"), max_digits=18, decimal_places=6)
    tolerance = models.DecimalField(
        _("tolerance"),
        max_digits=18,
        decimal_places=6,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("How far from the answer is still right, e.g. 0.5. 0 means exact."),
    )
    unit = models.CharField(
        _("unit"),
        max_length=30,
        blank=True,
        help_text=_("Shown after the answer box, e.g. “%” or “minutes”."),
    )

    panels = Question.base_panels + [
        FieldRowPanel(
            [FieldPanel("answer"), FieldPanel("tolerance"), FieldPanel("unit")]
        ),
    ]

    class Meta:
        verbose_name = _("numeric question")
        verbose_name_plural = _("numeric questions")

    def key_snapshot(self):
        return {
            "answer": _plain_number(self.answer),
            "tolerance": _plain_number(self.tolerance),
            "unit": self.unit,
        }

    @classmethod
    def from_key_snapshot(cls, data):
        return cls(
            answer=Decimal(data["answer"]),
            tolerance=Decimal(data["tolerance"]),
            unit=data.get("unit", ""),
        )

    def present(self, rng, *, shuffle=False):
        return {"unit": self.unit}

    @classmethod
    def read_form(cls, presentation, data, name):
        values = data.getlist(name)
        if len(values) > 1:
            raise InvalidResponse(RESPONSE_SINGLE_VALUE)
        value = (values[0] if values else "").strip()
        if not value:
            return None
        parse_number(value, unit=presentation.get("unit", ""))
        return value

    def clean_response(self, response):
        if self.is_empty(response):
            return None
        if not isinstance(response, str):
            raise InvalidResponse(RESPONSE_MALFORMED)
        parse_number(response, unit=self.unit)
        return response.strip()

    def grade(self, response):
        response = self.clean_response(response)
        if response is None:
            return Grade.unanswered()
        value = parse_number(response, unit=self.unit)
        correct = abs(value - Decimal(self.answer)) <= Decimal(self.tolerance)
        return Grade(
            fraction=Decimal(correct),
            selections=[Selection("", _plain_number(value), correct)],
        )

    def response_text(self, response):
        return response or ""

    def key_text(self):
        text = number_format(Decimal(_plain_number(self.answer)))
        if Decimal(self.tolerance):
            text = f"{text} ± {number_format(Decimal(_plain_number(self.tolerance)))}"
        return f"{text} {self.unit}".strip()

    def key_response(self):
        return _plain_number(self.answer)

    @classmethod
    def from_import(cls, data):
        question = _base_from_import(cls, data)
        question.answer = Decimal(str(data["answer"]))
        question.tolerance = Decimal(str(data.get("tolerance", 0)))
        question.unit = data.get("unit", "")
        return question
