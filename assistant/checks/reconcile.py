"""Reconcile a lookup the sentence reader answered with the fact table (the reader and the fact table
see the same report differently; for a figure question the fact table decides): it fills in a figure
the reader missed (or quoted only as a target), and turns a near miss (only other figures, only a part
of the total, or no sentence naming the asked indicator) into "not reported" instead of a wrong number."""
from __future__ import annotations

from ..domain.indicators import mentions
from ..handlers.fact_lookup import lookup
from ..reading.select import is_partial
from ..render.draft import Draft, Line
from ..render.sentences import names
from ..render.slots import Cite, T
from ..places import english_name
from ..store.factstore import FactView
from .citations import numbers_in


def reconcile(draft: Draft, intent, ctx) -> Draft:
    if intent.kind != "lookup" or draft.made_by != "sentence_reader":
        return draft
    c, asks = ctx.corpus, intent.asks
    if draft.abstained and asks.wants_figure():  # the sentence search found nothing: the fact table may hold it
        draft = _lookup(intent, ctx) or draft
    return (missed_fact(draft, intent, ctx) or not_reported(draft, intent, c.metas, c.facts)
            or off_topic(draft, intent, c.facts) or draft)


def _lookup(intent, ctx) -> Draft | None:
    c = ctx.corpus
    return lookup(intent, c.metas, c.facts, c.text, c.sections, ctx.tuning.lookup_max_reports)


def _applies(draft: Draft, intent) -> bool:
    asks = intent.asks
    return not draft.abstained and bool(intent.indicators) and asks.wants_figure() and not asks.open


def off_topic(draft: Draft, intent, facts: FactView) -> Draft | None:
    """A figure question whose cited sentences never name the asked indicator, or whose only
    figures for it cover a part (涉企, 上半年) when the total was asked: nothing answers it."""
    if not _applies(draft, intent):
        return None
    inds = intent.indicators
    rids = {c.report_id for c in draft.citations}
    asked_facts = facts.of(rids, inds)  # the cited reports' facts of the asked indicators, selected in SQL
    named = [c for c in draft.citations if any(mentions(c.quote, i) for i in inds)
             or any(f.report_id == c.report_id and f.start < c.end and c.start < f.end for f in asked_facts)]
    partial_only = False
    if len(rids) == 1 and intent.asks.total:
        mine = [f for f in asked_facts if not f.planned]
        partial_only = bool(mine) and all(is_partial(f, intent.asks.partial_named) for f in mine)
    if named and not partial_only:
        return None
    if partial_only:
        cited = [c for c in draft.citations if any(mentions(c.quote, i) for i in inds)]
        line = Line("not_stated", "partial_only", {"name": names(inds, "、"), "cites": Cite(tuple(c.key for c in cited), " ")})
        return Draft(lines=[line], citations=cited, abstained=True, route="lookup")
    return Draft(lines=[Line("not_stated", "not_in_scope", {"name": names(inds, "、")})], abstained=True, route="lookup")


def missed_fact(draft: Draft, intent, ctx) -> Draft | None:
    """The sentence search quoted no stated (unplanned) figure of the asked indicator although the fact
    table has one for that report (e.g. it quoted a target): answer from the fact table instead."""
    if not _applies(draft, intent):
        return None
    c = ctx.corpus
    rids = {cit.report_id for cit in draft.citations}
    asked = [f for f in c.facts.of(rids, intent.indicators[:2]) if not f.planned]
    if not asked or len(rids) != 1:
        return None
    if any(f.start < cit.end and cit.start < f.end for f in asked for cit in draft.citations):
        return None
    place = c.metas[next(iter(rids))].place
    scoped = intent.model_copy(update={"query": intent.query.model_copy(update={"places": [place]})})
    return _lookup(scoped, ctx)


def not_reported(draft: Draft, intent, metas, facts: FactView) -> Draft | None:
    """A figure asked of one report that states only other figures: say it is not reported.

    The reader found a sentence with numbers, but every number there is a fact of another indicator (a
    count when a rate was asked, 办结 when 收到 was asked) — a near miss, not an answer."""
    if draft.abstained or not intent.indicators or not draft.citations:
        return None
    rids = {c.report_id for c in draft.citations}
    if len(rids) != 1 or not intent.asks.wants_figure():
        return None
    rid = rids.pop()
    mine = facts.of({rid})
    if any(f.indicator in intent.indicators for f in mine):
        return None
    cited_numbers = set().union(*(numbers_in(c.quote) for c in draft.citations)) - {str(metas[rid].year)}
    explained = set().union(*(numbers_in(f.value_text) for f in mine)) if mine else set()
    if not cited_numbers or not cited_numbers <= explained:
        return None
    meta = metas[rid]
    line = Line("not_stated", "not_reported", {
        "place": meta.place or meta.source, "english": T("", english_name(meta.place)),
        "name": names(intent.indicators, "、"), "cites": Cite(tuple(c.key for c in draft.citations), " ")})
    return draft.but(lines=[line], abstained=True, route="lookup")
