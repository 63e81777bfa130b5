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

    # As wide as ``<int:...>``, so reverse() still builds any number's URL
    # (which then resolves to nothing); ``to_python`` does the refusing, and
    # ``parse_id`` looks at no more than 20 characters before saying no.
    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # the pattern does not match: 404
        return number

    def to_url(self, value) -> str:
        return str(value)


def register() -> None:
    """Make ``<id:...>`` available to every URLconf."""
    register_converter(IdConverter, ID_CONVERTER)
