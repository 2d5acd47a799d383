"""Pure checks on citations and answer text: verbatim quotes, and no figure without a source.

A figure is supported by value, not by its digits (domain/quantity.py): 579,500 and 57.95万件 are one
figure, 23 million yuan is not 23起, 57.95 million is not 57.95万, 45 cases is not 化解率45%. A figure
rounded for English (1.22 million yuan) stands only beside the exact one it was rounded from (122.4552万元).
"""
from __future__ import annotations

import re

from ..domain.ordinal import ordinals_zh
from ..domain.quantity import COUNT_KINDS, Quantity, en_number, parse_en, parse_zh, quantities_in
from ..models import Answer, Citation, Coverage
from ..render.slots import MARKER
from ..text.injection import looks_like_injection

_FILE_NAME = re.compile(r"[\w.\-]+\.(?:txt|md|html?|docx|pdf)\b", re.I)
_NUM = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_in(text: str) -> set[str]:
    """Numbers as normalised strings: 1,536 → 1536, 3.640 → 3.64, 07 → 7."""
    out = set()
    for m in _NUM.finditer(text):
        raw = m.group().replace(",", "")
        if raw.count(".") > 1:
            out.update(p for p in raw.split(".") if p)
            continue
        if "." in raw:
            raw = raw.rstrip("0").rstrip(".")
        out.add(raw.lstrip("0") or "0")
    return out


def verify_quote(text: str, cit: Citation) -> bool:
    return 0 <= cit.start < cit.end <= len(text) and text[cit.start: cit.end] == cit.quote


def unsupported_numbers(text: str, citations: list[Citation], coverage: Coverage | None = None) -> set[str]:
    """Figures stated in `text` that no cited quote holds by value and kind (bare numbers may also be a
    cited report's year, a number of its title or place, or a count of reports the program computed)."""
    allowed: set[str] = set()
    for cit in citations:
        allowed |= numbers_in(cit.title or "") | numbers_in(cit.place or "")
        if cit.year is not None:
            allowed.add(str(cit.year))
    if coverage is not None:  # counts of reports computed in code from the cited list
        allowed |= coverage.counts()
    bad = unsupported_figures(_claims(text, citations), [c.quote for c in citations], allowed)
    return set().union(*(numbers_in(t) for t in bad))


def unsupported_figures(text: str, quotes: list[str], allowed: set[str] = frozenset()) -> list[str]:
    """Each figure of `text` (either language) that equals no figure of `quotes` in value with a compatible
    kind; `allowed`: bare numbers accepted as written (years, counts the program decided)."""
    said = quantities_in(text)
    held = [q for quote in quotes for q in parse_zh(quote) + ordinals_zh(quote)]  # 第四: "the 4th"
    by_value: dict = {}  # an answer listing thousands of reports: each figure looks up its value, not every quote's
    for h in held:
        by_value.setdefault(h.value, []).append(h)
    return [q.text for q in said if not _supported(q, said, held, allowed, by_value)]


def _supported(q: Quantity, said: list[Quantity], held: list[Quantity], allowed: set[str], by_value: dict) -> bool:
    if any(q.compatible(h) for h in by_value.get(q.value, ())):
        return True
    if not q.magnitude and (q.kind in ("none", "year") or q.kind in COUNT_KINDS) \
            and numbers_in(format(q.number, "f")) <= allowed:  # a year, or a count of reports (3份)
        return True
    return any(_rounded_beside(q, h, said) for h in held if h.magnitude and q.compatible(h))


def _rounded_beside(q: Quantity, h: Quantity, said: list[Quantity]) -> bool:
    """1.22 million yuan for 122.4552万元: the English rounding of the quote's figure, stated with it."""
    text, rounded = en_number(h)
    if not rounded:
        return False
    en = parse_en(text)
    return bool(en) and en[0].value == q.value and any(s.value == h.value and s is not q for s in said)


def _claims(text: str, citations: list[Citation]) -> str:
    """The text without markers and without the file names that identify reports (no place recognised)."""
    body = MARKER.sub("", text)
    for source in {c.source for c in citations if c.source}:
        body = body.replace(source, " ")
    return _FILE_NAME.sub(" ", body)


def citation_problems(citations: list[Citation], texts: dict[str, str]) -> list[str]:
    problems = []
    for cit in citations:
        if not verify_quote(texts.get(cit.report_id, ""), cit):
            problems.append(f"citation [{cit.key}] is not verbatim at {cit.start}:{cit.end} of report {cit.report_id}")
        elif looks_like_injection(cit.quote):  # every path (open, overview, passages) ends here: never evidence
            problems.append(f"citation [{cit.key}] reads like an instruction to a model, not a report's statement")
    return problems


def check_answer(answer: Answer, texts: dict[str, str]) -> list[str]:
    """Every problem of an answer's text and citations; an empty list means it may be shown (used on
    phrased answers, whose text the program did not build)."""
    problems = citation_problems(answer.citations, texts)
    keys = {c.key for c in answer.citations}
    for key in map(int, MARKER.findall(answer.answer)):
        if key not in keys:
            problems.append(f"marker [{key}] has no citation")
    if not answer.abstained and (missing := unsupported_numbers(answer.answer, answer.citations, answer.coverage)):
        problems.append(f"numbers without a cited source: {sorted(missing)}")
    return problems
