"""Adding or removing a report touches only that report, and answers as a store built in one go."""
import json

from assistant import Assistant
from assistant.settings import Settings
from conftest import FakeEmbedding, REPORTS, ROOT, copy_home

QUESTIONS = [json.loads(line)["question"] for line in (ROOT / "eval" / "questions.jsonl").read_text(
    encoding="utf-8").splitlines() if line.strip()][::3]


def answers(a: Assistant) -> list[tuple]:
    out = []
    for q in QUESTIONS:
        ans = a.ask(q, generate=False)
        out.append((ans.answer, ans.route, [(c.report_id, c.start, c.end) for c in ans.citations]))
    return out


def test_one_more_report_answers_like_all_at_once(seeded, tmp_path):
    files = sorted(REPORTS.glob("*.txt"))
    a = Assistant.open(Settings(home=tmp_path), embed_model=FakeEmbedding())
    a.ingest(files[:4], progress=False)
    a.ingest(files[4:], progress=False)
    assert a.lexical.report_ids() == set(a.metas) == set(seeded.metas)
    assert answers(a) == answers(seeded)
    a.close()


def test_removing_a_report_answers_like_never_having_it(seeded, tmp_path):
    files = sorted(REPORTS.glob("*.txt"))
    without = Assistant.open(Settings(home=tmp_path / "without"), embed_model=FakeEmbedding())
    without.ingest(files[1:], progress=False)
    a = Assistant.open(Settings(home=tmp_path / "removed"), embed_model=FakeEmbedding())
    added = a.ingest(files, progress=False).added
    a.remove(next(m.id for m in added if m.source == files[0].name))
    assert a.lexical.report_ids() == set(without.metas) and len(a.chunks) == len(without.chunks)
    assert answers(a) == answers(without)
    a.close()
    without.close()


def test_a_store_without_lexical_rows_is_indexed_at_open(seeded_home, tmp_path):
    copy_home(seeded_home, tmp_path / "copy")
    (tmp_path / "copy" / "vectorstore" / "lexical.sqlite").unlink()  # an older store (bm25s) or a lost file
    a = Assistant.open(Settings(home=tmp_path / "copy"), embed_model=FakeEmbedding())
    assert a.lexical.report_ids() == set(a.metas) and a.lexical.n_chunks == len(a.chunks)
    a.close()


def test_each_commit_of_a_big_ingest_is_complete_for_another_reader(tmp_path, monkeypatch):
    """A big folder is committed in batches: after each one, a second Assistant on the same store (another
    process in real use) reloads and sees whole reports only: their vectors, chunks, facts and BM25 rows."""
    import assistant.assistant as module

    monkeypatch.setattr(module, "_FLUSH_CHUNKS", 1)  # one report per commit
    files = sorted(REPORTS.glob("*.txt"))
    writer = Assistant.open(Settings(home=tmp_path), embed_model=FakeEmbedding())
    reader = Assistant.open(Settings(home=tmp_path), embed_model=FakeEmbedding())
    seen: list[tuple[int, set[str]]] = []
    real_commit = module.Assistant._commit

    def commit_then_look(self, pending, nodes, result):
        had = bool(pending)
        real_commit(self, pending, nodes, result)
        if self is writer and had:
            ids = {m.id for m in reader.reports()}  # reloads: the writer bumped the generation
            assert reader.lexical.report_ids() == ids == set(writer.metas)
            assert {f.report_id for f in reader.all_facts} <= ids
            assert reader.vectors.count() == sum(m.chunks for m in writer.metas.values())
            seen.append((writer._generation, ids))

    monkeypatch.setattr(module.Assistant, "_commit", commit_then_look)
    result = writer.ingest(files, progress=False)
    assert len(result.added) == len(files) == len(seen)
    assert [len(ids) for _, ids in seen] == list(range(1, len(files) + 1))
    assert len({g for g, _ in seen}) == len(files)  # one generation per commit
    assert reader.ask("平罗县2023年行政诉讼败诉率是多少?", generate=False).citations
    writer.close()
    reader.close()
