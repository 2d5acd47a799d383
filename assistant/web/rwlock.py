"""In-process reader/writer lock of the page: many questions at once, or one ingest alone.

(Across processes the store's own lock, assistant/store/lock.py, does the same for a CLI ingest.)"""
from __future__ import annotations

import threading
from contextlib import contextmanager


class ReadWriteLock:
    """Many questions at once, or one ingest alone (the Assistant is not safe to ingest into while asked)."""

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
