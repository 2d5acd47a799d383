"""Answers that must read every report in scope: list, count, compare, and fact-backed lookups.

Top-k retrieval silently drops qualifying reports; here every report in scope is checked against
the fact table (or scanned for a keyword) and the answer says how many were checked.
"""
from __future__ import annotations

import re

from ..answer.analyze import Query, strip_exclusions
from ..answer.plan import Plan
from ..models import Answer, Coverage, ReportMeta
from ..text.spans import clause_spans, sentence_spans, title_span
from .builder import Builder, clause_span
from .extract import Fact
from .indicators import Indicator
from .scope import fact_ok, is_partial, scope_reports, zero_domain, zero_matches

I = Indicator


def _summary(b: Builder, checked: int, matched: int, related: int, missing: list[ReportMeta], what: str) -> None:
    nr = len(missing)
    if b.q.lang == "zh":
        head = f"检查了{checked}份报告:{matched}份{what}"
        head += f",{related}份只报告了相近但不同的情况" if related else ""
        head += f",{nr}份未报告。" if nr else "。"
    else:
        head = f"Checked {checked} reports: {matched} {what}"
        head += f", {related} state only a related but different figure" if related else ""
        head += f", {nr} do not report it." if nr else "."
    b.lines.insert(0, head)
    if missing:
        names = "、".join(m.place or m.source for m in missing)
        b.lines.append(f"未报告:{names}。" if b.q.lang == "zh" else f"Not reported: {names}.")


def _fact_line(b: Builder, f: Fact, note: str = "") -> None:
    s, e = clause_span(b.text(f.report_id), f)
    key = b.cite(f.report_id, s, e)
    quote = b.text(f.report_id)[s:e]
    if isinstance(f.value, bool):  # a claim is its own sentence: quoted once, not restated
        b.lines.append(f"- {b.who(f.report_id)}{note}:“{quote}”[{key}]" if b.q.lang == "zh"
                       else f"- {b.who(f.report_id)}{note}: {f.indicator.name_en} — “{quote}” [{key}]")
    elif b.q.lang == "zh":
        scope = f"({f.scope})" if f.scope else ""
        b.lines.append(f"- {b.who(f.report_id)}{note}:{f.indicator.label_zh}{scope}为{f.value_text}。原文:“{quote}”[{key}]")
    else:
        scope = f" (scope: {f.scope})" if f.scope else ""
        what = f.indicator.name_en + scope + ("" if isinstance(f.value, bool) else f": {f.value_text}")
        b.lines.append(f"- {b.who(f.report_id)}{note}: {what} — “{quote}” [{key}]")


def list_or_count_facts(q: Query, plan: Plan, metas, facts: list[Fact], text, sections, route: str) -> Answer:
    reports = scope_reports(metas, q, plan)
    in_scope = {m.id for m in reports}
    facts = [f for f in facts if f.report_id in in_scope and fact_ok(f, plan)]
    if plan.condition == "zero":
        domain = zero_domain(strip_exclusions(q.question))
        hit = [f for f in facts if zero_matches(f, domain)]
        hit_ids = {id(f) for f in hit}  # identity: comparing pydantic models field by field is quadratic
        near = [f for f in facts if id(f) not in hit_ids
                and f.indicator in (I.zero_defeat, I.no_reconsideration_correction)]
    else:
        asked = [f for f in facts if f.indicator in plan.indicators]
        partial = [f for f in asked if is_partial(f, q.question)]
        partial_ids = {id(f) for f in partial}
        hit = [f for f in asked if id(f) not in partial_ids]
        near = partial
    b = Builder(q, metas, text, sections)
    matched = _first_per_report(hit)
    matched_ids = {f.report_id for f in matched}
    near_only = [f for f in _first_per_report(near) if f.report_id not in matched_ids]
    for f in matched:
        _fact_line(b, f)
    for f in near_only:
        _fact_line(b, f, "(不同口径)" if q.lang == "zh" else " (different scope)")
    reported = {f.report_id for f in matched} | {f.report_id for f in near_only}
    missing = [m for m in reports if m.id not in reported]
    what = _what(q, plan)
    _summary(b, len(reports), len(matched), len(near_only), missing, what)
    places = [metas[f.report_id].place or metas[f.report_id].source for f in matched]
    return b.answer(route, places, Coverage(checked=len(reports), matched=len(matched), related=len(near_only),
                                            not_reported=len(missing)))


