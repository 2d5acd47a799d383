"""A figure asked of one (or a few) named reports, answered from the fact table: the answer first
(one sentence per part of the question, in its language), then the clause that states it.

Results and targets are kept apart both ways: a question about a target (目标/力争/target) gets only
planned figures, any other question only stated ones. A part the report does not state is said to be
missing — with the related figures it does state (收到 when 办结 was asked, a count when a rate was
asked), cited, never passed off as the answer.
"""
from __future__ import annotations

import re

from ..answer.analyze import Query
from ..answer.lead import direction_sentence, fact_sentence, missing_sentence
from ..answer.plan import Plan
from ..answer.trend import asks_change, change_after, direction_clause, phrase
from ..models import Answer
from ..text.script import to_simplified
from .builder import Builder, clause_span
from .extract import Fact
from .indicators import Indicator, families_named, mentions
from .scope import is_partial, primary, scope_reports

TARGET = re.compile(r"目标|力争|预期|计划(?:达到|实现|完成)|指标值|\btargets?\b|\bgoals?\b|\baim(?:s|ed)?\b", re.I)
MAX_REPORTS = 3  # beyond this a question is a list or a comparison, not a lookup


def wants_target(question: str) -> bool:
    return bool(TARGET.search(question))


def lookup(q: Query, plan: Plan, metas, facts: list[Fact], text, sections) -> Answer | None:
    """The answer from the fact table, or None when it holds none of the asked figures for the
    reports in scope (the sentence reader then tries, and reconcile checks it)."""
    reports = scope_reports(metas, q, plan)
    if not plan.indicators or not reports or len(reports) > MAX_REPORTS or not (q.wants_number or q.wants_rate):
        return None
    target = wants_target(q.question)
    parts = plan.parts or [plan.indicators[:2]]
    asked = _Asked(q, plan.indicators)
    b = Builder(q, metas, text, sections)
    found, evidence, keys, used = 0, [], [], []
    for meta in reports:
        mine = [f for f in facts if f.report_id == meta.id]
        for inds in parts:
            f = _best(mine, inds, target, asked)
            if f is False:
                return None
            if f is None and (span := direction_clause(b.text(meta.id), _rate_words(inds, asked))):
                key = b.cite(meta.id, *span)  # 败诉率逐年下降: a direction, no figure
                b.lines.append(direction_sentence(_label(inds, "zh"), _label(inds, "en"), meta, q.lang, key))
                keys.append(key)
                continue
            if f is None:
                b.lines.append(missing_sentence(_label(inds, "zh"), _label(inds, "en"), meta, q.lang, target))
                evidence += _related(b, mine, inds, target, asked.text)
                continue
            found += 1
            used.append(f)
            key = _cite(b, f, asked.rank)
            change = (("" if q.lang == "zh" else " ") + _change(f, q.lang)) if asked.change else ""
            b.lines.append(fact_sentence(f, meta, q.lang, key) + change)
            keys.append(key)
    if not found and not evidence and not keys:
        return None
    b.lines += b.evidence(keys) + evidence
    # a change asked and stated nowhere: the figure is given, but the question is not answered
    unanswered = not found or (asked.change and not any(_stated_change(f) for f in used))
    return b.answer("lookup", None, None).model_copy(update={"abstained": unanswered})


class _Asked:
    """What a lookup must match beyond the indicator: the question's scope words (涉企, 委托, 上半年 …;
    for a Chinese question also its domain terms), and whether it also asks the rank."""

    def __init__(self, q: Query, indicators: list[Indicator]):
        self.indicators = indicators  # of every part: a word naming another part's figure is no scope
        zh = q.question if q.lang == "zh" else " ".join(q.zh_terms)
        focus = [t for t in q.focus if len(t) >= 2] if q.lang == "zh" else []
        self.terms = list(dict.fromkeys(focus + [m.group(0) for m in _SCOPE_WORDS.finditer(zh)]))
        self.text = q.question + " " + " ".join(q.zh_terms)
        self.rank = bool(_RANK.search(q.question))
        self.change = asks_change(q.question)


_RANK = re.compile(r"排名|排第|第几|位次|名次|排在|\brank", re.I)
# words that narrow a figure to a part of the whole; a fact whose sentence lacks one answers another question
_SCOPE_WORDS = re.compile(r"涉企|企业|委托|商事|金融|上半年|下半年|前三季度|一审|二审|复议后|立案前|上级交办|疑难|中心|"
                          r"街道|乡镇|村(?:社区)?|律师|公证|仲裁|信访|交通|市场监管|生态环境|公安")


