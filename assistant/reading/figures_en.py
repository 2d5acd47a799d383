"""English figure questions: the number-bearing clause nearest the question in the multilingual
embedding space, one per figure asked ("how many sessions, and how many person-times?").

Chinese questions share words with the reports and are matched by character bigrams (figures.py); an
English question shares none, so the clauses whose unit fits what is counted are ranked by embedding
similarity, nudged by the glossary's Chinese terms for the question's domain phrases.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..domain import cues
from ..domain.glossary import expand_english
from ..domain.quantity import given_values, value_of
from ..domain.asked import counted_en, widened
from ..domain.terms import EVERYWHERE
from ..settings import AnswerSettings
from ..text.script import to_simplified
from ..understand.parts import Thing, partitive, without_whole
from ..understand.query import Query, strip_exclusions
from .figures import PARTS_FOLLOW, UNITS, Figure, figure_clauses, grams, other_scope, own_words, respective, segment_before

# "how many instructions": no unit word is known, so any count; never a rate or a sum of money
ANY_COUNT = set(UNITS) - {"%", "％", "‰", "‱", "个百分点", "百分点", "倍", "元", "万元", "亿元"}



class Cand(NamedTuple):
    """A figure of a report's clause that some part of the question can take."""
    figure: Figure
    fits: list[bool]  # per part asked: its unit can answer that part
    clause: str
    own: str = ""  # the words right by the figure (figures.own_words)
    before: str = ""  # the four characters before it, not reaching the figure before's noun
    parts_follow: bool = False  # 其中… follows: it is a whole
    segment: str = ""  # its sentence up to it, from the last semicolon (the scope it is said of)


def _candidates(report_ids: list[str], text, units: list[set[str] | None], near: list[tuple[str, int, int]],
                t: AnswerSettings, ordinal: bool = False):
    """Figure clauses of the reports whose unit some part can take; when there are too many, those inside
    the retrieved chunks (`near`: report id, start, end) come first."""
    seen, cands = set(), []
    for rid in report_ids:
        body = to_simplified(text(rid))
        for sent, q, (left, right) in figure_clauses(body, None, ordinal):
            fits = [u is not None and (q.unit in u or q.magnitude + q.unit in u or (ordinal and not q.unit))
                    for u in units]
            if any(fits) and (rid, left, q.start) not in seen:
                seen.add((rid, left, q.start))
                # the four characters before, not reaching the figure before's noun
                before = re.split(r"[\d、,,;;。]", body[max(left, q.start - 4):q.start])[-1]
                cands.append(Cand(Figure(rid, left, right, body[q.start:q.end], 0.0), fits, body[left:right],
                                  own_words(body, left, q.start, q.end, t.en_own_reach), before,
                                  bool(PARTS_FOLLOW.match(body, q.end)), segment_before(body, sent, q.start)))
    if len(cands) > t.en_max_clauses:
        def inside(c) -> bool:
            f = c.figure
            return any(f.report_id == rid and s <= f.start < e for rid, s, e in near)
        cands = sorted(cands, key=lambda c: not inside(c))[:t.en_max_clauses]
    return cands


