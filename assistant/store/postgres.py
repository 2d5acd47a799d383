"""The store's tables in PostgreSQL (FAZHI_DATABASE_URL=postgresql://…), through a psycopg 3 connection pool.

Several `fazhi serve` processes on several machines share one database: the write/commit/read locks are
advisory locks (store/lock.py, PgStoreLock) and the generation counter is a manifest row, so a reader
anywhere reloads after a commit anywhere.
"""
from __future__ import annotations

import re
from contextlib import contextmanager

from ..errors import FazhiError
from .database import Database

_PLACEHOLDER = re.compile(r"\?")
SCHEMA_LOCK = 0x66617A6869_00  # "fazhi" + 0: the advisory lock keys of this store (lock.py uses +1..+3)


def _sql(sql: str) -> str:
    # the stores write `?`; psycopg wants %s (and a literal % doubled). No store SQL has ? inside a string.
    return _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))


class _Cursor:
    """sqlite3's execute/executemany/fetch shape over one pooled connection."""

    def __init__(self, conn):
        self._conn = conn

    def execute(self, sql: str, args=()):
        return self._conn.execute(_sql(sql), tuple(args))

    def executemany(self, sql: str, rows) -> None:
        rows = list(rows)
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(_sql(sql), rows)


def _redacted(url: str) -> str:
    return re.sub(r"//[^@/]*@", "//…@", url)


class PostgresDatabase(Database):
    dialect = "postgresql"

    def __init__(self, url: str, pool_size: int = 8):
        from psycopg_pool import ConnectionPool

        self.location = url
        try:
            self.pool = ConnectionPool(url, min_size=1, max_size=max(2, pool_size), open=True, timeout=30,
                                       name="fazhi")
            self.pool.wait(timeout=10)
        except Exception as err:  # psycopg raises several kinds (bad URL, refused, auth): one line for all
            raise FazhiError(f"cannot connect to PostgreSQL at {_redacted(url)} ({type(err).__name__}); start it, "
                             f"fix FAZHI_DATABASE_URL, or unset it to keep the store in SQLite files") from None

    def in_list(self, column: str, values: list) -> tuple[str, object]:
        return f"{column} = ANY(?)", list(values)

    def contains(self, column: str) -> str:
        return f"strpos({column}, ?) > 0"

    @contextmanager
    def transaction(self):
        with self.pool.connection() as conn, conn.transaction():
            yield _Cursor(conn)

    @contextmanager
    def session(self):
        """One connection for as long as a session-level advisory lock is held on it."""
        with self.pool.connection() as conn:
            conn.autocommit = True
            try:
                yield _Cursor(conn)
            finally:
                conn.autocommit = False

    @contextmanager
    def schema_lock(self):
        with self.session() as s:
            s.execute("SELECT pg_advisory_lock(?)", (SCHEMA_LOCK,))
            try:
                yield
            finally:
                s.execute("SELECT pg_advisory_unlock(?)", (SCHEMA_LOCK,))

    def close(self) -> None:
        self.pool.close()
