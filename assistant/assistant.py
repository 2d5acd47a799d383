"""The public Python API: Assistant.open(), .ingest(), .ask(), .reports()."""
from __future__ import annotations

import logging
import threading
from contextlib import contextmanager

from llama_index.core.embeddings import BaseEmbedding

from .answer import pipeline
from .answer.analyze import Query, analyze, language
from .errors import FazhiError, InputError, StoreMismatchError
from .facts.extract import Fact
from .facts.indicators import Indicator
from .ingest import batch
from .ingest.duplicates import DuplicateIndex
from .ingest.limits import Limits
from .ingest.loader import safe_name
from .ingest.prepare import PreparedReport, expand, prepare
from .ingest.sections import CHUNKER_VERSION
from .llm import generation, guard
from .models import Answer, Chunk, FailedFile, IngestResult, ReportMeta
from .places import PlaceIndex
from .answer.retrieve import HybridRetriever
from .settings import Settings
from .store.docstore import DocStore
from .store.embedder import embedder_slug, make_embedder
from .store.factstore import FactStore
from .store.lexical import LexicalIndex
from .store.lock import ReadWriteLock, StoreLock, bump, generation as store_generation
from .store.vectors import VectorIndex, collection_name
from .llm.breaker import Breaker, notice as llm_notice
from .text.lexicon import add_words
from .text.redact import redact
from .text.script import to_simplified

log = logging.getLogger(__name__)
_UNSET = object()
_LLM_ROUTES = {"lookup", "open", "meta", None}  # exhaustive answers are code-built tables: no phrasing helps


