"""Quotes read from the reports as a draft: grouped by report, each quote once and cited; an open
question's points first, in the report's own words."""
from __future__ import annotations

from ..models import Citation, ReportMeta
from ..reading.sentences import Candidate, distinct, lead_clause
from ..text.sections import section_at
from .draft import Draft, Line
from .slots import Cite, Who


def compose(chosen: list[Candidate], metas: dict[str, ReportMeta], sections, points: bool,
            route: str | None = None, made_by: str = "") -> Draft:
    """One line per quote, grouped by report; `points`: an open question, whose lead line gathers each
    passage's point. Verified later by the verify check."""
    chosen = distinct(chosen)
    citations = []
    for key, c in enumerate(chosen, 1):
        meta = metas[c.report_id]
        citations.append(Citation(key=key, report_id=meta.id, source=meta.source, title=meta.title, place=meta.place,
                                  year=meta.year, section=section_at(sections(meta.id), c.start), quote=c.quote,
                                  start=c.start, end=c.end, source_url=meta.source_url))
    lines: list[Line] = []
    for rid in dict.fromkeys(c.report_id for c in chosen):
        keys = [k for k, c in enumerate(chosen, 1) if c.report_id == rid]
        lines += _report_lines(metas[rid], [(k, chosen[k - 1].quote) for k in keys], points)
    return Draft(lines=lines, citations=citations, route=route, made_by=made_by)


def _report_lines(meta: ReportMeta, quotes: list[tuple[int, str]], points: bool) -> list[Line]:
    who = Who(meta, "says")
    if len(quotes) == 1:
        key, quote = quotes[0]
        return [Line("evidence", "report.says", {"who": who, "quote": quote, "cite": Cite((key,))})]
    if points:
        said = "；".join(dict.fromkeys(p for _, quote in quotes if (p := lead_clause(quote))))
        head = (Line("lead", "report.points", {"who": who, "points": said}) if said
                else Line("lead", "report.describes", {"who": who}))
    else:  # a figure or a fact: the best quote is the answer's first sentence, the others follow
        (key, quote), quotes = quotes[0], quotes[1:]
        head = Line("evidence", "report.says", {"who": who, "quote": quote, "cite": Cite((key,))})
    return [head] + [Line("evidence", "report.item", {"quote": quote, "cite": Cite((key,))}) for key, quote in quotes]
