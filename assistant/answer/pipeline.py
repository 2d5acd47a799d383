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
from ..facts.lookup import lookup
from ..facts.indicators import families_named
from ..facts.table import PER_REPORT, table_answer
from ..models import Answer, ReportMeta, Section
from ..places import PlaceIndex
from ..settings import RetrievalSettings
from ..store.chunkmap import ChunkMap
from . import figures, figures_en, scope
from .nearmiss import near_miss
from .subject import off_subject
from .analyze import Query
from .citations import keep_verified
from .compose import NOT_FOUND, abstain, about_report, compose
from .plan import Plan, route
from .read import answer_from_hits, asks_overview, overview, plan_hits
from .reconcile import reconcile
from .retrieve import HybridRetriever

log = logging.getLogger(__name__)


@dataclass
class Corpus:
    """What the answer stages may read: report metadata, chunks, facts, texts and sections."""

    metas: dict[str, ReportMeta]
    chunks: ChunkMap
    places: PlaceIndex
    facts: list[Fact]
    text: Callable[[str], str]
    sections: Callable[[str], list[Section]]
    retriever: HybridRetriever | None

    def texts_of(self, q: Query) -> dict[str, str]:
        """Texts of the reports the question names."""
        return {rid: self.text(rid) for rid, m in self.metas.items() if q.names_reports() and q.covers(m)}


def _filtered_out(q: Query) -> Answer:
    named, kept = "、".join(q.outside_filter), "、".join(q.places)
    return abstain(q, f"问题提到的{named}不在当前的地区筛选({kept})之内;清除筛选后再问。",
                   f"The question names {named}, which the place filter ({kept}) leaves out; clear the filter and "
                   f"ask again.")


def answer(q: Query, corpus: Corpus, cfg: RetrievalSettings, explicit_year: bool) -> Answer:
    """The verified extractive answer to an analyzed question."""
    q, caveat = narrow(q, corpus)
    if q.unknown_places:
        return outside(q, corpus)
    if q.outside_filter:  # answering for the filter's places would answer another question
        return _filtered_out(q)
    scoped = scope_year(q, corpus.metas, explicit_year)
    if scoped is None or not corpus.chunks:
        return abstain(q, "没有符合该地区和年份的报告。",
                       "No report in the corpus matches that place and year.")
    plan = route(scoped)
    if plan.route in ("lookup", "open") and (what := off_subject(q.question, _texts_in_scope(scoped, corpus))):
        return abstain(scoped, f"范围内的报告没有涉及“{what}”(法治政府建设报告通常不报告这类数字)。",
                       f"No report in scope says anything about “{what}” (rule-of-law reports do not usually "
                       f"give such figures).")
    result = over_every_report(scoped, plan, corpus)
    if result is None:
        result = overview_of_places(scoped, corpus)
    if result is None and plan.route == "lookup" and plan.indicators and scoped.names_reports():
        result = lookup(scoped, plan, corpus.metas, corpus.facts, corpus.text, corpus.sections)
    if result is None and plan.route == "lookup" and not plan.indicators and figures.asks_figure(scoped):
        result = read_figure(scoped, corpus, cfg)
        if result is None and scoped.lang == "zh":  # no clause states it: not reported, never a near-miss figure
            result = abstain(scoped, "范围内的报告没有写明所问的数字。", "No report in scope states that figure.")
    if result is None:
        result = reconcile(scoped, plan, read(scoped, corpus, cfg), corpus.metas, corpus.facts, corpus.text,
                           corpus.sections)
        result = result.model_copy(update={"route": result.route or plan.route})
    if plan.route == "lookup":  # whichever step found the figure: nominated ≠ named, first half ≠ whole year
        result = near_miss(scoped, result, corpus.text) or result
    result = verify(result, corpus, q.lang)
    if caveat and not result.abstained:
        result = result.model_copy(update={"answer": caveat[q.lang] + "\n" + result.answer})
    return result


def _texts_in_scope(q: Query, corpus: Corpus) -> list[str]:
    return [corpus.text(rid) for rid, m in corpus.metas.items() if q.covers(m) and (q.year is None or m.year == q.year)]


def narrow(q: Query, corpus: Corpus) -> tuple[Query, dict[str, str] | None]:
    """The reports a question is about when its names are not (only) corpus places; with a caveat
    when they are reports whose place is unknown."""
    if q.unknown_places:
        if ids := scope.reports_naming(q.unknown_places, corpus.metas, corpus.text):
            return q.model_copy(update={"report_ids": ids, "unknown_places": []}), None
        if ids := scope.unplaced(q, corpus.metas):
            names = "、".join(q.unknown_places)
            return q.model_copy(update={"report_ids": ids, "unknown_places": []}), {
                "zh": f"注意:没有写明“{names}”的报告;以下引文出自未写明地名、年份和层级相符的报告,请核对来源。",
                "en": f"Note: no report names {names}; the quotes below come from reports that name no place but "
                      f"match the year and level asked. Check the source."}
    elif ids := scope.department_reports(q, corpus.metas):
        return q.model_copy(update={"report_ids": ids}), None
    return q, None


def outside(q: Query, corpus: Corpus) -> Answer:
    """No report is about the places asked: say so and name the nearest reports."""
    near = scope.closest(q.unknown_places, corpus.metas)
    total = len(corpus.metas)
    zh_near = "、".join(f"{m.place}({m.year or '?'})" for m in near)
    en_near = ", ".join(f"{m.place} ({m.year or '?'})" for m in near)
    return abstain(q, f"语料中没有“{'、'.join(q.unknown_places)}”的报告。相近的报告:{zh_near}(语料共{total}份)。",
                   f"No report for {', '.join(q.unknown_places)} is in the corpus. Nearest reports: {en_near} "
                   f"(of {total}).")


