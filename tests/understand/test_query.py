"""The question parsed (language, places, year, terms, tokens) and what it asks (Asks)."""
import pytest

from assistant.understand.asks import asks_of, zero_domain
from assistant.understand.query import analyze, language
from assistant.understand.scope import off_subject


def test_language():
    assert language("平罗县2023年行政诉讼败诉率是多少?") == "zh"
    assert language("What was Pingluo's defeat rate in 2023?") == "en"
    assert language("平罗县 defeat rate in litigation?") == "en"


def test_analyze_zh(places):
    q = analyze("平罗县2023年行政诉讼败诉率是多少?", places)
    assert q.lang == "zh" and q.places == ["平罗县"] and q.year == 2023
    asks = asks_of(q)
    assert asks.rate and asks.number and not asks.listing
    assert "败诉率" in q.focus and "平罗县" not in q.tokens


def test_analyze_en_zero_defeat_expands_variants(places):
    q = analyze("Which counties reported zero defeat?", places)
    asks = asks_of(q)
    assert q.lang == "en" and asks.zero and asks.listing
    assert "无败诉" in q.tokens and "零败诉" in q.tokens


def test_analyze_unknown_place(places):
    q = analyze("杭州市西湖区2023年败诉率", places)
    assert q.places == [] and q.unknown_places


def test_exclusions_do_not_route_but_stay_in_the_terms(places):
    q = analyze("Pingluo reconsideration correction rate, as opposed to the mediation rate?", places)
    assert "纠错率" in q.asked_terms and "人民调解" not in q.asked_terms
    assert "人民调解" in q.zh_terms


@pytest.mark.parametrize("question,kind", [
    ("临海市2020年报告是由谁报送的?", "about_report"), ("平罗县的报告由谁发布?", "about_report"),
    ("临海市2020年的报告是哪一年度的?", "about_report"),
    ("平罗县行政复议案件由谁办理?", "lookup"),  # a who-question about the work, not the report
])
def test_questions_about_the_report_itself(understood, question, kind):
    assert understood(question).kind == kind


@pytest.mark.parametrize("question,asked", [
    ("婺城区行政诉讼败诉率的目标是多少?", "target"), ("綦江区2023年受理矛盾纠纷同比变化多少?", "change"),
    ("How did the number change from the previous year?", "change"), ("临海市调解成功率排名第几?", "rank"),
    ("2021年全年侦办案件多少起?", "whole_year"), ("长春市有几家单位获评示范地区?", "outcome"),
    ("各报告的行政复议情况", "per_report"),
])
def test_what_a_question_adds_to_the_figure(places, question, asked):
    assert getattr(asks_of(analyze(question, places)), asked)
    assert not getattr(asks_of(analyze("平罗县2023年行政诉讼败诉率是多少?", places)), asked)


def test_the_half_year_asked_is_not_the_whole_year(places):
    assert not asks_of(analyze("2021年上半年侦办案件多少起?", places)).whole_year
    assert asks_of(analyze("How many cases in the whole year 2021?", places)).whole_year


def test_a_county_is_no_count_and_corporate_no_rate(places):
    county = asks_of(analyze("What title did Longxi county win in 2025?", places))
    corporate = asks_of(analyze("What did corporate compliance reviews find?", places))
    assert not county.number and not corporate.rate
    assert asks_of(analyze("How many counts were filed?", places)).number
    assert asks_of(analyze("What was the defeat rate?", places)).rate


@pytest.mark.parametrize("question,domain", [
    ("哪些地区报告了行政诉讼零败诉(不含复议后案件零败诉和复议无纠错)?", "litigation"),
    ("Which reports say cases after reconsideration had zero defeat?", "after"),
    ("Which counties reported zero defeat in reconsideration cases?", "reconsideration"),
    ("哪些地区报告了零败诉?", None),
])
def test_whose_zero_defeat(question, domain):
    from assistant.understand.query import strip_exclusions

    assert zero_domain(strip_exclusions(question)) == domain


TEXT = "2023年共有行政诉讼案件148件,败诉率为21.6%。协议履行率达98%。"


def test_off_subject_only_when_no_report_in_scope_speaks_of_it():
    assert off_subject("What was Qijiang's GDP growth rate in 2023?", [TEXT]) == "GDP"
    assert off_subject("平罗县2023年常住人口有多少?", [TEXT]) == "常住人口"
    assert off_subject("平罗县2023年GDP是多少?", [TEXT]) == "GDP" and off_subject("平罗县CPI涨了多少?", [TEXT]) == "CPI"
    assert off_subject("How many tourists visited Wucheng in 2022?", [TEXT]) == "tourists"
    assert off_subject("平罗县2023年常住人口有多少?", [TEXT + "全县常住人口30万人。"]) is None
    assert off_subject("平罗县2023年行政诉讼败诉率是多少?", [TEXT]) is None
    assert off_subject("How many NPC suggestions did Pingluo handle?", [TEXT]) is None
    assert off_subject("Which edition of the forum heard the IP lecture?", [TEXT]) is None  # IP: 知识产权, a known word


def test_off_subject_questions_abstain_end_to_end(seeded):
    for q in ("平罗县2023年GDP是多少?", "What was Qijiang's GDP growth rate in 2023?", "临海市2020年常住人口有多少?"):
        ans = seeded.ask(q)
        assert ans.abstained and ans.citations == []
