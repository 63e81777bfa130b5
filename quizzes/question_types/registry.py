"""The question-type registry: one entry per type, and the lookup by type code.

Everything outside a type's own module that depends on the type (the learner
form, the attempt page, the importer, the admin's quick creation) asks this
registry for the type's entry instead of testing the type code, in the way
``wagtail.contrib.forms``' ``FormBuilder`` dispatches on ``create_<type>_field``.

This module imports no model: ``quizzes.models.questions`` looks types up here
while the type modules (which import it) are still loading.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

UNKNOWN_QUESTION_TYPE = _("Unknown question type %(type)r. Valid types: %(valid)s.")


class UnknownQuestionType(ValueError):
    """A type code no registered type answers to; the message lists valid ones."""


#: ``display(presentation, response, field_name) -> dict``: per-input data.
DisplayBuilder = Callable[[dict, Any, str], dict]


@dataclass(frozen=True)
class QuestionType:
    """One question type: its model and what each dispatch point needs of it.

    Only ``code``, ``model``, ``display`` and ``quick_answers`` must be given;
    reader, field names, importer and exporter default to the model's own
    methods (``read_form``, ``form_field_names``, ``from_import``,
    ``export_data``), so a type module overrides them only when it must.

    ``display`` receives what the learner was shown (the presentation), their
    response and the field name, never the question: that is how the key stays
    on the server before review.
    """

    code: str
    model: type
    #: Per-input template data; see ``DisplayBuilder``.
    display: DisplayBuilder
    #: The admin's quick "answers" box (non-empty stripped lines) as the
    #: type-specific part of the neutral format; raises ValidationError.
    quick_answers: Callable[[list[str]], dict]
    #: ``reader(presentation, data, name)``: a POST's raw response or None;
    #: raises InvalidResponse.
    reader: Callable[[dict, Any, str], Any] | None = None
    #: ``field_names(presentation, name)``: every field the form may send.
    field_names: Callable[[dict, str], set[str]] | None = None
    #: ``importer(data)``: an unsaved question with rows, from the neutral format.
    importer: Callable[[dict], Any] | None = None
    #: ``exporter(question)``: the neutral format the importer reads back.
    exporter: Callable[[Any], dict] | None = None
    #: The input widget; ``quizzes/questions/<code>.html`` by default.
    template: str = ""
    #: The widget template has a hint paragraph (``<html_id>-hint``).
    has_hint: bool = False
    #: A refused POST shows the typed text back (text inputs) rather than
    #: nothing (menus and boxes cannot show an invalid value).
    shows_invalid_text: bool = False
    #: Position in the type chooser; the model's ``type_order`` by default.
    order: int | None = None

    def __post_init__(self):
        model = self.model
        defaults = {
            "reader": getattr(model, "read_form", None),
            "field_names": getattr(model, "form_field_names", None),
            "importer": getattr(model, "from_import", None),
            "exporter": getattr(model, "export_data", None),
            "template": f"quizzes/questions/{self.code}.html",
            "order": getattr(model, "type_order", 100),
        }
        for name, default in defaults.items():
            if getattr(self, name) in (None, ""):
                # A frozen dataclass: filling defaults is construction, not change.
                object.__setattr__(self, name, default)


class QuestionTypeRegistry:
    """The registered question types, by code, listed in chooser order."""

    def __init__(self) -> None:
        self._entries: dict[str, QuestionType] = {}

    def register(self, entry: QuestionType) -> QuestionType:
        """Add a type; returns the entry so a module can keep it as a name."""
        if getattr(entry.model, "type_code", entry.code) != entry.code:
            raise ImproperlyConfigured(
                f"Question type {entry.code!r} names a model whose type_code is "
                f"{entry.model.type_code!r}."
            )
        existing = self._entries.get(entry.code)
        if existing is not None and existing.model is not entry.model:
            raise ImproperlyConfigured(
                f"Question type {entry.code!r} is already registered for "
                f"{existing.model.__name__}."
            )
        self._entries[entry.code] = entry
        return entry

    def unregister(self, code: str) -> None:
        """Remove a type (tests registering a throwaway type use this)."""
        self._entries.pop(code, None)

    def get(self, code: str) -> QuestionType:
        """The entry for a type code; UnknownQuestionType lists the valid ones."""
        try:
            return self._entries[code]
        except KeyError:
            raise UnknownQuestionType(
                UNKNOWN_QUESTION_TYPE % {"type": code, "valid": ", ".join(self.codes())}
            ) from None

    def for_model(self, model: type) -> QuestionType:
        """The entry of a question model (or of a question's class)."""
        return self.get(model.type_code)

    def codes(self) -> list[str]:
        return [entry.code for entry in self]

    def __iter__(self) -> Iterator[QuestionType]:
        return iter(sorted(self._entries.values(), key=lambda entry: entry.order))

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def __len__(self) -> int:
        return len(self._entries)


#: The one registry; each type module registers its entry on import.
registry = QuestionTypeRegistry()
