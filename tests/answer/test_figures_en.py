"""English figure questions: parts, units per part, and (slow, real embedder) the clause each part asks for."""
import pytest

from assistant.answer.analyze import NUMBER, RATE
from assistant.answer.figures import _FIGURE, asked_units_en, term_before
from assistant.answer.figures_en import ANY_COUNT, _units, parts_en


@pytest.mark.parametrize("question,n", [
    ("How many Party-member training sessions did Yunnan organise in 2024, and how many person-times were trained?", 2),
    ("How many crimes did Xuancheng's police investigate, and what sum was involved?", 2),
    ("Yecheng 2023: how many people took the special law exams for cadres, and from how many units?", 2),
    ("How many units did Changchun recommend for the demonstration areas, and how many for the up-to-standard areas?", 2),
    ("How many legal aid and mediation cases did Wucheng handle?", 2),
    ("How many cases did Linhai receive and conclude in 2020?", 1),
])
def test_parts(question, n):
    assert len(parts_en(question)) == n


def test_a_part_without_a_unit_word_asks_what_the_part_before_asks():
    units = _units(parts_en("How many units did Changchun recommend for the demonstration areas, and how many for the "
                            "up-to-standard areas?"))
    assert units[0] == units[1] and "家" in units[0]


@pytest.mark.parametrize("question,unit,not_unit", [
    ("how many crimes against enterprises' lawful rights did the police investigate", "起", "家"),  # head noun first
    ("how many people took the exams", "人", "人次"),  # people are not person-times
    ("what sum was involved", "万元", "件"),
])
def test_units_follow_the_head_noun(question, unit, not_unit):
    units = asked_units_en(question)
    assert unit in units and not_unit not in units


def test_any_count_is_never_a_rate_or_money():
    assert {"次", "件", "项"} <= ANY_COUNT and not {"%", "万元", "元"} & ANY_COUNT


@pytest.mark.parametrize("text,figure", [("在2023年第8次集中学习会上", None), ("开展习近平法治思想学习15次", "15次")])
def test_an_ordinal_is_no_count(text, figure):
    m = _FIGURE.search(text)
    assert (m.group() if m else None) == figure


def test_a_county_is_no_count_and_corporate_no_rate():
    assert not NUMBER.search("What title did Longxi county win in 2025?")
    assert not RATE.search("What did corporate compliance reviews find?")
    assert NUMBER.search("How many counts were filed?") and RATE.search("What was the defeat rate?")


def test_term_before_stops_at_the_figure_before():
    assert term_before("举办各类法律宣传活动682场次、法治讲座134场次", "134场次") == "法治讲座"
    assert term_before("举办各类法律宣传活动682场次、法治讲座134场次", "682场次") == "举办各类法律宣传活动"


@pytest.mark.slow
@pytest.mark.parametrize("question,first,second", [
    ("How many legal publicity events did Pingluo hold in 2023, and how many rule-of-law lectures?", "682", "134"),
    ("How many rule-of-law lectures did Pingluo hold in 2023, and how many legal publicity events?", "134", "682"),
])
def test_each_part_gets_its_own_figure_first_part_first(real, question, first, second):
    answer = real.ask(question)
    lines = answer.answer.splitlines()
    assert not answer.abstained and first in lines[0] and second in lines[1], answer.answer
    assert lines[0].startswith("Pingluo County")
