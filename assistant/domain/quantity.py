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

# digits with optional thousands separators (1,536) and decimals; a comma not followed by three digits ends it
NUM = r"\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?"

# what a Chinese question counts → units that can answer it (first match wins)
_ASKED = [(r"多少倍|几倍|倍数", {"倍"}),  # before 率: 增长率是几倍 asks a multiple
          (r"率|百分比|比例|满意度|完成度|占比|percent|rate", {"%", "％", "‰", "‱", "个百分点", "百分点"}),
          (r"人次", {"人次", "万人"}), (r"场次|多少场|几场", {"场次", "场", "次"}),
          (r"次数|多少次|几次|几回|how many times", {"次", "场次", "场", "期"}),
          (r"期数|多少期|几期", {"期", "万期"}), (r"件数|多少件|几件|案件数", {"件", "件次", "起", "宗", "万件"}),
          (r"人数|多少人|几人|多少名|干部数|人员数|负责人|(?:多少|几)(?:个|位)?[\u4e00-\u9fff]{0,6}?"
           r"(?:员|者|师|官|干部|代表|党员|民警|辅警|律师|群众|村民|居民|学生|职工)(?=[?？。,，呢吗]|$)",
           {"人", "名", "人次", "万人", "余人", "位"}),
          (r"单位数|部门数|多少家|几家|企业数", {"家", "个", "所", "户"}),
          (r"项数|多少项|几项|事项|任务", {"项", "个", "件", "条", "类"}),
          (r"金额|多少元|资金|投资|投入|经费", {"元", "万元", "亿元"}),
          (r"多少个|几个|个数", {"个", "家", "项", "所", "处", "支"}),
          (r"多少条|几条|条数", {"条"}), (r"多少份|几份|份数", {"份"}), (r"多少部|几部", {"部"}),
          (r"多少天|几天|天数", {"天"})]
_UNIT_BEFORE_ASK = re.compile(r"(?<=[\u4e00-\u9fff])([件次人家场期名份条篇])(?:多少|几)")  # 办件多少 → 件
_RELATED = {"件": {"件", "件次", "起", "宗", "万件"}, "次": {"次", "场次", "场", "期"}, "人": {"人", "名", "人次", "万人", "位"},
            "名": {"名", "人", "人次"}, "场": {"场", "场次", "次"}, "个": {"个", "家", "项", "所", "处"}}


# when no figure has a unit the question asked, the next nearest: people reached are often counted in
# person-times (覆盖民辅警200余人次), person-times in people, sessions in 期
_WIDER = {"人": {"人次", "万人次"}, "名": {"人次", "万人次"}, "人次": {"人", "名", "万人"}, "次": {"期", "批"},
          "件": {"起", "宗", "项"}, "项": {"个", "条", "件"}, "家": {"个", "所"}}


def widened(units: list[str] | None) -> list[str] | None:
    """The units asked plus their next nearest, or None when widening adds nothing."""
    if units is None:
        return None
    more = set(units).union(*(_WIDER.get(u, set()) for u in units))
    return sorted(more) if more - set(units) else None


def asked_units(question: str) -> set[str] | None:
    """Units that can answer what a Chinese question counts (办件多少 → 件; 次数 → 次; 满意度 → %), or None."""
    if m := _UNIT_BEFORE_ASK.search(question):
        return _RELATED.get(m.group(1), {m.group(1)})
    # the measure word written after 多少/几 decides before any word further on (多少家单位…负责人: units, not
    # people); 个 says nothing by itself (几个律师 counts people)
    if (written := written_unit(question)) and written != "个":
        for pattern, units in _ASKED:
            if re.search(pattern, "多少" + written):
                return units
    for pattern, units in _ASKED:
        if re.search(pattern, question, re.I):
            return units
    return None


def written_unit(question: str) -> str | None:
    """The measure word a Chinese question writes after 几/多少 (几次 → 次, 多少场次 → 场次): among the units that
    can answer it, the one the asker used."""
    m = re.search(rf"(?:几|多少)({_ZH_UNITS})", question)
    return m.group(1) if m else None


# English: what "how many …" counts → units (no Chinese words to match, so the unit must be clear)
# asked in several words, read before any one word: "how many times higher" is a multiple (倍), not sessions
# (次); "how many percentage points" is a change of a rate, not the rate (%)
_WHOLE_EN = [(re.compile(r"\bhow many (?:times|fold) (?:as|more|higher|larger|greater|over)\b|\bhow many-fold\b", re.I),
              {"倍"}), (re.compile(r"\bpercentage[- ]points?\b", re.I), {"个百分点", "百分点"})]
