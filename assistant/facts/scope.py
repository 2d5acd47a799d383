"""Which reports and which figures a cross-report answer may use: scope, period, part-of-total, zero scope."""
from __future__ import annotations

import re

from ..answer.analyze import Query
from ..answer.plan import Plan
from ..models import ReportMeta
from .extract import Fact
from .indicators import Indicator as I

_OTHER_PERIOD = ("上半年", "去年", "上年", "同期")
_PARTIAL = ("涉企", "上半年", "去年", "上年", "立案前", "上级交办", "其中", "疑难")  # a part, not the whole


def is_partial(f: Fact, question: str) -> bool:
    """The figure covers a part (涉企, 上半年 …) that the question did not ask about."""
    return any(p in f.scope and p not in question for p in _PARTIAL)


def primary(facts: list[Fact]) -> Fact | None:
    """The figure for the reported year: skip plans and sub-periods (上半年/去年), take the last stated."""
    usable = [f for f in facts if not f.planned and not isinstance(f.value, bool)]
    full = [f for f in usable if not any(p in f.scope for p in _OTHER_PERIOD)]
    return (full or usable or [None])[-1]


def scope_reports(metas: dict[str, ReportMeta], q: Query, plan: Plan) -> list[ReportMeta]:
    out = []
    for m in metas.values():
        if not q.covers(m):
            continue
        if q.year is not None and m.year != q.year:
            continue
        if plan.year_before is not None and not (m.year is not None and m.year < plan.year_before):
            continue
        if plan.year_after is not None and not (m.year is not None and m.year > plan.year_after):
            continue
        if plan.issuer_like and not re.search(plan.issuer_like, f"{m.issuer or ''}{m.title or ''}"):
            continue
        if plan.levels and m.level not in plan.levels:
            continue
        out.append(m)
    return sorted(out, key=lambda m: m.source)


def zero_domain(question: str) -> str | None:
    if re.search(r"复议后|after (?:administrative )?reconsideration|taken to court after", question, re.I):
        return "after"
    litig = re.search(r"诉讼|应诉|litigation|lawsuit|court|sued", question, re.I)
    recon = re.search(r"复议|reconsideration", question, re.I)
    if litig and not recon:
        return "litigation"
    if recon and not litig:
        return "reconsideration"
    return None


def zero_matches(f: Fact, domain: str | None) -> bool:
    if f.indicator != I.zero_defeat:
        return False
    if domain == "after":
        return "复议后" in f.scope
    if domain == "litigation":
        return "复议后" not in f.scope
    if domain == "reconsideration":
        return "复议" in f.scope or "被申请人" in f.scope
    return True


def fact_ok(f: Fact, plan: Plan) -> bool:
    if f.planned:
        return False
    if plan.condition == "gt" and plan.threshold is not None:
        return not isinstance(f.value, bool) and f.value >= plan.threshold
    if plan.condition == "lt" and plan.threshold is not None:
        return not isinstance(f.value, bool) and f.value < plan.threshold
    return True
