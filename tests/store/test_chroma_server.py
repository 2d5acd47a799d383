"""FAZHI_CHROMA_URL: a real `chroma run` server on 127.0.0.1 gives the same answers as the embedded store."""
import json

import pytest

from assistant import Assistant
from assistant.errors import FazhiError
from assistant.settings import Settings
from conftest import REPORTS, ROOT, FakeEmbedding
from servers import chroma_url, free_port  # noqa: F401 (a fixture)


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
