"""Open-vocabulary figure lookups: "X是多少 / 多少次 / 几个…" for any figure a report states, not only
the fact table's indicators.

Every clause of the reports in scope that holds a number with a unit is scored by how much of the
question's content (character bigrams, so 学法 meets 集体学法) its context shares, and by whether its
unit fits what the question counts (次数 → 次, 单位数 → 家/个, 率 → %). The best clause is quoted
verbatim; a weak match answers nothing, so silence is never turned into a figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts.builder import Builder
from ..models import Answer, ReportMeta
from .lead import evidence_line, figure_sentence
from ..text.spans import sentence_spans
from ..text.script import to_simplified
from .analyze import Query

UNITS = ("个百分点|百分点|人次|件次|场次|户次|家次|万元|亿元|万人|万件|万期|万册|%|％|件|起|宗|条|人|名|次|份|卷|个|家|场|项|户|篇|"
          "期|套|张|册|部|门|元|所|处|批|天|座|支|类|本|块|位|余人|亩")
# digits, or a small Chinese numeral (两次, 十二场) that is not the start of a word (一项工作, 三级指标 have no count)
_FIGURE = re.compile(rf"(?P<pre>约|近|超过|逾|共计|累计)?(?<![\d.第])(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|"
                     rf"(?<![一二两三四五六七八九十百千万第])(?:[两二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?))"
                     rf"\s?(?P<mult>万|亿)?(?P<approx>余|多)?\s?(?P<unit>{UNITS})")
# what the question counts → units that can answer it (first match wins)
_ASKED = [(r"率|百分比|比例|满意度|完成度|占比|percent|rate", {"%", "％", "个百分点", "百分点"}),
          (r"人次", {"人次", "万人"}), (r"场次|多少场|几场", {"场次", "场", "次"}),
          (r"次数|多少次|几次|几回|how many times", {"次", "场次", "场", "期"}),
          (r"期数|多少期|几期", {"期", "万期"}), (r"件数|多少件|几件|案件数", {"件", "件次", "起", "宗", "万件"}),
          (r"人数|多少人|几人|多少名|干部数|人员数|负责人", {"人", "名", "人次", "万人", "余人", "位"}),
          (r"单位数|部门数|多少家|几家|企业数", {"家", "个", "所", "户"}),
          (r"项数|多少项|几项|事项|任务", {"项", "个", "件", "条", "类"}),
          (r"金额|多少元|资金|投资|投入|经费", {"元", "万元", "亿元"}),
          (r"多少个|几个|个数", {"个", "家", "项", "所", "处", "支"}),
          (r"多少条|几条|条数", {"条"}), (r"多少份|几份|份数", {"份"}), (r"多少部|几部", {"部"}),
          (r"多少天|几天|天数", {"天"})]
_QUESTION_WORDS = re.compile(r"是多少|有多少|多少|是几|几个|几|吗|呢|请问|的数量|数量|数目|具体|情况|"
                             r"\b(?:how many|how much|what|was|were|is|the|did|in|of)\b|[?？。,，、:：“”\"'\s]")
_MIN_SCORE = 0.5
MAX_REPORTS = 12
_CN_NUMERAL_UNITS = {"次", "场", "场次", "期", "名", "人", "人次", "件", "家", "天"}  # beyond this, retrieval narrows the reports first


@dataclass
class Figure:
    report_id: str
    start: int  # the quoted clause(s)
    end: int
    value: str  # as written: 60家, 1200余名, 57.95万件
    score: float


_UNIT_BEFORE_ASK = re.compile(r"(?<=[\u4e00-\u9fff])([件次人家场期名份条篇])(?:多少|几)")  # 办件多少 → 件
_RELATED = {"件": {"件", "件次", "起", "宗", "万件"}, "次": {"次", "场次", "场", "期"}, "人": {"人", "名", "人次", "万人", "位"},
            "名": {"名", "人", "人次"}, "场": {"场", "场次", "次"}, "个": {"个", "家", "项", "所", "处"}}


def asked_units(question: str) -> set[str] | None:
    """Units that can answer what the question counts (办件多少 → 件; 次数 → 次; 满意度 → %), or None."""
    if m := _UNIT_BEFORE_ASK.search(question):
        return _RELATED.get(m.group(1), {m.group(1)})
    for pattern, units in _ASKED:
        if re.search(pattern, question, re.I):
            return units
    return None


# English: what the question counts → units (no Chinese words to match, so the unit must be clear)
_ASKED_EN = [(r"person[- ]times", {"人次", "万人次"}), (r"\b(?:percent\w*|rate|ratio|share)\b", {"%", "％"}),
             (r"\b(?:times|sessions?|meetings?|lectures?|trainings?|classes|rounds?)\b", {"次", "场", "场次", "期"}),
             (r"\b(?:people|persons?|cadres?|officials?|observers?|staff|officers?|police\w*|leaders?|participants?)\b",
              {"人", "名", "位", "万人", "余人"}),  # people, not person-times (人次)
             (r"\b(?:units|departments|bodies|organi[sz]ations|enterprises|companies|firms)\b", {"家", "个"}),
             (r"\b(?:items?|tasks?|measures?|matters?|projects?)\b", {"项", "个", "件"}),
             (r"\b(?:banners?|posters?|copies|documents?|articles?|pamphlets?|brochures?)\b", {"条", "张", "份", "篇", "册"}),
             (r"\b(?:invest\w*|yuan|money|amount|funds?|cost|spent|spend|sums?)\b", {"元", "万元", "亿元"}),
             (r"\b(?:cases?|crimes?|disputes?)\b", {"件", "起", "宗", "件次"})]


def asked_units_en(question: str) -> set[str] | None:
    """Units for what "how many …" counts: the words right after it decide, nearest first (how many leading
    cadres attended training → people), the rest of the question only when they say nothing."""
    counted = re.search(r"\bhow (?:many|much)\s+((?:[\w'-]+\s+){0,3}[\w'-]+)", question, re.I)
    words = counted.group(1).split() if counted else []
    # the head noun first: "how many crimes against enterprises" counts crimes, not enterprises
    for text in [" ".join(words[:n]) for n in (1, 2) if len(words) >= n] + [question]:
        for pattern, units in _ASKED_EN:
            if re.search(pattern, text, re.I):
                return units
    return None


def asks_figure(q: Query) -> bool:
    return q.wants_number or q.wants_rate or bool(re.search(r"多少|几[个次件场项名人家期天条份部]?", q.question))


def content(q: Query, names: set[str]) -> str:
    """The question without place and body names, years and question words: what is being counted."""
    text = q.question
    for name in sorted(names, key=len, reverse=True):
        if len(name) >= 2:
            text = text.replace(name, " ")
    text = re.sub(r"(?:19|20)\d{2}\s*年?度?", " ", text)
    return _QUESTION_WORDS.sub(" ", text)


def head_term(text: str) -> str | None:
    """What the question counts, its last content word: 中期评估的完成度 → 完成度, 开展法治督察的单位数 → 单位数."""
    from ..text.lexicon import tokenize

    words = [w for w in tokenize(text) if len(w) >= 2 and re.search(r"[\u4e00-\u9fff]", w)]
    return max(words, key=lambda w: (text.rfind(w) + len(w), len(w))) if words else None


def parts(question: str) -> list[str]:
    """A question asking several figures (组织了多少场培训?覆盖多少人次?) as one part per figure; a part
    that names nothing but the figure (覆盖多少人次) keeps the part before it as its subject."""
    pieces = [p for p in re.split(r"[?？;；,，]", question) if p.strip()]
    asking = [p for p in pieces if re.search(r"多少|几", p)]
    if len(asking) < 2:
        return [question]
    out = []
    for i, part in enumerate(asking):
        out.append(part if i == 0 else asking[i - 1] + "," + part)
    return out


def _grams(text: str) -> set[str]:
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    return {r[i:i + 2] for r in runs for i in range(len(r) - 1)}


def _context(text: str, sent: tuple[int, int], at: int, end: int) -> tuple[int, int]:
    """The clause holding the figure, with the clause before it when this one says little
    (完成度为81.7% keeps what precedes; 县政府常务会议学法18次 is whole)."""
    s, e = sent
    starts = [s] + [s + m.end() for m in re.finditer(r"[,,;;:]", text[s:at])]
    after = re.search(r"[,,;;。]", text[end:e])
    right = end + after.start() if after else e
    left = starts[-1]
    if len(re.findall(r"[\u4e00-\u9fff]", text[left:right])) < 8 and len(starts) > 1:
        left = starts[-2]
    return left, right


def figure_clauses(body: str, units: set[str] | None):
    """(sentence, match, clause span) of every figure in the text whose unit can answer the question."""
    for sent in sentence_spans(body, 0, len(body)):
        for m in _FIGURE.finditer(body, *sent):
            if not m.group("num")[0].isdigit() and m.group("unit") not in _CN_NUMERAL_UNITS:
                continue  # 两个确立, 三个务必: set phrases, not counts
            if units is not None and m.group("unit") not in units and (m.group("mult") or "") + m.group("unit") not in units:
                continue
            yield sent, m, _context(body, sent, m.start(), m.end())


def own_words(body: str, left: int, start: int, end: int) -> str:
    """The words right before and after a figure, up to the neighbouring figures."""
    before = re.split(r"[\d、,,;;]", body[max(left, start - 10):start])[-1]
    after = re.split(r"[\d、,,;;]", body[end:end + 8])[0]
    return before + " " + after


def find(q: Query, report_ids: list[str], text, names: set[str]) -> list[Figure]:
    """The best-supported figure of each report for each figure asked, best first."""
    out: list[Figure] = []
    for part in parts(q.question):
        for f in _find_one(part, q.model_copy(update={"question": part}), report_ids, text, names):
            if not any(f.report_id == o.report_id and f.start == o.start and f.value == o.value for o in out):
                out.append(f)
    return out


def _find_one(part: str, q: Query, report_ids: list[str], text, names: set[str]) -> list[Figure]:
    asked = content(q, names)
    wanted = _grams(asked)
    if len(wanted) < 2:
        return []
    head = head_term(asked)
    units = asked_units(part.rsplit(",", 1)[-1])
    out = []
    for rid in report_ids:
        body = to_simplified(text(rid))  # same length: the quote is cut from the original at these offsets
        best = None
        for sent, m, (left, right) in figure_clauses(body, units):
            own = wanted & _grams(body[left:right])
            rest = (wanted & _grams(body[sent[0]:sent[1]])) - own
            score = (len(own) + 0.5 * len(rest)) / len(wanted)
            if head and head.rstrip("数") in body[left:right]:  # the thing counted stands by the figure
                score += 0.5
            # within one clause, the figure whose own words are the question's (88个县党委, not 9个)
            score += 0.3 * len(wanted & _grams(own_words(body, left, m.start(), m.end()))) / len(wanted)
            if len(own) + len(rest) >= 2 and score >= _MIN_SCORE and (best is None or score > best.score):
                value = body[m.start():m.end()].removeprefix("共计").removeprefix("累计")
                best = Figure(rid, left, right, value, score)
        if best:
            out.append(best)
    return sorted(out, key=lambda f: -f.score)


def answer(q: Query, figures: list[Figure], metas: dict[str, ReportMeta], text, sections) -> Answer:
    """The figure first, in a sentence naming what the report counts in its own words; then the clause."""
    b = Builder(q, metas, text, sections)
    evidence = []
    for f in figures:
        key = b.cite(f.report_id, f.start, f.end)
        quote = text(f.report_id)[f.start:f.end]
        b.lines.append(figure_sentence(term_before(quote, f.value), f.value, metas[f.report_id], q.lang, key))
        evidence.append(evidence_line(quote, key, q.lang))
    b.lines += evidence
    return b.answer("lookup", None, None)


_FILLER = re.compile(r"(?:为|达到|达|是|共计|累计|合计|总计|共|约|近|超过|逾|了|:|:|\s)+$")


def term_before(clause: str, value: str) -> str:
    """What the clause counts, in its own words: the text before the figure (受理法律援助案件 of
    受理法律援助案件1536件); the whole clause when the figure comes first (命名5个示范市)."""
    at = clause.find(value)
    head = _FILLER.sub("", clause[:at] if at >= 0 else "").lstrip(",,;;、 ")
    counted_after = at >= 0 and re.match(r"[\u4e00-\u9fff]", clause[at + len(value):])
    if counted_after or len(re.findall(r"[\u4e00-\u9fff]", head)) < 2:
        return clause.rstrip("。;;,,")
    own = re.split(r"\d[^、,,;;]*[、,,;;]", head)[-1]  # 活动682场次、法治讲座134场次: 134 counts 法治讲座
    if len(re.findall(r"[\u4e00-\u9fff]", own)) >= 2:
        head = own
    while len(head) > 24 and (cut := re.search(r"[、,,;;]", head)):  # keep the words nearest the figure
        head = head[cut.end():]
    return head
