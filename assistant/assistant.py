"""The public Python API: Assistant.open(), .ingest(), .ask(), .reports()."""
from __future__ import annotations

import logging
import threading

from llama_index.core.embeddings import BaseEmbedding
from tqdm import tqdm

from .answer import pipeline
from .answer.analyze import Query, analyze, language
from .errors import FazhiError, InputError, StoreMismatchError
from .facts.extract import Fact
from .facts.indicators import Indicator
from .ingest.parallel import Prepared, auto_workers, prepared, tokenized
from .ingest.prepare import expand
from .ingest.sections import CHUNKER_VERSION
from .llm import generation, guard
from .models import Answer, FailedFile, IngestResult, ReportMeta
from .places import PlaceIndex
from .answer.retrieve import HybridRetriever
from .settings import Settings
from .store.docstore import DocStore
from .store.embedder import embedder_slug, make_embedder
from .store.factstore import FactStore
from .store.lexical import LexicalIndex
from .store.chunkmap import ChunkMap
from .store.vectors import collection_name, open_vectors, to_node
from .text.lexicon import add_words, added_words
from .text.script import to_simplified

log = logging.getLogger(__name__)
_UNSET = object()
_FLUSH_CHUNKS = 512  # chunks embedded and stored per Chroma/SQLite call during ingest
_LLM_ROUTES = {"lookup", "open", "meta", None}  # exhaustive answers are code-built tables: no phrasing helps