def scope_year(q: Query, metas: dict[str, ReportMeta], explicit: bool) -> Query | None:
    """Apply a year named in the question only if it is a reported year; a plan year (year+1) is not."""
    if q.year is None:
        return q
    in_scope = [m for m in metas.values() if q.covers(m)]
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
        texts = corpus.texts_of(q)
        return about_report(q, corpus.metas, texts, corpus.sections).model_copy(update={"route": "meta"})
    if plan.route in ("list", "count"):
        if plan.issuer_like or (plan.levels and not plan.indicators and plan.condition is None):
            return exhaustive.metadata_list(q, plan, *args, plan.route)
        if plan.condition == "zero":  # zero-defeat claims live in the fact table, with their scopes
            return exhaustive.list_or_count_facts(q, plan, corpus.metas, corpus.facts, *args[1:], plan.route)
        if plan.mention and plan.keywords:
            return exhaustive.keyword_scan(q, plan, *args, plan.route)
        if plan.route == "list" and PER_REPORT.search(q.question) and plan.condition is None and \
                (plan.indicators or families_named(q.question)):
            return table_answer(q, plan, corpus.metas, corpus.facts, *args[1:], "list") or \
                exhaustive.list_or_count_facts(q, plan, corpus.metas, corpus.facts, *args[1:], plan.route)
        if plan.indicators:
            return exhaustive.list_or_count_facts(q, plan, corpus.metas, corpus.facts, *args[1:], plan.route)
        if plan.year_before or plan.year_after or q.year or not plan.keywords:
            return exhaustive.metadata_list(q, plan, *args, plan.route)  # "列出所有报告", "2023年有哪些报告"
        return exhaustive.keyword_scan(q, plan, *args, plan.route)
    if plan.route == "compare":
        return table_answer(q, plan, corpus.metas, corpus.facts, *args[1:], "compare")
    return None


def overview_of_places(q: Query, corpus: Corpus) -> Answer | None:
    """Only places named ("compare Linhai and Pingluo"): each report's opening sentence."""
    if not (q.names_reports() and not q.tokens and asks_overview(q)):
        return None
    texts = corpus.texts_of(q)
    chosen = overview(q, corpus.metas, texts, corpus.sections)
    return compose(q, chosen, corpus.metas, corpus.sections) if chosen else abstain(q)


def read_figure(q: Query, corpus: Corpus, cfg: RetrievalSettings) -> Answer | None:
    """A figure outside the fact table's indicators, read off every clause of the reports in scope
    (the reports of the best retrieved chunks when the question names none)."""
    in_scope = [rid for rid, m in corpus.metas.items() if q.covers(m) and (q.year is None or m.year == q.year)]
    if not q.names_reports() or len(in_scope) > figures.MAX_REPORTS:
        in_scope = list(dict.fromkeys(h.chunk.report_id for h in corpus.retriever.retrieve(q, top_k=cfg.top_k)))
    names = {n for rid in in_scope for n in _names_of(corpus.metas[rid], corpus.places)}
    found = figures.find(q, in_scope[: figures.MAX_REPORTS], corpus.text, names)
    if not found and q.lang == "en" and q.names_reports() and len(in_scope) <= 3 and corpus.retriever is not None:
        near = [(h.chunk.report_id, h.chunk.start, h.chunk.end) for h in corpus.retriever.retrieve(q, top_k=cfg.top_k)]
        found = figures_en.find_dense(q, in_scope, corpus.text, corpus.retriever.vectors.embed_model, near)
    if not found:
        return None
    return figures.answer(q, found[: max(cfg.max_quotes, len(figures.parts(q.question)))], corpus.metas,
                          corpus.text, corpus.sections)


def _names_of(meta: ReportMeta, places: PlaceIndex) -> set[str]:
    """Names that identify a report rather than say what it counts (place, its parents, issuer)."""
    out = set(places.aliases_of(meta.place)) if meta.place else set()
    return out | {n for n in (meta.place, meta.place_full, meta.issuer, meta.department) if n}


def read(q: Query, corpus: Corpus, cfg: RetrievalSettings) -> Answer:
    """Retrieve chunks under the place/year filters and quote the sentences that answer."""
    hits = corpus.retriever.retrieve(q, top_k=cfg.top_k * (3 if q.wants_list else 1))
    if q.wants_plan and q.names_reports():  # "X's plans": the plan section itself, whatever retrieval ranked
        named = set(corpus.texts_of(q))  # only the named reports' chunks are read (store/chunkmap.py)
        hits += plan_hits(corpus.chunks.of(named), named, {h.chunk.id for h in hits})
    texts = {h.chunk.report_id: corpus.text(h.chunk.report_id) for h in hits}
    return answer_from_hits(q, hits, texts, corpus.metas, corpus.sections, cfg.max_quotes)


def verify(result: Answer, corpus: Corpus, lang: str = "zh") -> Answer:
    """Every quote verbatim at its offsets, every [n] cited, no number without a source: a line that
    fails is dropped and logged; an answer left without a cited line abstains."""
    kept, problems = keep_verified(result, {c.report_id: corpus.text(c.report_id) for c in result.citations})
    if not problems:
        return result
    log.warning("dropped unverifiable lines (%s) from the answer to %r", "; ".join(problems), result.question)
    if result.abstained or (kept.citations and kept.answer.strip()):
        return kept
    return Answer(question=result.question, answer=NOT_FOUND[lang], abstained=True, route=result.route)
