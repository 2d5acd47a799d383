"""Verification of LLM-phrased answers in plain code (see generation.py for the flow).

Every sentence needs a valid [n]; every figure must equal a figure of that sentence's cited quotes by
value and kind (domain/quantity.py: 57.95万 is 579,500, never 57.95 million; 23起 is never 23 yuan), or be
a count the program decided; a sentence whose figure fails is replaced by the program's own checked
sentence for the same citations (and logged); zero-defeat and comparison claims need a quote or code that makes them; places
may not be added or dropped in list/count/compare answers; the answer must be in the question's language.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from ..checks.citations import check_answer, numbers_in, unsupported_figures
from ..domain.claims import ZERO_SAID, ZERO_WORDS
from ..domain.levels import PLACE_LIKE
from ..domain.quantity import cn_int
from ..text.injection import looks_like_injection
from ..models import Answer, Citation
from ..places import PlaceIndex, core, english_name, pinyin, units  # noqa: F401

log = logging.getLogger(__name__)

LIST_KINDS = frozenset({"list", "count", "compare"})
KINDS = frozenset({"lookup", "open", "meta"}) | LIST_KINDS
MAX_EVIDENCE = 6  # quotes shown to the LLM for lookup/open questions (list kinds: every cited place)
MAX_EVIDENCE_CHARS = 700  # with the system prompt the lookup prompt stays under ~450 tokens (~12 s cold on 2 cores)
MAX_QUOTE_CHARS = 160
_MARK = re.compile(r"\[(\d{1,3})\]")
_SENT_END = re.compile(r"(?:[。！？!?；;]+|\.(?=\s|$))[”’\"」』)）]*(?:\s*\[\d{1,3}\])*")
_ENUM = re.compile(r"^\s*(?:[-*•·]\s*|\d{1,2}[.、)）](?!\d)\s*|[(（]\d{1,2}[)）]\s*|[一二三四五六七八九十]{1,2}[、.]\s*)")
_CN_COUNT = re.compile(r"([零〇一二两三四五六七八九十百]+)(?=个|份|家|项|件|次|人|名|地|县|区|市|条|宗|类|批)")
_COMPARE_ZH = re.compile(r"更高|更低|更多|更少|更好|更差|更大|更小|高于|低于|多于|少于|优于|劣于|不如|相比|相较|比较而言|"
                         r"最高|最低|最多|最少|最好|最差|最大|最小|领先|落后")
_COMPARE_EN = re.compile(r"\b(?:higher|lower|better|worse|more|less|fewer|greater|larger|smaller|most|least|best|worst|"
                         r"compared|comparison|outperform\w*|ahead|behind|than)\b", re.I)
_APPROX_EN = re.compile(r"\b(?:more|less|fewer) than(?=\s*\d)|\bno (?:more|less) than\b", re.I)
_SCOPE_SAID = {"zh": re.compile(r"口径|不同|相近|范围"), "en": re.compile(r"scope|differ|related", re.I)}
_PLACE_LIKE = re.compile(PLACE_LIKE)
_NOT_NAME_CHARS = set("的了在和与及是为对从把被将等中全本该各其这那所此每共有无并或已未年月日个份件起")



# ---- evidence given to the LLM -------------------------------------------------------------------------
def resolve_kind(extractive: Answer, kind: str | None) -> str:
    k = kind or getattr(extractive, "route", None) or "lookup"
    return k if k in KINDS else "lookup"


def scope_notes(extractive: Answer) -> set[int]:
    """Keys of the extractive answer's lines whose figure covers another scope than asked."""
    return {k for line in extractive.lines if line.scope_differs for k in line.keys}


def short_quote(quote: str) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= MAX_QUOTE_CHARS else quote[:MAX_QUOTE_CHARS] + "…"


def evidence_for(extractive: Answer, kind: str, log_skipped: bool = False) -> list[Citation]:
    """The citations shown to the LLM: never an instruction-like sentence; few and short for lookups."""
    out, chars = [], 0
    for c in extractive.citations:
        if looks_like_injection(c.quote):
            if log_skipped:
                log.warning("evidence [%d] from %s reads like an instruction to a model; not shown to the LLM",
                            c.key, c.source)
            continue
        if kind not in LIST_KINDS and out and (len(out) >= MAX_EVIDENCE or chars + len(short_quote(c.quote)) > MAX_EVIDENCE_CHARS):
            break
        out.append(c)
        chars += len(short_quote(c.quote))
    return out


