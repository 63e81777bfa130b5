"""Exports: streamed, UTF-8 with a BOM, inert in a spreadsheet, scoped as the screen."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.http import FileResponse, StreamingHttpResponse
from django.urls import reverse
from openpyxl.utils.escape import unescape

from lms.reports.exports import (
    CSV_BOM,
    ExportColumn,
    csv_chunks,
    neutralise,
    write_xlsx,
)
from tests.factories import TeamFactory, UserFactory
from tests.lms.helpers import enrolment_of, finish

pytestmark = pytest.mark.django_db

DANGEROUS = [
    '=HYPERLINK("http://evil.example","clic")',
    "+33 1 23 45",
    "-2+3",
    "@SUM(A1:A9)",
    "\tcmd",
    "\rcmd",
]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        *((text, "'" + text) for text in DANGEROUS),
        ("Émilie Côté", "Émilie Côté"),
        ("a=b", "a=b"),
        ("", ""),
        (-5, -5),
        (Decimal("-0.25"), Decimal("-0.25")),
        (None, None),
    ],
    ids=[
        "equals",
        "plus",
        "minus",
        "at",
        "tab",
        "carriage-return",
        "accents",
        "inner-equals",
        "empty",
        "negative-int",
        "negative-decimal",
        "none",
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def columns():
    return [
        ExportColumn("Nom", lambda row: row["name"]),
        ExportColumn("Date", lambda row: row["date"]),
        ExportColumn("Indice", lambda row: row["index"]),
    ]


ROWS = [
    {"name": text, "date": datetime.date(2026, 3, 1), "index": -0.25}
    for text in DANGEROUS
] + [{"name": "Émilie Côté", "date": None, "index": 1}]


def test_csv_round_trip_keeps_formulas_inert():
    data = b"".join(csv_chunks(ROWS, columns()))

    assert data.startswith(CSV_BOM.encode("utf-8"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["Nom", "Date", "Indice"]
    names = [row[0] for row in rows[1:]]
    assert names == ["'" + text for text in DANGEROUS] + ["Émilie Côté"]
    assert rows[1][1:] == ["2026-03-01", "-0.25"]  # numbers stay numbers


def test_xlsx_round_trip_keeps_formulas_inert(tmp_path):
    path = tmp_path / "export.xlsx"
    assert write_xlsx(str(path), rows=ROWS, columns=columns(), title="Test") == 7

    sheet = openpyxl.load_workbook(path).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("Nom", "Date", "Indice")
    for row, text in zip(
        sheet.iter_rows(min_row=2, max_col=1), DANGEROUS, strict=False
    ):
        cell = row[0]
        assert cell.data_type == "s"
        # xlsxwriter stores a CR as the OOXML escape _x000D_, Excel reads it back.
        assert unescape(cell.value) == "'" + text
    assert values[1][1] == datetime.datetime(2026, 3, 1)
    assert values[1][2] == -0.25
    assert values[-1][0] == "Émilie Côté"


@pytest.fixture
def booby_trapped(course, manager_a, today):
    """A team whose learners' names are formulas and whose name is French."""
    people = [
        UserFactory(username=f"trap{n}", first_name=text, last_name="Côté")
        for n, text in enumerate(DANGEROUS)
    ]
    team = TeamFactory(name="Équipe piégée", managers=[manager_a], members=people)
    from lms.teams.services import assignment_create

    assignment_create(course=course, due_on=today, team=team)
    finish(enrolment_of(people[0], course))
    return people


@pytest.mark.parametrize("report", ["completion", "team_summary", "certificates"])
def test_report_csv_is_streamed_with_bom_and_inert(
    client, manager_a, booby_trapped, report
):
    client.force_login(manager_a)
    response = client.get(reverse(f"reports:{report}"), {"export": "csv"})

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    data = b"".join(response.streaming_content)
    assert data.startswith(CSV_BOM.encode())
    text = data.decode("utf-8-sig")
    assert "Côté" in text or "Équipe piégée" in text
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("report", ["completion", "team_summary", "certificates"])
def test_report_xlsx_is_a_file_response_and_inert(
    client, manager_a, booby_trapped, report
):
    client.force_login(manager_a)
    response = client.get(reverse(f"reports:{report}"), {"export": "xlsx"})

    assert isinstance(response, FileResponse)
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert any(cell.value and "Côté" in str(cell.value) for cell in cells) or any(
        cell.value == "Équipe piégée" for cell in cells
    )
    for cell in cells:
        assert cell.data_type != "f"
        if isinstance(cell.value, str):
            assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_export_scope_is_the_screen_scope(client, assigned, manager_a, members_a):
    """Same filters, same order: the CSV lists exactly the rows on screen."""
    finish(enrolment_of(members_a[1], assigned["a"].course))
    client.force_login(manager_a)
    params = {"status": "overdue", "ordering": "-learner"}

    screen = client.get(reverse("reports:completion"), params)
    export = client.get(reverse("reports:completion"), {**params, "export": "csv"})

    on_screen = [row["learner__email"] for row in screen.context["object_list"]]
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    exported = [row[2] for row in rows[1:]]
    assert on_screen == exported == ["a2@example.org", "a0@example.org"]


def test_exports_ignore_pagination(client, assigned, trainer, settings):
    settings.RELAIS_REPORT_PAGE_SIZE = 2
    client.force_login(trainer)

    page = client.get(reverse("reports:completion"), {"p": 2})
    export = client.get(reverse("reports:completion"), {"p": 2, "export": "csv"})

    assert len(page.context["object_list"]) == 2
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + 6