class Assistant:
    def __init__(self, settings: Settings, embed_model: BaseEmbedding):
        self.settings = settings
        self.embed_model = embed_model
        store = settings.store_dir
        self.docs = DocStore(store / "fazhi.sqlite")
        self.fact_store = FactStore(self.docs)
        self.slug = embedder_slug(embed_model)
        self.collection = collection_name(self.slug, CHUNKER_VERSION)
        self._mismatch = self._check_manifest()
        self.vectors = (open_vectors(settings, store / "chroma", self.collection, embed_model)
                        if not self._mismatch else None)
        self.lexical = LexicalIndex(store / "lexical.sqlite")
        self.chunks = ChunkMap(self.docs)
        self._llm = _UNSET
        self._llm_lock = threading.Lock()
        self._refresh()

    @classmethod
    def open(cls, settings: Settings | None = None, embed_model: BaseEmbedding | None = None) -> "Assistant":
        settings = settings or Settings()
        return cls(settings, embed_model or make_embedder(settings))

    def _check_manifest(self) -> str | None:
        built = self.docs.manifest()
        if not built:
            return None
        if built.get("collection") != self.collection:
            return (f"the store at {self.settings.store_dir} was built with embedder '{built.get('embedder')}' "
                    f"(chunker {built.get('chunker')}), not '{self.slug}' (chunker {CHUNKER_VERSION}); "
                    f"set FAZHI_EMBEDDER back or rebuild with `fazhi ingest --rebuild PATH`")
        return None

    def _require_store(self) -> None:
        if self._mismatch:
            raise StoreMismatchError(self._mismatch)

    def _refresh(self, changed: set[str] = frozenset()) -> None:
        """Metadata, places and facts after a change; chunks stay in SQLite (ChunkMap) and BM25 is
        updated only for the reports that changed (or are missing from it: an older store)."""
        self.metas = {m.id: m for m in self.docs.reports()}
        self.chunks.changed(changed)
        self.places = PlaceIndex([m.place for m in self.metas.values() if m.place],
                                 {m.place: m.place_full for m in self.metas.values() if m.place})
        self._refresh_facts(changed)
        add_words(self.places.aliases())
        self._sync_lexical()
        self.retriever = (HybridRetriever(self.vectors, self.lexical, self.chunks, self.metas, self.settings.retrieval)
                          if self.vectors is not None else None)
        self.corpus = pipeline.Corpus(self.metas, self.chunks, self.places, self.all_facts, self.docs.text,
                                      self.docs.sections, self.retriever)

    def _refresh_facts(self, changed: set[str]) -> None:
        if self.fact_store.sync(self.metas) or not changed or not hasattr(self, "all_facts"):
            self.all_facts: list[Fact] = self.fact_store.query()
            return
        # only the changed reports' facts are read again; the order is the table's (report, offset)
        kept = [f for f in self.all_facts if f.report_id not in changed]
        fresh = self.fact_store.query(report_ids=set(changed) & set(self.metas))
        self.all_facts = sorted(kept + fresh, key=lambda f: (f.report_id, f.start))

    def _sync_lexical(self) -> None:
        indexed = self.lexical.report_ids()
        for rid in indexed - set(self.metas):
            self.lexical.remove_report(rid)
        missing = [rid for rid in self.metas if rid not in indexed]
        if not missing:
            return
        items = [(rid, self._context(rid)) for rid in missing]
        # every core: nothing else runs while the batch's tokens are computed
        workers = auto_workers(self.settings.ingest_workers, len(items), spare_one=False)
        self.lexical.add_reports(tokenized(self.docs.path, items, added_words(), workers))

    def _context(self, report_id: str) -> str:
        """Words BM25 sees before every chunk of a report, so its place and title match."""
        m = self.metas[report_id]
        return f"{m.place or ''} {m.title or ''}"

    # ---- ingest -------------------------------------------------------------------------
    def ingest(self, paths, progress: bool = True) -> IngestResult:
        """Prepare files in worker processes while embedding the ones already prepared; BM25 tokens
        are computed once the batch's places are known (they segment place names)."""
        self._require_store()
        files, result = expand(paths)
        seen: set[str] = set()
        workers = auto_workers(self.settings.ingest_workers, len(files))
        pending: list[Prepared] = []
        with tqdm(total=len(files), desc="ingesting reports", unit="report", disable=not progress) as bar:
            for item in prepared(files, self.settings.max_file_mb, self.settings.chunk, workers):
                bar.update(1)
                if item.error:
                    result.failed.append(FailedFile(path=str(item.path), reason=item.error))
                elif item.report.meta.id in seen or self.docs.has(item.report.meta.id):
                    result.skipped.append(item.report.meta.source)
                else:
                    seen.add(item.report.meta.id)
                    pending.append(item)
                    if sum(len(p.report.chunks) for p in pending) >= _FLUSH_CHUNKS:
                        self._store(pending, result)
            self._store(pending, result)
        if seen:
            self.docs.set_manifest({"embedder": self.slug, "chunker": CHUNKER_VERSION, "collection": self.collection})
            self._refresh(changed=seen)
        return result

    def _store(self, pending: list[Prepared], result: IngestResult) -> None:
        """Vectors first, then texts and facts, for several reports at once: Chroma and SQLite pay a
        commit per call (~0.2 s per Chroma add), so one call per report would cost more than embedding."""
        if not pending:
            return
        self.vectors.delete_reports([p.report.meta.id for p in pending])  # vectors left by an interrupted run
        self.vectors.add([to_node(c, p.report.meta) for p in pending for c in p.report.chunks])
        for p in pending:
            self.docs.add(p.report.meta, p.report.text, p.report.sections, p.report.chunks)
            self.fact_store.put(p.report.meta.id, p.facts)
            result.added.append(p.report.meta)
        pending.clear()

    def remove(self, report_id: str) -> None:
        self._require_store()
        self.vectors.delete_report(report_id)
        self.docs.remove(report_id)
        self.fact_store.remove(report_id)
        self._refresh(changed={report_id})

    # ---- questions ------------------------------------------------------------------------
    def reports(self) -> list[ReportMeta]:
        return list(self.metas.values())

    def facts(self, indicator: Indicator | str | None = None, place: str | None = None,
              year: int | None = None) -> list[Fact]:
        """Facts of every report (or one indicator/place/year); a report that is silent has none."""
        if isinstance(indicator, str) and not isinstance(indicator, Indicator):
            try:
                indicator = Indicator(indicator)
            except ValueError:
                names = ", ".join(i.value for i in Indicator)
                raise InputError(f"unknown indicator '{indicator}'; choose one of: {names}") from None
        places = self._resolve_places(place)
        self._validate_year(year)
        return [f for f in self.all_facts if (indicator is None or f.indicator == indicator)
                and (not places or f.place in places) and (year is None or f.year == year)]

    def text(self, report_id: str) -> str:
        return self.docs.text(report_id)

    def analyze(self, question: str, place=None, year: int | None = None) -> Query:
        question = to_simplified(self._validate_question(question))
        places = self._resolve_places(place)
        self._validate_year(year)
        return analyze(question, self.places, places, year)

    @property
    def llm(self):
        """The configured LLM (FAZHI_LLM), built on first use; None when FAZHI_LLM=none."""
        with self._llm_lock:
            if self._llm is _UNSET:
                from .llm.backends import make_llm

                self._llm = make_llm(self.settings)
        return self._llm

    def warm_up(self) -> threading.Thread:
        """Assemble/load the local model and cache its system prompt in the background (~5-10 s),
        so the first question of a chat or web session does not pay for it."""
        def run():
            if self.settings.llm == "none":
                return
            try:
                llm = self.llm
                if hasattr(llm, "warmup"):
                    llm.warmup()
                    generation.prime(llm, "zh")
            except FazhiError as err:  # the extractive answers still work; say why once
                log.warning("LLM not available: %s", err)

        thread = threading.Thread(target=run, name="fazhi-llm-warmup", daemon=True)
        thread.start()
        return thread

    def _phrase(self, answer: Answer, generate: bool) -> bool:
        return generate and self.settings.llm != "none" and not answer.abstained and answer.route in _LLM_ROUTES

    def _llm_args(self, answer: Answer) -> dict:
        return {"texts": {c.report_id: self.docs.text(c.report_id) for c in answer.citations},
                "corpus_places": self.places.places}

    def ask(self, question: str, place: str | list[str] | None = None, year: int | None = None,
            generate: bool = True) -> Answer:
        """Answer with verified citations; with an LLM configured (and generate=True) the verified
        extractive answer is rephrased by it and checked again (falls back to the extractive one)."""
        answer = self._answer(question, place, year)
        if not self._phrase(answer, generate):
            return answer
        phrased = generation.generate(question, language(question), answer, self.llm, answer.route,
                                      **self._llm_args(answer))
        return self._guarded(phrased, answer)

    def _guarded(self, phrased: Answer, extractive: Answer) -> Answer:
        """The phrased answer only if its figures are used as the reports use them; kept on top of the
        extractive lines so no verified figure or quote can be lost."""
        if phrased.answer == extractive.answer:
            return extractive
        problems = guard.figures_consistent(phrased.answer, phrased.citations, self.all_facts)
        if problems:
            log.warning("LLM answer rejected: %s", "; ".join(problems))
            return extractive
        return guard.merge(phrased, extractive)

    def ask_stream(self, question: str, place: str | list[str] | None = None, year: int | None = None,
                   generate: bool = True):
        """Events: evidence (at once), then LLM tokens (unverified), then the final verified Answer."""
        answer = self._answer(question, place, year)
        if not self._phrase(answer, generate):
            yield {"type": "evidence", "citations": list(answer.citations)}
            yield {"type": "answer", "answer": answer, "generated": False, "reason": None}
            return
        for event in generation.generate_stream(question, language(question), answer, self.llm, answer.route,
                                                **self._llm_args(answer)):
            if event["type"] == "answer":
                final = self._guarded(event["answer"], answer)
                event = {**event, "answer": final, "generated": final is not answer}
            yield event

    def _answer(self, question: str, place, year) -> Answer:
        self._require_store()
        if not self.metas:
            raise FazhiError("no reports have been ingested yet; run `fazhi ingest reports/` first")
        q = self.analyze(question, place, year)
        return pipeline.answer(q, self.corpus, self.settings.retrieval, explicit_year=year is not None)

    def _validate_question(self, question: str) -> str:
        if not isinstance(question, str) or not question.strip():
            raise InputError("the question is empty; type a question, e.g. 平罗县2023年行政诉讼败诉率是多少?")
        try:
            question.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError("the question contains characters that are not valid text (e.g. a lone surrogate); "
                             "retype or paste it again") from None
        if len(question) > self.settings.max_question_chars:
            raise InputError(f"the question is {len(question)} characters, over the {self.settings.max_question_chars} "
                             f"limit; shorten it (or raise FAZHI_MAX_QUESTION_CHARS)")
        return question.strip()

    def _resolve_places(self, place) -> list[str]:
        """Filter names as the user typed them (平罗, Pingluo, 平罗县) → full corpus place names."""
        out: list[str] = []
        for p in [place] if isinstance(place, str) else (place or []):
            matches = [p] if p in self.places.places else self.places.find(p)
            if not matches:
                raise InputError(f"unknown place '{p}'; places in the corpus: {'、'.join(self.places.places) or '(none)'}")
            out.extend(m for m in matches if m not in out)
        return out

    def _validate_year(self, year) -> None:
        if year is not None:
            years = sorted({m.year for m in self.metas.values() if m.year})
            if not isinstance(year, int) or year not in years:
                raise InputError(f"no report covers year {year}; years in the corpus: {', '.join(map(str, years)) or '(none)'}")

    def close(self) -> None:
        self.docs.close()
