"""The lines of a figure answer: the answer first (place, year, what was counted, the value with its
unit and scope, the key), what is not stated, only a direction, related figures, the stated change.

Every number in these lines is one the cited quote holds (verify drops a line that adds one), so
English values are the same value in English digits, the report's figure in brackets when it has 万/亿
(579,500 (57.95万件)); checks/citations compares them with the quote by value (domain/quantity.py).
"""
from __future__ import annotations

import re

from dataclasses import dataclass

from ..domain.glossary import thing_en
from ..domain.indicators import Indicator
from ..domain.phrases import APPROX_EN, COUNT_EN, GENERIC_COUNT, UNIT_EN
from ..domain.ordinal import ordinals_zh
from ..domain.asked import asked_units_en
from ..domain.quantity import COUNT_KINDS, Quantity, en_number, parse_en, parse_zh
from ..domain.statements import WHOLE_SCOPE
from ..models import Fact, ReportMeta
from ..reading.trend import Change
from .draft import Line
from .slots import P, Cite, Join, T, Who, Year

def value_en(value_text: str, counted: bool = False, term: str = "") -> str:
    """A figure as written, in English: 300余件 → over 300; 21.6% → 21.6%; 57.95万件 → 579,500 (57.95万件);
    2841万元 → 28.41 million yuan (2841万元); 21.9个百分点 → 21.9 percentage points. An open-vocabulary figure
    (`counted`) also names what it counts: the English name of `term` when it fits the unit, else the unit
    as an English noun with the Chinese term in brackets."""
    if value_text.strip().startswith("第") and (nth := ordinals_zh(value_text.strip())):  # 第90期: the 90th
        said = "; ".join(x for x in (value_text.strip(), term if counted else "") if x)
        return f"the {_ordinal_en(int(nth[0].number))} ({said})"
    found = [q for q in parse_zh(value_text.strip()) if q.text]
    if not found:
        return value_text
    q = found[0]
    number, _ = en_number(q)
    unit = UNIT_EN.get(q.unit) or (UNIT_EN.get(q.kind, "") if q.kind not in COUNT_KINDS else "")
    thing = _thing(term, q.text) if counted and term and not unit else None
    named = thing is not None and _fits(thing, q)  # "579,500 government service matters"
    if counted and not unit:
        unit = f" {thing}" if named else COUNT_EN.get(q.unit, "")
    shown = q.magnitude or (counted and q.kind in COUNT_KINDS)  # the report's figure beside the English one
    original = "; ".join(x for x in (q.text if shown else "", term if counted and not named else "") if x)
    return f"{APPROX_EN.get(q.approx, '')}{number}{unit}" + (f" ({original})" if original else "")


def _ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _thing(term: str, written: str) -> str | None:
    """The English name of what a figure counts: the words right after it when it comes first (组建43个律师团队:
    lawyer teams, not the enterprises named before), else the term's."""
    at = term.find(written)
    after = re.split(r"[\d,,、;;。(（]", term[at + len(written):])[0] if at >= 0 else ""
    if len(re.findall(r"[\u4e00-\u9fff]", after)) >= 2:
        return thing_en(after)
    return thing_en(term)


def _fits(thing: str, q: Quantity) -> bool:
    """An English name fits a figure whose unit counts the same kind (lectures: 次; matters: 件), never
    people for sessions (1.2万期 are not Party members)."""
    # the head noun: lawyer teams → teams; Party members trained → members
    head = next((w for w in reversed(thing.split()) if not w.endswith("ed")), thing)
    said = parse_en(f"2 {head}")
    kind = said[0].kind if said else "count"
    counted_in = asked_units_en(f"how many {thing}")  # windows are counted in 个/处, never in 件 (cases handled)
    if counted_in and q.unit not in counted_in and q.magnitude + q.unit not in counted_in:
        return False
    return kind == q.kind or (kind == "count" and q.unit in GENERIC_COUNT)


@dataclass(frozen=True)
class Value:
    """A figure as written in Chinese; in English the same digits with English words around them."""

    text: str
    counted: bool = False  # an open-vocabulary figure: its unit is said in English too
    term: str = ""  # what an open-vocabulary figure counts, in the report's words

    def render(self, lang: str) -> str:
        return self.text if lang == "zh" else value_en(self.text, self.counted, self.term)


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
        # the amount in English words too: 2.1个百分点 → 2.1 percentage points, 1.5倍 → 1.5 times
        return P("change.amount", {"text": change.text, "direction": direction, "amount": Value(change.amount)}, " ")
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
    changed = ""
    if isinstance(change, P) and change.key == "change.amount":  # 为22672件,同比上升127.04%: one sentence answers both
        changed, slots["change"] = "_changed", P("change.inline", change.slots)
    if ind.kind in ("rate", "money"):
        return Line("lead", f"fact.rate{changed}", slots | {"name": name(ind, article=ind.kind == "rate")})
    return Line("lead", f"fact.count{changed}", slots | {"name": name(ind)})


def figure_line(term: str, value: str, meta: ReportMeta, key: int) -> Line:
    """An open-vocabulary figure: the report's own words for what it counts (in parentheses in English)."""
    phrase = "figure.clause" if value in term else "figure.term"  # the figure first in the clause: the clause says it
    return Line("lead", phrase, {"who": Who(meta), "year": Year(meta.year), "term": term,
                                 "value": Value(value, counted=True, term=term), "cite": Cite((key,))})


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
