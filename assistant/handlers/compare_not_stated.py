"""A comparison of a figure no report in scope states or even names: "not stated" for each, never the
passages nearest an English question (another rate of the same reports is no answer)."""
from __future__ import annotations

import re

from ..reading.select import scope_reports
from ..render.builder import Builder
from ..render.draft import Draft
from ..render.sentences import missing_line
from ..text.script import to_simplified
from .registry import handler


@handler("compare_not_stated")
def compare_not_stated(intent, ctx) -> Draft | None:
    c = ctx.corpus
    reports = scope_reports(c.metas, intent.query, intent.filters)
    if not intent.indicators or len(reports) < 2 or not (intent.asks.number or intent.asks.rate):
        return None
    # the fact table may miss a figure a report writes its own way: only when no report names the indicator
    # at all is it certainly not stated
    names = [re.compile(p) for i in intent.indicators for p in i.patterns if re.search(r"[\u4e00-\u9fff]", p)]
    if any(n.search(to_simplified(c.text(m.id))) for m in reports for n in names):
        return None
    b = Builder(c.metas, c.text, c.sections)
    b.lines += [missing_line(intent.indicators[:1], m, intent.asks.target) for m in reports]
    return b.finish(intent.route, coverage=None, abstained=True)
