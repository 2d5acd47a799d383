"""What the answer stages may read (report metadata, chunks, facts, texts, sections, the retriever) and
the settings they are tuned by, passed down together."""
from __future__ import annotations

from collections.abc import Callable, Iterable
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
    # many reports at once, for answers that read or cite thousands (store/docstore.py); None: one by one
    read_many: Callable[[Iterable[str]], tuple[dict[str, str], dict[str, list[Section]]]] | None = None
    # report id -> True (holds every term: exact) / False (not plain: read and check it); absent: holds not all
    mentioning: Callable[[Iterable[str] | None, list[str]], dict[str, bool]] | None = None

    def reading(self, report_ids: Iterable[str]) -> tuple[Callable[[str], str], Callable[[str], list[Section]]]:
        """(text, sections) for a Builder citing these reports, read in two statements instead of two per
        report; any other report is still read on its own."""
        if self.read_many is None:
            return self.text, self.sections
        texts, sections = self.read_many(report_ids)
        return (lambda rid: texts[rid] if rid in texts else self.text(rid),
                lambda rid: sections[rid] if rid in sections else self.sections(rid))

    def may_mention(self, reports: list[ReportMeta], terms: list[str]) -> list[ReportMeta]:
        """The reports whose text may hold every term (a superset: the caller still checks each), chosen by
        the database rather than by reading every text here."""
        hits = self.mention_check(reports, terms)
        return [m for m in reports if m.id in hits]

    def mention_check(self, reports: list[ReportMeta], terms: list[str]) -> dict[str, bool]:
        """The reports of `may_mention`, each True when the database is sure it holds every term (no need
        to read it to count it), False when the caller must read and check it."""
        if self.mentioning is None:
            return {m.id: False for m in reports}
        ids = [m.id for m in reports]
        return self.mentioning(None if len(ids) == len(self.metas) else ids, terms)


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
