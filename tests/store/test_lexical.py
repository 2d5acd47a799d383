"""BM25 in SQLite: the scores of bm25s (which it replaced), kept exact under per-report adds and removals."""
import bm25s
import numpy as np
import pytest

from assistant.models import Chunk
from assistant.store.lexical import LexicalIndex

DOCS = {  # report → chunk texts (already tokens, space-separated)
    "r1": ["行政 复议 案件 行政 复议", "法律 援助 案件 办理", "零 败诉 行政 诉讼"],
    "r2": ["行政 诉讼 败诉率 下降", "法律 顾问 全覆盖 法律"],
    "r3": ["人民 调解 成功率 调解", "行政 执法 监督 行政 执法 案卷"],
}


def tokens(report):
    return [(f"{report}:{i:04d}", text.split()) for i, text in enumerate(DOCS[report])]


def index(tmp_path, reports, name="lex.sqlite"):
    lex = LexicalIndex(tmp_path / name)
    lex.add_reports([(r, tokens(r)) for r in reports])
    return lex


def bm25s_top(reports, query, k=10):
    ids = [cid for r in reports for cid, _ in tokens(r)]
    bm = bm25s.BM25()
    bm.index([t for r in reports for _, t in tokens(r)], show_progress=False)
    q = [t for t in query if t in bm.vocab_dict]
    scores = bm.get_scores(q) if q else np.zeros(len(ids))
    order = np.argsort(-scores, kind="stable")
    return [ids[i] for i in order if scores[i] > 0][:k]


@pytest.mark.parametrize("query", [["行政"], ["行政", "复议"], ["法律", "法律", "案件"], ["调解", "执法"], ["没有"]])
def test_ranking_is_bm25s_ranking(tmp_path, query):
    lex = index(tmp_path, ["r1", "r2", "r3"])
    assert lex.top(query, 10) == bm25s_top(["r1", "r2", "r3"], query)


def test_scope_restricts_to_the_reports_named(tmp_path):
    lex = index(tmp_path, ["r1", "r2", "r3"])
    assert {c.split(":")[0] for c in lex.top(["行政"], 10, {"r2"})} == {"r2"}
    assert lex.top(["行政"], 10, set()) == []


def test_add_and_remove_a_report_equal_a_fresh_index(tmp_path):
    lex = index(tmp_path, ["r1", "r2"])
    lex.add_reports([("r3", tokens("r3"))])
    fresh = index(tmp_path, ["r1", "r2", "r3"], "fresh.sqlite")
    for q in (["行政"], ["法律", "案件"], ["调解"]):
        assert lex.top(q, 10) == fresh.top(q, 10)
    lex.remove_report("r2")
    without = index(tmp_path, ["r1", "r3"], "without.sqlite")
    assert lex.report_ids() == {"r1", "r3"}
    for q in (["行政"], ["法律", "案件"], ["败诉率"]):
        assert lex.top(q, 10) == without.top(q, 10) == bm25s_top(["r1", "r3"], q)


def test_re_adding_a_report_replaces_its_rows(tmp_path):
    lex = index(tmp_path, ["r1", "r2"])
    lex.add_reports([("r1", tokens("r1"))])
    assert lex.n_chunks == 5 and lex.top(["复议"], 10) == bm25s_top(["r1", "r2"], ["复议"])


def test_add_report_tokenizes_chunk_context_section_and_text(tmp_path):
    lex = LexicalIndex(tmp_path / "lex.sqlite")
    chunk = Chunk(id="p:0000", report_id="p", section="一、行政复议", start=0, end=8, text="全年受理法律援助案件")
    lex.add_report("p", [chunk], "平罗县 平罗县2023年法治政府建设情况报告")
    assert lex.top(["平罗县"], 5) == ["p:0000"] and lex.top(["法律援助"], 5) == ["p:0000"]
