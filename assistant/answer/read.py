"""The reader: pick whole sentences (or a section passage) from retrieved chunks to quote verbatim."""
from __future__ import annotations

import re

from ..facts.extract import states_zero_claim
from ..models import Answer, ReportMeta
from ..text.spans import clause_spans, sentence_spans
from ..text.script import to_simplified
from .analyze import Query
from .citations import looks_like_injection
from .compose import Candidate, abstain, compose
from .retrieve import Hit

def _weight(token: str) -> float:
    return float(len(token)) if re.search(r"[\u4e00-\u9fff]", token) else 1.0


def score_sentence(q: Query, sentence: str, rank: int) -> float:
    toks = set(q.tokens)
    total = sum(_weight(t) for t in toks) or 1.0
    said = {t for group in q.synonyms if any(g in sentence for g in group) for t in toks if any(t in g for g in group)}
    coverage = sum(_weight(t) for t in toks if t in sentence.lower() or t in said) / total
    score = coverage + 0.5 * sum(1 for t in q.focus if t in sentence) + 0.15 / (1 + rank)
    if q.wants_number and re.search(r"\d", sentence):
        score += 0.3
    if q.wants_rate and "%" in sentence:
        score += 0.5
    return score


# a figure: digits, 百分之…, or a Chinese numeral before a unit (三次; not 一项工作); years, ranges,
# document numbers and quoted titles are no figures
_FIGURE = re.compile(r"\d|百分之|(?:[两二三四五六七八九十][零一二三四五六七八九十百千万]*|一[十百千万][零一二三四五六七八九十百千万]*)"
                     r"[件个次名人条份项]")
_NOT_FIGURES = re.compile(r"(?:19|20)\d{2}\s*(?:年度?|[-—–~至]+\s*(?:19|20)\d{2}\s*年?)|《[^》]{0,60}》|〔[^〕]*〕|"
                          r"[((][^()()]{0,30}(?:19|20)\d{2}[^()()]{0,30}[))]")


def _qualifies(q: Query, c: Candidate) -> bool:
    """A sentence may answer only if it carries what was asked, not a near-miss."""
    s = c.quote
    if q.wants_zero:  # a zero-defeat question is answered by the claim itself, in whatever wording
        return states_zero_claim(s)
    if q.wants_rate and not q.wants_zero:
        rate_terms = [t for t in q.focus if t.endswith("率")] or ["率"]
        # the rate term and its figure must sit in the same clause: "败诉率逐年下降…化解率达82%" is no defeat rate
        if not any(("%" in cl or "百分之" in cl) and any(t in cl or t[:-1] in cl or t[-3:] in cl for t in rate_terms)
                   for cl in (s[a:b] for a, b in _clauses(s))):
            return False
    if q.wants_number and not q.wants_open and not _FIGURE.search(_NOT_FIGURES.sub(" ", s)):
        return False  # a figure was asked: a sentence without one cannot answer
    if q.focus and not any(t in s for t in q.focus) and c.score < 0.6:
        return False
    return c.score >= 0.45


_OVERVIEW_EN = re.compile(r"\b(?:compare|comparison|tell me about|overview|summar\w*|describe|what about|versus|vs)\b|"
                          r"^\s*what did\b.{0,80}\bdo\b(?:\s+in\s+\d{4})?\s*\??\s*$", re.I)
_CONTENT_EN = re.compile(r"\b(?:how many|how much|what (?:is|was|were|are) the|which|number|rate|percent)\b", re.I)


def asks_overview(q: Query) -> bool:
    """Only places named: a Chinese question with nothing else, or an English "compare / tell me about X"."""
    if q.lang == "zh":
        return True
    return bool(_OVERVIEW_EN.search(q.question)) and not _CONTENT_EN.search(q.question)