class Assistant:
    def __init__(self, settings: Settings, embed_model: BaseEmbedding):
        self.settings = settings
        self.embed_model = embed_model
        store = settings.store_dir
        self.lock = StoreLock(store, settings.lock_timeout)
        self._view = ReadWriteLock()  # in-process: a reload waits for the answers in flight (threads)
        self._reload_lock = threading.Lock()
        self.docs = DocStore(store / "fazhi.sqlite")
        self.fact_store = FactStore(self.docs)
        self.slug = embedder_slug(embed_model)
        self.collection = collection_name(self.slug, CHUNKER_VERSION)
        self._mismatch = self._check_manifest()
        self.vectors = VectorIndex(store / "chroma", self.collection, embed_model) if not self._mismatch else None
        self.lexical = LexicalIndex(store / "bm25")
        self._llm = _UNSET
        self._llm_lock = threading.Lock()
        self.breaker = Breaker(settings.llm_breaker_failures, settings.llm_breaker_cooldown)
        with self.lock.reading():
            self._generation = store_generation(self.docs)
            self._refresh(rebuild_lexical=not self.lexical.load())

    @classmethod
    def open(cls, settings: Settings | None = None, embed_model: BaseEmbedding | None = None) -> "Assistant":
        settings = settings or Settings()
        return cls(settings, embed_model or make_embedder(settings))

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

    def _refresh(self, rebuild_lexical: bool = False) -> None:
        self.metas = {m.id: m for m in self.docs.reports()}
        self.chunks: dict[str, Chunk] = {c.id: c for c in self.docs.chunks()}
        self.places = PlaceIndex([m.place for m in self.metas.values() if m.place],
                                 {m.place: m.place_full for m in self.metas.values() if m.place})
        self.fact_store.sync(self.metas)
        self.all_facts: list[Fact] = self.fact_store.query()
        add_words(self.places.aliases())
        if rebuild_lexical or len(self.lexical.chunk_ids) != len(self.chunks):
            context = {m.id: f"{m.place or ''} {m.title or ''}" for m in self.metas.values()}
            self.lexical.build(list(self.chunks.values()), context)
        self.retriever = (HybridRetriever(self.vectors, self.lexical, self.chunks, self.metas, self.settings.retrieval)
                          if self.vectors is not None else None)
        self.corpus = pipeline.Corpus(self.metas, self.chunks, self.places, self.all_facts, self.docs.text,
                                      self.docs.sections, self.retriever)
        self.duplicates = DuplicateIndex({i: m.chars for i, m in self.metas.items()}, self.docs.text,
                                         self.settings.duplicate_similarity)

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
            self._refresh(rebuild_lexical=not self.lexical.load())

    @contextmanager
    def _reading(self):
        """A consistent view for one answer: no commit by another process, no reload by another thread."""
        with self.lock.reading():
            self._sync()
            with self._view.read():
                yield

    # ---- ingest -------------------------------------------------------------------------
    def ingest(self, paths, progress: bool = True, keep_duplicates: bool | None = None) -> IngestResult:
        """Add report files/folders; duplicates (same cleaned text, or near-duplicates unless keep_duplicates /
        FAZHI_KEEP_DUPLICATES) are skipped; a file that fails is listed, the rest of the batch goes on."""
        self._require_store()
        files, result = expand(paths)
        prepared: list[PreparedReport] = []
        limits = Limits.of(self.settings)
        for path in files:
            try:
                prepared.append(prepare(path, self.settings.max_file_mb, self.settings.chunk, limits))
            except FazhiError as err:
                result.failed.append(FailedFile(path=safe_name(path), reason=str(err)))
            except Exception as err:  # a bug reading one file must not lose the rest of the batch
                log.exception("reading %s failed", safe_name(path))
                result.failed.append(FailedFile(path=safe_name(path), reason=f"{safe_name(path)}: could not be "
                                                f"read ({type(err).__name__}); check the file"))
        return self.store_prepared(prepared, result, progress, keep_duplicates)

    def ingest_url(self, url: str, progress: bool = True, keep_duplicates: bool | None = None) -> IngestResult:
        """Fetch one report page/file (html, pdf, docx) and add it; the URL is kept as its source."""
        from .ingest.fetch import fetch_report

        self._require_store()
        result = IngestResult()
        try:
            prepared = [fetch_report(url, self.settings)]
        except FazhiError as err:
            result.failed.append(FailedFile(path=redact(url), reason=str(err)))
            prepared = []
        return self.store_prepared(prepared, result, progress, keep_duplicates)

    def store_prepared(self, prepared: list[PreparedReport], result: IngestResult, progress: bool = True,
                       keep_duplicates: bool | None = None) -> IngestResult:
        keep = self.settings.keep_duplicates if keep_duplicates is None else keep_duplicates
        with self.lock.writer():  # one ingest at a time across processes; the second sees the first's reports
            with self.lock.reading():
                self._sync()
            todo = batch.new_reports(prepared, result, keep, self.docs.has, self.duplicates, self.metas)
            nodes = batch.embedded(todo, self.embed_model, progress)  # the slow part, before readers wait
            if todo:
                with self.lock.committing(), self._view.write():
                    for r in todo:
                        self.vectors.delete_report(r.meta.id)  # clears vectors left by an interrupted earlier run
                        self.vectors.add(nodes[r.meta.id])
                        self.docs.add(r.meta, r.text, r.sections, r.chunks)
                        self.fact_store.add(r.meta, r.text)
                        result.added.append(r.meta)
                    self.docs.set_manifest({"embedder": self.slug, "chunker": CHUNKER_VERSION,
                                            "collection": self.collection})
                    self._refresh(rebuild_lexical=True)
                    self._generation = bump(self.docs)
        return result

    def remove(self, report_id: str) -> None:
        self._require_store()
        with self.lock.writer(), self.lock.committing(), self._view.write():
            self.vectors.delete_report(report_id)
            self.docs.remove(report_id)
            self.fact_store.remove(report_id)
            self._refresh(rebuild_lexical=True)
            self._generation = bump(self.docs)

    # ---- questions ------------------------------------------------------------------------
    def reports(self) -> list[ReportMeta]:
        with self._reading():
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
        elif indicator is not None and not isinstance(indicator, Indicator):
            raise InputError(f"indicator must be a name such as litigation_defeat_rate, got {type(indicator).__name__}")
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
        problems = guard.figures_consistent(phrased.answer, phrased.citations, self.all_facts)
        if problems:
            log.warning("LLM answer rejected: %s", "; ".join(problems))
            return extractive
        return guard.merge(phrased, extractive)

    def ask_stream(self, question: str, place: str | list[str] | None = None, year: int | None = None,
                   generate: bool = True):
        """Events: evidence (at once), then LLM tokens (unverified), then the final verified Answer."""
        answer = self._answer(question, place, year)
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

    def _answer(self, question: str, place, year) -> Answer:
        self._require_store()
        with self._reading():  # another process may be committing: wait for it, then see its reports
            if not self.metas:
                raise FazhiError("no reports have been ingested yet; run `fazhi ingest reports/` first")
            q = self.analyze(question, place, year)
            return pipeline.answer(q, self.corpus, self.settings.retrieval, explicit_year=year is not None)

    def _validate_question(self, question: str) -> str:
        if not isinstance(question, str):
            raise InputError(f"the question must be text, got {type(question).__name__}; e.g. ask('平罗县败诉率是多少?')")
        if not question.strip():
            raise InputError("the question is empty; type a question, e.g. 平罗县2023年行政诉讼败诉率是多少?")
        try:
            question.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (pasted half of an emoji, a bad terminal)
            raise InputError("the question contains characters that are not valid text (e.g. a lone surrogate); "
                             "retype or paste it again") from None
        if len(question) > self.settings.max_question_chars:
            raise InputError(f"the question is {len(question)} characters, over the {self.settings.max_question_chars} "
                             f"limit; shorten it (or raise FAZHI_MAX_QUESTION_CHARS)")
        return question.strip()

    def _resolve_places(self, place) -> list[str]:
        """Filter names as the user typed them (平罗, Pingluo, 平罗县) → full corpus place names."""
        out: list[str] = []
        if place is not None and not isinstance(place, (str, list, tuple)):
            raise InputError(f"place must be a place name or a list of names, got {type(place).__name__}; "
                             f"e.g. place='平罗县'")
        for p in [place] if isinstance(place, str) else (place or []):
            if not isinstance(p, str) or not p.strip():
                raise InputError(f"place names must be non-empty text, got {p!r:.40}; e.g. place='平罗县'")
            try:
                p.encode("utf-8")
            except UnicodeEncodeError:
                raise InputError("the place name contains characters that are not valid text (e.g. a lone "
                                 "surrogate); retype it") from None
            matches = [p] if p in self.places.places else self.places.find(p)
            if not matches:
                raise InputError(f"unknown place '{p}'; places in the corpus: {'、'.join(self.places.places) or '(none)'}")
            out.extend(m for m in matches if m not in out)
        return out

    def _validate_year(self, year) -> None:
        if year is not None:
            years = sorted({m.year for m in self.metas.values() if m.year})
            if not isinstance(year, int) or isinstance(year, bool) or year not in years:
                raise InputError(f"no report covers year {year!r:.20}; years in the corpus: {', '.join(map(str, years)) or '(none)'}")

    def close(self) -> None:
        self.docs.close()
        if self.vectors is not None:  # Chroma caches one client per folder: a rebuilt folder needs a new one
            self.vectors.close()

