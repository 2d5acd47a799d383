"""English figure questions: the number-bearing clause nearest the question in the multilingual
embedding space, one per figure asked ("how many sessions, and how many person-times?").

Chinese questions share words with the reports and are matched by character bigrams (figures.py); an
English question shares none, so the clauses whose unit fits what is counted are ranked by embedding
similarity, nudged by the glossary's Chinese terms for the question's domain phrases.
"""
from __future__ import annotations

import re

from ..text.glossary import expand_english
from ..text.script import to_simplified
from .analyze import Query
from .figures import UNITS, Figure, asked_units_en, figure_clauses, own_words

MAX_CLAUSES = 160  # ~1 s of embedding on 2 cores; beyond it, the clauses of the best retrieved chunks first
_TERM_BONUS, _OWN_BONUS = 0.03, 0.1
_NEXT_BONUS, _NEXT_SPAN = 0.1, 40
# "how many X, and how many Y" / "… and what sum was involved": one part per figure asked
_SPLIT = re.compile(r"(?:,\s*|\s+)and\s+(?:(?:from|for|in|of|at|by|with|across)\s+)?(?=(?:how (?:many|much)|what (?:sum|amount|total|number|share|percentage|proportion|rate))\b)",
                    re.I)
# "how many instructions": no unit word is known, so any count; never a rate or a sum of money
ANY_COUNT = set(UNITS.split("|")) - {"%", "％", "个百分点", "百分点", "元", "万元", "亿元"}
_EVERYWHERE = {"法治", "依法行政"}  # in nearly every clause of these reports: says nothing about what is counted


# "how many A and B did X …": two things counted by one verb
_PAIR = re.compile(r"\b(how many\s+)((?:[\w'()-]+\s+){0,6}?[\w'()-]+)\s+and\s+((?:[\w'()-]+\s+){0,6}?[\w'()-]+)"
                   r"(\s+(?:did|do|does|were|was|are|is|have|has|had)\b.*)$", re.I | re.S)


def parts_en(question: str) -> list[str]:
    parts = [p for p in _SPLIT.split(question) if p.strip()]
    if len(parts) == 1 and (m := _PAIR.search(question)):
        head, rest = question[:m.start()], m.group(4)
        return [f"{head}{m.group(1)}{m.group(2)}{rest}", f"{m.group(1)}{m.group(3)}{rest}"]
    return parts


def _units(parts: list[str]) -> list[set[str] | None]:
    """Units each part asks for; a part that names none (… and how many for the other areas) asks what the
    part before it asks."""
    out: list[set[str] | None] = []
    for part in parts:
        units = asked_units_en(part)
        if units is None and out:
            units = out[-1]
        out.append(units)
    for i in range(len(out) - 2, -1, -1):  # "legal aid and mediation cases": the noun after names both
        out[i] = out[i] or out[i + 1]
    return out


def _candidates(report_ids: list[str], text, units: list[set[str] | None], near: list[tuple[str, int, int]]):
    """Figure clauses of the reports whose unit some part can take; when there are too many, those inside
    the retrieved chunks (`near`: report id, start, end) come first."""
    seen, cands = set(), []
    for rid in report_ids:
        body = to_simplified(text(rid))
        for _, m, (left, right) in figure_clauses(body, None):
            unit = (m.group("mult") or "") + m.group("unit")
            fits = [u is not None and (m.group("unit") in u or unit in u) for u in units]
            if any(fits) and (rid, left, m.start()) not in seen:
                seen.add((rid, left, m.start()))
                cands.append((Figure(rid, left, right, body[m.start():m.end()], 0.0), fits, body[left:right],
                              own_words(body, left, m.start(), m.end())))
    if len(cands) > MAX_CLAUSES:
        def inside(c) -> bool:
            f = c[0]
            return any(f.report_id == rid and s <= f.start < e for rid, s, e in near)
        cands = sorted(cands, key=lambda c: not inside(c))[:MAX_CLAUSES]
    return cands


def find_dense(q: Query, report_ids: list[str], text, embed_model, near: list[tuple[str, int, int]] = ()) -> list[Figure]:
    """The best clause for each figure the question asks, each clause used once; nothing when the
    question implies no count (`what did X do`)."""
    parts = parts_en(q.question)
    units = _units(parts)
    known = [t for t in q.zh_terms if t not in _EVERYWHERE]
    if units[0] is None and known and re.search(r"\bhow many\b", q.question, re.I):
        units = [u or ANY_COUNT for u in units]
    if embed_model is None or units[0] is None:
        return []
    cands = _candidates(report_ids, text, units, list(near))
    if units[0] is ANY_COUNT:  # no unit word: only a clause saying what the question is about ("trees": nothing)
        cands = [c for c in cands if any(t in c[2] for t in known)]
    if not cands:
        return []
    import numpy as np

    clauses = np.array(embed_model.get_text_embedding_batch([c[2] for c in cands]))
    whole = clauses @ np.array(embed_model.get_query_embedding(q.question))
    bonus = np.array([_TERM_BONUS * sum(t in c[2] for t in q.zh_terms) for c in cands])
    if len(parts) > 1:  # a clause may hold several figures: each is told apart by the words right before it
        owns = np.array(embed_model.get_text_embedding_batch([c[3] for c in cands]))
    chosen: list[Figure] = []
    for i, part in enumerate(parts):
        sims = whole + bonus + (_beside(cands, chosen[-1]) if chosen else 0.0)
        if len(parts) > 1:  # the part's words tell its figure from its neighbour's (示范 vs 达标, 活动 vs 讲座)
            terms = expand_english(part)
            sims = sims + owns @ np.array(embed_model.get_query_embedding(part)) + \
                np.array([_OWN_BONUS * sum(t in c[3] for t in terms) for c in cands])
        taken = {(f.report_id, f.start, f.value) for f in chosen}
        order = [j for j in np.argsort(-sims) if cands[j][1][i] and (cands[j][0].report_id, cands[j][0].start,
                                                                     cands[j][0].value) not in taken]
        if order:
            best = cands[order[0]][0]
            chosen.append(Figure(best.report_id, best.start, best.end, best.value, float(sims[order[0]])))
    return chosen


def _beside(cands, prev: Figure):
    """Figures asked together are mostly reported together: a bonus for the clauses right after the last
    one chosen (5家单位参评示范地区, 11家单位参评达标地区)."""
    import numpy as np

    return np.array([_NEXT_BONUS if c[0].report_id == prev.report_id and 0 <= c[0].start - prev.end <= _NEXT_SPAN
                     else 0.0 for c in cands])
