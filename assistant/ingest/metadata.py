"""Report metadata (place, issuer, level, year, dates) from every signal a report gives, each kept with
where it came from: title lines, the opening sentence, 来源 lines, the signature, how the report refers
to itself (我区/全县), and the file name as a last resort.

Anything not stated stays None: a wrong year or place silently misroutes every filter later.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..models import ReportMeta
from ..domain.levels import SELF_LEVEL
from ..places import resolve as places
from ..places.names import leading_place, without_own_level
from ..text.script import to_simplified
from . import signals
from .cleaning import header_line

_OPENING_CHARS = 700  # title and first paragraphs: where a report names itself
_SELF_CHARS = 3000


def report_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _opening(cleaned: str, title: str | None) -> str:
    body = cleaned[len(title):] if title and cleaned.startswith(title) else cleaned
    lines = body.lstrip("\n").split("\n")
    while lines and header_line(lines[0]):  # the document number and publication line are no opening
        lines.pop(0)
    return "\n".join(lines)[:_OPENING_CHARS]


def _is_department(org: str | None) -> bool:
    return bool(org and signals.ORG.search(org) and not signals.GOVERNMENT.search(org))


def _place_in(org: str | None, context: str) -> places.Place | None:
    """The place an organisation's name starts with (镇海区司法局 → 镇海区), resolved in the gazetteer."""
    if not org:
        return None
    written = leading_place(org)
    place = places.resolve(written, context) if written else None
    if place is None:
        found = places.mentions(org, context)
        place = found[0][2] if found and found[0][0] == 0 else None
    return place


def _from_mentions(text: str, context: str, levels: tuple[str, ...] | None) -> places.Place | None:
    """The first place the opening names at the level the report calls itself (我区 → a district);
    with no such name, the ancestor at that level of the first place named (全省 + 驻马店市 → 河南省)."""
    found = [p for _, _, p in places.mentions(text, context)]
    if not found:
        return None
    if levels is None:
        return found[0]
    for p in found:
        if p.level in levels:
            return p
    for p in found:
        for parent in reversed(places.gz.parents(p.division) if p.division else []):
            if parent.level in levels:
                return places.Place(parent.name, places.gz.full_name(parent), parent.level, parent)
    return None


def _inner_place(org: str | None) -> places.Place | None:
    """A unit named inside its body's name that the gazetteer does not list (重庆市公安局渝北区分局 → 重庆市渝北区):
    its parent place is the body's leading place, so it is not filed under the parent."""
    inner = signals.inner_unit(org)
    if not inner:
        return None
    parent = leading_place(org) or ""
    return places.unlisted(inner if inner.startswith(parent) else parent + inner)


def _self_named_level(org: str | None) -> tuple[str, ...] | None:
    """市人社局 / 区司法局 / 省政府 name their own level, not their place."""
    if org and org[0] in SELF_LEVEL and not leading_place(org) and signals.ORG.search(org):
        return SELF_LEVEL[org[0]]
    return None


def _official(place: places.Place, where: str) -> places.Place:
    """A place found by a short mention (江苏) or in a file name is written with its official name."""
    d = place.division
    if d is not None and (where == "file name" or not place.written.endswith(d.name[-1])):
        return places.Place(d.name, place.full, place.level, d)
    return place


def _expand_self_named(org: str | None, place: places.Place | None) -> str | None:
    """市人社局 in a report about 天津市 is 天津市人社局; an org that names its place is kept as written."""
    if not org or not place or leading_place(org):
        return org
    if org[0] in "省市县区镇乡" and place.written.endswith(org[0]):
        return place.written + org[1:]
    return org


def extract_meta(raw: str, cleaned: str, title: str | None, source: str) -> ReportMeta:
    """Metadata of one cleaned report; a traditional-character page is read in simplified characters."""
    report = report_id(cleaned)
    written_title = title
    raw, cleaned, title = to_simplified(raw), to_simplified(cleaned), to_simplified(title) if title else None
    opening = _opening(cleaned, title)
    title_place, title_issuer = signals.title_parts(title) if title else (None, None)
    subject = signals.opening_subject(opening)
    levels = _self_named_level(subject) or _self_named_level(title_issuer) or places.self_level(cleaned[:_SELF_CHARS])
    context = f"{title or ''}\n{opening}\n{Path(source).stem}"
    found: dict[str, str] = {}
    place, found["place"] = _first([
        ("title", lambda: places.resolve(title_place, context)), ("title", lambda: _inner_place(title_issuer)),
        ("title", lambda: _place_in(title_issuer, context)),
        ("opening sentence", lambda: _place_in(subject, context)),
        ("opening", lambda: _from_mentions(f"{title or ''}\n{opening}", context, levels)),
        ("title", lambda: places.unlisted(title_place)),
        ("signature", lambda: _place_in(signals.signature(cleaned), context)),
        ("来源 line", lambda: _place_in(signals.source_org(raw), context)),
        ("file name", lambda: _from_mentions(Path(source).stem, context, levels))])
    place = _official(place, found["place"]) if place else None
    publisher = signals.source_org(raw)
    issuer, found["issuer"] = _first([
        ("title", lambda: title_issuer),
        ("opening sentence", lambda: subject if subject and signals.ORG.search(subject) else None),
        ("signature", lambda: signals.signature(cleaned)),
        ("来源 line", lambda: publisher if not _is_department(publisher) else None),  # a publisher, not always the author
        ("page header", lambda: signals.stamped_org(raw))])
    issuer = _expand_self_named(issuer, place)
    year, found["year"] = _first([("title", lambda: signals.title_year(title)),
                                  ("opening", lambda: signals.opening_year(opening)),
                                  ("file name", lambda: _file_year(source))])
    written, published = signals.dates(raw, cleaned)
    level = "department" if _is_department(issuer) else (place.level if place else (levels[0] if levels else None))
    return ReportMeta(
        id=report, source=source, title=written_title, place=place.written if place else None,
        place_full=place.full if place else None, issuer=issuer, level=level,
        department=_department(issuer, place) if level == "department" else None, year=year,
        date_written=written, date_published=published, chars=len(cleaned),
        source_url=source if source.startswith(("http://", "https://")) else signals.page_url(raw),
        provenance={k: v for k, v in found.items() if v}, warnings=_warnings(title, place, year, found),
    )


def _first(readers):
    """(value, where) of the first signal that states something, in order of trust; (None, "") if none."""
    for where, read in readers:
        if (value := read()) is not None:
            return value, where
    return None, ""


def _file_year(source: str) -> int | None:
    years = re.findall(r"(?<!\d)(20\d{2})(?!\d)", Path(source).stem)
    return int(years[-1]) if len(set(years)) == 1 else None


def _department(issuer: str | None, place: places.Place | None) -> str | None:
    """The department's own name without its place: 镇海区司法局 → 司法局, 昌吉州教育局 → 教育局."""
    if not issuer:
        return None
    prefix = leading_place(issuer) or (place.written if place and issuer.startswith(place.written) else "")
    return without_own_level(issuer[len(prefix):] or issuer, place.written if place else None)


def _warnings(title, place, year, found) -> list[str]:
    out = []
    if not title:
        out.append("no report title recognised")
    if year is None:
        out.append("reported year not stated; year filter will not match this report")
    if place is None:
        out.append("no place recognised")
    for key in ("place", "year"):
        if found.get(key) == "file name":
            out.append(f"{key} read from the file name only")
    return out
