"""Answers that must read every report in scope: list, count, compare, and fact-backed lookups.

Top-k retrieval silently drops qualifying reports; here every report in scope is checked against
the fact table (or scanned for a keyword) and the answer says how many were checked.
"""
from __future__ import annotations

import re

from .citations import check_answer
from .facts import Fact
from .indicators import Indicator, mentions
from .models import Answer, Citation, Coverage, ReportMeta
from .places import english_name
from .query import Query
from .router import Plan, strip_exclusions
from .sections import clause_spans, section_at, sentence_spans

_OTHER_PERIOD = ("上半年", "去年", "上年", "同期")
_PARTIAL = ("涉企", "上半年", "去年", "上年", "立案前", "上级交办", "其中", "疑难")  # a part, not the whole
_CLAUSE_OR_SEMI = re.compile(r"[,,;;]")


def _is_partial(f: Fact, question: str) -> bool:
    """The figure covers a part (涉企, 上半年 …) that the question did not ask about."""
    return any(p in f.scope and p not in question for p in _PARTIAL)
_LOWER = re.compile(r"更低|更少|较低|较少|最低|最少|lower|fewer|less|least|lowest", re.I)
I = Indicator


class Builder:
    """Collects citations (verified spans of the cleaned texts) and the answer lines that cite them."""

    def __init__(self, q: Query, metas: dict[str, ReportMeta], text, sections):
        self.q, self.metas, self.text, self.sections = q, metas, text, sections
        self.citations: list[Citation] = []
        self.lines: list[str] = []
        self._keys: dict[tuple[str, int, int], int] = {}

    def cite(self, rid: str, start: int, end: int) -> int:
        if (rid, start, end) in self._keys:
            return self._keys[(rid, start, end)]
        meta, text = self.metas[rid], self.text(rid)
        key = self._keys[(rid, start, end)] = len(self.citations) + 1
        self.citations.append(Citation(key=key, report_id=rid, source=meta.source, title=meta.title, place=meta.place,
                                       year=meta.year, section=section_at(self.sections(rid), start),
                                       quote=text[start:end], start=start, end=end))
        return key

    def who(self, rid: str) -> str:
        m = self.metas[rid]
        if self.q.lang == "zh":
            return f"{m.place or m.source}({m.year or '年份不详'})"
        return f"{english_name(m.place)} ({m.place or m.source}, {m.year or 'year unknown'})"

    def answer(self, route: str, places: list[str] | None, coverage: Coverage | None) -> Answer:
        ans = Answer(question=self.q.question, answer="\n".join(self.lines), citations=self.citations,
                     route=route, places=places, coverage=coverage)
        problems = check_answer(ans, {c.report_id: self.text(c.report_id) for c in self.citations})
        if problems:
            raise AssertionError("; ".join(problems))
        return ans


def clause_span(text: str, fact: Fact) -> tuple[int, int]:
    """The clause(s) of the fact's sentence that hold its figure: short enough to check at a glance."""
    quote = fact.quote
    at = quote.find(fact.value_text) if fact.value_text else -1
    if len(quote) <= 60 or at < 0:
        return fact.start, fact.end
    clauses = clause_spans(quote, 0, len(quote), _CLAUSE_OR_SEMI)
    i = max(k for k, (s, _) in enumerate(clauses) if s <= at)
    s, e = clauses[i]
    if e - s < 14 and i > 0:  # a bare figure ("调解成功率99.35%") keeps the clause that names its subject
        s = clauses[i - 1][0]
    return fact.start + s, fact.start + e


def primary(facts: list[Fact]) -> Fact | None:
    """The figure for the reported year: skip plans and sub-periods (上半年/去年), take the last stated."""
    usable = [f for f in facts if not f.planned and not isinstance(f.value, bool)]
    full = [f for f in usable if not any(p in f.scope for p in _OTHER_PERIOD)]
    return (full or usable or [None])[-1]


