"""What every question type shares: authoring messages, rows, neutral-format helpers.

The neutral format is the plain dict the importer reads and the exporter
writes (see ``quizzes.services.imports``): ``type``, ``prompt``,
``explanation`` and ``points`` here, the type's own keys in its module.
"""

from decimal import Decimal
from typing import Any

from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.models import Orderable

from quizzes.grading import RESPONSE_SINGLE_VALUE, InvalidResponse
from quizzes.models.questions import OptionKeyField

# Authoring messages (admin form and importer).
NEED_TWO_OPTIONS = _("Add at least two choices.")
NEED_FULL_CREDIT_OPTION = _(
    "Give at least one choice a credit of 100: the right answer."
)
NEED_CORRECT_OPTION = _("Mark at least one choice as correct.")
NEED_TWO_ITEMS = _("Add at least two items to put in order.")
NEED_DISTINCT_ITEMS = _("Each item must have a different text.")
NEED_TWO_PAIRS = _("Add at least two pairs.")
NEED_DISTINCT_LEFTS = _("Each left-hand item must have a different text.")
NEED_ACCEPTED_ANSWER = _("Give at least one accepted answer.")

LABEL_LENGTH = 255


def plain_to_rich_text(text: str) -> str:
    """Plain text from the neutral format as rich text: one <p> per paragraph."""
    text = (text or "").strip()
    if not text:
        return ""
    if text.startswith("<"):
        return text  # already HTML (instructions in the neutral format)
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


def base_from_import(cls, data: dict[str, Any]):
    """An unsaved ``cls`` with the fields every type shares, from the neutral format."""
    return cls(
        prompt=plain_to_rich_text(data["prompt"]),
        explanation=plain_to_rich_text(data.get("explanation", "")),
        points=Decimal(str(data.get("points", 1))),
    )


def base_export(question) -> dict[str, Any]:
    """The shared part of a question in the neutral format; JSON-ready.

    Prompt and explanation stay HTML: ``plain_to_rich_text`` keeps HTML as is,
    so the importer reads them back unchanged.
    """
    return {
        "type": question.type_code,
        "prompt": question.prompt,
        "explanation": question.explanation,
        # Normalised, so 0.3 typed and 0.30 stored export alike.
        "points": format(Decimal(question.points).normalize(), "f"),
    }


def distinct_rows_errors(texts: list[str], *, too_few, not_distinct) -> list:
    """Errors of a list of rows that needs two or more, distinct (case-insensitive).

    ``texts`` are the rows' texts as the author typed them; ``too_few`` and
    ``not_distinct`` are the type's own messages.
    """
    errors = []
    if len(texts) < 2:
        errors.append(too_few)
    folded = [text.strip().casefold() for text in texts]
    if len(set(folded)) != len(folded):
        errors.append(not_distinct)
    return errors


def read_single_value(data, name: str) -> str | None:
    """The one non-empty value of a field, None if there is none."""
    values = [value for value in data.getlist(name) if value != ""]
    if not values:
        return None
    if len(values) > 1:
        raise InvalidResponse(RESPONSE_SINGLE_VALUE)
    return values[0]


def text_display(presentation: dict, response: Any, name: str) -> dict:
    """Display builder of a typed answer: the text to put back in the box."""
    return {"value": response if isinstance(response, str) else ""}


class QuestionRow(Orderable):
    """A child row of a question: an option, an item or a pair."""

    key = OptionKeyField()

    class Meta(Orderable.Meta):
        abstract = True
