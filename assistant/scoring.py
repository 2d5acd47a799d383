"""Deterministic scoring of answers against eval/questions.jsonl (rules: eval/README.md).

Pure functions only, apart from `load_questions`. Metrics that are undefined for a question (no
citations, no gold evidence, no retrieval given) are None and left out of the averages, so an
abstention is not rewarded with a perfect citation precision.
"""
from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, ValidationError, model_validator

from .citations import unsupported_numbers, verify_quote
from .models import Answer, Citation
from .places import core, pinyin, units

Kind = Literal["lookup", "list", "count", "compare", "open", "unanswerable"]
KINDS: tuple[str, ...] = ("lookup", "list", "count", "compare", "open", "unanswerable")
# the places of the seed corpus: a list answer naming one of them in its text counts as listing it
SEED_PLACES = ("金华市婺城区", "平罗县", "重庆市綦江区", "临海市", "宿迁经济技术开发区")


# ---- question file -------------------------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldValue(_Strict):
    value: StrictInt | StrictFloat  # a string "21.6" is a writer's mistake, not a number
    unit: str
    approx: Literal[True] | None = None


class GoldAnswer(_Strict):
    values: list[GoldValue] = []
    places: list[str] = []
    must_include: list[str] = []
    abstain: bool = False


class Evidence(_Strict):
    source: str
    quote: str = Field(min_length=1, pattern=r"^[^\n]*$")  # one line, copied from the report


class EvalQuestion(_Strict):
    id: str
    question: str
    lang: Literal["zh", "en"]
    kind: Kind
    answer: GoldAnswer
    evidence: list[Evidence]

    @model_validator(mode="after")
    def _shape_fits_kind(self):
        a, k = self.answer, self.kind
        problem = {
            "lookup": len(a.places) != 1 or not (a.values or a.must_include),
            "list": not a.places,
            "count": len(a.values) != 1 or a.values[0].value != len(a.places),
            "compare": len(a.places) != 1 or len(a.values) < 2,
            "open": not a.must_include,
            "unanswerable": not a.abstain,
        }[k]
        if problem:
            raise ValueError(f"answer shape does not fit kind '{k}' (see eval/README.md)")
        return self


def load_questions(path: str | Path) -> list[EvalQuestion]:
    """Parse and validate a question file; a bad line raises ValueError naming path:line."""
    out: list[EvalQuestion] = []
    seen: set[str] = set()
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            q = EvalQuestion.model_validate(json.loads(line))
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}:{n}: not valid JSON ({e.msg})") from None
        except ValidationError as e:
            err = e.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "object"
            raise ValueError(f"{path}:{n}: {where}: {err['msg']}") from None
        if q.id in seen:
            raise ValueError(f"{path}:{n}: duplicate id {q.id}")
        seen.add(q.id)
        out.append(q)
    return out


# ---- numbers ---------------------------------------------------------------------------------
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
# longest first, so 件次 is not read as 件; units not listed here read as "no unit"
_UNITS = ("件次", "人次", "场次", "percent", "per cent", "%", *"件人名位次条卷起份个项家场元户所篇期批部宗座处天年")
_SAME_UNIT = {"名": "人", "位": "人", "percent": "%", "per cent": "%"}
# Chinese numerals are read only before a unit: 三调联动 and 两函一单 are names, not figures
_CN_NUM = re.compile(r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二两三四五六七八九]+)?"
                     rf"(?=(?:{'|'.join(u for u in _UNITS if not u.isascii())}))")
_EN_NUM = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven".split())}
_EN_NUM_RE = re.compile(r"\b(" + "|".join(w for w in _EN_NUM if w != "one") + r")\b", re.I)  # "one of" is no count
# the look-behind keeps 16 from matching inside 1536 and 31 inside the date 2022.12.31
_QTY = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*[余多]?\s*([万亿])?\s*[余多]?\s*"
                  rf"({'|'.join(map(re.escape, _UNITS))})?", re.I)
