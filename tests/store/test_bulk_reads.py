"""Reads of many reports at once (store/docstore.py): the same texts and sections as one report at a time,
and a keyword prefilter that never drops a report whose simplified text holds the terms — on SQLite and
PostgreSQL alike."""
from assistant.models import ReportMeta, Section
from assistant.store.database import open_database
from assistant.store.docstore import DocStore
from assistant.text.script import to_simplified
from servers import postgres  # noqa: F401 (a fixture)

LONG = "。".join(["推进依法行政工作"] * 300)
TEXTS = {
    "plain": LONG + "培育法律明白人队伍。",
    "other": LONG + "开展普法宣传。",
    "short_traditional": "培育法律明白人隊伍,營商環境持續優化。",   # short: always converted
    "long_traditional": LONG + "這個縣培育法律明白人。",             # long, with a hint character
    "long_no_hint": LONG + "法律明白人",
    "long_rare_traditional": LONG + "法律明白人隊伍",                # long, no hint character: read as written
}


def _store(db) -> DocStore:
    docs = DocStore(db)
    docs.add_all([(ReportMeta(id=rid, source=f"{rid}.txt"), text,
                   [Section(path="一、总体", level=1, start=0, end=10), Section(path="一、总体/（一）", level=2, start=0, end=5),
                    Section(path="二、问题", level=1, start=10, end=len(text))], [])
                  for rid, text in TEXTS.items()])
    return docs


def _check(docs: DocStore) -> None:
    for terms in (["法律明白人"], ["法律明白人", "队伍"], ["营商环境"], ["不存在的词"]):
        exact = {rid for rid, t in TEXTS.items() if all(k in to_simplified(t) for k in terms)}
        may = docs.mentioning(None, terms)
        assert exact <= may  # a superset: the handler checks each candidate itself
        assert "other" not in may  # a long simplified text without the terms is not read at all
        assert docs.mentioning(["plain", "other"], terms) == may & {"plain", "other"}
        check = docs.mention_check(None, terms)  # what may_mention's handler counts without reading
        sure = {rid for rid, ok in check.items() if ok}
        assert set(check) == may and sure <= exact  # "sure" is exact: a count need not read those texts
        assert all(check[rid] is False for rid in exact - sure)  # the others are read and checked
        assert ("plain" in sure) == ("plain" in exact)
    texts, sections = docs.read_many(TEXTS)
    assert texts == TEXTS
    assert sections == {rid: docs.sections(rid) for rid in TEXTS}
    assert docs.read_many([]) == ({}, {})


def test_bulk_reads_sqlite(tmp_path):
    docs = _store(open_database(tmp_path / "fazhi.sqlite"))
    _check(docs)
    docs.close()


def test_an_older_stores_reports_are_marked_at_open(tmp_path):
    docs = _store(open_database(tmp_path / "fazhi.sqlite"))
    with docs.transaction() as tx:  # as a store written before the column existed
        tx.execute("UPDATE reports SET plain = NULL")
    assert docs.mentioning(None, ["不存在的词"]) == set(TEXTS)  # unmarked: every report is a candidate
    assert docs.mark_plain() == len(TEXTS) and docs.mark_plain() == 0
    _check(docs)
    docs.close()


def test_bulk_reads_postgres(postgres):
    docs = _store(open_database(postgres.database("bulk")))
    _check(docs)
    docs.close()
