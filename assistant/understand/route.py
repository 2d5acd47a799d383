"""Question → Intent, the one place routes are decided: outside or filtered places, no report, then the
shape of the answer (about the report, list, count, compare, lookup, open) and what each shape needs.

The rules read top to bottom; each later stage only looks at the intent's fields."""
from __future__ import annotations

import re

from ..domain import aspects, cues
from ..domain.indicators import families_named
from ..domain.levels import LEVEL_WORDS
from ..models import ReportMeta
from ..places.resolve import resolve
from ..text.script import to_simplified
from .asks import asks_of
from .intent import (AboutReport, AspectList, ClaimList, Compare, FigureList, FilteredOut, Filters, Intent, Lookup, MentionList,
                     NoReport, OffSubject, Open, Outside, Overview, PerReport, Quoted, ReportList, Unclear)
from .followup import dangling
from .parts import indicators_of, fitting_units, indicator_parts, partitive, things_en, things_zh, without_whole
from .query import Query, strip_exclusions
from .scope import alternatives, keywords, mention_groups_en, narrow, off_subject, places_under, report_filters, scope_year


def understand(q: Query, metas: dict[str, ReportMeta], text, has_chunks: bool, explicit_year: bool) -> Intent:
    q, unplaced = narrow(q, metas, text)
    asks = asks_of(q)
    base = {"query": q, "asks": asks, "unplaced": unplaced}
    if q.quote and q.beside:  # "quote the original sentence": what the answer before cited, whole
        return Quoted(**base)
    if dangling(q):  # answering over every report would quote places nobody asked about
        return Unclear(**base)
    if q.unknown_places:
        return Outside(**base)
    if q.outside_filter:  # answering for the filter's places would answer another question
        return FilteredOut(**base)
    scoped = scope_year(q, metas, explicit_year, asks.plan)
    if scoped is None and not explicit_year and _bounded(q.question):  # "reports before 2021": no 2021 report needed
        scoped = q.model_copy(update={"year": None})
    if scoped is None or not has_chunks:
        return NoReport(**base)
    return _shape(scoped, metas, text, base | {"query": scoped})


def _shape(q: Query, metas: dict[str, ReportMeta], text, base: dict) -> Intent:
    asks, question = base["asks"], q.question
    asked = strip_exclusions(question)
    parts = indicator_parts(q, asks, asked)
    indicators = list(dict.fromkeys(i for p in parts for i in p))
    before, after = _bound(cues.BEFORE, cues.UNTIL, 1, question), _bound(cues.AFTER, cues.SINCE, -1, question)
    issuer_like, levels = report_filters(asked)
    base |= {"indicators": indicators,
             "filters": Filters(year_before=before, year_after=after, issuer_like=issuer_like, levels=levels,
                                year_pick=_year_pick(question), by_year=_by_year(question))}
    over_all = base | ({"query": q.model_copy(update={"year": None})} if before or after else {})
    condition, threshold = _condition(question, asks.zero)
    count = bool(cues.COUNT.search(question))
    if (about := _about(question, asks)) and q.names_reports() and not count and not cues.WHICH_REPORTS.search(question):
        return AboutReport(**over_all, aspects=about)
    if base["filters"].year_pick:  # 哪份报告最早? / which is the latest report from Zhejiang?
        return _listing(q, over_all, count, condition, threshold, metas, text)
    # one place named and no reports counted: a figure of its report (贵州省有多少个县…,述法 "reports" are no reports)
    one_report = len(q.places) == 1 and not (cues.REPORTS_WORD.search(question) and cues.REPORTS_COUNTED.search(question))
    if count and not one_report:
        # 贵州省有多少个县开展了… asks a figure of one report; 有几个县报告了… counts reports
        return _listing(q, over_all, True, condition, threshold, metas, text)
    # 排第几 / where did it rank: the rank a report states, not reports compared
    if cues.COMPARE.search(question) and not cues.ORDINAL.search(question) \
            and (len(q.places) >= 2 or cues.MAX.search(question) or cues.MIN.search(question)):
        condition = condition or ("min" if cues.MIN.search(question) else "max" if cues.MAX.search(question) else None)
        return Compare(**over_all, condition=condition, families=sorted(families_named(question)))
    # "X存在哪些不足" lists content, not places; 重庆的报告有哪些 lists reports
    one_asked = len(q.places) == 1 and (asks.open or cues.WHICH_CONTENT.search(question))  # which village (in its text)
    if asks.listing and not (one_asked and not cues.WHICH_REPORTS.search(question)):
        return _listing(q, over_all, False, condition, threshold, metas, text)
    opened = asks.open and not (asks.number or asks.rate)
    if what := off_subject(question, [text(rid) for rid, m in metas.items() if q.in_scope(m)]):
        return OffSubject(**base, what=what)
    if asks.overview:
        return Overview(**base)
    if opened:
        return Open(**base)
    en_things = things_en(question) if q.lang == "en" else []
    # events asked, cases counted: not this indicator ("by what percentage did the caseload change" asks a change of it)
    if en_things and not asks.change and (kept := fitting_units(indicators, en_things)) != indicators:
        parts = [p2 for p in parts if (p2 := [i for i in p if i in kept])]
        base |= {"indicators": kept}
    things = things_zh(asked)  # what "不算…" leaves out is no part asked
    if _all_bare(q, asks, things):  # 清理的那批文件,废止了多少件,限期修改多少件: figures within the indicator's
        base |= {"indicators": []}
        parts = []
    return Lookup(**base, parts=parts if len(parts) > 1 else [], things=things, things_en=en_things,
                  uncovered=_uncovered(q, asks, things) if base["indicators"] else [])


