"""Build people files the way offices save them (CSV in any encoding, XLSX)."""

import io

from openpyxl import Workbook

FR_HEADER = ["courriel", "prénom", "nom", "langue", "équipe(s)", "gestionnaire de"]
EN_HEADER = ["email", "first name", "last name", "language", "teams", "manager of"]


def csv_bytes(rows, *, delimiter=";", encoding="cp1252", header=FR_HEADER) -> bytes:
    lines = [delimiter.join(header)] if header else []
    lines += [delimiter.join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(rows, *, header=EN_HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def people(count: int, *, teams: int = 1, prefix: str = "p") -> list[list[str]]:
    """``count`` people spread over ``teams`` teams named "Team 0"…"""
    return [
        [
            f"{prefix}{n}@example.org",
            f"Prénom{n}",
            f"Nom{n}",
            "fr" if n % 2 else "en",
            f"Team {n % teams}",
            "",
        ]
        for n in range(count)
    ]
