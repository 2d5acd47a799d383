"""`fazhi eval` on any question file and any report folder (fake embedder: fast)."""
import json
import shutil

import pytest

from assistant.errors import InputError
from assistant.evaluation.runner import run_eval
from conftest import REPORTS, FakeEmbedding

QUESTIONS = [
    {"id": "t1", "question": "平罗县2023年行政诉讼败诉率是多少?", "lang": "zh", "kind": "lookup",
     "answer": {"values": [{"value": 21.6, "unit": "%"}], "places": ["平罗县"]},
     "evidence": [{"source": "001_4d08be111e600d4c.txt", "quote": "败诉率为21.6%"}]},
    {"id": "t2", "question": "杭州市西湖区2023年行政诉讼败诉率是多少?", "lang": "zh", "kind": "unanswerable",
     "answer": {"abstain": True}, "evidence": []},
    {"id": "t3", "question": "Which places reported zero defeat?", "lang": "en", "kind": "list",
     "answer": {"places": ["平罗县"]}, "evidence": []},
]


@pytest.fixture
def setup(tmp_path, settings, monkeypatch):
    monkeypatch.setattr("assistant.assistant.make_embedder", lambda s: FakeEmbedding())
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(REPORTS / "001_4d08be111e600d4c.txt", folder)
    qfile = tmp_path / "q.jsonl"
    qfile.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in QUESTIONS), encoding="utf-8")
    return folder, qfile


def test_any_folder_and_question_file_with_baseline(setup, tmp_path, settings):
    folder, qfile = setup
    out = tmp_path / "results.json"
    table, failures = run_eval(qfile, folder, out, baseline="naive", settings=settings)
    assert failures == []
    assert "lookup" in table and "overall" in table and "|" in table
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in data["answers"]] == ["t1", "t2", "t3"]
    assert len(data["baseline_answers"]) == 3
    assert data["summary"]["overall"]["n"] == 3
    by_id = {a["id"]: a for a in data["answers"]}
    assert by_id["t1"]["score"]["correct"] is True
    assert by_id["t2"]["score"]["correct"] is True and by_id["t2"]["answer"]["abstained"] is True
    assert by_id["t3"]["score"]["correct"] is False  # 平罗 reports no zero defeat: a wrong gold must not pass
    assert not (settings.home / "vectorstore" / "fazhi.sqlite").exists()  # a temporary index, not the default store


def test_gate_fails_below_threshold(setup, tmp_path, settings):
    folder, qfile = setup
    thresholds = tmp_path / "t.toml"
    thresholds.write_text("[overall]\naccuracy = 0.99\nverbatim = 1.0\n")
    _, failures = run_eval(qfile, folder, None, thresholds_file=thresholds, settings=settings)
    assert failures and "accuracy" in failures[0]


def test_bad_inputs(setup, tmp_path, settings):
    folder, qfile = setup
    with pytest.raises(InputError, match="not a folder"):
        run_eval(qfile, tmp_path / "missing", None, settings=settings)
    with pytest.raises(InputError, match="unknown baseline"):
        run_eval(qfile, folder, None, baseline="fancy", settings=settings)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n')
    with pytest.raises(InputError, match="bad.jsonl:1"):
        run_eval(bad, folder, None, settings=settings)
