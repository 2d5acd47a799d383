"""Which reports an answer reads, and which of their facts may answer: the period, part-of-total and
zero-defeat scope rules every fact-backed handler shares."""
from __future__ import annotations

import re
from functools import lru_cache

from ..domain.indicators import Indicator
from ..domain.statements import OTHER_PERIOD, PARTIAL
from ..models import Fact, ReportMeta
from ..places.resolve import resolve
from ..understand.intent import Filters
from ..understand.query import Query


def is_partial(f: Fact, named: list[str]) -> bool:
    """The figure covers a part (涉企, 上半年 …) that the question did not name (`named`)."""
    return any(p in f.scope and p not in named for p in PARTIAL)


def primary(facts: list[Fact]) -> Fact | None:
    """The figure for the reported year: skip plans and sub-periods (上半年/去年), take the last stated."""
    usable = [f for f in facts if not f.planned and not isinstance(f.value, bool)]
    full = [f for f in usable if not any(p in f.scope for p in OTHER_PERIOD)]
    return (full or usable or [None])[-1]


def scope_reports(metas: dict[str, ReportMeta], q: Query, filters: Filters) -> list[ReportMeta]:
    out = []
    for m in metas.values():
        if not q.covers(m):
            continue
        if q.year is not None and m.year != q.year:
            continue
        if filters.year_before is not None and not (m.year is not None and m.year < filters.year_before):
            continue
        if filters.year_after is not None and not (m.year is not None and m.year > filters.year_after):
            continue
        if filters.issuer_like and not re.search(filters.issuer_like, f"{m.issuer or ''}{m.title or ''}"):
            continue
        if filters.levels and not _of_level(m, filters):
            continue
        out.append(m)
    if filters.year_pick and (years := [m.year for m in out if m.year is not None]):
        pick = min(years) if filters.year_pick == "earliest" else max(years)
        out = [m for m in out if m.year == pick]
    if filters.by_year:  # 按年份排一下: by year, the file name within one year
        return sorted(out, key=lambda m: (m.year or 0, m.source), reverse=filters.by_year == "newest")
    return sorted(out, key=lambda m: m.source)


def _of_level(m: ReportMeta, filters: Filters) -> bool:
    """The report is of a level asked; a department's, asked with its kind of body, also by its place's level
    (县级公安局: 习水县公安局 is a county's bureau, and a district's 公安分局 a county-level one)."""
    if m.level in filters.levels:
        return True
    if m.level != "department" or not filters.issuer_like:
        return False
    level = _place_level(m.place_full or m.place)
    return level in filters.levels or (level == "district" and "county" in filters.levels)


@lru_cache(maxsize=4096)
def _place_level(name: str | None) -> str | None:
    """A place's level in the gazetteer, once per name (a count over thousands of departments' reports)."""
    place = resolve(name)
    return place.level if place else None


def zero_matches(f: Fact, domain: str | None) -> bool:
    """A zero-defeat claim in the scope asked: after reconsideration, in litigation, in reconsideration."""
    if f.indicator != Indicator.zero_defeat:
        return False
    if domain == "after":
        return "复议后" in f.scope
    if domain == "litigation":
        return "复议后" not in f.scope
    if domain == "reconsideration":
        return "复议" in f.scope or "被申请人" in f.scope
    return True


def meets(f: Fact, condition: str | None, threshold: float | None) -> bool:
    """A stated (not planned) fact, above/below the threshold when one is asked."""
    if f.planned:
        return False
    if condition == "gt" and threshold is not None:
        return not isinstance(f.value, bool) and f.value >= threshold
    if condition == "lt" and threshold is not None:
        return not isinstance(f.value, bool) and f.value < threshold
    return True