def code_lines(extractive: Answer) -> tuple[list[str], list[str]]:
    """Lines of the extractive answer that cite nothing: conclusions computed in code (counts, 'not
    reported'), those before the last cited line and those after it."""
    lines = [ln for ln in extractive.lines if ln.text.strip()]
    cited = [i for i, ln in enumerate(lines) if ln.keys]
    if not cited:
        return [], []
    head = [ln.text for ln in lines[: cited[-1] + 1] if not ln.keys]
    return head, [ln.text for ln in lines[cited[-1] + 1:]]


# ---- verification --------------------------------------------------------------------------------------
@dataclass
class Verification:
    answer: Answer | None  # None: fall back to the extractive answer
    kept: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (sentence, why)
    replaced: list[tuple[str, str, str]] = field(default_factory=list)  # (sentence, checked sentence, why)
    reason: str | None = None  # why the whole generated answer was rejected


def numbers_of(text: str) -> set[str]:
    """numbers_in() plus counts written in Chinese numerals before a measure word (三个地区 → 3)."""
    out = numbers_in(text)
    for m in _CN_COUNT.finditer(text):
        if (n := cn_int(m.group(1))) is not None:
            out.add(str(n))
    return out


def _figures_wrong(body: str, cited: list[Citation], code_nums: set[str]) -> str | None:
    """Why a sentence's figures are not its quotes' figures (value, magnitude, kind), or None."""
    allowed = set(code_nums)
    for c in cited:
        allowed |= numbers_in(c.place or "") | ({str(c.year)} if c.year is not None else set())
    bad = unsupported_figures(body, [c.quote for c in cited], allowed)
    digits = allowed.union(*(numbers_of(c.quote) for c in cited))
    bad += sorted({m.group(1) for m in _CN_COUNT.finditer(body)  # 三个: Chinese numerals, by their value
                   if (n := cn_int(m.group(1))) is not None and str(n) not in digits})
    return f"figures not in cited quotes: {bad}" if bad else None


def _checked_line(extractive: Answer, keys: list[int], kept: list[str]) -> str | None:
    """The program's own checked answer sentence (a lead line) resting on the same citations, if any."""
    lines = [ln for ln in extractive.lines if ln.role == "lead" and ln.keys and set(ln.keys) <= set(keys)
             and ln.text.strip() not in kept]
    return lines[0].text.strip() if lines else None


def normalize(text: str) -> str:
    """Markers and layout the small model tends to vary: 【1】, [1, 2], [证据1], ``` fences, 'Answer:' labels."""
    text = re.sub(r"```[a-zA-Z]*", "", text).strip()
    text = re.sub(r"\[\^(\d{1,3})\]", r"[\1]", text)
    text = re.sub(r"[【\[]\s*(?:证据|evidence|source|ref\.?)?\s*(\d{1,3}(?:\s*[,，、;]\s*\d{1,3})*)\s*[】\]]",
                  lambda m: "".join(f"[{n}]" for n in re.findall(r"\d+", m.group(1))), text, flags=re.I)
    text = re.sub(r"^\s*(?:回答|答案|答|answer)\s*[::]\s*", "", text, flags=re.I)
    return text


def split_sentences(line: str) -> list[str]:
    out, pos = [], 0
    for m in _SENT_END.finditer(line):
        out.append(line[pos: m.end()].strip())
        pos = m.end()
    out.append(line[pos:].strip())
    merged: list[str] = []
    for s in out:
        if not s:
            continue
        if merged and not _MARK.sub("", s).strip(" .。,,;;"):  # markers alone belong to the sentence before
            merged[-1] += s
        else:
            merged.append(s)
    return merged


def _markers_last(sentence: str) -> str:
    """'[1]行政执法水平有待提高。' → '行政执法水平有待提高[1]。' (the model sometimes leads with the marker)."""
    m = re.match(r"^((?:\[\d{1,3}\]\s*)+)(.+)$", sentence)
    if not m:
        return sentence
    marks, rest = re.sub(r"\s+", "", m.group(1)), m.group(2).strip()
    end = re.search(r"[。！？!?；;.]*[”’\"」』)）]*$", rest)
    return rest[: end.start()] + marks + rest[end.start():]


