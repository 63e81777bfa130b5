"""core.ids: only plain ASCII integers in range are ids."""

import pytest

from core.ids import MAX_ID, MAX_SMALL, parse_id, parse_small


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1", 1),
        ("42", 42),
        (7, 7),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
        ("0", None),
        ("-1", None),
        ("+1", None),
        (" 1", None),
        ("1 ", None),
        ("1_0", None),
        ("١٢", None),  # Arabic-Indic digits: int() would accept them
        ("１", None),  # a full-width digit
        ("1e3", None),
        ("", None),
        (None, None),
        (True, None),
        (["1"], None),
        ("9" * 40, None),
    ],
    ids=lambda v: repr(v)[:20],
)
def test_parse_id(value, expected):
    assert parse_id(value) == expected


def test_parse_small_bounds_and_minimum():
    assert parse_small(str(MAX_SMALL)) == MAX_SMALL
    assert parse_small(str(MAX_SMALL + 1)) is None
    assert parse_small("0") is None
    assert parse_small("0", minimum=0) == 0
