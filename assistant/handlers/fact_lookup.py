"""A figure asked of one (or a few) named reports, answered from the fact table: the answer first
(one sentence per part of the question), then the clause that states it.

Results and targets are kept apart both ways: a question about a target gets only planned figures,
any other question only stated ones. A part the report does not state is said to be missing — with
the related figures it does state (收到 when 办结 was asked, a count when a rate was asked), cited,
never passed off as the answer.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..domain.indicators import Indicator, families_named, mentions
from ..domain.asked import counted_en
from ..domain.glossary import expand_english, glossary_matches, terms_of
from ..domain.quantity import given_values, quantities_in
from ..facts.quote import clause_span
from ..models import Fact
from ..reading.select import is_partial, primary, scope_reports
from ..reading.trend import change_after, direction_clause
from ..render.builder import Builder
from ..render.draft import Draft
from ..reading import figures
from ..render.sentences import change_slot, direction_line, fact_line, figure_line, missing_line, related_line
from ..store.factstore import FactView
from ..text.script import to_simplified
from ..understand.query import strip_exclusions
from .figure_reader import names_of
from .registry import handler


@handler("fact_lookup")
def fact_lookup(intent, ctx) -> Draft | None:
    """The answer from the fact table, or None when it holds none of the asked figures for the
    reports in scope (the readers then try, and reconcile checks them)."""
    q, c = intent.query, ctx.corpus
    if not intent.indicators or not q.names_reports():
        return None
    extra = (lambda b: _uncovered_figures(b, intent, ctx)) if intent.uncovered else None
    return lookup(intent, c.metas, c.facts, c.text, c.sections, ctx.tuning.lookup_max_reports, extra)


def lookup(intent, metas, facts: FactView, text, sections, max_reports: int, extra=None) -> Draft | None:
    """`extra(builder)`: lines for the parts no indicator names, added after the fact table's; their keys."""
    asks = intent.asks
    reports = scope_reports(metas, intent.query, intent.filters)
    if not intent.indicators or not reports or len(reports) > max_reports or not asks.wants_figure():
        return None
    target = asks.target
    parts = intent.parts or [intent.indicators[:2]]
    b = Builder(metas, text, sections)
    found, evidence, keys, used = 0, [], [], []
    for meta in reports:
        mine = facts.of({meta.id})  # one report's facts, selected in SQL
        told = _every_part_told(mine, intent, target)
        for f in told:
            found += 1
            keys.append(key := b.cite(f.report_id, *clause_span(b.text(f.report_id), f)))
            b.lines.append(_part_line(b, f, meta, key))
        for inds in [] if told else parts:
            f = _best(mine, inds, target, intent)
            if f is False:
                return None
            if f is None and (span := direction_clause(b.text(meta.id), _rate_words(inds, asks))):
                key = b.cite(meta.id, *span)  # 败诉率逐年下降: a direction, no figure
                b.lines.append(direction_line(inds, meta, key))
                keys.append(key)
                continue
            if f is None:
                b.lines.append(missing_line(inds, meta, target))
                evidence += _related(b, mine, inds, target, asks.partial_named_terms)
                continue
            found += 1
            key = b.cite(f.report_id, *clause_span(b.text(f.report_id), f, asks.rank))
            if isinstance(f, _Told):
                b.lines.append(_part_line(b, f, meta, key))
            else:
                used.append(f)
                b.lines.append(fact_line(f, meta, key, change_slot(_stated_change(f)) if asks.change else ""))
            keys.append(key)
    if extra is not None and (more := extra(b)):
        keys += more
        found += len(more)
    if not found and not evidence and not keys:
        return None
    b.lines += b.evidence(keys) + evidence
    # a change asked and stated nowhere: the figure is given, but the question is not answered
    unanswered = not found or (asks.change and not any(_stated_change(f) for f in used))
    return b.finish("lookup", abstained=unanswered)


def _uncovered_figures(b: Builder, intent, ctx) -> list[int]:
    """The figures of the parts no indicator names, read from the reports' clauses (审核规范性文件6件 from the
    fact table, 招商引资合同协议4件 from the clause): a line each, their citation keys."""
    c = ctx.corpus
    reports = [m.id for m in scope_reports(c.metas, intent.query, intent.filters)][: ctx.tuning.figure_max_reports]
    names = {n for rid in reports for n in names_of(c.metas[rid], c.places)}
    keys = []
    for f in figures.find(intent.uncovered, reports, c.text, names, ctx.tuning)[: len(intent.uncovered)]:
        keys.append(key := b.cite(f.report_id, f.start, f.end))
        quote = c.text(f.report_id)[f.start:f.end]
        b.lines.append(figure_line(figures.term_before(quote, f.value), f.value, c.metas[f.report_id], key))
    return keys


