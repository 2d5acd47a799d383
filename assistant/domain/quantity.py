"""Figures as reports write them: the number grammar shared by every stage.

`Quantity` is one figure read once, from Chinese (57.95万件, 107万余个, 21.9个百分点) or English (579,500,
1.22 million yuan, over 300 cases): its value with 万/亿/million multiplied out, the unit, the unit's kind
(money, people, cases, percent…), the approximation and the magnitude as written. Extraction, rendering
and verification compare figures by value and kind through it, never by their digits.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import cues

# digits with optional thousands separators (1,536) and decimals; a comma not followed by three digits ends it
NUM = r"\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?"

# ---- one figure, read once ------------------------------------------------------------------------------
# unit → kind; a kind names what a figure measures, so 23起 (cases) can never be read back as 23 yuan
_ZH_KINDS: dict[str, tuple[str, ...]] = {
    "money": ("元",), "percent": ("%", "％"), "permille": ("‰",), "per_myriad": ("‱",), "points": ("个百分点", "百分点"),
    "multiple": ("倍",), "person_times": ("人次",), "people": ("人", "名", "位"),
    "cases": ("件次", "件", "起", "宗", "案"), "times": ("场次", "次", "场", "期", "轮", "回"),
    "items": ("户次", "家次", "项", "个", "条", "份", "卷", "家", "户", "篇", "套", "张", "册", "部", "所", "处", "批",
              "座", "支", "类", "本", "块", "门", "台", "辆", "证"),  # 证: 39证合一
    "area": ("平方米", "平方公里", "亩", "公顷"), "score": ("分",), "days": ("天", "日", "小时", "个工作日", "工作日", "个月"),
    "year": ("年",),
}
_ZH_UNIT_KIND = {u: k for k, us in _ZH_KINDS.items() for u in us}
# small counts an English question writes in words ("the police windows at seven centres"), index = value
EN_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                   "sixteen seventeen eighteen nineteen twenty").split()


def unit_kinds(units) -> set[str]:
    """The kinds of Chinese units as a question asks them (万人次 → person_times, 余人 → people)."""
    return {_ZH_UNIT_KIND.get(u.lstrip("万亿千余"), "none") for u in units} - {"none"}
ZH_UNITS = "|".join(sorted((re.escape(u) for u in _ZH_UNIT_KIND), key=len, reverse=True))
ZH_SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1_000), "百万": Decimal(1_000_000),
            "千万": Decimal(10_000_000)}
_PER = {"百分之": "%", "千分之": "‰", "万分之": "‱"}  # 百分之95 is 95%, 千分之3 is 3‰, 万分之3.5 is 3.5‱
_APPROX_ZH = {"约": "about", "近": "nearly", "超过": "over", "超": "over", "逾": "over", "多达": "as many as",
              "余": "over", "多": "over", "以上": "over", "左右": "about", "以下": "under", "以内": "up to"}
# a small count in Chinese numerals (两次, 十二场); not inside a longer numeral or an ordinal (第三次)
_CN_SMALL = (r"(?<![一二两三四五六七八九十百千万第])(?:[两二三四五六七八九]|十[一二三四五六七八九]?|"
             r"[二三四五六七八九]十[一二三四五六七八九]?)")
_ZH_FORM = (r"(?P<pre>(?<![节制签预合违履公大])约|(?<![最附就])近|超过|超|逾|多达)?(?P<pct>百分之|千分之|万分之)?(?<![\d.A-Za-z])(?P<num>{num})\s?(?P<a1>余|多)?"
            rf"(?P<mag>千万|百万|万|亿|千)?(?P<a2>余|多)?\s?(?P<unit>{ZH_UNITS})?(?P<tail>以上|以下|以内|左右|(?<=倍)[多余])?")
_ZH = re.compile(_ZH_FORM.format(num=NUM))
# the same grammar with small Chinese-numeral counts too (for readers of report clauses, not of answers)
_ZH_NUMERALS = re.compile(_ZH_FORM.format(num=f"{NUM}|{_CN_SMALL}"))
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_int(s: str) -> int | None:
    """A number in Chinese numerals up to the hundreds (三 → 3, 十二 → 12, 一百零五 → 105, 二〇二一 → 2021)."""
    if s and all(ch in _CN_DIGIT for ch in s):
        return int("".join(str(_CN_DIGIT[ch]) for ch in s))
    total, num = 0, 0
    for ch in s:
        if ch in _CN_DIGIT:
            num = _CN_DIGIT[ch]
        elif ch in "十百":
            total += (num or 1) * (10 if ch == "十" else 100)
            num = 0
        else:
            return None
    return total + num if s else None


_EN_SCALE = {"thousand": Decimal(1_000), "million": Decimal(1_000_000), "billion": Decimal(1_000_000_000)}
# the words after an English figure that say its kind (the first that matches, within three words)
_EN_KINDS = [
    ("points", r"percentage[- ]points?|points? of percentage|pp\b"), ("percent", r"%|percent\b|per ?cent\b"),
    ("permille", r"‰|per ?mille\b|per thousand\b"), ("per_myriad", r"‱|per ten thousand\b"), ("multiple", r"(?:times|fold) (?:as|more|higher|larger|greater|the|over)\b|^-?fold\b"),
    ("money", r"yuan\b|rmb\b|renminbi\b|cny\b"), ("person_times", r"person[- ]times?\b|person-visits?\b|attendances?\b"),
    ("people", r"(?:people|persons?|residents|cadres?|officials?|staff|officers?|police\w*|members?|leaders?|"
               r"participants?|lawyers?|mediators?|employees|workers|civil servants|volunteers|students|teachers)\b"),
    ("cases", r"(?:cases?|disputes?|lawsuits?|complaints?|petitions?|applications?|crimes?)\b"),
    ("times", r"(?:times|sessions?|meetings?|lectures?|trainings?|classes|rounds?|events?|activities)\b"),
    ("area", r"(?:square|mu\b|hectares?)"), ("days", r"(?:days?|hours?|months?|years?|working days)\b"),
    ("score", r"(?:points|marks)\b"),
]
_EN_KIND = [(k, re.compile(rf"(?<![A-Za-z])(?:{p})", re.I)) for k, p in _EN_KINDS]  # Jingyuan is no yuan
_EN = re.compile(
    r"(?P<pre>\b(?:about|around|approximately|nearly|almost|over|more than|above|at least|some|up to|under|less than|"
    r"fewer than)\s+)?(?<![\d.,\w])(?P<num>\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<mag>thousand|million|billion)\b)?(?P<pct>\s?%|\s?‰|\s?‱)?", re.I)
_APPROX_EN = {"about": "about", "around": "about", "approximately": "about", "some": "about", "nearly": "nearly",
              "almost": "nearly", "over": "over", "more than": "over", "above": "over", "at least": "over",
              "up to": "up to", "under": "under", "less than": "under", "fewer than": "under"}
COUNT_KINDS = frozenset({"people", "person_times", "cases", "times", "items", "count", "days"})


@dataclass(frozen=True)
class Quantity:
    """A figure: `value` has its magnitude multiplied out (57.95万 → 579500); `number` is the digits as written."""

    value: Decimal
    number: Decimal
    unit: str = ""  # as written without the magnitude: 件, 元, %, 人次; English: yuan, %, "" …
    kind: str = "none"  # money, people, person_times, cases, times, items, percent, permille, points, multiple…
    approx: str = ""  # over / about / nearly / under / up to ("" = exact)
    magnitude: str = ""  # 万, 亿, 千, 百万, thousand, million, billion
    text: str = ""  # as written
    start: int = 0
    end: int = 0
    at: int = 0  # where the digits start (after 约, 百分之…)

    @property
    def exact_digits(self) -> int:
        """Decimal places of the value in base units: 57.95万 → 0 (to the hundred: -2), 21.6% → 1."""
        return -self.value.normalize().as_tuple().exponent if self.value else 0

    def same_value(self, other: "Quantity") -> bool:
        return self.value == other.value

    def compatible(self, other: "Quantity") -> bool:
        """Kinds that may name the same figure: equal kinds; a bare number or a plain count beside any count."""
        a, b = self.kind, other.kind
        if a == b or "none" in (a, b):
            return True
        units = {self.unit.lower(), other.unit.lower()}
        # English says 1.5倍 "1.5 times" and 2.1个百分点 "2.1 points"; 1.5次 is no multiple, 85分 no percentage point
        if {a, b} == {"multiple", "times"} and "times" in units or {a, b} == {"points", "score"} and "points" in units:
            return True
        # counts of different things (people, cases, sessions) are told apart by the words, not here: an
        # English noun is too loose a witness to refuse a figure on
        return {a, b} <= COUNT_KINDS


def _decimal(num: str) -> Decimal | None:
    try:
        return Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None


# full-width digits and signs fold 1:1 to ASCII, so offsets stay valid in the text as written
_FOLD = {0xFF0C: ",", 0xFF0E: ".", 0xFF05: "%", **{0xFF10 + d: str(d) for d in range(10)}}
_YEAR = re.compile(r"(?:19|20)\d{2}")


def _number(num: str) -> Decimal | None:
    if num[0].isdigit():
        return _decimal(num)
    n = cn_int(num)
    return None if n is None else Decimal(n)


def parse_zh(text: str, start: int = 0, end: int | None = None, numerals: bool = False) -> list[Quantity]:
    """Every figure of a Chinese text (quotes, answers): 57.95万件, 30余万次, 百分之95, 21.9个百分点, 2841万元;
    between `start` and `end` only; `numerals`: small counts in Chinese numerals too (两次, 十二场)."""
    out = []
    grammar = _ZH_NUMERALS if numerals else _ZH
    for m in grammar.finditer(text.translate(_FOLD), start, len(text) if end is None else end):
        number = _number(m.group("num"))
        if number is None:
            continue
        mag, unit = m.group("mag") or "", m.group("unit") or _PER.get(m.group("pct") or "", "")
        kind = _ZH_UNIT_KIND.get(unit, "none")
        if kind == "year" and not _YEAR.fullmatch(m.group("num")):
            kind = "days"  # 3年: a duration, not a year
        approx = next((_APPROX_ZH[w] for w in (m.group("pre"), m.group("a1"), m.group("a2"), m.group("tail")) if w), "")
        out.append(Quantity(number * ZH_SCALE.get(mag, Decimal(1)), number, unit, kind, approx, mag,
                            text[m.start():m.end()].strip(), m.start(), m.end(), m.start("num")))
    return out


def _en_kind(after: str) -> tuple[str, str]:
    """The kind said by the (up to three) words after an English figure, and the unit word: the earliest
    unit word wins ("300 cases of people" counts cases)."""
    words = re.match(r"[ \t]*(?:[-–][ \t]*)?((?:[\w'%‰-]+[ \t]*){0,3})", after).group(1)
    hits = [(m.start(), n, kind, m.group().strip()) for n, (kind, pattern) in enumerate(_EN_KIND)
            if (m := pattern.search(words)) and (kind != "score" or m.start() == 0)]
    if hits:
        return min(hits)[2:]
    return ("count", "") if re.match(r"[ \t]+[a-z]", after) else ("none", "")


def parse_en(text: str) -> list[Quantity]:
    """Every figure of an English text: 579,500; 1.22 million yuan; over 300 cases; 21.9 percentage points; 91%."""
    out = []
    for m in _EN.finditer(text):
        number = _decimal(m.group("num"))
        if number is None:
            continue
        mag = (m.group("mag") or "").lower()
        pct = (m.group("pct") or "").strip()
        if pct:
            kind, unit = {"%": "percent", "‰": "permille"}.get(pct, "per_myriad"), pct
        else:
            kind, unit = _en_kind(text[m.end():m.end() + 40])
        pre = " ".join((m.group("pre") or "").lower().split())
        out.append(Quantity(number * _EN_SCALE.get(mag, Decimal(1)), number, unit, kind, _APPROX_EN.get(pre, ""),
                            mag, m.group().strip(), m.start(), m.end(), m.start("num")))
    return out


def quantities_in(text: str) -> list[Quantity]:
    """The figures of a text in either language: Chinese-written ones (with 万/亿 or a Chinese unit) and
    English-written ones, without reading one figure twice."""
    zh = parse_zh(text)
    taken = _Spans([(q.start, q.end) for q in zh if q.magnitude or q.unit and q.kind != "none"])
    en = [q for q in parse_en(text) if not taken.overlaps(q.start, q.start + 1)]
    en_spans = _Spans([(q.start, q.end) for q in en])
    zh_left = [q for q in zh if not en_spans.overlaps(q.start, q.end)]
    return sorted(zh_left + en, key=lambda q: q.start)


def given_values(question: str) -> set[Decimal]:
    """The values a question states itself (its 51 departments, "about 12,000 courses", "seven centres"), years
    aside: what it asks is another figure."""
    question = cues.THRESHOLD.sub(" ", question)  # 过八成了吗: asked against, not given
    said = {q.value for q in quantities_in(question) if not re.fullmatch(r"(?:19|20)\d{2}年?", q.text)}
    words = re.findall(rf"\b(?:{'|'.join(EN_NUMBER_WORDS[2:])})\b", question, re.I)
    return said | {Decimal(EN_NUMBER_WORDS.index(w.lower())) for w in words}


def value_of(figure: str) -> Decimal | None:
    """The value of a figure as written (1.2万期 → 12000)."""
    found = quantities_in(figure)
    return found[0].value if found else None


class _Spans:
    """Does [start, end) overlap any of these spans? By bisection: a long answer (a list of thousands of
    reports) has thousands of figures, and testing each against every other was quadratic."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach, furthest = [], -1  # the furthest end among the spans starting at or before each
        for _, e in spans:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1  # the last span starting before `end`
        return i >= 0 and self.reach[i] > start


