"""Streamed CSV and XLSX exports that are safe to open in a spreadsheet.

* **Streamed**: rows come from ``QuerySet.values().iterator(chunk_size=...)``
  (a server-side cursor on PostgreSQL), so memory stays flat whatever the
  number of rows. CSV bytes go out as they are produced
  (``StreamingHttpResponse``); XLSX is written by xlsxwriter in
  ``constant_memory`` mode to an anonymous temporary file, then streamed from
  disk in blocks (``FileResponse``), because a ZIP's central directory can
  only be written once every row is known.
* **Excel-friendly**: CSV is UTF-8 with a byte order mark, so Excel shows
  French accents; XLSX dates are real dates.
* **Inert**: any text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or
  a carriage return is prefixed with a single quote, so a learner called
  ``=HYPERLINK(...)`` stays text (OWASP "CSV injection"). "Starting" is read
  as a spreadsheet might: after leading spaces and control characters, and
  after Unicode compatibility normalisation (NFKC), so "  ＝1+1" (a
  full-width equals sign) is neutralised too.
"""

from __future__ import annotations

import csv
import datetime
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import xlsxwriter
from django.conf import settings
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.functional import Promise

CSV_BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMULA_SIGNS = frozenset("=+-@")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
# Rows written to the CSV buffer before it is handed to the server.
CSV_ROWS_PER_CHUNK = 200


def neutralise(value: Any) -> Any:
    """``value`` made inert for spreadsheets: formula-like text gets a leading '.

    Lazy translation strings count as text; numbers and dates pass unchanged.
    Called once per cell, so the common cases are tested first.
    """
    if value.__class__ is not str:
        if not isinstance(value, str | Promise):
            return value
        value = str(value)
    if value.startswith(FORMULA_PREFIXES) or _formula_after_padding(value):
        return "'" + value
    return value


def _first_visible(value: str) -> str:
    """The first character that is neither white space nor a control character."""
    for char in value:
        if not char.isspace() and unicodedata.category(char)[0] not in "CZ":
            return char
    return ""


def _formula_after_padding(value: str) -> bool:
    """True when a spreadsheet could still read ``value`` as a formula.

    Spreadsheets may skip leading spaces or control characters, and may fold
    compatibility forms (full-width "＝", small "﹢") into the ASCII sign.
    Plain text (a letter or digit first) is answered without normalising.
    """
    first = _first_visible(value)
    if not first or (first.isascii() and first.isalnum()):
        return False
    # NFKC may turn one character into several, or compose it with the
    # characters after it: the character alone and with what follows.
    start = value.index(first)
    alone = unicodedata.normalize("NFKC", first)
    along = unicodedata.normalize("NFKC", value[start : start + 8])
    return any(_first_visible(text) in FORMULA_SIGNS for text in (alone, along))


@dataclass(frozen=True)
class ExportColumn:
    """One column of an export: its heading and how to get a row's value.

    ``value`` receives the row (a dict from ``values()``) and returns a
    string, number, date, datetime or None.
    """

    heading: str
    value: Callable[[dict], Any]


def export_chunk_size() -> int:
    return getattr(settings, "RELAIS_EXPORT_CHUNK_SIZE", 2000)


def iterate(rows) -> Iterator[dict]:
    """Rows of a queryset in chunks (server-side cursor), else as given."""
    if hasattr(rows, "iterator"):
        return rows.iterator(chunk_size=export_chunk_size())
    return iter(rows)


def _csv_text(value: Any) -> str:
    if value.__class__ is str:
        return value
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return force_str(value)


class _Buffer:
    """A write-only file-like object collecting what csv.writer writes."""

    def __init__(self):
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def take(self) -> str:
        text, self.parts = "".join(self.parts), []
        return text


def csv_chunks(rows: Iterable[dict], columns: list[ExportColumn]) -> Iterator[bytes]:
    """The CSV file, BOM and headings first, as UTF-8 byte chunks."""
    buffer = _Buffer()
    writer = csv.writer(buffer)
    buffer.write(CSV_BOM)
    writer.writerow([neutralise(force_str(column.heading)) for column in columns])
    pending = 0
    for row in iterate(rows):
        # Only text is neutralised: a negative number stays a number.
        writer.writerow(
            [_csv_text(neutralise(column.value(row))) for column in columns]
        )
        pending += 1
        if pending >= CSV_ROWS_PER_CHUNK:
            yield buffer.take().encode("utf-8")
            pending = 0
    yield buffer.take().encode("utf-8")


def _disposition(filename: str, extension: str) -> str:
    stamp = timezone.localdate().isoformat()
    return f'attachment; filename="{filename}-{stamp}.{extension}"'


def csv_response(
    *, rows: Iterable[dict], columns: list[ExportColumn], filename: str
) -> StreamingHttpResponse:
    """A streamed CSV download (UTF-8 with BOM)."""
    response = StreamingHttpResponse(
        csv_chunks(rows, columns), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = _disposition(filename, "csv")
    return response


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)
        return value
    if isinstance(value, Decimal):
        return float(value)
    if value is None or isinstance(value, int | float | datetime.date):
        return value
    return neutralise(force_str(value))


def write_xlsx(
    output, *, rows: Iterable[dict], columns: list[ExportColumn], title: str
) -> int:
    """Write the workbook to ``output`` (a path or binary file); returns row count.

    Strings are never turned into formulas, numbers or links by xlsxwriter,
    and formula-like text is neutralised as in the CSV.
    """
    workbook = xlsxwriter.Workbook(
        output,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "remove_timezone": True,
        },
    )
    sheet = workbook.add_worksheet(title[:31] or "Export")
    bold = workbook.add_format({"bold": True})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    datetime_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for index, column in enumerate(columns):
        sheet.write_string(0, index, neutralise(force_str(column.heading)), bold)
    count = 0
    for count, row in enumerate(iterate(rows), start=1):
        for index, column in enumerate(columns):
            value = _xlsx_value(column.value(row))
            if value is None:
                continue
            if isinstance(value, datetime.datetime):
                sheet.write_datetime(count, index, value, datetime_format)
            elif isinstance(value, datetime.date):
                sheet.write_datetime(count, index, value, date_format)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(count, index, value)
            else:
                sheet.write_string(count, index, force_str(value))
    sheet.freeze_panes(1, 0)
    workbook.close()
    return count


def xlsx_response(
    *, rows: Iterable[dict], columns: list[ExportColumn], filename: str, title: str
) -> FileResponse:
    """An XLSX download, built in constant memory and streamed from disk."""
    handle = tempfile.TemporaryFile(prefix="relais-export-", suffix=".xlsx")
    write_xlsx(handle, rows=rows, columns=columns, title=title)
    handle.seek(0)
    response = FileResponse(handle, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = _disposition(filename, "xlsx")
    return response
