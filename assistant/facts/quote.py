"""The part of a fact's sentence to quote: the clause(s) holding its figure, short enough to check at a
glance, with what a reader needs to understand it (the subject of a bare figure, the counts a rate is
computed from, a following 其中/同比 clause)."""
from __future__ import annotations

import re

from ..domain.quantity import parse_zh
from ..models import Fact
from ..text.spans import clause_spans

_CLAUSE_OR_SEMI = re.compile(r"[,,;;]")
_COUNTS = frozenset("件起宗次人名个家项")  # units of the counts a rate may be computed from
# a clause that goes on about the same figure (调解成功7405件, 其中…, 同比上升…): kept with it
_CONTINUES = re.compile(r"^(?:其中|另|成功|调解成功|化解成功|办结|结案|同比|较上年|比上年|较去年|比去年|占|排名|居|位居|位列)")


def _counted(clause: str) -> bool:
    return any(q.unit in _COUNTS for q in parse_zh(clause))


def clause_span(text: str, fact: Fact, whole: bool = False) -> tuple[int, int]:
    """The clause(s) of the fact's sentence that hold its figure (the whole sentence when `whole`, e.g. a
    question that also asks the rank)."""
    quote = fact.quote
    at = quote.find(fact.value_text) if fact.value_text else -1
    if whole or len(quote) <= 60 or at < 0:
        return fact.start, fact.end
    clauses = clause_spans(quote, 0, len(quote), _CLAUSE_OR_SEMI)
    i = max(k for k, (s, _) in enumerate(clauses) if s <= at)
    s, e = clauses[i]
    if e - s < 14 and i > 0:  # a bare figure ("调解成功率99.35%") keeps the clause that names its subject
        s = clauses[i - 1][0]
    last, first = i, i - (s < clauses[i][0])
    while fact.indicator.kind == "rate" and first > 0 and s - clauses[first - 1][0] < 30 \
            and _counted(quote[clauses[first - 1][0]:clauses[first - 1][1]]):
        first -= 1  # a rate keeps the counts it is computed from (接收37件, 成功19件, 化解率51.35%)
        s = clauses[first][0]
    for ns, ne in clauses[last + 1:last + 3]:
        if not _CONTINUES.match(quote[ns:ne].lstrip(",,;; ")):
            break
        e = ne
    return fact.start + s, fact.start + e
