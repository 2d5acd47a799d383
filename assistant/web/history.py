"""Conversations kept across page reloads: one SQLite file under FAZHI_HOME (settings.history_path).

A conversation is an id, a title (its first question, cut) and numbered turns. A turn is stored when
its question is asked and its Answer (as JSON) or one-line error added when it arrives, so a stopped
or crashed answer still leaves the question in the history. One connection per call: handlers run on
Gradio's worker threads, and SQLite connections must not be shared between threads.
"""
from __future__ import annotations

import json
import re
import sqlite3
import time
import uuid
from contextlib import closing, contextmanager
from pathlib import Path

from pydantic import BaseModel

from ..errors import InputError
from ..models import Answer

TITLE_CHARS = 40  # a conversation's title: its first question, cut here
UNDO_SECONDS = 24 * 3600  # a deleted conversation can be brought back this long, then it is removed for good
ID = re.compile(r"[0-9a-f]{8,32}")
SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, title TEXT NOT NULL, created REAL NOT NULL,
                                          updated REAL NOT NULL, owner TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS turns (conversation TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                                  n INTEGER NOT NULL, question TEXT NOT NULL, places TEXT NOT NULL, year INTEGER,
                                  answer TEXT, error TEXT, asked REAL NOT NULL, PRIMARY KEY (conversation, n));
