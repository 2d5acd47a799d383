"""Questions about a report itself (who issued it, which year it covers, its document number, whom it was sent
to, the meeting it was delivered at, its dates, the other names of its author): each aspect asked, per report
in scope, answered with the line of the report that states it, or "not stated"."""
from __future__ import annotations

import re
from typing import NamedTuple

from ..domain.aspects import ASPECTS, WHEN_EN, WHEN_ZH, Aspect
from ..models import Citation, ReportMeta
from ..reading.figures import content, grams
from ..render.draft import Draft, Line, abstention
from ..render.slots import Cite, T, Who
from ..text.sections import section_at
from ..text.spans import title_span
from .registry import handler

_BY_NAME = {a.name: a for a in ASPECTS}
_HEAD = 4000  # where a report states what it is: title, 文号, addressee, publication line, opening


@handler("about_report")
def about_report(intent, ctx) -> Draft:
    q, c = intent.query, ctx.corpus
    lines, citations = [], []
    for rid, meta in c.metas.items():
        if not q.names_reports() or not q.in_scope(meta):
            continue
        text = c.text(rid)
        for aspect in [_BY_NAME[n] for n in intent.aspects] or [_BY_NAME["year"], _BY_NAME["issuer"]]:
            aliases = c.places.aliases_of(meta.place) if meta.place else set()
            found, phrase = _shown(aspect, meta, text, _named(q, aspect, aliases))
            if found is None:
                lines.append(Line("not_stated", "about.not_stated", {"who": Who(meta), "what": T(*aspect.label)}))
                continue
            if aspect.name == "session" and _ASKS_DAY.search(q.question) and (day := _iso_day(found.value)):
                found, phrase = found._replace(value=day), "about.session_day"  # 哪天作的: the day of the meeting
            value, start, end = found.value, found.start, found.end
            key = len(citations) + 1
            citations.append(Citation(key=key, report_id=rid, source=meta.source, title=meta.title, place=meta.place,
                                      year=meta.year, section=section_at(c.sections(rid), start),
                                      quote=text[start:end], start=start, end=end))
            lines.append(Line("lead", phrase, {"who": Who(meta), "value": value, "what": T(*aspect.label),
                                               "cite": Cite((key,))}))
            lines.append(Line("evidence", "evidence", {"cite": Cite((key,)), "quote": text[start:end]}))
    if not citations:
        return abstention(*lines, route="meta")
    return Draft(lines=lines, citations=citations, route="meta")


_ASKS_DAY = re.compile(rf"{WHEN_ZH}|\b(?:{WHEN_EN})\b", re.I)


def _iso_day(line: str) -> str | None:
    """2024年5月28日在市六届人大常委会第九次会议上 → 2024-05-28."""
    m = re.search(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日", line)
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


# an aspect a report does not state, and the one its page shows instead (said as such)
_FALLBACK = {"issuer": "source"}


def _shown(aspect: Aspect, meta: ReportMeta, text: str, named: set[str]) -> tuple[Shown | None, str]:
    """Where the report shows the aspect and the phrase that says it: its own value, a name it merely mentions, or
    (no issuer named) the page's 来源 line, said as such."""
    if (found := stated(aspect, meta, text, named)) is not None:
        return found, f"about.{aspect.name}" if found.own else "about.named"
    if (instead := _FALLBACK.get(aspect.name)) and (found := stated(_BY_NAME[instead], meta, text)) is not None:
        return found._replace(own=False), f"about.{aspect.name}_by_{instead}"
    return None, ""


def _named(q, aspect: Aspect, names: set[str]) -> set[str]:
    """What the question says beyond the aspect and the report's place (the document whose 文号 is asked), as
    character pairs of its Chinese words (an English question: its glossary terms)."""
    said = aspect.asked.sub(" ", _REPORT_WORDS.sub(" ", q.question))
    return grams(content(said, names)) | {g for t in q.zh_terms for g in grams(t)}


_REPORT_WORDS = re.compile(r"(?:法治政府建设)?(?:年度)?(?:情况|工作)?报告|文件")


class Shown(NamedTuple):
    value: str
    start: int  # the quoted line
    end: int
    own: bool  # the report's own (its 文号), not one the question's words picked (a notice's 文号 it names)


def stated(aspect: Aspect, meta: ReportMeta, text: str, named: set[str] = frozenset()) -> Shown | None:
    """One aspect as one report shows it, or None when it does not. `named`: the question's own words; an
    occurrence they stand by is taken over the report's own (the 文号 of the 调整名单 the question names)."""
    if aspect.stated is not None:
        # a number in brackets after a book title (根据《…规定》(厅字〔2019〕28号)) is the cited document's, not the report's
        own = next((m for m in aspect.stated.finditer(text[:_HEAD]) if not re.search(r"》\s*[(（]?\s*$", text[:m.start()])), None)
        m = _by_words(list(aspect.stated.finditer(text)), text, named) or own
        if not m:
            return None
        return Shown(_value(m), *_line_around(text, m.start(), m.end()), own is not None and _value(own) == _value(m))
    value = {"issuer": meta.issuer, "year": meta.year, "published": meta.date_published,
             "written": meta.date_written}[aspect.name]
    if value is None:
        return None
    span = _where_shown(aspect.name, str(value), meta, text)
    return Shown(str(value), *span, True) if span else None


def _value(m: re.Match) -> str:
    value = next((g for g in m.groups() if g), None) if m.re.groups else None
    return (value or m.group()).strip()


def _by_words(found: list[re.Match], text: str, named: set[str]) -> re.Match | None:
    """The occurrence whose words before it share most with the question (two pairs at least), else None."""
    scored = [(len(named & grams(text[max(0, m.start() - 80):m.start()])), -m.start(), m) for m in found]
    best = max(scored, key=lambda s: s[:2], default=None)
    return best[2] if best and best[0] >= 2 else None


def _where_shown(name: str, value: str, meta: ReportMeta, text: str) -> tuple[int, int] | None:
    """The span that shows a metadata value: the title, else the first line naming it (a date in any of its
    written forms: 2023-03-27, 2023年3月27日, 2023/03/27)."""
    if name in ("issuer", "year") and (span := title_span(text, meta.title)) and value in text[span[0]:span[1]]:
        return span
    if name in ("published", "written"):
        y, m, d = (int(x) for x in value.split("-"))
        pattern = rf"{y}\s*[-年/.]\s*0?{m}\s*[-月/.]\s*0?{d}"
    elif name == "issuer":  # 鞍山市数据局(市营商环境建设局…) is written 市数据局(…) or 数据局 in its own report
        bare = re.sub(r"[(（][^)）]*[)）]", "", value)
        forms = [value, bare] + [f.removeprefix(p) for f in (value, bare) for p in (meta.place, meta.place_full) if p]
        pattern = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True) if len(f) >= 3)
    else:
        pattern = re.escape(value) + ("年" if name == "year" else "")
    found = [x for x in re.finditer(pattern, text)]
    if not found:
        return None
    pick = found[-1] if name == "written" else found[0]  # a signature date closes the report
    return _line_around(text, pick.start(), pick.end())


def _line_around(text: str, start: int, end: int, most: int = 160) -> tuple[int, int]:
    """The line (or sentence, when the line is long) around a match, so the quote reads on its own."""
    left = max(text.rfind("\n", 0, start) + 1, start - most)
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    if right - left > 2 * most:
        stops = [i for i in (text.rfind("。", left, start), text.rfind(",", left, start)) if i >= 0]
        left = max(stops) + 1 if stops else left
        stop = text.find("。", end, right)
        right = min(stop + 1 if stop >= 0 else right, end + most)
    return left, right
