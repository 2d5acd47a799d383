"""Deterministic figures (facts) read from a cleaned report, each tied to its verbatim sentence.

A number only becomes a fact when an indicator keyword stands right before it in the same clause,
separated by nothing but filler (为/达/共/累计…); anything else (同比上升, 较上年提高) is a change
or an unrelated figure and is left alone. Silence is never a fact: no keyword, no row. Every fact
is re-checked against the text before it is returned, so a quote can always be cited as is.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Fact
from ..domain.claims import NEGATED as _NEGATED
from ..domain.indicators import Indicator as I
from ..domain.quantity import NUM as _NUM, Quantity, parse_zh
from ..domain.statements import MEDIATION_CONTEXT as _MEDIATION_CONTEXT, PLAN_HEADING, QUALIFIERS as _QUALIFIERS, \
    TARGET_CUE, TOPICS
from ..text.script import to_simplified
from ..text.sections import parse_sections, section_at
from ..text.spans import clause_spans, sentence_spans

log = logging.getLogger(__name__)

# Full-width punctuation and digits fold 1:1 to ASCII, so every offset in the folded copy is valid in the
# original; patterns below are written for the ASCII forms only.
_FOLD = {0xFF0C: ",", 0xFF1B: ";", 0xFF1A: ":", 0xFF05: "%", 0xFF08: "(", 0xFF09: ")", 0xFF01: "!", 0xFF1F: "?",
         **{0xFF10 + d: str(d) for d in range(10)}}
# the figures (domain/quantity.py) a keyword may take, by unit as written without 万/亿: any other figure
# is no fact and does not end a keyword's reach
_UNITS = frozenset({"个百分点", "百分点", "人次", "件次", "户次", "家次", "场次", "%", "件", "起", "宗", "条", "人", "名", "次",
                    "份", "卷", "个", "家", "场", "项", "户", "篇", "期", "套", "张", "元", "所", "处", "块", "天"})
_KIND = {"%": "rate", "元": "money", "人": "people", "名": "people"}
_COUNT_UNITS = {"件", "件次", "起", "宗", "条", "份", "卷"}
_CLAUSE = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))|:")  # a comma inside 1,536 is not a clause break
# filler allowed between a keyword and its number; anything else means the number is about something else
_GAP = re.compile(r"^(?:[为达是有共计约近超逾了均的:\s“”\"‘’「」]|达到|共计|累计|合计|总计|超过|控制在|保持在|稳定在"
                  r"|维持在|提升至|提高至|提升到|提高到|上升至|下降至|降至|降低至)*$")
_FROM_TO = re.compile(rf"从(?P<period>[^,。;、从]{{0,8}}?)的?(?P<a>{_NUM})\s?%(?:下降|降低|减少|降|提高|提升|上升|增长|增加|升)"
                      rf"(?:至|到|为)")
_TOPIC = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in TOPICS))
_Q_NOISE = re.compile(r"^(?:完成|共|累计|全年|已|对|了|今年|有效)+")
_Q_IGNORED = {"", "各类", "各项", "相关", "各级", "的"}


@dataclass(frozen=True)
class _Rule:
    """A keyword; targets map 'topic:kind' (topic 'any' = whatever the topic) to the indicator the number measures."""

    pattern: re.Pattern
    targets: dict[str, I]
    needs_mediation: bool = False


def _rules() -> list[_Rule]:
    """Every indicator's keyword rules (domain/indicators.py), one rule per distinct keyword: a keyword
    several indicators share (调撤率) resolves to one of them by the sentence's topic and the unit."""
    by_pattern: dict[tuple[str, bool], dict[str, I]] = {}
    for ind in I:
        for read in ind.spec.reads:
            by_pattern.setdefault((read.pattern, read.needs_mediation), {})[f"{read.topic}:{ind.kind}"] = ind
    return [_Rule(re.compile(p), targets, mediation) for (p, mediation), targets in by_pattern.items()]


_RULES = _rules()
# figures written before their noun: 受理51件政府信息公开申请, 新增的1143法律明白人
_POSTFIX = [(re.compile(p), ind) for ind in I for p in ind.spec.reads_after]
_CLAIMS = [(ind, re.compile(ind.spec.states)) for ind in I if ind.spec.states]
_SUBJECT_TRIM_END = re.compile(r"(?:实现了?|达到|保持|均|全部|继续|做到|为|连续\d+年|[“\"‘])+$")
_SUBJECT_TRIM_START = re.compile(r"^(?:办理|共|累计|其中|今年|全年|同时|并|且|已|力争|争取|努力|确保|实现|继续)+")


@dataclass
class _Ctx:
    text: str  # folded copy used for matching; same length and offsets as `original`
    original: str
    sent: tuple[int, int]
    section: str
    planned_section: bool


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    return clause_spans(text, s, e, _CLAUSE)


