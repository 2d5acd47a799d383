"""The public Python API: Assistant.open(), .ingest(), .ask(), .reports()."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import TYPE_CHECKING

from . import validate
from . import engine
from .errors import FazhiError, StoreMismatchError
from .domain.indicators import Indicator
from .ingest.duplicates import DuplicateIndex
from .ingest.fetch import fetched
from .ingest.limits import Limits
from .ingest.loader import safe_name
from .ingest.parallel import Prepared, addressed, auto_workers, prepared, tokenized
from .ingest.prepare import expand
from .ingest.sections import CHUNKER_VERSION
from .llm import generation, guard
from .models import Answer, FailedFile, Fact, IngestResult, ReportMeta
from .reading.corpus import Context, Corpus
from .reading.retrieve import HybridRetriever
from .settings import Settings
from .store.docstore import DocStore
from .store.embedder import embedder_slug, expected_slug, make_embedder
from .store.factstore import FactStore, FactView
from .store.lexical import LexicalIndex
from .store.catalog import Catalog
from .store.chunkmap import ChunkMap
from .store.database import open_store_databases
from .store.lock import ReadWriteLock, bump, generation as store_generation, store_lock
from .store.vectors import collection_name, open_vectors
from .llm.breaker import Breaker, notice as llm_notice
from .text.lexicon import add_words, added_words
from .text.redact import redact
from .text.script import to_simplified
from .understand.query import Query, analyze, language

if TYPE_CHECKING:
    from llama_index.core.embeddings import BaseEmbedding

log = logging.getLogger(__name__)
_UNSET = object()
_FLUSH_CHUNKS = 512  # least chunks embedded and stored per commit (one Chroma/SQLite call) during ingest
_LLM_ROUTES = {"lookup", "open", "meta", None}  # exhaustive answers are code-built tables: no phrasing helps


class Assistant:
    def __init__(self, settings: Settings, embed_model: "BaseEmbedding | None" = None):
        self.settings = settings
        self._embed_model = embed_model  # None: built from the settings when a vector is first needed
        store = settings.store_dir
        main_db, lexical_db = open_store_databases(settings)  # SQLite files, or FAZHI_DATABASE_URL
        self.lock = store_lock(main_db, store, settings.lock_timeout)
        self._view = ReadWriteLock()  # in-process: a reload waits for the answers in flight (threads)
        self._reload_lock = threading.Lock()
        self.docs = DocStore(main_db)
        self.fact_store = FactStore(self.docs)
        self.catalog = Catalog(self.docs)  # metadata and places, re-read only where a commit of ours changed them
        self.duplicates = DuplicateIndex({}, self.docs.text, settings.duplicate_similarity, self.docs)
        self.slug = embedder_slug(embed_model) if embed_model else expected_slug(settings) or embedder_slug(self.embed_model)
        self.collection = collection_name(self.slug, CHUNKER_VERSION)
        self._mismatch = self._check_manifest()
        with self.lock.committing():  # Chroma creates and migrates its SQLite on first open: one process at a time
            self.vectors = (open_vectors(settings, store / "chroma", self.collection, lambda: self.embed_model)
                            if not self._mismatch else None)
        self.lexical = LexicalIndex(lexical_db)
        self.chunks = ChunkMap(self.docs)
        self._llm = _UNSET
        self._llm_lock = threading.Lock()
        self.breaker = Breaker(settings.llm_breaker_failures, settings.llm_breaker_cooldown)
        with self.lock.reading():
            self._generation = store_generation(self.docs)
            self._refresh()

    @classmethod
    def open(cls, settings: Settings | None = None, embed_model: "BaseEmbedding | None" = None) -> "Assistant":
        return cls(settings or Settings(), embed_model)

    @property
    def embed_model(self) -> "BaseEmbedding":
        if self._embed_model is None:
            self._embed_model = make_embedder(self.settings)
        return self._embed_model

    def _check_manifest(self) -> str | None:
        built = self.docs.manifest()
        if "collection" not in built:  # nothing embedded yet (only the fact/generation counters were written)
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
        """Metadata, places, BM25: all at open or after another process's commit, else only what ours changed."""
        if not changed:
            self.catalog.load()
            self.fact_store.sync(self.catalog.metas)  # facts stay in the database; a new extractor re-extracts
        add_words(self.catalog.update(changed) if changed else self.catalog.places.aliases())
        self.metas, self.places = self.catalog.metas, self.catalog.places
        self.chunks.changed(changed)
        self._sync_lexical(changed)
        self.retriever = (HybridRetriever(self.vectors, self.lexical, self.chunks, self.metas, self.settings.retrieval)
                          if self.vectors is not None else None)
        self.corpus = Corpus(self.metas, self.chunks, self.places, FactView(self.fact_store, self.metas), self.docs.text,
                             self.docs.sections, self.retriever, self.docs.read_many, self.docs.mention_check)
        self.duplicates.resize({i: m.chars for i, m in self.metas.items()})  # signatures of new reports

    def _sync(self) -> None:
        """Reload when another process (a CLI ingest next to `fazhi serve`) committed since we last looked;
        called under the store's read lock, so the store is not half-written while we read it."""
        if store_generation(self.docs) == self._generation:
            return
        with self._reload_lock, self._view.write():  # one thread reloads, once no answer is in flight
            current = store_generation(self.docs)
            if current == self._generation:
                return
            log.info("the store changed (generation %s → %s): reloading", self._generation, current)
            if self.vectors is not None:  # Chroma keeps its index in memory: a new client sees the new vectors
                self.vectors = self.vectors.reopen()
            self._generation = current
            self.chunks.clear()  # another process may have removed or replaced any report
            self.lexical.reload()
            self._refresh()

    @contextmanager
    def _reading(self):
        """A consistent view for one answer: no commit by another process, no reload by another thread."""
        with self.lock.reading():
            self._sync()
            with self._view.read():
                yield

    @property
    def all_facts(self) -> list[Fact]:
        """Every fact of the reports this process knows (read from the database: for callers that need all)."""
        return list(self.corpus.facts)

    def _sync_lexical(self, changed: set[str] = frozenset()) -> None:
        """BM25 for the changed reports, or (at open, after another process's commit) for every report it misses."""
        indexed = self.lexical.report_ids() if not changed else {r for r in changed if r not in self.metas}
        for rid in indexed - set(self.metas):
            self.lexical.remove_report(rid)
        missing = [rid for rid in (changed or self.metas) if rid in self.metas and rid not in indexed]
        if not missing:
            return
        items = [(rid, self._context(rid)) for rid in missing]  # every core for a backlog; a commit's few: here
        workers = auto_workers(self.settings.ingest_workers, len(items), spare_one=False) if len(items) >= 64 else 0
        self.lexical.add_reports(tokenized(self.docs.path, items, added_words(), workers))

    def _context(self, report_id: str) -> str:
        """Words BM25 sees before every chunk of a report, so its place and title match."""
        m = self.metas[report_id]
        return f"{m.place or ''} {m.title or ''}"

    # ---- ingest -------------------------------------------------------------------------
    def ingest(self, paths, progress: bool | Callable[[int, int], None] = True,
               keep_duplicates: bool | None = None, url: str | None = None) -> IngestResult:
        """Add report files/folders, prepared in worker processes while the embedder works on the ones already
        prepared; `progress`: a tqdm bar (True), nothing (False), or called with (reports done, total).
        Duplicates (same text; near ones unless keep_duplicates) are skipped; a failed file is listed."""
        self._require_store()
        files, result = expand(paths)
        workers = auto_workers(self.settings.ingest_workers, len(files))
        items = prepared(files, self.settings.max_file_mb, self.settings.chunk, workers, Limits.of(self.settings),
                         self.settings.worker_memory_mb)
        if url is not None:  # the address the user gives for one file is its report's address
            items = addressed(items, url, len(files))
        return self._add(items, len(files), result, progress, keep_duplicates)

    def ingest_url(self, url: str, progress: bool = True, keep_duplicates: bool | None = None) -> IngestResult:
        """Fetch one report page/file (html, pdf, docx) and add it; the URL is kept as its source."""
        return self.add_fetched(fetched(url, self.settings), progress, keep_duplicates)

    def add_fetched(self, item: Prepared | FailedFile, progress: bool = True,
                    keep_duplicates: bool | None = None) -> IngestResult:
        """Store what fetch.fetched returned (fetching takes no lock: a slow host delays no question)."""
        self._require_store()
        items = [item] if isinstance(item, Prepared) else []
        return self._add(iter(items), len(items), IngestResult(failed=[] if items else [item]), progress, keep_duplicates)

    def _add(self, items, total: int, result: IngestResult, progress, keep_duplicates: bool | None) -> IngestResult:
        from tqdm import tqdm

        from .ingest import batch

        keep = self.settings.keep_duplicates if keep_duplicates is None else keep_duplicates
        with self.lock.writer():  # one ingest at a time across processes; the second sees the first's reports
            with self.lock.reading():
                self._sync()
            pending: dict[str, Prepared] = {}
            nodes: list = []  # the pending reports' chunks, embedded
            with tqdm(total=total, desc="ingesting reports", unit="report", disable=progress is not True) as bar:
                for item in items:
                    bar.update(1)
                    self._report_progress(progress, result, total)
                    if item.error:
                        result.failed.append(FailedFile(path=safe_name(item.path), reason=item.error))
                    elif batch.is_new(item.report, result, keep, self.docs.has, self.duplicates, self.metas,
                                      {rid: p.report for rid, p in pending.items()}):
                        pending[item.report.meta.id] = item
                        # embedded as soon as it is prepared (the slow part, outside any lock): the embedder
                        # never waits for a whole commit's worth of reports to be prepared
                        nodes += batch.embedded([item.report], self.embed_model)
                        if len(nodes) >= self._flush_at():
                            self._commit(pending, nodes, result)
                self._commit(pending, nodes, result)
                self._report_progress(progress, result, total)
        return result

    @staticmethod
    def _report_progress(progress, result: IngestResult, total: int) -> None:
        """Reports settled (stored, skipped or failed; not merely read) of the total: the page's "indexing 3/12"."""
        if callable(progress):
            progress(len(result.added) + len(result.skipped) + len(result.failed), total)

    def _flush_at(self) -> int:
        """Chunks per commit: at least _FLUSH_CHUNKS and a twentieth of the store (a commit costs a Chroma flush)."""
        return max(_FLUSH_CHUNKS, len(self.chunks) // 20)

    def _commit(self, pending: dict[str, Prepared], nodes: list, result: IngestResult) -> None:
        """Several reports at once (a Chroma add costs ~0.2 s a call), already embedded, so other processes' questions
        wait only for the writes. Each commit leaves a complete store and bumps the generation readers reload on."""
        if not pending:
            return
        with self.lock.committing(), self._view.write():
            self.vectors.delete_reports(list(pending))  # vectors left by an interrupted earlier run
            self.vectors.add(nodes)
            reports = [p.report for p in pending.values()]  # one transaction each for texts and facts
            self.docs.add_all([(r.meta, r.text, r.sections, r.chunks) for r in reports])
            self.fact_store.put_all({rid: p.facts for rid, p in pending.items()})
            result.added += [r.meta for r in reports]
            self.docs.set_manifest({"embedder": self.slug, "chunker": CHUNKER_VERSION, "collection": self.collection})
            self._refresh(changed=set(pending))
            self._generation = bump(self.docs)
        pending.clear()
        nodes.clear()

    def remove(self, report_id: str) -> None:
        self._require_store()
        with self.lock.writer(), self.lock.committing(), self._view.write():
            self.vectors.delete_report(report_id)
            self.docs.remove(report_id)
            self.fact_store.remove(report_id)
            self._refresh(changed={report_id})
            self._generation = bump(self.docs)

    # ---- questions ------------------------------------------------------------------------
    def reports(self) -> list[ReportMeta]:
        with self._reading():
            return list(self.metas.values())

    def facts(self, indicator: Indicator | str | None = None, place: str | None = None,
              year: int | None = None) -> list[Fact]:
        """Facts of every report (or one indicator/place/year), selected in the database; a silent report has none."""
        indicator = validate.indicator(indicator)
        places = validate.places(place, self.places)
        validate.year(year, self.metas)
        with self._reading():
            return self.corpus.facts.of(indicators=[indicator] if indicator else None, places=places, year=year)

    def text(self, report_id: str) -> str:
        return self.docs.text(report_id)

    def analyze(self, question: str, place=None, year: int | None = None) -> Query:
        question = to_simplified(validate.question(question, self.settings.max_question_chars))
        places = validate.places(place, self.places)
        validate.year(year, self.metas)
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
        """In the background, for a session's first question: Chroma and the embedder (seconds of imports a
        retrieving question would wait for), then the local model and its cached system prompt."""
        def run():
            try:
                with self._reading():
                    if self.vectors is not None and self.metas:
                        self.vectors.search("法治政府建设", 1)
                if self.settings.llm == "none":
                    return
                llm = self.llm
                if hasattr(llm, "warmup"):
                    llm.warmup()
                    generation.prime(llm, "zh")
            except FazhiError as err:  # the extractive answers still work; say why once
                log.warning("not warmed up (the model or the embedder is not available): %s", err)

        thread = threading.Thread(target=run, name="fazhi-warmup", daemon=True)
        thread.start()
        return thread

    def _phrase(self, answer: Answer, generate: bool) -> bool:
        if self.settings.llm == "local" and self.settings.llm_skip_complete and generation.complete(answer):
            return False  # the page shows it at once instead of after seconds of CPU generation
        return generate and self.settings.llm != "none" and not answer.abstained and answer.route in _LLM_ROUTES

    def _llm_args(self, answer: Answer) -> dict:
        return {"texts": {c.report_id: self.docs.text(c.report_id) for c in answer.citations},
                "corpus_places": self.places.places}

    def ask(self, question: str, place: str | list[str] | None = None, year: int | None = None,
            generate: bool = True, history=None) -> Answer:
        """Answer with verified citations, rephrased by the LLM when one is configured (and checked again);
        `history`: earlier turns (Answers or {"question", "answer"}) a follow-up question leans on."""
        answer = self._answer(question, place, year, history)
        if not self._phrase(answer, generate):
            return answer
        llm, notice = self._usable_llm()
        if llm is None:
            return answer.model_copy(update={"notice": notice})
        failed: list[str] = []
        phrased = generation.generate(question, language(question), answer, llm, answer.route,
                                      on_error=failed.append, **self._llm_args(answer))
        if failed:
            return answer.model_copy(update={"notice": self._llm_failed(failed[0])})
        self.breaker.succeeded()
        return self._guarded(phrased, answer)

    def _usable_llm(self):
        """(llm, None), or (None, notice) when the model cannot be used: it failed to start, or failed
        FAZHI_LLM_BREAKER_FAILURES times in a row and is skipped for FAZHI_LLM_BREAKER_COOLDOWN seconds."""
        reason = self.breaker.open_reason()
        if reason is not None:
            return None, llm_notice(f"{reason}; skipped for up to {self.settings.llm_breaker_cooldown:g} s "
                                 f"(FAZHI_LLM_BREAKER_COOLDOWN)")
        try:
            return self.llm, None
        except Exception as err:  # any failure to build the model leaves the verified answer standing
            return None, self._llm_failed(str(err) if isinstance(err, FazhiError) else type(err).__name__)

    def _llm_failed(self, reason: str) -> str:
        self.breaker.failed(redact(reason))
        return llm_notice(reason)

    def _guarded(self, phrased: Answer, extractive: Answer) -> Answer:
        """The phrased answer only if its figures are used as the reports use them; kept on top of the
        extractive lines so no verified figure or quote can be lost."""
        if phrased.answer == extractive.answer:
            return extractive
        cited = self.corpus.facts.of({c.report_id for c in phrased.citations})
        problems = guard.figures_consistent(phrased.answer, phrased.citations, cited)
        if problems:
            log.warning("LLM answer rejected: %s", "; ".join(problems))
            return extractive
        return guard.merge(phrased, extractive)

    def ask_stream(self, question: str, place: str | list[str] | None = None, year: int | None = None,
                   generate: bool = True, history=None):
        """Events: evidence (at once), then LLM tokens (unverified), then the final verified Answer."""
        answer = self._answer(question, place, year, history)
        llm, notice = self._usable_llm() if self._phrase(answer, generate) else (None, None)
        if llm is None:
            answer = answer.model_copy(update={"notice": notice}) if notice else answer
            yield {"type": "evidence", "citations": list(answer.citations)}
            yield {"type": "answer", "answer": answer, "generated": False, "reason": notice}
            return
        for event in generation.generate_stream(question, language(question), answer, llm, answer.route,
                                                **self._llm_args(answer)):
            if event["type"] == "answer" and event.get("failed"):
                notice = self._llm_failed(event.get("reason") or "the LLM failed")
                event = {**event, "answer": answer.model_copy(update={"notice": notice})}
            elif event["type"] == "answer":
                self.breaker.succeeded()
                final = self._guarded(event["answer"], answer)
                event = {**event, "answer": final, "generated": final is not answer}
            yield event

    def _answer(self, question: str, place, year, history=None) -> Answer:
        self._require_store()
        with self._reading():  # another process may be committing: wait for it, then see its reports
            if not self.metas:
                raise FazhiError("no reports have been ingested yet; run `fazhi ingest reports/` first")
            q = self.analyze(question, place, year)
            earlier = validate.history(history)
            ctx = Context(self.corpus, self.settings.retrieval, self.settings.answer)
            return engine.follow_up(q, earlier and self.analyze(earlier, place, year), ctx, year is not None,
                                    lambda text: self.analyze(text, place, year))

    def close(self) -> None:
        self.docs.close()
        if self.vectors is not None:  # Chroma caches one client per folder: a rebuilt folder needs a new one
            self.vectors.close()
