"""Which reports (or how many) state a figure or claim zero defeat in the scope asked: every report in
scope is checked against the fact table and the answer says how many were checked (and quotes the first
`answer.list_quote_limit` reports, counting the rest). Top-k retrieval
would silently drop qualifying reports."""
from __future__ import annotations

from ..domain.indicators import Indicator
from ..facts.quote import clause_span
from ..models import Coverage, Fact
from ..reading.select import is_partial, meets, scope_reports, zero_matches
from ..render.builder import Builder
from ..render.draft import Draft, Line
from ..render.lists import checked_line, fact_item, indicator_names, more_line, names_line, quoted_first
from ..render.slots import P
from .registry import handler

_CLAIMS = (Indicator.zero_defeat, Indicator.no_reconsideration_correction)


@handler("fact_list")
def fact_list(intent, ctx) -> Draft:
    c = ctx.corpus
    reports = scope_reports(c.metas, intent.query, intent.filters)
    in_scope = {m.id for m in reports}
    condition, threshold = getattr(intent, "condition", None), getattr(intent, "threshold", None)
    # selected in SQL by indicator (and report when the scope is narrower than the corpus)
    wanted = _CLAIMS if intent.kind == "claim_list" else intent.indicators
    facts = [f for f in c.facts.of(in_scope, wanted) if meets(f, condition, threshold)]
    if intent.kind == "claim_list":
        hit = [f for f in facts if zero_matches(f, intent.asks.zero_domain)]
        hit_ids = {id(f) for f in hit}  # identity: comparing pydantic models field by field is quadratic
        near = [f for f in facts if id(f) not in hit_ids and f.indicator in _CLAIMS]
        what = P("what.zero")
    else:
        asked = [f for f in facts if f.indicator in intent.indicators]
        near = [f for f in asked if is_partial(f, intent.asks.partial_named)]
        near_ids = {id(f) for f in near}
        hit = [f for f in asked if id(f) not in near_ids]
        what = P("what.indicators", {"names": indicator_names(intent.indicators)})
    matched = _first_per_report(hit)
    matched_ids = {f.report_id for f in matched}
    near_only = [f for f in _first_per_report(near) if f.report_id not in matched_ids]
    # the first `list_quote_limit` of each in the fact table's order (report id, then position); the rest counted
    limit = ctx.tuning.list_quote_limit
    quoted, quoted_near = quoted_first(matched, limit), quoted_first(near_only, limit)
    text, sections = c.reading(f.report_id for f in quoted + quoted_near)  # the cited reports, read at once
    b = Builder(c.metas, text, sections)
    for f in quoted:
        b.lines.append(fact_item(b, f, *clause_span(text(f.report_id), f)))
    for f in quoted_near:
        b.lines.append(fact_item(b, f, *clause_span(text(f.report_id), f), scope_differs=True))
    reported = matched_ids | {f.report_id for f in near_only}
    missing = [m for m in reports if m.id not in reported]
    b.lines.insert(0, checked_line(len(reports), len(matched), len(near_only), len(missing), what))
    if len(quoted) < len(matched):
        b.lines.append(more_line(len(matched), len(quoted), what))
    if len(quoted_near) < len(near_only):
        b.lines.append(Line("summary", "more.related", {}))
    if missing:
        b.lines.append(names_line("not_reported_by", missing))
    places = [c.metas[f.report_id].place or c.metas[f.report_id].source for f in matched]
    return b.finish(intent.route, places, Coverage(checked=len(reports), matched=len(matched),
                                                   related=len(near_only), not_reported=len(missing),
                                                   quoted=len(quoted) if len(quoted) < len(matched) else None))


def _first_per_report(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        if f.report_id not in seen:
            seen.add(f.report_id)
            out.append(f)
    return out
