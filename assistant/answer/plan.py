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
from ..text.glossary import glossary_matches, terms_of
from .analyze import EXCLUDE, NUMBER, RATE, Query, strip_exclusions

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
# a kind of issuing body named in a question about reports (哪些报告是公安局发布的 / issued by a justice bureau)
_BODIES = [(re.compile(r"司法局|司法厅|司法行政|justice (?:bureau|department)|(?:bureau|department) of justice", re.I), "司法局|司法厅"),
           (re.compile(r"公安局|公安厅|公安机关|public security", re.I), "公安局|公安厅"),
           (re.compile(r"人社局|人力资源和社会保障|human resources", re.I), "人社局|人力资源和社会保障"),
           (re.compile(r"街道办事处|sub-?district office", re.I), "街道办事处"),
           (re.compile(r"生态环境局|ecolog\w* (?:and )?environment", re.I), "生态环境局|生态环境厅")]
# the level of the reports a question lists or counts (2022年有哪些县的报告 / how many town reports)
_LEVELS = [(r"(?<![乡村])镇(?!街)|乡镇|\btowns?(?:hips?)?\b", "town"), (r"街道|sub-?districts?", "subdistrict"),
           (r"开发区|经开区|高新区|development zones?", "development_zone"), (r"县(?!级市)|\bcount(?:y|ies)\b", "county"),
           (r"(?<![省市县镇发新园辖城社景])区(?!县)|\bdistricts?\b", "district"), (r"(?<![县])市(?![辖区])|\bcit(?:y|ies)\b", "city"),
           (r"省|自治区|直辖市|\bprovinc\w*", "province"), (r"部门|\bdepartments?\b", "department")]
_ABOUT_REPORTS = re.compile(r"(?:级|一级|层面|政府层面|[-\s]level)|(?:政府)?的?(?:法治政府建设)?(?:年度)?报告(?!了)|\s*reports?\b", re.I)


# totals that a more specific figure of the same family refines ("how many cases did X lose")
_CONTAINERS = {Indicator.litigation_cases, Indicator.reconsideration_received, Indicator.mediation_disputes}


class Plan(BaseModel):
    route: Route
    indicators: list[Indicator] = []
    parts: list[list[Indicator]] = []  # a question asking several figures: the indicators of each part
    condition: Condition | None = None
    threshold: float | None = None
    keywords: list[str] = []
    mention: bool = False
    year_before: int | None = None
    year_after: int | None = None
    issuer_like: str | None = None  # a regex over issuer and title: reports by that kind of body
    levels: list[str] = []  # reports of these levels (province/city/county/district/town/…)
    exclusions: list[str] = []


def _keywords(q: Query) -> list[str]:
    quoted = _QUOTED.findall(q.question)
    if quoted:
        return quoted
    words = sorted({t for t in q.tokens if len(t) >= 2 and not re.fullmatch(r"[\da-z]+", t)}, key=lambda t: (-len(t), q.tokens.index(t)))
    head = q.focus[:1] or words[:1]
    extra = [w for w in words if not any(w in h or h in w for h in head)][:1]
    return head + extra


def _indicators(q: Query, asked: str, whole: bool = False) -> list[Indicator]:
    """The indicators one question (or one part of it) asks for, narrowed by what it asks: a rate,
    a count, a claim."""
    if q.lang == "zh":
        indicators = indicator_for_terms(asked)
    else:  # the glossary's Chinese terms first: English phrasing alone hides 败诉 behind "cases"
        terms = q.asked_terms if whole else terms_of(glossary_matches(asked))
        # the glossary's terms and the English words together: "clean up" is precise where 规范性文件 is not
        indicators = indicator_for_terms(" ".join(terms) + " " + asked) if terms else indicator_for_terms(asked)
    families = {i.family for i in indicators if i not in _CONTAINERS}
    indicators = [i for i in indicators if i not in _CONTAINERS or i.family not in families]  # 败诉 of 案件: defeats
    wants_rate, wants_number = ((q.wants_rate, q.wants_number) if whole
                                else (bool(RATE.search(asked)), bool(NUMBER.search(asked))))
    if wants_rate and any(i.kind == "rate" for i in indicators):  # "调解成功率" asks the rate, not the count
        indicators = [i for i in indicators if i.kind == "rate"]
    elif wants_number and any(i.kind not in ("rate", "claim") for i in indicators):  # "多少件" asks a count
        indicators = [i for i in indicators if i.kind not in ("rate", "claim")]
    if not q.wants_zero and any(i.kind != "claim" for i in indicators):
        indicators = [i for i in indicators if i.kind != "claim"]
    return indicators


