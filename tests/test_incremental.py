"""Adding or removing a report touches only that report, and answers as a store built in one go."""
import json

from assistant import Assistant
from assistant.settings import Settings
from conftest import REPORTS, ROOT, FakeEmbedding

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
    import shutil

    shutil.copytree(seeded_home, tmp_path / "copy")
    (tmp_path / "copy" / "vectorstore" / "lexical.sqlite").unlink()  # an older store (bm25s) or a lost file
    a = Assistant.open(Settings(home=tmp_path / "copy"), embed_model=FakeEmbedding())
    assert a.lexical.report_ids() == set(a.metas) and a.lexical.n_chunks == len(a.chunks)
    a.close()