_ASKED_EN = [(r"person[- ]times", {"人次", "万人次"}), (r"\b(?:views?|clicks?|hits|downloads?|reads)\b", {"次", "人次"}),
             (r"\bvisits?\b", {"次", "人次", "家次", "户次"}), (r"\bconsultations?\b", {"件", "件次", "次", "人次"}),
             (r"\b(?:suggestions?|recommendations?|opinions?|letters?|orders?|notices?|circulars?|reports)\b",
              {"条", "份", "件", "个", "项"}),
             (r"\b(?:percent\w*|rate|ratio|share)\b", {"%", "％", "‰", "‱"}),  # a rate may be written per mille: never as %
             (r"\b(?:times|sessions?|meetings?|lectures?|trainings?|classes|rounds?|visits?|inspections?|trips?|"
              r"patrols?|campaigns?|drills?|events?|activities|forums?|seminars?|exhibitions?|performances?|shows?)\b",
              {"次", "场", "场次", "期"}),
             (r"\b(?:teams?|groups?|squads?)\b", {"个", "支", "家"}),
             (r"\b(?:windows?|counters?|desks?|(?:help|service|contact|liaison|mediation|observation|monitoring) points?|stations?|cent(?:er|re)s?|offices?|bases?|"
              r"sites?|hubs?|booths?)\b", {"个", "处", "家", "所"}),
             (r"\b(?:problems?|issues?|difficult(?:y|ies)|complaints?|requests?|demands?)\b", {"个", "件", "项", "条"}),
             # money before people: "the amount involved in the cases police investigated" asks a sum
             (r"\b(?:invest\w*|yuan|money|amount|funds?|cost|spent|spend|sums?)\b", {"元", "万元", "亿元"}),
             (r"\b(?:people|persons?|cadres?|officials?|observers?|staff|officers?|police\w*|leaders?|participants?|heads|"
              r"chiefs?|members|lawyers?|judges?|mediators?|volunteers?|residents?|students?|workers?|employees?)\b",
              {"人", "名", "位", "万人", "余人"}),  # people, not person-times (人次)
             (r"\b(?:prefectures?|count(?:y|ies)|cit(?:y|ies)|districts?|towns?|townships?|villages?|communities|"
              r"provinces?)\b", {"个", "家"}),
             (r"\b(?:units|departments|bodies|organi[sz]ations|enterprises|companies|firms)\b", {"家", "个"}),
             (r"\b(?:courses?|curricul\w*|subjects?)\b", {"门", "个", "期", "节"}),
             (r"\b(?:provisions?|clauses?|stipulations?|rules)\b", {"条", "项", "款"}),
             (r"\b(?:items?|tasks?|measures?|matters?|projects?|services?|scenarios?|systems?|platforms?|mechanisms?|"
              r"regulations?|policies|procedures?|lists?)\b", {"项", "个", "件"}),
             (r"\b(?:pamphlets?|brochures?|booklets?)\b", {"册", "本", "份"}),
             (r"\b(?:leaflets?|flyers?|posters?)\b", {"张", "份"}),
             (r"\b(?:documents?|files?|normative)\b", {"件", "份", "个", "部", "篇", "项"}),
             (r"\b(?:banners?|copies|articles?)\b", {"条", "张", "份", "篇", "册"}),
             (r"\b(?:cases?|crimes?|disputes?|lawsuits?|suits|litigations?|appeals?|applications?)\b", {"件", "起", "宗", "件次"})]


_EN_PHRASE_END = re.compile(r"did|do|does|were|was|are|is|have|has|had|will|in|on|at|for|to|from|by|with|against|"
                            r"that|which|who|across|during|under|over|per|of|the|these|those|its|their|and|or")


def counted_en(question: str) -> tuple[list[str], list[str]]:
    """What "how many …" counts: the noun phrase right after it, head last (how many lawyer teams were set up
    → lawyer teams), and all the words after it (up to eight)."""
    unquoted = re.sub(r"(?<![A-Za-z])['\"‘“](.{2,40}?)['\"’”](?![A-Za-z])", " ", question)  # 'can't get it done' windows
    # "what was the (total) number of cases handled at windows" counts cases as "how many cases" does
    counted = re.search(r"\b(?:how (?:many|much)|number of|count of)\s+((?:[\w'-]+\s+){0,7}[\w'-]+)", unquoted, re.I)
    words = counted.group(1).split() if counted else []
    # the head noun first, the last word of the phrase counted: "how many crimes against enterprises" counts
    # crimes, "how many lawyer teams were set up" teams
    phrase: list[str] = []
    for w in words:
        if w.lower() in ("and", "or") and phrase:
            phrase.append(w)  # "self-assessment and review activities": the head comes after it
            continue
        if _EN_PHRASE_END.fullmatch(w.lower()):
            if phrase:
                break
            continue  # how many of the …
        phrase.append(w)
    # "how many leading cadres attended training": the noun comes before the verb
    verb = next((i for i, w in enumerate(phrase) if i and re.fullmatch(r"[a-z]+ed", w)), None)
    phrase = phrase[:verb] if verb else phrase[:3] if "and" not in phrase and "or" not in phrase else phrase
    while phrase and phrase[-1].lower() in ("and", "or"):
        phrase.pop()
    return phrase, words


