"""Reports prepared in worker processes are the reports prepared in-process, in the same order."""
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
