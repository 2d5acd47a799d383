"""Near-duplicate reports: the same report saved twice with a line added, a footer changed, re-encoded.

Exact duplicates share a content hash (ReportMeta.id). Near ones are found by the Jaccard similarity of the
character 5-grams of the normalised text (whitespace, punctuation and digits of page numbers do not count);
two different years of one county's report share boilerplate but stay far below the threshold
(tests/ingest/test_duplicates.py checks every pair of the bundled corpora).

Comparing a new report's 5-grams with every stored report's made adding one report cost a read and a
set of 5-grams per stored report of similar length (thousands at 30,000 reports, and their sets held in
memory). Each stored report has a MinHash signature instead (64 numbers, 256 bytes, kept in the store's
`signatures` table): the signatures estimate the similarity of every stored report at once, and only
the few whose estimate comes near the threshold are compared exactly, 5-gram by 5-gram.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from typing import Callable, Protocol

import numpy as np

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
_K = 5
_HASHES = 64  # signature length: the estimate's standard error is at most 1/16
_MARGIN = 0.25  # estimates this far below the threshold are still checked exactly (> 6 standard errors at 0.9)
_RNG = np.random.default_rng(22)  # fixed: signatures are stored, so every process must draw the same hashes
_A = _RNG.integers(1, 2**63, _HASHES, dtype=np.uint64) | np.uint64(1)
_B = _RNG.integers(0, 2**63, _HASHES, dtype=np.uint64)


def normalise(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text)).lower()


def shingles(text: str) -> frozenset[str]:
    norm = normalise(text)
    return frozenset(norm[i:i + _K] for i in range(max(len(norm) - _K + 1, 1)))


def signature(grams: frozenset[str]) -> np.ndarray:
    """MinHash of a set of 5-grams: per hash function the least value over the set (stable across processes)."""
    h = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams))
    return ((_A[:, None] * h[None, :] + _B[:, None]) >> np.uint64(32)).min(axis=1).astype("<u4")


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class Signatures(Protocol):
    """Where signatures are kept (store/docstore.py): read a few or all, write new ones."""

    def signatures(self, report_ids: list[str] | None = None) -> dict[str, bytes]: ...

    def put_signatures(self, signatures: dict[str, bytes]) -> None: ...


class DuplicateIndex:
    """The stored reports' signatures (read on first use; made from the text of a report that has none, as in
    an older store) and their sizes; 5-grams only for the few reports a signature says come close."""

    def __init__(self, sizes: dict[str, int], text_of: Callable[[str], str], threshold: float = 0.9,
                 store: Signatures | None = None):
        self.sizes = sizes  # report id → characters of its cleaned text (ReportMeta.chars)
        self.text_of = text_of
        self.threshold = threshold
        self.store = store
        self._sigs: dict[str, np.ndarray] | None = None  # None: not read yet

    def resize(self, sizes: dict[str, int]) -> None:
        """The stored reports changed: their sizes; signatures of new reports once signatures are in use."""
        self.sizes = sizes
        if self._sigs is not None:
            self._sigs = {i: s for i, s in self._sigs.items() if i in sizes}
            self._load([i for i in sizes if i not in self._sigs])

    def _load(self, ids: list[str] | None) -> None:
        """Signatures of `ids` (None: every stored report) from the store; those it lacks made and stored."""
        stored = self.store.signatures(ids) if self.store is not None else {}
        self._sigs = self._sigs or {}
        self._sigs.update({i: np.frombuffer(b, dtype="<u4") for i, b in stored.items() if i in self.sizes})
        made = {i: signature(shingles(self.text_of(i))) for i in (self.sizes if ids is None else ids) if i not in self._sigs}
        self._sigs.update(made)
        if made and self.store is not None:
            self.store.put_signatures({i: s.tobytes() for i, s in made.items()})

    def find(self, text: str, pending: dict[str, str] | None = None) -> tuple[str, float] | None:
        """(id, similarity) of the most similar stored (or pending, same batch) report at or above the
        threshold, else None."""
        if self._sigs is None:
            self._load(None)
        new = shingles(text)
        best: tuple[str, float] | None = None
        slack = self.threshold * 0.8  # cleaned length vs normalised length: punctuation varies a little
        near = [i for i, n in self.sizes.items() if i in self._sigs and (not n or min(n, len(text)) >= slack * max(n, len(text)))]
        if near:
            estimate = (np.stack([self._sigs[i] for i in near]) == signature(new)).mean(axis=1)
            near = [i for i, e in zip(near, estimate) if e >= self.threshold - _MARGIN]
        candidates = [(i, shingles(self.text_of(i))) for i in near]
        candidates += [(i, shingles(t)) for i, t in (pending or {}).items()]
        for report_id, other in candidates:
            # sizes alone bound the Jaccard similarity: skip the set work for reports of very different length
            if min(len(new), len(other)) < self.threshold * max(len(new), len(other)):
                continue
            sim = similarity(new, other)
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (report_id, sim)
        return best
