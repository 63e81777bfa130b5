"""What grading returns, and the pure helpers every question type shares.

Nothing here touches the database. Question types (``quizzes.models``) call
these helpers from ``grade()``; tests call them directly.
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from quizzes.units import is_unit

# User-facing messages for responses the server refuses. Tests import them.
RESPONSE_UNKNOWN_OPTION = _(
    "This answer refers to an option that is not part of the question. "
    "Reload the page and answer again."
)
RESPONSE_SINGLE_VALUE = _("Choose only one answer.")
RESPONSE_MALFORMED = _("This answer could not be read. Reload the page and try again.")
RESPONSE_TOO_LONG = _("This answer is too long: use at most %(limit)s characters.")
NUMERIC_INVALID = _(
    "Enter a number, for example 20, 20,5 or 20.5 (no letters or symbols)."
)
ORDERING_INCOMPLETE = _("Give every item a position, or leave them all blank.")
ORDERING_DUPLICATE = _("Give each item a different position, from 1 to %(count)s.")

MAX_TEXT_RESPONSE_LENGTH = 500
MAX_NUMERIC_RESPONSE_LENGTH = 40

ZERO = Decimal(0)
ONE = Decimal(1)
FRACTION_STEP = Decimal("0.0001")
POINTS_STEP = Decimal("0.01")


class InvalidResponse(ValueError):
    """A response the server refuses: malformed, tampered with, or unreadable.

    ``message`` is safe to show to the learner. Nothing is saved when a
    service meets one.
    """

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Selection:
    """One thing the learner picked, kept for item analysis.

    ``option_id`` is stable across attempts (the option's key), so reports
    can count how often each wrong option was chosen with a plain GROUP BY.
    """

    option_id: str
    label: str
    is_correct: bool


@dataclass(frozen=True)
class Grade:
    """The outcome of grading one response.

    ``fraction`` is always a Decimal in [0, 1] (clamped and rounded here, so
    no question type can return anything else). ``feedback`` is plain text
    written by the trainer for the options the learner chose.
    ``needs_person`` says that no rule can grade this answer (an essay): the
    fraction is 0 until a person grades it, and the attempt awaits grading.
    """

    fraction: Decimal
    feedback: str = ""
    selections: tuple[Selection, ...] = field(default_factory=tuple)
    answered: bool = True
    needs_person: bool = False

    def __post_init__(self):
        value = Decimal(str(self.fraction))
        if not value.is_finite():
            value = ZERO
        value = min(ONE, max(ZERO, value)).quantize(FRACTION_STEP, ROUND_HALF_UP)
        object.__setattr__(self, "fraction", value)
        object.__setattr__(self, "selections", tuple(self.selections))

    @classmethod
    def unanswered(cls) -> "Grade":
        return cls(fraction=ZERO, answered=False)

    @classmethod
    def awaiting_person(cls) -> "Grade":
        """An answer only a person can grade; it earns nothing until then."""
        return cls(fraction=ZERO, needs_person=True)

    @property
    def is_correct(self) -> bool:
        return self.fraction == ONE

    @property
    def is_partial(self) -> bool:
        return ZERO < self.fraction < ONE

    def points(self, max_points: Decimal) -> Decimal:
        return (self.fraction * Decimal(max_points)).quantize(
            POINTS_STEP, ROUND_HALF_UP
        )


def ratio(numerator, denominator) -> Decimal:
    """numerator / denominator as a Decimal, 0 when there is nothing to divide."""
    if not denominator:
        return ZERO
    return Decimal(numerator) / Decimal(denominator)


_PUNCTUATION_CATEGORIES = ("P",)


def normalise_text(
    text: str,
    *,
    ignore_case: bool = False,
    ignore_accents: bool = False,
    ignore_punctuation: bool = False,
    ignore_spacing: bool = False,
) -> str:
    """Normalise a short-text answer the way the trainer asked.

    Leading and trailing spaces never count. With every option on,
    "Paramètres  de confidentialité !" and "parametres de confidentialite"
    compare equal.
    """
    value = unicodedata.normalize("NFKC", text or "")
    if ignore_accents:
        value = "".join(
            char
            for char in unicodedata.normalize("NFD", value)
            if not unicodedata.combining(char)
        )
        value = unicodedata.normalize("NFC", value)
    if ignore_case:
        value = value.casefold()
    if ignore_punctuation:
        value = "".join(
            char
            for char in value
            if not unicodedata.category(char).startswith(_PUNCTUATION_CATEGORIES)
        )
    if ignore_spacing:
        value = " ".join(value.split())
    return value.strip()


_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$")
# Spaces people type inside numbers: "1 000", with ordinary, no-break or thin spaces.
_NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
# The number's characters at the start of a response; the rest may be a unit.
_LEADING_NUMBER = re.compile(r"[+-]?[\d\s\u00a0\u202f\u2009.,]*")


def parse_number(text: str, *, unit: str = "") -> Decimal:
    """Read a learner's number: "20", "20,0", "20.0", "-3,5", "1 000", "20 %".

    The number may be followed by ``unit`` or a short form of it (see
    quizzes.units): "20 min/jour" reads as 20 for "minutes par jour".

    Raises InvalidResponse(NUMERIC_INVALID) for NaN, infinities, exponents
    and anything else that is not a plain decimal number.
    """
    if not isinstance(text, str) or len(text) > MAX_NUMERIC_RESPONSE_LENGTH:
        raise InvalidResponse(NUMERIC_INVALID)
    value = text.strip().replace("\u2212", "-")  # typographic minus
    number_part = _LEADING_NUMBER.match(value)
    value, after = value[: number_part.end()], value[number_part.end() :]
    # What follows the number may only be the question's unit or a short form of
    # it ("20 min/jour" for "minutes par jour"); anything else is not a number.
    if after.strip() and not (unit and is_unit(after, unit)):
        raise InvalidResponse(NUMERIC_INVALID)
    value = _NUMBER_SPACES.sub("", value)
    if not _NUMBER.match(value):
        raise InvalidResponse(NUMERIC_INVALID)
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation as error:  # pragma: no cover - the regex rules this out
        raise InvalidResponse(NUMERIC_INVALID) from error
    if not number.is_finite() or math.isinf(float(number)):
        raise InvalidResponse(NUMERIC_INVALID)
    return number


def check_text_length(value: str, limit: int = MAX_TEXT_RESPONSE_LENGTH) -> str:
    if not isinstance(value, str):
        raise InvalidResponse(RESPONSE_MALFORMED)
    if len(value) > limit:
        raise InvalidResponse(RESPONSE_TOO_LONG % {"limit": limit})
    return value
