"""CSV cells a spreadsheet would run as a formula are quoted (text/spreadsheet.py)."""
from __future__ import annotations

from assistant.text.spreadsheet import neutralised, neutralised_row


def test_formula_starts_are_quoted_and_the_rest_kept():
    for cell in ("=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert neutralised(cell) == "'" + cell
    for cell in ("平罗县", "败诉率为21.6%", "", 3.5, None, 2023):
        assert neutralised(cell) == cell
    assert neutralised_row({"a": "=1", "b": 2}) == {"a": "'=1", "b": 2}
    assert neutralised_row(["@x", "y"]) == ["'@x", "y"]