def _topic(text: str, start: int, end: int) -> tuple[str | None, str]:
    """The last topic word before `end` in the sentence: it decides what a bare 化解率/办结 refers to."""
    last = None
    for m in _TOPIC.finditer(text, start, end):
        last = m
    return (last.lastgroup, last.group()) if last else (None, "")


def _tokens(text: str, clause: tuple[int, int]) -> list[Quantity]:
    """The figures of a clause a keyword may take: a fact's unit, 万/亿 at most (2.3万条 stays 2.3 with unit 万条)."""
    return [q for q in parse_zh(text, *clause) if q.unit in _UNITS and q.magnitude in ("", "万", "亿")]


def _kind(q: Quantity) -> str | None:
    return _KIND.get(q.unit) or ("count" if q.unit in _COUNT_UNITS else None)


def _best_trigger(text: str, clause_start: int, lo: int, hi: int) -> tuple[_Rule, re.Match] | None:
    """Keyword ending nearest before `hi` (ties: the longer keyword) and ending after `lo`, the previous
    figure; it may start before that figure (审查19个镇(街道)党政规范性文件40件)."""
    best = None
    for rule in _RULES:
        for m in rule.pattern.finditer(text, clause_start, hi):
            if m.end() <= lo:
                continue
            key = (m.end(), m.end() - m.start())
            if best is None or key > best[0]:
                best = (key, rule, m)
    return (best[1], best[2]) if best else None


def _resolve(rule: _Rule, m: re.Match, kind: str, ctx: _Ctx) -> tuple[I | None, str]:
    sent_text = ctx.text[ctx.sent[0]:ctx.sent[1]]
    if rule.needs_mediation and not (_MEDIATION_CONTEXT.search(sent_text) or _MEDIATION_CONTEXT.search(ctx.section)):
        return None, ""
    topic, word = _topic(ctx.text, ctx.sent[0], m.end())
    target = rule.targets.get(f"{topic}:{kind}") or rule.targets.get(f"any:{kind}")
    # a resolution rate means little without saying of what: 行政争议 vs 矛盾纠纷
    return target, (word if topic == "dispute" else "")


def _scope(text: str, lead: tuple[int, int], m: re.Match, ind: I, topic_word: str) -> str:
    parts = []
    for name in ("q", "q2"):
        q = m.groupdict().get(name)
        if q is not None:
            q = _Q_NOISE.sub("", q)
            if q not in _Q_IGNORED and len(q) <= 10:  # a long modifier is a description, not a scope
                parts.append(q)
    for qm in _QUALIFIERS.finditer(text, *lead):
        if not any(qm.group() in p for p in parts):
            parts.append(qm.group())
    if not parts and ind is I.dispute_resolution_rate:
        parts.append(topic_word)
    return " ".join(p for p in parts if p)


def _planned(ctx: _Ctx, upto: int) -> bool:
    return ctx.planned_section or bool(TARGET_CUE.search(ctx.text, ctx.sent[0], upto))


_Make = Callable[..., "Fact"]


def _number_facts(ctx: _Ctx, clause: tuple[int, int], make: _Make) -> list[Fact]:
    text, out = ctx.text, []
    spans = list(_FROM_TO.finditer(text, *clause))
    firsts = {m.start("a"): m for m in spans}
    seconds = {m.end(): m for m in spans}
    lo = clause[0]
    for tok in _tokens(text, clause):
        at, anchor, period, skip = tok.at, tok.start, None, False
        if at in firsts:  # 从上半年的25.45%下降至12.7%: the earlier figure is kept only with its period
            anchor, period = firsts[at].start(), firsts[at].group("period")
            skip = not period
        elif at in seconds:
            anchor, period = seconds[at].start(), ("全年" if seconds[at].group("period") else "")
        fact = None if skip else _number_fact(ctx, clause, lo, anchor, tok, period, make)
        if fact:
            out.append(fact)
        if at not in firsts:  # the later figure of 从…至 shares the keyword before 从
            lo = tok.end
    return out


def _number_fact(ctx: _Ctx, clause: tuple[int, int], lo: int, anchor: int, tok: Quantity, period_scope: str | None,
                 make: _Make) -> Fact | None:
    """One figure: the keyword before `anchor` (the figure, or 从 of 从a至b) names what it measures."""
    text = ctx.text
    kind = _kind(tok)
    found = _best_trigger(text, clause[0], lo, anchor) if kind else None
    if not found:
        return None
    rule, m = found
    if not _GAP.match(text[m.end():anchor]):
        return None
    ind, topic_word = _resolve(rule, m, kind, ctx)
    if ind is None:
        return None
    scope = _scope(text, (clause[0], anchor), m, ind, topic_word)
    if period_scope:
        scope = f"{period_scope} {scope}".strip()
    return make(ind, float(tok.number), tok.magnitude + tok.unit, bool(tok.approx), scope, (tok.start, tok.end))


