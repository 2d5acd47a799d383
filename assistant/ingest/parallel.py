"""Preparing reports in worker processes while the main process embeds the ones already prepared.

Embedding is the physical limit of ingest; loading, cleaning, sectioning and fact extraction are
pure Python (and jieba for BM25 tokens), so they run in a process pool (the GIL would serialise them
in threads) a few reports ahead of the embedder. Workers are spawned, not forked: the parent holds
Chroma's and the embedder's threads, which a fork would copy in an undefined state. Each preparing worker
is capped at FAZHI_WORKER_MEMORY_MB of data (RLIMIT_DATA), so the pool as a whole never holds more than
workers × that, whatever a file makes a parser allocate; a file over the cap fails alone, by name. A
worker whose parent dies (kill -9) exits within a second (`_watch_parent`).
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from ..errors import FazhiError, InputError
from ..models import Fact
from ..settings import ChunkSettings
from ..store.docstore import DocStore
from ..store.factstore import extract_report_facts
from ..store.lexical import chunk_tokens
from ..text.lexicon import add_words
from ..text.redact import redact
from .limits import Limits
from .loader import safe_name
from .prepare import PreparedReport, prepare

log = logging.getLogger(__name__)

@dataclass
class Prepared:
    """One file's outcome: the prepared report and its facts, or the one-line reason it failed."""

    path: Path
    report: PreparedReport | None = None
    facts: list[Fact] | None = None
    error: str | None = None

    @classmethod
    def of(cls, report: PreparedReport, path: Path | None = None) -> "Prepared":
        """A report prepared elsewhere (a fetched URL), with its facts."""
        return cls(path or Path(report.meta.source), report, extract_report_facts(report.meta, report.text))


def auto_workers(requested: int, n_items: int, spare_one: bool = True) -> int:
    """0 = one process per core, but one left to the embedder when it runs alongside (spare_one); a
    handful of items is done in-process, where starting interpreters would cost more than it saves."""
    if requested > 0:
        return min(requested, n_items)
    if n_items < 8:
        return 0
    return max(1, min((os.cpu_count() or 2) - int(spare_one), n_items))


_CAP_MB: list[float] = []  # per worker process: the memory cap it runs under, for the message


def cap_memory(mb: float) -> None:
    """A worker's initializer: at most `mb` MB of heap and anonymous memory (RLIMIT_DATA); past it an
    allocation raises MemoryError in this worker only."""
    limit = int(mb * 2**20)
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    resource.setrlimit(resource.RLIMIT_DATA, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    _CAP_MB.append(mb)


def _prepare_one(path: Path, max_file_mb: float, chunking: ChunkSettings, limits: Limits | None) -> Prepared:
    try:
        return Prepared.of(prepare(path, max_file_mb, chunking, limits), path)
    except FazhiError as err:
        return Prepared(path, error=str(err))
    except MemoryError:
        cap = f"{_CAP_MB[-1]:g} MB" if _CAP_MB else "the memory"
        return Prepared(path, error=f"{safe_name(path)}: reading it needs more than {cap}; split the report or "
                                    f"raise FAZHI_WORKER_MEMORY_MB")
    except Exception as err:  # a bug reading one file must not lose the rest of the batch
        log.exception("reading %s failed", safe_name(path))
        return Prepared(path, error=f"{safe_name(path)}: could not be read ({type(err).__name__}); check the file")


def _watch_parent(parent: int, every: float = 0.5) -> None:
    """Exit this worker once its parent is gone: an ingest killed with -9 cannot shut its pool down, and
    a worker busy on a big file would otherwise read on, orphaned, until the file is done."""
    def watch():
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="fazhi-parent-watch").start()


def _started(parent: int, initializer, initargs) -> None:
    _watch_parent(parent)
    if initializer is not None:
        initializer(*initargs)


def _pool(workers: int, initializer=None, initargs=()) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_started, initargs=(os.getpid(), initializer, initargs))