def _every_part_told(facts: list[Fact], intent, target: bool) -> list[Fact]:
    """Several parts asked, each told in the sentence of one fact of an indicator named (继续有效的多少件,不再作为…管理的
    多少件 of the 237 documents cleaned up): those figures, one per part; none when any part is not told so."""
    if len(intent.things_en if intent.query.lang == "en" else intent.things) < 2:
        return []
    named = [primary([x for x in facts if x.indicator == ind and x.planned == target]) for ind in intent.indicators]
    families = {i.family for i in intent.indicators}
    given = [f for f in facts if f.indicator.family in families and _given(f, intent)]  # "Of the 237 documents …"
    for f in given + [f for f in named if f is not None]:
        told = _parts_told(f, intent)
        if told and all(told) and len({(t.start, t.value_text) for t in told}) == len(told):
            return told
    return []


def _best(facts: list[Fact], inds: list[Indicator], target: bool, intent) -> Fact | None | bool:
    """The fact answering one part; None when the report has none of the indicators, False when it
    has some but none fits the question's scope words (the sentence reader decides then)."""
    if (part := _part_of_given(facts, inds, intent)) is not None:  # "of the 39 documents cleaned up, how many lapsed"
        return part
    named = intent.asks.partial_named_terms
    pool = [f for f in facts if f.indicator in inds and f.planned == target and not is_partial(f, named)]
    fitting = [f for f in pool if _specific(f, inds, intent)]
    for ind in inds:  # the first indicator named wins; within it the whole-year figure
        mine = [f for f in fitting if f.indicator == ind]
        if (ind.kind == "claim" or target) and mine:  # primary() skips targets: it picks results
            return mine[0]
        if (best := primary(mine)) is not None:
            told = _parts_told(best, intent) if len(intent.parts) <= 1 else []
            if told and all(told):  # in English, only of a whole the question states ("Of the 237 documents …")
                sure = intent.query.lang == "zh" or _given(best, intent)
                return _Told(**dict(told[0])) if len(told) == 1 and sure else False
            return best
    if pool:
        return False
    return _same_word(facts, inds, target, intent)


def _given(f: Fact, intent) -> bool:
    """The question states the fact's value itself ("Sanya reviewed 237 …"): the fact is the whole it asks a part of."""
    return not isinstance(f.value, bool) and Decimal(str(f.value)) in given_values(intent.query.question)


def _part_line(b: Builder, f: Fact, meta, key: int):
    """限期修改115件 of the 237 documents cleaned up: the part, in the report's own words."""
    return figure_line(figures.term_before(b.quote(key), f.value_text), f.value_text, meta, key)


class _Told(Fact):
    """A part of a fact's whole, told in its sentence by words of its own: the fact with that figure's value."""


def _parts_told(f: Fact, intent) -> list[Fact | None]:
    """For every figure asked, the part of the whole the fact counts that words standing by another figure of its
    sentence tell (决定限期修改的有多少件 of “237件…进行了集中清理,决定继续有效24件、限期修改115件…”), None for
    a part the fact's own words answer (审核了几件规范性文件? 招商引资合同协议审了几件?)."""
    q = intent.query
    things = intent.things_en if q.lang == "en" else intent.things
    return [_told_in(f, part) for part in [th.text for th in things] or [q.question]]


def _told_in(f: Fact, part: str) -> Fact | None:
    """The figure of the fact's sentence that the part's words beyond what the fact says of its own figure (its
    indicator, its own words) stand by: two character pairs of them, or all its own words when they are one pair
    (废止35件). The fact, moved to that figure; None when no other figure is told so."""
    quote = to_simplified(f.quote)
    at = quote.find(f.value_text)
    if at < 0:
        return None
    part = strip_exclusions(part)  # "apart from those kept in force or repealed": not the part asked
    terms = terms_of(glossary_matches(part))
    asked = figures.grams(figures.content(part, set())) | {g for t in terms for g in figures.grams(t)}
    said_text = f.indicator.label_zh + figures.own_words(quote, 0, at, at + len(f.value_text))
    said = figures.grams(said_text)
    # an English part has no words of its own in Chinese: a whole glossary term of it must stand by the figure
    whole = None if re.search(r"[\u4e00-\u9fff]", part) else [t for t in terms if len(t) >= 2 and t not in said_text]
    if any(figures.grams(head) <= said for head in _heads(part)):
        return None  # 挽回了多少经济损失 of “…化解涉企纠纷1600余起,帮助相关企业挽回经济损失9000余万元”: the fact's own
    residual, best = asked - said, (0, None)
    for m in quantities_in(quote):
        if not m.unit or m.start <= at < m.end:
            continue
        own_text = figures.own_words(quote, 0, m.start, m.end, reach=16)  # up to the figure before it
        own = figures.grams(own_text.replace("的", ""))  # 失效的5件: 失效 is all it says
        shared = len(own & residual)
        if whole is not None and not any(t in own_text for t in whole):
            continue
        if (shared >= 2 or (own and own <= residual)) and shared > best[0]:
            best = (shared, m)
    if (m := best[1]) is None:
        return None
    return f.model_copy(update={"value": float(m.value), "unit": m.unit, "value_text": f.quote[m.start:m.end]})


