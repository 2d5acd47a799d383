"""How an answer is matched to the gold (eval/README.md): numbers, places, phrases and quotes."""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path
from typing import NamedTuple

from ..domain.quantity import parse_en
from ..models import Answer, Citation
from ..places import core, pinyin, units
from .questions import Evidence, GoldValue

# the places of the seed corpus: a list answer naming one of them in its text counts as listing it
SEED_PLACES = ("金华市婺城区", "平罗县", "重庆市綦江区", "临海市", "宿迁经济技术开发区")


# ---- numbers ---------------------------------------------------------------------------------
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
# longest first, so 件次 is not read as 件; units not listed here read as "no unit"
_UNITS = ("件次", "人次", "场次", "家次", "户次", "percent", "per cent", "%", *"件人名位次条卷起份个项家场元户所篇期批部宗座处天年")
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
MARKER = re.compile(r"\[\d+\]")


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
    s = MARKER.sub("", unicodedata.normalize("NFKC", text))
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
    # English magnitudes (28.41 million yuan) read by the one figure grammar, as a bare number, in place of
    # their digits alone (28.41)
    big = [q for q in parse_en(MARKER.sub("", text)) if q.magnitude]
    digits = {q.number for q in big}
    return [q for q in out if q.unit is not None or q.value not in digits] + [Quantity(q.value, None) for q in big]


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
        return {_as_known(p, known) for p in answer.places}
    cited = [c.place for c in answer.citations if c.place]
    hay = answer.answer + "\n" + "\n".join(cited)
    found = {p for p in known if mentions_place(hay, p)}
    found |= {c for c in cited if not any(mentions_place(c, p) for p in known)}
    return found


def _as_known(place: str, known) -> str:
    """A declared place in the gold's spelling when one is the other with its parents added
    (镇海区 / 浙江省宁波市镇海区); otherwise as declared."""
    for k in known:
        if place == k or (len(place) >= 2 and k.endswith(place)) or (len(k) >= 2 and place.endswith(k)):
            return k
    return place


def _plain(s: str) -> str:
    """Phrase matching ignores spaces, quote marks, width and case (eval/README.md, open)."""
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"[\s\"'“”‘’「」『』]", "", s)


def missing_phrases(answer: Answer, phrases: list[str]) -> list[str]:
    hay = _plain(MARKER.sub("", answer.answer)) + "\n" + "\n".join(_plain(c.quote) for c in answer.citations)
    return [p for p in phrases if _plain(p) not in hay]


def prf(pred: set[str], gold: set[str]) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else float(not gold)
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---- quotes ------------------------------------------------------------------------------------
def squash(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def quotes_overlap(a: str, b: str, min_shared: int = 8) -> bool:
    """One quote contains the other, or they share a run of ≥ min_shared characters. Cleaning
    changes whitespace and width, so both sides are compared in that normal form."""
    a, b = squash(a), squash(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size >= min_shared


def same_source(a: str, b: str) -> bool:
    return Path(a).name == Path(b).name  # a store may keep a path where the gold keeps a file name


def cites_evidence(c: Citation, e: Evidence) -> bool:
    return same_source(c.source, e.source) and quotes_overlap(c.quote, e.quote)


# ---- the answer's first sentence --------------------------------------------------------------------
_OPEN, _CLOSE = "“(《「", "”)》」"


def _outside_quotes(text: str):
    """(index, char, depth) of each character; depth > 0 inside quotes, parentheses and titles."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        yield i, ch, depth
        if ch in _CLOSE:
            depth = max(0, depth - 1)


def first_sentence(text: str) -> str:
    """The answer's first line up to its first full stop outside quotes (。 or ". "), markers included."""
    line = text.strip().split("\n", 1)[0]
    for i, ch, depth in _outside_quotes(line):
        if depth == 0 and (ch == "。" or ch == "." and line[i + 1:i + 2] in ("", " ")):
            return line[: i + 1]
    return line


def sentence_language(sentence: str) -> str:
    """zh/en of a sentence, not counting quotes, parentheses and titles (an English answer names the
    Chinese place and term in parentheses)."""
    from ..understand.query import language

    return language("".join(ch if depth == 0 else " " for _, ch, depth in _outside_quotes(sentence)))


def first_sentence_problems(text: str, lang: str, value: GoldValue | None, place: str | None) -> list[str]:
    """What the first sentence lacks: the question's language, the asked figure, the place."""
    first = first_sentence(text)
    out = []
    if sentence_language(first) != lang:
        out.append(f"first sentence not in {lang}: {first[:60]!r}")
    if value is not None and not has_value(MARKER.sub("", first), value):
        out.append(f"first sentence lacks {value.value}{value.unit}")
    if place and not mentions_place(first, place):
        out.append(f"first sentence does not name {place}")
    return out
