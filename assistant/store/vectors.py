"""Dense side: Chroma (persistent) used through llama-index nodes, index and retriever."""
from __future__ import annotations

from pathlib import Path

from llama_index.core import VectorStoreIndex
from llama_index.core.embeddings import BaseEmbedding
from llama_index.core.schema import NodeRelationship, NodeWithScore, RelatedNodeInfo, TextNode
from llama_index.core.vector_stores import FilterOperator, MetadataFilter, MetadataFilters

from ..models import Chunk, ReportMeta

_EMBED_KEYS = ("place", "section")  # what the embedding sees besides the text


def collection_name(embedder_slug: str, chunker_version: str) -> str:
    return f"fazhi_{embedder_slug}_{chunker_version}"[:63]


def to_node(chunk: Chunk, meta: ReportMeta) -> TextNode:
    md = {"report_id": meta.id, "source": meta.source, "section": chunk.section,
          "start": chunk.start, "end": chunk.end, "place": meta.place or "", "year": meta.year or 0}
    node = TextNode(id_=chunk.id, text=chunk.text, metadata=md,
                    excluded_embed_metadata_keys=[k for k in md if k not in _EMBED_KEYS],
                    excluded_llm_metadata_keys=list(md))
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=meta.id)
    return node


def filters_for(report_ids: set[str] | None) -> MetadataFilters | None:
    if report_ids is None:
        return None
    return MetadataFilters(filters=[MetadataFilter(key="report_id", value=sorted(report_ids), operator=FilterOperator.IN)])


class VectorIndex:
    def __init__(self, directory: Path, name: str, embed_model: BaseEmbedding):
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from llama_index.vector_stores.chroma import ChromaVectorStore

        directory.mkdir(parents=True, exist_ok=True)
        # telemetry off: it would try the network on every start
        self.client = chromadb.PersistentClient(path=str(directory), settings=ChromaSettings(anonymized_telemetry=False))
        self.collection = self.client.get_or_create_collection(name, metadata={"hnsw:space": "cosine"})
        self.store = ChromaVectorStore(chroma_collection=self.collection)
        self.embed_model = embed_model
        self.index = VectorStoreIndex.from_vector_store(self.store, embed_model=embed_model)

    def add(self, nodes: list[TextNode], show_progress: bool = False) -> None:
        self.index.insert_nodes(nodes, show_progress=show_progress)

    def delete_report(self, report_id: str) -> None:
        self.store.delete(ref_doc_id=report_id)

    def count(self) -> int:
        return self.collection.count()

    def search(self, query: str, top_k: int, report_ids: set[str] | None = None) -> list[NodeWithScore]:
        """Nearest chunks, only from the given reports when report_ids is not None."""
        if self.count() == 0:
            return []
        retriever = self.index.as_retriever(similarity_top_k=min(top_k, self.count()), filters=filters_for(report_ids))
        return retriever.retrieve(query)

    def reopen(self) -> "VectorIndex":
        """The same collection through a new Chroma client: a client keeps the vector index in memory and
        does not see what another process wrote (a CLI ingest next to `fazhi serve`)."""
        directory = Path(self.client.get_settings().persist_directory)
        self.close()
        return VectorIndex(directory, self.collection.name, self.embed_model)

    def close(self) -> None:
        try:
            self.client.close()
        except Exception:  # an older client without close(), or already closed: nothing to release
            pass
