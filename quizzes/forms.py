"""Reading a learner's attempt page POST into responses the services accept.

The page lists the questions it showed in ``slots``; each question type reads
its own fields (its registry entry's ``reader``, by default ``read_form``).
Any other field, or a slot that is not part of the attempt, is refused: the
server never trusts question ids from the client.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from core.ids import parse_small
from quizzes.errors import UNKNOWN_QUESTION, ResponsesRejected
from quizzes.grading import InvalidResponse
from quizzes.models import AttemptQuestion
from quizzes.question_types import registry

UNEXPECTED_FIELDS = _(
    "The page sent fields that are not part of this attempt. Reload it."
)

#: Fields every attempt page sends besides answers.
CONTROL_FIELDS = {"csrfmiddlewaretoken", "slots", "sequence", "action", "check", "page"}

#: A POST larger than this is refused before it is read.
MAX_ATTEMPT_POST_BYTES = 256 * 1024


def field_name(slot: int) -> str:
    return f"q{slot}"


def read_responses(*, rows: list[AttemptQuestion], data) -> dict[int, Any]:
    """The responses in a POST, by slot, for the questions the page listed.

    Raises ResponsesRejected with per-slot messages for unreadable answers,
    unknown slots and unexpected fields.
    """
    by_slot = {row.slot: row for row in rows}
    allowed = set(CONTROL_FIELDS)
    responses, errors = {}, {}
    for raw_slot in dict.fromkeys(data.getlist("slots")):
        row = by_slot.get(parse_small(raw_slot))
        if row is None:
            raise ResponsesRejected(
                {raw_slot: UNKNOWN_QUESTION}, message=UNKNOWN_QUESTION
            )
        entry = registry.get(row.question_type)
        name = field_name(row.slot)
        allowed |= entry.field_names(row.presentation, name)
        try:
            responses[row.slot] = entry.reader(row.presentation, data, name)
        except InvalidResponse as error:
            errors[row.slot] = error.message
    if set(data.keys()) - allowed:
        raise ResponsesRejected(errors, message=UNEXPECTED_FIELDS)
    if errors:
        raise ResponsesRejected(errors)
    return responses