"""


class Turn(BaseModel):
    """One question of a conversation with its filters and what came back (neither: stopped or running)."""

    n: int
    question: str
    places: list[str] = []
    year: int | None = None
    answer: Answer | None = None
    error: str | None = None


def title_of(question: str) -> str:
    line = " ".join(question.split())
    return line if len(line) <= TITLE_CHARS else line[:TITLE_CHARS - 1] + "…"


class History:
    """The conversation store: create, append a turn, answer it, list, load, pop the last turn, delete."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.executescript(SCHEMA)
            columns = {row[1] for row in db.execute("PRAGMA table_info(conversations)")}
            if "deleted" not in columns:
                db.execute("ALTER TABLE conversations ADD COLUMN deleted REAL")  # a store from before undo
            if "named" not in columns:  # a store from before rename: no title was given by hand
                db.execute("ALTER TABLE conversations ADD COLUMN named INTEGER NOT NULL DEFAULT 0")
            db.execute("DELETE FROM conversations WHERE deleted < ?", (time.time() - UNDO_SECONDS,))

    @contextmanager
    def _db(self):
        with closing(sqlite3.connect(self.path, timeout=30)) as db, db:  # `with db`: commit or roll back
            db.execute("PRAGMA foreign_keys = ON")
            yield db

    def create(self, owner: str = "") -> str:
        """A new, empty conversation; `owner` is the browser it belongs to ('' for API callers)."""
        conv, now = uuid.uuid4().hex[:16], time.time()
        with self._db() as db:
            db.execute("INSERT INTO conversations (id, title, created, updated, owner) VALUES (?, '', ?, ?, ?)",
                       (conv, now, now, owner))
        return conv

    def exists(self, conv, owner: str | None = None, strict: bool = False) -> bool:
        """Whether `conv` is a conversation (of `owner` or, unless strict, of no one yet, when an owner is
        given). Signed-in users are strict: a conversation of no one is not theirs to take."""
        if not isinstance(conv, str) or not ID.fullmatch(conv):
            return False
        with self._db() as db:
            row = db.execute("SELECT owner FROM conversations WHERE id = ? AND deleted IS NULL", (conv,)).fetchone()
        return row is not None and (owner is None or row[0] == owner or (not strict and row[0] == ""))

    def claim(self, conv: str, owner: str) -> None:
        """Give a conversation of no one to `owner`: one asked before the page had its browser's id (a race
        with the page's load event), or made through the API and opened in a browser."""
        with self._db() as db:
            db.execute("UPDATE conversations SET owner = ? WHERE id = ? AND owner = ''", (owner, conv))

    def _check(self, conv) -> str:
        if not self.exists(conv):
            raise InputError(f"unknown conversation {str(conv)[:40]!r}; pick one from the list "
                             f"(/conversations) or start a new one")
        return conv

    def append(self, conv: str, question: str, places: list[str] | None = None, year: int | None = None) -> int:
        """Store a question (before it is answered); returns its turn number. The first one names the conversation."""
        self._check(conv)
        with self._db() as db:
            n = db.execute("SELECT COALESCE(MAX(n), 0) + 1 FROM turns WHERE conversation = ?", (conv,)).fetchone()[0]
            db.execute("INSERT INTO turns VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)",
                       (conv, n, question, json.dumps(list(places or []), ensure_ascii=False), year, time.time()))
            db.execute("UPDATE conversations SET updated = ?, title = CASE WHEN title = '' THEN ? ELSE title END "
                       "WHERE id = ?", (time.time(), title_of(question), conv))
        return n

    def answer(self, conv: str, n: int, answer: Answer | None = None, error: str | None = None) -> None:
        """What turn n got: the Answer, or the one-line error shown instead."""
        with self._db() as db:
            db.execute("UPDATE turns SET answer = ?, error = ? WHERE conversation = ? AND n = ?",
                       (answer.model_dump_json() if answer else None, error, conv, n))

    def conversations(self, owner: str | None = None) -> list[dict]:
        """Newest first (all, or `owner`'s): {"id", "title", "turns", "updated"} (seconds since the epoch)."""
        with self._db() as db:
            rows = db.execute("SELECT c.id, c.title, COUNT(t.n), c.updated FROM conversations c LEFT JOIN turns t "
                              "ON t.conversation = c.id WHERE c.deleted IS NULL AND (? IS NULL OR c.owner = ?) GROUP BY c.id "
                              "ORDER BY c.updated DESC", (owner, owner)).fetchall()
        return [{"id": i, "title": title, "turns": count, "updated": updated} for i, title, count, updated in rows]

    def title(self, conv: str) -> str:
        with self._db() as db:
            return db.execute("SELECT title FROM conversations WHERE id = ?", (self._check(conv),)).fetchone()[0]

    def load(self, conv: str) -> list[Turn]:
        with self._db() as db:
            rows = db.execute("SELECT n, question, places, year, answer, error FROM turns WHERE conversation = ? "
                              "ORDER BY n", (self._check(conv),)).fetchall()
        return [Turn(n=n, question=q, places=json.loads(p), year=y, error=e,
                     answer=Answer.model_validate_json(a) if a else None) for n, q, p, y, a, e in rows]

    def pop(self, conv: str) -> Turn | None:
        """Remove and return the last turn (to retry or edit it); the title follows the new first question
        unless the conversation was renamed (a retry must not undo the name given by hand)."""
        turns = self.load(conv)
        if not turns:
            return None
        with self._db() as db:
            db.execute("DELETE FROM turns WHERE conversation = ? AND n = ?", (conv, turns[-1].n))
            db.execute("UPDATE conversations SET title = CASE WHEN named THEN title ELSE ? END WHERE id = ?",
                       (title_of(turns[0].question) if len(turns) > 1 else "", conv))
        return turns[-1]

    def rename(self, conv: str, title: str) -> str:
        """Name a conversation (its list entry); returns the title kept (one line, cut like a question's)."""
        kept = title_of(str(title or ""))
        if not kept:
            raise InputError("a conversation's title cannot be empty; type a few words")
        with self._db() as db:
            db.execute("UPDATE conversations SET title = ?, named = 1 WHERE id = ?", (kept, self._check(conv)))
        return kept

    def delete(self, conv: str) -> None:
        """Take a conversation out of the list; restore() brings it back for UNDO_SECONDS."""
        with self._db() as db:
            db.execute("UPDATE conversations SET deleted = ? WHERE id = ?", (time.time(), self._check(conv)))

    def restore(self, conv, owner: str | None = None) -> bool:
        """Undo a delete (of `owner`'s conversation, when given); False when there is nothing to bring back."""
        if not isinstance(conv, str) or not ID.fullmatch(conv):
            return False
        with self._db() as db:
            done = db.execute("UPDATE conversations SET deleted = NULL WHERE id = ? AND deleted IS NOT NULL AND "
                              "(? IS NULL OR owner IN (?, ''))", (conv, owner, owner))
        return done.rowcount > 0
