"""Deterministic scoring of answers against a question file (rules: eval/README.md).

Pure functions. Metrics that are undefined for a question (no citations, no gold evidence, no
retrieval given) are None and left out of the averages, so an abstention is not rewarded with a
perfect citation precision.
"""
from __future__ import annotations

from pydantic import BaseModel

from ..checks.citations import unsupported_numbers, verify_quote
from ..models import Answer
from .matching import (MARKER, SEED_PLACES, answer_places, cites_evidence, first_sentence_problems, has_value,
                       mentions_place, missing_phrases, prf, same_source, squash)
from .natural import NATURAL_KINDS
from .questions import KINDS, EvalQuestion

_ORDER = tuple(dict.fromkeys([*KINDS, *NATURAL_KINDS]))  # table rows: the README's kinds, then the natural ones


# ---- one question --------------------------------------------------------------------------------
class QuestionScore(BaseModel):
    id: str
    kind: str
    lang: str
    correct: bool
    crag: int
    abstained: bool
    citation_precision: float | None = None
    citation_recall: float | None = None
    verbatim: float | None = None
    hallucinated_numbers: int = 0
    retrieval_recall_at_5: float | None = None
    latency_s: float | None = None
    precision: float | None = None  # list questions only
    recall: float | None = None
    f1: float | None = None
    notes: list[str] = []  # why it is not correct, for reading a failed run


def _correct(q: EvalQuestion, answer: Answer, known, s: QuestionScore) -> bool:
    gold, notes = q.answer, s.notes
    if q.kind == "unanswerable":
        if not answer.abstained:
            notes.append("answered an unanswerable question")
        return answer.abstained
    if answer.abstained:
        notes.append("abstained")
        return False
    text = MARKER.sub("", answer.answer)
    values = gold.values[:1] if q.kind == "count" else gold.values
    notes += [f"missing value {v.value}{v.unit}" for v in values if not has_value(text, v)]
    if q.kind in ("lookup", "open"):
        notes += [f"missing phrase {p!r}" for p in missing_phrases(answer, gold.must_include)]
    if q.kind == "lookup" and gold.values:  # the answer comes first: language, figure, place
        notes += first_sentence_problems(answer.answer, q.lang, gold.values[0], gold.places[0] if gold.places else None)
    if q.kind == "compare":
        # simple by design: the winner is named and every compared figure is given
        cited = "\n".join(c.place or "" for c in answer.citations)
        if not mentions_place(text + "\n" + cited, gold.places[0]):
            notes.append(f"winner {gold.places[0]} not named")
    if q.kind == "list":
        pred = answer_places(answer, tuple(dict.fromkeys([*gold.places, *known])))
        s.precision, s.recall, s.f1 = prf(pred, set(gold.places))
        if s.f1 < 0.999:
            notes.append(f"places {sorted(pred)} vs gold {sorted(gold.places)}")
    return not notes


def score(question: EvalQuestion, answer: Answer,
          retrieved_sources_quotes: list[tuple[str, str]] | None = None, latency_s: float | None = None,
          texts: dict[str, str] | None = None,
          known_places: tuple[str, ...] | list[str] = SEED_PLACES) -> QuestionScore:
    """Score one answer. `retrieved_sources_quotes` are (source, chunk text) in rank order;
    `texts` maps report_id → cleaned report text, for the verbatim check."""
    s = QuestionScore(id=question.id, kind=question.kind, lang=question.lang, correct=False, crag=0,
                      abstained=answer.abstained, latency_s=latency_s)
    s.correct = _correct(question, answer, known_places, s)
    s.crag = 1 if s.correct else (0 if answer.abstained and question.kind != "unanswerable" else -1)

    cits, ev = answer.citations, question.evidence
    if cits and ev:
        s.citation_precision = sum(any(cites_evidence(c, e) for e in ev) for c in cits) / len(cits)
    elif cits and question.kind != "unanswerable":
        s.citation_precision = 0.0  # citations where the gold has none to match cannot be right
    if ev:
        s.citation_recall = sum(any(cites_evidence(c, e) for c in cits) for e in ev) / len(ev)
    if cits and texts is not None:
        s.verbatim = sum(verify_quote(texts.get(c.report_id, ""), c) for c in cits) / len(cits)
    # an abstention may echo the asked year or place (check_answer exempts it too); a count is
    # derived from the citations, so the number of cited reports is supported by them
    derived = {str(len({c.report_id for c in cits}))} if question.kind == "count" else set()
    s.hallucinated_numbers = 0 if answer.abstained else \
        len(unsupported_numbers(answer.answer, answer.citations, answer.coverage) - derived)
    if ev and retrieved_sources_quotes is not None:
        top = [(src, squash(t)) for src, t in retrieved_sources_quotes[:5]]
        found = [any(same_source(src, e.source) and squash(e.quote) in t for src, t in top) for e in ev]
        s.retrieval_recall_at_5 = sum(found) / len(ev)
    return s


