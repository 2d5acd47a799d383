import pytest

from assistant.places import PlaceIndex, english_name

PLACES = ["金华市婺城区", "平罗县", "重庆市綦江区", "临海市", "宿迁经济技术开发区"]


@pytest.fixture(scope="module")
def index():
    return PlaceIndex(PLACES)


@pytest.mark.parametrize("question,expected", [
    ("平罗县2023年行政诉讼败诉率是多少?", ["平罗县"]),
    ("婺城的纠错率", ["金华市婺城区"]),
    ("宿迁经开区法律援助", ["宿迁经济技术开发区"]),
    ("compare Linhai and Pingluo", ["临海市", "平罗县"]),
    ("What did Wucheng District do?", ["金华市婺城区"]),
    ("Qijiang's zero defeat", ["重庆市綦江区"]),
    ("Suqian Economic and Technological Development Zone legal aid", ["宿迁经济技术开发区"]),
    ("金华市的报告", ["金华市婺城区"]),
    ("哪些县报告了零败诉?", []),
])
def test_find(index, question, expected):
    assert index.find(question) == expected


@pytest.mark.parametrize("question,unknown", [
    ("杭州市西湖区2023年败诉率", ["杭州市西湖区"]),
    ("上海市浦东新区行政复议", ["上海市浦东新区"]),
    ("哪些县报告了零败诉?", []),
    ("全区执法人员持证率", []),
])
def test_unknown(index, question, unknown):
    assert index.unknown(question) == unknown


def test_english_names():
    assert english_name("平罗县") == "Pingluo County"
    assert english_name("金华市婺城区") == "Wucheng District, Jinhua"
    assert english_name("宿迁经济技术开发区") == "Suqian Economic and Technological Development Zone"
    assert english_name("乌鲁木齐市新市区") == "Xinshi District, Urumqi"  # a district named 新市, not 新市 + 区


# autonomous units: people drop the nationalities (宁夏, not 宁夏回族) and say Tibet, not Xizang
REGIONS = {"平罗县": "宁夏回族自治区石嘴山市平罗县", "叶城县": "新疆维吾尔自治区喀什地区叶城县", "西藏自治区": "西藏自治区",
           "临海市": "浙江省台州市临海市", "恩施市": "湖北省恩施土家族苗族自治州恩施市"}


@pytest.fixture(scope="module")
def regions():
    return PlaceIndex(list(REGIONS), REGIONS)


@pytest.mark.parametrize("question,expected", [
    ("宁夏的报告有哪些?", ["平罗县"]),
    ("Ningxia reports?", ["平罗县"]),
    ("What did the Tibet Autonomous Region's office compile?", ["西藏自治区"]),
    ("Which reports come from Xinjiang, Tibet or Ningxia?", ["叶城县", "平罗县", "西藏自治区"]),
    ("Pingluo County, Ningxia: defeat rate?", ["平罗县"]),  # the region only qualifies the county
    ("浙江省临海市行政复议", ["临海市"]),
    ("恩施州的报告", ["恩施市"]),
    ("比较平罗县和浙江的败诉率", ["临海市", "平罗县"]),
])
def test_find_regions(regions, question, expected):
    assert regions.find(question) == expected


def test_tibet_is_no_unknown_place(regions):
    assert regions.unknown_en("How many items did the Tibet Autonomous Region's Language Office list?") == []


@pytest.mark.parametrize("place,english", [
    ("西藏自治区", "Xizang Autonomous Region"), ("延边朝鲜族自治州", "Yanbian Autonomous Prefecture"),
    ("大厂回族自治县", "Dachang Autonomous County"), ("宁夏回族自治区石嘴山市平罗县", "Pingluo County, Shizuishan"),
])
def test_english_names_of_autonomous_units(place, english):
    assert english_name(place) == english


def _tables(index: PlaceIndex) -> tuple:
    return index.places, index.primary, index.secondary, index.pinyin, index.parent_pinyin


def test_places_added_and_removed_one_by_one_index_as_a_rebuild():
    full = {"临海市": "浙江省台州市临海市", "金华市婺城区": "浙江省金华市婺城区"}
    grown = PlaceIndex(PLACES[:2], full)
    added = grown.add("临海市", full["临海市"]) + grown.add("平罗县") + grown.add("平罗县")
    assert "临海" in added and "浙江" not in added  # a name already known (金华市婺城区's province) is not new
    assert _tables(grown) == _tables(PlaceIndex(PLACES[:2] + ["临海市", "平罗县"], full))
    grown.remove("金华市婺城区")
    grown.remove("金华市婺城区")  # a place no longer indexed: nothing to do
    assert _tables(grown) == _tables(PlaceIndex(["平罗县", "临海市"], full))
    assert grown.find("浙江有哪些报告") == ["临海市"]


def test_a_city_named_is_not_its_district_and_a_district_named_with_its_city_is_the_district():
    index = PlaceIndex(["济南市", "济南市市中区", "重庆市", "重庆市渝北区", "新市区", "乌鲁木齐市", "兴国县", "江厦街道"],
                       {"兴国县": "江西省赣州市兴国县", "江厦街道": "浙江省宁波市海曙区江厦街道",
                        "新市区": "新疆维吾尔自治区乌鲁木齐市新市区"})
    assert index.find("How many sessions did Jinan's lawyer team give?") == ["济南市"]
    assert index.find("济南律师宣讲团宣讲了多少场") == ["济南市"]
    assert index.find("济南市市中区律师宣讲团宣讲了多少场") == ["济南市市中区"]
    assert index.find("What did Shizhong District, Jinan do?") == ["济南市市中区"]
    assert index.find("Yubei District of Chongqing") == ["重庆市渝北区"]
    assert index.find("Compare Jinan and Shizhong District") == ["济南市", "济南市市中区"]
    assert index.find("济南市和市中区的报告") == ["济南市", "济南市市中区"]
    # another name in brackets right after a place names that place, not a second one
    assert index.find("新市区(乌鲁木齐高新区)2024年出具了多少份法律审核意见书?") == ["新市区"]
    assert index.find("乌鲁木齐高新区(新市区)2024年负责人出庭应诉率是多少?") == ["新市区"]
    # a province's pinyin inside a longer word names no province (Jiangxia is not Jiangxi)
    assert index.find("Haishu Jiangxia subdistrict 2023?") == ["江厦街道"]
