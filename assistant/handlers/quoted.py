"""The sentences the answer before cited, quoted whole: "quote the original sentence", 原文怎么说的? after an
answer whose quote was a clause of a longer sentence."""
from __future__ import annotations

from ..reading.sentences import Candidate
from ..render.draft import Draft
from ..render.quotes import compose
from .registry import handler


@handler("quoted")
def quoted(intent, ctx) -> Draft | None:
    c = ctx.corpus
    chosen = []
    for rank, (rid, start, end) in enumerate(dict.fromkeys(intent.query.beside)):
        body = c.text(rid)
        while start < end and body[start].isspace():  # a sentence span may open on the line break before it
            start += 1
        chosen.append(Candidate(rid, start, end, body[start:end].strip(), 1.0, rank))
    return compose(chosen, c.metas, c.sections, points=False, route=intent.route) if chosen else None
