"""One figure grammar for both languages: value with its magnitude multiplied out, unit, kind, approximation."""
import re
from decimal import Decimal

import pytest

from assistant.domain.asked import asked_units, asked_units_en
from assistant.domain.quantity import en_number, parse_en, parse_zh, quantities_in


@pytest.mark.parametrize("text, value, kind, approx, magnitude", [
    ("办理办结各类政务服务事项57.95万件", "579500", "cases", "", "万"),
    ("浏览总量达到30余万次", "300000", "times", "over", "万"),
    ("107万余个", "1070000", "items", "over", "万"),
    ("涉案总金额达2841万元", "28410000", "money", "", "万"),
    ("释放资金压力7.47亿元", "747000000", "money", "", "亿"),
    ("训党员148.8万人次", "1488000", "person_times", "", "万"),
    ("提高21.9个百分点", "21.9", "points", "", ""),
    ("发生率为0.5‰", "0.5", "permille", "", ""),
    ("增长1.5倍", "1.5", "multiple", "", ""),
    ("增长了3倍多", "3", "multiple", "over", ""),
    ("千分之3.5", "3.5", "permille", "", ""),
    ("发案率为万分之3.5", "3.5", "per_myriad", "", ""),  # 万分之 is per ten thousand, not 万 × 3.5
    ("下降0.6百分点", "0.6", "points", "", ""),
    ("约300人", "300", "people", "about", ""),
    ("百分之95", "95", "percent", "", ""),
    ("受理法律援助案件１，５３６件", "1536", "cases", "", ""),  # full-width digits read as written
])
def test_chinese_figures_are_read_by_value(text, value, kind, approx, magnitude):
    q = parse_zh(text)[-1]
    assert (q.value, q.kind, q.approx, q.magnitude) == (Decimal(value), kind, approx, magnitude)
    assert text[q.start:q.end].strip() == q.text


@pytest.mark.parametrize("text, value, kind, approx", [
    ("579,500 government service matters", "579500", "count", ""),
    ("1.22 million yuan", "1220000", "money", ""),
    ("over 1.07 million items", "1070000", "count", "over"),
    ("21.9 percentage points", "21.9", "points", ""),
    ("about 300 people", "300", "people", "about"),
    ("91% of staff", "91", "percent", ""),
    ("2 billion yuan", "2000000000", "money", ""),
    ("1.488 million person-times", "1488000", "person_times", ""),
    ("23 cases of people", "23", "cases", ""),  # the first unit word says what is counted
    ("0.8 per mille", "0.8", "permille", ""), ("0.8‰", "0.8", "permille", ""), ("3.5‱", "3.5", "per_myriad", ""),
    ("1.5-fold", "1.5", "multiple", ""), ("2.5 times as many", "2.5", "multiple", ""),
])
def test_english_figures_are_read_by_value(text, value, kind, approx):
    q = parse_en(text)[0]
    assert (q.value, q.kind, q.approx) == (Decimal(value), kind, approx)


def test_a_mixed_sentence_reads_each_figure_once():
    found = quantities_in("Longxi handled 579,500 matters (57.95万件) and over 1.07 million items, 91%.")
    assert [str(q.value.normalize()) for q in found] == ["5.795E+5", "5.795E+5", "1.07E+6", "91"]
    assert found[0].value == found[1].value and found[0].compatible(found[1])


def test_kinds_that_cannot_name_the_same_figure():
    cases, money = parse_zh("23起")[0], parse_en("23 yuan")[0]
    rate, count = parse_zh("化解率45%")[0], parse_en("45 cases")[0]
    points, percent = parse_zh("21.9个百分点")[0], parse_en("21.9%")[0]
    assert not cases.compatible(money) and not rate.compatible(count) and not points.compatible(percent)
    assert parse_zh("36件")[0].compatible(parse_en("36 disputes")[0])
    assert parse_zh("1.5倍")[0].compatible(parse_en("1.5 times")[0])


def test_per_mille_points_and_multiples_keep_their_kind():
    permille, percent = parse_zh("发案率0.8‰")[0], parse_en("0.8%")[0]
    assert not permille.compatible(percent) and permille.compatible(parse_en("0.8 per mille")[0])
    multiple = parse_zh("是上年的1.5倍")[0]
    assert not multiple.compatible(parse_zh("1.5次")[0])  # 次 counts sessions, 倍 is a multiple
    assert not multiple.compatible(parse_en("1.5 sessions")[0]) and multiple.compatible(parse_en("1.5-fold")[0])
    points = parse_zh("提高2.1个百分点")[0]
    assert points.compatible(parse_en("2.1 points")[0])  # English often drops "percentage"
    assert not parse_zh("95分")[0].compatible(parse_en("95 percentage points")[0])
    per_myriad = parse_zh("万分之3.5")[0]
    assert not per_myriad.compatible(parse_en("3.5‰")[0]) and not per_myriad.compatible(parse_en("3.5%")[0])
    assert per_myriad.compatible(parse_en("3.5‱")[0])


