"""Short text: a word or short phrase, compared with accepted answers."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from quizzes.grading import (
    MAX_TEXT_RESPONSE_LENGTH,
    RESPONSE_SINGLE_VALUE,
    Grade,
    InvalidResponse,
    Selection,
    check_text_length,
    normalise_text,
)
from quizzes.models.questions import Question

from .base import (
    LABEL_LENGTH,
    NEED_ACCEPTED_ANSWER,
    base_export,
    base_from_import,
    text_display,
)
from .registry import QuestionType, registry

#: The comparison switches, in the neutral format and the key snapshot alike.
COMPARISON_FLAGS = (
    "ignore_case",
    "ignore_accents",
    "ignore_punctuation",
    "ignore_spacing",
)


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
            [FieldPanel(flag) for flag in COMPARISON_FLAGS],
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
            **{flag: getattr(self, flag) for flag in COMPARISON_FLAGS},
        }

    @classmethod
    def from_key_snapshot(cls, data):
        return cls(
            accepted_answers="\n".join(data["accepted"]),
            ignore_case=data["ignore_case"],
            ignore_accents=data["ignore_accents"],
            ignore_punctuation=data["ignore_punctuation"],
            # Snapshots from before the spacing switch existed.
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
        question = base_from_import(cls, data)
        question.accepted_answers = "\n".join(data["accepted"])
        for flag in COMPARISON_FLAGS:
            if flag in data:
                setattr(question, flag, bool(data[flag]))
        return question

    def export_data(self):
        return {**base_export(self), **self.key_snapshot()}


def quick_short_text(lines):
    """Quick creation: each line is an accepted answer."""
    return {"accepted": lines}


SHORT_TEXT = registry.register(
    QuestionType(
        code=ShortTextQuestion.type_code,
        model=ShortTextQuestion,
        display=text_display,
        quick_answers=quick_short_text,
        shows_invalid_text=True,
    )
)
