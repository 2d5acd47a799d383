"""The public Python API: Assistant.open(), .ingest(), .ask(), .reports()."""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from llama_index.core.embeddings import BaseEmbedding
from tqdm import tqdm

from . import answer as answering
from . import exhaustive, generation, guard
from .cleaning import clean
from .docstore import DocStore
from .embedder import embedder_slug, make_embedder
from .facts import Fact
from .factstore import FactStore
from .indicators import Indicator
from .errors import FazhiError, InputError, StoreMismatchError
from .lexical import LexicalIndex
from .lexicon import add_words
from .loader import load_text
from .metadata import extract_meta
from .models import Answer, Chunk, FailedFile, IngestResult, ReportMeta
from .places import PlaceIndex
from .query import Query, analyze, language
from .retriever import HybridRetriever
from .router import Plan, route
from .sections import CHUNKER_VERSION, chunk_report, parse_sections
from .settings import Settings
from .vectors import VectorIndex, collection_name, to_node

log = logging.getLogger(__name__)
_UNSET = object()
_LLM_ROUTES = {"lookup", "open", "meta", None}  # exhaustive answers are code-built tables: no phrasing helps
_NOT_REPORTS = {"README", "PROVENANCE", "LICENSE", "NOTICE"}  # notes kept beside a corpus folder


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
        self.places = PlaceIndex([m.place for m in self.metas.values() if m.place])
        self.fact_store.sync(self.metas)
        self.all_facts: list[Fact] = self.fact_store.query()
        add_words(self.places.aliases())
        if rebuild_lexical or len(self.lexical.chunk_ids) != len(self.chunks):
            context = {m.id: f"{m.place or ''} {m.title or ''}" for m in self.metas.values()}
            self.lexical.build(list(self.chunks.values()), context)
        if self.vectors is not None:
            self.retriever = HybridRetriever(self.vectors, self.lexical, self.chunks, self.metas, self.settings.retrieval)

    # ---- ingest -------------------------------------------------------------------------
    def ingest(self, paths, progress: bool = True) -> IngestResult:
        self._require_store()
        files, result = self._expand(paths)
        prepared = []
        for path in files:
            try:
                prepared.append(self._prepare(path))
            except FazhiError as err:
                result.failed.append(FailedFile(path=str(path), reason=str(err)))
        seen = set()
        todo = []
        for meta, text, sections, chunks in prepared:
            if self.docs.has(meta.id) or meta.id in seen:
                result.skipped.append(meta.source)
                continue
            seen.add(meta.id)
            todo.append((meta, text, sections, chunks))
        total = sum(len(c) for *_, c in todo)
        with tqdm(total=total, desc="embedding chunks", unit="chunk", disable=not progress) as bar:
            for meta, text, sections, chunks in todo:
                self.vectors.delete_report(meta.id)  # clears vectors left by an interrupted earlier run
                self.vectors.add([to_node(c, meta) for c in chunks])
                self.docs.add(meta, text, sections, chunks)
                self.fact_store.add(meta, text)
                result.added.append(meta)
                bar.update(len(chunks))
        if todo:
            self.docs.set_manifest({"embedder": self.slug, "chunker": CHUNKER_VERSION, "collection": self.collection})
            self._refresh(rebuild_lexical=True)
        return result

    def _expand(self, paths) -> tuple[list[Path], IngestResult]:
        result = IngestResult()
        files: list[Path] = []
        for p in [paths] if isinstance(paths, (str, Path)) else paths:
            p = Path(p)
            if p.is_dir():
                for f in sorted(p.rglob("*")):
                    if f.is_file() and not f.name.startswith(".") and f.stem.upper() not in _NOT_REPORTS:
                        files.append(f)
            elif p.exists():
                files.append(p)
            else:
                result.failed.append(FailedFile(path=str(p), reason=f"{p}: no such file or folder; check the path"))
        return files, result

    def _prepare(self, path: Path):
        raw = load_text(path, self.settings.max_file_mb)
        cleaned = clean(raw)
        if len(cleaned.text.strip()) < 20:
            raise InputError(f"{path.name}: no report text left after removing page furniture; check the file")
        meta = extract_meta(raw, cleaned.text, cleaned.title, path.name)
        for w in meta.warnings:
            log.warning("%s: %s", path.name, w)
        sections = parse_sections(cleaned.text)
        chunks = chunk_report(meta.id, cleaned.text, sections, self.settings.chunk)
        meta = meta.model_copy(update={"sections": len(sections), "chunks": len(chunks)})
        return meta, cleaned.text, sections, chunks

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
        question = self._validate_question(question)
        places = self._resolve_places(place)
        self._validate_year(year)
        return analyze(question, self.places, places, year)

    @property
    def llm(self):
        """The configured LLM (FAZHI_LLM), built on first use; None when FAZHI_LLM=none."""
        with self._llm_lock:
            if self._llm is _UNSET:
                from .llm import make_llm

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
        if q.unknown_places:
            known = "、".join(self.places.places)
            return answering.abstain(q, f"语料中没有“{'、'.join(q.unknown_places)}”的报告;已收录:{known}。",
                                     f"No report for {', '.join(q.unknown_places)} is in the corpus; it has: {known}.")
        q = self._scope_year(q, year is not None)
        if q is None or not self.chunks:
            return answering.abstain(analyze(question, self.places), "没有符合该地区和年份的报告。",
                                     "No report in the corpus matches that place and year.")
        plan = route(q)
        routed = self._exhaustive(q, plan)
        if routed is not None:
            return routed
        if q.places and not q.tokens and answering.asks_overview(q):  # "compare Linhai and Pingluo"
            texts = self._texts_of(q.places)
            chosen = answering.overview(q, self.metas, texts, self.docs.sections)
            return answering.compose(q, chosen, self.metas, self.docs.sections, texts) if chosen else answering.abstain(q)
        hits = self.retriever.retrieve(q, top_k=self.settings.retrieval.top_k * (3 if q.wants_list else 1))
        if q.wants_plan and q.places:  # "X's plans": the plan section itself, whatever retrieval ranked
            hits += answering.plan_hits(self.chunks.values(), {r for r, m in self.metas.items() if m.place in q.places},
                                        {h.chunk.id for h in hits})
        texts = {h.chunk.report_id: self.docs.text(h.chunk.report_id) for h in hits}
        answer = answering.answer_from_hits(q, hits, texts, self.metas, self.docs.sections,
                                            self.settings.retrieval.max_quotes)
        if plan.route == "lookup" and answer.abstained and (q.wants_number or q.wants_rate):
            # the sentence search found nothing: the fact table may still hold the figure
            answer = exhaustive.lookup(q, plan, self.metas, self.all_facts, self.docs.text, self.docs.sections) or answer
        if plan.route == "lookup":
            answer = (exhaustive.missed_fact(q, plan, self.metas, self.all_facts, answer, self.docs.text,
                                             self.docs.sections)
                      or exhaustive.not_reported(q, plan, self.metas, self.all_facts, answer)
                      or exhaustive.off_topic(q, plan, self.metas, self.all_facts, answer) or answer)
        return answer.model_copy(update={"route": answer.route or plan.route})

    def _texts_of(self, places: list[str]) -> dict[str, str]:
        return {rid: self.docs.text(rid) for rid, m in self.metas.items() if m.place in places}

    def _exhaustive(self, q: Query, plan: Plan) -> Answer | None:
        """Answers read off every report in scope (facts, metadata, keyword scan), or None for retrieval."""
        args = (self.metas, self.docs.text, self.docs.sections)
        if plan.year_before or plan.year_after:
            q = q.model_copy(update={"year": None})
        if plan.route == "meta":
            texts = self._texts_of(q.places)
            return answering.about_report(q, self.metas, texts, self.docs.sections).model_copy(update={"route": "meta"})
        if plan.route in ("list", "count"):
            if plan.issuer_like:
                return exhaustive.metadata_list(q, plan, *args, plan.route)
            if plan.condition == "zero":  # zero-defeat claims live in the fact table, with their scopes
                return exhaustive.list_or_count_facts(q, plan, self.metas, self.all_facts, *args[1:], plan.route)
            if plan.mention and plan.keywords:
                return exhaustive.keyword_scan(q, plan, *args, plan.route)
            if plan.indicators:
                return exhaustive.list_or_count_facts(q, plan, self.metas, self.all_facts, *args[1:], plan.route)
            if plan.issuer_like or plan.year_before or plan.year_after or q.year or not plan.keywords:
                return exhaustive.metadata_list(q, plan, *args, plan.route)  # "列出所有报告", "2023年有哪些报告"
            return exhaustive.keyword_scan(q, plan, *args, plan.route)
        if plan.route == "compare":
            return exhaustive.compare(q, plan, self.metas, self.all_facts, *args[1:])
        return None

    def _scope_year(self, q: Query, explicit: bool) -> Query | None:
        """Apply a year named in the question only if it is a reported year; a plan year (year+1) is not."""
        if q.year is None:
            return q
        in_scope = [m for m in self.metas.values() if not q.places or m.place in q.places]
        if any(m.year == q.year for m in in_scope):
            return q
        if not explicit and q.wants_plan and any(m.year is not None and m.year + 1 == q.year for m in in_scope):
            return q.model_copy(update={"year": None})  # "2024年工作计划" lives in the 2023 report
        return None

    def _validate_question(self, question: str) -> str:
        if not isinstance(question, str) or not question.strip():
            raise InputError("the question is empty; type a question, e.g. 平罗县2023年行政诉讼败诉率是多少?")
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
