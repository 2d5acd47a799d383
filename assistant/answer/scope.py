"""Which reports a question is about, beyond the places metadata recognised.

A metadata miss must never hide a report whose text answers: a name the question uses that is no
corpus place is looked for in every report's title, issuer, file name and opening lines; failing
that, reports whose place is unknown stay candidates (flagged in the answer). A department the
question names (司法局, 公安局) narrows a place to that department's reports.
"""
from __future__ import annotations

import re

from ..models import ReportMeta
from ..places.names import core
from .analyze import Query

_OPENING = 400
_DEPT_KINDS = re.compile(r"(司法局|司法厅|公安局|公安厅|人社局|人力资源和社会保障局|生态环境局|交通运输厅|交通运输局|"
                         r"市场监督管理局|市场监管局|财政局|自然资源局|教育局|卫生健康委员会|卫健委|民政局|税务局|[\u4e00-\u9fff]{2,4}局)")


def _names(name: str) -> list[str]:
    short = core(name)
    return [n for n in {name, short} if len(n) >= 2]


def reports_naming(names: list[str], metas: dict[str, ReportMeta], text) -> list[str]:
    """Reports whose title, issuer, full place, file name or opening lines name one of `names`."""
    out = []
    for rid, m in metas.items():
        hay = " ".join(filter(None, (m.title, m.issuer, m.place_full, m.source, text(rid)[:_OPENING])))
        if any(n in hay for name in names for n in _names(name)):
            out.append(rid)
    return out


def unplaced(q: Query, metas: dict[str, ReportMeta]) -> list[str]:
    """Reports with no recognised place that may be the place asked: same year (the question must
    name one) and a level that fits (a report calling itself 我区 can be 老边区, not 赵县)."""
    from ..places.resolve import resolve

    if q.year is None:
        return []
    levels = {p.level for p in (resolve(n) for n in q.unknown_places) if p is not None}
    return [rid for rid, m in metas.items()
            if m.place is None and m.year == q.year and m.level is not None and m.level in levels]


def department_reports(q: Query, metas: dict[str, ReportMeta]) -> list[str] | None:
    """The named place's reports by the department the question names (四川省司法厅 vs 四川省人民政府)."""
    kinds = {m.group() for m in _DEPT_KINDS.finditer(q.question)}
    if not kinds or not q.places:
        return None
    ids = [rid for rid, m in metas.items() if m.place in q.places and m.issuer
           and any(k in m.issuer or (m.department and (k in m.department or m.department in k)) for k in kinds)]
    return ids or None


def closest(names: list[str], metas: dict[str, ReportMeta], limit: int = 5) -> list[ReportMeta]:
    """Reports nearest to places that are not in the corpus: same province or city first."""
    from ..places.resolve import resolve

    wanted = [p for p in (resolve(n) for n in names) if p is not None]

    def shared(m: ReportMeta) -> int:
        full = m.place_full or m.place or ""
        return max((len(_common_prefix(full, p.full or p.written)) for p in wanted), default=0)

    ranked = sorted((m for m in metas.values() if m.place), key=lambda m: (-shared(m), m.place or ""))
    near = [m for m in ranked if shared(m) >= 2]
    return (near or ranked)[:limit]


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
