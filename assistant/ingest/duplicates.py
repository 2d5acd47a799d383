"""Near-duplicate reports: the same report saved twice with a line added, a footer changed, re-encoded.

Exact duplicates share a content hash (ReportMeta.id). Near ones are found by the Jaccard similarity of the
character 5-grams of the normalised text (whitespace, punctuation and digits of page numbers do not count);
two different years of one county's report share boilerplate but stay far below the threshold
(tests/ingest/test_duplicates.py checks every pair of the bundled corpora).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
_K = 5


def normalise(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text)).lower()


def shingles(text: str) -> frozenset[str]:
    norm = normalise(text)
    return frozenset(norm[i:i + _K] for i in range(max(len(norm) - _K + 1, 1)))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class DuplicateIndex:
    """The stored reports' shingles, computed on first use and only for reports of a similar length (a Jaccard
    similarity t needs sizes within a factor t), so a large corpus is not held in memory as 5-grams."""

    def __init__(self, sizes: dict[str, int], text_of: Callable[[str], str], threshold: float = 0.9):
        self.sizes = sizes  # report id → characters of its cleaned text (ReportMeta.chars)
        self.text_of = text_of
        self.threshold = threshold
        self._sets: dict[str, frozenset[str]] = {}

    def resize(self, sizes: dict[str, int]) -> None:
        """The stored reports changed: their sizes, keeping the shingles of those still there (a report id is
        its content's hash, so its shingles never change)."""
        self.sizes = sizes
        self._sets = {i: s for i, s in self._sets.items() if i in sizes}

    def _set(self, report_id: str) -> frozenset[str]:
        if report_id not in self._sets:
            self._sets[report_id] = shingles(self.text_of(report_id))
        return self._sets[report_id]

    def find(self, text: str, pending: dict[str, str] | None = None) -> tuple[str, float] | None:
        """(id, similarity) of the most similar stored (or pending, same batch) report at or above the
        threshold, else None."""
        new = shingles(text)
        best: tuple[str, float] | None = None
        slack = self.threshold * 0.8  # cleaned length vs normalised length: punctuation varies a little
        near = [i for i, n in self.sizes.items() if not n or min(n, len(text)) >= slack * max(n, len(text))]
        candidates = [(i, self._set(i)) for i in near]
        candidates += [(i, shingles(t)) for i, t in (pending or {}).items()]
        for report_id, other in candidates:
            # sizes alone bound the Jaccard similarity: skip the set work for reports of very different length
            if min(len(new), len(other)) < self.threshold * max(len(new), len(other)):
                continue
            sim = similarity(new, other)
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (report_id, sim)
        return best
