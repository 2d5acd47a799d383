"""Reconcile the read answer with the fact table: one step after reading, before verification.

The sentence reader and the fact table see the same report differently. For a figure question the
fact table decides when they disagree: it fills in a figure the reader missed (or quoted only as a
target), and it turns a near-miss (only other figures, only a part of the total, or no sentence
naming the asked indicator) into "not reported" instead of a wrong number.
"""
from __future__ import annotations

import re

from ..facts.lookup import lookup
from ..facts.extract import Fact
from ..facts.indicators import mentions
from ..facts.scope import is_partial
from ..models import Answer
from ..places import english_name
from .analyze import Query
from .citations import numbers_in
from .plan import Plan


def reconcile(q: Query, plan: Plan, answer: Answer, metas, facts: list[Fact], text, sections) -> Answer:
    """The answer a lookup should give once the fact table has been consulted (other routes unchanged)."""
    if plan.route != "lookup":
        return answer
    if answer.abstained and (q.wants_number or q.wants_rate):
        # the sentence search found nothing: the fact table may still hold the figure
        answer = lookup(q, plan, metas, facts, text, sections) or answer
    return (missed_fact(q, plan, metas, facts, answer, text, sections)
            or not_reported(q, plan, metas, facts, answer)
            or off_topic(q, plan, metas, facts, answer) or answer)


_TOTAL = re.compile(r"全市|全区|全县|全年|总共|总计|合计|共|总数|in total|overall|total|altogether", re.I)


def off_topic(q: Query, plan: Plan, metas, facts: list[Fact], answer: Answer) -> Answer | None:
    """A figure question whose cited sentences never name the asked indicator, or whose only
    figures for it cover a part (涉企, 上半年) when the total was asked: nothing answers it."""
    if answer.abstained or not plan.indicators or not (q.wants_number or q.wants_rate) or q.wants_open:
        return None
    asked_facts = [f for f in facts if f.indicator in plan.indicators]
    named = [c for c in answer.citations if any(mentions(c.quote, i) for i in plan.indicators)
             or any(f.report_id == c.report_id and f.start < c.end and c.start < f.end for f in asked_facts)]
    rids = {c.report_id for c in answer.citations}
    partial_only = False
    if len(rids) == 1 and _TOTAL.search(q.question):
        mine = [f for f in facts if f.report_id in rids and f.indicator in plan.indicators and not f.planned]
        partial_only = bool(mine) and all(is_partial(f, q.question) for f in mine)
    if named and not partial_only:
        return None
    label = "、".join((i.label_zh if q.lang == "zh" else i.name_en) for i in plan.indicators[:2])
    if partial_only:
        text = (f"报告只给出了{label}的部分口径数字,没有给出总数。" if q.lang == "zh"
                else f"The report gives {label} only for a part (see the quote), not the total.")
        keys = " ".join(f"[{c.key}]" for c in answer.citations if any(mentions(c.quote, i) for i in plan.indicators))
        cits = [c for c in answer.citations if f"[{c.key}]" in keys]
        return Answer(question=q.question, answer=f"{text} {keys}".strip(), citations=cits, abstained=True,
                      route="lookup")
    text = (f"在范围内的报告中没有找到{label}。" if q.lang == "zh"
            else f"No report in scope states {label}.")
    return Answer(question=q.question, answer=text, citations=[], abstained=True, route="lookup")


def missed_fact(q: Query, plan: Plan, metas, facts: list[Fact], answer: Answer, text, sections) -> Answer | None:
    """The sentence search quoted no stated (unplanned) figure of the asked indicator although the fact
    table has one for that report (e.g. it quoted a target): answer from the fact table instead."""
    if answer.abstained or not plan.indicators or not (q.wants_number or q.wants_rate) or q.wants_open:
        return None
    rids = {c.report_id for c in answer.citations}
    asked = [f for f in facts if f.report_id in rids and f.indicator in plan.indicators[:2] and not f.planned]
    if not asked or len(rids) != 1:
        return None
    if any(f.start < c.end and c.start < f.end for f in asked for c in answer.citations):
        return None
    scoped = q.model_copy(update={"places": [metas[next(iter(rids))].place]})
    return lookup(scoped, plan, metas, facts, text, sections)


def not_reported(q: Query, plan: Plan, metas, facts: list[Fact], answer: Answer) -> Answer | None:
    """A figure asked of one report that states only other figures: say it is not reported.

    The extractive step found a sentence with numbers, but every number there is a fact of another
    indicator (a count when a rate was asked, 办结 when 收到 was asked) — a near-miss, not an answer."""
    if answer.abstained or not plan.indicators or not answer.citations:
        return None
    rids = {c.report_id for c in answer.citations}
    if len(rids) != 1 or not (q.wants_number or q.wants_rate):
        return None
    rid = rids.pop()
    mine = [f for f in facts if f.report_id == rid]
    if any(f.indicator in plan.indicators for f in mine):
        return None
    cited_numbers = set().union(*(numbers_in(c.quote) for c in answer.citations)) - {str(metas[rid].year)}
    explained = set().union(*(numbers_in(f.value_text) for f in mine)) if mine else set()
    if not cited_numbers or not cited_numbers <= explained:
        return None
    label = "、".join((i.label_zh if q.lang == "zh" else i.name_en) for i in plan.indicators[:2])
    place = metas[rid].place or metas[rid].source
    text = (f"{place}的报告没有给出{label}。报告中相关但不同的数字见引文。" if q.lang == "zh"
            else f"The {english_name(metas[rid].place)} ({place}) report does not state {label}; "
                 f"the cited passage gives related but different figures.")
    keys = " ".join(f"[{c.key}]" for c in answer.citations)
    return answer.model_copy(update={"answer": f"{text} {keys}", "abstained": True, "route": "lookup"})
