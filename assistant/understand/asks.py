"""What a question asks beyond its places and year, read once from its words: a figure or a rate, a
target, the change, a rank, a part of the whole, the whole year… Later stages read these fields, never
the question's wording."""
from __future__ import annotations

import re

from pydantic import BaseModel

from ..domain import cues
from ..domain.statements import PARTIAL, RESTRICTIONS
from .query import Query, strip_exclusions


class Asks(BaseModel):
    number: bool = False  # a count (多少 / how many)
    rate: bool = False  # a rate or share (率 / percent)
    figure: bool = False  # any figure, 几/多少 included (the open-vocabulary reader's test); a follow-up leaning
    # on the figure before it without asking anything ("And before that?") asks one too
    zero: bool = False  # the zero-defeat claim
    plan: bool = False  # plans or targets (计划/打算/next year)
    open: bool = False  # an account of work (做了哪些/如何/what did)
    listing: bool = False  # which ones (哪些/which/each)
    target: bool = False  # a target figure (目标/力争/target)
    change: bool = False  # the change from the year before (同比/变化/increase)
    rank: bool = False  # the rank (排名/第几/rank)
    total: bool = False  # the total, not a part (全市/总共/in total)
    whole_year: bool = False  # the whole year, and no part of it
    outcome: bool = False  # units that won or were named, not those nominated
    lower: bool = False  # the lower/fewer side of a comparison
    per_report: bool = False  # a row per report (各报告/for each)
    ranks: bool = False  # a comparison word (谁/哪个/最/compare)
    general: bool = False  # a general account of a field (情况/方面/figures)
    overview: bool = False  # nothing but places named ("介绍临海市", "compare Linhai and Pingluo")
    zero_domain: str | None = None  # whose zero defeat: after (复议后) | litigation | reconsideration | None
    partial_named: list[str] = []  # the words of a part (涉企, 上半年) the question itself names
    partial_named_terms: list[str] = []  # the same over the question and its Chinese terms
    scope_terms: list[str] = []  # words a figure's sentence must hold to answer it (涉企, 委托, a domain term)
    rate_words: list[str] = []  # rates the question names in Chinese (立案前化解率)
    restrictions: list[str] = []  # what is counted is restricted (online): statements.RESTRICTIONS
    named_terms: list[str] = []  # Chinese terms an English question gives in brackets (挂案): the figure's own

    def wants_figure(self) -> bool:
        return self.number or self.rate


def asks_of(q: Query) -> Asks:
    text = q.question
    terms_text = q.question + " " + " ".join(q.zh_terms)
    zh = q.question if q.lang == "zh" else " ".join(q.zh_terms)
    focus = [t for t in q.focus if len(t) >= 2] if q.lang == "zh" else []
    number, rate = bool(cues.NUMBER.search(text) or cues.ORDINAL.search(text)), bool(cues.RATE.search(text))
    return Asks(
        number=number, rate=rate, figure=number or rate or bool(cues.FIGURE_ZH.search(text)) or (q.leans and not cues.ASKS_WHICH.search(text)), zero=q.zero,
        plan=bool(cues.PLAN.search(text)), open=bool(cues.OPEN.search(text)), listing=bool(cues.LIST.search(text)),
        target=bool(cues.TARGET.search(text)), change=bool(cues.CHANGE.search(text)), rank=bool(cues.RANK.search(text)),
        total=bool(cues.TOTAL.search(text)),
        whole_year=bool(cues.WHOLE_YEAR.search(text)) and not cues.PART_ASKED.search(text.replace("全年", "")),
        outcome=bool(cues.OUTCOME_ASKED.search(text)), lower=bool(cues.LOWER.search(text)),
        per_report=bool(cues.PER_REPORT.search(text)), ranks=bool(cues.RANKS.search(text)),
        general=bool(cues.GENERAL.search(text)),
        overview=q.names_reports() and not q.tokens and (q.lang == "zh" or (bool(cues.OVERVIEW_EN.search(text))
                                                                           and not cues.CONTENT_EN.search(text))),
        zero_domain=zero_domain(strip_exclusions(text)),
        partial_named=[p for p in PARTIAL if p in text], partial_named_terms=[p for p in PARTIAL if p in terms_text],
        scope_terms=list(dict.fromkeys(focus + [m.group(0) for m in cues.SCOPE_WORDS.finditer(zh)])),
        rate_words=list(dict.fromkeys(re.findall(r"[\u4e00-\u9fff]{2}率", terms_text))),
        restrictions=[name for name, (asked, _) in RESTRICTIONS.items() if asked.search(strip_exclusions(text))],
        named_terms=named_terms(text) if q.lang == "en" else [],
    )


def named_terms(question: str) -> list[str]:
    """The Chinese terms an English question names in brackets ("stalled cases (挂案)"), not the names of places
    or bodies written there (藏语委办, 镇海区司法局) nor lists of alternatives."""
    found = re.findall(r"[(（]\s*([\u4e00-\u9fff]{2,8})\s*[)）]", question)
    return [t for t in found if not re.search(r"(?:局|厅|办|委|院|区|县|市|省|州|镇|乡|街道|办事处|政府|中心)$", t)]


def zero_domain(question: str) -> str | None:
    """Whose zero defeat a question asks about: after reconsideration, in litigation, in reconsideration."""
    if cues.ZERO_AFTER.search(question):
        return "after"
    litig, recon = cues.ZERO_LITIGATION.search(question), cues.ZERO_RECONSIDERATION.search(question)
    if litig and not recon:
        return "litigation"
    if recon and not litig:
        return "reconsideration"
    return None
