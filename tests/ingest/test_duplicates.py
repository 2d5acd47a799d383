"""Near-duplicate reports (the same report with a line added) are reported as duplicates, unless kept."""
from __future__ import annotations

import itertools
from pathlib import Path

from assistant import Assistant
from assistant.ingest.duplicates import DuplicateIndex, shingles, similarity
from conftest import FakeEmbedding, REPORTS, ROOT, copy_home

PINGLUO = REPORTS / "001_4d08be111e600d4c.txt"


def _variant(tmp_path: Path, name: str) -> Path:
    text = PINGLUO.read_text(encoding="utf-8")
    path = tmp_path / name
    lines = text.splitlines()
    lines.insert(len(lines) // 2, "全年还组织开展法治宣传进社区活动12场,覆盖群众3000余人次。")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_no_two_reports_of_the_corpora_look_alike():
    """Different reports (also one place's different years) stay below the threshold."""
    files = sorted(REPORTS.glob("*.txt")) + sorted((ROOT / "eval" / "unseen-reports").glob("*.txt"))
    texts = {}
    for f in files:  # the unseen folder holds copies of the seeds: compare distinct texts only
        texts.setdefault(f.read_text(encoding="utf-8"), f.name)
    sets = {name: shingles(text) for text, name in texts.items()}
    worst = max(similarity(sets[a], sets[b]) for a, b in itertools.combinations(sets, 2))
    assert worst < 0.6


def test_a_line_added_is_a_near_duplicate():
    text = PINGLUO.read_text(encoding="utf-8")
    index = DuplicateIndex({"p": len(text)}, lambda _: text, 0.9)
    found = index.find(text + "\n附:联系电话 0952-1234567\n")
    assert found and found[0] == "p" and found[1] > 0.95
    assert index.find((REPORTS / "003_49aefc5b94c96eef.txt").read_text(encoding="utf-8")) is None


def test_signatures_are_stored_once_and_only_close_reports_are_read(tmp_path):
    from assistant.store.docstore import DocStore

    docs = DocStore(tmp_path / "fazhi.sqlite")
    texts = {f.stem: f.read_text(encoding="utf-8") for f in sorted(REPORTS.glob("*.txt"))}
    read: list[str] = []

    def text_of(report_id: str) -> str:
        read.append(report_id)
        return texts[report_id]

    sizes = {i: len(t) for i, t in texts.items()}
    copy = texts[PINGLUO.stem] + "\n附:联系电话 0952-1234567\n"
    found = DuplicateIndex(sizes, text_of, 0.9, docs).find(copy)
    assert found[0] == PINGLUO.stem and set(docs.signatures()) == set(texts)  # made from the texts once, stored
    read.clear()
    again = DuplicateIndex(sizes, text_of, 0.9, docs)  # another process: the signatures come from the store
    assert again.find(copy) == found and read == [PINGLUO.stem]  # only the report whose signature is close
    read.clear()
    assert again.find(texts[PINGLUO.stem][::-1]) is None and read == []  # same length, other 5-grams: none read
    docs.remove(PINGLUO.stem)
    again.resize({i: n for i, n in sizes.items() if i != PINGLUO.stem})
    assert PINGLUO.stem not in docs.signatures() and again.find(copy) is None


def test_ingest_reports_and_keeps_duplicates_on_request(seeded_home, tmp_path):
    home = tmp_path / "home"
    copy_home(seeded_home, home)
    from assistant import Settings

    a = Assistant.open(Settings(home=home), embed_model=FakeEmbedding())
    try:
        result = a.ingest([_variant(tmp_path, "pingluo_copy.txt")], progress=False)
        assert not result.added and result.skipped == ["pingluo_copy.txt"]
        assert result.duplicates == {"pingluo_copy.txt": "001_4d08be111e600d4c.txt"}
        kept = a.ingest([_variant(tmp_path, "pingluo_copy.txt")], progress=False, keep_duplicates=True)
        assert [m.source for m in kept.added] == ["pingluo_copy.txt"]
    finally:
        a.close()


def test_cli_names_the_duplicate(settings, monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from assistant.cli import app

    monkeypatch.setattr("assistant.assistant.make_embedder", lambda s: FakeEmbedding())
    runner = CliRunner()

    def cli(*args):
        return runner.invoke(app, list(args))

    cli("ingest", str(PINGLUO))
    out = cli("ingest", str(_variant(tmp_path, "again.txt"))).stdout
    assert "again.txt: a near-duplicate of 001_4d08be111e600d4c.txt" in out and "--keep-duplicates" in out
    assert "1 added" in cli("ingest", "--keep-duplicates", str(_variant(tmp_path, "again.txt"))).stdout
