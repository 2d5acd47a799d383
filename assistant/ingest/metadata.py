"""Report metadata (place, issuer, level, year, dates) read from the title and page furniture.

Anything not stated stays None: a wrong year or place silently misroutes every filter later.
"""
from __future__ import annotations

import hashlib
import re

from ..models import ReportMeta
from ..places.names import leading_place, level_of

_ISSUER = re.compile(r"(局|委员会|办公室|厅|中心|院|委|办|人民政府|政府|办事处|管委会|党工委)$")
def report_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def place_and_issuer(title: str) -> tuple[str | None, str | None]:
    """Read place and issuer from titles like 临海市司法局关于2020年度… or 平罗县2023年度…."""
    head, _, tail = title.partition("关于")
    if tail:
        tail = re.sub(r"^(上报|报送|印发|呈报)", "", tail)
        place = leading_place(tail)
        issuer_written = head.strip() or None
        if place is None and issuer_written:
            place = leading_place(issuer_written.split()[-1])
        return place, issuer_written
    before_year = re.split(r"\d{4}|法治|依法", title, maxsplit=1)[0].strip()
    place = leading_place(before_year)
    issuer = before_year if place and before_year != place and _ISSUER.search(before_year) else None
    return place, issuer


def _iso(y: str, m: str, d: str) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def dates(raw: str, cleaned: str) -> tuple[str | None, str | None]:
    written = None
    tail_lines = cleaned.strip().split("\n")[-4:]
    for line in reversed(tail_lines):
        if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", line.strip()):
            written = _iso(*m.groups())
            break
    if written is None and (m := re.search(r"成文日期\s*[::]\s*(\d{4})-(\d{1,2})-(\d{1,2})", raw)):
        written = _iso(*m.groups())
    published = None
    if m := re.search(r"(?:发布日期|发布时间|(?<!成文)日期)\s*[::]\s*(\d{4})-(\d{1,2})-(\d{1,2})", raw):
        published = _iso(*m.groups())
    return written, published


def reported_year(title: str | None, cleaned: str) -> int | None:
    if title and (m := re.search(r"(20\d{2}|19\d{2})\s*年", title)):
        return int(m.group(1))
    for line in cleaned.split("\n")[:6]:
        if m := re.match(r"(20\d{2})年[,,、]", line):
            return int(m.group(1))
    return None


_ORG = re.compile(r"(局|委员会|人民政府|政府|办公室|管委会|党工委)$")


def _signature(cleaned: str) -> str | None:
    """The issuing body signed above the closing date (临海市司法局 / 2021年2月28日)."""
    lines = [line.strip() for line in cleaned.strip().split("\n")]
    for i in range(len(lines) - 1, max(len(lines) - 4, 0), -1):
        if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", lines[i]) and i > 0:
            cand = lines[i - 1]
            return cand if len(cand) <= 40 and "。" not in cand and _ORG.search(cand.split()[-1]) else None
    return None


def _source_org(raw: str) -> str | None:
    m = re.search(r"(?:来源|发布机构|发布单位)\s*[::]\s*([\u4e00-\u9fff()()]{3,30})", raw)
    return m.group(1) if m and _ORG.search(re.sub(r"[((].*", "", m.group(1))) else None


def _fallback_place(cleaned: str, candidates: list[str | None]) -> str | None:
    """Place from the opening sentence ("2023年,江山市司法局…") or the issuing body's name."""
    for line in cleaned.split("\n")[:6]:
        if m := re.match(r"\d{4}年(?:度)?[,,]\s*(?:在[^,,]{0,20}[,,])?", line):
            if place := leading_place(line[m.end():]):
                return place
    for org in candidates:
        if org and (place := leading_place(org)):
            return place
    return None


def extract_meta(raw: str, cleaned: str, title: str | None, source: str) -> ReportMeta:
    place, issuer = place_and_issuer(title) if title else (None, None)
    if issuer is None:
        issuer = _signature(cleaned) or _source_org(raw)
        if issuer and not leading_place(issuer):
            issuer = None  # "市司法局(市行政复议局)" names no place: not usable as written
    if place is None:
        place = _fallback_place(cleaned, [issuer, _signature(cleaned), _source_org(raw)])
    written, published = dates(raw, cleaned)
    year = reported_year(title, cleaned)
    warnings = []
    if not title:
        warnings.append("no report title recognised; title/place/issuer unknown")
    if year is None:
        warnings.append("reported year not stated; year filter will not match this report")
    if title and not place:
        warnings.append("no place name recognised in the title")
    return ReportMeta(
        id=report_id(cleaned), source=source, title=title, place=place, issuer=issuer,
        level=level_of(place, issuer), year=year, date_written=written, date_published=published,
        chars=len(cleaned), warnings=warnings,
    )
