"""Only places named ("介绍临海市", "compare Linhai and Pingluo" without a figure table): each named
report's opening sentence."""
from __future__ import annotations

from ..reading.sentences import opening
from ..render.draft import Draft, abstention
from ..render.quotes import compose
from .registry import handler


@handler("overview")
def overview(intent, ctx) -> Draft | None:
    if not intent.asks.overview:
        return None
    c = ctx.corpus
    chosen = opening(intent.query, c.metas, ctx.texts_of(intent.query), c.sections)
    if not chosen:
        return abstention()
    return compose(chosen, c.metas, c.sections, points=intent.asks.open and not intent.asks.wants_figure())