def asked_units_en(question: str) -> set[str] | None:
    """Units for what "how many …" counts: the words right after it decide, nearest first (how many leading
    cadres attended training → people), the rest of the question only when they say nothing."""
    if whole := next((units for pattern, units in _WHOLE_EN if pattern.search(question)), None):
        return whole
    phrase, words = counted_en(question)
    # "how much" asks an amount or a share, never a count ("how much pressure did the service supermarket relieve")
    amount = re.search(r"\bhow much\b", question, re.I) and not re.search(r"\bhow many\b", question, re.I)
    asked = [(p, u) for p, u in _ASKED_EN if not amount or u & {"元", "%"}]
    heads = [phrase[-1], " ".join(phrase)] if phrase else []
    # the rest of the question without its place names ("Hunyuan County's government" counts no counties)
    rest = re.sub(r"\b[A-Z][a-z]+\s+(?:County|City|District|Province|Town|Township|Prefecture|Region)\b", " ", question)
    for text in heads + [" ".join(words[:n]) for n in (1, 2, 3, 4) if len(words) >= n] + [rest]:
        for pattern, units in asked:
            if re.search(pattern, text, re.I):
                return units
    return set().union(*(u for _, u in asked)) & {"元", "万元", "亿元", "%"} if amount else None  # an amount or share


# ---- one figure, read once ------------------------------------------------------------------------------
# unit → kind; a kind names what a figure measures, so 23起 (cases) can never be read back as 23 yuan
_ZH_KINDS: dict[str, tuple[str, ...]] = {
    "money": ("元",), "percent": ("%", "％"), "permille": ("‰",), "per_myriad": ("‱",), "points": ("个百分点", "百分点"),
    "multiple": ("倍",), "person_times": ("人次",), "people": ("人", "名", "位"),
    "cases": ("件次", "件", "起", "宗", "案"), "times": ("场次", "次", "场", "期", "轮", "回"),
    "items": ("户次", "家次", "项", "个", "条", "份", "卷", "家", "户", "篇", "套", "张", "册", "部", "所", "处", "批",
              "座", "支", "类", "本", "块", "门", "台", "辆"),
    "area": ("平方米", "平方公里", "亩", "公顷"), "score": ("分",), "days": ("天", "日", "小时"),
    "year": ("年",),
}
_ZH_UNIT_KIND = {u: k for k, us in _ZH_KINDS.items() for u in us}


def unit_kinds(units) -> set[str]:
    """The kinds of Chinese units as a question asks them (万人次 → person_times, 余人 → people)."""
    return {_ZH_UNIT_KIND.get(u.lstrip("万亿千余"), "none") for u in units} - {"none"}
_ZH_UNITS = "|".join(sorted((re.escape(u) for u in _ZH_UNIT_KIND), key=len, reverse=True))
ZH_SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1_000), "百万": Decimal(1_000_000),
            "千万": Decimal(10_000_000)}
_PER = {"百分之": "%", "千分之": "‰", "万分之": "‱"}  # 百分之95 is 95%, 千分之3 is 3‰, 万分之3.5 is 3.5‱
_APPROX_ZH = {"约": "about", "近": "nearly", "超过": "over", "超": "over", "逾": "over", "多达": "as many as",
              "余": "over", "多": "over", "以上": "over", "左右": "about", "以下": "under", "以内": "up to"}
# a small count in Chinese numerals (两次, 十二场); not inside a longer numeral or an ordinal (第三次)
_CN_SMALL = (r"(?<![一二两三四五六七八九十百千万第])(?:[两二三四五六七八九]|十[一二三四五六七八九]?|"
             r"[二三四五六七八九]十[一二三四五六七八九]?)")
_ZH_FORM = (r"(?P<pre>约|近|超过|超|逾|多达)?(?P<pct>百分之|千分之|万分之)?(?<![\d.A-Za-z])(?P<num>{num})\s?(?P<a1>余|多)?"
            rf"(?P<mag>千万|百万|万|亿|千)?(?P<a2>余|多)?\s?(?P<unit>{_ZH_UNITS})?(?P<tail>以上|以下|以内|左右|(?<=倍)[多余])?")
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
