"""One question's way through the package, read top to bottom:

    analyze → plan → (every report in scope: facts / metadata / keyword scan
                      | retrieve → read → reconcile with the fact table) → verify

Phrasing by an LLM and its guard come after this, in `Assistant.ask` (assistant/llm/). Each stage is
a plain function with typed inputs and outputs; `Corpus` is the read-only view of the store they share.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from ..facts import exhaustive
from ..facts.extract import Fact
from ..models import Answer, Chunk, ReportMeta, Section
from ..places import PlaceIndex
from ..settings import RetrievalSettings
from .analyze import Query
from .citations import check_answer
from .compose import abstain, about_report, compose
from .plan import Plan, route
from .read import answer_from_hits, asks_overview, overview, plan_hits
from .reconcile import reconcile
from .retrieve import HybridRetriever

log = logging.getLogger(__name__)


@dataclass
class Corpus:
    """What the answer stages may read: report metadata, chunks, facts, texts and sections."""

    metas: dict[str, ReportMeta]
    chunks: dict[str, Chunk]
    places: PlaceIndex
    facts: list[Fact]
    text: Callable[[str], str]
    sections: Callable[[str], list[Section]]
    retriever: HybridRetriever | None

    def texts_of(self, places: list[str]) -> dict[str, str]:
        return {rid: self.text(rid) for rid, m in self.metas.items() if m.place in places}


def answer(q: Query, corpus: Corpus, cfg: RetrievalSettings, explicit_year: bool) -> Answer:
    """The verified extractive answer to an analyzed question."""
    if q.unknown_places:
        known = "、".join(corpus.places.places)
        return abstain(q, f"语料中没有“{'、'.join(q.unknown_places)}”的报告;已收录:{known}。",
                       f"No report for {', '.join(q.unknown_places)} is in the corpus; it has: {known}.")
    scoped = scope_year(q, corpus.metas, explicit_year)
    if scoped is None or not corpus.chunks:
        return abstain(q, "没有符合该地区和年份的报告。",
                       "No report in the corpus matches that place and year.")
    plan = route(scoped)
    result = over_every_report(scoped, plan, corpus)
    if result is None:
        result = overview_of_places(scoped, corpus)
    if result is None:
        result = reconcile(scoped, plan, read(scoped, corpus, cfg), corpus.metas, corpus.facts, corpus.text,
                           corpus.sections)
        result = result.model_copy(update={"route": result.route or plan.route})
    return verify(result, corpus)


def scope_year(q: Query, metas: dict[str, ReportMeta], explicit: bool) -> Query | None:
    """Apply a year named in the question only if it is a reported year; a plan year (year+1) is not."""
    if q.year is None:
        return q
    in_scope = [m for m in metas.values() if not q.places or m.place in q.places]
    if any(m.year == q.year for m in in_scope):
        return q
    if not explicit and q.wants_plan and any(m.year is not None and m.year + 1 == q.year for m in in_scope):
        return q.model_copy(update={"year": None})  # "2024年工作计划" lives in the 2023 report
    return None


def over_every_report(q: Query, plan: Plan, corpus: Corpus) -> Answer | None:
    """Answers read off every report in scope (facts, metadata, keyword scan), or None for retrieval."""
    args = (corpus.metas, corpus.text, corpus.sections)
    if plan.year_before or plan.year_after:
        q = q.model_copy(update={"year": None})
    if plan.route == "meta":
        texts = corpus.texts_of(q.places)
        return about_report(q, corpus.metas, texts, corpus.sections).model_copy(update={"route": "meta"})
    if plan.route in ("list", "count"):
        if plan.issuer_like:
            return exhaustive.metadata_list(q, plan, *args, plan.route)
        if plan.condition == "zero":  # zero-defeat claims live in the fact table, with their scopes
            return exhaustive.list_or_count_facts(q, plan, corpus.metas, corpus.facts, *args[1:], plan.route)
        if plan.mention and plan.keywords:
            return exhaustive.keyword_scan(q, plan, *args, plan.route)
        if plan.indicators:
            return exhaustive.list_or_count_facts(q, plan, corpus.metas, corpus.facts, *args[1:], plan.route)
        if plan.year_before or plan.year_after or q.year or not plan.keywords:
            return exhaustive.metadata_list(q, plan, *args, plan.route)  # "列出所有报告", "2023年有哪些报告"
        return exhaustive.keyword_scan(q, plan, *args, plan.route)
    if plan.route == "compare":
        return exhaustive.compare(q, plan, corpus.metas, corpus.facts, *args[1:])
    return None


def overview_of_places(q: Query, corpus: Corpus) -> Answer | None:
    """Only places named ("compare Linhai and Pingluo"): each report's opening sentence."""
    if not (q.places and not q.tokens and asks_overview(q)):
        return None
    texts = corpus.texts_of(q.places)
    chosen = overview(q, corpus.metas, texts, corpus.sections)
    return compose(q, chosen, corpus.metas, corpus.sections) if chosen else abstain(q)


def read(q: Query, corpus: Corpus, cfg: RetrievalSettings) -> Answer:
    """Retrieve chunks under the place/year filters and quote the sentences that answer."""
    hits = corpus.retriever.retrieve(q, top_k=cfg.top_k * (3 if q.wants_list else 1))
    if q.wants_plan and q.places:  # "X's plans": the plan section itself, whatever retrieval ranked
        hits += plan_hits(corpus.chunks.values(), {r for r, m in corpus.metas.items() if m.place in q.places},
                          {h.chunk.id for h in hits})
    texts = {h.chunk.report_id: corpus.text(h.chunk.report_id) for h in hits}
    return answer_from_hits(q, hits, texts, corpus.metas, corpus.sections, cfg.max_quotes)


def verify(result: Answer, corpus: Corpus) -> Answer:
    """Every quote verbatim at its offsets, every [n] cited, no number without a source."""
    problems = check_answer(result, {c.report_id: corpus.text(c.report_id) for c in result.citations})
    if problems:  # never show an unverifiable answer
        raise AssertionError("; ".join(problems))
    return result
