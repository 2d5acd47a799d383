"""Chunks read from SQLite when a question needs them, instead of every chunk held in memory.

A question touches the chunks of a few reports (its hits, a report's plan section), so chunks are
loaded a report at a time and the most recent reports are kept (LRU): memory stays flat with the
corpus size and a new or removed report needs no reload.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping

from ..models import Chunk
from .docstore import DocStore


def report_of(chunk_id: str) -> str:
    """Chunk ids are '<report id>:<number>' (ingest/sections.py)."""
    return chunk_id.rpartition(":")[0]


class ChunkMap(Mapping):
    """chunk id → Chunk, read through to the DocStore; `of(report_ids)` for a few reports' chunks."""

    def __init__(self, docs: DocStore, cached_reports: int = 256):
        self.docs = docs
        self.cached_reports = cached_reports
        self._cache: OrderedDict[str, dict[str, Chunk]] = OrderedDict()
        self._lock = threading.Lock()  # the web page answers from several threads
        self._count: int | None = None

    def _report(self, report_id: str) -> dict[str, Chunk]:
        with self._lock:
            if report_id in self._cache:
                self._cache.move_to_end(report_id)
                return self._cache[report_id]
        chunks = {c.id: c for c in self.docs.chunks(report_id)}
        with self._lock:
            self._cache[report_id] = chunks
            while len(self._cache) > self.cached_reports:
                self._cache.popitem(last=False)
        return chunks

    def __getitem__(self, chunk_id: str) -> Chunk:
        return self._report(report_of(chunk_id))[chunk_id]

    def __contains__(self, chunk_id) -> bool:
        return isinstance(chunk_id, str) and chunk_id in self._report(report_of(chunk_id))

    def __len__(self) -> int:
        if self._count is None:
            self._count = self.docs.chunk_count()
        return self._count

    def __iter__(self) -> Iterator[str]:
        # every chunk id, streamed: only for callers that really need the whole corpus (a test, a bench)
        return (c.id for c in self.docs.chunks())

    def of(self, report_ids: Iterable[str]) -> list[Chunk]:
        """The chunks of the given reports, in id order."""
        return [c for rid in sorted(set(report_ids)) for c in self._report(rid).values()]

    def clear(self) -> None:
        """Forget every cached report (another process changed the store)."""
        with self._lock:
            self._cache.clear()
            self._count = None

    def changed(self, report_ids: Iterable[str] = ()) -> None:
        """Forget what changed after an ingest or removal."""
        with self._lock:
            for rid in report_ids:
                self._cache.pop(rid, None)
            self._count = None
