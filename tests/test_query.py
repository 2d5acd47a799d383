import pytest

from assistant.lexicon import domain_terms_in, expand_english, tokenize
from assistant.places import PlaceIndex
from assistant.query import analyze, language

PLACES = PlaceIndex(["金华市婺城区", "平罗县", "重庆市綦江区", "临海市", "宿迁经济技术开发区"])


def test_language():
    assert language("平罗县2023年行政诉讼败诉率是多少?") == "zh"
    assert language("What was Pingluo's defeat rate in 2023?") == "en"
    assert language("平罗县 defeat rate in litigation?") == "en"


def test_domain_words_stay_whole():
    toks = tokenize("婺城区复议后案件实现零败诉,行政诉讼败诉率下降")
    for word in ("零败诉", "复议后", "行政诉讼", "败诉率"):
        assert word in toks


@pytest.mark.parametrize("english,terms", [
    ("Which counties reported zero defeat in reconsideration cases?", ["零败诉", "行政复议"]),
    ("What was the defeat rate in administrative litigation?", ["败诉率", "行政诉讼"]),
    ("correction rate of reconsideration", ["纠错率"]),
    ("How many legal aid cases?", ["法律援助"]),
    ("mediation success", ["人民调解"]),
    ("normative documents reviewed", ["规范性文件"]),
])
def test_glossary(english, terms):
    got = expand_english(english)
    assert all(t in got for t in terms), got


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


def test_domain_terms_most_specific_first():
    assert set(domain_terms_in("行政诉讼败诉率")) == {"败诉率", "行政诉讼"}
    assert "败诉" not in domain_terms_in("零败诉")
