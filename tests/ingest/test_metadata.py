import pytest

from assistant.ingest.cleaning import clean
from assistant.ingest.metadata import extract_meta
from assistant.ingest.signals import title_parts as place_and_issuer
from assistant.places.names import leading_place, level_of
from conftest import REPORTS

# Values read by hand from the five seed reports.
EXPECTED = {
    "000_1b26b6e538fcc224.txt": dict(place="金华市婺城区", year=2022, level="district",
                                     issuer="中共金华市婺城区委 金华市婺城区人民政府", date_written="2023-02-16",
                                     date_published="2023-02-21"),
    "001_4d08be111e600d4c.txt": dict(place="平罗县", year=2023, level="county", issuer=None, date_written=None,
                                     date_published=None),
    "002_87db0459dcb0080d.txt": dict(place="重庆市綦江区", year=2023, level="department", issuer="重庆市綦江区司法局",
                                     date_written=None, date_published="2024-03-01"),
    "003_49aefc5b94c96eef.txt": dict(place="临海市", year=2020, level="department", issuer="临海市司法局",
                                     date_written="2021-02-28", date_published="2021-03-09"),
    "004_5430cf997af9a534.txt": dict(place="宿迁经济技术开发区", year=2024, level="development_zone", issuer=None,
                                     date_written=None, date_published="2025-02-20"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_metadata(name):
    raw = (REPORTS / name).read_text(encoding="utf-8")
    cleaned = clean(raw)
    meta = extract_meta(raw, cleaned.text, cleaned.title, name)
    for field, value in EXPECTED[name].items():
        assert getattr(meta, field) == value, field
    assert meta.warnings == []
    assert len(meta.id) == 16


@pytest.mark.parametrize("title,place,issuer", [
    ("杭州市西湖区人民政府关于2021年度法治政府建设情况的报告", "杭州市西湖区", "杭州市西湖区人民政府"),
    ("宁波市鄞州区市场监督管理局2022年法治政府建设年度报告", "宁波市鄞州区", "宁波市鄞州区市场监督管理局"),
    ("某某街道2023年法治政府建设工作总结", "某某街道", None),
])
def test_place_and_issuer(title, place, issuer):
    assert place_and_issuer(title) == (place, issuer)


def test_place_stops_before_non_place_words():
    assert leading_place("嘉兴市南湖区城市管理局") == "嘉兴市南湖区"


def test_levels():
    assert level_of("平罗县", None) == "county"
    assert level_of("临海市", "临海市司法局") == "department"
    assert level_of("金华市婺城区", "金华市婺城区人民政府") == "district"


def test_unknown_stays_none():
    raw = "一些没有标题的工作记录。今年开展了培训。"
    cleaned = clean(raw)
    meta = extract_meta(raw, cleaned.text, cleaned.title, "x.txt")
    assert meta.title is None and meta.place is None and meta.year is None
    assert any("title" in w for w in meta.warnings)


@pytest.mark.parametrize("title,place,issuer,level", [
    ("广西壮族自治区南宁市青秀区人民政府2023年度法治政府建设情况报告", "广西壮族自治区南宁市青秀区", "广西壮族自治区南宁市青秀区人民政府", "district"),
    ("朝阳街道办事处2023年法治政府建设情况报告", "朝阳街道", "朝阳街道办事处", "subdistrict"),
    ("苏州工业园区2023年度法治政府建设情况报告", "苏州工业园区", None, "development_zone"),
    ("内蒙古自治区鄂尔多斯市伊金霍洛旗2023年法治政府建设情况报告", "内蒙古自治区鄂尔多斯市伊金霍洛旗", None, "county"),
    ("深圳市市场监督管理局2023年法治政府建设年度报告", "深圳市", "深圳市市场监督管理局", "department"),
])
def test_title_shapes_beyond_the_seeds(title, place, issuer, level):
    p, i = place_and_issuer(title)
    assert (p, i, level_of(p, i)) == (place, issuer, level)


def test_dates_of_a_cover_letter_that_opens_the_page():
    from assistant.ingest.signals import dates

    page = ("兰州新区管理委员会关于报送\n《兰州新区2022年度法治政府建设情况》的报告\n\n 2023/01/12/ 09:27 来源:兰州新区管理委员会\n\n"
            "省政府:\n\n  现将《兰州新区2022年度法治政府建设情况》随文呈报,请审阅。\n\n  兰州新区管理委员会\n\n  2023年1月12日\n\n"
            "兰州新区2022年度法治政府建设情况\n\n  2022年,兰州新区坚持以习近平法治思想为指导。\n" + "正文。\n" * 30)
    assert dates(page, page) == ("2023-01-12", "2023-01-12")
    # a date line under a heading is no signature
    page = "一、主要成效\n2023年1月12日\n" + "正文。\n" * 10
    assert dates(page, page)[0] is None
