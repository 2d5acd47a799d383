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
from .store.vectors import VectorIndex, collection_name, to_node
from .text.lexicon import add_words
from .text.script import to_simplified

log = logging.getLogger(__name__)
_UNSET = object()
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
        self.vectors = VectorIndex(store / "chroma", self.collection, embed_model) if not self._mismatch else None
        self.lexical = LexicalIndex(store / "bm25")
        self._llm = _UNSET
        self._llm_lock = threading.Lock()
        self._refresh(rebuild_lexical=not self.lexical.load())

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

    # ---- ingest -------------------------------------------------------------------------
    def ingest(self, paths, progress: bool = True) -> IngestResult:
        self._require_store()
        files, result = expand(paths)
        todo: list[PreparedReport] = []
        seen = set()
        for path in files:
            try:
                report = prepare(path, self.settings.max_file_mb, self.settings.chunk)
            except FazhiError as err:
                result.failed.append(FailedFile(path=str(path), reason=str(err)))
                continue
            if self.docs.has(report.meta.id) or report.meta.id in seen:
                result.skipped.append(report.meta.source)
                continue
            seen.add(report.meta.id)
            todo.append(report)
        total = sum(len(r.chunks) for r in todo)
        with tqdm(total=total, desc="embedding chunks", unit="chunk", disable=not progress) as bar:
            for r in todo:
                self.vectors.delete_report(r.meta.id)  # clears vectors left by an interrupted earlier run
                self.vectors.add([to_node(c, r.meta) for c in r.chunks])
                self.docs.add(r.meta, r.text, r.sections, r.chunks)
                self.fact_store.add(r.meta, r.text)
                result.added.append(r.meta)
                bar.update(len(r.chunks))
        if todo:
            self.docs.set_manifest({"embedder": self.slug, "chunker": CHUNKER_VERSION, "collection": self.collection})
            self._refresh(rebuild_lexical=True)
        return result

    def remove(self, report_id: str) -> None:
        self._require_store()
        self.vectors.delete_report(report_id)
        self.docs.remove(report_id)
        self.fact_store.remove(report_id)
        self._refresh(rebuild_lexical=True)

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
