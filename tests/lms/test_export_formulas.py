"""No export cell reads as a formula, however its text is disguised (hypothesis).

A spreadsheet may skip leading spaces and control characters and may fold a
full-width "＝" into "=": the text of every cell is generated as padding +
a formula sign or one of its compatibility look-alikes + a payload, written
to CSV and XLSX (directly, and through the reports with the text in a
learner's names, a team name and a course title), read back with the csv
module and openpyxl, and checked with an oracle written independently of
``lms.reports.exports``.
"""

import csv
import datetime
import io
import unicodedata

import openpyxl
import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.escape import unescape

from lms.reports.exports import ExportColumn, csv_chunks, neutralise, write_xlsx
from lms.teams.services import assignment_create
from tests.factories import TeamFactory, UserFactory
from tests.lms.helpers import enrolment_of, finish

pytestmark = pytest.mark.django_db

SIGNS = "=+-@"
#: Every BMP character that NFKC turns into text starting with a formula sign.
LOOKALIKES = sorted(
    char
    for char in map(chr, range(0x20, 0x10000))
    if not 0xD800 <= ord(char) <= 0xDFFF
    and unicodedata.normalize("NFKC", char)[:1] in SIGNS
)
PADDING = [" ", "\t", "\r", "\n", "\x01", "\x1f", "\x7f", "\u00a0", "\u2028"]
PADDING += ["\u3000", "\u200b", "\u200e", "\ufeff", "\u2060", "\u00ad"]


def invisible(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "CZ"


def first_visible_nfkc(text: str) -> str:
    """The oracle: what a spreadsheet might take for the cell's first character."""
    rest = "".join(text).lstrip()
    while rest and invisible(rest[0]):
        rest = rest[1:]
    rest = unicodedata.normalize("NFKC", rest)
    while rest and invisible(rest[0]):
        rest = rest[1:]
    return rest[:1]


def dangerous(text: str) -> bool:
    return text.startswith(("\t", "\r")) or first_visible_nfkc(text) in set(SIGNS)


def assert_inert(text: str) -> None:
    assert not dangerous(text) or text.startswith("'"), repr(text)


def test_the_look_alikes_include_the_full_width_signs():
    assert {"=", "+", "-", "@", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣"} <= set(
        LOOKALIKES
    )


disguised = st.builds(
    lambda padding, sign, payload: padding + sign + payload,
    st.text(alphabet=st.sampled_from(PADDING), max_size=4),
    st.sampled_from(LOOKALIKES),
    st.text(max_size=12),
)
any_text = st.one_of(disguised, st.text(max_size=16))

FAST = settings(max_examples=20, deadline=None)
THROUGH_REPORTS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FAST
@given(text=any_text)
def test_neutralise_leaves_no_formula(text):
    assert_inert(neutralise(text))


def _columns():
    return [
        ExportColumn("Texte", lambda row: row["text"]),
        ExportColumn("Nombre", lambda row: row["number"]),
        ExportColumn("Date", lambda row: row["date"]),
    ]


def _rows(texts):
    return [
        {"text": text, "number": -2, "date": datetime.date(2026, 3, 1)}
        for text in texts
    ]


@FAST
@given(texts=st.lists(any_text, min_size=1, max_size=5))
def test_csv_cells_are_inert(texts):
    data = b"".join(csv_chunks(_rows(texts), _columns())).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert len(rows) == len(texts) + 1
    for row in rows[1:]:
        assert_inert(row[0])
        assert row[1:] == ["-2", "2026-03-01"]  # a negative number stays as is


@FAST
@given(texts=st.lists(any_text, min_size=1, max_size=5))
def test_xlsx_cells_are_inert(texts):
    output = io.BytesIO()
    write_xlsx(output, rows=_rows(texts), columns=_columns(), title="Test")
    output.seek(0)
    sheet = openpyxl.load_workbook(output).active
    for text_cell, number, date in sheet.iter_rows(min_row=2):
        assert text_cell.data_type in {"s", "n"}  # "n" is an empty cell
        assert_inert(unescape(text_cell.value or ""))
        assert number.value == -2 and number.data_type == "n"
        assert date.value == datetime.datetime(2026, 3, 1)


@pytest.mark.parametrize(
    "name", ["Élodie", "O'Neil", "Anne-Marie", "Zoë", "李小龍", "d’Arc", "4e étage"]
)
def test_ordinary_text_is_unchanged(name):
    assert neutralise(name) == name
    data = b"".join(csv_chunks(_rows([name]), _columns())).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(data)))[1][0] == name
    output = io.BytesIO()
    write_xlsx(output, rows=_rows([name]), columns=_columns(), title="Test")
    output.seek(0)
    assert openpyxl.load_workbook(output).active["A2"].value == name


@pytest.mark.parametrize(
    "text", ["-2+3", "＝1+1", "  =1", "\u3000＋1", "\x01@x", "\ufeff-1"]
)
def test_disguised_formulas_are_neutralised(text):
    assert neutralise(text) == "'" + text


# --- Through the reports ------------------------------------------------------------


@pytest.fixture
def trapped(course, manager_a, today):
    """A team of one, with a completion: every text column has something."""
    person = UserFactory(username="trap", first_name="A", last_name="B")
    team = TeamFactory(name="T", managers=[manager_a], members=[person])
    assignment_create(course=course, due_on=today, team=team)
    finish(enrolment_of(person, course))
    return {"person": person, "team": team, "course": course}


def _cells(response) -> list[str]:
    content = b"".join(response.streaming_content)
    if response["Content-Type"].startswith("text/csv"):
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
        return [cell for row in rows for cell in row]
    book = openpyxl.load_workbook(io.BytesIO(content))
    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    return [unescape(cell.value) for cell in cells if isinstance(cell.value, str)]


# Text a database stores: no NUL (PostgreSQL refuses it), names fit the columns.
stored = disguised.filter(lambda text: "\x00" not in text)


@THROUGH_REPORTS
@given(first=stored, last=stored, team_name=stored, title=stored)
def test_report_exports_are_inert(
    client, manager_a, trapped, first, last, team_name, title
):
    person, team, course = trapped["person"], trapped["team"], trapped["course"]
    type(person).objects.filter(pk=person.pk).update(first_name=first, last_name=last)
    type(team).objects.filter(pk=team.pk).update(name=team_name[:100])
    type(course).objects.filter(pk=course.pk).update(title=title)
    client.force_login(manager_a)
    for report in ("completion", "team_summary", "certificates"):
        for export in ("csv", "xlsx"):
            response = client.get(reverse(f"reports:{report}"), {"export": export})
            assert response.status_code == 200
            for cell in _cells(response):
                assert_inert(cell)
