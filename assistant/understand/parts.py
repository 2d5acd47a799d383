"""The things a question asks for: the fact table's indicators per part of the question ("多少件,败诉率
是多少?" has two parts), and, for figures outside the indicators, each part's words and the units that
can answer it (次数 → 次; "how many sessions" → 次/场)."""
from __future__ import annotations

import re

from pydantic import BaseModel

from ..domain import cues
from ..domain.glossary import glossary_matches, terms_of
from ..domain.indicators import CONTAINERS, Indicator, indicator_for_terms
from ..domain.ordinal import ORDINAL_UNITS
from ..domain.asked import NAMES_A_THING, asked_units, asked_units_en, own_words
from ..domain.quantity import unit_kinds
from .asks import Asks
from .query import Query


class Thing(BaseModel):
    """One figure asked outside the indicators: the words of its part, and the units that can answer it
    (None: any unit)."""

    text: str
    units: list[str] | None = None
    ordinal: bool = False  # 第几期: the figure is an ordinal (第90期)
    subject: str = ""  # 三亚清理的那批文件 of "…,废止了多少件,限期修改多少件": shared by the parts, told by none


def indicators_of(q: Query, asks: Asks, asked: str, whole: bool = False) -> list[Indicator]:
    """The indicators one question (or one part of it) asks for, narrowed by what it asks: a rate,
    a count, a claim."""
    if q.lang == "zh":
        indicators = indicator_for_terms(asked)
    else:  # the glossary's Chinese terms first: English phrasing alone hides 败诉 behind "cases"
        terms = q.asked_terms if whole else terms_of(glossary_matches(asked))
        # the glossary's terms and the English words together: "clean up" is precise where 规范性文件 is not
        indicators = indicator_for_terms(" ".join(terms) + " " + asked) if terms else indicator_for_terms(asked)
    families = {i.family for i in indicators if i not in CONTAINERS}
    indicators = [i for i in indicators if i not in CONTAINERS or i.family not in families]  # 败诉 of 案件: defeats
    wants_rate, wants_number = ((asks.rate, asks.number) if whole
                                else (bool(cues.RATE.search(asked)), bool(cues.NUMBER.search(asked))))
    if wants_rate and any(i.kind == "rate" for i in indicators):  # "调解成功率" asks the rate, not the count
        indicators = [i for i in indicators if i.kind == "rate"]
    elif wants_number and any(i.kind not in ("rate", "claim") for i in indicators):  # "多少件" asks a count
        indicators = [i for i in indicators if i.kind not in ("rate", "claim")]
    if not asks.zero and any(i.kind != "claim" for i in indicators):
        indicators = [i for i in indicators if i.kind != "claim"]
    return indicators


def indicator_parts(q: Query, asks: Asks, asked: str) -> list[list[Indicator]]:
    """One indicator list per part of a question that asks several figures; one list when it asks one.
    A piece only counts as a part if it names an indicator of its own."""
    pieces = [p for p in cues.PART_BREAK.split(asked) if p and p.strip()]
    found = [ind for p in pieces if (ind := indicators_of(q, asks, p))]
    whole = indicators_of(q, asks, asked, whole=True)
    if len(found) < 2 or len({tuple(f) for f in found}) < 2:
        return [whole] if whole else []
    out: list[list[Indicator]] = []
    for ind in found:
        if ind not in out and not any(set(ind) <= set(o) for o in out):
            out.append(ind)
    return out


def _names_a_thing(part: str) -> bool:
    """集中学法几次 names what it counts; 覆盖多少人次 leans on the part before it."""
    return own_words(part) >= NAMES_A_THING


_ASKING = re.compile(r"多少|几")
# 林业采伐许可和建设规划许可分别有多少件: one figure of each thing named
_EACH_OF_TWO = re.compile(r"^(?P<a>[^和与及、]{2,16}?)(?:和|与|及|以及|、)(?P<b>[^和与及、]{2,16}?)分别(?P<ask>.*(?:多少|几).*)$")


def _paused(piece: str) -> list[str]:
    """走访了多少次企业、解决了多少个问题 / 对多少个部门、多少个街道开展了法治督察: figures joined by 、 are parts, as with
    a comma (each is read by the words and unit beside its own figure)."""
    sides = piece.split("、")
    return sides if len(sides) > 1 and all(_ASKING.search(x) for x in sides) else [piece]


