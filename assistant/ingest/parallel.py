"""Preparing reports in worker processes while the main process embeds the ones already prepared.

Embedding is the physical limit of ingest; loading, cleaning, sectioning and fact extraction are
pure Python (and jieba for BM25 tokens), so they run in a process pool (the GIL would serialise them
in threads) a few reports ahead of the embedder. Workers are spawned, not forked: the parent holds
Chroma's and the embedder's threads, which a fork would copy in an undefined state.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..errors import FazhiError
from ..facts.extract import Fact
from ..models import Chunk
from ..settings import ChunkSettings
from ..store.factstore import extract_report_facts
from ..store.lexical import chunk_tokens
from ..text.lexicon import add_words
from .prepare import PreparedReport, prepare


@dataclass
class Prepared:
    """One file's outcome: the prepared report and its facts, or the one-line reason it failed."""

    path: Path
    report: PreparedReport | None = None
    facts: list[Fact] | None = None
    error: str | None = None


def auto_workers(requested: int, n_items: int) -> int:
    """0 = one process per core but one (the embedder's); a handful of files is prepared in-process,
    where starting interpreters would cost more than it saves."""
    if requested > 0:
        return min(requested, n_items)
    if n_items < 8:
        return 0
    return max(1, min((os.cpu_count() or 2) - 1, n_items))


def _prepare_one(path: Path, max_file_mb: float, chunking: ChunkSettings) -> Prepared:
    try:
        report = prepare(path, max_file_mb, chunking)
    except FazhiError as err:
        return Prepared(path, error=str(err))
    return Prepared(path, report, extract_report_facts(report.meta, report.text))


def _pool(workers: int, initializer=None, initargs=()) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=initializer, initargs=initargs)


def prepared(files: list[Path], max_file_mb: float, chunking: ChunkSettings, workers: int) -> Iterator[Prepared]:
    """Every file prepared, in order; at most a few reports ahead of the consumer (bounded memory)."""
    if workers <= 0:
        for path in files:
            yield _prepare_one(path, max_file_mb, chunking)
        return
    with _pool(workers) as pool:
        yield from _ordered(pool, _prepare_one, [(p, max_file_mb, chunking) for p in files], ahead=4 * workers)


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


def _tokenize_report(report_id: str, chunks: list[Chunk], context: str) -> tuple[str, list[tuple[str, list[str]]]]:
    return report_id, [(c.id, chunk_tokens(c, context)) for c in sorted(chunks, key=lambda c: c.id)]


def tokenized(items: list[tuple[str, list[Chunk], str]], aliases: list[str],
              workers: int) -> Iterator[tuple[str, list[tuple[str, list[str]]]]]:
    """BM25 tokens of each report's chunks (report id, chunks, place/title context), with the corpus's
    place names registered in every worker first so they segment as in the main process."""
    if workers <= 0:
        for item in items:
            yield _tokenize_report(*item)
        return
    with _pool(workers, add_words, (aliases,)) as pool:
        yield from _ordered(pool, _tokenize_report, items, ahead=4 * workers)
