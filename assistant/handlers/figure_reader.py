"""A figure outside the fact table's indicators, read off every clause of the reports in scope (the
reports of the best retrieved chunks when the question names none or too many): the figure first, in
a sentence naming what the report counts in its own words; then the clause."""
from __future__ import annotations

import re

from ..domain.asked import widened
from ..models import ReportMeta
from ..places import PlaceIndex
from ..reading import figures, figures_en
from ..render.builder import Builder
from ..render.draft import Draft
from ..render.sentences import figure_line
from .registry import handler


@handler("figure_reader")
def figure_reader(intent, ctx) -> Draft | None:
    q, c, t = intent.query, ctx.corpus, ctx.tuning
    if intent.indicators or not intent.asks.figure:
        return None
    in_scope = [rid for rid, m in c.metas.items() if q.in_scope(m)]
    if not q.names_reports() or len(in_scope) > t.figure_max_reports:
        in_scope = list(dict.fromkeys(h.chunk.report_id for h in c.retriever.retrieve(q, top_k=ctx.retrieval.top_k)))
    names = {n for rid in in_scope for n in names_of(c.metas[rid], c.places)}
    found = _read(intent, ctx, in_scope, names, intent.things, intent.things_en)
    wide = (_widened(intent.things) or intent.things, _widened(intent.things_en) or intent.things_en)
    if not found and wide != (intent.things, intent.things_en):  # no figure in the units asked: the nearest ones
        found = _read(intent, ctx, in_scope, names, *wide)
    if not found:
        return None
    b = Builder(c.metas, c.text, c.sections)
    keys = []
    for f in found[: max(ctx.retrieval.max_quotes, len(intent.things))]:
        key = b.cite(f.report_id, f.start, f.end)
        quote = c.text(f.report_id)[f.start:f.end]
        b.lines.append(figure_line(figures.term_before(quote, f.value), f.value, c.metas[f.report_id], key))
        keys.append(key)
    b.lines += b.evidence(keys)  # figures of one clause share its quote, shown once
    return b.finish("lookup")


def _read(intent, ctx, in_scope: list[str], names: set[str], things: list, things_en: list) -> list:
    q, c, t = intent.query, ctx.corpus, ctx.tuning
    found = figures.find(things, in_scope[: t.figure_max_reports], c.text, names, t, q.is_beside)
    # an English question shares no words with the clauses: read by embedding when the Chinese reading found
    # nothing, or fewer figures than the parts asked ("how many X, and how many Y"). Read both ways: a question
    # quoting Chinese words ('one thing' (一件事)), where the clauses holding more of its Chinese terms win, and a
    # follow-up leaning on the sentence cited before, where the Chinese reading can only pick blind among its figures
    literal = re.search(r"[\u4e00-\u9fff]", q.question)
    if q.lang == "en" and q.names_reports() and len(in_scope) <= 3 and c.retriever is not None and \
            (len(found) < max(1, len(things_en)) or literal or q.beside):
        near = [(h.chunk.report_id, h.chunk.start, h.chunk.end) for h in c.retriever.retrieve(q, top_k=ctx.retrieval.top_k)]
        # several places asked ("did Yunnan and Changchun …"): each report's own figure, not the best of them all
        groups = [[rid] for rid in in_scope] if len(q.places) > 1 else [in_scope]
        dense = [f for group in groups for f in
                 figures_en.find_dense(q, things_en, group, c.text, c.retriever.vectors.embed_model, t, near)]
        if len(dense) > len(found) or (len(dense) == len(found) and (not literal or _terms(dense, q, c) > _terms(found, q, c))):
            found = dense
    return found


def _terms(found: list, q, c) -> tuple[int, int]:
    """How many of the Chinese words the question writes itself, then of its glossary terms, the figures' clauses
    hold: the words a user typed in Chinese (全城通办) name the figure more surely than a translation."""
    typed = re.findall(r"[\u4e00-\u9fff]{2,}", q.question)
    clauses = [c.text(f.report_id)[f.start:f.end] for f in found]
    return (sum(x in clause for clause in clauses for x in dict.fromkeys(typed)),
            sum(x in clause for clause in clauses for x in dict.fromkeys(q.zh_terms)))


def _widened(things: list) -> list:
    """The things with their next nearest units; empty when no thing's units widen."""
    wider = [th.model_copy(update={"units": widened(th.units)}) for th in things]
    return wider if any(w.units for w in wider) else []


def names_of(meta: ReportMeta, places: PlaceIndex) -> set[str]:
    """Names that identify a report rather than say what it counts (place, its parents, issuer)."""
    out = set(places.aliases_of(meta.place)) if meta.place else set()
    return out | {n for n in (meta.place, meta.place_full, meta.issuer, meta.department) if n}
