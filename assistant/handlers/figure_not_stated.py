"""A Chinese figure question no clause in scope answers: "not stated", never a near-miss figure read by
the sentence reader. (An English question shares no words with the reports: the reader may still find
its clause.)"""
from __future__ import annotations

from ..render.draft import Draft, abstention, reason
from .registry import handler


@handler("figure_not_stated")
def figure_not_stated(intent, ctx) -> Draft | None:
    if intent.indicators or not intent.asks.figure:
        return None
    if intent.query.lang == "en" and not _units_known(intent):
        return None  # "how many X" with X unknown: the passages nearest the question are shown instead
    return abstention(reason("reason.figure_not_stated"))


def _units_known(intent) -> bool:
    """An English question asking a rank or an edition (an ordinal) of named reports: the figure reader read
    every ordinal there, so finding none means the reports do not state it ("位居前列" is no rank). A count's
    unit read from English words is too unsure to say the same."""
    things = intent.things_en
    return bool(things) and all(th.ordinal for th in things) and intent.query.names_reports()
