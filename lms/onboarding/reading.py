"""Reading a people file: CSV (any encoding an office produces) or XLSX.

``read_people(content, filename)`` turns the uploaded bytes into rows of
:class:`PersonRow`, one per person line, each with its line number in the
file. It streams: rows are yielded one by one, never held in a list, so a
10,000-line file costs no more memory than its bytes.

Accepted, detected automatically:

* CSV in UTF-8 with or without BOM, UTF-16 with BOM ("Unicode text"), else
  Windows-1252 (what French Excel saves as "CSV (separator: semicolon)");
* delimiters ``;``, ``,`` or tab, found by ``csv.Sniffer`` on the first
  lines, else by counting them in the header line;
* XLSX through openpyxl in read-only mode (first sheet).

Columns, in English or French, in any order (case, accents, spaces and a
trailing "(s)" ignored): email/courriel (required), first name/prénom, last
name/nom, language/langue, team(s)/équipe(s), manager of/gestionnaire de.
Several teams in one cell are separated by ``|`` or ``;`` (in a semicolon
CSV, put ``;`` lists in quotes or use ``|``).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

FILE_EMPTY = _("The file is empty.")
FILE_NOT_SPREADSHEET = _(
    "This file is neither a CSV file nor an Excel workbook (.xlsx). From your "
    "spreadsheet, save it as “CSV” or “Excel workbook” and try again."
)
FILE_XLSX_UNREADABLE = _(
    "This Excel workbook cannot be read. Open it in your spreadsheet, save it "
    "again as “Excel workbook (.xlsx)” and try again."
)
HEADER_MISSING = _(
    "The first line must name the columns, with at least “email” (or "
    "“courriel”). Accepted columns: %(columns)s."
)
HEADER_UNKNOWN = _("Unknown column “%(column)s”. Accepted columns: %(columns)s.")
HEADER_TWICE = _("The column “%(column)s” appears twice.")

ACCEPTED_COLUMNS = (
    "email (courriel), first name (prénom), last name (nom), language (langue), "
    "team(s) (équipe(s)), manager of (gestionnaire de)"
)

# Normalised header → field. Normalising drops case, accents, "(s)" and
# punctuation, so "Équipe(s)", "equipes" and "TEAMS" are one header.
HEADERS = {
    "email": "email",
    "e mail": "email",
    "mail": "email",
    "courriel": "email",
    "adresse courriel": "email",
    "email address": "email",
    "first name": "first_name",
    "firstname": "first_name",
    "given name": "first_name",
    "prenom": "first_name",
    "last name": "last_name",
    "lastname": "last_name",
    "surname": "last_name",
    "family name": "last_name",
    "nom": "last_name",
    "nom de famille": "last_name",
    "language": "language",
    "preferred language": "language",
    "langue": "language",
    "langue preferee": "language",
    "team": "teams",
    "teams": "teams",
    "equipe": "teams",
    "equipes": "teams",
    "manager of": "manager_of",
    "manager of team": "manager_of",
    "manager of teams": "manager_of",
    "manages": "manager_of",
    "gestionnaire de": "manager_of",
    "gestionnaire des equipes": "manager_of",
    "gestionnaire de l equipe": "manager_of",
    "gestionnaire": "manager_of",
}
FIELDS = ("email", "first_name", "last_name", "language", "teams", "manager_of")
LIST_SEPARATORS = re.compile(r"[|;]")
SNIFF_BYTES = 64 * 1024


class FileError(ValueError):
    """The whole file is refused (not a spreadsheet, empty, bad header)."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class PersonRow:
    """One person line: its line number in the file and its cleaned cells."""

    line: int
    email: str
    first_name: str | None
    last_name: str | None
    language: str | None
    teams: tuple[str, ...]
    manager_of: tuple[str, ...]
    #: cells past the last named column (often a ";" list split by the CSV)
    extra_cells: bool = False


