"""Open-vocabulary figures: "X是多少 / 多少次 / 几个…" for any figure a report states, not only
the fact table's indicators.

Every clause of the reports in scope that holds a number with a unit is scored by how much of the
question's content (character bigrams, so 学法 meets 集体学法) its context shares, and by whether its
unit fits what the question counts (次数 → 次, 单位数 → 家/个, 率 → %). The best clause is quoted
verbatim; a weak match answers nothing, so silence is never turned into a figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..domain import cues
from ..domain.ordinal import ordinals_zh
from ..domain.asked import as_written, written_unit
from ..domain.quantity import Quantity, parse_zh
from ..settings import AnswerSettings
from ..text.lexicon import tokenize
from ..text.script import to_simplified
from ..text.sections import heading_over
from ..text.spans import sentence_spans
from ..understand.parts import Thing

# the units of a figure that answers "how many/how much" (as written without 万/亿; domain/quantity.py reads them)
UNITS = frozenset({"个百分点", "百分点", "人次", "件次", "场次", "户次", "家次", "%", "件", "起", "宗", "条", "人", "名", "次",
                   "份", "卷", "个", "家", "场", "项", "户", "篇", "期", "套", "张", "册", "部", "门", "元", "所", "处", "批",
                   "天", "个工作日", "工作日", "个月", "小时", "座", "支", "类", "本", "块", "位", "亩", "‰", "‱", "倍", "证"})
_QUESTION_WORDS = re.compile(r"了(?=多少|几)|花了|是多少|有多少|多少|是几|几个|几|吗|呢|请问|的数量|数量|数目|具体|情况|"
                             r"(?:报告)?(?:里面|里头|文中|当中)(?:说|提到|写|讲)?|"  # 里面说宣讲搞了多少场: the report, pointed at
                             r"一共|总共|总计|合计|加起来|加在一起|算下来|大概|大约|到底|究竟|出来的|出来|搞了|弄了|又|的|"
                             r"\b(?:how many|how much|what|was|were|is|the|did|in|of)\b|[?？。,，、:：“”\"'\s]")
_CN_NUMERAL_UNITS = {"次", "场", "场次", "期", "名", "人", "人次", "件", "家", "天"}  # 两次, 十二场: counts in words


@dataclass
class Figure:
    report_id: str
    start: int  # the quoted clause(s)
    end: int
    value: str  # as written: 60家, 1200余名, 57.95万件
    score: float


def content(question: str, names: set[str]) -> str:
    """The question without place and body names, years and question words: what is being counted."""
    text = question
    for name in sorted(names, key=len, reverse=True):
        if len(name) >= 2:
            text = text.replace(name, " ")
    text = re.sub(r"(?:19|20)\d{2}\s*年?度?", " ", cues.THRESHOLD.sub(" ", text))  # 过八成了吗: asks the figure
    return _QUESTION_WORDS.sub(" ", as_written(text))


def head_term(text: str) -> str | None:
    """What the question counts, its last content word: 中期评估的完成度 → 完成度, 开展法治督察的单位数 → 单位数."""
    words = [w for w in tokenize(text) if len(w) >= 2 and re.search(r"[\u4e00-\u9fff]", w)]
    return max(words, key=lambda w: (text.rfind(w) + len(w), len(w))) if words else None


def grams(text: str) -> set[str]:
    """The character pairs of a text's Chinese runs: what two wordings share."""
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    return {r[i:i + 2] for r in runs for i in range(len(r) - 1)}


_RANKED = re.compile(r"\s*(?:名列|位列|位居|排名|排在|列第|居第|荣获|获得)")


def _context(text: str, sent: tuple[int, int], at: int, end: int) -> tuple[int, int]:
    """The clause holding the figure, with the clause before it when this one says little
    (完成度为81.7% keeps what precedes; 县政府常务会议学法18次 is whole)."""
    s, e = sent
    starts = [s] + [s + m.end() for m in re.finditer(r"[,,;;:]", text[s:at])]
    after = re.search(r"[,,;;。]", text[end:e])
    right = end + after.start() if after else e
    left = starts[-1]
    # a clause saying little, or a rank whose subject is the clause before (…调查中,名列政法系统第二名)
    if (len(re.findall(r"[\u4e00-\u9fff]", text[left:right])) < 8 or _RANKED.match(text, left)) and len(starts) > 1:
        left = starts[-2]
    return left, right