def _each(piece: str) -> list[str]:
    m = _EACH_OF_TWO.match(piece)
    return [m["a"] + m["ask"], m["b"] + m["ask"]] if m else [piece]


def things_zh(question: str) -> list[Thing]:
    """A question asking several figures (组织了多少场培训?覆盖多少人次?) as one part per figure; a part
    that names nothing but the figure (覆盖多少人次) keeps the part before it as its subject."""
    pieces = [p for p in re.split(r"[?？;；,，]", question) if p.strip()]
    pieces = [q for p in pieces for q in _paused(p) if q.strip()]
    pieces = [q for p in pieces for q in _each(p)]
    asking = [p for p in pieces if _ASKING.search(p)]
    if not asking:
        return [_thing(question, asked_units(question))]
    subject = ",".join(pieces[:pieces.index(asking[0])])  # 三亚清理的那批文件,废止了多少件: what the parts are of
    if len(asking) < 2 and not subject:
        return [_thing(question, asked_units(question))]
    parts = [p if i == 0 or _names_a_thing(p) else asking[i - 1] + "," + p for i, p in enumerate(asking)]
    # 合格率咋样,是多少: a part that names no unit asks the unit its subject names
    return [_thing(p, asked_units(p.rsplit(",", 1)[-1]) or asked_units(subject)).model_copy(update={"subject": subject})
            for p in parts]


# "how many X, and how many Y" / "… and what sum was involved": one part per figure asked
_SPLIT_EN = re.compile(r"(?:,\s*|\s+)and\s+(?:(?:from|for|in|of|at|by|with|across)\s+)?(?=(?:how (?:many|much|satisfied|"
                       r"high|large|big|long|often|fast)|"
                       r"the (?:total )?(?:number|amount|sum|share|percentage|proportion|rate)\b|what "
                       r"(?:(?:was|were|is|are)\s+)?(?:(?:the|its|their)\s+)?(?:[\w-]+\s+)?(?:sum|amount|total|number|share|"
                       r"percentage|proportion|rate|value))\b)", re.I)
# "how many A and B did X …": two things counted by one verb
_PAIR_EN = re.compile(r"\b(how many\s+)((?:[\w'()-]+\s+){0,6}?[\w'()-]+)\s+and\s+((?:[\w'()-]+\s+){0,6}?[\w'()-]+)"
                      r"(\s+(?:did|do|does|were|was|are|is|have|has|had)\b.*)$", re.I | re.S)


# "how many cities and counties": one count in Chinese (19个市县), as 乡镇, 镇街, 县区 are
_UNIT_NOUN = r"(?:cit(?:y|ies)|count(?:y|ies)|districts?|towns?|townships?|sub-?districts?|villages?|provinces?|prefectures?)"
_UNITS_PAIR = re.compile(rf"{_UNIT_NOUN} {_UNIT_NOUN}", re.I)


# "how many more planning permits than logging permits?": a difference of two figures, each asked
_MORE_THAN_EN = re.compile(r"\bhow (?:many|much) (?:more|fewer|less)\s+(?P<a>[^?(]+?)\s+than\s+"
                           r"(?!(?:last|the previous|the prior|before|in|that|this|it|them|those)\b)(?P<b>[^?(]+?)\s*(?:[?(]|$)", re.I)


def parts_en(question: str) -> list[str]:
    if m := _MORE_THAN_EN.search(question):
        return [f"how many {m.group('a')}{question[m.end('b'):]}", f"how many {m.group('b')}{question[m.end('b'):]}"]
    parts = [p for p in _SPLIT_EN.split(question) if p.strip()]
    if len(parts) == 1 and (m := _PAIR_EN.search(question)) and not _UNITS_PAIR.fullmatch(f"{m.group(2)} {m.group(3)}") \
            and not _one_kind(m.group(2), m.group(3)) and not _modifier(m.group(2)):
        head, rest = question[:m.start()], m.group(4)
        return [f"{head}{m.group(1)}{m.group(2)}{rest}", f"{m.group(1)}{m.group(3)}{rest}"]
    return parts


def _one_kind(a: str, b: str) -> bool:
    """"systems and mechanisms" (制度, 机制) are one thing counted in one unit; "sessions and person-times" are two."""
    units = asked_units_en(f"how many {a}"), asked_units_en(f"how many {b}")
    return units[0] is not None and units[0] == units[1]


