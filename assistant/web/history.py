"""Conversations kept across page reloads: a SQLite file under FAZHI_HOME (settings.history_path), or the
store's PostgreSQL when FAZHI_DATABASE_URL is set, so every server behind a load balancer sees them.

A conversation is an id, a title (its first question, cut) and numbered turns. A turn is stored when
its question is asked and its Answer (as JSON) or one-line error added when it arrives, so a stopped
or crashed answer still leaves the question in the history. The tables are the "history" part of
store/migrations.py. In SQLite one connection per call: a file broken or replaced while the page runs
fails that call (the answer is still shown, not saved) instead of writing into a deleted file.
"""
from __future__ import annotations

import json
import re
import sqlite3
import time
import uuid
from contextlib import closing, contextmanager
from pathlib import Path

from filelock import FileLock
from pydantic import BaseModel

from ..errors import InputError
from ..models import Answer
from ..store.database import Database
from ..store.migrations import migrate

TITLE_CHARS = 40  # a conversation's title: its first question, cut here
UNDO_SECONDS = 24 * 3600  # a deleted conversation can be brought back this long, then it is removed for good
ID = re.compile(r"[0-9a-f]{8,32}")


class HistoryFile(Database):
    """The history's SQLite file, opened per call (Gradio's worker threads each get their own connection)."""

    dialect = "sqlite"

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.location = str(self.path)

    @contextmanager
    def transaction(self):
        with closing(sqlite3.connect(self.path, timeout=30)) as db, db:  # `with db`: commit or roll back
            db.execute("PRAGMA foreign_keys = ON")
            yield db

    def schema_lock(self):
        return FileLock(f"{self.path}.migrate.lock", timeout=600)  # two servers opening one new file

    def close(self) -> None:
        pass


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

    def __init__(self, where: Path | Database):
        """A SQLite file's path, or the store's Database (PostgreSQL: one schema, one pool for both)."""
        self.db = where if isinstance(where, Database) else HistoryFile(where)
        self.path = getattr(self.db, "path", None) or "the store's database"  # named in a log line, never a URL
        self.errors: tuple[type[Exception], ...] = (sqlite3.Error,) + _driver_errors(self.db)
        migrate(self.db, "history")
        self._old_file_columns()
        with self._db() as db:  # their turns go with them (ON DELETE CASCADE)
            db.execute("DELETE FROM conversations WHERE deleted < ?", (time.time() - UNDO_SECONDS,))

    @classmethod
    def of(cls, assistant) -> "History":
        """The page's history: in the store's PostgreSQL when FAZHI_DATABASE_URL is set, else its own file."""
        settings = assistant.settings
        return cls(assistant.docs.db if settings.database_url else settings.history_path)

    def _old_file_columns(self) -> None:
        # a SQLite file from before migrations may predate undo (deleted) or rename (named): version 1's
        # tables less those columns, added here once
        if self.db.dialect != "sqlite":
            return
        with self.db.schema_lock():  # two servers opening an old file together: one adds them
            columns = {r[1] for r in self.db.rows("PRAGMA table_info(conversations)")}
            if "deleted" not in columns:
                self.db.rows("ALTER TABLE conversations ADD COLUMN deleted REAL")
            if "named" not in columns:  # no title was given by hand
                self.db.rows("ALTER TABLE conversations ADD COLUMN named INTEGER NOT NULL DEFAULT 0")

    def _db(self):
        return self.db.transaction()

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
                              "ON t.conversation = c.id WHERE c.deleted IS NULL AND (CAST(? AS TEXT) IS NULL OR c.owner = ?) "
                              "GROUP BY c.id "
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
            db.execute("UPDATE conversations SET title = CASE WHEN named = 1 THEN title ELSE ? END WHERE id = ?",
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
                              "(CAST(? AS TEXT) IS NULL OR owner IN (?, ''))", (conv, owner, owner))
        return done.rowcount > 0


def _driver_errors(db: Database) -> tuple[type[Exception], ...]:
    """What a failing database raises besides sqlite3's: psycopg's errors (a pool timeout is one of them)."""
    if db.dialect != "postgresql":
        return ()
    import psycopg

    return (psycopg.Error,)