def _counts(body: str, sent: tuple[int, int], ordinal: bool = False, years: bool = False) -> list[Quantity]:
    """The figures of a sentence with a unit that counts or measures, 万/亿 at most; a tally word before one
    (共计, 累计) is read with it, an ordinal (第三次) is not a figure, unless ordinals are asked: then only they are.
    `years`: a number of years (连续17年) counts too, when a question asks 多少年."""
    if ordinal:
        return ordinals_zh(body, *sent)
    out = []
    for q in parse_zh(body, *sent, numerals=True):
        duration = years and q.unit == "年" and q.kind == "days"
        if (q.unit not in UNITS and not duration) or q.magnitude not in ("", "万", "亿") or body[q.at - 1:q.at] == "第":
            continue
        if not body[q.at].isdigit() and q.unit not in _CN_NUMERAL_UNITS:
            continue  # 两个确立, 三个务必: set phrases, not counts
        if q.start == q.at and body[q.start - 2:q.start] in ("共计", "累计"):
            q = replace(q, start=q.start - 2, text=body[q.start - 2:q.end])
        out.append(q)
    return out


def figure_clauses(body: str, units: set[str] | None, ordinal: bool = False):
    """(sentence, figure, clause span) of every figure in the text whose unit can answer the question."""
    for sent in sentence_spans(body, 0, len(body)):
        for q in _counts(body, sent, ordinal, years=units is not None and "年" in units):
            if units is None or q.unit in units or q.magnitude + q.unit in units or (ordinal and not q.unit):
                yield sent, q, _context(body, sent, q.start, q.end)


def own_words(body: str, left: int, start: int, end: int, reach: int = 10) -> str:
    """The words right before and after a figure, up to the neighbouring figures. When a noun phrase follows
    the figure (梳理5660项各类事项形成市级责任清单), that is what it counts, and of the words before it only the
    verb is its own: the rest may close the figure before (…形成市级权力清单|梳理). `reach`: characters read
    before it at most."""
    before = re.split(r"[\d、,,;;。]", body[max(left, start - reach):start])[-1]
    after = re.split(r"[\d、,,;;。]", body[end:end + 24])[0]
    if len(re.findall(r"[\u4e00-\u9fff]", after)) >= 8:
        before = before[-3:]
    return before + " " + after


def find(things: list[Thing], report_ids: list[str], text, names: set[str], tuning: AnswerSettings,
         beside=lambda rid, at: False) -> list[Figure]:
    """The best-supported figure of each report for each thing asked, best first; `beside(report id, offset)`:
    a figure in the sentence a follow-up's "those" points to."""
    out: list[Figure] = []
    for thing in things:
        for f in _find_one(thing, report_ids, text, names, tuning, beside):
            if not any(f.report_id == o.report_id and f.start == o.start and f.value == o.value for o in out):
                out.append(f)
    return out


