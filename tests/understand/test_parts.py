"""The things a question asks: indicators per part, open-vocabulary parts and the units that answer them."""
import pytest

from assistant.understand.parts import parts_en, things_en, things_zh


def test_several_figures_asked_in_chinese():
    assert [t.text for t in things_zh("组织了多少场专题培训?覆盖多少人次?")] == \
        ["组织了多少场专题培训", "组织了多少场专题培训,覆盖多少人次"]
    assert [t.text for t in things_zh("对多少个部门、多少个街道开展了法治督察?")] == ["对多少个部门", "多少个街道开展了法治督察"]
    sessions, people = things_zh("组织了多少场专题培训?覆盖多少人次?")
    assert "场" in sessions.units and people.units == ["万人", "人次"]


@pytest.mark.parametrize("question,n", [
    ("How many Party-member training sessions did Yunnan organise in 2024, and how many person-times were trained?", 2),
    ("How many crimes did Xuancheng's police investigate, and what sum was involved?", 2),
    ("Yecheng 2023: how many people took the special law exams for cadres, and from how many units?", 2),
    ("How many units did Changchun recommend for the demonstration areas, and how many for the up-to-standard areas?", 2),
    ("How many legal aid and mediation cases did Wucheng handle?", 2),
    ("How many cases did Linhai receive and conclude in 2020?", 1),
    ("How many cities and counties in Hainan set up legal-aid stations?", 1),  # 市县: one count
])
def test_english_parts(question, n):
    assert len(parts_en(question)) == n and len(things_en(question)) == n


def test_a_part_without_a_unit_word_asks_what_the_part_before_asks():
    first, second = things_en("How many units did Changchun recommend for the demonstration areas, and how many for "
                              "the up-to-standard areas?")
    assert first.units == second.units and "家" in first.units


def test_a_part_before_a_noun_asks_what_the_noun_names():
    legal_aid, mediation = things_en("How many legal aid and mediation cases did Wucheng handle?")
    assert legal_aid.units == mediation.units and "件" in legal_aid.units


def test_indicator_parts(understood):
    from assistant.domain.indicators import Indicator as I

    intent = understood("平罗县2023年行政诉讼案件有多少件?败诉率是多少?")
    assert intent.parts == [[I.litigation_cases], [I.litigation_defeat_rate]]
    assert understood("平罗县2023年行政诉讼败诉率是多少?").parts == []


def test_a_subject_the_parts_share_is_kept_apart_from_what_each_part_asks():
    abolished, revised = things_zh("三亚清理的那批规范性文件,废止了多少件,限期修改的又有多少件?")
    assert (abolished.text, revised.text) == ("废止了多少件", "限期修改的又有多少件")
    assert abolished.subject == revised.subject == "三亚清理的那批规范性文件"
    assert len(parts_en("How many cases did Xuancheng police investigate, and what was the total sum involved?")) == 2
