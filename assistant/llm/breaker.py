"""A circuit breaker for the LLM endpoint: after N failures in a row it is skipped for a cooldown.

A dead or hanging endpoint would otherwise cost every question its full timeout; while the breaker is open
questions get the verified extractive answer at once, with a one-line notice saying why.
"""
from __future__ import annotations

import threading
import time


class Breaker:
    def __init__(self, failures: int = 3, cooldown: float = 120.0, clock=time.monotonic):
        self.limit = failures
        self.cooldown = cooldown
        self.clock = clock
        self._failures = 0
        self._open_until = 0.0
        self._reason = ""
        self._lock = threading.Lock()

    def open_reason(self) -> str | None:
        """Why the LLM is being skipped right now, or None when it may be tried."""
        with self._lock:
            if self._failures >= self.limit and self.clock() < self._open_until:
                return self._reason
            return None

    def failed(self, reason: str) -> None:
        with self._lock:
            self._failures += 1
            self._reason = reason
            if self._failures >= self.limit:
                self._open_until = self.clock() + self.cooldown

    def succeeded(self) -> None:
        with self._lock:
            self._failures = 0
            self._open_until = 0.0


def notice(reason: str) -> str:
    """One line: why the model was not used (secrets redacted); the answer shown is the verified one."""
    from ..text.redact import redact

    reason = " ".join(redact(reason).split())
    return f"LLM not used ({reason}); this is the verified extractive answer"
