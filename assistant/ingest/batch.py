"""One ingest batch between preparing and storing: which reports are new, and their embeddings.

Embedding is done here, before the store's commit lock is taken, so questions in other processes wait only
for the writes (seconds), never for the embedding (minutes for a big folder).
"""
from __future__ import annotations

import logging
from typing import Callable

from llama_index.core.embeddings import BaseEmbedding
from llama_index.core.schema import MetadataMode, TextNode

from ..models import IngestResult, ReportMeta
from ..store.vectors import to_node
from .duplicates import DuplicateIndex
from .prepare import PreparedReport

log = logging.getLogger(__name__)


def is_new(report: PreparedReport, result: IngestResult, keep: bool, stored: Callable[[str], bool],
           duplicates: DuplicateIndex, metas: dict[str, ReportMeta], pending: dict[str, PreparedReport]) -> bool:
    """Whether to add `report`; exact duplicates (stored, or pending in this batch) and, unless `keep`,
    near-duplicates are listed in result.skipped (near ones also in result.duplicates with the report they
    repeat). Stored reports are checked by `duplicates`, the batch's own by `pending`."""
    if stored(report.meta.id) or report.meta.id in pending:
        result.skipped.append(report.meta.source)
        return False
    near = None if keep else duplicates.find(report.text, {rid: r.text for rid, r in pending.items()})
    if near is None:
        return True
    other = metas[near[0]].source if near[0] in metas else pending[near[0]].meta.source
    result.skipped.append(report.meta.source)
    result.duplicates[report.meta.source] = other
    log.warning("%s: a near-duplicate of %s (similarity %.2f); skipped (FAZHI_KEEP_DUPLICATES=1 keeps it)",
                report.meta.source, other, near[1])
    return False


def embedded(todo: list[PreparedReport], embed_model: BaseEmbedding) -> list[TextNode]:
    """The reports' chunks as nodes with their embeddings set (the vector store then only writes them)."""
    nodes = [to_node(c, r.meta) for r in todo for c in r.chunks]
    texts = [n.get_content(metadata_mode=MetadataMode.EMBED) for n in nodes]
    for node, vector in zip(nodes, embed_model.get_text_embedding_batch(texts)):
        node.embedding = vector
    return nodes