def _first_per_report(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        if f.report_id not in seen:
            seen.add(f.report_id)
            out.append(f)
    return out


def _what(q: Query, plan: Plan) -> str:
    if plan.condition == "zero":
        return "明确报告了所问范围的零败诉" if q.lang == "zh" else "explicitly report zero defeat in the scope asked"
    names = "/".join((i.label_zh if q.lang == "zh" else i.name_en) for i in plan.indicators[:3])
    return f"报告了{names}" if q.lang == "zh" else f"report {names}"


def keyword_scan(q: Query, plan: Plan, metas, text, sections, route: str) -> Answer | None:
    """Reports that mention a term: read each report in scope, cite its first sentence with the term."""
    if not plan.keywords:
        return None
    reports = scope_reports(metas, q, plan)
    b = Builder(q, metas, text, sections)
    places = []
    for m in reports:
        body = text(m.id)
        if not all(k in body for k in plan.keywords):
            continue
        at = _near_all(body, plan.keywords)
        s, e = next(((s, e) for s, e in sentence_spans(body, max(0, body.rfind("\n", 0, at) + 1), len(body))
                     if s <= at < e), (at, at + 1))
        if e - s > 120:  # cite the clause around the term, not a whole paragraph
            s = max(s, max(body.rfind(c, s, at) for c in ",,;;") + 1)
            e = min([e] + [x for x in (body.find(c, at, e) for c in ",,;;") if x > 0])
        key = b.cite(m.id, s, e)
        b.lines.append(f"- {b.who(m.id)}:“{body[s:e]}”[{key}]")
        places.append(m.place or m.source)
    missing = [m for m in reports if (m.place or m.source) not in places]
    terms = "、".join(f"“{k}”" for k in plan.keywords)
    what = f"提到了{terms}" if q.lang == "zh" else f"mention {terms}"
    _summary(b, len(reports), len(places), 0, [], what)
    if missing:
        names = "、".join(m.place or m.source for m in missing)
        b.lines.append(f"未提到:{names}。" if q.lang == "zh" else f"Not mentioned in: {names}.")
    return b.answer(route, places, Coverage(checked=len(reports), matched=len(places), not_reported=len(missing)))


def _near_all(body: str, keywords: list[str]) -> int:
    """Offset of the first keyword occurrence that has the other keywords in the same sentence, if any."""
    first = keywords[0]
    pos = body.find(first)
    while pos >= 0:
        s = max(body.rfind(c, 0, pos) for c in "。\n;;") + 1
        e = min([x for x in (body.find(c, pos) for c in "。\n;;") if x >= 0] or [len(body)])
        if all(k in body[s:e] for k in keywords):
            return pos
        pos = body.find(first, pos + 1)
    return body.find(first)


def metadata_list(q: Query, plan: Plan, metas, text, sections, route: str) -> Answer:
    """Reports selected by metadata alone (year, issuer): cite each title."""
    reports = scope_reports(metas, q, plan)
    b = Builder(q, metas, text, sections)
    for m in reports:
        body = text(m.id)
        if span := title_span(body, m.title):
            b.lines.append(f"- {b.who(m.id)}:《{m.title}》[{b.cite(m.id, *span)}]")
        elif opening := _opening_clause(body):  # no title: the report's first words identify it
            b.lines.append(f"- {b.who(m.id)}:“{body[opening[0]:opening[1]]}”[{b.cite(m.id, *opening)}]")
    total = len(metas)
    head = (f"语料共{total}份报告,其中{len(reports)}份符合条件:" if q.lang == "zh"
            else f"Of the {total} reports in the corpus, {len(reports)} match:")
    b.lines.insert(0, head)
    return b.answer(route, [m.place or m.source for m in reports],
                    Coverage(checked=total, matched=len(reports), not_reported=0))


def _opening_clause(body: str) -> tuple[int, int] | None:
    """The first clause of the text long enough to recognise the report by (not a bare "2020年")."""
    for s, e in sentence_spans(body, 0, min(len(body), 600)):
        for cs, ce in clause_spans(body, s, e):
            if len(re.findall(r"[\u4e00-\u9fff]", body[cs:ce])) >= 10:
                return cs, ce
    return None
