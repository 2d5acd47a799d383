"""Lines of answers over every report in scope: the count of reports checked, one item per report, and
who does not report it."""
from __future__ import annotations

from ..models import Fact, ReportMeta
from .builder import Builder
from .draft import Line
from .sentences import name
from ..places.names import english_name
from .slots import P, Cite, Join, T, Who, who_zh


def checked_line(checked: int, matched: int, related: int, missing: int, what) -> Line:
    """检查了N份报告:M份…(,K份只报告了相近但不同的情况)(,J份未报告)。"""
    return Line("summary", "checked", {
        "checked": checked, "matched": matched, "what": what,
        "related": P("checked.related", {"n": related}) if related else "",
        "missing": P("checked.missing", {"n": missing}) if missing else P("checked.end")})


def quoted_first(items: list, limit: int) -> list:
    """The items an answer quotes: the first `limit` in the answer's order (0: all). The count of the
    rest is stated by `more_line`, so an answer over thousands of reports stays one screen and < 1 s."""
    return items if limit <= 0 or len(items) <= limit else items[:limit]


def more_line(matched: int, quoted: int, what) -> Line:
    """另有N份报告也…,此处只引用了前M份。… / N more reports also …; only the first M are quoted here. …"""
    return Line("summary", "more", {"n": matched - quoted, "shown": quoted, "what": what})


def names_line(key: str, reports: list[ReportMeta]) -> Line:
    """未报告:A、B。 / Not reported: A、B. (names as the reports write them)"""
    return Line("summary", key, {"names": T("、".join(who_zh(m) for m in reports),
                                            ", ".join(_en(m) for m in reports))})


def _en(m: ReportMeta) -> str:
    if not m.place:
        return who_zh(m)
    return english_name(m.place) + (f" ({who_zh(m)})" if m.department else "")


def fact_item(b: Builder, f: Fact, start: int, end: int, scope_differs: bool = False) -> Line:
    """- 平罗县(2023):行政诉讼败诉率为21.6%。原文:“…”[1] — a claim is its own sentence, quoted once."""
    key = b.cite(f.report_id, start, end)
    quote = b.text(f.report_id)[start:end]
    slots = {"who": Who(b.metas[f.report_id], "item"), "note": P("note.scope_differs") if scope_differs else "",
             "name": name(f.indicator), "quote": quote, "cite": Cite((key,))}
    if isinstance(f.value, bool):
        return Line("item", "item.claim", slots, scope_differs)
    scope = T(f"({f.scope})" if f.scope else "", f" (scope: {f.scope})" if f.scope else "")
    return Line("item", "item.value", slots | {"scope": scope, "value": f.value_text}, scope_differs)


def indicator_names(inds) -> Join:
    return Join(tuple(name(i) for i in inds[:3]), "/", "/")

