"""Ids read from URLs, query strings and forms: a plain ASCII integer in range, or None.

Python's ``int()`` accepts far more than an id: Unicode digits ("١٢"),
signs, surrounding spaces, underscores ("1_0") and numbers past any database
column. Each of those reaching a query is at best a wasted round trip and at
worst a 500 (an integer out of range for a bigint). Every id that crosses the
request boundary goes through ``parse_id`` instead, and a None answer becomes
a 400 or 404 at the edge.
"""

import re

# Primary keys are positive and fit a signed 64-bit column.
MAX_ID = 2**63 - 1
# Slot and page numbers fit a small integer column.
MAX_SMALL = 2**15 - 1

_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(value, *, minimum: int = 1, maximum: int = MAX_ID) -> int | None:
    """``value`` as an integer in ``minimum..maximum`` if plain ASCII digits, else None.

    Integers pass through the same range check; anything else (None, lists,
    text with signs, spaces or non-ASCII digits) is None.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if minimum <= number <= maximum else None


def parse_small(value, *, minimum: int = 1) -> int | None:
    """``parse_id`` for slot, sequence and page numbers (up to ``MAX_SMALL``)."""
    return parse_id(value, minimum=minimum, maximum=MAX_SMALL)
