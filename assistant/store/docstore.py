"""SQLite next to the Chroma store: cleaned report texts, metadata, sections, chunks, manifest.

The cleaned text is kept because every offset and quote refers to it; citations are verified
against this copy, never against the vector store's.
"""
from __future__ import annotations

from pathlib import Path

from ..models import Chunk, ReportMeta, Section
from ..places.names import without_own_level
from ..text.script import to_simplified
from .database import Database, open_database
from .migrations import migrate


class DocStore:
    def __init__(self, db: Database | Path | str):
        self.db = db if isinstance(db, Database) else open_database(db)
        self.path = self.db.location  # reopened by ingest workers (a file path or a postgresql:// URL)
        migrate(self.db, "docs")
        self._texts: dict[str, str] = {}

    def transaction(self):
        return self.db.transaction()

    def manifest(self) -> dict[str, str]:
        return dict(self.db.rows("SELECT key, value FROM manifest"))

    def set_manifest(self, values: dict[str, str]) -> None:
        with self.db.transaction() as tx:
            tx.executemany("INSERT INTO manifest VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           list(values.items()))

    def has(self, report_id: str) -> bool:
        return self.db.one("SELECT 1 FROM reports WHERE id=?", (report_id,)) is not None

    def add(self, meta: ReportMeta, text: str, sections: list[Section], chunks: list[Chunk]) -> None:
        self.add_all([(meta, text, sections, chunks)])

    def add_all(self, reports: list[tuple[ReportMeta, str, list[Section], list[Chunk]]]) -> None:
        """Several reports (one ingest commit's) in one transaction: one fsync, one round trip per table."""
        with self.db.transaction() as tx:
            tx.executemany("INSERT INTO reports (id, meta, text, plain) VALUES (?, ?, ?, ?)",
                           [(m.id, m.model_dump_json(), t, _plain(t)) for m, t, _, _ in reports])
            tx.executemany("INSERT INTO sections VALUES (?, ?, ?, ?, ?)",
                           [(m.id, s.path, s.level, s.start, s.end) for m, _, ss, _ in reports for s in ss])
            tx.executemany("INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?)",
                           [(c.id, c.report_id, c.section, c.start, c.end, c.text) for *_, cs in reports for c in cs])

    def signatures(self, report_ids: list[str] | None = None) -> dict[str, bytes]:
        """The near-duplicate signatures (ingest/duplicates.py) of some reports, or of all (None)."""
        if report_ids is None:
            return {r: bytes(b) for r, b in self.db.rows("SELECT report_id, sig FROM signatures")}
        if not report_ids:
            return {}
        sql, ids = self.db.in_list("report_id", report_ids)
        return {r: bytes(b) for r, b in self.db.rows(f"SELECT report_id, sig FROM signatures WHERE {sql}", (ids,))}

    def put_signatures(self, signatures: dict[str, bytes]) -> None:
        with self.db.transaction() as tx:
            tx.executemany("INSERT INTO signatures VALUES (?, ?) ON CONFLICT (report_id) DO UPDATE SET sig = excluded.sig",
                           list(signatures.items()))

    def remove(self, report_id: str) -> None:
        with self.db.transaction() as tx:
            for table, col in (("reports", "id"), ("sections", "report_id"), ("chunks", "report_id"),
                               ("signatures", "report_id")):
                tx.execute(f"DELETE FROM {table} WHERE {col}=?", (report_id,))
        self._texts.pop(report_id, None)

    def reports(self) -> list[ReportMeta]:
        metas = [ReportMeta.model_validate_json(m) for (m,) in self.db.rows("SELECT meta FROM reports")]
        return sorted(metas, key=lambda m: m.source)  # the order reports are listed in, on both databases

    def reports_of(self, report_ids) -> list[ReportMeta]:
        """The metadata of some reports (those a commit changed), without reading the others'."""
        if not report_ids:
            return []
        sql, ids = self.db.in_list("id", sorted(report_ids))
        return [ReportMeta.model_validate_json(m) for (m,) in self.db.rows(f"SELECT meta FROM reports WHERE {sql}", (ids,))]

    def text(self, report_id: str) -> str:
        if report_id not in self._texts:
            row = self.db.one("SELECT text FROM reports WHERE id=?", (report_id,))
            self._texts[report_id] = row[0] if row else ""
        return self._texts[report_id]

    def read_many(self, report_ids) -> tuple[dict[str, str], dict[str, list[Section]]]:
        """Texts and sections of many reports in two statements: an answer citing thousands of reports
        read them one statement each (a round trip each on PostgreSQL)."""
        ids = sorted(set(report_ids))
        if not ids:
            return {}, {}
        missing = [r for r in ids if r not in self._texts]
        if missing:
            sql, arg = self.db.in_list("id", missing)
            self._texts.update(self.db.rows(f"SELECT id, text FROM reports WHERE {sql}", (arg,)))
        sections: dict[str, list[Section]] = {r: [] for r in ids}
        sql, arg = self.db.in_list("report_id", ids)
        for rid, p, lv, s, e in self.db.rows(f'SELECT report_id, path, level, start, "end" FROM sections WHERE {sql}', (arg,)):
            # rows of our own table: validating thousands of them cost more than reading them
            sections[rid].append(Section.model_construct(path=p, level=lv, start=s, end=e))
        for found in sections.values():
            found.sort(key=lambda sec: (sec.start, -sec.level))  # as sections() orders them
        return {r: self.text(r) for r in ids}, sections

    def mentioning(self, report_ids, terms: list[str]) -> set[str]:
        """Of these reports (None: all), those whose text may hold every term once read in simplified
        characters: the texts holding them as written, plus those not marked `plain` (to_simplified would
        change them), which the caller checks itself. The database scans the texts; Python reads only these."""
        return set(self.mention_check(report_ids, terms))

    def mention_check(self, report_ids, terms: list[str]) -> dict[str, bool]:
        """The reports of `mentioning`, each True when it surely holds every term (a `plain` text holding them
        as written: exact, no need to read it) or False when the caller must read and check it."""
        where, args = [], []
        if report_ids is not None:
            sql, arg = self.db.in_list("id", sorted(set(report_ids)))
            where.append(sql)
            args.append(arg)
        written = " AND ".join([self.db.contains("text")] * len(terms)) or "1=1"
        where.append(f"(({written}) OR COALESCE(plain, 0) = 0)")
        rows = self.db.rows("SELECT id, COALESCE(plain, 0) FROM reports WHERE " + " AND ".join(where), args + list(terms))
        return {r: bool(plain) for r, plain in rows}  # a plain text is here only because it holds every term

    def mark_plain(self, batch: int = 500) -> int:
        """Fill `plain` for the reports an older version stored without it (once, at open; the manifest says it
        was done, as the column sits after each text and reading it walks the text's pages)."""
        if self.manifest().get("plain_marked") == "1":
            return 0
        todo = [r for (r,) in self.db.rows("SELECT id FROM reports WHERE plain IS NULL")]
        for i in range(0, len(todo), batch):
            sql, arg = self.db.in_list("id", todo[i:i + batch])
            rows = self.db.rows(f"SELECT id, text FROM reports WHERE {sql}", (arg,))
            with self.db.transaction() as tx:
                tx.executemany("UPDATE reports SET plain=? WHERE id=?", [(_plain(t), r) for r, t in rows])
        self.set_manifest({"plain_marked": "1"})
        return len(todo)

    def name_departments(self) -> int:
        """An older store's departments named without their place's level (州教育局 → 教育局, as ingest names them
        now), once; the manifest says it was done."""
        if self.manifest().get("departments_named") == "1":
            return 0
        changed = []
        for rid, raw in self.db.rows("SELECT id, meta FROM reports"):
            meta = ReportMeta.model_validate_json(raw)
            if meta.department and (named := without_own_level(meta.department, meta.place)) != meta.department:
                changed.append((meta.model_copy(update={"department": named}).model_dump_json(), rid))
        if changed:
            with self.db.transaction() as tx:
                tx.executemany("UPDATE reports SET meta=? WHERE id=?", changed)
        self.set_manifest({"departments_named": "1"})
        return len(changed)

    def sections(self, report_id: str) -> list[Section]:
        rows = self.db.rows('SELECT path, level, start, "end" FROM sections WHERE report_id=? '
                            'ORDER BY start, level DESC', (report_id,))
        return [Section(path=p, level=lv, start=s, end=e) for p, lv, s, e in rows]

    def chunks(self, report_id: str | None = None) -> list[Chunk]:
        sql = 'SELECT id, report_id, section, start, "end", text FROM chunks'
        rows = self.db.rows(sql + " WHERE report_id=?" if report_id else sql, (report_id,) if report_id else ())
        # sorted here, not by ORDER BY: PostgreSQL's collation may not order ids byte by byte as SQLite does
        return sorted((Chunk(id=i, report_id=r, section=sec, start=s, end=e, text=t) for i, r, sec, s, e, t in rows),
                      key=lambda c: c.id)

    def chunk_count(self) -> int:
        return self.db.one("SELECT COUNT(*) FROM chunks")[0]

    def close(self) -> None:
        self.db.close()


def _plain(text: str) -> int:
    """1 when the text reads the same in simplified characters, so SQL may search it as written."""
    return int(to_simplified(text) == text)