_SCALE = {"万": 10_000, "亿": 100_000_000}
_MARKER = re.compile(r"\[\d+\]")


def _cn_value(s: str) -> str:
    whole, _, frac = s.partition("点")
    if len(whole) > 1 and all(c in _CN_DIGIT for c in whole):  # 二〇二二 is read digit by digit
        n = int("".join(str(_CN_DIGIT[c]) for c in whole))
    else:
        n = section = digit = 0
        for c in whole:
            if c in _CN_DIGIT:
                digit = _CN_DIGIT[c]
            elif c in _CN_SMALL:
                section += (digit or 1) * _CN_SMALL[c]
                digit = 0
            else:  # 亿 scales everything read so far, 万 only what follows the last 亿
                n = (n + section + digit) * _SCALE[c] if c == "亿" else n + (section + digit) * _SCALE[c]
                section = digit = 0
        n += section + digit
    return f"{n}.{''.join(str(_CN_DIGIT[c]) for c in frac)}" if frac else str(n)


def _canon(m: re.Match) -> str:
    d = Decimal(m.group())
    return format(d.normalize(), "f") if "." in m.group() else str(int(m.group()))


def normalize_text(text: str) -> str:
    """Text with numbers in one spelling: half-width, no thousands separators, no trailing zeros,
    百分之/Chinese numerals as digits, no space before the unit, no [n] markers."""
    s = _MARKER.sub("", unicodedata.normalize("NFKC", text))
    s = re.sub(r"百分之([零〇一二两三四五六七八九十百千点]+)", lambda m: _cn_value(m.group(1)) + "%", s)
    s = _CN_NUM.sub(lambda m: _cn_value(m.group()), s)
    s = _EN_NUM_RE.sub(lambda m: _EN_NUM[m.group().lower()], s)
    s = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", s)
    s = re.sub(r"(?<![\d.])\d+(?:\.\d+)?(?![\d])", _canon, s)
    return re.sub(r"(?<=\d)\s+(?=[%\u4e00-\u9fff])", "", s)


def normalize_number(s: str) -> str:
    """'21.60 %' → '21.6%', '1,536' → '1536', '百分之二十一点六' → '21.6%', '３．６４％' → '3.64%'."""
    return normalize_text(s).strip()


class Quantity(NamedTuple):
    value: Decimal  # 万/亿 already multiplied out, so 2.4亿元 == 24000万元
    unit: str | None


def quantities(text: str) -> list[Quantity]:
    out = []
    for m in _QTY.finditer(normalize_text(text)):
        unit = m.group(3).lower() if m.group(3) else None
        out.append(Quantity(Decimal(m.group(1)) * _SCALE.get(m.group(2), 1), _SAME_UNIT.get(unit, unit)))
    return out


def gold_quantity(v: GoldValue) -> Quantity:
    scale = _SCALE[v.unit[0]] if len(v.unit) > 1 and v.unit[0] in _SCALE else 1
    unit = v.unit[1:] if scale > 1 else v.unit
    return Quantity(Decimal(str(v.value)) * scale, _SAME_UNIT.get(unit, unit) or None)


def has_value(text: str, gold: GoldValue) -> bool:
    """The answer states the gold number as a whole token. A unit written in the answer must agree
    with the gold unit (21.6% is not 21.6件); a bare number is accepted, since English answers
    say "cases" rather than 件. 余/约/多 are ignored either way."""
    want = gold_quantity(gold)
    return any(q.value == want.value and (q.unit is None or q.unit == want.unit) for q in quantities(text))


# ---- places and phrases ------------------------------------------------------------------------
def place_aliases(place: str) -> tuple[set[str], set[str]]:
    """(Chinese aliases, lower-case pinyin aliases): full name, last unit, core name, 经开区, pinyin."""
    last = (units(place) or [place])[-1]
    base = core(last)
    zh = {place, last} | ({base} if len(base) >= 2 else set())
    if last.endswith("经济技术开发区"):
        zh |= {base + "经开区", "经开区"}
    py = {p for p in {pinyin(base), pinyin(last)} if len(p) >= 4}
    return zh, py