def _find_one(thing: Thing, report_ids: list[str], text, names: set[str], t: AnswerSettings, beside) -> list[Figure]:
    whole = f"{thing.subject},{thing.text}" if thing.subject else thing.text
    asked = content(whole, names)
    wanted = grams(asked)
    if len(wanted) < 2:  # 参加了多少人次 names no thing: only a follow-up's earlier sentence can say which
        earlier = _in_earlier_sentence(thing, report_ids, text, wanted, beside)
        if earlier or not wanted or thing.units is None:
            return earlier
        # one word of its own and a unit (宣讲搞了多少场): the clauses holding that word, in that unit
    told = grams(content(thing.text, names)) if thing.subject else wanted  # what tells this part's figure apart
    head = head_term(asked)
    said = re.search(rf"([\u4e00-\u9fff]{{2,6}})的{re.escape(head)}", thing.text) if head else None
    modifier = said.group(1) if said else None
    verb = _asked_verb(thing.text)
    units = None if thing.units is None else set(thing.units)
    written = written_unit(thing.text)
    change = bool(cues.CHANGE.search(whole))
    out = []
    for rid in report_ids:
        body = to_simplified(text(rid))  # same length: the quote is cut from the original at these offsets
        best = None
        for sent, m, (left, right) in figure_clauses(body, units, thing.ordinal):  # m: a Quantity
            if _other_level(whole, body[left:right]) or other_scope(whole, segment_before(body, sent, m.start)):
                continue  # 省级优秀作品 asked, 全国…优秀作品 stated: another award; 市本级 asked, 全市… stated
            # the heading over its paragraph names what a clause's figure is about as its own words do
            # ((一)打造红色法治基地 … 投资50万元建成…); the rest of the sentence counts less
            own = wanted & (grams(body[left:right]) | grams(heading_over(body, left)))
            rest = (wanted & grams(body[sent[0]:sent[1]])) - own
            score = (len(own) + t.figure_sentence_weight * len(rest)) / len(wanted)
            if head and head.rstrip("数") in body[left:right]:  # the thing counted stands by the figure
                score += t.figure_head_bonus
            # what the question says of the thing stands right by this figure (已完成的任务: 67项已完成, not the
            # 133项任务 they are part of)
            if modifier and modifier in own_words(body, left, m.start, m.end):
                score += t.figure_head_bonus
            # the verb asked (已完成了多少项任务) said of this figure: right before it (调整149项) or after it (其余67项
            # 已完成), not by the whole it is part of; a verb heading a list (出具A5份、B207份) tells none apart
            if verb and (body[max(left, m.start - len(verb)):m.start] == verb
                         or verb in re.split(r"[\d、,,;;。]", body[m.end:m.end + 8])[0]):
                score += t.figure_head_bonus
            if respective(body[left:right], m.start - left, wanted):  # 审批环节、审批材料…分别压缩14.39%、24.65%
                score += 2 * t.figure_head_bonus
            if written and m.unit == written:
                score += t.figure_unit_bonus
            if change and cues.CHANGED_BY.search(body[max(left, m.start - 4):m.start]):
                score += t.figure_head_bonus  # 提高了多少: 较上一年提高13.8%, not the 88.8% it rose to
            score += t.beside_bonus * beside(rid, m.start)
            if thing.subject and _after_among(body, left, m.start):
                score += t.figure_head_bonus  # a part of a whole asked (作品中,拿奖的有几部): the sentence's 其中2部
            # within one clause, the figure whose own words are the question's (88个县党委, not 9个)
            score += t.figure_own_weight * len(told & grams(own_words(body, left, m.start, m.end))) / max(1, len(told))
            if len(own) + len(rest) >= min(2, len(wanted)) and score >= t.figure_min_score and (best is None or score > best.score):
                value = body[m.start:m.end].removeprefix("共计").removeprefix("累计")
                best = Figure(rid, left, right, value, score)
        if best:
            out.append(best)
    # words too few to tell a clause (参加了多少人次, beside the place's name): the earlier sentence of a follow-up
    return sorted(out, key=lambda f: -f.score) or _in_earlier_sentence(thing, report_ids, text, wanted, beside)


def respective(clause: str, at: int, wanted: set[str]) -> bool:
    """A clause naming N things, then 分别, then N figures: the figure at `at` is the one whose thing (by position)
    shares most with the question (审批环节、审批材料、审批时限分别压缩14.39%、24.65%、69.9% → 审批材料: 24.65%)."""
    split = clause.find("分别")
    if split < 0 or at < split:
        return False
    items = re.split(r"[、和及与]", re.split(r"[,,;;]", clause[:split])[-1])
    figures = [m.start() + split for m in re.finditer(r"(?<![\d.])\d+(?:\.\d+)?", clause[split:])]
    if len(items) < 2 or len(items) != len(figures) or at not in figures:
        return False
    overlap = [len(wanted & grams(item)) for item in items]
    best = max(range(len(items)), key=lambda i: overlap[i])
    return overlap[best] > 0 and overlap.count(overlap[best]) == 1 and figures[best] == at


