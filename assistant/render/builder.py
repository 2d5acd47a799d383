"""Builder: the citations of a draft (verified spans of the cleaned texts, overlapping spans merged into
one) and the lines that cite them; `finish` numbers the citations 1..n in order."""
from __future__ import annotations

from ..models import Citation, Coverage, ReportMeta
from ..text.sections import section_at
from .draft import Draft, Line
from .slots import Cite


class Builder:
    def __init__(self, metas: dict[str, ReportMeta], text, sections):
        self.metas, self.text, self.sections = metas, text, sections
        self.citations: list[Citation] = []
        self.lines: list[Line] = []
        self._keys: dict[tuple[str, int, int], int] = {}
        self._alias: dict[int, int] = {}  # a citation absorbed by a wider one → that one's key
        # each report's citations in key order: a list of thousands of reports must not compare every
        # citation with every other (quadratic: 1.3 s for 1,747 reports)
        self._of_report: dict[str, list[Citation]] = {}

    def cite(self, rid: str, start: int, end: int) -> int:
        """The key citing text[start:end]; a span overlapping one already cited widens that citation
        instead, so one passage is one citation (and its quote is shown once)."""
        if (rid, start, end) in self._keys:
            return self._resolve(self._keys[(rid, start, end)])
        for c in self._live_of(rid):
            if c.start < end and start < c.end:
                self._widen(c, start, end)
                self._keys[(rid, start, end)] = c.key
                return c.key
        meta, text = self.metas[rid], self.text(rid)
        key = self._keys[(rid, start, end)] = len(self.citations) + 1
        self.citations.append(Citation(key=key, report_id=rid, source=meta.source, title=meta.title, place=meta.place,
                                       year=meta.year, section=section_at(self.sections(rid), start),
                                       quote=text[start:end], start=start, end=end, source_url=meta.source_url))
        self._of_report.setdefault(rid, []).append(self.citations[-1])
        return key

    def quote(self, key: int) -> str:
        return self.citations[self._resolve(key) - 1].quote

    def evidence(self, keys: list[int] | None = None) -> list[Line]:
        """One evidence line per cited passage (of `keys` only, when given), in key order."""
        wanted = None if keys is None else {self._resolve(k) for k in keys}
        return [evidence_line(c.quote, c.key) for c in self._live() if wanted is None or c.key in wanted]

    def _live(self) -> list[Citation]:
        return [c for c in self.citations if c.key not in self._alias]

    def _live_of(self, rid: str) -> list[Citation]:
        return [c for c in self._of_report.get(rid, ()) if c.key not in self._alias]

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
            for o in self._live_of(c.report_id):
                if o is not c and o.start < c.end and c.start < o.end:
                    c.start, c.end = min(c.start, o.start), max(c.end, o.end)
                    self._alias[o.key] = c.key
                    grew = True
        c.quote = self.text(c.report_id)[c.start:c.end]

    def finish(self, route: str | None, places: list[str] | None = None, coverage: Coverage | None = None,
               table=None, abstained: bool = False, made_by: str = "") -> Draft:
        """Citations numbered 1..n in order, absorbed ones dropped, every marker and table cell renumbered."""
        live = self._live()
        new = {c.key: i for i, c in enumerate(live, 1)}
        renumbered = {k: new[self._resolve(k)] for k in range(1, len(self.citations) + 1)}
        lines = [line.renumbered(renumbered) for line in self.lines]
        table = table.renumbered(renumbered) if table is not None else None
        return Draft(lines=lines, citations=[c.model_copy(update={"key": new[c.key]}) for c in live], route=route,
                     abstained=abstained, places=places, coverage=coverage, table=table, made_by=made_by)


def evidence_line(quote: str, key: int) -> Line:
    return Line("evidence", "evidence", {"cite": Cite((key,)), "quote": quote})
