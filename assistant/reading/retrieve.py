"""Hybrid retrieval: reciprocal-rank fusion of dense (Chroma) and BM25, both under the same filters."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..models import Chunk, ReportMeta
from ..settings import RetrievalSettings
from ..store.chunkmap import report_of
from ..store.lexical import LexicalIndex
from ..store.vectors import VectorIndex
from ..understand.query import Query


@dataclass
class Hit:
    chunk: Chunk
    score: float
    dense_rank: int | None
    bm25_rank: int | None


class HybridRetriever:
    def __init__(self, vectors: VectorIndex, lexical: LexicalIndex, chunks: Mapping[str, Chunk],
                 metas: dict[str, ReportMeta], cfg: RetrievalSettings):
        self.vectors, self.lexical, self.chunks, self.metas, self.cfg = vectors, lexical, chunks, metas, cfg

    def _scope(self, q: Query) -> set[str] | None:
        """Report ids the question is about (its places, the reports it names, its year); None = all."""
        if not q.names_reports() and q.year is None:
            return None
        return {rid for rid, m in self.metas.items() if q.covers(m) and (q.year is None or m.year == q.year)}

    def _known(self, chunk_id: str) -> bool:
        """A chunk of a report this view knows: vectors orphaned by a crash, or written by a commit this view
        has not reloaded yet, are ignored."""
        return report_of(chunk_id) in self.metas and chunk_id in self.chunks

    def retrieve(self, q: Query, top_k: int | None = None) -> list[Hit]:
        top_k = top_k or self.cfg.top_k
        scope = self._scope(q)
        if scope is not None and not scope:
            return []
        dense_ids = [n.node.node_id for n in self.vectors.search(q.dense_text, self.cfg.dense_top_k, scope)]
        dense_ids = [cid for cid in dense_ids if self._known(cid)]
        # BM25 under the same filter: the index scores only the chunks of the reports in scope
        bm25_ids = [cid for cid in self.lexical.top(q.tokens, self.cfg.dense_top_k, scope) if self._known(cid)]
        fused: dict[str, float] = {}
        for ranking in (dense_ids, bm25_ids):
            for rank, cid in enumerate(ranking):
                fused[cid] = fused.get(cid, 0.0) + 1.0 / (self.cfg.rrf_k + rank + 1)
        best = sorted(fused, key=lambda cid: -fused[cid])[:top_k]
        return [Hit(self.chunks[cid], fused[cid],
                    dense_ids.index(cid) if cid in dense_ids else None,
                    bm25_ids.index(cid) if cid in bm25_ids else None) for cid in best]