def test_a_rate_asked_in_english_may_be_answered_per_mille_and_events_are_sessions():
    assert {"%", "‰", "‱"} <= asked_units_en("What was the case rate in 2023?")
    assert asked_units_en("How many legal help events did Wucheng hold?") == {"次", "场", "场次", "期"}
    assert asked_units_en("How many views did the column get?") == {"次", "人次"}


@pytest.mark.parametrize("question, units", [
    ("受理案件数增长了几倍?", {"倍"}), ("How many times higher was the caseload in 2023?", {"倍"}),
    ("By how many percentage points did the closing rate rise?", {"个百分点", "百分点"}),
    ("How many times did the county hold study sessions?", {"次", "场", "场次", "期"}),
])
def test_a_question_asking_a_multiple_or_points_is_answered_by_one(question, units):
    asked = asked_units(question) if re.search(r"[\u4e00-\u9fff]", question) else asked_units_en(question)
    assert asked == units


@pytest.mark.parametrize("written, english, rounded", [
    ("57.95万件", "579,500", False), ("107万余个", "1.07 million", False), ("122.4552万元", "1.22 million", True),
    ("148.8万人次", "1.488 million", False), ("7.47亿元", "747 million", False), ("12亿元", "1.2 billion", False),
    ("300余件", "300", False), ("万分之3.5", "3.5", False),
])
def test_english_numbers_say_the_same_value(written, english, rounded):
    q = parse_zh(written)[0]
    assert en_number(q) == (english, rounded)
    if not rounded:
        assert parse_en(english)[0].value == q.value


def test_the_unit_a_question_writes():
    from assistant.domain.asked import written_unit

    assert [written_unit(q) for q in ("学法搞了几次?", "开展多少场次?", "收案多少件?", "败诉率是多少?")] == ["次", "场次", "件", None]


def test_a_place_name_is_no_head_noun_in_english():
    from assistant.domain.asked import asked_units_en

    # "Hunyuan County's government" counts no counties: the lawsuits are what is counted
    assert "件" in asked_units_en("How many administrative lawsuits was Hunyuan County's government sued in during 2025?")
    assert asked_units_en("How many counties in Guizhou were named?") == {"个", "家"}


def test_the_number_of_x_counts_x_and_provisions_are_articles():
    assert asked_units_en("What was the total number of cases handled at transport windows citywide?") == \
        {"件", "起", "宗", "件次"}  # the cases, not the windows
    assert "条" in asked_units_en("How many legal provisions were in the law-study list?")


def test_what_how_many_counts_is_its_noun_phrase_head_last():
    from assistant.domain.asked import counted_en
    assert counted_en("How many lawyer teams did Anshan set up for key enterprises?")[0] == ["lawyer", "teams"]
    assert counted_en("What was the number of requests resolved in Yubei?")[0][-1] == "requests"
    assert asked_units_en("How many requests from enterprises were resolved?") >= {"个", "件"}


def test_ordinals_are_read_apart_from_counts():
    from assistant.domain.ordinal import ordinals_zh
    found = ordinals_zh("举行第90期鄞州论坛,在49个较大城市中排名第四,入选第二批名单")
    assert [(q.text, int(q.value), q.unit) for q in found] == [("第90期", 90, "期"), ("第四", 4, ""), ("第二批", 2, "批")]
    assert all(q.kind == "ordinal" for q in found)


def test_how_much_with_no_unit_word_asks_an_amount_or_a_share():
    assert asked_units_en("How much financial pressure did the service supermarket relieve?") == {"元", "万元", "亿元", "%"}
    assert asked_units_en("How many cases did Linhai receive?") >= {"件"}


def test_money_asked_in_plain_words_and_the_measure_word_written_always_answers():
    from assistant.domain.asked import asked_units, asked_units_en

    assert asked_units("通城镇建红色法治基地投了多少钱?") == {"元", "万元", "亿元"}
    assert {"家次", "家"} <= asked_units("累计走访企业多少家次")
    assert "部" in asked_units_en("How many legal-education works on emergencies did it produce in 2024?")


def test_a_word_ending_in_yue_is_no_approximation():
    from assistant.domain.quantity import parse_zh

    saved, = parse_zh("平均为每个项目节约审查时限10天以上")
    assert (saved.text, saved.approx) == ("10天以上", "over")
    served, = parse_zh("服务人群约5万余人次")
    assert served.approx == "about" and served.value == 50000


@pytest.mark.parametrize("question, unit, not_unit", [
    ("Hainan 2022: how many cities and counties got an on-site rule-of-law inspection?", "个", "次"),  # got ends it
    ("Roughly how many attendances did Yanqi County's special lectures draw in 2022?", "人次", "个"),  # no county counted
    ("How many construction planning permits were issued in Zengfu town in 2022?", "件", "家"),
    ("How many newly promoted leading cadres sat the law exam?", "人次", "次"),  # an exam sat: per sitting
    ("On average, how many days of review time did Longxi save per project?", "天", "个"),
])
def test_what_an_english_count_counts(question, unit, not_unit):
    from assistant.domain.asked import asked_units_en

    units = asked_units_en(question)
    assert unit in units and not_unit not in units, units
