"""'Which year is the X report about, who issued it?': its title and its signature date, cited."""
from __future__ import annotations

import re

from ..reading.sentences import Candidate
from ..render.draft import Draft, abstention
from ..render.quotes import compose
from ..text.spans import title_span
from .registry import handler


@handler("about_report")
def about_report(intent, ctx) -> Draft:
    q, c = intent.query, ctx.corpus
    chosen = []
    for rid, meta in c.metas.items():
        if not q.names_reports() or not q.covers(meta) or not meta.title:
            continue
        text = c.text(rid)
        if span := title_span(text, meta.title):
            chosen.append(Candidate(rid, *span, text[span[0]:span[1]], 1.0, 0))
        last = text.rstrip().rsplit("\n", 1)[-1]
        if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", last):
            start = text.rstrip().rindex(last)
            chosen.append(Candidate(rid, start, start + len(last), last, 1.0, 0))
    if not chosen:
        return abstention(route="meta")
    return compose(chosen, c.metas, c.sections, points=_points(intent), route="meta")


def _points(intent) -> bool:
    return intent.asks.open and not intent.asks.wants_figure()