def _part_of_given(facts: list[Fact], inds: list[Indicator], intent) -> Fact | None:
    """A part of a whole the question states itself ("Sanya reviewed 237 of its normative documents. How many of them
    were ordered to be amended?"): the fact of the family asked whose value the question gives, moved to the figure
    its sentence tells by the part's words (限期修改115件)."""
    families = {i.family for i in inds}
    for f in facts:
        if f.indicator.family in families and _given(f, intent):
            told = [t for t in _parts_told(f, intent) if t is not None]
            if len(told) == 1:
                return _Told(**dict(told[0]))
    return None


def _heads(part: str) -> list[str]:
    """What a part counts, in Chinese: its last content word (挽回了多少经济损失 → 经济损失), or the glossary terms of
    what an English part counts ("how much in economic losses" → 经济损失)."""
    if re.search(r"[\u4e00-\u9fff]", part):
        return [h] if (h := figures.head_term(figures.content(part, set()))) else []
    return [t for t in expand_english(" ".join(counted_en(part)[0])) if len(t) >= 2]


def _rate_words(inds: list[Indicator], asks) -> list[str]:
    return [w for w in asks.rate_words if any(mentions(w, i) for i in inds)]


def _same_word(facts: list[Fact], inds: list[Indicator], target: bool, intent) -> Fact | None:
    """A rate the report files under a neighbouring indicator but names with the question's own word
    (立案前化解率 asked without 复议 is the reconsideration 化解率 the report states)."""
    words = set(_rate_words(inds, intent.asks))
    named = intent.asks.partial_named_terms
    near = [f for f in facts if f.indicator.kind == "rate" and f.planned == target and not is_partial(f, named)
            and any(w in _clause(f) for w in words) and _specific(f, [f.indicator], intent)]
    return primary(near)


def _clause(f: Fact) -> str:
    s, e = clause_span(f.quote, f.model_copy(update={"start": 0, "end": len(f.quote)}))
    return to_simplified(f.quote[s:e])


def _specific(f: Fact, inds: list[Indicator], intent) -> bool:
    """The fact's sentence holds every term the question adds to the indicator: 涉企纠纷 is not
    answered by all disputes, a center's 委托化解 rate not by the county's 化解率."""
    quote = to_simplified(f.quote)  # terms are simplified; a traditional page is quoted as written
    inds = list(inds) + intent.indicators
    families = {i.family for i in inds}
    return all(t in quote or any(mentions(t, i) for i in inds) or families_named(t) & families
               for t in intent.asks.scope_terms)


def _related(b: Builder, facts: list[Fact], inds: list[Indicator], target: bool, named: list[str]) -> list:
    """Figures of the same family the report does state (收到 for 办结, a count for a rate, a part of
    the total): cited as what is there instead, at most two."""
    families = {i.family for i in inds}
    near = [f for f in facts if f.indicator.family in families and not isinstance(f.value, bool)
            and (f.indicator not in inds or is_partial(f, named) or f.planned != target)]
    asked_grams = {g for i in inds for g in _grams(i.label_zh)}
    near.sort(key=lambda f: -len(_grams(f.indicator.label_zh) & asked_grams))  # 纠错 件数 for 纠错率 first
    out = []
    for f in near[:2]:
        key = b.cite(f.report_id, *clause_span(b.text(f.report_id), f))
        out.append(related_line(f, b.quote(key), key))
    return out


def _stated_change(f: Fact):
    at = f.quote.find(f.value_text)
    return change_after(f.quote, at + len(f.value_text)) if at >= 0 else None


def _grams(label: str) -> set[str]:
    return {label[i:i + 2] for i in range(len(label) - 1)}
