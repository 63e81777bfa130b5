"""Reading people files: encodings, delimiters, XLSX, headers in French or English."""

import codecs

import pytest

from lms.onboarding.reading import (
    ACCEPTED_COLUMNS,
    FILE_EMPTY,
    FILE_NOT_SPREADSHEET,
    FILE_XLSX_UNREADABLE,
    HEADER_MISSING,
    HEADER_TWICE,
    HEADER_UNKNOWN,
    FileError,
    read_people,
    split_list,
)
from tests.lms.onboarding.helpers import EN_HEADER, FR_HEADER, csv_bytes, xlsx_bytes

ROW = ["zoé@example.org", "Zoé", "Lefèvre-Côté", "français", "Ventes | Été", "Ventes"]


def only(content, filename="people.csv"):
    rows = list(read_people(content, filename))
    assert len(rows) == 1
    return rows[0]


@pytest.mark.parametrize(
    ("content",),
    [
        (csv_bytes([ROW], delimiter=";", encoding="cp1252"),),
        (csv_bytes([ROW], delimiter=";", encoding="utf-8"),),
        (codecs.BOM_UTF8 + csv_bytes([ROW], delimiter=",", encoding="utf-8"),),
        (csv_bytes([ROW], delimiter=",", encoding="cp1252"),),
        (csv_bytes([ROW], delimiter="\t", encoding="utf-16"),),
        (xlsx_bytes([ROW], header=FR_HEADER),),
    ],
    ids=[
        "cp1252-semicolon",
        "utf8-semicolon",
        "utf8-bom-comma",
        "cp1252-comma",
        "utf16-tab",
        "xlsx",
    ],
)
def test_every_office_format_reads_the_same(content):
    row = only(content, "people.xlsx" if content[:2] == b"PK" else "people.csv")

    assert row.line == 2
    assert row.email == "zoé@example.org"
    assert (row.first_name, row.last_name) == ("Zoé", "Lefèvre-Côté")
    assert row.language == "français"
    assert row.teams == ("Ventes", "Été")
    assert row.manager_of == ("Ventes",)


@pytest.mark.parametrize(
    ("header",),
    [
        (EN_HEADER,),
        (FR_HEADER,),
        (["E-mail", "Prénom", "NOM", "Langue", "Équipes", "Gestionnaire de"],),
        (
            [
                "Courriel",
                "Prenom",
                "Nom de famille",
                "Language",
                "Team(s)",
                "Manager of",
            ],
        ),
    ],
    ids=["english", "french", "french-capitals", "mixed-unaccented"],
)
def test_headers_in_either_language(header):
    content = csv_bytes([["a@example.org", "A", "B", "en", "T", ""]], header=header)

    row = only(content)

    assert (row.email, row.first_name, row.last_name, row.language) == (
        "a@example.org",
        "A",
        "B",
        "en",
    )
    assert row.teams == ("T",)


def test_columns_in_any_order_and_only_email_required():
    content = csv_bytes([["Ventes", "a@example.org"]], header=["équipe", "courriel"])

    row = only(content)

    assert row.email == "a@example.org"
    assert row.first_name is None and row.last_name is None
    assert row.teams == ("Ventes",)


def test_quoted_semicolons_split_teams_in_a_semicolon_file():
    content = 'courriel;équipes\r\na@example.org;"Ventes; Montréal ;Ventes"\r\n'

    row = only(content.encode("cp1252"))

    assert row.teams == ("Ventes", "Montréal")


def test_blank_lines_are_skipped_and_line_numbers_are_the_files():
    content = "courriel;nom\r\n\r\na@example.org;A\r\n;\r\nb@example.org;B\r\n"

    rows = list(read_people(content.encode(), "x.csv"))

    assert [(r.line, r.email) for r in rows] == [
        (3, "a@example.org"),
        (5, "b@example.org"),
    ]


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"", "x.csv", FILE_EMPTY),
        (b"\r\n \r\n", "x.csv", FILE_EMPTY),
        (codecs.BOM_UTF8, "x.csv", FILE_EMPTY),
        (b"%PDF-1.4\x00\x01binary", "x.pdf", FILE_NOT_SPREADSHEET),
        (b"\xd0\xcf\x11\xe0\x00\x00old excel", "x.xls", FILE_NOT_SPREADSHEET),
        (b"PK\x03\x04not really a workbook", "x.xlsx", FILE_XLSX_UNREADABLE),
        (
            b"name;team\r\nA;B\r\n",
            "x.csv",
            HEADER_UNKNOWN % {"column": "name", "columns": ACCEPTED_COLUMNS},
        ),
        (
            b"nom;langue\r\nA;fr\r\n",
            "x.csv",
            HEADER_MISSING % {"columns": ACCEPTED_COLUMNS},
        ),
        (b"email;courriel\r\na;b\r\n", "x.csv", HEADER_TWICE % {"column": "courriel"}),
    ],
    ids=[
        "empty",
        "blank-lines",
        "bom-only",
        "pdf",
        "old-xls",
        "broken-xlsx",
        "unknown-column",
        "no-email-column",
        "email-twice",
    ],
)
def test_files_that_are_refused_whole(content, filename, message):
    with pytest.raises(FileError) as raised:
        list(read_people(content, filename))

    assert str(raised.value) == str(message)


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("", ()),
        ("A", ("A",)),
        ("A | B", ("A", "B")),
        ("A;B;A", ("A", "B")),
        (" A  team |  ", ("A team",)),
    ],
    ids=["empty", "one", "pipe", "semicolon-repeat", "spaces"],
)
def test_split_list(cell, names):
    assert split_list(cell) == names
