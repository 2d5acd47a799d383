"""A Chinese figure question no clause in scope answers: "not stated", never a near-miss figure read by
the sentence reader. (An English question shares no words with the reports: the reader may still find
its clause.)"""
from __future__ import annotations

from ..render.draft import Draft, abstention, reason
from .registry import handler


@handler("figure_not_stated")
def figure_not_stated(intent, ctx) -> Draft | None:
    if intent.indicators or not intent.asks.figure or intent.lang != "zh":
        return None
    return abstention(reason("reason.figure_not_stated"))