def _all_bare(q: Query, asks, things: list) -> bool:
    """The indicator named only as the whole the figures asked are part of: in the subject several parts
    share and none of them names (清理的那批文件,废止了多少件,限期修改多少件), or in "how many of the documents
    Sanya cleaned up were repealed". Each part asks a figure within it, not its total."""
    if q.lang == "en":
        return partitive(q.question) and not indicators_of(q, asks, without_whole(q.question))
    return len(things) >= 2 and not any(indicators_of(q, asks, th.text.rsplit(",", 1)[-1]) for th in things)


def _uncovered(q: Query, asks, things: list) -> list:
    """The parts of a several-figure question that name no indicator, when others do: the fact table answers
    those, the figure reader these."""
    if q.lang != "zh" or len(things) < 2:
        return []
    bare = [th for th in things if not indicators_of(q, asks, th.text.rsplit(",", 1)[-1])]
    return bare if len(bare) < len(things) else []


def _by_year(question: str):
    """"oldest" / "newest" first when the question asks the reports in the order of their years."""
    if not cues.BY_YEAR.search(question):
        return None
    return "newest" if cues.NEWEST_FIRST.search(question) else "oldest"


def _year_pick(question: str):
    """"earliest" / "latest" when the question picks reports by their year (其中最早的是哪一份?)."""
    if not cues.WHICH_REPORT.search(question):
        return None
    return "earliest" if cues.EARLIEST.search(question) else "latest" if cues.LATEST.search(question) else None


def _about(question: str, asks) -> list[str]:
    """Aspects of the report itself a question asks; a figure question keeps its figure (在常务会议上学法几次)."""
    found = [a.name for a in aspects.asked(question)]
    figure = asks.number or asks.rate
    return [a for a in found if not figure or a in ("doc_number", "recipient", "issuer", "published", "written", "contact", "period", "basis", "signer")]