def scope_reports(metas: dict[str, ReportMeta], q: Query, plan: Plan) -> list[ReportMeta]:
    out = []
    for m in metas.values():
        if q.places and m.place not in q.places:
            continue
        if q.year is not None and m.year != q.year:
            continue
        if plan.year_before is not None and not (m.year is not None and m.year < plan.year_before):
            continue
        if plan.year_after is not None and not (m.year is not None and m.year > plan.year_after):
            continue
        if plan.issuer_like and plan.issuer_like not in f"{m.issuer or ''}{m.title or ''}":
            continue
        out.append(m)
    return sorted(out, key=lambda m: m.source)


def _zero_domain(question: str) -> str | None:
    if re.search(r"复议后|after (?:administrative )?reconsideration|taken to court after", question, re.I):
        return "after"
    litig = re.search(r"诉讼|应诉|litigation|lawsuit|court|sued", question, re.I)
    recon = re.search(r"复议|reconsideration", question, re.I)
    if litig and not recon:
        return "litigation"
    if recon and not litig:
        return "reconsideration"
    return None


def _zero_matches(f: Fact, domain: str | None) -> bool:
    if f.indicator != I.zero_defeat:
        return False
    if domain == "after":
        return "复议后" in f.scope
    if domain == "litigation":
        return "复议后" not in f.scope
    if domain == "reconsideration":
        return "复议" in f.scope or "被申请人" in f.scope
    return True


def _fact_ok(f: Fact, plan: Plan) -> bool:
    if f.planned:
        return False
    if plan.condition == "gt" and plan.threshold is not None:
        return not isinstance(f.value, bool) and f.value >= plan.threshold
    if plan.condition == "lt" and plan.threshold is not None:
        return not isinstance(f.value, bool) and f.value < plan.threshold
    return True


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
    if b.q.lang == "zh":
        scope = f"({f.scope})" if f.scope else ""
        what = f"{f.scope}{f.value_text}" if isinstance(f.value, bool) else f"{f.indicator.label_zh}{scope}为{f.value_text}"
        b.lines.append(f"- {b.who(f.report_id)}{note}:{what}。原文:“{quote}”[{key}]")
    else:
        scope = f" (scope: {f.scope})" if f.scope else ""
        what = f.indicator.name_en + scope + ("" if isinstance(f.value, bool) else f": {f.value_text}")
        b.lines.append(f"- {b.who(f.report_id)}{note}: {what} — “{quote}” [{key}]")


def list_or_count_facts(q: Query, plan: Plan, metas, facts: list[Fact], text, sections, route: str) -> Answer:
    reports = scope_reports(metas, q, plan)
    in_scope = {m.id for m in reports}
    facts = [f for f in facts if f.report_id in in_scope and _fact_ok(f, plan)]
    if plan.condition == "zero":
        domain = _zero_domain(strip_exclusions(q.question))
        hit = [f for f in facts if _zero_matches(f, domain)]
        hit_ids = {id(f) for f in hit}  # identity: comparing pydantic models field by field is quadratic
        near = [f for f in facts if id(f) not in hit_ids
                and f.indicator in (I.zero_defeat, I.no_reconsideration_correction)]
    else:
        asked = [f for f in facts if f.indicator in plan.indicators]
        partial = [f for f in asked if _is_partial(f, q.question)]
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
        if m.title and text(m.id).startswith(m.title):
            b.lines.append(f"- {b.who(m.id)}:《{m.title}》[{b.cite(m.id, 0, len(m.title))}]")
    total = len(metas)
    head = (f"语料共{total}份报告,其中{len(reports)}份符合条件:" if q.lang == "zh"
            else f"Of the {total} reports in the corpus, {len(reports)} match:")
    b.lines.insert(0, head)
    return b.answer(route, [m.place or m.source for m in reports],
                    Coverage(checked=total, matched=len(reports), not_reported=0))


