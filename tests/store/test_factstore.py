"""The fact table reads each report once per extractor version: a report that gives no figure is remembered as
read (facts_read), so an open of a large store does not re-extract every such report again."""
from assistant.models import ReportMeta
from assistant.store import factstore
from assistant.store.docstore import DocStore
from assistant.store.factstore import FactStore

WITH = "2023年,全市共办理行政复议案件120件,行政诉讼败诉率为5%。"
WITHOUT = "坚持以习近平新时代中国特色社会主义思想为指导,深入推进依法行政。"


def _store(tmp_path):
    docs = DocStore(tmp_path / "fazhi.sqlite")
    metas = {}
    for rid, text in (("a", WITH), ("b", WITHOUT)):
        metas[rid] = ReportMeta(id=rid, source=f"{rid}.txt", place="临海市", year=2023, level="county")
        docs.add(metas[rid], text, [], [])
    return docs, FactStore(docs), metas


def test_a_report_without_facts_is_read_once(tmp_path, monkeypatch):
    docs, facts, metas = _store(tmp_path)
    assert facts.sync(metas) == 2
    assert {f.report_id for f in facts.query()} == {"a"}
    assert facts.sync(metas) == 0  # neither is read again, though "b" has no row in facts
    monkeypatch.setattr(factstore, "extractor_version", lambda: "another")
    assert facts.sync(metas) == 2  # a new extractor reads every report again
    docs.close()


def test_a_removed_report_is_read_again_when_it_comes_back(tmp_path):
    docs, facts, metas = _store(tmp_path)
    facts.sync(metas)
    facts.remove("b")
    assert facts.sync(metas) == 1
    docs.close()