# where a question asking several figures splits into its parts (…多少件,败诉率是多少? / … and what was …)
# where a question asking several figures splits into its parts (…多少件,败诉率是多少? / 人大建议和政协提案 /
# legal aid and legal help); a piece only counts as a part if it names an indicator of its own, and
# " and " between capitalised words is part of a name (Economic and Technological Development Zone)
_PART_BREAK = re.compile(r"[,，;；?？、]|以及|并且|和|及|与|\band (?=[a-z])")


def parts_of(q: Query, asked: str) -> list[list[Indicator]]:
    """One indicator list per part of a question that asks several figures; one list when it asks one."""
    pieces = [p for p in _PART_BREAK.split(asked) if p and p.strip()]
    found = [ind for p in pieces if (ind := _indicators(q, p))]
    whole = _indicators(q, asked, whole=True)
    if len(found) < 2 or len({tuple(f) for f in found}) < 2:
        return [whole] if whole else []
    out: list[list[Indicator]] = []
    for ind in found:
        if ind not in out and not any(set(ind) <= set(o) for o in out):
            out.append(ind)
    return out


def route(q: Query) -> Plan:
    text = q.question
    asked = strip_exclusions(text)
    parts = parts_of(q, asked)
    indicators = list(dict.fromkeys(i for p in parts for i in p))
    plan = Plan(route="lookup", indicators=indicators, parts=parts if len(parts) > 1 else [],
                mention=bool(_MENTION.search(text)))
    if q.unknown_places:
        plan.route = "outside"
        return plan
    if m := _BEFORE.search(text):
        plan.year_before = int(m.group(1) or m.group(2))
    if m := _AFTER.search(text):
        plan.year_after = int(m.group(1) or m.group(2))
    plan.issuer_like, plan.levels = _report_filters(asked)
    if q.wants_zero:
        plan.condition = "zero"
    elif m := _GT.search(text):
        plan.condition, plan.threshold = "gt", float(m.group(1))
    elif m := _LT.search(text):
        plan.condition, plan.threshold = "lt", float(m.group(1))
    if q.wants_meta and q.names_reports() and not _COUNT.search(text):
        plan.route = "meta"
    elif _COUNT.search(text) and not (len(q.places) == 1 and not re.search(r"报告|reports?\b", text, re.I)):
        # 贵州省有多少个县开展了… asks a figure of one report; 有几个县报告了… counts reports
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


def _report_filters(asked: str) -> tuple[str | None, list[str]]:
    """Kind of issuing body and levels named in a question about the reports themselves
    (有几份公安局的报告 / 2022年有哪些县的报告 / Which reports come from development zones)."""
    body = next((like for pattern, like in _BODIES if pattern.search(asked)), None)
    if not re.search(r"报告|reports?\b", asked, re.I):
        return body, []
    levels = []
    for pattern, level in _LEVELS:
        for m in re.finditer(pattern, asked, re.I):
            tail = asked[m.end(): m.end() + 16]
            head = asked[max(0, m.start() - 30): m.start()]
            if re.search(r"[\u4e00-\u9fff]$", head) and not re.search(r"[些的个份有和、是及或与级类在为各年]$", head) \
                    or re.search(r"\b[A-Z][a-z]+\s$", head):
                continue  # part of a name: 北京市的报告, Zhejiang province
            if _ABOUT_REPORTS.match(tail) or re.search(r"\breports?\b.{0,20}$", head, re.I):
                levels.append(level)
                break
    return body, levels
