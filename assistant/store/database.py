"""One Database interface for the store's tables (reports, sections, chunks, facts, BM25 postings, manifest),
with two implementations: SQLite files under FAZHI_HOME (the embedded default) and PostgreSQL at
FAZHI_DATABASE_URL (store/postgres.py), which several servers can share.

The stores write portable SQL with `?` placeholders; a dialect only translates placeholders, runs its own
schema (migrations.py) and says what differs (the type of a blob, how a new row's number is returned).
"""
from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager, nullcontext
from pathlib import Path

from filelock import FileLock

from ..errors import FazhiError


class Database:
    """What the stores need of a database; `location` reopens it in another process (ingest workers)."""

    dialect: str
    location: str

    @contextmanager
    def transaction(self):
        """A cursor-like object (execute/executemany) whose writes commit together, or not at all."""
        raise NotImplementedError

    def schema_lock(self):
        """Held while migrating: one process creates the tables."""
        return nullcontext()

    def in_list(self, column: str, values: list) -> tuple[str, object]:
        """`column` is one of `values`, as one parameter whatever their number (SQLite caps parameters)."""
        return f"{column} IN (SELECT value FROM json_each(?))", json.dumps(list(values), ensure_ascii=False)

    def contains(self, column: str) -> str:
        """`column` holds the parameter as a substring (no wildcard in it is special)."""
        return f"instr({column}, ?) > 0"

    def rows(self, sql: str, args=()) -> list[tuple]:
        with self.transaction() as tx:
            return tx.execute(sql, args).fetchall()

    def one(self, sql: str, args=()):
        rows = self.rows(sql, args)
        return rows[0] if rows else None

    def close(self) -> None:
        raise NotImplementedError


class SQLiteDatabase(Database):
    dialect = "sqlite"

    def __init__(self, path: Path, wal: bool = False):
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.location = str(path)
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._lock = threading.RLock()  # one connection shared by the page's threads: one transaction at a time
        if wal:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a crash loses at most the last commit

    @contextmanager
    def transaction(self):
        with self._lock, self._db:
            yield self._db

    def schema_lock(self):
        # DDL runs outside sqlite3's implicit transactions: without a lock across processes, two opening a
        # fresh file together both read version 1 and both ALTER TABLE (duplicate column).
        return FileLock(f"{self.path}.migrate.lock", timeout=600)

    def close(self) -> None:
        self._db.close()


def is_postgres_url(location: str | Path | None) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def open_database(location: str | Path, pool_size: int = 8) -> Database:
    """A SQLite file path, or a postgresql:// URL."""
    if is_postgres_url(location):
        from .postgres import PostgresDatabase

        return PostgresDatabase(str(location), pool_size)
    if isinstance(location, str) and "://" in location:
        raise FazhiError(f"FAZHI_DATABASE_URL={location.split('@')[-1]!r} is not a postgresql:// URL; "
                         f"fix it, or unset it to keep the store in SQLite files")
    return SQLiteDatabase(Path(location))


def open_store_databases(settings) -> tuple[Database, Database]:
    """(reports/facts/manifest, BM25 postings): two SQLite files under FAZHI_HOME, or one PostgreSQL."""
    if settings.database_url:
        db = open_database(settings.database_url, settings.database_pool)
        return db, db
    store = settings.store_dir
    return SQLiteDatabase(store / "fazhi.sqlite"), SQLiteDatabase(store / "lexical.sqlite", wal=True)
