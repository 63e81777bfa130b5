"""The choice family's base: questions answered by picking presented options.

Single choice, multiple response and true/false share how options are
presented, which keys a response may use, and how the widget marks what was
picked. Single choice and multiple response also share their ``choices``
rows: how they are checked, snapshotted, imported and exported. Each type
module keeps only what differs (its per-row key field, reading and grading).
"""

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from quizzes.models.questions import child_rows

from .base import NEED_TWO_OPTIONS, QuestionRow, base_export, base_from_import


class ChoiceFamily:
    """Mixin for question models whose learner picks among ``options``.

    Subclasses give ``presented_options()`` (no key material) and, when the
    options must keep their order, set ``shuffles_options = False``.
    """

    shuffles_options: ClassVar[bool] = True

    def presented_options(self) -> list[dict[str, str]]:
        """The options as the learner sees them, in authored order."""
        raise NotImplementedError

    def option_keys(self) -> set[str]:
        return {option["id"] for option in self.presented_options()}

    def present(self, rng, *, shuffle=False):
        options = self.presented_options()
        if shuffle and self.shuffles_options:
            rng.shuffle(options)
        return {"options": options}


def choice_display(presentation: dict, response: Any, name: str) -> dict:
    """Display builder of the choice family: each option, checked or not."""
    chosen = set(response if isinstance(response, list) else [response])
    return {
        "options": [
            {**option, "checked": option["id"] in chosen, "html_id": f"{name}-{index}"}
            for index, option in enumerate(presentation["options"], start=1)
        ]
    }


def quick_choices(lines: list[str]) -> dict:
    """Quick creation: one choice per line, right answers start with ``*``."""
    return {
        "choices": [
            {"text": line.lstrip("*").strip(), "correct": line.startswith("*")}
            for line in lines
        ]
    }


class ChoiceRow(QuestionRow):
    """One ``choices`` row of an ``OptionRowsQuestion``: its text.

    Subclasses add the ``question`` key, their key field (credit, correct)
    and ``feedback`` (whose help text names the learner's gesture).
    """

    text = models.CharField(_("choice"), max_length=255)

    class Meta(QuestionRow.Meta):
        abstract = True
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.text


class OptionRowsQuestion(ChoiceFamily):
    """Mixin for choice types whose options are ``choices`` rows with feedback.

    A subclass names its per-row key in ``row_key_fields`` (snapshot name →
    row attribute), the question fields that belong to the key in
    ``key_fields``, says which rows are right (``is_right``) and how a row
    reads from the neutral format (``row_from_import``).
    """

    #: Snapshot name → row attribute, e.g. {"credit": "credit"}.
    row_key_fields: ClassVar[dict[str, str]] = {}
    #: Question fields stored with the key and exported, e.g. ("scoring",).
    key_fields: ClassVar[tuple[str, ...]] = ()
    #: Message when no row is right.
    need_right_option: ClassVar[str] = ""

    @classmethod
    def child_relation_names(cls):
        return ["choices"]

    @classmethod
    def option_model(cls):
        """The row model, found through the ``choices`` relation."""
        return cls._meta.get_field("choices").related_model

    @classmethod
    def is_right(cls, choice) -> bool:
        raise NotImplementedError

    @classmethod
    def row_from_import(cls, data: dict[str, Any]) -> dict[str, Any]:
        """The row's key fields from one neutral-format choice."""
        raise NotImplementedError

    @classmethod
    def validate_rows(cls, question, rows_by_relation):
        choices = rows_by_relation.get("choices", [])
        errors = []
        if len(choices) < 2:
            errors.append(NEED_TWO_OPTIONS)
        if not any(cls.is_right(choice) for choice in choices):
            errors.append(cls.need_right_option)
        return errors

    def _choices(self):
        return child_rows(self, "choices")

    def _choice(self, key):
        return next((choice for choice in self._choices() if choice.key == key), None)

    def _right_choices(self):
        return [choice for choice in self._choices() if self.is_right(choice)]

    def presented_options(self):
        return [{"id": choice.key, "text": choice.text} for choice in self._choices()]

    def _row_key(self, choice) -> dict[str, Any]:
        return {
            name: getattr(choice, attr) for name, attr in self.row_key_fields.items()
        }

    def key_snapshot(self):
        return {
            **{name: getattr(self, name) for name in self.key_fields},
            "options": [
                {
                    "id": choice.key,
                    "text": choice.text,
                    **self._row_key(choice),
                    "feedback": choice.feedback,
                }
                for choice in self._choices()
            ],
        }

    @classmethod
    def from_key_snapshot(cls, data):
        question = cls(**{name: data[name] for name in cls.key_fields})
        question.choices = [
            cls.option_model()(
                key=option["id"],
                text=option["text"],
                feedback=option.get("feedback", ""),
                sort_order=index,
                **{attr: option[name] for name, attr in cls.row_key_fields.items()},
            )
            for index, option in enumerate(data["options"])
        ]
        return question

    @classmethod
    def from_import(cls, data):
        question = base_from_import(cls, data)
        for name in cls.key_fields:
            if name in data:
                setattr(question, name, data[name])
        question.choices = [
            cls.option_model()(
                text=choice["text"],
                feedback=choice.get("feedback", ""),
                sort_order=index,
                **cls.row_from_import(choice),
            )
            for index, choice in enumerate(data["choices"])
        ]
        return question

    def export_data(self):
        return {
            **base_export(self),
            **{name: getattr(self, name) for name in self.key_fields},
            "choices": [
                {
                    "text": choice.text,
                    **self._row_key(choice),
                    "feedback": choice.feedback,
                }
                for choice in self._choices()
            ],
        }
