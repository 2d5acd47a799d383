"""Reports that mention a term: every report in scope is read, and each cites its first sentence with
the term (the clause around it when the sentence is a paragraph)."""
from __future__ import annotations

from ..models import Coverage
from ..reading.select import scope_reports
from ..render.builder import Builder
from ..render.draft import Draft, Line
from ..render.lists import checked_line, names_line
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
    # the database scans the texts, not this loop; any one group of terms will do
    ids = {m.id for g in groups for m in c.may_mention(reports, g)}
    candidates = [m for m in reports if m.id in ids]
    text, sections = c.reading(m.id for m in candidates)
    b = Builder(c.metas, text, sections)
    found = []
    for m in candidates:
        body = to_simplified(text(m.id))  # 營商環境 is 营商环境; same length, so the quote is cut at these offsets
        group = next((g for g in groups if all(k in body for k in g)), None)
        if group is None:
            continue
        at = _near_all(body, group)
        line_end = body.find("\n", at)  # a sentence ends at a line's end: the rest of the text need not be split
        s, e = next(((s, e) for s, e in sentence_spans(body, max(0, body.rfind("\n", 0, at) + 1),
                                                       len(body) if line_end < 0 else line_end + 1)
                     if s <= at < e), (at, at + 1))
        if e - s > 120:  # cite the clause around the term, not a whole paragraph
            s = max(s, max(body.rfind(ch, s, at) for ch in ",,;;") + 1)
            e = min([e] + [x for x in (body.find(ch, at, e) for ch in ",,;;") if x > 0])
        key = b.cite(m.id, s, e)
        b.lines.append(Line("item", "item.quote", {"who": Who(m, "item"), "quote": text(m.id)[s:e], "cite": Cite((key,))}))
        found.append(m)
    places = [m.place or m.source for m in found]
    named = set(places)  # a set: thousands of reports against thousands of places
    missing = [m for m in reports if (m.place or m.source) not in named]
    terms = " / ".join("、".join(f"“{k}”" for k in g) for g in groups)
    b.lines.insert(0, checked_line(len(reports), len(places), 0, 0, P("what.mention", {"terms": terms})))
    if missing:
        b.lines.append(names_line("not_mentioned_by", missing))
    return b.finish(intent.route, places, Coverage(checked=len(reports), matched=len(places), not_reported=len(missing)))


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
