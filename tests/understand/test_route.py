"""Understanding, as a table: question → intent kind, the route it answers with, the first indicator, the
condition, and the handlers tried for it (zh and en)."""
import pytest

from assistant.domain.indicators import Indicator as I
from assistant.handlers.registry import HANDLERS, ROUTES

TABLE = [
    # (question, intent kind, first indicator or None, condition or None)
    ("平罗县2023年行政诉讼败诉率是多少?", "lookup", I.litigation_defeat_rate, None),
    ("婺城区行政复议纠错率", "lookup", I.reconsideration_correction_rate, None),
    ("宿迁经开区法律援助案件多少件?", "lookup", I.legal_aid_cases, None),
    ("临海市接收行政复议申请多少件?", "lookup", I.reconsideration_received, None),
    ("What was Pingluo's administrative litigation defeat rate in 2023?", "lookup", I.litigation_defeat_rate, None),
    ("How many legal aid cases did Wucheng handle?", "lookup", I.legal_aid_cases, None),
    ("What is the law enforcement certification rate in Wucheng?", "lookup", I.enforcement_certification_rate, None),
    ("临海人民调解成功率是多少", "lookup", I.mediation_success_rate, None),
    ("平罗县负责人出庭率", "lookup", I.court_appearance_rate, None),
    ("婺城区主动公开政府信息多少条?", "lookup", I.info_disclosed_proactive, None),
    ("哪些地区报告了零败诉?", "claim_list", None, None),
    ("Which counties reported zero defeat in reconsideration cases?", "claim_list", None, None),
    ("哪些报告提到了法律明白人?", "mention_list", None, None),
    ("Which reports give a legal aid figure?", "figure_list", I.legal_aid_cases, None),
    ("哪些地区负责人出庭应诉率达到100%?", "figure_list", I.court_appearance_rate, "gt"),
    ("list the reports that state a defeat rate", "figure_list", I.litigation_defeat_rate, None),
    ("哪些报告给出了行政复议纠错率?", "figure_list", I.reconsideration_correction_rate, None),
    ("Which places mention 枫桥经验?", "mention_list", None, None),
    ("哪几个地区的败诉率低于20%?", "figure_list", I.litigation_defeat_rate, "lt"),
    ("哪些报告是司法局发布的?", "report_list", None, None),
    ("各报告的行政复议情况", "per_report", None, None),
    ("how many 2023 reports are there?", "report_list", None, None),
    ("有几份报告?", "report_list", None, None),
    ("有几份报告给出了行政诉讼败诉率?", "figure_list", I.litigation_defeat_rate, None),
    ("How many reports state zero defeat in litigation?", "claim_list", None, None),
    ("语料中有多少个地区报告了人大建议办理件数?", "figure_list", I.npc_suggestions, None),
    ("How many reports mention 法律明白人?", "mention_list", None, None),
    ("平罗县和婺城区谁的败诉率更高?", "compare", I.litigation_defeat_rate, None),
    ("compare Linhai and Pingluo reconsideration applications", "compare", I.reconsideration_received, None),
    ("哪个地区的行政诉讼败诉率最高?", "compare", I.litigation_defeat_rate, "max"),
    ("Which place had the lowest defeat rate?", "compare", I.litigation_defeat_rate, "min"),
    ("临海市和綦江区,谁报告的人民调解成功率更高?", "compare", I.mediation_success_rate, None),
    ("Which handled more legal aid cases: Wucheng or Suqian?", "compare", I.legal_aid_cases, None),
    ("婺城区和临海市,哪个办结的行政复议案件更多?", "compare", I.reconsideration_concluded, None),
    ("綦江区司法局存在哪些不足?", "open", None, None),
    ("What did Linhai do about administrative disputes?", "open", None, None),
    ("平罗县如何规范政府决策行为?", "open", None, None),
    ("宿迁经开区2025年工作打算有哪些?", "open", None, None),
    ("What shortcomings did Wucheng identify?", "open", None, None),
    ("平罗县的情况", "overview", None, None),
    ("Tell me about Pingluo", "overview", None, None),
    ("金华市婺城区这份报告是关于哪一年的?由谁报送?", "about_report", None, None),
    ("Which year does the Linhai report cover, and which body issued it?", "about_report", None, None),
    ("杭州市西湖区2023年行政诉讼败诉率是多少?", "outside", None, None),
    ("上海市浦东新区有没有零败诉?", "outside", None, None),
    ("平罗县2019年行政诉讼败诉率是多少?", "no_report", None, None),
    ("平罗县2023年GDP是多少?", "off_subject", None, None),
    ("Which edition of the Linhai legal forum did the judges attend?", "lookup", None, None),  # an ordinal, no list
]
ROUTE = {"lookup": "lookup", "open": "open", "about_report": "meta", "compare": "compare", "overview": None,
         "outside": None, "no_report": None, "off_subject": None}