def _zero_quote(quote: str) -> bool:
    flat = quote.replace("“", "").replace("”", "").replace('"', "")
    return any(z in flat for z in ZERO_WORDS)


def required_places(extractive: Answer) -> list[str]:
    out: list[str] = []
    for p in [c.place for c in extractive.citations] + list(getattr(extractive, "places", None) or []):
        if p and p not in out:
            out.append(p)
    return out


def _code_numbers(extractive: Answer, kind: str) -> set[str]:
    cov = getattr(extractive, "coverage", None)
    if cov is not None:
        return cov.counts()
    if kind == "count":
        return {str(len(required_places(extractive)))}
    return set()


class PlaceMentions:
    """Which known places a text names (Chinese names, short names or pinyin) and place-like names it invents."""

    def __init__(self, places: list[str]):
        self.places = sorted({p for p in places if p})
        self.index = PlaceIndex(self.places)
        self.pinyin: dict[str, set[str]] = {}
        for p in self.places:
            last = (units(p) or [p])[-1]
            py = pinyin(core(last))
            if len(py) >= 4:
                self.pinyin.setdefault(py, set()).add(p)

    def mentioned(self, text: str) -> set[str]:
        hits = {p for name, ps in self.index.primary.items() if name in text for p in ps}
        flat = re.sub(r"[^a-z]", "", text.lower())
        for py, ps in self.pinyin.items():
            if py in flat:
                hits |= ps
        return hits

    def invented(self, text: str, known_text: str) -> list[str]:
        known = set(self.index.primary) | set(self.index.secondary)
        out = []
        for m in _PLACE_LIKE.finditer(text):
            name = m.group()
            if (set(name[:-1]) & _NOT_NAME_CHARS or name in known_text
                    or any(k in name or name in k for k in known)):
                continue
            out.append(name)
        return out


def _unsupported_comparison(body: str, cited: list[Citation], code_text: str, lang: str) -> str | None:
    """Comparisons and rankings are facts the program decides (route compare); the LLM may only repeat them."""
    if lang == "zh":
        for m in _COMPARE_ZH.finditer(body):
            if m.group() not in code_text and not any(m.group() in c.quote for c in cited):
                return f"comparison '{m.group()}' made by neither the program nor the cited quotes"
        return None
    m = _COMPARE_EN.search(_APPROX_EN.sub(" ", body))
    if m and not _COMPARE_EN.search(_APPROX_EN.sub(" ", code_text)):
        return f"comparison '{m.group()}' not made by the program"
    return None


def language_ok(text: str, lang: str) -> bool:
    body = re.sub(r"“[^”]*”|\"[^\"]*\"|「[^」]*」|\([^)]*\)|（[^）]*）|\[\d+\]", "", text)
    cjk = len(re.findall(r"[\u4e00-\u9fff]", body))
    latin = len(re.findall(r"[A-Za-z]", body))
    if lang == "zh":
        return cjk > 0 and cjk * 3 >= latin
    return latin > 0 and latin >= 2 * cjk


def _evidence_texts(citations: list[Citation]) -> dict[str, str]:
    """Report texts rebuilt from verified quotes at their offsets: lets check_answer confirm the renumbered
    citations are still exactly the extractive ones when the caller does not pass the real texts."""
    buf: dict[str, list[str]] = {}
    for c in citations:
        chars = buf.setdefault(c.report_id, [])
        if len(chars) < c.end:
            chars.extend(" " * (c.end - len(chars)))
        chars[c.start: c.end] = list(c.quote)
    return {rid: "".join(chars) for rid, chars in buf.items()}


