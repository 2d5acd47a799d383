"""Pure checks on citations and answer text: verbatim quotes, and no number without a source."""
from __future__ import annotations

import re

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
    """Numbers stated in `text` that no cited quote (or cited report's title/place/year) contains."""
    allowed: set[str] = set()
    for cit in citations:
        allowed |= numbers_in(cit.quote) | numbers_in(cit.title or "") | numbers_in(cit.place or "")
        if cit.year is not None:
            allowed.add(str(cit.year))
    if coverage is not None:  # counts of reports computed in code from the cited list
        allowed |= {str(n) for n in (coverage.checked, coverage.matched, coverage.related, coverage.not_reported)}
    return numbers_in(_claims(text, citations)) - allowed


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
