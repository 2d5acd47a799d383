"""SQLite next to the Chroma store: cleaned report texts, metadata, sections, chunks, manifest.

The cleaned text is kept because every offset and quote refers to it; citations are verified
against this copy, never against the vector store's.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

from ..models import Chunk, ReportMeta, Section

_SCHEMA = """
CREATE TABLE IF NOT EXISTS manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY, meta TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sections (report_id TEXT NOT NULL, path TEXT NOT NULL, level INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (id TEXT PRIMARY KEY, report_id TEXT NOT NULL, section TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sections_report ON sections(report_id);
CREATE INDEX IF NOT EXISTS chunks_report ON chunks(report_id);
"""


class DocStore:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.executescript(_SCHEMA)
        self._texts: dict[str, str] = {}

    @contextmanager
    def transaction(self):
        with self._db:
            yield self._db

    def manifest(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM manifest"))

    def set_manifest(self, values: dict[str, str]) -> None:
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO manifest VALUES (?, ?)", list(values.items()))

    def has(self, report_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM reports WHERE id=?", (report_id,)).fetchone() is not None

    def add(self, meta: ReportMeta, text: str, sections: list[Section], chunks: list[Chunk]) -> None:
        with self._db as db:
            db.execute("INSERT INTO reports VALUES (?, ?, ?)", (meta.id, meta.model_dump_json(), text))
            db.executemany("INSERT INTO sections VALUES (?, ?, ?, ?, ?)",
                           [(meta.id, s.path, s.level, s.start, s.end) for s in sections])
            db.executemany("INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?)",
                           [(c.id, c.report_id, c.section, c.start, c.end, c.text) for c in chunks])

    def remove(self, report_id: str) -> None:
        with self._db as db:
            for table, col in (("reports", "id"), ("sections", "report_id"), ("chunks", "report_id")):
                db.execute(f"DELETE FROM {table} WHERE {col}=?", (report_id,))
        self._texts.pop(report_id, None)

    def reports(self) -> list[ReportMeta]:
        rows = self._db.execute("SELECT meta FROM reports ORDER BY json_extract(meta, '$.source')")
        return [ReportMeta.model_validate_json(m) for (m,) in rows]

    def text(self, report_id: str) -> str:
        if report_id not in self._texts:
            row = self._db.execute("SELECT text FROM reports WHERE id=?", (report_id,)).fetchone()
            self._texts[report_id] = row[0] if row else ""
        return self._texts[report_id]

    def sections(self, report_id: str) -> list[Section]:
        rows = self._db.execute(
            "SELECT path, level, start, end FROM sections WHERE report_id=? ORDER BY start, level DESC", (report_id,)
        )
        return [Section(path=p, level=lv, start=s, end=e) for p, lv, s, e in rows]

    def chunks(self, report_id: str | None = None) -> list[Chunk]:
        sql = "SELECT id, report_id, section, start, end, text FROM chunks"
        rows = self._db.execute(sql + " WHERE report_id=? ORDER BY id" if report_id else sql + " ORDER BY id",
                                (report_id,) if report_id else ())
        return [Chunk(id=i, report_id=r, section=sec, start=s, end=e, text=t) for i, r, sec, s, e, t in rows]

    def chunk_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def close(self) -> None:
        self._db.close()