def verify(question: str, lang: str, extractive: Answer, generated: str, kind: str | None = None,
           given: list[Citation] | None = None, texts: dict[str, str] | None = None,
           corpus_places: list[str] | None = None) -> Verification:
    """Check the LLM's text against the extractive answer; Verification.answer is None when it must not be shown."""
    lang = "en" if lang == "en" else "zh"
    kind = resolve_kind(extractive, kind)
    given_by_key = {c.key: c for c in (evidence_for(extractive, kind) if given is None else given)}
    code_nums = _code_numbers(extractive, kind) if kind in LIST_KINDS else set()
    notes = scope_notes(extractive) if kind in LIST_KINDS else set()
    code_text = re.sub(r"“[^”]*”", "", extractive.answer)  # what the program itself concluded, quotes removed
    result = Verification(answer=None)

    kept_lines: list[str] = []
    for line in normalize(generated).splitlines():
        line = _ENUM.sub("", line).strip()
        kept: list[str] = []
        for sent in split_sentences(line):
            keys = list(dict.fromkeys(int(k) for k in _MARK.findall(sent)))
            valid = [k for k in keys if k in given_by_key]
            seen: set[int] = set()

            def keep_marker(m: re.Match) -> str:
                k = int(m.group(1))
                if k not in given_by_key or k in seen:
                    return ""
                seen.add(k)
                return m.group()

            clean = _markers_last(_MARK.sub(keep_marker, sent).strip())
            body = _MARK.sub("", clean)
            if not re.search(r"\w", body):
                continue
            if not valid:
                result.dropped.append((sent, "no valid citation" + (f" (unknown {keys})" if keys else "")))
                continue
            cited = [given_by_key[k] for k in valid]
            if why := _figures_wrong(body, cited, code_nums):
                result.dropped.append((sent, why))
                if (checked := _checked_line(extractive, valid, kept)) is not None:
                    log.warning("figure check: %s in %r; replaced by the checked sentence %r", why, sent, checked)
                    result.replaced.append((sent, checked, why))
                    kept.append(checked)
                    result.kept.append(checked)
                continue
            if ZERO_SAID.search(body) and not any(_zero_quote(c.quote) for c in cited):
                result.dropped.append((sent, "zero-defeat claim not made by the cited quotes"))
                continue
            if why := _unsupported_comparison(body, cited, code_text, lang):
                result.dropped.append((sent, why))
                continue
            if (unflagged := [k for k in valid if k in notes]) and not _SCOPE_SAID[lang].search(body):
                result.dropped.append((sent, f"omits that {unflagged} report a different scope"))
                continue
            kept.append(clean)
            result.kept.append(clean)
        if kept:
            kept_lines.append(("" if lang == "zh" else " ").join(kept))

    body_text = "\n".join(kept_lines).strip()
    if result.kept and len(result.replaced) == len(result.kept):  # nothing of the phrasing is left
        result.reason = "every phrased figure failed the check; the checked answer is shown"
        return result
    if not body_text:
        result.reason = "no sentence of the generated answer could be verified"
        return result
    if not language_ok(body_text, lang):
        result.reason = f"the generated answer is not in the question's language ({lang})"
        return result

    if kind in LIST_KINDS:
        required = set(required_places(extractive))
        candidates = list(required) + list(corpus_places or [])
        mentions = PlaceMentions(candidates)
        allowed_places = required | mentions.mentioned(extractive.answer)
        said = mentions.mentioned(body_text)
        if dropped := required - said:
            result.reason = f"the generated answer leaves out {sorted(dropped)}"
            return result
        if added := said - allowed_places:
            result.reason = f"the generated answer adds {sorted(added)}"
            return result
        known_text = question + extractive.answer + "".join(c.quote for c in extractive.citations)
        if invented := mentions.invented(body_text, known_text):
            result.reason = f"the generated answer names places not in the evidence: {invented}"
            return result

    order: list[int] = []
    for k in map(int, _MARK.findall(body_text)):
        if k not in order:
            order.append(k)
    renumber = {old: new for new, old in enumerate(order, 1)}
    body_text = _MARK.sub(lambda m: f"[{renumber[int(m.group(1))]}]", body_text)
    citations = [given_by_key[old].model_copy(update={"key": new}) for old, new in renumber.items()]
    head, tail = code_lines(extractive) if kind in LIST_KINDS else ([], [])
    text = "\n".join(head + [body_text] + tail)
    answer = extractive.model_copy(update={"answer": text, "citations": citations, "abstained": False})
    problems = check_answer(answer, texts if texts is not None else _evidence_texts(extractive.citations))
    if problems:
        result.reason = "; ".join(problems)
        return result
    result.answer = answer
    return result


