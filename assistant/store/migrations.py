"""The store's schema as numbered migrations per part, for both dialects, recorded in schema_migrations.

A part's migrations run once per database, in order, each in its own transaction; PostgreSQL runs them
under an advisory lock so two servers starting together do not both create the tables. SQLite files
made before migrations existed already have version 1's tables: every statement there is IF NOT EXISTS.
Docs version 2 adds the reports' MinHash signatures (ingest/duplicates.py), made on first use for the
reports of an older store. Docs version 3 marks the reports whose text is simplified Chinese as written
(`plain`, so a keyword list can scan texts in SQL), filled at the next open for an older store's reports. Facts version 2 adds place and year columns: the rows of an older store are filled when the changed
extractor version (store/factstore.py is part of it) re-extracts every report at the next start. Facts
version 3 records every report the current extractor has read (`facts_read`), so a report with no facts is not
read again at every open.
"""
from __future__ import annotations

_BLOB = {"sqlite": "BLOB", "postgresql": "BYTEA"}
_SERIAL = {"sqlite": "INTEGER PRIMARY KEY", "postgresql": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"}
_NO_ROWID = {"sqlite": " WITHOUT ROWID", "postgresql": ""}
_REAL = {"sqlite": "REAL", "postgresql": "DOUBLE PRECISION"}  # seconds since the epoch: PostgreSQL's REAL is 4 bytes

MIGRATIONS: dict[str, list[str]] = {
    "docs": ["""
CREATE TABLE IF NOT EXISTS manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY, meta TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sections (report_id TEXT NOT NULL, path TEXT NOT NULL, level INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (id TEXT PRIMARY KEY, report_id TEXT NOT NULL, section TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sections_report ON sections(report_id);
CREATE INDEX IF NOT EXISTS chunks_report ON chunks(report_id);
""", """
CREATE TABLE IF NOT EXISTS signatures (report_id TEXT PRIMARY KEY, sig {blob} NOT NULL);
""", """
ALTER TABLE reports ADD COLUMN plain INTEGER;
"""],
    "facts": ["""
CREATE TABLE IF NOT EXISTS facts (report_id TEXT NOT NULL, indicator TEXT NOT NULL, fact TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS facts_report ON facts(report_id);
CREATE INDEX IF NOT EXISTS facts_indicator ON facts(indicator);
""", """
ALTER TABLE facts ADD COLUMN place TEXT;
ALTER TABLE facts ADD COLUMN year INTEGER;
CREATE INDEX IF NOT EXISTS facts_indicator_place_year ON facts(indicator, place, year);
CREATE INDEX IF NOT EXISTS facts_place_year ON facts(place, year);
""", """
CREATE TABLE IF NOT EXISTS facts_read (report_id TEXT PRIMARY KEY){no_rowid};
"""],
    "lexical": ["""
CREATE TABLE IF NOT EXISTS lex_chunks (n {serial}, chunk_id TEXT NOT NULL UNIQUE,
    report_id TEXT NOT NULL, length INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS lex_chunks_report ON lex_chunks(report_id);
CREATE TABLE IF NOT EXISTS lex_postings (term TEXT NOT NULL, report_id TEXT NOT NULL, chunks {blob} NOT NULL,
    tfs {blob} NOT NULL, lengths {blob} NOT NULL, PRIMARY KEY (term, report_id)){no_rowid};
CREATE INDEX IF NOT EXISTS lex_postings_report ON lex_postings(report_id);
CREATE TABLE IF NOT EXISTS lex_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL){no_rowid};
"""],
    # the page's conversations (web/history.py): a SQLite file of its own, or the store's PostgreSQL
    "history": ["""
CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, title TEXT NOT NULL, created {real} NOT NULL,
    updated {real} NOT NULL, owner TEXT NOT NULL, deleted {real}, named INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS turns (conversation TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, question TEXT NOT NULL, places TEXT NOT NULL, year INTEGER, answer TEXT, error TEXT,
    asked {real} NOT NULL, PRIMARY KEY (conversation, n));
CREATE INDEX IF NOT EXISTS conversations_owner ON conversations(owner, updated);
"""],
}


def statements(part: str, version: int, dialect: str) -> list[str]:
    sql = MIGRATIONS[part][version - 1].format(blob=_BLOB[dialect], serial=_SERIAL[dialect],
                                               no_rowid=_NO_ROWID[dialect], real=_REAL[dialect])
    return [s.strip() for s in sql.split(";") if s.strip()]


def migrate(db, part: str) -> None:
    """Bring one part of the schema to its latest version."""
    with db.schema_lock():
        with db.transaction() as tx:
            tx.execute("CREATE TABLE IF NOT EXISTS schema_migrations (part TEXT PRIMARY KEY, version INTEGER NOT NULL)")
            row = tx.execute("SELECT version FROM schema_migrations WHERE part=?", (part,)).fetchone()
        done = row[0] if row else 0
        for version in range(done + 1, len(MIGRATIONS[part]) + 1):
            with db.transaction() as tx:
                for statement in statements(part, version, db.dialect):
                    tx.execute(statement)
                tx.execute("INSERT INTO schema_migrations VALUES (?, ?) ON CONFLICT (part) DO UPDATE "
                           "SET version = excluded.version", (part, version))