def find_dense(q: Query, things: list[Thing], report_ids: list[str], text, embed_model, t: AnswerSettings,
               near: list[tuple[str, int, int]] = ()) -> list[Figure]:
    """The best clause for each figure the question asks, each clause used once; nothing when the
    question implies no count (`what did X do`)."""
    parts = [th.text for th in things]
    units: list[set[str] | None] = [None if th.units is None else set(th.units) for th in things]
    known = [x for x in q.zh_terms if x not in EVERYWHERE]
    # "how many of them were still under way": no unit word, but a follow-up's earlier sentence says what is counted
    # ("And before that?" leans on that sentence without asking "how many" again)
    any_count = units[0] is None and (known or q.beside) and (re.search(r"\bhow many\b", q.question, re.I) or q.leans)
    if any_count:
        units = [u or ANY_COUNT for u in units]
    if embed_model is None or units[0] is None:
        return []
    excluded = [x for x in q.zh_terms if x not in (q.asked_terms or q.zh_terms)]  # "as opposed to cancelling": 取消
    ordinal = any(th.ordinal for th in things)

    def read(units):
        return _preferred(q, _candidates(report_ids, text, units, list(near), t, ordinal), units[0] is ANY_COUNT, known, excluded)
    cands = read(units)
    # several parts, one of whose units no clause has ("how many people trained": 培训党员148.8万人次): its next nearest
    if len(units) > 1 and (wider := _bare_widened(units, cands)) != units:
        units, cands = wider, read(wider)
    if not cands:
        return []
    import numpy as np

    clauses = np.array(embed_model.get_text_embedding_batch([c.clause for c in cands]))
    whole = clauses @ np.array(embed_model.get_query_embedding(q.question))
    asked = q.asked_terms or q.zh_terms
    bonus = np.array([t.en_term_bonus * sum(x in c.clause for x in asked) +
                      t.beside_bonus * q.is_beside(c.figure.report_id, c.figure.start) for c in cands])
    # a clause may hold several figures (保留24件、废止35件): each is told apart by the words right by it
    owns = np.array(embed_model.get_text_embedding_batch([c.own for c in cands]))
    chosen: list[Figure] = []
    for i, part in enumerate(parts):
        sims = whole + bonus + (_beside(cands, chosen[-1], t) if chosen else 0.0)
        if i + 1 < len(parts) and partitive(parts[i + 1]):  # "how many X, and how many of them Y": X is the whole
            sims = sims + np.array([t.en_head_bonus * c.parts_follow for c in cands])
        own = without_whole(strip_exclusions(part))
        terms = expand_english(own)  # the part's words tell its figure from its neighbour's (示范 vs 达标)
        head = _head(part)
        sims = sims + _own_scores(cands, owns, embed_model.get_query_embedding(own), terms, head, t)
        taken = {(f.report_id, f.start, f.value) for f in chosen}
        order = [j for j in np.argsort(-sims) if cands[j].fits[i] and (cands[j].figure.report_id, cands[j].figure.start,
                                                                     cands[j].figure.value) not in taken]
        if order and len(parts) == 1:
            order = own_first(cands, order, embed_model, own, terms, t, head, excluded)
            order = _respective_first(cands, order, expand_english(re.split(r"(?<=[.;!?])\s+", own.strip())[-1]))
        if order and cues.BEFORE_CHANGE.search(part):
            order = changed_from(cands, order)
        if order and q.leans and cues.WHOLE_ASKED.search(part):
            order = _whole_first(q, cands, order)
        if order:
            best = cands[order[0]].figure
            chosen.append(Figure(best.report_id, best.start, best.end, best.value, float(sims[order[0]])))
    return chosen


def _bare_widened(units: list, cands: list[Cand]) -> list:
    """The parts' units, those no candidate fits widened to their next nearest (人 → 人次)."""
    return [set(widened(sorted(u)) or u) if u is not None and u is not ANY_COUNT and not any(c.fits[i] for c in cands) else u
            for i, u in enumerate(units)]


def _own_scores(cands: list[Cand], owns, own_vector, terms: list[str], head: list[str], t: AnswerSettings):
    """How well each candidate's own words fit a part: the embedding of the words right by the figure, and the part's
    glossary terms and head noun found there (保留24件、废止35件: "repealed" picks 废止35件)."""
    import numpy as np

    return owns @ np.array(own_vector) + np.array([t.en_own_bonus * sum((x in c.own) + (x in c.before) for x in terms) +
                                                   t.en_head_bonus * any(x in c.own or x in c.before for x in head)
                                                   for c in cands])


def _preferred(q: Query, cands: list[Cand], any_unit: bool, known: list[str], excluded: list[str]) -> list[Cand]:
    """The candidates the question's own words leave: what it is about when it names no unit, not what it
    excludes, not another part of its place, not a number it states itself, the change when it asks one."""
    if any_unit:  # no unit word: only a clause saying what the question is about ("trees": nothing)
        cands = [c for c in cands if any(x in c.clause for x in known) or q.is_beside(c.figure.report_id, c.figure.start)]
    cands = _kept(cands, lambda c: not any(x in c.own or x in c.before for x in excluded))  # 取消…8项 when "as opposed to cancelling"
    cands = _kept(cands, lambda c: not other_scope(" ".join(q.asked_terms or q.zh_terms), c.segment))  # 市本级 asked, 全市… stated
    given = given_values(q.question)  # "Guilin's 51 departments", "about 12,000 courses"
    cands = _kept(cands, lambda c: value_of(c.figure.value) not in given)
    if cues.CHANGE.search(q.question) and (changes := [c for c in cands if cues.CHANGED_BY.search(c.before)]):
        return changes  # "how much did it improve": the figure written as the change (提高13.8%), not the level
    return cands


