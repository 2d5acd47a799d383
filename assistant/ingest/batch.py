"""One ingest batch between preparing and storing: which reports are new, and their embeddings.

Embedding is done here, before the store's commit lock is taken, so questions in other processes wait only
for the writes (seconds), never for the embedding (minutes for a big folder).
"""
from __future__ import annotations

import logging
from typing import Callable

from llama_index.core.embeddings import BaseEmbedding
from llama_index.core.schema import MetadataMode, TextNode
from tqdm import tqdm

from ..models import IngestResult, ReportMeta
from ..store.vectors import to_node
from .duplicates import DuplicateIndex
from .prepare import PreparedReport

log = logging.getLogger(__name__)


def new_reports(prepared: list[PreparedReport], result: IngestResult, keep: bool, stored: Callable[[str], bool],
                duplicates: DuplicateIndex, metas: dict[str, ReportMeta]) -> list[PreparedReport]:
    """The reports to add; exact duplicates (stored or earlier in the batch) and, unless `keep`, near-duplicates
    are listed in result.skipped (near ones also in result.duplicates with the report they repeat)."""
    todo: list[PreparedReport] = []
    seen: dict[str, str] = {}
    for report in prepared:
        if stored(report.meta.id) or report.meta.id in seen:
            result.skipped.append(report.meta.source)
            continue
        near = None if keep else duplicates.find(report.text, {r.meta.id: r.text for r in todo})
        if near is not None:
            other = metas[near[0]].source if near[0] in metas else seen.get(near[0], near[0])
            result.skipped.append(report.meta.source)
            result.duplicates[report.meta.source] = other
            log.warning("%s: a near-duplicate of %s (similarity %.2f); skipped (FAZHI_KEEP_DUPLICATES=1 keeps it)",
                        report.meta.source, other, near[1])
            continue
        seen[report.meta.id] = report.meta.source
        todo.append(report)
    return todo


def embedded(todo: list[PreparedReport], embed_model: BaseEmbedding, progress: bool) -> dict[str, list[TextNode]]:
    """Report id → its chunks as nodes with their embeddings set (the vector store then only writes them)."""
    out: dict[str, list[TextNode]] = {}
    with tqdm(total=sum(len(r.chunks) for r in todo), desc="embedding chunks", unit="chunk",
              disable=not progress) as bar:
        for r in todo:
            nodes = [to_node(c, r.meta) for c in r.chunks]
            texts = [n.get_content(metadata_mode=MetadataMode.EMBED) for n in nodes]
            for node, vector in zip(nodes, embed_model.get_text_embedding_batch(texts)):
                node.embedding = vector
            out[r.meta.id] = nodes
            bar.update(len(r.chunks))
    return out
