"""Question shapes read once, in understand/ and domain/: levels joined to the one that qualifies reports, a county-level
city, the year a report was posted in, a part's own words, spoken forms, and the units English words ask."""
import pytest

from assistant.domain.asked import NAMES_A_THING, as_written, asked_units_en, own_words
from assistant.domain.levels import LEVEL_WORDS
from assistant.understand.query import analyze
from assistant.understand.scope import report_filters


@pytest.mark.parametrize("question, levels", [
    ("How many of these reports were written by a town or a subdistrict (街道) office?", ["town", "subdistrict"]),
    ("Which county or district governments have a report covering the year 2022?", ["county", "district"]),
    ("这些报告里,市辖区政府出的一共有几份?", ["district"]),
    ("县级市的报告有几份?", ["county"]),
    ("Which of the reports are county-level cities?", ["county"]),
    ("Which reports were issued by municipal departments (bureaus) in Zhejiang province?", ["department"]),
    ("哪几份是政府部门自己写的报告?", ["department"]),
    ("北京市的报告有哪些?", []),  # a place named, not a kind of report
])
def test_levels_a_question_lists_reports_by(question, levels):
    assert report_filters(question)[1] == levels


def test_a_county_level_city_is_no_city_word():
    assert next(level for pattern, level in LEVEL_WORDS if __import__("re").search(pattern, "县级市")) == "county"


@pytest.mark.parametrize("question, year", [
    ("The Pingluo report was only posted in September 2024. Which year's work does it describe?", None),
    ("平罗县的报告2024年3月才发布,写的是哪一年的工作?", None),
    ("平罗县2023年行政诉讼败诉率是多少?", 2023),
    ("How many cases did Pingluo receive in 2023?", 2023),
])
def test_a_year_the_report_was_posted_in_is_not_the_year_it_covers(places, question, year):
    assert analyze(question, places).year == year


@pytest.mark.parametrize("part, names", [
    ("集中学法几次", True), ("纠错率是多少", True), ("覆盖多少人次", False), ("维持了多少件", False), ("废止多少件", False),
])
def test_a_part_names_what_it_counts_by_its_own_words(part, names):
    assert (own_words(part) >= NAMES_A_THING) is names


def test_spoken_forms_read_as_written():
    assert as_written("已经完成的有几项") == "已完成的有几项"


@pytest.mark.parametrize("question, unit", [
    ("How many model law-abiding households did Linhai cultivate?", "户"),
    ("How many newly appointed state functionaries took the oath?", "人"),
    ("and how satisfied was the public with the government's work?", "%"),
])
def test_english_words_ask_their_units(question, unit):
    assert unit in asked_units_en(question)


def test_the_measure_word_written_joins_the_people_asked():
    from assistant.domain.asked import asked_units
    units = asked_units("有几个市直部门主要负责人接受访谈?")
    assert {"人", "个"} <= units