def mentions_place(text: str, place: str) -> bool:
    zh, py = place_aliases(place)
    letters = re.sub(r"[^a-z]", "", text.lower())
    return any(a in text for a in zh) or any(p in letters for p in py)


def answer_places(answer: Answer, known: tuple[str, ...] | list[str] = SEED_PLACES) -> set[str]:
    """Places an answer names: known places mentioned in its text or citations, plus cited places
    that match none of them (so a wrongly cited report still counts against precision).
    An answer that declares its places (exhaustive answers also cite near-misses) is taken at its word."""
    if answer.places is not None:
        return set(answer.places)
    cited = [c.place for c in answer.citations if c.place]
    hay = answer.answer + "\n" + "\n".join(cited)
    found = {p for p in known if mentions_place(hay, p)}
    found |= {c for c in cited if not any(mentions_place(c, p) for p in known)}
    return found


def _plain(s: str) -> str:
    """Phrase matching ignores spaces, quote marks, width and case (eval/README.md, open)."""
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"[\s\"'“”‘’「」『』]", "", s)


def missing_phrases(answer: Answer, phrases: list[str]) -> list[str]:
    hay = _plain(_MARKER.sub("", answer.answer)) + "\n" + "\n".join(_plain(c.quote) for c in answer.citations)
    return [p for p in phrases if _plain(p) not in hay]


def prf(pred: set[str], gold: set[str]) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else float(not gold)
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---- quotes ------------------------------------------------------------------------------------
def _squash(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def quotes_overlap(a: str, b: str, min_shared: int = 8) -> bool:
    """One quote contains the other, or they share a run of ≥ min_shared characters. Cleaning
    changes whitespace and width, so both sides are compared in that normal form."""
    a, b = _squash(a), _squash(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size >= min_shared


def _same_source(a: str, b: str) -> bool:
    return Path(a).name == Path(b).name  # a store may keep a path where the gold keeps a file name


def _matches(c: Citation, e: Evidence) -> bool:
    return _same_source(c.source, e.source) and quotes_overlap(c.quote, e.quote)


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
    text = _MARKER.sub("", answer.answer)
    values = gold.values[:1] if q.kind == "count" else gold.values
    notes += [f"missing value {v.value}{v.unit}" for v in values if not has_value(text, v)]
    if q.kind in ("lookup", "open"):
        notes += [f"missing phrase {p!r}" for p in missing_phrases(answer, gold.must_include)]
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
        s.citation_precision = sum(any(_matches(c, e) for e in ev) for c in cits) / len(cits)
    elif cits and question.kind != "unanswerable":
        s.citation_precision = 0.0  # citations where the gold has none to match cannot be right
    if ev:
        s.citation_recall = sum(any(_matches(c, e) for c in cits) for e in ev) / len(ev)
    if cits and texts is not None:
        s.verbatim = sum(verify_quote(texts.get(c.report_id, ""), c) for c in cits) / len(cits)
    # an abstention may echo the asked year or place (check_answer exempts it too); a count is
    # derived from the citations, so the number of cited reports is supported by them
    derived = {str(len({c.report_id for c in cits}))} if question.kind == "count" else set()
    s.hallucinated_numbers = 0 if answer.abstained else len(unsupported_numbers(answer) - derived)
    if ev and retrieved_sources_quotes is not None:
        top = [(src, _squash(t)) for src, t in retrieved_sources_quotes[:5]]
        found = [any(_same_source(src, e.source) and _squash(e.quote) in t for src, t in top) for e in ev]
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
    out = {k: _group([s for s in scores if s.kind == k]) for k in KINDS if any(s.kind == k for s in scores)}
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
    rows = [k for k in [*KINDS, "overall"] if k in summary or (other and k in other)]
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
