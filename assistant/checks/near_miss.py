"""Near misses of a lookup: the clause holds a figure, but not of what was asked.

Shapes that recur in these reports where the overlap of words misleads: a count of units *recommended
or applying* (推荐5家单位参评示范地区), or of works *made* (制作普法作品13部), when the question asks how many
*won or were named*; a figure for *part of the year* (上半年) when the question asks for the whole year; a
figure of the same work without the restriction the question puts on it (handled *online*), or of a sentence
that never names the Chinese term an English question gives in brackets (挂案). Each is
answered "not stated", with the clause that shows why.
"""
from __future__ import annotations

import re

from ..domain.asked import widened
from ..domain.quantity import parse_zh, unit_kinds
from ..domain.statements import NOMINATED, OUTCOME, PART_YEAR, RESTRICTIONS
from ..render.draft import Draft, Line
from ..text.script import to_simplified
from ..render.slots import Cite
from ..text.spans import clause_spans, sentence_around

_A_FIGURE = re.compile(r"\d|[两二三四五六七八九十]+[个家项名次件批]")


def near_miss(draft: Draft, intent, ctx) -> Draft:
    """"Not stated", citing the clause, when every figure cited is one of the near misses."""
    if intent.kind != "lookup" or draft.abstained or not draft.citations or not intent.asks.wants_figure():
        return draft
    if draft.made_by == "sentence_reader" and not any(_of_kind(c.quote, intent) for c in draft.citations):
        # passages quoted for a figure question, none holding a figure of the kind asked (a rate, people…)
        line = Line("not_stated", "near_miss.no_figure", {"cites": Cite(tuple(c.key for c in draft.citations), " ")})
        return draft.but(lines=[line], abstained=True)
    text = ctx.corpus.text
    sentences = [_sentence(text(c.report_id), c.start, c.end) for c in draft.citations]
    kinds = {kind_of_miss(intent.asks, c.quote, s) for c, s in zip(draft.citations, sentences)}
    if len(kinds) != 1 or None in kinds:
        return draft
    slots = {"cites": Cite(tuple(c.key for c in draft.citations), " ")}
    if (kind := kinds.pop()) == "term":
        slots["term"] = next(t for t in intent.asks.named_terms
                             if not any(t in _plain(_statement(s, c.quote)) for c, s in zip(draft.citations, sentences)))
    return draft.but(lines=[Line("not_stated", f"near_miss.{kind}", slots)], abstained=True)


def _of_kind(quote: str, intent) -> bool:
    """Whether a quote can answer a figure question: a rate for a rate; for a count of a distinct kind (cases,
    people, person-times), a figure of that kind or its nearest, or a plain item count (篇次 for items): never
    12场次 of training for penalty cases; for a count of things, any figure (作出4次批示: 4 instructions)."""
    found = parse_zh(to_simplified(quote))
    if intent.asks.rate and not intent.asks.number:
        return any(q.unit in ("%", "％", "‰", "个百分点", "百分点") for q in found) or "率" in quote
    things = getattr(intent, "things_en", None) or getattr(intent, "things", None) or []
    if not things or any(th.units is None or th.ordinal for th in things):
        return bool(found)
    if unit_kinds(u for th in things for u in th.units) & {"items", "count"}:
        return bool(found)  # things named in English (instructions: 条/项) are often counted in 次
    kinds = unit_kinds(u for th in things for u in widened(th.units) or th.units)
    return any(q.kind in kinds | {"items", "count", "none"} for q in found)


def _figure_clause(quote: str) -> str:
    """The first clause of the quote that holds a figure (years and ordinals aside)."""
    for s, e in clause_spans(quote, 0, len(quote)):
        clause = re.sub(r"(?:19|20)\d{2}\s*年度?|第[一二三四五六七八九十\d]+", " ", quote[s:e])
        if _A_FIGURE.search(clause):
            return quote[s:e]
    return ""


def kind_of_miss(asks, quote: str, sentence: str) -> str | None:
    """"nominated" or "part_year" when the quoted figure is that near miss; `sentence` holds the quote
    (上半年 often opens the sentence: 2021年上半年,全市…共侦办…23起)."""
    clause = _figure_clause(quote)
    if not clause:
        return None
    upto = sentence[: sentence.find(quote) + len(quote)] if quote in sentence else quote
    if asks.outcome and NOMINATED.search(clause) and not OUTCOME.search(clause):
        return "nominated"
    if asks.outcome and not OUTCOME.search(upto) and not NOMINATED.search(upto):
        return "not_outcome"
    if asks.whole_year and PART_YEAR.search(upto):
        return "part_year"
    if any(term not in _plain(_statement(sentence, quote)) for term in asks.named_terms):
        return "term"  # the figure of a sentence that never names the thing the asker named in Chinese
    return next((name for name in asks.restrictions if not RESTRICTIONS[name][1].search(upto)), None)


def _statement(sentence: str, quote: str) -> str:
    """What a quoted figure's sentence says of it: from the clause of the figure before it (a sentence often
    runs on: …“挂案”5起,2021年上半年…侦办…23起,涉案总金额达2841万元) to the quote's end."""
    at = sentence.find(quote)
    if at < 0:
        return quote
    digits = [m.start() for m in re.finditer(r"\d", sentence[:at])]
    start = max(sentence.rfind(c, 0, digits[-1]) for c in ",，;；") + 1 if digits else 0
    return sentence[start:at + len(quote)]


def _plain(statement: str) -> str:
    """A statement as the asker would type its words: 无差别“综窗” reads as 无差别综窗."""
    return re.sub(r"[“”\"'‘’「」『』]", "", to_simplified(statement))


def _sentence(text: str, start: int, end: int) -> str:
    return text[slice(*sentence_around(text, start, end))]
