"""Question routing: what kind of answer a question needs and over which reports.

lookup (one report, a figure) · list ("哪些", "which") · count ("几份", "how many reports") ·
compare ("谁更高", "compare", "最高") · open ("做了哪些工作", "what did") · meta (year/issuer of a
report) · outside (a place not in the corpus). Cross-report kinds are answered from every report in
scope, never from top-k retrieval.
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from ..facts.indicators import Indicator, indicator_for_terms
from .analyze import EXCLUDE, Query, strip_exclusions

Route = Literal["lookup", "list", "count", "compare", "open", "meta", "outside"]
Condition = Literal["zero", "max", "min", "gt", "lt"]

_COUNT = re.compile(r"几份|多少份|(?<!哪)几个(?:地区|地方|报告|县|区|市)|多少个(?:地区|地方|报告|县|区|市)|多少(?:地区|报告)|"
                    r"how many\b[^?]{0,30}\b(?:reports?|places|counties|districts|cities|zones)\b|number of reports", re.I)
_COMPARE = re.compile(r"比较|对比|相比|谁的|谁报告的|谁更|哪个更|哪一个更|哪个(?:地区|报告)?.{0,12}(?:更|最)|(?:更|最)(?:高|低|多|少)|"
                      r"\bcompare\b|\bversus\b|\bvs\.?\b|(?:higher|lower|more|fewer|larger|smaller|highest|lowest|most|least)\b", re.I)
_MAX = re.compile(r"最高|最多|最大|highest|most|largest", re.I)
_MIN = re.compile(r"最低|最少|最小|lowest|least|fewest|smallest", re.I)
_MENTION = re.compile(r"提到|提及|谈到|涉及|出现|mention|refer to|talk about|discuss", re.I)
_GT = re.compile(r"(?:达到|达|超过|高于|大于|不低于|以上|at least|above|over|more than|exceed\w*)\s*(\d+(?:\.\d+)?)\s*%?", re.I)
_LT = re.compile(r"(?:低于|少于|小于|不超过|below|under|less than|fewer than)\s*(\d+(?:\.\d+)?)\s*%?", re.I)
_QUOTED = re.compile(r"[“\"「『‘']([^”\"」』’']{2,20})[”\"」』’']")
_BEFORE = re.compile(r"(?:before|earlier than|早于|之前|以前)\s*(20\d{2})|(20\d{2})\s*年?(?:以前|之前)", re.I)
_AFTER = re.compile(r"(?:after|later than|晚于|之后|以后)\s*(20\d{2})|(20\d{2})\s*年?(?:以后|之后)", re.I)
_JUSTICE = re.compile(r"司法局|justice bureau|bureau of justice", re.I)


# totals that a more specific figure of the same family refines ("how many cases did X lose")
_CONTAINERS = {Indicator.litigation_cases, Indicator.reconsideration_received, Indicator.mediation_disputes}


class Plan(BaseModel):
    route: Route
    indicators: list[Indicator] = []
    condition: Condition | None = None
    threshold: float | None = None
    keywords: list[str] = []
    mention: bool = False
    year_before: int | None = None
    year_after: int | None = None
    issuer_like: str | None = None
    exclusions: list[str] = []


def _keywords(q: Query) -> list[str]:
    quoted = _QUOTED.findall(q.question)
    if quoted:
        return quoted
    words = sorted({t for t in q.tokens if len(t) >= 2 and not re.fullmatch(r"[\da-z]+", t)}, key=len, reverse=True)
    head = q.focus[:1] or words[:1]
    extra = [w for w in words if not any(w in h or h in w for h in head)][:1]
    return head + extra


def route(q: Query) -> Plan:
    text = q.question
    asked = strip_exclusions(text)
    if q.lang == "zh":
        indicators = indicator_for_terms(asked)
    else:  # the glossary's Chinese terms first: English phrasing alone hides 败诉 behind "cases"
        indicators = indicator_for_terms(" ".join(q.asked_terms)) or indicator_for_terms(asked)
    families = {i.family for i in indicators if i not in _CONTAINERS}
    indicators = [i for i in indicators if i not in _CONTAINERS or i.family not in families]  # 败诉 of 案件: defeats
    if q.wants_rate and any(i.kind == "rate" for i in indicators):  # "调解成功率" asks the rate, not the count
        indicators = [i for i in indicators if i.kind == "rate"]
    elif q.wants_number and any(i.kind not in ("rate", "claim") for i in indicators):  # "多少件" asks a count
        indicators = [i for i in indicators if i.kind not in ("rate", "claim")]
    if not q.wants_zero and any(i.kind != "claim" for i in indicators):
        indicators = [i for i in indicators if i.kind != "claim"]
    plan = Plan(route="lookup", indicators=indicators, mention=bool(_MENTION.search(text)))
    if q.unknown_places:
        plan.route = "outside"
        return plan
    if m := _BEFORE.search(text):
        plan.year_before = int(m.group(1) or m.group(2))
    if m := _AFTER.search(text):
        plan.year_after = int(m.group(1) or m.group(2))
    if _JUSTICE.search(text) and re.search(r"发布|报送|出具|issued|published|by a", text, re.I):
        plan.issuer_like = "司法局"
    if q.wants_zero:
        plan.condition = "zero"
    elif m := _GT.search(text):
        plan.condition, plan.threshold = "gt", float(m.group(1))
    elif m := _LT.search(text):
        plan.condition, plan.threshold = "lt", float(m.group(1))
    if q.wants_meta and q.names_reports() and not _COUNT.search(text):
        plan.route = "meta"
    elif _COUNT.search(text):
        plan.route = "count"
    elif _COMPARE.search(text) and (len(q.places) >= 2 or _MAX.search(text) or _MIN.search(text)):
        plan.route = "compare"
        plan.condition = plan.condition or ("min" if _MIN.search(text) else "max" if _MAX.search(text) else None)
    elif q.wants_list and not (len(q.places) == 1 and q.wants_open):  # "X存在哪些不足" lists content, not places
        plan.route = "list"
    elif q.wants_open and not (q.wants_number or q.wants_rate):
        plan.route = "open"
    if plan.route in ("list", "count") and (plan.mention or not indicators):
        plan.keywords = _keywords(q)
    plan.exclusions = [m.group(0) for m in EXCLUDE.finditer(text)]
    return plan
