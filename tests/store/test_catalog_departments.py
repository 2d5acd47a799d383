"""A department named by its place's level alone (州教育局 of 昌吉回族自治州) is named without it at ingest, and an older
store's rows are renamed once at open, so answers say 昌吉回族自治州教育局, never …自治州州教育局."""
from assistant.models import ReportMeta
from assistant.places.names import without_own_level
from assistant.render.slots import who_zh
from assistant.store.docstore import DocStore


def test_the_level_goes_with_the_place():
    assert without_own_level("州教育局", "昌吉回族自治州") == "教育局"
    assert without_own_level("市场监管局", "湖州市") == "市场监管局"  # 市场: a word, not the city's level
    assert without_own_level("司法局", "临海市") == "司法局"


def test_an_older_store_is_renamed_once(tmp_path):
    docs = DocStore(tmp_path / "fazhi.sqlite")
    old = ReportMeta(id="r", source="330.txt", place="昌吉回族自治州", level="department", department="州教育局",
                     issuer="昌吉州教育局")
    docs.add(old, "州教育局2022年法治政府建设工作报告。", [], [])
    assert docs.name_departments() == 1 and docs.name_departments() == 0
    [meta] = docs.reports()
    assert meta.department == "教育局" and who_zh(meta) == "昌吉回族自治州教育局"
    docs.close()