def prepared(files: list[Path], max_file_mb: float, chunking: ChunkSettings, workers: int,
             limits: Limits | None = None, memory_mb: float | None = None) -> Iterator[Prepared]:
    """Every file prepared, in order; at most a few reports ahead of the consumer (bounded memory).
    The size limits are checked in the workers, before anything reaches the embedder; each worker runs
    under `memory_mb` (cap_memory)."""
    args = [(p, max_file_mb, chunking, limits) for p in files]
    cap = (cap_memory, (memory_mb,)) if memory_mb else (None, ())
    # far enough ahead that the reports of one store batch (assistant._FLUSH_CHUNKS) are ready when
    # the embedder finishes the previous one, so the embedder never waits for them
    yield from _run(_prepare_one, args, workers, *cap, ahead=96, initialize_here=False)


def _ordered(pool: Executor, fn, args: list[tuple], ahead: int) -> Iterator:
    queue: deque[Future] = deque()
    todo = iter(args)
    for a in todo:
        queue.append(pool.submit(fn, *a))
        if len(queue) >= ahead:
            break
    while queue:
        result = queue.popleft().result()
        nxt = next(todo, None)
        if nxt is not None:
            queue.append(pool.submit(fn, *nxt))
        yield result


_DOCS: dict[str, DocStore] = {}  # per worker process: the store the chunks are read from


def _tokenize_report(db_path: str, report_id: str, context: str) -> tuple[str, list[tuple[str, list[str]]]]:
    # the worker reads the chunks itself: passing thousands of reports' chunks through pipes would cost
    # the parent their memory and pickling
    if db_path not in _DOCS:  # opened once per worker (setdefault would open it again for every report)
        _DOCS[db_path] = DocStore(db_path)
    docs = _DOCS[db_path]
    return report_id, [(c.id, chunk_tokens(c, context)) for c in docs.chunks(report_id)]


def tokenized(db_path: Path | str, items: list[tuple[str, str]], aliases: list[str],
              workers: int) -> Iterator[tuple[str, list[tuple[str, list[str]]]]]:
    """BM25 tokens of each report's chunks, items being (report id, place/title context), with the
    corpus's place names registered in every worker first so they segment as in the main process."""
    yield from _run(_tokenize_report, [(str(db_path), rid, ctx) for rid, ctx in items], workers, add_words, (aliases,))


def _run(fn, args: list[tuple], workers: int, initializer=None, initargs=(), ahead: int = 0,
         initialize_here: bool = True) -> Iterator:
    """fn(*a) for every a, in order: in a pool, or here when workers is 0 or the pool cannot run
    (a script without `if __name__ == "__main__":` makes every spawned worker fail while importing it).
    The initializer runs here too unless initialize_here is False (a memory cap is for workers only)."""
    done = 0
    if workers > 0:
        try:
            with _pool(workers, initializer, initargs) as pool:
                for result in _ordered(pool, fn, args, ahead=max(ahead, 4 * workers)):
                    done += 1
                    yield result
            return
        except BrokenProcessPool:
            log.warning("ingest workers could not start (is the calling script missing `if __name__ == "
                        "'__main__':`?); preparing the remaining %d files in this process", len(args) - done)
    if initializer is not None and initialize_here:
        initializer(*initargs)
    for a in args[done:]:
        yield fn(*a)


def addressed(items, url: str, n_files: int):
    """`fazhi ingest FILE --url URL`: the one file's report carries the address given for it (checked here,
    before anything is read)."""
    if not str(url).lower().startswith(("http://", "https://")):
        raise InputError(f"--url must be an http(s) address, got '{str(url)[:80]}'; give the report page's address")
    if n_files != 1:
        raise InputError(f"--url names one report's address but {n_files} files were given; ingest one file with it")
    return (_with_url(item, redact(url)) for item in items)


def _with_url(item: Prepared, url: str) -> Prepared:
    if item.report is not None:
        item.report.meta.source_url = url
    return item
