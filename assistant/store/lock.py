"""One writer, many readers, across processes (a CLI ingest next to a running `fazhi serve`).

* `writer()`: an exclusive file lock (filelock) held by an ingest/remove from its duplicate check to its
  last write, so two ingests of the same folder run one after the other (the second finds duplicates).
* `committing()` / `reading()`: flock(2) exclusive / shared on a second file. A writer holds it only while it
  writes Chroma and SQLite (embeddings are computed before), a reader while it answers; so a question never
  sees a half-written store, and an ingest waits for the questions in flight (seconds, not minutes).
* With FAZHI_DATABASE_URL the same three locks are PostgreSQL advisory locks (store/advisory.py).
* `generation`: a counter in the store's manifest table bumped by every commit; a reader whose counter is older
  reloads its in-memory view (reports, chunks, BM25, Chroma client) before answering.
"""
from __future__ import annotations

import fcntl
import os
import threading
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import FazhiError

GENERATION = "generation"


class StoreBusyError(FazhiError):
    """Another process held the store's write lock for longer than FAZHI_LOCK_TIMEOUT."""


class StoreLock:
    def __init__(self, store_dir: Path, timeout: float = 600.0):
        store_dir.mkdir(parents=True, exist_ok=True)
        self.dir = store_dir
        self.timeout = timeout
        self._writer = FileLock(str(store_dir / ".write.lock"), timeout=timeout)
        self._commit_path = store_dir / ".commit.lock"
        self._intent_path = store_dir / ".intent.lock"  # a waiting commit stops new readers (no starvation)

    @contextmanager
    def writer(self):
        try:
            with self._writer:
                yield
        except Timeout:
            raise StoreBusyError(f"another ingest has held the store at {self.dir} for over {self.timeout:g} s; "
                                 f"wait for it to finish or raise FAZHI_LOCK_TIMEOUT") from None

    @staticmethod
    def _acquire(path: Path, mode: int) -> int:
        # one descriptor per holder: flock locks belong to the open file, so threads sharing a process
        # each get their own shared lock instead of silently sharing (or converting) one
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, mode)
        except BaseException:
            os.close(fd)
            raise
        return fd

    @staticmethod
    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    @contextmanager
    def committing(self):
        """Exclusive: waits for the questions in flight; new ones wait behind it (the intent lock)."""
        intent = self._acquire(self._intent_path, fcntl.LOCK_EX)
        try:
            commit = self._acquire(self._commit_path, fcntl.LOCK_EX)
            try:
                yield
            finally:
                self._release(commit)
        finally:
            self._release(intent)

    @contextmanager
    def reading(self):
        """Shared with other questions; taken in the same order as committing (intent, then commit)."""
        intent = self._acquire(self._intent_path, fcntl.LOCK_SH)
        try:
            commit = self._acquire(self._commit_path, fcntl.LOCK_SH)
        finally:
            self._release(intent)
        try:
            yield
        finally:
            self._release(commit)


def store_lock(db, store_dir: Path, timeout: float):
    """File locks beside SQLite files; advisory locks in PostgreSQL, which hold across machines."""
    if db.dialect == "postgresql":
        from .advisory import AdvisoryStoreLock

        return AdvisoryStoreLock(db, timeout)
    return StoreLock(store_dir, timeout)


def generation(docs) -> int:
    """The store's commit counter (0 for a store written before counters existed)."""
    try:
        return int(docs.manifest().get(GENERATION, 0))
    except ValueError:
        return 0


def bump(docs) -> int:
    value = generation(docs) + 1
    docs.set_manifest({GENERATION: str(value)})
    return value


class ReadWriteLock:
    """In-process: many readers at once, or one writer alone (the page's questions vs an upload; an
    Assistant's answers vs its reload)."""

    def __init__(self):
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def read(self):
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self):
        with self._cond:
            self._writers_waiting += 1
            self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()