def compare(q: Query, plan: Plan, metas, facts: list[Fact], text, sections) -> Answer | None:
    indicator = next((i for i in plan.indicators if i.kind != "claim"), None)
    if indicator is None:
        return None
    reports = scope_reports(metas, q, plan)
    by_report: dict[str, list[Fact]] = {}
    partial: dict[str, Fact] = {}
    for f in facts:
        if f.indicator != indicator:
            continue
        if _is_partial(f, q.question):  # 涉企 32件 is not the total
            partial.setdefault(f.report_id, f)
        else:
            by_report.setdefault(f.report_id, []).append(f)
    chosen = {m.id: primary(by_report.get(m.id, [])) for m in reports}
    have = {rid: f for rid, f in chosen.items() if f is not None}
    if not have:
        return None
    lower = bool(_LOWER.search(q.question))
    winner = (min if lower else max)(have.values(), key=lambda f: float(f.value))
    b = Builder(q, metas, text, sections)
    label = indicator.label_zh if q.lang == "zh" else indicator.name_en
    if len(have) >= 2:
        w = metas[winner.report_id]
        word = ("更低" if lower else "更高") if indicator.kind == "rate" else ("更少" if lower else "更多")
        en_word = ("lower" if lower else "higher") if indicator.kind == "rate" else ("fewer" if lower else "more")
        b.lines.append(f"{w.place}的{label}{word}。" if q.lang == "zh" else
                       f"{english_name(w.place)} ({w.place}) reports {en_word} {label}.")
    for rid in sorted(have, key=lambda r: -float(have[r].value) if not lower else float(have[r].value)):
        _fact_line(b, have[rid])
    for rid, f in partial.items():
        if rid not in have:
            _fact_line(b, f, "(仅部分口径,未参与比较)" if q.lang == "zh" else " (only part of the total, not compared)")
    missing = [m for m in reports if m.id not in have and m.id not in partial]
    if missing:
        names = "、".join(m.place or m.source for m in missing)
        b.lines.append(f"未报告{label}:{names}。" if q.lang == "zh" else f"Not reported ({label}): {names}.")
    units = {f.unit for f in have.values()}
    if len(units) > 1:
        b.lines.append("注意:各报告单位不同(" + "、".join(sorted(units)) + "),比较仅供参考。" if q.lang == "zh"
                       else "Note: the reports use different units (" + ", ".join(sorted(units)) + ").")
    winner_place = metas[winner.report_id].place or metas[winner.report_id].source
    return b.answer("compare", [winner_place], Coverage(checked=len(reports), matched=len(have),
                                                         related=len(partial), not_reported=len(missing)))


def lookup(q: Query, plan: Plan, metas, facts: list[Fact], text, sections) -> Answer | None:
    """A figure asked of one report, answered from its facts (quote included)."""
    rids = [m.id for m in scope_reports(metas, q, plan)]
    if len(rids) != 1 or not plan.indicators:
        return None
    found = [f for f in facts if f.report_id == rids[0] and f.indicator in plan.indicators[:2] and not f.planned]
    if not found:
        return None
    b = Builder(q, metas, text, sections)
    for f in found[:4]:
        _fact_line(b, f)
    return b.answer("lookup", None, None)


_TOTAL = re.compile(r"全市|全区|全县|全年|总共|总计|合计|共|总数|in total|overall|total|altogether", re.I)


