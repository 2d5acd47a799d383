"""Reports that mention a term: every report in scope is checked (by the database where it can be sure),
and the first `answer.list_quote_limit` of them, in scope order (file name), each cite their first sentence
with the term (the clause around it when the sentence is a paragraph); the rest are counted, not quoted."""
from __future__ import annotations

import re

from ..models import Coverage
from ..reading.select import scope_reports
from ..render.builder import Builder
from ..render.draft import Draft, Line
from ..render.lists import checked_line, more_line, names_line, quoted_first
from ..render.slots import P, Cite, Who
from ..text.spans import sentence_spans
from ..text.script import to_simplified
from .registry import handler


@handler("keyword_scan")
def keyword_scan(intent, ctx) -> Draft | None:
    if not intent.keywords:
        return None
    c = ctx.corpus
    reports = scope_reports(c.metas, intent.query, intent.filters)
    groups = [intent.keywords, *intent.alternatives]
    found = _mentioning(c, reports, groups)
    if (apart := _written_apart(intent.keywords)) and (more := _mentioning(c, reports, [apart], near=True)):
        groups.append(apart)  # 旁听庭审 also as 旁听…案件庭审 or 庭审旁听
        ids = {m.id for m in found + more}  # ids: thousands of reports
        found = [m for m in reports if m.id in ids]
    quoted = quoted_first(found, ctx.tuning.list_quote_limit)
    text, sections = c.reading(m.id for m in quoted)  # only the quoted reports are read here
    b = Builder(c.metas, text, sections)
    for m in quoted:
        body = to_simplified(text(m.id))  # 營商環境 is 营商环境; same length, so the quote is cut at these offsets
        s, e = _passage(body, next(g for g in groups if all(k in body for k in g)))
        key = b.cite(m.id, s, e)
        b.lines.append(Line("item", "item.quote", {"who": Who(m, "item"), "quote": text(m.id)[s:e], "cite": Cite((key,))}))
    places = [m.place or m.source for m in found]
    named = set(places)  # a set: thousands of reports against thousands of places
    missing = [m for m in reports if (m.place or m.source) not in named]
    terms = " / ".join("、".join(f"“{k}”" for k in g) for g in groups)
    what = P("what.mention", {"terms": terms})
    b.lines.insert(0, checked_line(len(reports), len(places), 0, 0, what))
    if len(quoted) < len(found):
        b.lines.append(more_line(len(found), len(quoted), what))
    if missing:
        b.lines.append(names_line("not_mentioned_by", missing))
    return b.finish(intent.route, places, Coverage(checked=len(reports), matched=len(places), not_reported=len(missing),
                                                   quoted=len(quoted) if len(quoted) < len(found) else None))


def _written_apart(keywords: list[str]) -> list[str] | None:
    """A four-character term's two words, when it is the only term: reports write them apart or turned round."""
    return [keywords[0][:2], keywords[0][2:]] if len(keywords) == 1 and re.fullmatch(r"[\u4e00-\u9fff]{4}", keywords[0]) else None


def _mentioning(c, reports, groups: list[list[str]], near: bool = False) -> list:
    """The reports in scope holding every term of some group, in scope order: exact. The database scans the
    texts and is sure of the `plain` ones; only the others are read and checked here. `near`: the terms within a
    few characters of each other, in either order."""
    sure, unsure = set(), set()
    for g in groups:
        for rid, exact in c.mention_check(reports, g).items():
            (sure if exact and not near else unsure).add(rid)
    unsure -= sure
    text, _ = c.reading(m.id for m in reports if m.id in unsure)
    for m in reports:
        if m.id in unsure:
            body = to_simplified(text(m.id))
            if any(_close(body, g) if near else all(k in body for k in g) for g in groups):
                sure.add(m.id)
    return [m for m in reports if m.id in sure]


def _close(body: str, pair: list[str]) -> bool:
    """Two words within _APART characters of each other, either first."""
    a, b = map(re.escape, pair)
    return re.search(rf"{a}[^。;;\n]{{0,{_APART}}}?{b}|{b}[^。;;\n]{{0,{_APART}}}?{a}", body) is not None


_APART = 8  # characters between the two words of one term written apart (旁听行政诉讼案件庭审)


def _passage(body: str, group: list[str]) -> tuple[int, int]:
    """The sentence (or, in a long one, the clause) holding the group's terms together, else the first term."""
    at = _near_all(body, group)
    line_end = body.find("\n", at)  # a sentence ends at a line's end: the rest of the text need not be split
    s, e = next(((s, e) for s, e in sentence_spans(body, max(0, body.rfind("\n", 0, at) + 1),
                                                   len(body) if line_end < 0 else line_end + 1)
                 if s <= at < e), (at, at + 1))
    if e - s > _LIST_QUOTE:  # a list quotes the clause around the term, not a whole sentence about more
        cs = max(s, max(body.rfind(ch, s, at) for ch in ",,;;") + 1)
        ce = min([e] + [x for x in (body.find(ch, at, e) for ch in ",,;;") if x > 0])
        if ce - cs >= 10 or e - s > 120:
            s, e = cs, ce
    return s, e


_LIST_QUOTE = 40  # characters: a list line quotes no more than it needs


def _near_all(body: str, keywords: list[str]) -> int:
    """Offset of the first keyword occurrence that has the other keywords in the same sentence, if any."""
    first = keywords[0]
    pos = body.find(first)
    while pos >= 0:
        s = max(body.rfind(ch, 0, pos) for ch in "。\n;;") + 1
        e = min([x for x in (body.find(ch, pos) for ch in "。\n;;") if x >= 0] or [len(body)])
        if all(k in body[s:e] for k in keywords):
            return pos
        pos = body.find(first, pos + 1)
    return body.find(first)