@pytest.mark.parametrize("question,kind,indicator,condition", TABLE)
def test_question_to_intent_to_handlers(understood, question, kind, indicator, condition):
    intent = understood(question)
    assert intent.kind == kind, intent
    if indicator is not None:
        assert intent.indicators and intent.indicators[0] == indicator, intent.indicators
    assert getattr(intent, "condition", None) == condition
    expected_route = ROUTE.get(kind) or (("count" if intent.count else "list") if hasattr(intent, "count") else None)
    assert intent.route == expected_route
    assert ROUTES[kind] and all(name in HANDLERS for name in ROUTES[kind])


def test_every_intent_kind_has_handlers_and_every_handler_is_routed():
    from typing import get_args

    from assistant.understand.intent import Intent

    kinds = {cls.model_fields["kind"].default for cls in get_args(get_args(Intent)[0])}
    assert kinds == set(ROUTES)
    assert {name for names in ROUTES.values() for name in names} == set(HANDLERS)


def test_counting_questions_count(understood):
    assert understood("有几份报告给出了行政诉讼败诉率?").route == "count"
    assert understood("哪些报告给出了行政复议纠错率?").route == "list"


def test_exclusions_are_not_asked(understood):
    intent = understood("Which reports state a mediation success rate, as opposed to a resolution rate?")
    assert I.dispute_resolution_rate not in intent.indicators and I.mediation_success_rate in intent.indicators


@pytest.mark.parametrize("question, before, after", [
    ("How many reports are newer than 2023?", None, 2023), ("Which reports cover 2023 or later?", None, 2022),
    ("哪些报告是2023年及以后的?", None, 2022), ("Which reports were written since 2024?", None, 2023),
    ("How many reports are from 2020 or earlier?", 2021, None), ("哪些报告是2021年以前的?", 2021, None),
])
def test_year_bounds_strict_or_with_the_year(understood, question, before, after):
    filters = understood(question).filters
    assert (filters.year_before, filters.year_after) == (before, after)


def test_who_wrote_the_reports_is_a_filter_not_an_aspect(understood):
    intent = understood("Which reports were published by departments?")
    assert intent.kind == "report_list" and intent.filters.levels == ["department"]
    assert understood("How many reports were issued by a bureau?").indicators == []  # issued: nobody was sued


def test_metadata_filters(understood):
    intent = understood("How many reports cover a year before 2022?")
    assert intent.kind == "report_list" and intent.count and intent.filters.year_before == 2022
    intent = understood("语料中有几份报告是由司法局发布的?")
    assert intent.route == "count" and intent.filters.issuer_like == "司法局|司法厅"


def test_threshold_value(understood):
    assert understood("哪些地区负责人出庭应诉率达到100%?").threshold == 100.0


def test_mention_keywords(understood):
    assert understood("哪些报告提到了“枫桥”?").keywords == ["枫桥"]


def test_a_plan_year_is_the_report_before_it(understood):
    intent = understood("宿迁经开区2025年工作打算有哪些?")
    assert intent.kind == "open" and intent.query.year is None  # the 2025 plan is in the 2024 report
    assert understood("宿迁经开区2025年工作打算有哪些?", year=2025).kind == "no_report"  # a year given is a filter