def _best(facts: list[Fact], inds: list[Indicator], target: bool, asked: _Asked) -> Fact | None | bool:
    """The fact answering one part; None when the report has none of the indicators, False when it
    has some but none fits the question's scope words (the sentence reader decides then)."""
    pool = [f for f in facts if f.indicator in inds and f.planned == target and not is_partial(f, asked.text)]
    fitting = [f for f in pool if _specific(f, inds, asked)]
    for ind in inds:  # the first indicator named wins; within it the whole-year figure
        mine = [f for f in fitting if f.indicator == ind]
        if (ind.kind == "claim" or target) and mine:  # primary() skips targets: it picks results
            return mine[0]
        if (best := primary(mine)) is not None:
            return best
    if pool:
        return False
    return _same_word(facts, inds, target, asked)


def _rate_words(inds: list[Indicator], asked: _Asked) -> list[str]:
    return [w for w in dict.fromkeys(re.findall(r"[\u4e00-\u9fff]{2}率", asked.text)) if any(mentions(w, i) for i in inds)]


def _same_word(facts: list[Fact], inds: list[Indicator], target: bool, asked: _Asked) -> Fact | None:
    """A rate the report files under a neighbouring indicator but names with the question's own word
    (立案前化解率 asked without 复议 is the reconsideration 化解率 the report states)."""
    words = set(_rate_words(inds, asked))
    near = [f for f in facts if f.indicator.kind == "rate" and f.planned == target and not is_partial(f, asked.text)
            and any(w in _clause(f) for w in words) and _specific(f, [f.indicator], asked)]
    return primary(near)


def _clause(f: Fact) -> str:
    s, e = clause_span(f.quote, f.model_copy(update={"start": 0, "end": len(f.quote)}))
    return to_simplified(f.quote[s:e])


def _specific(f: Fact, inds: list[Indicator], asked: _Asked) -> bool:
    """The fact's sentence holds every term the question adds to the indicator: 涉企纠纷 is not
    answered by all disputes, a center's 委托化解 rate not by the county's 化解率."""
    quote = to_simplified(f.quote)  # terms are simplified; a traditional page is quoted as written
    inds = list(inds) + asked.indicators
    families = {i.family for i in inds}
    return all(t in quote or any(mentions(t, i) for i in inds) or families_named(t) & families for t in asked.terms)


def _related(b: Builder, facts: list[Fact], inds: list[Indicator], target: bool, question: str) -> list[str]:
    """Figures of the same family the report does state (收到 for 办结, a count for a rate, a part of
    the total): cited as what is there instead, at most two."""
    families = {i.family for i in inds}
    near = [f for f in facts if f.indicator.family in families and not isinstance(f.value, bool)
            and (f.indicator not in inds or is_partial(f, question) or f.planned != target)]
    asked_grams = {g for i in inds for g in _grams(i.label_zh)}
    near.sort(key=lambda f: -len(_grams(f.indicator.label_zh) & asked_grams))  # 纠错 件数 for 纠错率 first
    out = []
    for f in near[:2]:
        key = _cite(b, f)
        what = f.indicator.label_zh if b.q.lang == "zh" else f.indicator.name_en
        scope = f"({f.scope})" if f.scope else ""
        planned = ("(目标)" if b.q.lang == "zh" else " (target)") if f.planned else ""
        head = f"相关但不同:{what}{scope}{planned}" if b.q.lang == "zh" else f"Related but different: {what}{scope}{planned}"
        out.append(f"{head} —— “{b.citations[key - 1].quote}”[{key}]" if b.q.lang == "zh"
                   else f"{head} — “{b.citations[key - 1].quote}” [{key}]")
    return out


def _stated_change(f: Fact):
    at = f.quote.find(f.value_text)
    return change_after(f.quote, at + len(f.value_text)) if at >= 0 else None


def _change(f: Fact, lang: str) -> str:
    """What the fact's sentence says about the change from the year before (said when asked)."""
    return phrase(_stated_change(f), lang)


def _cite(b: Builder, f: Fact, whole: bool = False) -> int:
    return b.cite(f.report_id, *clause_span(b.text(f.report_id), f, whole))


def _label(inds: list[Indicator], lang: str) -> str:
    return "、".join(i.label_zh for i in inds[:2]) if lang == "zh" else " / ".join(i.name_en for i in inds[:2])


def _grams(label: str) -> set[str]:
    return {label[i:i + 2] for i in range(len(label) - 1)}
