"""The sentence reader: retrieve chunks under the place/year filters, quote the sentences that answer
(a section passage for an open question). The last resort of every route that reads text."""
from __future__ import annotations

from ..reading.sentences import Reader, expand, passage, plan_hits
from ..render.draft import Draft, abstention
from ..render.quotes import compose
from .registry import handler


@handler("sentence_reader")
def sentence_reader(intent, ctx) -> Draft:
    q, asks, c, cfg = intent.query, intent.asks, ctx.corpus, ctx.retrieval
    hits = c.retriever.retrieve(q, top_k=cfg.top_k * (3 if asks.listing else 1))
    if asks.plan and q.names_reports():  # "X's plans": the plan section itself, whatever retrieval ranked
        named = set(ctx.texts_of(q))  # only the named reports' chunks are read (store/chunkmap.py)
        hits += plan_hits(c.chunks.of(named), named, {h.chunk.id for h in hits})
    texts = {h.chunk.report_id: c.text(h.chunk.report_id) for h in hits}
    return read_hits(Reader(q, asks, ctx.tuning), hits, texts, c.metas, c.sections, cfg.max_quotes, intent.route)


def read_hits(reader: Reader, hits, texts, metas, sections, max_quotes: int, route: str | None) -> Draft:
    """The whole extractive step over retrieved chunks (shared by the naive baseline)."""
    t = reader.tuning
    chosen = reader.select(reader.candidates(hits, texts), metas, max_quotes)
    if chosen and reader.is_open() and len(reader.q.places) <= 1:
        chosen = passage(chosen[0], texts, sections, limit=t.passage_sentences)
    chosen = reader.finalize(expand(chosen, texts, sections, t.expand_sentences)) if chosen else []
    if not chosen:
        return abstention(route=route)
    return compose(chosen, metas, sections, points=reader.is_open(), route=route)
