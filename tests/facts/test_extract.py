"""Fact extractor against hand-read gold figures of the five seed reports (no network, no embedder)."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from assistant.ingest.cleaning import clean
from assistant.facts.extract import extract_facts, facts_to_rows
from assistant.models import Fact
from assistant.domain.indicators import Indicator, indicator_for_terms

REPORTS = Path(__file__).resolve().parents[2] / "reports"
GOLD = json.loads((Path(__file__).parent / "gold_facts.json").read_text(encoding="utf-8"))
FILES = sorted(p.name for p in REPORTS.glob("*.txt"))


@lru_cache(maxsize=None)
def report(name: str) -> tuple[str, tuple[Fact, ...]]:
    text = clean((REPORTS / name).read_text(encoding="utf-8")).text
    return text, tuple(extract_facts(text, name, None, None))


def facts_of(name: str, indicator: str) -> list[Fact]:
    return [f for f in report(name)[1] if f.indicator.value == indicator]


def same_value(fact: Fact, value) -> bool:
    if isinstance(value, bool) or isinstance(fact.value, bool):
        return fact.value is value
    return abs(fact.value - value) < 1e-6


def digits(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def gold_id(case: dict) -> str:
    return f"{case['file'][:3]}-{case['indicator']}-{case.get('value')}"


def test_seed_reports_present():
    assert len(FILES) == 5


@pytest.mark.parametrize("case", GOLD["facts"], ids=gold_id)
def test_gold_fact_found(case):
    candidates = [f for f in facts_of(case["file"], case["indicator"]) if same_value(f, case["value"])]
    candidates = [f for f in candidates if case["quote"] in f.quote]
    assert candidates, f"missing {case}; got {[(f.value, f.scope) for f in facts_of(case['file'], case['indicator'])]}"
    fact = candidates[0]
    assert fact.unit == case["unit"]
    assert case.get("scope", "") in fact.scope
    if "approx" in case:
        assert fact.approx is case["approx"]
    assert fact.planned is case.get("planned", False)


@pytest.mark.parametrize("case", GOLD["not_reported"], ids=lambda c: f"{c['file'][:3]}-{c['indicator']}")
def test_not_reported_has_no_fact(case):
    found = [f for f in facts_of(case["file"], case["indicator"]) if not f.planned]
    assert not found, f"{case['why']}: {[(f.value, f.quote) for f in found]}"


@pytest.mark.parametrize("case", GOLD["forbidden_values"], ids=lambda c: f"{c['file'][:3]}-{c['value']}")
def test_forbidden_values_not_extracted(case):
    bad = [f for f in report(case["file"])[1] if not isinstance(f.value, bool) and abs(f.value - case["value"]) < 1e-6]
    assert not bad, f"{case['why']}: {[(f.indicator.value, f.quote) for f in bad]}"


@pytest.mark.parametrize("name", FILES)
def test_every_fact_verbatim_with_its_figure(name):
    text, facts = report(name)
    assert facts
    for f in facts:
        assert text[f.start:f.end] == f.quote
        assert f.value_text and f.value_text in f.quote
        if isinstance(f.value, bool):
            assert f.value is True and f.unit == ""
        else:
            assert digits(f.value) in re.sub(r"(?<=\d),(?=\d{3})", "", f.quote)
            assert f.unit
        assert f.section


@pytest.mark.parametrize("name", FILES)
def test_extraction_is_deterministic(name):
    text = report(name)[0]
    assert extract_facts(text, name, None, None) == list(report(name)[1])


def test_zero_defeat_scopes_are_distinct():
    scopes = {name[:3]: [f.scope for f in facts_of(name, "zero_defeat")] for name in FILES}
    assert len(scopes["000"]) == 1 and "复议后" in scopes["000"][0]
    assert len(scopes["002"]) == 1 and "一审" in scopes["002"][0] and "区政府为被告" in scopes["002"][0]
    assert len(scopes["003"]) == 1 and "被告或被申请人" in scopes["003"][0]
    assert scopes["001"] == [] and scopes["004"] == []
    assert len({s for v in scopes.values() for s in v}) == 3
    assert [f.value for f in facts_of("004_5430cf997af9a534.txt", "no_reconsideration_correction")] == [True]


def test_plan_facts_flagged():
    plan = [f for f in facts_of("000_1b26b6e538fcc224.txt", "litigation_defeat_rate") if f.value == 8]
    assert len(plan) == 1 and plan[0].planned and "下步计划" in plan[0].section
    results = [f for name in FILES for f in report(name)[1] if "一、" in f.section.split(" > ")[0]]
    assert results and not any(f.planned for f in results)


def test_defeat_rate_h1_and_year_are_two_facts():
    rates = {f.scope: f.value for f in facts_of("000_1b26b6e538fcc224.txt", "litigation_defeat_rate") if not f.planned}
    assert rates == {"上半年": 25.45, "全年": 12.7}


def test_metadata_and_rows():
    facts = extract_facts("全年办理法律援助案件88件。", "r1", "宿迁经济技术开发区", 2024)
    assert (facts[0].report_id, facts[0].place, facts[0].year) == ("r1", "宿迁经济技术开发区", 2024)
    row = facts_to_rows(facts)[0]
    assert row["indicator"] == "legal_aid_cases" and row["indicator_zh"] == "法律援助案件" and row["value"] == 88


def one(sentence: str, indicator: str) -> list[Fact]:
    return [f for f in extract_facts(sentence, "syn", None, None) if f.indicator.value == indicator]


@pytest.mark.parametrize("sentence,indicator,value,unit,approx", [
    ("受理法律援助案件1,536件、法律帮助1541件。", "legal_aid_cases", 1536, "件", False),
    ("受理法律援助案件1,536件、法律帮助1541件。", "legal_help_cases", 1541, "件", False),
    ("全年受理法律援助案件1536 件。", "legal_aid_cases", 1536, "件", False),
    ("全年审查规范性文件300余件。", "normative_docs_reviewed", 300, "件", True),
    ("人民调解组织调处矛盾纠纷7421件,调解涉及金额20574.58万元,成功率99.78%。", "mediation_amount", 20574.58, "万元", False),
    ("人民调解组织调处矛盾纠纷7421件,调解涉及金额20574.58万元,成功率99.78%。", "mediation_success_rate", 99.78, "%", False),
    ("帮助企业挽回经济损失7.47亿元。", "losses_recovered", 7.47, "亿元", False),
    ("主动公开政府信息约12000条。", "info_disclosed_proactive", 12000, "条", True),
    ("行政复议纠错率3.64%。", "reconsideration_correction_rate", 3.64, "%", False),
    ("行政机关负责人出庭应诉率达到百分之95。", "court_appearance_rate", 95, "%", False),
    ("受理法律援助案件\uff11\uff15件\uff0c败诉率为\uff12\uff11.6\uff05\uff1b", "litigation_defeat_rate", 21.6, "%", False),
])
def test_number_formats(sentence, indicator, value, unit, approx):
    facts = one(sentence, indicator)
    assert len(facts) == 1
    assert (facts[0].value, facts[0].unit, facts[0].approx) == (value, unit, approx)


def test_nearest_keyword_in_clause():
    facts = extract_facts("2023年共有行政诉讼案件148件,败诉率为21.6%,行政机关负责人出庭率达100%。", "s", None, 2023)
    assert [(f.indicator.value, f.value) for f in facts] == [
        ("litigation_cases", 148), ("litigation_defeat_rate", 21.6), ("court_appearance_rate", 100)]


@pytest.mark.parametrize("sentence,indicator,scope", [
    ("以县政府为被告的行政诉讼案件0败诉。", "zero_defeat", "以县政府为被告的行政诉讼案件"),
    ("全区行政诉讼败诉率为零。", "zero_defeat", "全区"),
    ("复议后案件实现“零败诉”。", "zero_defeat", "复议后案件"),
    ("办理行政应诉案件12件,无败诉案件。", "zero_defeat", "行政应诉案件"),
    ("全县行政复议案件纠错率为零。", "no_reconsideration_correction", "行政复议案件"),
])
def test_claims(sentence, indicator, scope):
    facts = one(sentence, indicator)
    assert len(facts) == 1 and facts[0].value is True and facts[0].unit == "" and scope in facts[0].scope


@pytest.mark.parametrize("sentence", [
    "行政诉讼败诉率逐年下降。",
    "今年未能实现零败诉。",
    "通过率为88.8%,较上一年提高13.8%。",
    "败诉率同比下降3.2%。",
    "法律援助中心2023年成立,法律援助工作站12个。",
    "1.行政诉讼案件管理。",
    "规范性文件备案信息236条。",
    "12345便民服务热线共转办各类工单13536件,办结10343件。",
])
def test_silence_and_noise_give_no_fact(sentence):
    assert extract_facts(sentence, "s", None, None) == []


def test_plan_cue_outside_plan_section():
    facts = one("力争行政诉讼一审败诉率控制在8%以下。", "litigation_defeat_rate")
    assert len(facts) == 1 and facts[0].planned and facts[0].approx and facts[0].scope == "一审"


def test_indicator_labels():
    for ind in Indicator:
        assert ind.label_zh and ind.name_en and ind.patterns
    assert Indicator("zero_defeat") is Indicator.zero_defeat and Indicator.zero_defeat == "zero_defeat"


@pytest.mark.parametrize("phrase,expected", [
    ("败诉率", ["litigation_defeat_rate"]),
    ("defeat rate", ["litigation_defeat_rate"]),
    ("零败诉", ["zero_defeat"]),
    ("zero defeat", ["zero_defeat"]),
    ("法律援助", ["legal_aid_cases"]),
    ("legal aid", ["legal_aid_cases"]),
    ("法律帮助", ["legal_help_cases"]),
    ("行政复议纠错率", ["reconsideration_correction_rate"]),
    ("correction rate", ["reconsideration_correction_rate"]),
    ("负责人出庭应诉率", ["court_appearance_rate"]),
    ("court appearance rate", ["court_appearance_rate"]),
    ("调解成功率", ["mediation_success_rate"]),
    ("mediation success rate", ["mediation_success_rate"]),
    ("人民调解", ["mediation_disputes"]),
    ("how many reconsideration applications were received", ["reconsideration_received"]),
    ("持证率", ["enforcement_certification_rate"]),
    ("主动公开", ["info_disclosed_proactive"]),
    ("依申请公开", ["info_disclosed_on_request"]),
    ("NPC suggestions", ["npc_suggestions"]),
    ("政协提案", ["cppcc_proposals"]),
    ("法律明白人", ["legal_understanding_people"]),
    ("规范性文件备案", ["normative_docs_filed"]),
    ("诉讼案件调撤率", ["litigation_withdrawal_rate"]),
    ("legal aid and legal help", ["legal_aid_cases", "legal_help_cases"]),
    ("did Wucheng lose any lawsuits", ["litigation_defeats", "zero_defeat"]),
    ("天气怎么样", []),
])
def test_indicator_for_terms(phrase, expected):
    assert [i.value for i in indicator_for_terms(phrase)] == expected


@pytest.mark.parametrize("sentence", ["2024年行政机关负责人100%出庭应诉。", "行政机关负责人出庭应诉率100%。"])
def test_a_rate_written_before_its_noun_is_read(sentence):
    facts = [f for f in extract_facts(sentence, "r", "新市区", 2024) if f.indicator is Indicator.court_appearance_rate]
    assert [(f.value, f.unit) for f in facts] == [(100.0, "%")]
