"""Extractive answer text: one line per quoted sentence with its citation, or the fixed abstention."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..ingest.sections import section_at
from ..models import Answer, Citation, ReportMeta
from ..places import english_name
from ..text.spans import title_span
from .analyze import Query
from .citations import looks_like_injection

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
    """The quotes grouped by report, each once and cited; an open question's points first. Verified
    later by the pipeline's verify stage."""
    chosen = distinct(chosen)
    citations = []
    for key, c in enumerate(chosen, 1):
        meta = metas[c.report_id]
        citations.append(Citation(key=key, report_id=meta.id, source=meta.source, title=meta.title, place=meta.place,
                                  year=meta.year, section=section_at(sections(meta.id), c.start), quote=c.quote,
                                  start=c.start, end=c.end))
    lines = []
    for rid in dict.fromkeys(c.report_id for c in chosen):
        keys = [k for k, c in enumerate(chosen, 1) if c.report_id == rid]
        lines += _report_lines(q, metas[rid], [(k, chosen[k - 1].quote) for k in keys])
    return Answer(question=q.question, answer="\n".join(lines), citations=citations, abstained=False)


def _report_lines(q: Query, meta: ReportMeta, quotes: list[tuple[int, str]]) -> list[str]:
    year = f"{meta.year}" if meta.year else ""
    if q.lang == "zh":
        who = f"{meta.place or meta.source}{year + '年度' if year else ''}报告"
    else:
        who = f"The {year + ' ' if year else ''}report of {english_name(meta.place)} ({meta.place or meta.source})"
    if len(quotes) == 1:
        key, quote = quotes[0]
        return [f"{who}写道:“{quote}”[{key}]" if q.lang == "zh" else f"{who} states: “{quote}” [{key}]"]
    if q.wants_open and not (q.wants_number or q.wants_rate):
        points = "；".join(dict.fromkeys(p for _, quote in quotes if (p := lead_clause(quote))))
        head = (f"{who}写到以下相关内容,要点:{points}。" if q.lang == "zh"
                else f"{who} describes the following; the points in its own words: {points}.")
        if not points:
            head = f"{who}写到以下相关内容:" if q.lang == "zh" else f"{who} describes the following:"
    else:  # a figure or a fact: the best quote is the answer's first sentence, the others follow
        (key, quote), quotes = quotes[0], quotes[1:]
        head = f"{who}写道:“{quote}”[{key}]" if q.lang == "zh" else f"{who} states: “{quote}” [{key}]"
    return [head] + [f"- “{quote}”[{key}]" if q.lang == "zh" else f"- “{quote}” [{key}]" for key, quote in quotes]


_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+、|[((][一二三四五六七八九十\d]+[))]|\d+[.、.])")


def lead_clause(quote: str, limit: int = 24) -> str:
    """A passage's point in its own first words: 一是开展矛盾纠纷多元化解 → 开展矛盾纠纷多元化解."""
    first = re.split(r"[,,;;。:]", _ORDINAL.sub("", quote.strip()), maxsplit=1)[0].strip()
    if len(first) > limit or len(first) < 4 or re.search(r"\d", first):
        return ""
    return first


def distinct(chosen: list[Candidate]) -> list[Candidate]:
    """Drop a quote that repeats one already chosen (the same passage, or most of its words), and
    any sentence addressing the reader as a model (report text is data, never an instruction)."""
    out: list[Candidate] = []
    for c in chosen:
        if looks_like_injection(c.quote):
            continue
        grams = _grams(c.quote)
        if any(o.report_id == c.report_id and (o.start <= c.start < o.end or c.start <= o.start < c.end
                                                or _overlap(grams, _grams(o.quote)) > 0.8) for o in out):
            continue
        out.append(c)
    return out


def _grams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


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