def _kept(cands: list, keep) -> list:
    """The candidates that pass `keep`, unless none does: a preference, never the reason to abstain."""
    return [c for c in cands if keep(c)] or cands


def _head(part: str) -> list[str]:
    """What is counted most of all (lawyer teams → 律师); none for "how many of the X were repealed": the X are
    the whole the figure is part of, the verb tells the part."""
    return [] if partitive(part) else expand_english(" ".join(counted_en(part)[0]))


def own_first(cands, order: list[int], embed_model, part: str, terms: list[str] = (), t: AnswerSettings | None = None,
              head: list[str] = (), excluded: list[str] = ()) -> list[int]:
    """One clause, several figures of the unit asked (新提任领导干部考试37人次、机关干部学法考试1.3万人次): the clause
    ranks them alike, so the figure whose own words are nearest the question comes first; a glossary term of
    the question in a figure's own words counts too (挂宣传横幅12条、宣传海报35张: banners are 横幅)."""
    top = cands[order[0]].figure
    same = [j for j in order if (cands[j].figure.report_id, cands[j].figure.start) == (top.report_id, top.start)]
    if len(same) < 2:
        return order
    import numpy as np

    owns = np.array(embed_model.get_text_embedding_batch([cands[j].own for j in same]))
    bonus = t.en_own_bonus if t is not None else 0.0
    head_bonus = t.en_head_bonus if t is not None else 0.0
    named = np.array([bonus * sum((x in cands[j].own) + (x in cands[j].before) for x in terms) +
                      head_bonus * any(x in cands[j].own or x in cands[j].before for x in head) -
                      (bonus + head_bonus) * any(x in cands[j].own or x in cands[j].before for x in excluded) for j in same])
    best = same[int(np.argmax(owns @ np.array(embed_model.get_query_embedding(part)) + named))]
    return [best] + [j for j in order if j != best]


def _respective_first(cands: list[Cand], order: list[int], terms: list[str]) -> list[int]:
    """Of the top clause's figures, the one its 分别 pairs by position with the terms of the sentence that asks
    (审批环节、审批材料、审批时限分别压缩14.39%、24.65%、69.9%; "By what percentage was the paperwork cut?" → 24.65%)."""
    top = cands[order[0]].figure
    wanted = grams(" ".join(terms))
    for j in order:
        f = cands[j].figure
        if (f.report_id, f.start) == (top.report_id, top.start) and (at := cands[j].clause.find(f.value)) >= 0 \
                and respective(cands[j].clause, at, wanted):
            return [j] + [k for k in order if k != j]
    return order


def changed_from(cands, order: list[int]) -> list[int]:
    """"How many before the cut": of the top clause's figures, the one a change starts from (62项 in
    把62项考核指标精简优化为13项), found by the change verb between it and the next figure."""
    top = cands[order[0]].figure
    clause = cands[order[0]].clause
    for j in order:
        f = cands[j].figure
        if (f.report_id, f.start) != (top.report_id, top.start) or (at := clause.find(f.value)) < 0:
            continue
        after = re.split(r"\d", clause[at + len(f.value):], maxsplit=1)
        if len(after) == 2 and cues.CHANGE_TO.search(after[0]):
            return [j] + [k for k in order if k != j]
    return order


def _whole_first(q: Query, cands, order: list[int]) -> list[int]:
    """"Out of how many in total?" after a figure: the largest figure of the sentence cited before, in the units asked
    (237件 of “237件…进行了集中清理,决定继续有效24件、…废止35件”)."""
    beside = [j for j in order if q.is_beside(cands[j].figure.report_id, cands[j].figure.start)]
    if not beside:
        return order
    top = max(beside, key=lambda j: value_of(cands[j].figure.value) or 0)
    return [top] + [k for k in order if k != top]


def _beside(cands, prev: Figure, t: AnswerSettings):
    """Figures asked together are mostly reported together: a bonus for the clauses right after the last
    one chosen (5家单位参评示范地区, 11家单位参评达标地区)."""
    import numpy as np

    return np.array([t.en_next_bonus if c.figure.report_id == prev.report_id and 0 <= c.figure.start - prev.end <= t.en_next_span
                     else 0.0 for c in cands])
