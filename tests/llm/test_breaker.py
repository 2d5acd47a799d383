"""A dead, hanging or failing LLM endpoint never fails a question: the extractive answer with a notice."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager

import pytest

from assistant import Assistant, Settings
from assistant.llm.breaker import Breaker
from assistant.text.redact import redact
from conftest import FakeEmbedding, FakeLLM, fake_default_embedder

QUESTION = "平罗县2023年行政诉讼败诉率是多少?"


@contextmanager
def hanging_server():
    """Accepts connections and never answers; yields (url, list of accepted connections)."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def run():
        srv.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(srv.accept()[0])
            except OSError:
                continue

    t = threading.Thread(target=run, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.getsockname()[1]}/v1", accepted
    finally:
        stop.set()
        t.join(2)
        for c in accepted:
            c.close()
        srv.close()


def _open(home, **settings):
    return Assistant.open(Settings(home=home, **settings), embed_model=FakeEmbedding())


def test_dead_endpoint_gives_the_extractive_answer_with_a_notice(seeded_home):
    a = _open(seeded_home, llm="openai", llm_base_url="http://someone:S3CRET@127.0.0.1:9/v1?api_key=S3CRET")
    try:
        answer = a.ask(QUESTION)
        assert "21.6%" in answer.answer and answer.citations and not answer.abstained
        assert answer.notice and "LLM not used" in answer.notice and "FAZHI_LLM_BASE_URL" in answer.notice
        assert "S3CRET" not in answer.model_dump_json() and "\n" not in answer.notice
        final = [e for e in a.ask_stream(QUESTION) if e["type"] == "answer"][0]["answer"]
        assert "21.6%" in final.answer and final.notice
    finally:
        a.close()


def test_hanging_endpoint_is_cut_by_the_read_timeout_and_then_skipped(seeded_home):
    with hanging_server() as (url, accepted):
        a = _open(seeded_home, llm="openai", llm_base_url=url, llm_read_timeout=1.0, llm_breaker_failures=2,
                  llm_breaker_cooldown=60)
        try:
            for _ in range(2):
                start = time.monotonic()
                answer = a.ask(QUESTION)
                assert time.monotonic() - start < 8
                assert "21.6%" in answer.answer and "did not answer in time" in answer.notice
            tried = len(accepted)
            start = time.monotonic()
            answer = a.ask(QUESTION)  # the breaker is open: no new connection, no wait
            assert time.monotonic() - start < 2 and len(accepted) == tried
            assert "skipped for up to 60 s" in answer.notice and "21.6%" in answer.answer
        finally:
            a.close()


def test_model_failing_mid_answer_trips_the_breaker(seeded_home):
    a = _open(seeded_home, llm="local", llm_breaker_failures=1, llm_skip_complete=False)  # phrased: it fails
    a._llm = FakeLLM(replies=[lambda prompt: (_ for _ in ()).throw(RuntimeError("server exploded"))])
    try:
        answer = a.ask(QUESTION)
        assert "21.6%" in answer.answer and "server exploded" in answer.notice
        assert a.breaker.open_reason() is not None
        assert a.ask(QUESTION).notice  # skipped now: the fake has no reply queued and is not asked
    finally:
        a.close()


def test_cli_dead_endpoint_exit_0(seeded_home, monkeypatch):
    from typer.testing import CliRunner

    from assistant.cli import app

    fake_default_embedder(monkeypatch)
    for k, v in {"FAZHI_HOME": str(seeded_home), "FAZHI_LLM": "openai",
                 "FAZHI_LLM_BASE_URL": "http://127.0.0.1:9/v1"}.items():
        monkeypatch.setenv(k, v)
    result = CliRunner().invoke(app, ["ask", QUESTION])
    assert result.exit_code == 0, result.output
    assert "21.6%" in result.stdout and "notice: LLM not used" in result.output


def test_breaker_closes_after_the_cooldown():
    now = [0.0]
    b = Breaker(failures=2, cooldown=10, clock=lambda: now[0])
    b.failed("x")
    assert b.open_reason() is None
    b.failed("y")
    assert b.open_reason() == "y"
    now[0] = 11
    assert b.open_reason() is None
    b.succeeded()
    b.failed("z")
    assert b.open_reason() is None


@pytest.mark.parametrize("text,hidden", [
    ("http://user:KEY123@host:8080/v1", "KEY123"), ("https://h/v1?api_key=KEY123&x=1", "KEY123"),
    ("cannot reach https://a:b@h/ (x)", ":b@"), ("http://h/v1?token=KEY123", "KEY123"),
])
def test_redact(text, hidden):
    assert hidden not in redact(text) and "***" in redact(text)


def test_page_shows_the_notice(seeded_home):
    from assistant.web.views import render_answer

    a = _open(seeded_home, llm="openai", llm_base_url="http://127.0.0.1:9/v1")
    try:
        html = render_answer(a.ask(QUESTION), "m1", a.text)
    finally:
        a.close()
    assert "fz-notice" in html and "LLM not used" in html and "21.6%" in html
