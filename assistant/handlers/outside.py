"""No report is about the places asked: say so and name the nearest reports (same province or city first)."""
from __future__ import annotations

from ..models import ReportMeta
from ..render.draft import Draft, abstention, reason
from ..render.slots import Join, T
from .registry import handler


@handler("outside")
def outside(intent, ctx) -> Draft:
    metas = ctx.corpus.metas
    names = intent.query.unknown_places
    near = closest(names, metas)
    zh = "、".join(f"{m.place}({m.year or '?'})" for m in near)
    en = ", ".join(f"{m.place} ({m.year or '?'})" for m in near)
    return abstention(reason("reason.outside", names=Join(tuple(names), "、", ", "), near=T(zh, en), total=len(metas)))


def closest(names: list[str], metas: dict[str, ReportMeta], limit: int = 5) -> list[ReportMeta]:
    """Reports nearest to places that are not in the corpus: same province or city first."""
    from ..places.resolve import resolve  # the gazetteer loads only when a name is unknown

    wanted = [p for p in (resolve(n) for n in names) if p is not None]

    def shared(m: ReportMeta) -> int:
        full = m.place_full or m.place or ""
        return max((len(_common_prefix(full, p.full or p.written)) for p in wanted), default=0)

    ranked = sorted((m for m in metas.values() if m.place), key=lambda m: (-shared(m), m.place or ""))
    near = [m for m in ranked if shared(m) >= 2]
    return (near or ranked)[:limit]


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