def normalise_header(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text or "").replace("\ufeff", ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("(s)", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def split_list(cell: str) -> tuple[str, ...]:
    """Team names of a cell, in order, blanks and repeats dropped."""
    names: list[str] = []
    for part in LIST_SEPARATORS.split(cell or ""):
        name = " ".join(part.split())
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _columns(header: list) -> list[str | None]:
    """The field of each header cell (None for blank trailing cells)."""
    columns: list[str | None] = []
    for cell in header:
        text = _cell(cell)
        if not text:
            columns.append(None)
            continue
        field = HEADERS.get(normalise_header(text))
        if field is None:
            raise FileError(
                HEADER_UNKNOWN % {"column": text, "columns": ACCEPTED_COLUMNS}
            )
        if field in columns:
            raise FileError(HEADER_TWICE % {"column": text})
        columns.append(field)
    if "email" not in columns:
        raise FileError(HEADER_MISSING % {"columns": ACCEPTED_COLUMNS})
    return columns


def _rows(cells: Iterator[tuple[int, list]]) -> Iterator[PersonRow]:
    """Rows from (line, cells) pairs: the first non-blank one is the header."""
    columns = None
    for line, values in cells:
        texts = [_cell(value) for value in values]
        if not any(texts):
            continue
        if columns is None:
            columns = _columns(values)
            continue
        data = {
            field: texts[index] if index < len(texts) else ""
            for index, field in enumerate(columns)
            if field
        }
        yield PersonRow(
            line=line,
            email=data.get("email", ""),
            first_name=data.get("first_name") if "first_name" in data else None,
            last_name=data.get("last_name") if "last_name" in data else None,
            language=data.get("language") or None,
            teams=split_list(data.get("teams", "")),
            manager_of=split_list(data.get("manager_of", "")),
            extra_cells=len(texts) > len(columns),
        )
    if columns is None:
        raise FileError(FILE_EMPTY)


# --- CSV ------------------------------------------------------------------------


def _encoding(content: bytes) -> str:
    if content.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _dialect(sample: str):
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        counts = {d: first.count(d) for d in ";,\t"}
        delimiter = max(counts, key=counts.get) if any(counts.values()) else ","

        class Fallback(csv.excel):
            pass

        Fallback.delimiter = delimiter
        return Fallback


def _csv_cells(content: bytes) -> Iterator[tuple[int, list]]:
    encoding = _encoding(content)
    # cp1252 leaves five bytes undefined; an office file never has them, and
    # replacing them beats refusing the file over one stray byte.
    text = io.TextIOWrapper(
        io.BytesIO(content), encoding=encoding, errors="replace", newline=""
    )
    sample = text.read(SNIFF_BYTES)
    text.seek(0)
    reader = csv.reader(text, _dialect(sample))
    line = 1
    for values in reader:
        yield line, values
        line = reader.line_num + 1


# --- XLSX -----------------------------------------------------------------------


def _xlsx_cells(content: bytes) -> Iterator[tuple[int, list]]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise FileError(FILE_XLSX_UNREADABLE) from error
    try:
        sheet = workbook.worksheets[0]
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield line, list(values)
    finally:
        workbook.close()


def is_xlsx(content: bytes) -> bool:
    return content.startswith(b"PK\x03\x04")


def check_file(content: bytes, filename: str) -> None:
    """Refuse, with a :class:`FileError`, what is not a people file at all."""
    if not content.strip(b" \t\r\n\xef\xbb\xbf"):
        raise FileError(FILE_EMPTY)
    name = (filename or "").lower()
    if is_xlsx(content):
        return
    if name.endswith((".xlsx", ".xls", ".ods", ".pdf", ".doc", ".docx")):
        raise FileError(FILE_NOT_SPREADSHEET)
    if _encoding(content) != "utf-16" and b"\x00" in content[:SNIFF_BYTES]:
        raise FileError(FILE_NOT_SPREADSHEET)


def read_people(content: bytes, filename: str = "") -> Iterator[PersonRow]:
    """The person rows of an uploaded file, streamed; see the module docstring.

    Raises :class:`FileError` for a file that cannot be read at all (the
    first row is read eagerly, so a bad header raises before any row).
    """
    check_file(content, filename)
    cells = _xlsx_cells(content) if is_xlsx(content) else _csv_cells(content)
    return _rows(cells)
