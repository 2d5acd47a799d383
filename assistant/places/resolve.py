"""Written place names → gazetteer places with a full hierarchical name and a level.

Development zones (北京经济技术开发区, 宁河经济开发区) are not administrative divisions: they are
recognised by their suffix and hang under the division their name starts with.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.levels import NOT_A_ZONE, SELF_LEVEL, SELF_UNIT, ZONE_SUFFIX
from . import gazetteer as gz

_ZONE = re.compile(rf"(?P<prefix>[\u4e00-\u9fff]{{2,8}}?)(?P<kind>{ZONE_SUFFIX})")
# the unit a report calls itself ("我区", "全县", "本市"): tells its level when no name does
_SELF = re.compile(SELF_UNIT)


@dataclass(frozen=True)
class Place:
    written: str  # as the text writes it: 城中区, 长沙市天心区坡子街街道
    full: str | None  # 青海省西宁市城中区; a zone: its division's full name + its own; None: not in the gazetteer
    level: str  # province | city | county | district | town | subdistrict | development_zone
    division: gz.Division | None = None  # None for a zone

    @property
    def names(self) -> set[str]:
        """Every name a user may use for it: as written, full, and each ancestor-free form."""
        out = {self.written, self.full or ""}
        if self.division is not None:
            out.add(self.division.name)
        return {n for n in out if n}


def _zone(written: str, context: str) -> Place | None:
    """宁河经济开发区 → 天津市宁河区宁河经济开发区: a zone hangs under the division its name starts with.
    Leading words that are no place (2024年宁河…) are dropped from the written name."""
    m = _ZONE.fullmatch(written)
    if not m:
        return None
    prefix = m.group("prefix")
    for k in range(len(prefix) - 1):
        head = prefix[k:]
        found = gz.find_in(head)
        parent = found[-1][2] if found and found[0][0] == 0 and found[-1][1] == len(head) else None
        parent = parent or _pick(gz.candidates(head) or gz.lookup(head), context)
        if parent is not None:
            return Place(written[k:], gz.full_name(parent) + written[k:], "development_zone", None)
    return None


def _pick(options: list[gz.Division], context: str) -> gz.Division | None:
    """The candidate whose ancestors the context names (城中区 + 西宁 → 西宁市城中区), else the first."""
    if not options:
        return None
    if len(options) == 1:
        return options[0]
    named = {d.code for _, _, d in gz.find_in(context)} if context else set()

    def support(d: gz.Division) -> int:
        return sum(p.code in named or p.name in context or (len(p.name) > 2 and p.name[:-1] in context)
                   for p in gz.parents(d))
    return max(options, key=support)


def resolve(written: str | None, context: str = "") -> Place | None:
    """A written name (full, short or a chain of units) as a gazetteer place, or a zone under one."""
    if not written:
        return None
    zone = _zone(written, context)
    if zone is not None:
        return zone
    found = gz.find_in(written)
    if found and found[-1][1] == len(written):
        d = found[-1][2]
        if len(found) == 1:
            d = _pick(gz.candidates(written[found[-1][0]:]), context) or d
        return Place(written, gz.full_name(d), d.level, d)
    d = _pick(gz.lookup(written), context)
    return Place(written, gz.full_name(d), d.level, d) if d else None


def mentions(text: str, context: str = "") -> list[tuple[int, int, Place]]:
    """Places named in `text`, in text order: zones with their full written name, divisions as
    written (a chain like 长沙市天心区坡子街街道 is one mention of its last unit)."""
    out: list[tuple[int, int, Place]] = []
    zones = []
    for m in _ZONE.finditer(text):
        place = _zone(m.group(), context or text)
        if place is not None:
            zones.append((m.end() - len(place.written), m.end(), place))
    spans = [(s, e, d) for s, e, d in gz.find_in(text) if not any(zs <= s < ze for zs, ze, _ in zones)]
    i = 0
    while i < len(spans):
        s, e, d = spans[i]
        chained = False
        while i + 1 < len(spans) and spans[i + 1][0] == e and d.code in {p.code for p in gz.parents(spans[i + 1][2])}:
            i += 1
            e, d, chained = spans[i][1], spans[i][2], True  # a chain of units names its last one
        if not chained and len(gz.candidates(text[s:e])) > 1:  # 城中区 alone: the context decides which
            d = _pick(gz.candidates(text[s:e]), context or text) or d
        out.append((s, e, Place(text[s:e], gz.full_name(d), d.level, d)))
        i += 1
    return sorted(out + zones, key=lambda t: t[0])


def self_level(text: str) -> tuple[str, ...] | None:
    """Levels the report's own unit can have, from how it refers to itself (我区, 全县…), or None."""
    counts: dict[str, int] = {}
    for m in _SELF.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    if not counts:
        return None
    return SELF_LEVEL[max(counts, key=counts.get)]


def unlisted(written: str | None) -> Place | None:
    """A well-formed place name the gazetteer does not list (a new or renamed unit, a typo on the page):
    kept as written, its level read from its suffix, with no full name."""
    from .names import level_of

    if not written or written in NOT_A_ZONE:
        return None
    level = level_of(written, None)
    return Place(written, None, level, None) if level else None