def _modifier(a: str) -> bool:
    """"how many inspection and enforcement officers": a count noun in the singular before "and" is not counted
    itself (that would be "inspections"); it qualifies the noun after (行政检查执法人员, one figure)."""
    return bool(re.fullmatch(r"[a-z]+(?<!s)", a, re.I)) and asked_units_en(f"how many {a}s") is not None


# "…, and how many can be handled at the windows": no noun after "how many", so it counts what the part before
# it counts (items), not the windows named later
_ELLIPTIC_EN = re.compile(r"\bhow many\s+(?:of (?:them|those|these)\s+)?(?:can|could|were|was|are|is|did|do|does|have|has|"
                          r"had|will|would|got|went)\b", re.I)


def things_en(question: str) -> list[Thing]:
    """One thing per figure asked; a part that names no unit asks what the part before it asks, and a
    part before one that does ("legal aid and mediation cases") what the noun after it names."""
    parts = parts_en(question)
    units: list[set[str] | None] = []
    for part in parts:
        found = None if units and _ELLIPTIC_EN.search(part) else asked_units_en(part)
        units.append(found if found is not None or not units else units[-1])
    for i in range(len(units) - 2, -1, -1):
        units[i] = units[i] or units[i + 1]
    return [_thing(p, u) for p, u in zip(parts, units)]


def _thing(text: str, units: set[str] | None) -> Thing:
    if not cues.ORDINAL.search(text):
        return Thing(text=text, units=_listed(units))
    return Thing(text=text, units=_listed(set(ORDINAL_UNITS)), ordinal=True)  # ranked among 49 cities: no 个


def fitting_units(indicators: list[Indicator], things: list[Thing]) -> list[Indicator]:
    """An English question's indicators whose figure can be of the unit asked: "how many legal help events"
    asks sessions, not the legal help cases the fact table counts (a rate, a sum, a claim fit by kind)."""
    if not things or any(th.units is None for th in things):
        return indicators
    asked = unit_kinds(u for th in things for u in th.units)
    out = []
    for ind in indicators:
        own = {"rate": {"%"}, "money": {"元"}, "people": {"人"}}.get(ind.kind) if ind.kind != "count" else \
            asked_units_en("how many " + ind.name_en)
        if ind.kind == "claim" or own is None or not unit_kinds(own) or unit_kinds(own) & asked:
            out.append(ind)
    return out


def _listed(units: set[str] | None) -> list[str] | None:
    return None if units is None else sorted(units)


_WHOLE = re.compile(r"\bof (?:the|those|these|them|its|their|[A-Z][\w-]*'s)(?:\s+[\w'-]+){0,10}"
                    r"(?=\s+(?:were|was|are|is|have|has|had|did|do|does|\w+ed|kept|stay\w*|remain\w*|got|became|won|lost)\b)",
                    re.I)


_PARTITIVE = re.compile(r"\bhow (?:many|much) of\b", re.I)  # a part of a whole asked
# "Of the documents reviewed in the clean-up, how many were amended": the whole first
# "When Sanya went through its 237 documents, how many were revised": a clause naming the whole, then a bare "how many"
_WHOLE_FIRST = re.compile(r"^\s*(?:(?:of|among|out of) (?:the|those|these|them|all)\b[^,?]{0,160}|(?:when|after|as|while|in)\b[^,?]{0,160}"
                          r"\b(?:its|their|the)\s+(?:\w+\s+){0,2}\d[\d,]*\b[^,?]{0,80}),\s*(?=how (?:many|much)\s+"
                          r"(?:of (?:them|those|these)\s+)?(?:were|was|are|is|had|have|has|got|became|did)\b|how (?:many|much) of\b)", re.I)


def partitive(part: str) -> bool:
    return bool(_PARTITIVE.search(part) or _WHOLE_FIRST.search(part))


def without_whole(part: str) -> str:
    """"how many of the normative documents were repealed": the words that tell the part (were repealed), without
    the whole it is part of, which the figures of every part share (规范性文件)."""
    if _WHOLE_FIRST.search(part):
        return _WHOLE_FIRST.sub("", part)
    return _WHOLE.sub("", part) if _PARTITIVE.search(part) else part
