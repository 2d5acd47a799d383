"""No report matches the place and year asked."""
from __future__ import annotations

from ..render.draft import Draft, abstention, reason
from .registry import handler


@handler("no_report")
def no_report(intent, ctx) -> Draft:
    return abstention(reason("reason.no_report"))
