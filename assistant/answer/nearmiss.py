"""Near-misses of open-vocabulary figures: the clause holds a figure, but not of what was asked.

The fact table's indicators have their own checks (reconcile.off_topic, not_reported). Any other
figure is read off a clause whose words overlap the question's, and two shapes recur in these reports
where the overlap misleads: a count of units *recommended or applying* (推荐5家单位参评示范地区) when
the question asks how many *won or were named*, and a figure for *part of the year* (上半年) when the
question asks for the whole year. Both are answered "not stated", with the clause that shows why.
"""
from __future__ import annotations

import re

from ..models import Answer
from ..text.spans import clause_spans, sentence_spans
from .analyze import Query

_OUTCOME_ASKED = re.compile(r"获评|被评为|评为|获得|荣获|命名|授予|入选|获批|认定为|"
                            r"\b(?:won|win|awarded|named|designated|recogni[sz]ed|selected|certified)\b", re.I)
_OUTCOME = re.compile(r"获评|被评为|评为|获得|荣获|命名|授予|入选|获批|认定|成功创建|通过验收|被确定为")
_NOMINATED = re.compile(r"推荐|申报|参评|提名|报送|推选|申请创建")
_PART_YEAR = re.compile(r"上半年|下半年|一季度|第一季度|前三季度|前两个季度|1[-—至~]\d{1,2}月|前\d{1,2}个月|[一二三四]季度")
_WHOLE_YEAR = re.compile(r"全年|整年|全年度|一年来|\b(?:whole|full|entire) year\b|\ball (?:of )?(?:the )?year\b", re.I)
_PART_ASKED = re.compile(r"上半年|下半年|季度|\d{1,2}月|\bfirst half\b|\bsecond half\b|\bquarter\b|\bmonths?\b", re.I)
_A_FIGURE = re.compile(r"\d|[两二三四五六七八九十]+[个家项名次件批]")

TEXTS = {
    "nominated": ("报告只写了推荐、申报或参评的数量,没有写明获评或命名的数量。",
                  "The report states only how many were recommended or applied, not how many won or were named."),
    "part_year": ("报告只给出了部分时段(如上半年)的数字,没有写明全年的数字。",
                  "The report gives the figure only for part of the year (e.g. the first half), not the whole year."),
}


def _figure_clause(quote: str) -> str:
    """The first clause of the quote that holds a figure (years and ordinals aside)."""
    for s, e in clause_spans(quote, 0, len(quote)):
        clause = re.sub(r"(?:19|20)\d{2}\s*年度?|第[一二三四五六七八九十\d]+", " ", quote[s:e])
        if _A_FIGURE.search(clause):
            return quote[s:e]
    return ""


def kind_of_miss(q: Query, quote: str, sentence: str) -> str | None:
    """"nominated" or "part_year" when the quoted figure is that near-miss; `sentence` holds the quote
    (上半年 often opens the sentence: 2021年上半年,全市…共侦办…23起)."""
    clause = _figure_clause(quote)
    if not clause:
        return None
    if _OUTCOME_ASKED.search(q.question) and _NOMINATED.search(clause) and not _OUTCOME.search(clause):
        return "nominated"
    if _WHOLE_YEAR.search(q.question) and not _PART_ASKED.search(q.question.replace("全年", "")) \
            and _PART_YEAR.search(sentence[: sentence.find(quote) + len(quote)] if quote in sentence else quote):
        return "part_year"
    return None


def _sentence(text: str, start: int, end: int) -> str:
    spans = [(s, e) for s, e in sentence_spans(text, 0, len(text)) if s <= start < e]
    return text[spans[0][0]:max(spans[0][1], end)] if spans else text[start:end]


def near_miss(q: Query, answer: Answer, text) -> Answer | None:
    """"Not stated", citing the clause, when every figure cited is one of the near-misses above."""
    if answer.abstained or not answer.citations or not (q.wants_number or q.wants_rate):
        return None
    kinds = {kind_of_miss(q, c.quote, _sentence(text(c.report_id), c.start, c.end)) for c in answer.citations}
    if len(kinds) != 1 or None in kinds:
        return None
    zh, en = TEXTS[kinds.pop()]
    keys = " ".join(f"[{c.key}]" for c in answer.citations)
    return answer.model_copy(update={"answer": f"{zh if q.lang == 'zh' else en} {keys}", "abstained": True})
