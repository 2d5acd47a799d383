"""/upload reads only what the upload brought; originals are kept for a rebuild; limits per upload."""
from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import shutil  # noqa: E402

import pytest  # noqa: E402
from gradio_client import handle_file  # noqa: E402
from gradio_client.exceptions import AppError  # noqa: E402

from assistant import Assistant, Settings  # noqa: E402
from test_app import running as _running  # noqa: E402  (the page on a free local port)
from conftest import REPORTS, ROOT, FakeEmbedding, copy_home  # noqa: E402


NEW_REPORT = """青石县2020年度法治政府建设情况报告

2020年,青石县深入学习贯彻习近平法治思想,扎实推进法治政府建设。现将有关情况报告如下。

一、主要工作情况
全年共收到行政复议申请36件,审结31件,行政复议纠错率为9.7%。
全县行政诉讼案件52件,败诉率为3.8%,行政机关负责人出庭应诉率达100%。

二、存在的不足
基层法治力量仍较薄弱。

青石县人民政府
2021年1月20日
"""


@pytest.fixture
def home_copy(seeded_home, tmp_path, monkeypatch):
    monkeypatch.setenv("FAZHI_LLM", "none")
    home = tmp_path / "home"
    copy_home(seeded_home, home)
    return home


def _raw_call(port: int, api: str, data: list) -> str:
    """What a remote client can send without gradio_client's upload step: the event's stream, as text."""
    import httpx

    base = f"http://127.0.0.1:{port}/gradio_api"
    event = httpx.post(f"{base}/call/{api}", json={"data": data}).json()["event_id"]
    with httpx.stream("GET", f"{base}/call/{api}/{event}", timeout=60) as response:
        return "\n".join(response.iter_lines())


def test_server_paths_are_refused(home_copy, tmp_path):
    """A FileData naming a server path (the project README, a file outside any upload) is never read."""
    outside = tmp_path / "private.txt"
    shutil.copy(REPORTS / "003_49aefc5b94c96eef.txt", outside)
    a = Assistant.open(Settings(home=home_copy), embed_model=FakeEmbedding())
    try:
        with _running(a) as (demo, client):
            for path in (ROOT / "README.md", outside):
                # gradio_client sends a dict without Gradio's file marker as it is (no upload): refused
                with pytest.raises(AppError):
                    client.predict([{"path": str(path)}], api_name="/upload")
                # with the marker, over plain HTTP (no upload step): Gradio itself refuses it
                port = int(client.src.rstrip("/").rsplit(":", 1)[1])
                stream = _raw_call(port, "upload", [[{"path": str(path), "meta": {"_type": "gradio.FileData"}}]])
                assert "event: error" in stream and "added" not in stream
            assert len(client.predict(api_name="/reports")) == 5  # nothing ingested
            # the handler's own check, called directly as the page would with a forged path
            direct = demo.fazhi.upload([str(ROOT / "README.md"), {"path": str(outside)}], progress=lambda *a, **k: None)
            assert direct["added"] == [] and len(direct["failed"]) == 2
            assert all("not a file uploaded with this request" in f["reason"] for f in direct["failed"])
    finally:
        a.close()


def test_uploads_are_kept_for_a_rebuild(home_copy, tmp_path):
    up = tmp_path / "up"
    up.mkdir()
    new = up / "linhai_copy_2020.txt"
    new.write_text(NEW_REPORT, encoding="utf-8")
    (up / "empty.txt").write_bytes(b"")
    a = Assistant.open(Settings(home=home_copy, max_upload_files=3), embed_model=FakeEmbedding())
    try:
        with _running(a) as (demo, client):
            outcome = client.predict([handle_file(str(p)) for p in sorted(up.iterdir())], api_name="/upload")
            assert [m["source"] for m in outcome["added"]] == ["linhai_copy_2020.txt"], outcome
            too_many = client.predict([handle_file(str(new))] * 4, api_name="/upload")
            assert "超过 3 个的上限" in too_many["message"] and "FAZHI_MAX_UPLOAD_FILES" in too_many["message"]
    finally:
        a.close()
    kept = list((home_copy / "reports" / "uploads").rglob("*.txt"))
    assert [p.name for p in kept] == ["linhai_copy_2020.txt"]  # the rejected empty file left no copy
    assert len(kept[0].parent.name) == 16 and kept[0].read_bytes() == new.read_bytes()
    # a rebuild from reports/ finds the upload again, under the same source name
    shutil.rmtree(home_copy / "vectorstore")
    shutil.copytree(REPORTS, home_copy / "reports", dirs_exist_ok=True)
    b = Assistant.open(Settings(home=home_copy), embed_model=FakeEmbedding())
    try:
        result = b.ingest([home_copy / "reports"], progress=False)
        assert "linhai_copy_2020.txt" in {m.source for m in result.added}
    finally:
        b.close()


def test_url_box_endpoint_refuses_loopback(home_copy):
    a = Assistant.open(Settings(home=home_copy), embed_model=FakeEmbedding())
    try:
        with _running(a) as (demo, client):
            outcome = client.predict("http://127.0.0.1:9/report.html", api_name="/ingest_url")
            assert outcome["added"] == [] and "FAZHI_ALLOW_PRIVATE_URLS" in outcome["failed"][0]["reason"]
    finally:
        a.close()
