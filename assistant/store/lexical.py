"""Chinese BM25 over jieba tokens, as an inverted index in the database (SQLite or PostgreSQL) that grows and shrinks per report.

Why not bm25s any more: it indexes a fixed corpus, so every ingest or removal rebuilt BM25 over every
chunk and held all of it in memory. Here one row holds one term's postings in one report (chunk numbers,
term counts, chunk lengths as packed arrays), so adding a report writes only its own rows and a query
reads only the rows of its terms. The scores are bm25s's defaults (Lucene idf, k1=1.5, b=0.75) from
the same corpus statistics, so rankings match the previous index.
"""
from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from ..models import Chunk
from ..text.lexicon import tokenize
from ..text.script import to_simplified
from .database import Database, SQLiteDatabase
from .migrations import migrate

K1, B = 1.5, 0.75
def chunk_tokens(chunk: Chunk, context: str) -> list[str]:
    """What BM25 sees of a chunk: its report's place/title words, its section path and its text."""
    return tokenize(to_simplified(context + " " + chunk.section + " " + chunk.text))


class LexicalIndex:
    """BM25 postings in their own SQLite file (vectorstore/lexical.sqlite) or in PostgreSQL, updated report
    by report."""

    def __init__(self, db: Database | Path):
        self._db = db if isinstance(db, Database) else SQLiteDatabase(db, wal=True)
        migrate(self._db, "lexical")
        self._lock = threading.Lock()
        self._stats()

    def reload(self) -> None:
        """Corpus statistics again, after another process added or removed reports."""
        self._stats()

    def _stats(self) -> None:
        # N and the mean length are corpus-wide and change with every report: kept here, re-read on change
        n, total = self._db.one("SELECT COUNT(*), COALESCE(SUM(length), 0) FROM lex_chunks")
        self.n_chunks, self.avg_len = n, (float(total) / n if n else 0.0)

    def report_ids(self) -> set[str]:
        return {r for (r,) in self._db.rows("SELECT DISTINCT report_id FROM lex_chunks")}

    def add_report(self, report_id: str, chunks: list[Chunk], context: str) -> None:
        """Index one report's chunks (replacing any earlier rows of it)."""
        self.add_reports([(report_id, [(c.id, chunk_tokens(c, context)) for c in sorted(chunks, key=lambda c: c.id)])])

    def add_reports(self, reports: Iterable[tuple[str, list[tuple[str, list[str]]]]], per_commit: int = 200) -> None:
        """Index tokenized reports (report id, [(chunk id, tokens)]), many per transaction: a commit
        costs an fsync, which at one per report dominated ingesting thousands of reports."""
        batch: list = []
        for item in reports:
            batch.append(item)
            if len(batch) >= per_commit:
                self._write(batch)
                batch = []
        if batch:
            self._write(batch)

    def _write(self, reports: list[tuple[str, list[tuple[str, list[str]]]]]) -> None:
        # every statement batched over the whole commit (executemany): one round trip per table, not one per
        # chunk or term, which against PostgreSQL was most of a report's indexing time
        reports = list(dict(reports).items())  # a report given twice: its last rows
        with self._lock, self._db.transaction() as db:
            for report_id, _ in reports:
                self._delete(db, report_id)
            db.executemany("INSERT INTO lex_chunks (chunk_id, report_id, length) VALUES (?, ?, ?)",
                           [(chunk_id, report_id, len(tokens)) for report_id, docs in reports for chunk_id, tokens in docs])
            numbers = self._numbers(db, [report_id for report_id, _ in reports])
            rows, df = [], Counter()
            for report_id, docs in reports:
                postings: dict[str, list[tuple[int, int, int]]] = {}
                for chunk_id, tokens in docs:
                    for term, tf in Counter(tokens).items():
                        postings.setdefault(term, []).append((numbers[chunk_id], tf, len(tokens)))
                rows += [(t, report_id, *_pack(p)) for t, p in postings.items()]
                df.update({t: len(p) for t, p in postings.items()})
            db.executemany("INSERT INTO lex_postings VALUES (?, ?, ?, ?, ?)", rows)
            db.executemany("INSERT INTO lex_df VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = lex_df.df + excluded.df",
                           sorted(df.items()))  # one order for every writer: no deadlock between two databases' rows
        self._stats()

    def _numbers(self, db, report_ids: list[str]) -> dict[str, int]:
        """chunk id → its row number (the postings' chunk key), read back once for the batch's reports."""
        sql, ids = self._db.in_list("report_id", report_ids)
        return dict(db.execute(f"SELECT chunk_id, n FROM lex_chunks WHERE {sql}", (ids,)).fetchall())

    def remove_report(self, report_id: str) -> None:
        with self._lock, self._db.transaction() as db:
            self._delete(db, report_id)
        self._stats()

    @staticmethod
    def _delete(db, report_id: str) -> None:
        rows = db.execute("SELECT term, length(chunks) / 8 FROM lex_postings WHERE report_id=?", (report_id,)).fetchall()
        db.executemany("UPDATE lex_df SET df = df - ? WHERE term=?", [(n, t) for t, n in rows])
        db.executemany("DELETE FROM lex_df WHERE term=? AND df <= 0", [(t,) for t, _ in rows])  # only its terms
        db.execute("DELETE FROM lex_postings WHERE report_id=?", (report_id,))
        db.execute("DELETE FROM lex_chunks WHERE report_id=?", (report_id,))

    def top(self, query_tokens: list[str], k: int, report_ids: set[str] | None = None) -> list[str]:
        """The k best chunk ids with a positive score (of the given reports when report_ids is not None);
        a token repeated in the query counts again, as in bm25s; ties in indexing order (deterministic)."""
        if not self.n_chunks or not query_tokens:
            return []
        parts = [self._term_scores(term, report_ids, times) for term, times in Counter(query_tokens).items()]
        parts = [p for p in parts if p is not None]
        if not parts:
            return []
        chunks = np.concatenate([p[0] for p in parts])
        keys, inverse = np.unique(chunks, return_inverse=True)  # sorted: indexing order breaks ties
        total = np.bincount(inverse, weights=np.concatenate([p[1] for p in parts])).astype(np.float32)
        order = np.argsort(-total, kind="stable")[:k]
        return self._ids([int(keys[i]) for i in order if total[i] > 0])

    def _term_scores(self, term: str, report_ids: set[str] | None, times: int):
        row = self._db.one("SELECT df FROM lex_df WHERE term=?", (term,))
        if not row:
            return None
        idf = math.log(1 + (self.n_chunks - row[0] + 0.5) / (row[0] + 0.5))
        sql = "SELECT chunks, tfs, lengths FROM lex_postings WHERE term=?"
        if report_ids is None:
            rows = self._db.rows(sql, (term,))
        else:  # primary-key probes for the reports in scope, in one statement (one round trip to PostgreSQL)
            in_scope, ids = self._db.in_list("report_id", sorted(report_ids))
            rows = self._db.rows(f"{sql} AND {in_scope}", (term, ids)) if report_ids else []
        if not rows:
            return None
        chunks = np.concatenate([np.frombuffer(r[0], dtype=np.int64) for r in rows])
        tf = np.concatenate([np.frombuffer(r[1], dtype=np.float32) for r in rows])
        length = np.concatenate([np.frombuffer(r[2], dtype=np.float32) for r in rows])
        s = (idf * tf / (K1 * ((1 - B) + B * length / self.avg_len) + tf)).astype(np.float32)
        return chunks, times * s.astype(np.float64)

    def _ids(self, ns: list[int]) -> list[str]:
        if not ns:
            return []
        rows = dict(self._db.rows(f"SELECT n, chunk_id FROM lex_chunks WHERE n IN ({','.join('?' * len(ns))})", ns))
        return [rows[n] for n in ns]

    def close(self) -> None:
        self._db.close()


def _pack(rows: Iterable[tuple[int, int, int]]) -> tuple[bytes, bytes, bytes]:
    rows = list(rows)
    return (np.array([r[0] for r in rows], dtype=np.int64).tobytes(),
            np.array([r[1] for r in rows], dtype=np.float32).tobytes(),
            np.array([r[2] for r in rows], dtype=np.float32).tobytes())
