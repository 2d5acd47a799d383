"""One writer, many readers across processes: two ingests at once, questions while another process ingests."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path


from assistant import Assistant, Settings
from assistant.store.lock import StoreLock, generation
from conftest import FakeEmbedding, REPORTS, ROOT, copy_home

TESTS = Path(__file__).resolve().parent.parent
WRITER = """
import json, sys, time
sys.path[:0] = [{root!r}, {tests!r}]
from conftest import FakeEmbedding
from assistant import Assistant, Settings

class Slow(FakeEmbedding):  # slow enough that the two processes really overlap
    def _get_text_embedding(self, text):
        time.sleep({delay})
        return self._vec(text)

a = Assistant.open(Settings(home={home!r}), embed_model=Slow())
r = a.ingest([{folder!r}], progress=False)
a.close()
print(json.dumps({{"added": len(r.added), "skipped": len(r.skipped), "failed": [f.reason for f in r.failed]}}))
"""
NEW_REPORT = """青石县2023年度法治政府建设情况报告

2023年,青石县深入学习贯彻习近平法治思想,扎实推进法治政府建设。现将有关情况报告如下。

一、主要工作情况
(一)加强行政复议工作
全年共收到行政复议申请36件,审结31件,行政复议纠错率为9.7%。
(二)做好行政应诉工作
全县行政诉讼案件52件,败诉率为3.8%,行政机关负责人出庭应诉率达100%。

二、存在的不足
基层法治力量仍较薄弱。

青石县人民政府
2024年1月20日
"""


def _writer(home: Path, folder: Path, delay: float = 0.01) -> subprocess.Popen:
    code = WRITER.format(root=str(ROOT), tests=str(TESTS), home=str(home), folder=str(folder), delay=delay)
    env = {**os.environ, "FAZHI_LLM": "none", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)


def _result(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-3000:]
    assert "IntegrityError" not in err and "Traceback" not in err, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


def test_two_ingests_of_one_folder_at_once(tmp_path):
    home = tmp_path / "home"
    first, second = _writer(home, REPORTS), _writer(home, REPORTS)
    results = [_result(first), _result(second)]
    assert sorted(r["added"] for r in results) == [0, 5]
    assert sorted(r["skipped"] for r in results) == [0, 5]
    a = Assistant.open(Settings(home=home), embed_model=FakeEmbedding())
    try:
        assert len(a.reports()) == 5 and a.vectors.count() == len(a.chunks)
    finally:
        a.close()


def test_questions_while_another_process_ingests(seeded_home, tmp_path):
    home = tmp_path / "home"
    copy_home(seeded_home, home)
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "qingshi.txt").write_text(NEW_REPORT, encoding="utf-8")
    reader = Assistant.open(Settings(home=home), embed_model=FakeEmbedding())
    failures: list[str] = []
    try:
        before = generation(reader.docs)
        writer = _writer(home, folder, delay=0.05)
        counts = [0, 0, 0]

        def ask_until_done(i: int) -> None:  # three threads, as the page's concurrent questions
            while writer.poll() is None or counts[i] < 2:
                try:
                    answer = reader.ask("平罗县2023年行政诉讼败诉率是多少?", generate=False)
                    assert "21.6%" in answer.answer
                    counts[i] += 1
                except Exception as err:  # noqa: BLE001 - every failure is the bug
                    failures.append(f"{type(err).__name__}: {err}")
                    return

        threads = [threading.Thread(target=ask_until_done, args=(i,)) for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(300)
        answered = sum(counts)
        assert _result(writer)["added"] == 1
        assert not failures, failures[:3]
        assert answered > 3
        # the reader notices the newer store before its next answer: no restart
        assert generation(reader.docs) == before + 1
        answer = reader.ask("青石县行政复议纠错率是多少?", generate=False)
        assert any(c.source == "qingshi.txt" for c in answer.citations), answer.answer
        assert "青石县" in {m.place for m in reader.reports()}
        assert reader.vectors.count() == len(reader.chunks)
        for _ in range(5):  # and keeps answering afterwards
            assert "21.6%" in reader.ask("平罗县2023年行政诉讼败诉率是多少?", generate=False).answer
    finally:
        reader.close()


def test_lock_orders_writers_and_readers(tmp_path):
    lock = StoreLock(tmp_path, timeout=0.2)
    events: list[str] = []
    with lock.reading():
        t = threading.Thread(target=lambda: (lock.committing().__enter__(), events.append("commit")))
        t.start()
        time.sleep(0.2)
        assert events == []  # the commit waits for the question in flight
    t.join(2)
    assert events == ["commit"]


def test_a_stuck_writer_is_named(tmp_path):
    from filelock import FileLock

    from assistant.store.lock import StoreBusyError

    lock = StoreLock(tmp_path, timeout=0.2)
    with FileLock(str(tmp_path / ".write.lock")):
        t_err: list[Exception] = []

        def other():
            try:
                with lock.writer():
                    pass
            except StoreBusyError as err:
                t_err.append(err)

        t = threading.Thread(target=other)
        t.start()
        t.join(5)
    assert t_err and "FAZHI_LOCK_TIMEOUT" in str(t_err[0])


def test_page_answers_while_another_process_ingests(seeded_home, tmp_path):
    """The web page (gradio_client) keeps answering during an ingest by another process and then lists it."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))  # its modules import each other by name
    from test_upload_safety import _running

    home = tmp_path / "home"
    copy_home(seeded_home, home)
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "qingshi.txt").write_text(NEW_REPORT, encoding="utf-8")
    server_side = Assistant.open(Settings(home=home, llm="none"), embed_model=FakeEmbedding())
    try:
        with _running(server_side) as (demo, client):
            writer = _writer(home, folder, delay=0.05)
            asked = 0
            while writer.poll() is None or asked < 2:
                answer = client.predict("平罗县2023年行政诉讼败诉率是多少?", None, None, api_name="/ask")
                assert "21.6%" in answer["answer"]
                asked += 1
            assert _result(writer)["added"] == 1
            assert "青石县" in {r["place"] for r in client.predict(api_name="/reports")}
            answer = client.predict("青石县行政复议纠错率是多少?", None, None, api_name="/ask")
            assert any(c["source"] == "qingshi.txt" for c in answer["citations"])
    finally:
        server_side.close()


OPENER = """
import sys
sys.path.insert(0, {tests!r})
from conftest import FakeEmbedding
from pathlib import Path
from assistant import Assistant, Settings
Assistant.open(Settings(home=Path({home!r}), llm="none"), embed_model=FakeEmbedding()).close()
"""


def test_processes_opening_one_fresh_store_at_once(tmp_path):
    """Chroma creates its SQLite on first open; four processes starting together (a server and CLI calls on a
    new FAZHI_HOME) must not meet "database is locked" (seen once on CI in two concurrent ingests)."""
    code = OPENER.format(tests=str(ROOT / "tests"), home=str(tmp_path / "home"))
    env = {**os.environ, "FAZHI_LLM": "none", "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True, env=env) for _ in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, "\n".join(e[-800:] for e in errors)
