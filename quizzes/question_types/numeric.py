"""Numeric: a number, right within a tolerance."""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from quizzes.grading import (
    RESPONSE_MALFORMED,
    RESPONSE_SINGLE_VALUE,
    Grade,
    InvalidResponse,
    Selection,
    parse_number,
)
from quizzes.models.questions import Question

from .base import base_export, base_from_import, text_display
from .registry import QuestionType, registry

QUICK_NUMBER = _(
    "Write the number, optionally followed by ± and a tolerance, e.g. “20 ± 0.5”."
)

_PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+-)\s*")


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
        question = base_from_import(cls, data)
        question.answer = Decimal(str(data["answer"]))
        question.tolerance = Decimal(str(data.get("tolerance", 0)))
        question.unit = data.get("unit", "")
        return question

    def export_data(self):
        # Numbers as plain strings: JSON-ready, and exact when read back.
        return {**base_export(self), **self.key_snapshot()}


def quick_numeric(lines):
    """Quick creation: the number, optionally "± tolerance", on the first line."""
    parts = _PLUS_MINUS.split(lines[0].replace(",", "."), maxsplit=1)
    try:
        return {
            "answer": Decimal(parts[0].strip()),
            "tolerance": Decimal(parts[1].strip()) if len(parts) > 1 else Decimal(0),
        }
    except ArithmeticError as error:
        raise ValidationError(QUICK_NUMBER) from error


NUMERIC = registry.register(
    QuestionType(
        code=NumericQuestion.type_code,
        model=NumericQuestion,
        display=text_display,
        quick_answers=quick_numeric,
        shows_invalid_text=True,
    )
)
