"""StoreLock's three locks as PostgreSQL advisory locks, so they hold across machines sharing one database.

Same protocol as the file locks of store/lock.py: `writer()` (one ingest at a time), `committing()`
exclusive and `reading()` shared, both behind an intent lock so a waiting commit stops new readers. Each
lock lives on its own pooled connection (session-level advisory locks belong to the session), so a
crashed server's locks die with its connections.
"""
from __future__ import annotations

import time
from contextlib import contextmanager

from .lock import StoreBusyError
from .postgres import SCHEMA_LOCK, PostgresDatabase

WRITER, COMMIT, INTENT = SCHEMA_LOCK + 1, SCHEMA_LOCK + 2, SCHEMA_LOCK + 3


class AdvisoryStoreLock:
    def __init__(self, db: PostgresDatabase, timeout: float = 600.0):
        self.db = db
        self.timeout = timeout

    @contextmanager
    def writer(self):
        with self.db.session() as s:
            deadline = time.monotonic() + self.timeout
            while not s.execute("SELECT pg_try_advisory_lock(?)", (WRITER,)).fetchone()[0]:
                if time.monotonic() > deadline:
                    raise StoreBusyError(f"another ingest has held the store's write lock in PostgreSQL for over "
                                         f"{self.timeout:g} s; wait for it to finish or raise FAZHI_LOCK_TIMEOUT")
                time.sleep(0.2)
            try:
                yield
            finally:
                s.execute("SELECT pg_advisory_unlock(?)", (WRITER,))

    @contextmanager
    def _held(self, key: int, shared: bool):
        suffix = "_shared" if shared else ""
        with self.db.session() as s:
            s.execute(f"SELECT pg_advisory_lock{suffix}(?)", (key,))
            try:
                yield
            finally:
                s.execute(f"SELECT pg_advisory_unlock{suffix}(?)", (key,))

    @contextmanager
    def committing(self):
        with self._held(INTENT, shared=False), self._held(COMMIT, shared=False):
            yield

    @contextmanager
    def reading(self):
        intent = self._held(INTENT, shared=True)
        intent.__enter__()
        try:
            commit = self._held(COMMIT, shared=True)
            commit.__enter__()
        finally:
            intent.__exit__(None, None, None)
        try:
            yield
        finally:
            commit.__exit__(None, None, None)
