"""The question names places the place filter leaves out: answering for the filter's places would answer
another question."""
from __future__ import annotations

from ..render.draft import Draft, abstention, reason
from ..render.slots import Join
from .registry import handler


@handler("filtered_out")
def filtered_out(intent, ctx) -> Draft:
    q = intent.query
    named, kept = Join(tuple(q.outside_filter), "、", "、"), Join(tuple(q.places), "、", "、")
    return abstention(reason("reason.filtered_out", named=named, kept=kept))
