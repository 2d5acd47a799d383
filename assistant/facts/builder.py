"""Answers built in code from facts: verified citations, one line per fact, and the quote's clause."""
from __future__ import annotations

import re

from ..answer.analyze import Query
from ..answer.lead import evidence_line
from ..models import Answer, Citation, Coverage, ReportMeta
from ..places import english_name
from ..ingest.sections import section_at
from ..text.spans import clause_spans
from .extract import Fact

_CLAUSE_OR_SEMI = re.compile(r"[,,;;]")


class Builder:
    """Collects citations (verified spans of the cleaned texts) and the answer lines that cite them."""

    def __init__(self, q: Query, metas: dict[str, ReportMeta], text, sections):
        self.q, self.metas, self.text, self.sections = q, metas, text, sections
        self.citations: list[Citation] = []
        self.lines: list[str] = []
        self._keys: dict[tuple[str, int, int], int] = {}
        self._alias: dict[int, int] = {}  # a citation absorbed by a wider one → that one's key
        self.renumbered: dict[int, int] = {}  # key while building → key in the answer

    def cite(self, rid: str, start: int, end: int) -> int:
        """The key citing text[start:end]; a span overlapping one already cited widens that citation
        instead, so one passage is one citation (and its quote is shown once)."""
        if (rid, start, end) in self._keys:
            return self._resolve(self._keys[(rid, start, end)])
        for c in self._live():
            if c.report_id == rid and c.start < end and start < c.end:
                self._widen(c, start, end)
                self._keys[(rid, start, end)] = c.key
                return c.key
        meta, text = self.metas[rid], self.text(rid)
        key = self._keys[(rid, start, end)] = len(self.citations) + 1
        self.citations.append(Citation(key=key, report_id=rid, source=meta.source, title=meta.title, place=meta.place,
                                       year=meta.year, section=section_at(self.sections(rid), start),
                                       quote=text[start:end], start=start, end=end))
        return key

    def evidence(self, keys: list[int] | None = None) -> list[str]:
        """One "原文[n]:“…”" line per cited passage (of `keys` only, when given), in key order."""
        wanted = None if keys is None else {self._resolve(k) for k in keys}
        return [evidence_line(c.quote, c.key, self.q.lang) for c in self._live() if wanted is None or c.key in wanted]

    def _live(self) -> list[Citation]:
        return [c for c in self.citations if c.key not in self._alias]

    def _resolve(self, key: int) -> int:
        while key in self._alias:
            key = self._alias[key]
        return key

    def _widen(self, c: Citation, start: int, end: int) -> None:
        """Widen c to cover [start, end) and every other live citation the wider span now overlaps."""
        c.start, c.end = min(c.start, start), max(c.end, end)
        grew = True
        while grew:
            grew = False
            for o in self._live():
                if o is not c and o.report_id == c.report_id and o.start < c.end and c.start < o.end:
                    c.start, c.end = min(c.start, o.start), max(c.end, o.end)
                    self._alias[o.key] = c.key
                    grew = True
        c.quote = self.text(c.report_id)[c.start:c.end]

    def _final(self) -> tuple[list[Citation], list[str]]:
        """Citations numbered 1..n in order, absorbed ones dropped, markers in the lines rewritten."""
        live = self._live()
        new = {c.key: i for i, c in enumerate(live, 1)}
        self.renumbered = {k: new[self._resolve(k)] for k in range(1, len(self.citations) + 1)}
        lines = [re.sub(r"\[(\d+)\]", lambda m: f"[{self.renumbered.get(int(m.group(1)), m.group(1))}]", line)
                 for line in self.lines]
        return [c.model_copy(update={"key": new[c.key]}) for c in live], list(dict.fromkeys(lines))

    def who(self, rid: str) -> str:
        m = self.metas[rid]
        if self.q.lang == "zh":
            return f"{m.place or m.source}({m.year or '年份不详'})"
        return f"{english_name(m.place)} ({m.place or m.source}, {m.year or 'year unknown'})"

    def answer(self, route: str, places: list[str] | None, coverage: Coverage | None) -> Answer:
        citations, lines = self._final()
        return Answer(question=self.q.question, answer="\n".join(lines), citations=citations,
                      route=route, places=places, coverage=coverage)


_COUNTED = re.compile(r"\d+(?:\.\d+)?\s?[件起宗次人名个家项]")
# a clause that goes on about the same figure (调解成功7405件, 其中…, 同比上升…): kept with it
_CONTINUES = re.compile(r"^(?:其中|另|成功|调解成功|化解成功|办结|结案|同比|较上年|比上年|较去年|比去年|占|排名|居|位居|位列)")


def clause_span(text: str, fact: Fact, whole: bool = False) -> tuple[int, int]:
    """The clause(s) of the fact's sentence that hold its figure: short enough to check at a glance
    (the whole sentence when `whole`, e.g. a question that also asks the rank)."""
    quote = fact.quote
    at = quote.find(fact.value_text) if fact.value_text else -1
    if whole or len(quote) <= 60 or at < 0:
        return fact.start, fact.end
    clauses = clause_spans(quote, 0, len(quote), _CLAUSE_OR_SEMI)
    i = max(k for k, (s, _) in enumerate(clauses) if s <= at)
    s, e = clauses[i]
    if e - s < 14 and i > 0:  # a bare figure ("调解成功率99.35%") keeps the clause that names its subject
        s = clauses[i - 1][0]
    last, first = i, i - (s < clauses[i][0])
    while fact.indicator.kind == "rate" and first > 0 and s - clauses[first - 1][0] < 30 \
            and _COUNTED.search(quote[clauses[first - 1][0]:clauses[first - 1][1]]):
        first -= 1  # a rate keeps the counts it is computed from (接收37件, 成功19件, 化解率51.35%)
        s = clauses[first][0]
    for ns, ne in clauses[last + 1:last + 3]:
        if not _CONTINUES.match(quote[ns:ne].lstrip(",,;; ")):
            break
        e = ne
    return fact.start + s, fact.start + e