# ---- many questions ----------------------------------------------------------------------------
_MEANS = {"accuracy": "correct", "crag": "crag", "citation_precision": "citation_precision",
          "citation_recall": "citation_recall", "verbatim": "verbatim", "recall_at_5": "retrieval_recall_at_5",
          "f1": "f1"}


def percentile(values: list[float], p: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default), p in [0, 100]."""
    if not values:
        return None
    v = sorted(values)
    pos = (len(v) - 1) * p / 100
    lo, hi = int(pos), min(int(pos) + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def _group(scores: list[QuestionScore]) -> dict:
    out: dict = {"n": len(scores)}
    for name, field in _MEANS.items():
        vals = [float(getattr(s, field)) for s in scores if getattr(s, field) is not None]
        out[name] = sum(vals) / len(vals) if vals else None
    out["hallucinated_numbers"] = sum(s.hallucinated_numbers for s in scores)
    lat = [s.latency_s for s in scores if s.latency_s is not None]
    out["latency_p50"], out["latency_p95"] = percentile(lat, 50), percentile(lat, 95)
    return out


def summarize(scores: list[QuestionScore]) -> dict[str, dict]:
    """{kind: metrics, ..., "overall": metrics}, kinds in the README's order."""
    out = {k: _group([s for s in scores if s.kind == k]) for k in _ORDER if any(s.kind == k for s in scores)}
    out["overall"] = _group(scores)
    return out


_COLUMNS = [("n", "n", "{:.0f}"), ("acc", "accuracy", "{:.2f}"), ("crag", "crag", "{:+.2f}"),
            ("cit.P", "citation_precision", "{:.2f}"), ("cit.R", "citation_recall", "{:.2f}"),
            ("verb", "verbatim", "{:.2f}"), ("halluc", "hallucinated_numbers", "{:.0f}"),
            ("R@5", "recall_at_5", "{:.2f}"), ("p50 s", "latency_p50", "{:.2f}"), ("p95 s", "latency_p95", "{:.2f}")]


def format_table(summary: dict, other: dict | None = None) -> str:
    """Fixed-width table, one row per kind; with a baseline each cell reads 'ours|baseline'."""
    def cell(group: dict | None, key: str, fmt: str) -> str:
        return "-" if (v := (group or {}).get(key)) is None else fmt.format(v)

    width = 13 if other is not None else 7
    rows = [k for k in [*_ORDER, "overall"] if k in summary or (other and k in other)]
    lines = ["kind".ljust(13) + "".join(h.rjust(width) for h, _, _ in _COLUMNS)]
    for kind in rows:
        cells = []
        for _, key, fmt in _COLUMNS:
            ours = cell(summary.get(kind), key, fmt)
            cells.append((ours if other is None else f"{ours}|{cell(other.get(kind), key, fmt)}").rjust(width))
        lines.append(kind.ljust(13) + "".join(cells))
    if other is not None:
        lines.append("(cells: ours|baseline)")
    return "\n".join(lines)


def check_thresholds(summary: dict, thresholds: dict[str, dict[str, float]]) -> list[str]:
    """Failed thresholds as messages. 'metric' or 'metric_min' is a floor, 'metric_max' a ceiling;
    a group or metric with no data fails, so a broken run cannot pass silently."""
    failures = []
    for group, limits in thresholds.items():
        for key, limit in limits.items():
            metric, ceiling = (key[:-4], True) if key.endswith("_max") else (key.removesuffix("_min"), False)
            value = summary.get(group, {}).get(metric)
            if value is None:
                failures.append(f"{group}.{metric}: no data (limit {limit})")
            elif (value > limit) if ceiling else (value < limit):
                failures.append(f"{group}.{metric} = {value:.4g} {'>' if ceiling else '<'} {limit}")
    return failures