@pytest.mark.parametrize("question,body,levels", [
    ("2022年有哪些县的报告?", None, ["county"]),
    ("有几份乡镇的报告?", None, ["town"]),
    ("哪些报告是省级政府层面的?", None, ["province"]),
    ("2024年的开发区报告有几份?", None, ["development_zone"]),
    ("Which reports come from development zones?", None, ["development_zone"]),
    ("Which reports were issued by a public security bureau?", "公安局|公安厅|公安分局", []),
    ("Which of the reports were written by a police bureau?", "公安局|公安厅|公安分局", []),
    ("哪些县报告了零败诉?", None, []),  # 报告了 is "reported", not a report's level
    ("Which counties reported zero defeat?", None, []),
    ("来自北京市的报告有几份?", None, []),  # 市 is part of a name here
    ("Which reports come from Zhejiang province?", None, []),
    # the level that wrote them, named after by/from or before 发布的 (issue 20: counts by who wrote the reports)
    ("How many reports were written by government departments?", None, ["department"]),
    ("How many reports were issued by a bureau?", None, ["department"]),
    ("有几份报告是政府部门发布的?", None, ["department"]),
    ("哪些报告是职能部门的?", None, ["department"]),
    ("有几份报告是由乡镇政府出具的", None, ["town"]),
    ("How many county or district reports are there?", None, ["county", "district"]),
    ("哪些报告提到了部门?", None, []),  # a word the reports mention, not who wrote them
    ("镇和街道这一级的报告都有哪些?", None, ["town", "subdistrict"]),
])
def test_report_filters(understood, question, body, levels):
    filters = understood(question).filters
    assert (filters.issuer_like, filters.levels) == (body, levels)


@pytest.mark.parametrize("question, kept", [
    ("How many legal help events did Wucheng hold in 2022?", False),  # sessions asked, 法律帮助 counts cases
    ("How many people received legal aid in Wucheng?", False),
    ("How many legal aid cases did Wucheng handle?", True),
    ("What was Pingluo's administrative litigation defeat rate in 2023?", True),
])
def test_an_english_indicator_answers_only_in_the_unit_kind_asked(understood, question, kept):
    intent = understood(question)
    assert intent.kind == "lookup" and bool(intent.indicators) == kept, intent.indicators


def test_the_total_amount_asked_without_how_much_is_a_figure_and_not_the_mediation_sum(understood):
    intent = understood("What was the total amount involved in the crimes against enterprises that Xuancheng police investigated?")
    assert intent.asks.number and I.mediation_amount not in intent.indicators
    assert I.mediation_amount in understood("What was the amount involved in Linhai's people's mediation?").indicators


def test_figures_within_an_indicator_named_only_as_their_subject_are_read_off_the_clauses(understood):
    intent = understood("平罗县清理的那批规范性文件,废止了多少件,限期修改的又有多少件?")
    assert intent.kind == "lookup" and intent.indicators == [] and len(intent.things) == 2
    assert understood("平罗县规范性文件清理了多少件?").indicators  # the indicator's own figure: the fact table


def test_reports_that_come_from_a_place_are_listed_by_place_not_by_a_word(understood):
    for question in ("哪些报告来自平罗?", "Which reports come from Pingluo, the county itself or its towns?"):
        assert understood(question).kind == "report_list", question


def test_a_part_of_an_indicator_asked_in_english_is_read_off_the_clauses(understood):
    intent = understood("How many of the normative documents Pingluo cleaned up in 2023 were repealed?")
    assert intent.kind == "lookup" and intent.indicators == []
    assert understood("How many normative documents did Pingluo clean up in 2023?").indicators


@pytest.mark.parametrize("question, levels", [
    ("Which provinces have reports here?", ["province"]),
    ("哪些省有报告?", ["province"]),
    ("Which counties have published reports?", ["county"]),
])
def test_a_level_that_has_reports_is_a_filter(understood, question, levels):
    assert understood(question).filters.levels == levels


@pytest.mark.parametrize("question", ["有几份报告是人民政府发布的?", "How many reports were issued by people's governments?"])
def test_reports_a_government_issued_are_every_level_but_its_departments(understood, question):
    levels = understood(question).filters.levels
    assert "department" not in levels and {"province", "city", "county", "town"} <= set(levels)


def test_a_level_qualified_in_brackets_still_qualifies_the_reports(understood):
    assert understood("县政府(不算县里的部门)的报告一共有几份?").filters.levels == ["county"]
