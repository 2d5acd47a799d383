"""A question off the reports' subject (GDP, population, weather…): "not in the reports" instead of the
nearest figure (协议履行率 98% is no GDP growth)."""
from __future__ import annotations

from ..render.draft import Draft, abstention, reason
from .registry import handler


@handler("off_subject")
def off_subject(intent, ctx) -> Draft:
    return abstention(reason("reason.off_subject", what=intent.what))
