"""The sentence reader: whole sentences (or a section passage) of retrieved chunks scored against the
question, the near misses left out, long sentences cut to the clauses that answer."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.statements import HEADING_LIKE, ORDINAL, PLAN_HEADING, TARGET_SENTENCE
from ..facts.extract import states_zero_claim
from ..models import ReportMeta
from ..settings import AnswerSettings
from ..text.injection import looks_like_injection
from ..text.script import to_simplified
from ..text.spans import clause_spans, sentence_spans
from ..understand.asks import Asks
from ..understand.query import Query
from .retrieve import Hit


@dataclass
class Candidate:
    report_id: str
    start: int
    end: int
    quote: str
    score: float
    rank: int


@dataclass
class Reader:
    """Scores and selects sentences for one question (its parsed words and what it asks)."""

    q: Query
    asks: Asks
    tuning: AnswerSettings

    def score(self, sentence: str, rank: int) -> float:
        q, t = self.q, self.tuning
        toks = set(q.tokens)
        total = sum(_weight(x) for x in toks) or 1.0
        said = {x for group in q.synonyms if any(g in sentence for g in group) for x in toks if any(x in g for g in group)}
        coverage = sum(_weight(x) for x in toks if x in sentence.lower() or x in said) / total
        score = coverage + t.focus_bonus * sum(1 for x in q.focus if x in sentence) + t.rank_bonus / (1 + rank)
        if self.asks.number and re.search(r"\d", sentence):
            score += t.number_bonus
        if self.asks.rate and "%" in sentence:
            score += t.rate_bonus
        return score

    def qualifies(self, c: Candidate) -> bool:
        """A sentence may answer only if it carries what was asked, not a near-miss."""
        s, asks, q = c.quote, self.asks, self.q
        if asks.zero:  # a zero-defeat question is answered by the claim itself, in whatever wording
            return states_zero_claim(s)
        if asks.rate:
            rate_terms = [x for x in q.focus if x.endswith("率")] or ["率"]
            # the rate term and its figure must sit in the same clause: "败诉率逐年下降…化解率达82%" is no defeat rate
            if not any(("%" in cl or "百分之" in cl) and any(x in cl or x[:-1] in cl or x[-3:] in cl for x in rate_terms)
                       for cl in (s[a:b] for a, b in clause_spans(s, 0, len(s)))):
                return False
        if asks.number and not asks.open and not _FIGURE.search(_NOT_FIGURES.sub(" ", s)):
            return False  # a figure was asked: a sentence without one cannot answer
        if q.focus and not any(x in s for x in q.focus) and c.score < self.tuning.unfocused_min_score:
            return False
        return c.score >= self.tuning.min_sentence_score

    def candidates(self, hits: list[Hit], texts: dict[str, str]) -> list[Candidate]:
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
                score = self.score(to_simplified(quote), rank)
                in_plan = bool(PLAN_HEADING.search(hit.chunk.section.split(" > ")[0])) or bool(TARGET_SENTENCE.search(quote))
                if self.asks.plan and self.q.tokens and in_plan:
                    score += self.tuning.plan_bonus  # "plans for 2021" are answered from the plan section
                elif not self.asks.plan and in_plan:
                    score -= self.tuning.target_penalty  # a target ("力争…控制在8%以下") is not what happened
                out.append(Candidate(hit.chunk.report_id, s, e, quote, score, rank))
        return sorted(out, key=lambda c: -c.score)

    def tighten(self, c: Candidate) -> Candidate:
        """Quote only the clauses of a long sentence that carry the answer, so it is checkable at a glance."""
        limit = self.tuning.tighten_chars
        if len(c.quote) <= limit:
            return c
        clauses = clause_spans(c.quote, 0, len(c.quote))
        scores = [self.score(c.quote[s:e], c.rank) for s, e in clauses]
        best = max(scores)
        keep = [i for i, sc in enumerate(scores)
                if sc >= self.tuning.tighten_ratio * best and sc > self.tuning.rank_bonus / (1 + c.rank) + 1e-9]
        if not keep:
            return c
        i, j = keep[0], keep[-1]
        if clauses[j][1] - clauses[i][0] > 2 * limit:  # matches spread over the sentence: keep the best one
            i = j = scores.index(best)
        s, e = clauses[i][0], clauses[j][1]
        quote = c.quote[s:e].rstrip(",,、")
        trimmed = Candidate(c.report_id, c.start + s, c.start + s + len(quote), quote, c.score, c.rank)
        return trimmed if self.qualifies(trimmed) else c

    def select(self, cands: list[Candidate], metas: dict[str, ReportMeta], max_quotes: int) -> list[Candidate]:
        good = [c for c in cands if self.qualifies(c)]
        if not self.asks.plan and any(not TARGET_SENTENCE.search(c.quote) for c in good):
            good = [c for c in good if not TARGET_SENTENCE.search(c.quote)]  # what happened, not what is aimed for
        if not good:
            return []
        if len(self.q.places) > 1 or self.asks.listing:  # one best sentence per place, so each side/hit is covered
            by_place: dict[str | None, Candidate] = {}
            for c in good:
                by_place.setdefault(metas[c.report_id].place, c)
            return list(by_place.values())[: max(max_quotes, len(self.q.places), len(by_place) if self.asks.listing else 0)]
        best = good[0].score
        return [c for c in good if c.score >= self.tuning.select_ratio * best][:max_quotes]

    def is_open(self) -> bool:
        return self.asks.open and not (self.asks.number or self.asks.rate)

    def finalize(self, chosen: list[Candidate]) -> list[Candidate]:
        if self.is_open():
            return chosen  # a passage is quoted whole, sentence by sentence
        return [self.tighten(c) for c in chosen]


def _weight(token: str) -> float:
    return float(len(token)) if re.search(r"[\u4e00-\u9fff]", token) else 1.0


# a figure: digits, 百分之…, or a Chinese numeral before a unit (三次; not 一项工作); years, ranges,
# document numbers and quoted titles are no figures
_FIGURE = re.compile(r"\d|百分之|(?:[两二三四五六七八九十][零一二三四五六七八九十百千万]*|一[十百千万][零一二三四五六七八九十百千万]*)"
                     r"[件个次名人条份项]")
_NOT_FIGURES = re.compile(r"(?:19|20)\d{2}\s*(?:年度?|[-—–~至]+\s*(?:19|20)\d{2}\s*年?)|《[^》]{0,60}》|〔[^〕]*〕|"
                          r"[((][^()()]{0,30}(?:19|20)\d{2}[^()()]{0,30}[))]")


def plan_hits(chunks, report_ids: set[str], seen: set[str]) -> list[Hit]:
    """Chunks of the work-plan sections (下一年度工作计划/打算/思路) of the given reports."""
    return [Hit(chunk=c, score=0.0, dense_rank=None, bm25_rank=None) for c in chunks
            if c.report_id in report_ids and c.id not in seen and PLAN_HEADING.search(c.section.split(" > ")[0])]


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
    end = subtree_end(secs, own.start, len(text))
    spans = [(s, e) for s, e in sentence_spans(text, start, end) if e - s > 4]
    if len(spans) > limit:
        at = next((i for i, (s, e) in enumerate(spans) if s <= top.start < e), 0)
        lo = max(0, min(at - limit // 3, len(spans) - limit))
        spans = spans[lo: lo + limit]
    return [Candidate(top.report_id, s, e, text[s:e], top.score, top.rank) for s, e in spans]


def subtree_end(secs, offset: int, default: int) -> int:
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
        if not (HEADING_LIKE.match(c.quote) or c.quote.rstrip().endswith((":", ":"))):
            out.append(c)
            continue
        text = texts[c.report_id]
        sec_end = subtree_end(sections(c.report_id), c.start, len(text))
        follow = [(s, e) for s, e in sentence_spans(text, c.end, max(sec_end, c.end + 1)) if e - s > 8][:limit]
        if not HEADING_LIKE.match(c.quote):
            out.append(c)
        out.extend(Candidate(c.report_id, s, e, text[s:e], c.score, c.rank) for s, e in follow)
    seen, unique = set(), []
    for c in out:
        if (c.report_id, c.start) not in seen:
            seen.add((c.report_id, c.start))
            unique.append(c)
    return unique


def opening(q: Query, metas: dict[str, ReportMeta], texts: dict[str, str], sections) -> list[Candidate]:
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


def lead_clause(quote: str, limit: int = 24) -> str:
    """A passage's point in its own first words: 一是开展矛盾纠纷多元化解 → 开展矛盾纠纷多元化解."""
    first = re.split(r"[,,;;。:]", ORDINAL.sub("", quote.strip()), maxsplit=1)[0].strip()
    if len(first) > limit or len(first) < 4 or re.search(r"\d", first):
        return ""
    return first