def states_zero_claim(text: str) -> bool:
    """Whether `text` claims zero defeat or no correction, in any of the wordings reports use."""
    plain = text.replace("“", "").replace("”", "").replace('"', "")
    return any(p.search(plain) and not _NEGATED.search(plain[: p.search(plain).start()]) for _, p in _CLAIMS)


def _postfix_facts(ctx: _Ctx, make: _Make) -> list[Fact]:
    out = []
    for pattern, ind in _POSTFIX:
        for m in pattern.finditer(ctx.text, *ctx.sent):
            unit = m.group("unit") or ("人" if ind.kind == "people" else "件")
            span = (m.start("num"), m.end("unit") if m.group("unit") else m.end("num"))
            out.append(make(ind, float(m.group("num").replace(",", "")), unit, False, "", span))
    return out


def _claim_subject(text: str, clauses: list[tuple[int, int]], idx: int, claim_start: int) -> str:
    """What a 零败诉 claim is about: the words before it in its clause, else the clause before."""
    subject = _SUBJECT_TRIM_END.sub("", text[clauses[idx][0]:claim_start]).strip()
    subject = _SUBJECT_TRIM_START.sub("", subject)
    if not subject and idx > 0:
        prev = text[clauses[idx - 1][0]:clauses[idx - 1][1]].strip()
        subject = _without_trailing_figure(_SUBJECT_TRIM_START.sub("", prev))
    return subject


def _without_trailing_figure(text: str) -> str:
    """The clause before a claim without the count that closes it (行政诉讼案件12件 → 行政诉讼案件)."""
    last = next(reversed(parse_zh(text)), None)
    if last and last.end == len(text) and last.unit in _UNITS and (not last.magnitude or last.unit == "元"):
        return text[:last.at]
    return text


def _claim_facts(ctx: _Ctx, clauses: list[tuple[int, int]], make: _Make) -> list[Fact]:
    out = []
    for ind, pattern in _CLAIMS:
        for m in pattern.finditer(ctx.text, *ctx.sent):
            if _NEGATED.search(ctx.text, ctx.sent[0], m.start()):
                continue
            idx = next((i for i, (a, b) in enumerate(clauses) if a <= m.start() < b), len(clauses) - 1)
            scope = _claim_subject(ctx.text, clauses, idx, m.start())
            out.append(make(ind, True, "", False, scope, m.span()))
    return out


def _sentence_facts(ctx: _Ctx, base: dict) -> list[Fact]:
    s, e = ctx.sent
    quote = ctx.original[s:e]

    def make(ind, value, unit, approx, scope, span):
        return Fact(**base, indicator=ind, value=value, unit=unit, approx=approx, scope=scope, quote=quote,
                    start=s, end=e, section=ctx.section, planned=_planned(ctx, span[1]),
                    value_text=ctx.original[span[0]:span[1]])

    clauses = _clauses(ctx.text, s, e)
    facts = [f for c in clauses for f in _number_facts(ctx, c, make)]
    taken = {(f.indicator, f.value) for f in facts}
    facts += [f for f in _postfix_facts(ctx, make) if (f.indicator, f.value) not in taken]
    return facts + _claim_facts(ctx, clauses, make)


def _digits(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def verify(fact: Fact, text: str) -> bool:
    """The quote is verbatim and the figure (or claim phrase) is in it."""
    if text[fact.start:fact.end] != fact.quote or fact.value_text not in fact.quote:
        return False
    if isinstance(fact.value, bool):
        return fact.value is True and fact.unit == ""
    return _digits(fact.value) in re.sub(r"(?<=\d),(?=\d{3})", "", fact.quote.translate(_FOLD))


def extract_facts(text: str, report_id: str, place: str | None, year: int | None) -> list[Fact]:
    """All verified facts of one cleaned report, in text order."""
    work = to_simplified(text).translate(_FOLD)  # same length: offsets stay valid in `text`
    sections = parse_sections(text)  # paths as the rest of the package writes them
    base = {"report_id": report_id, "place": place, "year": year}
    facts: list[Fact] = []
    for s, e in sentence_spans(work, 0, len(work)):
        path = section_at(sections, s)
        top = path.split(" > ")[0]
        ctx = _Ctx(work, text, (s, e), path, bool(PLAN_HEADING.search(top)))
        facts.extend(_sentence_facts(ctx, base))
    good = sorted((f for f in facts if verify(f, text)), key=lambda f: (f.start, f.quote.find(f.value_text)))
    if len(good) != len(facts):
        log.warning("%s: dropped %d unverifiable facts", report_id, len(facts) - len(good))
    return good


def facts_to_rows(facts: list[Fact]) -> list[dict]:
    """Flat dicts for CSV export (indicator written as its id plus the Chinese label)."""
    rows = []
    for f in facts:
        row = f.model_dump()
        row["indicator"] = f.indicator.value
        row["indicator_zh"] = f.indicator.label_zh
        rows.append(row)
    return rows
