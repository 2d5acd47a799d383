"""What the answer stages may read (report metadata, chunks, facts, texts, sections, the retriever) and
the settings they are tuned by, passed down together."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import ReportMeta, Section
from ..places import PlaceIndex
from ..settings import AnswerSettings, RetrievalSettings
from ..store.chunkmap import ChunkMap
from ..store.factstore import FactView
from .retrieve import HybridRetriever


@dataclass
class Corpus:
    metas: dict[str, ReportMeta]
    chunks: ChunkMap
    places: PlaceIndex
    facts: FactView  # .of(report_ids, indicators, places, year) selects in SQL; iterating reads them all
    text: Callable[[str], str]
    sections: Callable[[str], list[Section]]
    retriever: HybridRetriever | None


@dataclass
class Context:
    """One question's view: the corpus and the settings every handler and check is tuned by."""

    corpus: Corpus
    retrieval: RetrievalSettings
    tuning: AnswerSettings

    def texts_of(self, q) -> dict[str, str]:
        """Texts of the reports the question names."""
        c = self.corpus
        return {rid: c.text(rid) for rid, m in c.metas.items() if q.names_reports() and q.covers(m)}
