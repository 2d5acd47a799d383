import pytest

from assistant.places import PlaceIndex
from assistant.answer.analyze import analyze, language

PLACES = PlaceIndex(["金华市婺城区", "平罗县", "重庆市綦江区", "临海市", "宿迁经济技术开发区"])


def test_language():
    assert language("平罗县2023年行政诉讼败诉率是多少?") == "zh"
    assert language("What was Pingluo's defeat rate in 2023?") == "en"
    assert language("平罗县 defeat rate in litigation?") == "en"


def test_analyze_zh():
    q = analyze("平罗县2023年行政诉讼败诉率是多少?", PLACES)
    assert q.lang == "zh" and q.places == ["平罗县"] and q.year == 2023
    assert q.wants_rate and q.wants_number
    assert "败诉率" in q.focus and "平罗县" not in q.tokens


def test_analyze_en_zero_defeat_expands_variants():
    q = analyze("Which counties reported zero defeat?", PLACES)
    assert q.lang == "en" and q.wants_zero and q.wants_list
    assert "无败诉" in q.tokens and "零败诉" in q.tokens


def test_analyze_unknown_place():
    q = analyze("杭州市西湖区2023年败诉率", PLACES)
    assert q.places == [] and q.unknown_places


def test_exclusions_do_not_route_but_stay_in_the_terms():
    q = analyze("Pingluo reconsideration correction rate, as opposed to the mediation rate?", PLACES)
    assert "纠错率" in q.asked_terms and "人民调解" not in q.asked_terms
    assert "人民调解" in q.zh_terms


@pytest.mark.parametrize("question,meta", [
    ("临海市2020年报告是由谁报送的?", True), ("平罗县的报告由谁发布?", True), ("这份报告由谁?", True),
    ("临海市2020年的报告是哪一年度的?", True),
    ("宁河经济开发区机构改革后,原管委会职能由谁代为履行?", False),  # a who-question about the work, not the report
    ("平罗县行政复议案件由谁办理?", False),
])
def test_questions_about_the_report_itself(question, meta):
    assert analyze(question, PLACES).wants_meta is meta
