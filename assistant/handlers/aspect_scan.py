"""Which reports (or how many) state an aspect of themselves — the meeting they were delivered at, a 文号, their
addressee — narrowed to the statements holding the question's own words (在人大常委会会议上作的)."""
from __future__ import annotations

from ..domain.aspects import ASPECTS
from ..models import Coverage
from ..reading.select import scope_reports
from ..render.builder import Builder
from ..render.draft import Draft, Line
from ..render.lists import checked_line, more_line, names_line, quoted_first
from ..render.slots import P, Cite, T, Who
from ..text.script import to_simplified
from .about_report import stated
from .registry import handler

_BY_NAME = {a.name: a for a in ASPECTS}


@handler("aspect_scan")
def aspect_scan(intent, ctx) -> Draft | None:
    c = ctx.corpus
    reports = scope_reports(c.metas, intent.query, intent.filters)
    hits = {m.id: _first_stated(intent.aspects, m, c.text(m.id)) for m in reports}
    lines = {rid: _plain(c.text(rid)[h.start:h.end]) for rid, h in hits.items() if h}
    # a question word no statement holds (写明, 哪几份) says nothing of the statement: only the others narrow it
    words = [_plain(k) for k in intent.keywords if any(_plain(k) in line for line in lines.values())]
    b = Builder(c.metas, c.text, c.sections)
    found = [m for m in reports if m.id in lines and all(w in lines[m.id] for w in words)]
    quoted = quoted_first(found, ctx.tuning.list_quote_limit)  # in scope order; the rest counted, not quoted
    for m in quoted:
        start, end = hits[m.id].start, hits[m.id].end
        key = b.cite(m.id, start, end)
        b.lines.append(Line("item", "item.quote", {"who": Who(m, "item"), "quote": c.text(m.id)[start:end],
                                                   "cite": Cite((key,))}))
    found_ids = {m.id for m in found}
    missing = [m for m in reports if m.id not in found_ids]
    what = T("、".join(_BY_NAME[n].label[0] for n in intent.aspects), ", ".join(_BY_NAME[n].label[1] for n in intent.aspects))
    b.lines.insert(0, checked_line(len(reports), len(found), 0, 0, P("what.states", {"what": what})))
    if len(quoted) < len(found):
        b.lines.append(more_line(len(found), len(quoted), P("what.states", {"what": what})))
    if missing:
        b.lines.append(names_line("not_stated_by", missing))
    return b.finish(intent.route, [m.place or m.source for m in found],
                    Coverage(checked=len(reports), matched=len(found), not_reported=len(missing),
                             quoted=len(quoted) if len(quoted) < len(found) else None))


def _first_stated(names: list[str], meta, text: str):
    return next((hit for hit in (stated(_BY_NAME[n], meta, text) for n in names) if hit), None)


def _plain(text: str) -> str:
    return to_simplified(text).replace("人民政府", "政府")  # 省政府 asked, 青海省人民政府 written