def _asked_verb(text: str) -> str | None:
    """The two characters right before 了/过 多少 (已经完成了多少项 → 完成), when the question has that shape."""
    m = re.search(r"([\u4e00-\u9fff]{2})(?:了|过)(?:多少|几)", as_written(text))
    return m.group(1) if m else None


def _in_earlier_sentence(thing: Thing, report_ids: list[str], text, wanted: set[str], beside) -> list[Figure]:
    """The figure of the unit asked in the sentence the answer before cited (举办专场讲座15场8600余人次, then
    参加了多少人次?), the one whose own words share most with the question (then one after the sentence's 其中), or
    the one 其中 splits when it asks the whole (总共办了多少件? after 其中行政许可16634件: 30751件); nothing without a
    unit or that sentence."""
    if thing.units is None:
        return []
    whole = bool(cues.WHOLE_ASKED_ZH.search(thing.text))
    out = []
    for rid in report_ids:
        body = to_simplified(text(rid))
        # 其中拿奖的有几部? (其中 is gone from the standalone question): a figure the sentence gives after its own 其中,
        # a part of the one asked before; 总共…? the figure that 其中 splits
        found = [((bool(PARTS_FOLLOW.match(body, m.end)), m.value),
                  (len(wanted & grams(own_words(body, left, m.start, m.end))), _after_among(body, left, m.start), -m.start),
                  Figure(rid, left, right, body[m.start:m.end], 0.0))
                 for _, m, (left, right) in figure_clauses(body, set(thing.units), thing.ordinal) if beside(rid, m.start)]
        if found:
            split = whole and any(f[0][0] for f in found)
            out.append(max(found, key=lambda f: f[0] if split else f[1])[2])
    return out


# a figure the sentence goes on to split (30751件,其中行政许可16634件…): a whole
PARTS_FOLLOW = re.compile(r"\s*[,，;；]?\s*其中")


def _after_among(body: str, left: int, at: int) -> bool:
    """The figure at `at` is one the sentence gives right after its 其中 (其中2部作品荣获…): a part."""
    return "其中" in body[max(left, at - 4):at]


# the level a figure belongs to, when a question names one (国家级 / 省级 / 市级 / 县级)
# (全省统一的系统 names whose system it is, not the scope of a count)
_LEVELS = {k: rf"(?:{p})(?!统一|一体|通用)" for k, p in
           {"national": r"全国|国家级", "province": r"省级|全省", "city": r"市级|全市", "county": r"县级|全县"}.items()}


def _other_level(asked: str, clause: str) -> bool:
    """The question names a level and the clause names another one, but not the asked one."""
    named = [k for k, p in _LEVELS.items() if re.search(p, asked)]
    said = [k for k, p in _LEVELS.items() if re.search(p, clause)]
    return bool(named and said and not set(named) & set(said))


def segment_before(body: str, sent: tuple[int, int], at: int) -> str:
    """The sentence up to a figure, from the last semicolon before it (全市…;市本级…: each part its own scope)."""
    start = max([sent[0]] + [sent[0] + m.end() for m in re.finditer(r"[;;]", body[sent[0]:at])])
    return body[start:at]


def other_scope(asked: str, clause: str) -> bool:
    """The question counts over one part of its place (市本级) and the figure over another (全市)."""
    named = {m.group().rstrip("域") for m in cues.FIGURE_SCOPE.finditer(asked)}
    said = {m.group().rstrip("域") for m in cues.FIGURE_SCOPE.finditer(clause)}
    return bool(named and said and not named & said)


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
    # the lead names the year and reads as a sentence: 2023年以来…, 通过举办… would repeat or dangle
    return _LEAD_WORDS.sub("", head) or head


_LEAD_WORDS = re.compile(r"^(?:(?:19|20)\d{2}年(?:以来|度|全年|上半年|下半年)?[,，]?|全年|其中|今年以来|通过|经过|并且|并|同时|另外|此外)+")
