"""The national gazetteer: coverage and freshness of the data, name resolution, and mention finding in
report text without false positives."""
from __future__ import annotations

import importlib
import importlib.util
import socket
import sys
import threading
import time
from itertools import pairwise
from pathlib import Path

import pytest

GAZETTEER = Path(__file__).resolve().parents[2] / "assistant" / "places" / "gazetteer.py"


def _fresh(name: str = "gazetteer_fresh"):
    """A private copy of the module with nothing loaded yet (for first-use tests)."""
    spec = importlib.util.spec_from_file_location(name, GAZETTEER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


try:  # the package path; while the package refactor is in flight its __init__ may not import
    gz = importlib.import_module("assistant.places.gazetteer")
except Exception:  # noqa: BLE001
    gz = _fresh("gazetteer_by_path")


def names(spans):
    return [gz.full_name(d) for _, _, d in spans]


def test_counts_cover_every_level():
    by_code = gz._index().by_code.values()
    provinces = [d for d in by_code if d.level == "province"]
    prefectures = [d for d in by_code if len(d.code) == 6 and d.code.endswith("00") and not d.code.endswith("0000")]
    counties = [d for d in by_code if len(d.code) == 6 and not d.code.endswith("00")]
    towns = [d for d in by_code if d.level in ("town", "subdistrict")]
    assert len(provinces) == 33  # 31 mainland + HK + Macau; 台湾省 has no published code
    assert 330 <= len(prefectures) <= 340
    assert len(counties) >= 2800
    assert len(towns) >= 38000
    assert {d.level for d in counties} == {"county", "district"}  # a 县级市 is of county level


@pytest.mark.parametrize("name, full, level", [
    ("密云区", "北京市密云区", "district"),
    ("云州区", "山西省大同市云州区", "district"),
    ("老边区", "辽宁省营口市老边区", "district"),
    ("公义镇", "四川省眉山市彭山区公义镇", "town"),
    ("通城镇", "重庆市巫溪县通城镇", "town"),
    ("坡子街街道", "湖南省长沙市天心区坡子街街道", "subdistrict"),
    ("泾源县", "宁夏回族自治区固原市泾源县", "county"),
    ("叶城县", "新疆维吾尔自治区喀什地区叶城县", "county"),
    ("赵县", "河北省石家庄市赵县", "county"),
    ("嘉善县", "浙江省嘉兴市嘉善县", "county"),
    ("陇西县", "甘肃省定西市陇西县", "county"),
    ("浑源县", "山西省大同市浑源县", "county"),
    ("习水县", "贵州省遵义市习水县", "county"),
    ("镇海区", "浙江省宁波市镇海区", "district"),
    ("宣城市", "安徽省宣城市", "city"),
    ("临海市", "浙江省台州市临海市", "county"),  # 县级市: county level
    ("神农架林区", "湖北省神农架林区", "county"),
    ("六枝特区", "贵州省六盘水市六枝特区", "county"),
    ("碑林区", "陕西省西安市碑林区", "district"),
    ("延边朝鲜族自治州", "吉林省延边朝鲜族自治州", "city"),
    ("上海市", "上海市", "province"),
])
def test_unique_names_resolve(name, full, level):
    [d] = gz.lookup(name)
    assert (gz.full_name(d), d.level) == (full, level)


@pytest.mark.parametrize("name, full, level", [
    ("城中区", "青海省西宁市城中区", "district"),
    ("下洋镇", "广东省湛江市徐闻县下洋镇", "town"),
    ("朝阳区", "吉林省长春市朝阳区", "district"),
])
def test_shared_names_list_every_bearer(name, full, level):
    found = {(gz.full_name(d), d.level) for d in gz.lookup(name)}
    assert (full, level) in found and len(found) > 1


def test_codes_and_parents():
    [jiashan] = gz.lookup("嘉善")
    assert (jiashan.code, jiashan.parent) == ("330421", "330400")
    assert [p.name for p in gz.parents(jiashan)] == ["浙江省", "嘉兴市"]
    [town] = gz.lookup("公义镇")
    assert len(town.code) == 9 and town.code.startswith("511403")
    assert [p.level for p in gz.parents(town)] == ["province", "city", "district"]
    [miyun] = gz.lookup("密云区")
    assert miyun.parent == "110000" and gz.parents(miyun)[0].name == "北京市"


@pytest.mark.parametrize("short, official", [
    ("嘉善", "嘉善县"), ("长春", "长春市"), ("长春市", "长春市"), ("上海", "上海市"), ("宁夏", "宁夏回族自治区"),
    ("新疆", "新疆维吾尔自治区"), ("西藏", "西藏自治区"), ("内蒙古", "内蒙古自治区"), ("广西", "广西壮族自治区"),
    ("香港", "香港特别行政区"), ("延边", "延边朝鲜族自治州"), ("白沙", "白沙黎族自治县"), ("神农架", "神农架林区"),
    ("万柏林", "万柏林区"), ("叶城", "叶城县"), ("吉林", "吉林省"),
])
def test_short_names_put_the_expected_unit_first(short, official):
    assert gz.lookup(short)[0].name == official


def test_renamed_and_merged_units_are_current():
    for gone in ("密云县", "大同县", "监利县", "会理县", "莱芜市"):
        assert gz.lookup(gone) == [], gone
    for new, full in [("广德市", "安徽省宣城市广德市"), ("莱芜区", "山东省济南市莱芜区"), ("监利市", "湖北省荆州市监利市"),
                      ("会理市", "四川省凉山彝族自治州会理市"), ("白杨市", "新疆维吾尔自治区白杨市"),
                      ("和安县", "新疆维吾尔自治区和田地区和安县")]:
        assert [gz.full_name(d) for d in gz.lookup(new)] == [full]
    assert gz.full_name(gz.lookup("公主岭市")[0]) == "吉林省长春市公主岭市"


def test_one_character_and_unknown_names():
    assert gz.lookup("赵") == [] and gz.lookup("") == [] and gz.lookup("不存在的地方") == []
    assert gz.find_in("赵") == []
    assert gz.full_name(gz.lookup("长沙市天心区")[0]) == "湖南省长沙市天心区"  # a chain resolves to its last unit


def test_ambiguous_name_follows_the_places_around_it():
    text = "2025年,城中区坚持以习近平新时代中国特色社会主义思想为指导,为推动西宁在现代化新青海建设中挑大梁"
    spans = gz.find_in(text)
    assert names(spans) == ["青海省西宁市城中区", "青海省西宁市", "青海省"]
    assert text[spans[0][0]:spans[0][1]] == "城中区"
    assert names(gz.find_in("柳州市城中区人民政府")) == ["广西壮族自治区柳州市", "广西壮族自治区柳州市城中区"]
    assert names(gz.find_in("朝阳区人民政府与长春市政府签订协议"))[0] == "吉林省长春市朝阳区"
    assert names(gz.find_in("北京市朝阳区"))[-1] == "北京市朝阳区"
    assert {gz.full_name(d) for d in gz.candidates("城中区")} == {"青海省西宁市城中区", "广西壮族自治区柳州市城中区"}


@pytest.mark.parametrize("text, expected", [
    ("长沙市天心区坡子街街道办事处2022年法治政府建设年度报告",
     ["湖南省长沙市", "湖南省长沙市天心区", "湖南省长沙市天心区坡子街街道"]),
    ("眉山市彭山区公义镇人民政府", ["四川省眉山市", "四川省眉山市彭山区", "四川省眉山市彭山区公义镇"]),
    ("湛江市徐闻县下洋镇2023年法治政府建设工作总结", ["广东省湛江市", "广东省湛江市徐闻县", "广东省湛江市徐闻县下洋镇"]),
    ("赵县人民政府2022年度法治政府建设情况报告", ["河北省石家庄市赵县"]),
    ("宿迁经济技术开发区2024年度法治政府建设情况报告", ["江苏省宿迁市"]),
    ("阳泉市城区人民法院", ["山西省阳泉市", "山西省阳泉市城区"]),
    ("浙江嘉善坚持法治引领", ["浙江省", "浙江省嘉兴市嘉善县"]),
    ("木里藏族自治县屋脚蒙古族乡", ["四川省凉山彝族自治州木里藏族自治县", "四川省凉山彝族自治州木里藏族自治县屋脚蒙古族乡"]),
])
def test_find_in_real_sentences(text, expected):
    assert names(gz.find_in(text)) == expected


@pytest.mark.parametrize("text", [
    "坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神",
    "推进主城区和新区、开发区建设,发挥中心作用,维护和平稳定",
    "全面推进乡村振兴,公安机关会同有关部门建设平安中国,促进共同富裕,实现中华民族伟大复兴",
    "被命名为法治政府建设示范县,参与处理县政府重大问题",
    "不断提升依法行政水平和政府治理能力,确保社会长治久安",
    "印发《实施纲要》和县委、县政府部署,完善便民惠民机制,开通绿色通道",
    "城中村改造、老城区更新和创建平安区县工作",
    "统筹推进和平乡村建设乡村治理,覆盖各乡镇",
])
def test_no_false_positives_in_plain_prose(text):
    assert gz.find_in(text) == []


def test_spans_do_not_overlap_and_prefer_longest():
    text = "湖北省荆州市沙市区与湖南省长沙市区"
    spans = gz.find_in(text)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))
    assert [text[s:e] for s, e, _ in spans] == ["湖北省", "荆州市", "沙市区", "湖南省", "长沙市"]


def test_pinyin_index():
    index = gz.pinyin_index()
    assert index["jiashan"][0].name == "嘉善县"
    assert index["yecheng"][0].name == "叶城县"
    assert "赵县" in [d.name for d in index["zhaoxian"]]
    assert all(key == key.lower() and key.isascii() for key in list(index)[:1000])


def test_first_load_is_once_offline_and_fast(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the gazetteer tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    module = _fresh()
    built = []
    original = module._Index

    class Counting(original):
        def __init__(self) -> None:
            built.append(1)
            super().__init__()

    monkeypatch.setattr(module, "_Index", Counting)
    start = time.perf_counter()
    results = []
    threads = [threading.Thread(target=lambda: results.append(module.lookup("嘉善"))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 1 and len(results) == 8 and all(r[0].code == "330421" for r in results)
    assert time.perf_counter() - start < 5  # ~0.4 s here; generous for a loaded CI machine
    long_text = "长沙市天心区坡子街街道办事处坚持依法行政。" * 500
    start = time.perf_counter()
    assert len(module.find_in(long_text)) == 1500
    assert time.perf_counter() - start < 5
