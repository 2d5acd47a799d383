"""Reports chosen by their metadata alone (year, level, issuing body): each cited by its title, or by
its first words when it has none; the first `answer.list_quote_limit` of them, the rest counted."""
from __future__ import annotations

import re

from ..models import Coverage
from ..reading.select import scope_reports
from ..render.builder import Builder
from ..render.draft import Draft, Line
from ..render.lists import more_line, quoted_first
from ..render.slots import P, Cite, Who
from ..text.spans import clause_spans, sentence_spans, title_span
from .registry import handler


@handler("report_list")
def report_list(intent, ctx) -> Draft:
    c = ctx.corpus
    reports = scope_reports(c.metas, intent.query, intent.filters)
    quoted = quoted_first(reports, ctx.tuning.list_quote_limit)  # in scope order (file name); the rest counted
    text, sections = c.reading(m.id for m in quoted)  # two statements, not two per report listed
    b = Builder(c.metas, text, sections)
    for m in quoted:
        body = text(m.id)
        if span := title_span(body, m.title):
            b.lines.append(Line("item", "item.title", {"who": Who(m, "item"), "title": m.title,
                                                       "cite": Cite((b.cite(m.id, *span),))}))
        elif opening := _opening_clause(body):  # no title: the report's first words identify it
            b.lines.append(Line("item", "item.quote", {"who": Who(m, "item"), "quote": body[opening[0]:opening[1]],
                                                       "cite": Cite((b.cite(m.id, *opening),))}))
    total = len(c.metas)
    b.lines.insert(0, Line("summary", "reports.match", {"total": total, "n": len(reports)}))
    cut = len(quoted) < len(reports)
    if cut:
        b.lines.append(more_line(len(reports), len(quoted), P("what.match")))
    return b.finish(intent.route, [m.place or m.source for m in reports],
                    Coverage(checked=total, matched=len(reports), not_reported=0, quoted=len(quoted) if cut else None))


def _opening_clause(body: str) -> tuple[int, int] | None:
    """The first clause of the text long enough to recognise the report by (not a bare "2020年")."""
    for s, e in sentence_spans(body, 0, min(len(body), 600)):
        for cs, ce in clause_spans(body, s, e):
            if len(re.findall(r"[\u4e00-\u9fff]", body[cs:ce])) >= 10:
                return cs, ce
    return None
