"""The ``<id:...>`` path converter: a primary key as ``core.ids.parse_id`` reads it.

Django's ``<int:...>`` takes any run of ASCII digits, so a 25-digit number
reaches the view and overflows the bigint column (PostgreSQL: DataError "out
of range", SQLite: OverflowError), a 500. ``<id:...>`` refuses zero and
anything past ``core.ids.MAX_ID`` while resolving, so such a URL matches no
pattern and gets the ordinary 404. Registered by ``core.apps.CoreConfig``,
before any URLconf is loaded.
"""

from django.urls import register_converter

from core.ids import parse_id

ID_CONVERTER = "id"


class IdConverter:
    """A positive integer that fits a signed 64-bit column, in ASCII digits."""

    # Bounded so the resolver never hands ``parse_id`` a megabyte of digits.
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # the pattern does not match: 404
        return number

    def to_url(self, value) -> str:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # reverse() then finds no match
        return str(number)


def register() -> None:
    """Make ``<id:...>`` available to every URLconf."""
    register_converter(IdConverter, ID_CONVERTER)