def _listing(q: Query, base: dict, count: bool, condition, threshold, metas: dict[str, ReportMeta], text) -> Intent:
    """Which reports (or how many) — by metadata, by a claim, by a mention, by a figure, or as a table."""
    q = places_under(base["query"], metas)  # "which reports come from Chongqing": its districts, towns and bureaus
    base = base | {"query": q}
    filters, indicators, question = base["filters"], base["indicators"], q.question
    bodies = [to_simplified(text(rid)) for rid, m in metas.items() if q.in_scope(m)]
    words = keywords(q, bodies) if (cues.MENTION.search(question) or not indicators) else []
    asks_figure = indicators and (base["asks"].number or base["asks"].rate)  # 哪些报告给出了纠错率: a figure list
    stated = [a.name for a in aspects.asked(question) if a.stated is not None]
    if filters.levels and set(stated) <= _WHO_WROTE:  # "reports published by departments": who wrote them is the filter
        stated = []
    if not asks_figure and stated:  # 哪几份报告是在人大常委会会议上作的
        # a level word there qualifies the statement (sent to a provincial government), not the reports
        words = aspects.qualifiers_en(question) if q.lang == "en" and not re.search(r"[\u4e00-\u9fff]", question) else words
        return AspectList(**base | {"filters": filters.model_copy(update={"levels": []})}, count=count, aspects=stated,
                          keywords=words)
    # 来自新疆、广西这几个自治区的报告: the places are where the reports come from, not what they mention
    topic = [w for w in words if not _level_word(w) and (cues.MENTION.search(question) or not _region(w))]
    if filters.levels and cues.MENTION.search(question) and topic:  # 哪些市级报告提到了法律顾问: a mention among them
        return MentionList(**base, count=count, keywords=topic)
    if filters.issuer_like or (filters.levels and not indicators and condition is None):
        return ReportList(**base, count=count)
    if condition == "zero":  # zero-defeat claims live in the fact table, with their scopes
        return ClaimList(**base, count=count)
    if cues.MENTION.search(question) and words:
        if groups := alternatives(q, bodies):  # 旁听庭审或行政应诉旁听: each side its own terms
            return MentionList(**base, count=count, keywords=groups[0], alternatives=groups[1:])
        return MentionList(**base, count=count, keywords=words)
    if cues.MENTION.search(question) and q.lang == "en" and (groups := mention_groups_en(q, bodies)):
        return MentionList(**base, count=count, keywords=groups[0], alternatives=groups[1:])  # "mention legal advisers"
    families = families_named(question)
    if not count and base["asks"].per_report and condition is None and (indicators or families):
        return PerReport(**base, families=sorted(families))
    if indicators:
        return FigureList(**base, count=count, condition=condition, threshold=threshold)
    if filters.year_before or filters.year_after or base["query"].year or not topic:
        return ReportList(**base, count=count)  # "列出所有报告", "2023年有哪些报告"
    return MentionList(**base, count=count, keywords=words)


_WHO_WROTE = {"source", "issuer"}


def _region(word: str) -> bool:
    """A province, city or county name (内蒙古, 广西): a place, not a topic; a town's name may be a topic (枫桥)."""
    place = resolve(word)
    return place is not None and place.level in ("province", "city", "county", "district")


def _level_word(word: str) -> bool:
    """市级, 县, 本级: a word naming a level (a filter on the reports), not a topic they mention."""
    rest = word
    ordered = sorted(LEVEL_WORDS, key=lambda pl: pl[1] != "province")  # 自治区 whole, before 区 is taken
    for pattern, _ in ordered * 2:  # 区县, 乡镇街道: levels joined (县 taken, then 区)
        rest = re.sub(pattern, "", rest, flags=re.I)
    return bool(cues.FIGURE_SCOPE.fullmatch(word)) or rest in ("", "级", "一级")


def _condition(question: str, zero: bool) -> tuple[str | None, float | None]:
    if zero:
        return "zero", None
    if m := cues.GT.search(question):
        return "gt", float(m.group(1))
    if m := cues.LT.search(question):
        return "lt", float(m.group(1))
    return None, None


def _year(pattern, question: str) -> int | None:
    m = pattern.search(question)
    return int(next(g for g in m.groups() if g)) if m else None


def _bounded(question: str) -> bool:
    return any(p.search(question) for p in (cues.BEFORE, cues.AFTER, cues.SINCE, cues.UNTIL))


def _bound(strict, inclusive, step: int, question: str) -> int | None:
    """The year bound of a list, strict (before 2022) or with the year itself (2022 or earlier: before 2023)."""
    if (year := _year(inclusive, question)) is not None:
        return year + step
    return _year(strict, question)
