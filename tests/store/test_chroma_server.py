"""FAZHI_CHROMA_URL: a real `chroma run` server on 127.0.0.1 gives the same answers as the embedded store."""
import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from assistant import Assistant
from assistant.errors import FazhiError
from assistant.settings import Settings
from conftest import REPORTS, ROOT, FakeEmbedding


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    chroma = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    if chroma is None:
        pytest.fail("the `chroma` CLI (shipped with chromadb) is not installed")
    port, data = free_port(), tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen([chroma, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(url + "/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline or proc.poll() is not None:
                raise RuntimeError("the chroma server did not start")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def _questions(n: int = 40) -> list[str]:
    lines = (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()][:n]


def _answers(a: Assistant) -> list[tuple]:
    out = []
    for q in _questions():
        ans = a.ask(q, generate=False)
        out.append((ans.answer, ans.abstained, ans.route, [(c.report_id, c.start, c.end) for c in ans.citations]))
    return out


@pytest.mark.slow
def test_server_store_answers_like_the_embedded_one(chroma_url, seeded, tmp_path):
    remote = Assistant.open(Settings(home=tmp_path, chroma_url=chroma_url), embed_model=FakeEmbedding())
    result = remote.ingest([REPORTS], progress=False)
    assert len(result.added) == 5
    assert remote.vectors.count() == seeded.vectors.count()
    assert not (tmp_path / "vectorstore" / "chroma").exists()  # nothing embedded under FAZHI_HOME
    assert _answers(remote) == _answers(seeded)
    remote.remove(result.added[0].id)
    assert remote.vectors.count() == seeded.vectors.count() - result.added[0].chunks
    remote.close()


def test_unreachable_server_is_one_line_naming_the_fix(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(FazhiError) as err:
        Assistant.open(Settings(home=tmp_path, chroma_url=url), embed_model=FakeEmbedding())
    assert "\n" not in str(err.value) and url in str(err.value) and "chroma run" in str(err.value)


def test_bad_url_is_refused(tmp_path):
    with pytest.raises(FazhiError, match="FAZHI_CHROMA_URL"):
        Assistant.open(Settings(home=tmp_path, chroma_url="localhost:8000"), embed_model=FakeEmbedding())
