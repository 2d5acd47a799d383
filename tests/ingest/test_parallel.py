"""Reports prepared in worker processes are the reports prepared in-process, in the same order."""
import pytest

from assistant.ingest.parallel import auto_workers, prepared, tokenized
from assistant.settings import ChunkSettings
from assistant.store.docstore import DocStore
from assistant.store.lexical import chunk_tokens
from assistant.text.lexicon import add_words, added_words
from conftest import REPORTS


def test_workers_prepare_what_the_main_process_prepares(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text(" ", encoding="utf-8")
    files = sorted(REPORTS.glob("*.txt")) + [bad]
    here = list(prepared(files, 20, ChunkSettings(), workers=0))
    pool = list(prepared(files, 20, ChunkSettings(), workers=1))
    assert [p.path for p in pool] == files
    assert [(p.report.meta, p.report.chunks, p.facts) for p in pool[:-1]] == \
           [(p.report.meta, p.report.chunks, p.facts) for p in here[:-1]]
    assert pool[-1].report is None and pool[-1].error == here[-1].error and "\n" not in pool[-1].error


def test_worker_tokens_equal_main_process_tokens(tmp_path):
    docs = DocStore(tmp_path / "f.sqlite")
    add_words(["婺城", "平罗"])  # as the Assistant registers its places before tokenizing
    items = []
    for p in prepared(sorted(REPORTS.glob("*.txt"))[:2], 20, ChunkSettings(), workers=0):
        docs.add(p.report.meta, p.report.text, p.report.sections, p.report.chunks)
        items.append((p.report.meta.id, f"{p.report.meta.place} {p.report.meta.title}"))
    expected = [(rid, [(c.id, chunk_tokens(c, ctx)) for c in docs.chunks(rid)]) for rid, ctx in items]
    assert list(tokenized(docs.path, items, added_words(), workers=1)) == expected


def test_auto_workers():
    assert auto_workers(0, 3) == 0  # a handful of files: no interpreters to start
    assert auto_workers(3, 2) == 2
    assert auto_workers(0, 100) >= 1


def test_each_worker_runs_under_its_memory_cap():
    from assistant.ingest import parallel

    with parallel._pool(1, parallel.cap_memory, (512,)) as pool:
        with pytest.raises(MemoryError):
            pool.submit(bytearray, 1024 * 2**20).result()  # 1 GB in a worker capped at 512 MB
        assert pool.submit(len, bytearray(64 * 2**20)).result() == 64 * 2**20  # the same worker goes on


def test_a_file_over_the_cap_fails_alone_by_name(monkeypatch, tmp_path):
    from assistant.ingest import parallel
    from assistant.settings import ChunkSettings

    def greedy(*a, **k):
        raise MemoryError

    monkeypatch.setattr(parallel, "prepare", greedy)
    out = parallel._prepare_one(tmp_path / "huge.pdf", 20, ChunkSettings(), None)
    assert out.report is None and out.error.startswith("huge.pdf: ") and "FAZHI_WORKER_MEMORY_MB" in out.error


_ORPHAN = """
import sys, time
from assistant.ingest import parallel
if __name__ == "__main__":
    pool = parallel._pool(1)
    pool.submit(time.sleep, 0).result()  # the worker is up
    print(next(iter(pool._processes)), flush=True)
    pool.submit(time.sleep, 120)  # busy, as on a big file
    time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return "\tZ" not in next(line for line in status if line.startswith("State:"))
    except (FileNotFoundError, StopIteration):
        return False


def test_workers_exit_when_the_ingest_is_killed(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from conftest import ROOT

    script = tmp_path / "orphan.py"
    script.write_text(_ORPHAN)
    parent = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        worker = int(parent.stdout.readline())
        assert _alive(worker)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(worker), "the worker outlived its killed parent"
    finally:
        parent.kill()
