"""Routing table: question → kind, indicator, condition (zh and en)."""
import pytest

from assistant.facts.indicators import Indicator as I
from assistant.places import PlaceIndex
from assistant.answer.analyze import analyze
from assistant.answer.plan import route

PLACES = PlaceIndex(["金华市婺城区", "平罗县", "重庆市綦江区", "临海市", "宿迁经济技术开发区"])

TABLE = [
    # (question, route, first indicator or None, condition or None)
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
    ("哪些地区报告了零败诉?", "list", None, "zero"),
    ("Which counties reported zero defeat in reconsideration cases?", "list", None, "zero"),
    ("哪些报告提到了法律明白人?", "list", None, None),
    ("Which reports give a legal aid figure?", "list", I.legal_aid_cases, None),
    ("哪些地区负责人出庭应诉率达到100%?", "list", I.court_appearance_rate, "gt"),
    ("list the reports that state a defeat rate", "list", I.litigation_defeat_rate, None),
    ("哪些报告给出了行政复议纠错率?", "list", I.reconsideration_correction_rate, None),
    ("Which places mention 枫桥经验?", "list", None, None),
    ("哪几个地区的败诉率低于20%?", "list", I.litigation_defeat_rate, "lt"),
    ("哪些报告是司法局发布的?", "list", None, None),
    ("how many 2023 reports are there?", "count", None, None),
    ("有几份报告?", "count", None, None),
    ("有几份报告给出了行政诉讼败诉率?", "count", I.litigation_defeat_rate, None),
    ("How many reports state zero defeat in litigation?", "count", None, "zero"),
    ("语料中有多少个地区报告了人大建议办理件数?", "count", I.npc_suggestions, None),
    ("How many reports mention 法律明白人?", "count", None, None),
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
    ("金华市婺城区这份报告是关于哪一年的?由谁报送?", "meta", None, None),
    ("Which year does the Linhai report cover, and which body issued it?", "meta", None, None),
    ("杭州市西湖区2023年行政诉讼败诉率是多少?", "outside", None, None),
    ("上海市浦东新区有没有零败诉?", "outside", None, None),
]


@pytest.mark.parametrize("question,kind,indicator,condition", TABLE)
def test_routing_table(question, kind, indicator, condition):
    plan = route(analyze(question, PLACES))
    assert plan.route == kind
    if indicator is not None:
        assert plan.indicators and plan.indicators[0] == indicator, plan.indicators
    assert plan.condition == condition


def test_table_size_and_languages():
    assert len(TABLE) >= 40
    assert sum(1 for q, *_ in TABLE if q.isascii()) >= 12


def test_exclusions_are_not_asked():
    plan = route(analyze("Which reports state a mediation success rate, as opposed to a resolution rate?", PLACES))
    assert I.dispute_resolution_rate not in plan.indicators and I.mediation_success_rate in plan.indicators


def test_metadata_filters():
    plan = route(analyze("How many reports cover a year before 2022?", PLACES))
    assert plan.route == "count" and plan.year_before == 2022
    plan = route(analyze("语料中有几份报告是由司法局发布的?", PLACES))
    assert plan.route == "count" and plan.issuer_like == "司法局|司法厅"


def test_threshold_value():
    plan = route(analyze("哪些地区负责人出庭应诉率达到100%?", PLACES))
    assert plan.threshold == 100.0


def test_mention_keywords():
    plan = route(analyze("哪些报告提到了“枫桥”?", PLACES))
    assert plan.mention and plan.keywords == ["枫桥"]


@pytest.mark.parametrize("question,body,levels", [
    ("2022年有哪些县的报告?", None, ["county"]),
    ("有几份乡镇的报告?", None, ["town"]),
    ("哪些报告是省级政府层面的?", None, ["province"]),
    ("2024年的开发区报告有几份?", None, ["development_zone"]),
    ("Which reports come from development zones?", None, ["development_zone"]),
    ("Which reports were issued by a public security bureau?", "公安局|公安厅", []),
    ("哪些县报告了零败诉?", None, []),  # 报告了 is "reported", not a report's level
    ("Which counties reported zero defeat?", None, []),
    ("来自北京市的报告有几份?", None, []),  # 市 is part of a name here
    ("Which reports come from Zhejiang province?", None, []),
])
def test_report_filters(question, body, levels):
    plan = route(analyze(question, PLACES))
    assert (plan.issuer_like, plan.levels) == (body, levels)
