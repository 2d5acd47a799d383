"""The answer's first sentence, built in code in the question's language: place, year, what was
counted, the value with its unit and scope, and the citation key.

Every number in these sentences is one the cited quote holds (verify drops a line that adds one), so
English values keep the report's digits and multipliers (730万 yuan), never a converted figure.
"""
from __future__ import annotations

import re

from ..facts.extract import Fact
from ..models import ReportMeta
from ..places import english_name

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


def who_zh(meta: ReportMeta) -> str:
    return meta.place or meta.issuer or meta.title or meta.source


def who_en(meta: ReportMeta) -> str:
    if meta.place:
        return f"{english_name(meta.place)} ({meta.place})"
    return meta.issuer or meta.title or meta.source


def _year_zh(meta: ReportMeta) -> str:
    return f"{meta.year}年" if meta.year else ""


def _year_en(meta: ReportMeta) -> str:
    return f" for {meta.year}" if meta.year else ""


_WHOLE = re.compile(r"^全[年市区县镇省州旗]?$")  # the whole of what the report covers: no scope to state


def fact_sentence(f: Fact, meta: ReportMeta, lang: str, key: int) -> str:
    """平罗县2023年行政诉讼败诉率为21.6%[1]。 / Pingluo County (平罗县) reported a litigation defeat rate of 21.6% for 2023 [1]."""
    ind = f.indicator
    if _WHOLE.match(f.scope):
        f = f.model_copy(update={"scope": ""})
    if lang == "zh":
        scope = f"({f.scope})" if f.scope and not isinstance(f.value, bool) else ""
        if isinstance(f.value, bool):
            return f"{who_zh(meta)}{_year_zh(meta)}报告{f.scope}{f.value_text}[{key}]。"
        if f.planned:
            return f"{who_zh(meta)}{_year_zh(meta)}报告提出的{ind.label_zh}{scope}目标为{f.value_text}[{key}]。"
        return f"{who_zh(meta)}{_year_zh(meta)}{ind.label_zh}{scope}为{f.value_text}[{key}]。"
    scope = f" (scope: {f.scope})" if f.scope else ""
    if isinstance(f.value, bool):
        return f"{who_en(meta)} reports {ind.name_en}{scope}{_year_en(meta)}: “{f.value_text}” [{key}]."
    value = value_en(f.value_text)
    if f.planned:
        return f"{who_en(meta)} sets a target {ind.name_en}{scope} of {value} in its report{_year_en(meta)} [{key}]."
    if ind.kind in ("rate", "money"):
        article = "an" if ind.name_en[:1] in "aeiou" else "a"
        what = f"{article} {ind.name_en}" if ind.kind == "rate" else ind.name_en
        return f"{who_en(meta)} reported {what}{scope} of {value}{_year_en(meta)} [{key}]."
    return f"{who_en(meta)} reported {value} {ind.name_en}{scope}{_year_en(meta)} [{key}]."


def figure_sentence(term: str, value: str, meta: ReportMeta, lang: str, key: int) -> str:
    """An open-vocabulary figure: the report's own words for what it counts (in parentheses in English)."""
    if lang == "zh":
        if value in term:  # the figure comes first in the clause: the clause is the sentence
            return f"{who_zh(meta)}{_year_zh(meta)}:{term}[{key}]。"
        return f"{who_zh(meta)}{_year_zh(meta)}{term}{value}[{key}]。"
    return f"{who_en(meta)} reported {value_en(value, counted=True)} ({term}){_year_en(meta)} [{key}]."


def missing_sentence(label_zh: str, name_en: str, meta: ReportMeta, lang: str, target: bool = False) -> str:
    """What one report does not state (not the same as zero)."""
    if lang == "zh":
        what = f"{label_zh}的目标" if target else label_zh
        return f"{who_zh(meta)}{_year_zh(meta)}的报告没有写明{what}。"
    what = f"a target for {name_en}" if target else name_en
    return f"The report of {who_en(meta)}{_year_en(meta)} does not state {what}."


def direction_sentence(label_zh: str, name_en: str, meta: ReportMeta, lang: str, key: int) -> str:
    """A rate asked where the report gives only its direction (败诉率逐年下降)."""
    if lang == "zh":
        return f"{who_zh(meta)}{_year_zh(meta)}的报告没有给出{label_zh}的具体数字,只写明了变化方向[{key}]。"
    return f"The report of {who_en(meta)}{_year_en(meta)} gives no figure for the {name_en}, only its direction [{key}]."


def evidence_line(quote: str, key: int, lang: str) -> str:
    return f"原文[{key}]:“{quote}”" if lang == "zh" else f"Source [{key}]: “{quote}”"