def overview(q: Query, metas: dict[str, ReportMeta], texts: dict[str, str], sections) -> list[Candidate]:
    """First body sentence of each named place's report: the answer to 'tell me about / compare X and Y'."""
    out = []
    for rid, meta in metas.items():
        if not q.names_reports() or not q.covers(meta) or (q.year and meta.year != q.year):
            continue
        text = texts[rid]
        for sec in sections(rid):
            if sec.path == "标题":
                continue
            spans = [(s, e) for s, e in sentence_spans(text, sec.start, sec.end) if e - s > 30]
            if spans:
                s, e = spans[0]
                out.append(Candidate(rid, s, e, text[s:e], 1.0, 0))
                break
    return out


_PLAN_SECTION = re.compile(r"计划|打算|思路|下步|下一步|安排|展望")
_TARGET = re.compile(r"力争|争取|目标是|确保.{0,12}(?:以下|以上|以内)")


def plan_hits(chunks, report_ids: set[str], seen: set[str]) -> list[Hit]:
    """Chunks of the work-plan sections (下一年度工作计划/打算/思路) of the given reports."""
    return [Hit(chunk=c, score=0.0, dense_rank=None, bm25_rank=None) for c in chunks
            if c.report_id in report_ids and c.id not in seen and _PLAN_SECTION.search(c.section.split(" > ")[0])]


def candidates(q: Query, hits: list[Hit], texts: dict[str, str]) -> list[Candidate]:
    out, seen = [], set()
    for rank, hit in enumerate(hits):
        text = texts[hit.chunk.report_id]
        for s, e in sentence_spans(text, hit.chunk.start, hit.chunk.end):
            if (hit.chunk.report_id, s) in seen or e - s < 6:
                continue
            seen.add((hit.chunk.report_id, s))
            quote = text[s:e]
            if looks_like_injection(quote):
                continue
            score = score_sentence(q, to_simplified(quote), rank)
            in_plan = bool(_PLAN_SECTION.search(hit.chunk.section.split(" > ")[0])) or bool(_TARGET.search(quote))
            if q.wants_plan and q.tokens and in_plan:
                score += 0.5  # "plans for 2021" are answered from the plan section, not from results
            elif not q.wants_plan and in_plan:
                score -= 0.3  # a target ("力争…控制在8%以下") is not what happened
            out.append(Candidate(hit.chunk.report_id, s, e, quote, score, rank))
    return sorted(out, key=lambda c: -c.score)


def _clauses(quote: str) -> list[tuple[int, int]]:
    return clause_spans(quote, 0, len(quote))


def tighten(q: Query, c: Candidate, limit: int = 80) -> Candidate:
    """Quote only the clauses of a long sentence that carry the answer, so it is checkable at a glance."""
    if len(c.quote) <= limit:
        return c
    clauses = _clauses(c.quote)
    scores = [score_sentence(q, c.quote[s:e], c.rank) for s, e in clauses]
    best = max(scores)
    keep = [i for i, sc in enumerate(scores) if sc >= 0.7 * best and sc > 0.15 / (1 + c.rank) + 1e-9]
    if not keep:
        return c
    i, j = keep[0], keep[-1]
    if clauses[j][1] - clauses[i][0] > 2 * limit:  # matches spread over the sentence: keep the best one
        i = j = scores.index(best)
    s, e = clauses[i][0], clauses[j][1]
    quote = c.quote[s:e].rstrip(",,、")
    trimmed = Candidate(c.report_id, c.start + s, c.start + s + len(quote), quote, c.score, c.rank)
    return trimmed if _qualifies(q, trimmed) else c


def select(q: Query, cands: list[Candidate], metas: dict[str, ReportMeta], max_quotes: int) -> list[Candidate]:
    good = [c for c in cands if _qualifies(q, c)]
    if not q.wants_plan and any(not _TARGET.search(c.quote) for c in good):
        good = [c for c in good if not _TARGET.search(c.quote)]  # what happened, not what is aimed for
    if not good:
        return []
    if len(q.places) > 1 or q.wants_list:  # one best sentence per place, so each side/hit is covered
        by_place: dict[str | None, Candidate] = {}
        for c in good:
            by_place.setdefault(metas[c.report_id].place, c)
        return list(by_place.values())[: max(max_quotes, len(q.places), len(by_place) if q.wants_list else 0)]
    best = good[0].score
    return [c for c in good if c.score >= 0.75 * best][:max_quotes]


