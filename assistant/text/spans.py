"""Sentence and clause spans: the units every quote is cut from (offsets into the cleaned text)."""
from __future__ import annotations

import re

_SENT_END = re.compile(r"[。!?;!?;]+[”’」』)]*|\n")
_CLAUSE_SEP = re.compile(r"[,,、]")


def title_span(text: str, title: str | None) -> tuple[int, int] | None:
    """Where the title stands at the start of the text, also when the page split it over lines
    (赵县人民政府 / 2022年度法治政府建设情况报告); None when it does not open the text."""
    if not title:
        return None
    if text.startswith(title):
        return 0, len(title)
    pos = taken = 0
    while taken < len(title) and pos < len(text):
        if text[pos] == "\n":
            pos += 1
            continue
        if text[pos] != title[taken]:
            return None
        pos, taken = pos + 1, taken + 1
    return (0, pos) if taken == len(title) else None


def clause_spans(text: str, start: int, end: int, sep: re.Pattern = _CLAUSE_SEP) -> list[tuple[int, int]]:
    """Non-empty clause spans inside text[start:end], split at `sep` (commas by default)."""
    spans, pos = [], start
    for m in sep.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return [(s, e) for s, e in spans if e > s]


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence (or ;-clause) spans inside text[start:end], whitespace-trimmed."""
    spans, pos = [], start
    for m in _SENT_END.finditer(text, start, end):
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def sentence_around(text: str, start: int, end: int, over_semicolons: bool = False) -> tuple[int, int]:
    """The span of the sentence holding text[start:end] (to its end at least), or the span itself;
    `over_semicolons`: with the parts a semicolon joins to it (全市…30751件;市本级…9651件。 is one sentence)."""
    spans = sentence_spans(text, 0, len(text))
    at = next((i for i, (s, e) in enumerate(spans) if s <= start < e), None)
    if at is None:
        return (start, end)
    first = last = at
    while over_semicolons and first > 0 and text[spans[first - 1][1] - 1] in ";；":
        first -= 1
    while over_semicolons and last + 1 < len(spans) and text[spans[last][1] - 1] in ";；":
        last += 1
    return (spans[first][0], max(spans[last][1], end))
