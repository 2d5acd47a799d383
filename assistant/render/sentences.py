"""The lines of a figure answer: the answer first (place, year, what was counted, the value with its
unit and scope, the key), what is not stated, only a direction, related figures, the stated change.

Every number in these lines is one the cited quote holds (verify drops a line that adds one), so
English values keep the report's digits and multipliers (730万 yuan), never a converted figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.indicators import Indicator
from ..domain.statements import WHOLE_SCOPE
from ..models import Fact, ReportMeta
from ..reading.trend import Change
from .draft import Line
from .slots import P, Cite, Join, T, Who, Year

_VALUE = re.compile(r"^(?P<pre>约|近|超过|超|逾|多达|共计|累计|共)?(?P<pct>百分之)?(?P<num>[\d,.]+)\s?(?P<a1>余|多)?(?P<mult>万|亿)?"
                    r"(?P<approx>余|多)?\s?(?P<unit>[^\d\s]*?)(?P<tail>以上|以下|以内|左右)?$")
_PRE_EN = {"约": "about ", "近": "nearly ", "超过": "over ", "超": "over ", "逾": "over ", "多达": "as many as "}
_TAIL_EN = {"以上": "over ", "以下": "under ", "以内": "up to ", "左右": "about "}
# units an English sentence must say; plain count units (件, 个, 项…) are carried by the indicator's name
_UNIT_EN = {"%": "%", "％": "%", "个百分点": " percentage points", "百分点": " percentage points",
            "人次": " person-times", "万人次": " person-times", "元": " yuan", "万元": " yuan", "亿元": " yuan"}
# open-vocabulary figures have no indicator name: every unit is said, the Chinese term names the thing
_COUNT_EN = {"次": " times", "场": " sessions", "场次": " sessions", "期": " sessions", "人": " people",
             "名": " people", "位": " people", "余人": " people", "万人": " people", "家": " organisations",
             "户": " households", "天": " days", "篇": " articles", "份": " copies", "条": " items", "项": " items",
             "个": "", "件": " (件)", "件次": " (件次)", "起": " (起)", "宗": " (宗)", "所": " (所)", "处": " (处)"}


def value_en(value_text: str, counted: bool = False) -> str:
    """A figure as written, in English words around the same digits: 300余件 → over 300; 21.6% → 21.6%."""
    m = _VALUE.match(value_text.strip())
    if not m:
        return value_text
    unit = "%" if m.group("pct") else (m.group("unit") or "")
    mult = m.group("mult") or ""
    words = _UNIT_EN.get(mult + unit) or _UNIT_EN.get(unit)
    if words is None:
        words = (_COUNT_EN.get(unit, f" ({unit})" if unit else "")) if counted else ""
    pre = _PRE_EN.get(m.group("pre") or "") or ("over " if m.group("approx") or m.group("a1") else "")
    pre = pre or _TAIL_EN.get(m.group("tail") or "", "")
    return f"{pre}{m.group('num')}{mult}{words}"


@dataclass(frozen=True)
class Value:
    """A figure as written in Chinese; in English the same digits with English words around them."""

    text: str
    counted: bool = False  # an open-vocabulary figure: its unit is said in English too

    def render(self, lang: str) -> str:
        return self.text if lang == "zh" else value_en(self.text, self.counted)


def name(ind: Indicator, article: bool = False) -> T:
    en = ind.name_en
    return T(ind.label_zh, f"{'an' if en[:1] in 'aeiou' else 'a'} {en}" if article else en)


def names(inds: list[Indicator], en_sep: str = " / ") -> Join:
    """The first two indicators asked: 行政诉讼案件、行政诉讼败诉率 / … / …"""
    return Join(tuple(name(i) for i in inds[:2]), "、", en_sep)


def change_slot(change: Change | None) -> P:
    """What the fact's sentence says about the change from the year before (said when asked)."""
    if change is None:
        return P("change.none", en_prefix=" ")
    direction = P("word.up") if change.up else P("word.down")
    if change.amount:
        return P("change.amount", {"text": change.text, "direction": direction, "amount": change.amount}, " ")
    return P("change.direction", {"text": change.text, "direction": direction}, " ")


def fact_line(f: Fact, meta: ReportMeta, key: int, change: P | str = "") -> Line:
    """平罗县2023年行政诉讼败诉率为21.6%[1]。 / Pingluo County (平罗县) reported a litigation defeat rate of 21.6% for 2023 [1]."""
    ind = f.indicator
    scope = "" if WHOLE_SCOPE.match(f.scope) else f.scope
    slots = {"who": Who(meta), "year": Year(meta.year), "cite": Cite((key,)), "change": change,
             "value": f.value_text if isinstance(f.value, bool) else Value(f.value_text)}
    if isinstance(f.value, bool):
        slots |= {"name": name(ind), "scope": T(scope, f" (scope: {scope})" if scope else "")}
        return Line("lead", "fact.claim", slots)
    slots["scope"] = T(f"({scope})" if scope else "", f" (scope: {scope})" if scope else "")
    if f.planned:
        return Line("lead", "fact.planned", slots | {"name": name(ind)})
    if ind.kind in ("rate", "money"):
        return Line("lead", "fact.rate", slots | {"name": name(ind, article=ind.kind == "rate")})
    return Line("lead", "fact.count", slots | {"name": name(ind)})


def figure_line(term: str, value: str, meta: ReportMeta, key: int) -> Line:
    """An open-vocabulary figure: the report's own words for what it counts (in parentheses in English)."""
    phrase = "figure.clause" if value in term else "figure.term"  # the figure first in the clause: the clause says it
    return Line("lead", phrase, {"who": Who(meta), "year": Year(meta.year), "term": term,
                                 "value": Value(value, counted=True), "cite": Cite((key,))})


def missing_line(inds: list[Indicator], meta: ReportMeta, target: bool = False) -> Line:
    """What one report does not state (not the same as zero)."""
    return Line("not_stated", "missing.target" if target else "missing",
                {"who": Who(meta), "year": Year(meta.year), "name": names(inds)})


def direction_line(inds: list[Indicator], meta: ReportMeta, key: int) -> Line:
    """A rate asked where the report gives only its direction (败诉率逐年下降)."""
    return Line("not_stated", "direction", {"who": Who(meta), "year": Year(meta.year), "name": names(inds),
                                            "cite": Cite((key,))})


def related_line(f: Fact, quote: str, key: int) -> Line:
    """A figure of the same family the report does state, cited as what is there instead."""
    return Line("related", "related", {"name": name(f.indicator), "scope": f"({f.scope})" if f.scope else "",
                                       "planned": P("word.target") if f.planned else "", "quote": quote,
                                       "cite": Cite((key,))})