def off_topic(q: Query, plan: Plan, metas, facts: list[Fact], answer: Answer) -> Answer | None:
    """A figure question whose cited sentences never name the asked indicator, or whose only
    figures for it cover a part (涉企, 上半年) when the total was asked: nothing answers it."""
    if answer.abstained or not plan.indicators or not (q.wants_number or q.wants_rate) or q.wants_open:
        return None
    asked_facts = [f for f in facts if f.indicator in plan.indicators]
    named = [c for c in answer.citations if any(mentions(c.quote, i) for i in plan.indicators)
             or any(f.report_id == c.report_id and f.start < c.end and c.start < f.end for f in asked_facts)]
    rids = {c.report_id for c in answer.citations}
    partial_only = False
    if len(rids) == 1 and _TOTAL.search(q.question):
        mine = [f for f in facts if f.report_id in rids and f.indicator in plan.indicators and not f.planned]
        partial_only = bool(mine) and all(_is_partial(f, q.question) for f in mine)
    if named and not partial_only:
        return None
    label = "、".join((i.label_zh if q.lang == "zh" else i.name_en) for i in plan.indicators[:2])
    if partial_only:
        text = (f"报告只给出了{label}的部分口径数字,没有给出总数。" if q.lang == "zh"
                else f"The report gives {label} only for a part (see the quote), not the total.")
        keys = " ".join(f"[{c.key}]" for c in answer.citations if any(mentions(c.quote, i) for i in plan.indicators))
        cits = [c for c in answer.citations if f"[{c.key}]" in keys]
        return Answer(question=q.question, answer=f"{text} {keys}".strip(), citations=cits, abstained=True,
                      route="lookup")
    text = (f"在范围内的报告中没有找到{label}。" if q.lang == "zh"
            else f"No report in scope states {label}.")
    return Answer(question=q.question, answer=text, citations=[], abstained=True, route="lookup")


def missed_fact(q: Query, plan: Plan, metas, facts: list[Fact], answer: Answer, text, sections) -> Answer | None:
    """The sentence search quoted no stated (unplanned) figure of the asked indicator although the fact
    table has one for that report (e.g. it quoted a target): answer from the fact table instead."""
    if answer.abstained or not plan.indicators or not (q.wants_number or q.wants_rate) or q.wants_open:
        return None
    rids = {c.report_id for c in answer.citations}
    asked = [f for f in facts if f.report_id in rids and f.indicator in plan.indicators[:2] and not f.planned]
    if not asked or len(rids) != 1:
        return None
    if any(f.start < c.end and c.start < f.end for f in asked for c in answer.citations):
        return None
    scoped = q.model_copy(update={"places": [metas[next(iter(rids))].place]})
    return lookup(scoped, plan, metas, facts, text, sections)


def not_reported(q: Query, plan: Plan, metas, facts: list[Fact], answer: Answer) -> Answer | None:
    """A figure asked of one report that states only other figures: say it is not reported.

    The extractive step found a sentence with numbers, but every number there is a fact of another
    indicator (a count when a rate was asked, 办结 when 收到 was asked) — a near-miss, not an answer."""
    if answer.abstained or not plan.indicators or not answer.citations:
        return None
    rids = {c.report_id for c in answer.citations}
    if len(rids) != 1 or not (q.wants_number or q.wants_rate):
        return None
    rid = rids.pop()
    mine = [f for f in facts if f.report_id == rid]
    if any(f.indicator in plan.indicators for f in mine):
        return None
    from .citations import numbers_in

    cited_numbers = set().union(*(numbers_in(c.quote) for c in answer.citations)) - {str(metas[rid].year)}
    explained = set().union(*(numbers_in(f.value_text) for f in mine)) if mine else set()
    if not cited_numbers or not cited_numbers <= explained:
        return None
    label = "、".join((i.label_zh if q.lang == "zh" else i.name_en) for i in plan.indicators[:2])
    place = metas[rid].place or metas[rid].source
    text = (f"{place}的报告没有给出{label}。报告中相关但不同的数字见引文。" if q.lang == "zh"
            else f"The {english_name(metas[rid].place)} ({place}) report does not state {label}; "
                 f"the cited passage gives related but different figures.")
    keys = " ".join(f"[{c.key}]" for c in answer.citations)
    return answer.model_copy(update={"answer": f"{text} {keys}", "abstained": True, "route": "lookup"})
