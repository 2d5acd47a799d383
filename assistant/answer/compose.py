"""Extractive answer text: one line per quoted sentence with its citation, or the fixed abstention."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..ingest.sections import section_at
from ..models import Answer, Citation, ReportMeta
from ..places import english_name
from ..text.spans import title_span
from .analyze import Query

NOT_FOUND = {
    "zh": "在已收录的报告中没有找到能回答这个问题的内容。",
    "en": "The reports in the corpus do not contain an answer to this question.",
}



@dataclass
class Candidate:
    report_id: str
    start: int
    end: int
    quote: str
    score: float
    rank: int


def abstain(q: Query, reason_zh: str | None = None, reason_en: str | None = None) -> Answer:
    reason = reason_zh if q.lang == "zh" else reason_en
    text = NOT_FOUND[q.lang] + (f"\n{reason}" if reason else "")
    return Answer(question=q.question, answer=text, citations=[], abstained=True)


def compose(q: Query, chosen: list[Candidate], metas: dict[str, ReportMeta], sections) -> Answer:
    """One line per quote, each citing it; verified later by the pipeline's verify stage."""
    citations, lines = [], []
    for key, c in enumerate(chosen, 1):
        meta = metas[c.report_id]
        citations.append(Citation(key=key, report_id=meta.id, source=meta.source, title=meta.title, place=meta.place,
                                  year=meta.year, section=section_at(sections(meta.id), c.start), quote=c.quote,
                                  start=c.start, end=c.end))
        year = f"{meta.year}" if meta.year else ""
        if q.lang == "zh":
            who = f"{meta.place or meta.source}{year + '年度' if year else ''}报告"
            lines.append(f"{who}写道:“{c.quote}”[{key}]")
        else:
            who = f"The {year + ' ' if year else ''}report of {english_name(meta.place)} ({meta.place or meta.source})"
            lines.append(f"{who} states: “{c.quote}” [{key}]")
    return Answer(question=q.question, answer="\n".join(lines), citations=citations, abstained=False)


def about_report(q: Query, metas: dict[str, ReportMeta], texts: dict[str, str], sections) -> Answer:
    """'Which year is the X report about, who issued it?': cite its title and its signature date."""
    chosen = []
    for rid, meta in metas.items():
        if not q.names_reports() or not q.covers(meta) or not meta.title:
            continue
        text = texts[rid]
        if span := title_span(text, meta.title):
            chosen.append(Candidate(rid, *span, text[span[0]:span[1]], 1.0, 0))
        last = text.rstrip().rsplit("\n", 1)[-1]
        if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", last):
            start = text.rstrip().rindex(last)
            chosen.append(Candidate(rid, start, start + len(last), last, 1.0, 0))
    return compose(q, chosen, metas, sections) if chosen else abstain(q)
