"""`fazhi eval`: run a question file against a report folder, score, print, gate."""
from __future__ import annotations

import json
import tempfile
import time
import tomllib
from contextlib import ExitStack
from pathlib import Path

from tqdm import tqdm

from ..assistant import Assistant
from ..errors import FazhiError, InputError
from ..models import Answer
from ..checks.citations import unsupported_numbers, verify_quote
from .natural import NaturalQuestion, correct, is_natural, load_natural
from .questions import EvalQuestion, load_questions
from .scoring import QuestionScore, check_thresholds, format_table, score, summarize
from ..settings import Settings


def _open_for(reports: Path | None, settings: Settings, stack: ExitStack) -> Assistant:
    """The default store for the default corpus; a throw-away index for any other folder."""
    default = settings.reports_dir.resolve()
    if reports is None or reports.resolve() == default:
        a = Assistant.open(settings)
        if not a.reports():
            a.ingest([default], progress=True)
        return a
    if not reports.is_dir():
        raise InputError(f"--reports {reports}: not a folder; give a folder of report files")
    home = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="fazhi-eval-")))
    a = Assistant.open(settings.model_copy(update={"home": home}))
    result = a.ingest([reports], progress=True)
    if not result.added:
        raise InputError(f"--reports {reports}: no report could be ingested ({len(result.failed)} failed)")
    return a


def _run(system, a: Assistant, questions: list[EvalQuestion], label: str) -> tuple[list[QuestionScore], list[dict]]:
    by_source = {m.source: m.id for m in a.reports()}
    texts = {m.id: a.text(m.id) for m in a.reports()}
    places = sorted({m.place for m in a.reports() if m.place})
    scores, records = [], []
    for q in tqdm(questions, desc=f"eval {label}", unit="q"):
        t0 = time.perf_counter()
        try:
            answer = system.ask(q.question)
        except FazhiError as err:
            answer = Answer(question=q.question, answer=f"error: {err}", abstained=True)
        latency = time.perf_counter() - t0
        top5 = _top5(system, a, q.question)
        sources = {rid: src for src, rid in by_source.items()}
        s = score(q, answer, [(sources[h.chunk.report_id], h.chunk.text) for h in top5], latency, texts, places)
        scores.append(s)
        records.append({"id": q.id, "kind": q.kind, "question": q.question, "answer": answer.model_dump(),
                        "score": s.model_dump()})
    return scores, records


def _run_natural(a: Assistant, questions: list[NaturalQuestion], metas: list[dict]) -> tuple[list[QuestionScore], list[dict]]:
    """Natural questions (eval/natural-*.jsonl), scored as natural_check.py scores them; a follow-up is asked
    with the answer to the question it follows as its history."""
    file_of = {m.id: Path(m.source).name for m in a.reports()}
    texts = {m.id: a.text(m.id) for m in a.reports()}
    by_id, answers = {q.id: q for q in questions}, {}
    scores, records = [], []

    def ask(text: str, history=None) -> Answer:
        try:
            return a.ask(text, history=history)
        except FazhiError as err:
            return Answer(question=text, answer=f"error: {err}", abstained=True)

    for q in tqdm(questions, desc="eval natural", unit="q"):
        t0 = time.perf_counter()
        history = None
        if q.kind == "followup":
            first = by_id[q.follows]
            history = [answers.get(first.id) or ask(first.q)]
        answer = answers[q.id] = ask(q.q, history)
        cited = {file_of.get(c.report_id, "") for c in answer.citations}
        ok, why = correct(q, answer.answer, answer.abstained, cited, metas)
        s = QuestionScore(id=q.id, kind=q.kind, lang=q.lang, correct=ok, abstained=answer.abstained,
                          crag=1 if ok else (0 if answer.abstained else -1), notes=[why] if why else [],
                          latency_s=time.perf_counter() - t0)
        if answer.citations:
            s.verbatim = sum(verify_quote(texts.get(c.report_id, ""), c) for c in answer.citations) / len(answer.citations)
        s.hallucinated_numbers = 0 if answer.abstained else len(unsupported_numbers(answer.answer, answer.citations,
                                                                                      answer.coverage))
        scores.append(s)
        records.append({"id": q.id, "kind": q.kind, "question": q.q, "answer": answer.model_dump(), "score": s.model_dump()})
    return scores, records


def _meta_beside(questions_file: Path) -> list[dict]:
    """natural-meta.jsonl beside a natural question file: how each report names itself (for list scoring)."""
    path = questions_file.parent / "natural-meta.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] \
        if path.is_file() else []


def _top5(system, a: Assistant, question: str):
    try:
        q = a.analyze(question)
    except FazhiError:
        return []
    return system.retrieve(q, top_k=5) if hasattr(system, "retrieve") else a.retriever.retrieve(q, top_k=5)


class _Ours:
    def __init__(self, a: Assistant):
        self.a = a

    def ask(self, question: str) -> Answer:
        return self.a.ask(question)

    def retrieve(self, q, top_k: int):
        return self.a.retriever.retrieve(q, top_k=top_k)


def run_eval(questions_file: Path, reports: Path | None = None, out: Path | None = None,
             baseline: str | None = None, thresholds_file: Path | None = None,
             settings: Settings | None = None) -> tuple[str, list[str]]:
    """Returns the printed table and the list of failed thresholds (empty when no gate)."""
    settings = settings or Settings()
    natural = is_natural(questions_file)
    try:
        questions = load_natural(questions_file) if natural else load_questions(questions_file)
    except ValueError as err:  # the loader names file, line and field
        raise InputError(f"{err}; see eval/README.md for the format") from None
    if natural and baseline is not None:
        raise InputError("--baseline runs on eval/README.md question files, not on natural-*.jsonl; drop --baseline")
    with ExitStack() as stack:
        a = _open_for(reports, settings, stack)
        stack.callback(a.close)
        ours, records = (_run_natural(a, questions, _meta_beside(questions_file)) if natural
                         else _run(_Ours(a), a, questions, "fazhi"))
        summary, other, base_records = summarize(ours), None, []
        if baseline == "naive":
            from .baseline import NaiveRAG

            base_scores, base_records = _run(NaiveRAG(a), a, questions, "naive")
            other = summarize(base_scores)
        elif baseline is not None:
            raise InputError(f"--baseline {baseline}: unknown baseline; the only one is 'naive'")
    table = format_table(summary, other)
    failures = check_thresholds(summary, tomllib.loads(thresholds_file.read_text())) if thresholds_file else []
    if out:
        out.write_text(json.dumps({"summary": summary, "baseline": other, "answers": records,
                                   "baseline_answers": base_records, "threshold_failures": failures},
                                  ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return table, failures