# ---- a figure in English ----------------------------------------------------------------------------------
def _plain(d: Decimal) -> str:
    """1234567 → 1,234,567; 12.50 → 12.5 (no exponent, no trailing zeros)."""
    s = format(d.normalize(), "f")
    whole, _, frac = s.partition(".")
    return f"{int(whole):,}" + (f".{frac}" if frac else "")


def en_number(q: Quantity) -> tuple[str, bool]:
    """The value in English digits and words, and whether it is rounded from what the report wrote:
    57.95万 → 579,500; 107万 → 1.07 million; 122.4552万 → 1.22 million (rounded); 7.47亿 → 747 million."""
    if not q.magnitude or q.magnitude in _EN_SCALE:  # digits as the report wrote them
        return format(q.number, "f") + (f" {q.magnitude}" if q.magnitude else ""), False
    v = q.value
    if v < 1_000_000:
        return _plain(v), False
    scale, word = (Decimal(1_000_000_000), "billion") if v >= 1_000_000_000 else (Decimal(1_000_000), "million")
    # the fewest decimals (2 or 3) that say it exactly (1.488 million), else two (1.22 million, rounded)
    short = next((d for d in ((v / scale).quantize(Decimal(p)) for p in ("0.01", "0.001")) if d * scale == v),
                 (v / scale).quantize(Decimal("0.01")))
    return f"{_plain(short)} {word}", short * scale != v
