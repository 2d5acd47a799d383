"""One writer, many readers, across processes (a CLI ingest next to a running `fazhi serve`).

* `writer()`: an exclusive file lock (filelock) held by an ingest/remove from its duplicate check to its
  last write, so two ingests of the same folder run one after the other (the second finds duplicates).
* `committing()` / `reading()`: flock(2) exclusive / shared on a second file. A writer holds it only while it
  writes Chroma and SQLite (embeddings are computed before), a reader while it answers; so a question never
  sees a half-written store, and an ingest waits for the questions in flight (seconds, not minutes).
* `generation`: a counter in the SQLite manifest bumped by every commit; a reader whose counter is older
  reloads its in-memory view (reports, chunks, BM25, Chroma client) before answering.
"""
from __future__ import annotations

import fcntl
import os
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

    @contextmanager
    def writer(self):
        try:
            with self._writer:
                yield
        except Timeout:
            raise StoreBusyError(f"another ingest has held the store at {self.dir} for over {self.timeout:g} s; "
                                 f"wait for it to finish or raise FAZHI_LOCK_TIMEOUT") from None

    @contextmanager
    def _flock(self, mode: int):
        # one descriptor per holder: flock locks belong to the open file, so threads sharing a process
        # each get their own shared lock instead of silently sharing (or converting) one
        fd = os.open(self._commit_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, mode)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def committing(self):
        return self._flock(fcntl.LOCK_EX)

    def reading(self):
        return self._flock(fcntl.LOCK_SH)


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