def finalize(q: Query, chosen: list[Candidate]) -> list[Candidate]:
    if _is_open(q):
        return chosen  # a passage is quoted whole, sentence by sentence
    return [tighten(q, c) for c in chosen]


def _is_open(q: Query) -> bool:
    return q.wants_open and not (q.wants_number or q.wants_rate)


def passage(top: Candidate, texts: dict[str, str], sections, limit: int) -> list[Candidate]:
    """The section holding the best sentence, with its sub-sections, as consecutive sentences.

    Open questions ("做了哪些工作", "what did X do") are answered by what the report says under the
    matching heading; a long section is cut to a window around the best sentence."""
    text = texts[top.report_id]
    secs = sections(top.report_id)
    own = next((s for s in secs if s.start <= top.start < s.end), None)
    if own is None:
        return [top]
    parent = own.path.rsplit(" > ", 1)[0] if own.level >= 3 else own.path
    start = min((s.start for s in secs if s.path == parent or s.path.startswith(parent + " > ")
                 and s.start <= own.start), default=own.start)
    start = max(start, own.start) if own.end - own.start > 200 else start
    end = _subtree_end(secs, own.start, len(text))
    spans = [(s, e) for s, e in sentence_spans(text, start, end) if e - s > 4]
    if len(spans) > limit:
        at = next((i for i, (s, e) in enumerate(spans) if s <= top.start < e), 0)
        lo = max(0, min(at - limit // 3, len(spans) - limit))
        spans = spans[lo : lo + limit]
    return [Candidate(top.report_id, s, e, text[s:e], top.score, top.rank) for s, e in spans]


_HEADING_LIKE = re.compile(r"^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、])[^。]{0,40}。?$")


def _subtree_end(secs, offset: int, default: int) -> int:
    """End of the section holding `offset` together with all its sub-sections that follow it."""
    own = next((s for s in secs if s.start <= offset < s.end), None)
    if own is None:
        return default
    end = own.end
    for s in secs:
        if s.start >= own.end and s.start <= end + 1 and s.path.startswith(own.path + " > "):
            end = s.end
    return end


def expand(cands: list[Candidate], texts: dict[str, str], sections, limit: int = 3) -> list[Candidate]:
    """A heading or a sentence ending in ':' announces content: quote the sentences that follow it."""
    out: list[Candidate] = []
    for c in cands:
        if not (_HEADING_LIKE.match(c.quote) or c.quote.rstrip().endswith((":", ":"))):
            out.append(c)
            continue
        text = texts[c.report_id]
        sec_end = _subtree_end(sections(c.report_id), c.start, len(text))
        follow = [(s, e) for s, e in sentence_spans(text, c.end, max(sec_end, c.end + 1)) if e - s > 8][:limit]
        if not _HEADING_LIKE.match(c.quote):
            out.append(c)
        out.extend(Candidate(c.report_id, s, e, text[s:e], c.score, c.rank) for s, e in follow)
    seen, unique = set(), []
    for c in out:
        if (c.report_id, c.start) not in seen:
            seen.add((c.report_id, c.start))
            unique.append(c)
    return unique


def answer_from_hits(q: Query, hits: list[Hit], texts: dict[str, str], metas: dict[str, ReportMeta], sections,
                     max_quotes: int) -> Answer:
    """The whole extractive answer step over retrieved chunks (shared by the naive baseline)."""
    chosen = select(q, candidates(q, hits, texts), metas, max_quotes)
    if chosen and _is_open(q) and len(q.places) <= 1:
        chosen = passage(chosen[0], texts, sections, limit=10)
    chosen = finalize(q, expand(chosen, texts, sections)) if chosen else []
    return compose(q, chosen, metas, sections) if chosen else abstain(q)
