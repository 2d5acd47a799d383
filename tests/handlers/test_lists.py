"""Cross-report answers read every report in scope; coverage is stated; not reported ≠ zero."""
import pytest

from assistant.checks.citations import check_answer
from assistant.errors import InputError
from assistant.domain.indicators import Indicator


def _verified(a, answer):
    texts = {c.report_id: a.text(c.report_id) for c in answer.citations}
    assert check_answer(answer, texts) == []
    for c in answer.citations:
        assert a.text(c.report_id)[c.start:c.end] == c.quote


def test_zero_defeat_list_keeps_scopes_apart(seeded):
    ans = seeded.ask("哪些地区报告了零败诉?")
    _verified(seeded, ans)
    assert ans.route == "list" and ans.coverage.checked == 5
    assert set(ans.places) == {"金华市婺城区", "重庆市綦江区", "临海市"}
    assert ans.coverage.matched == 3 and ans.coverage.related == 1 and ans.coverage.not_reported == 1
    assert ans.answer.startswith("检查了5份报告:3份")
    assert "复议后案件" in ans.answer and "一审" in ans.answer and "被申请人" in ans.answer
    assert "宿迁经济技术开发区(2024)(不同口径)" in ans.answer  # 无行政纠错 is not zero defeat
    assert "未报告:平罗县" in ans.answer


@pytest.mark.parametrize("question,places", [
    ("哪些地区报告了行政诉讼零败诉(不含复议后案件零败诉和复议无纠错)?", {"重庆市綦江区", "临海市"}),
    ("Which reports say cases after reconsideration had zero defeat?", {"金华市婺城区"}),
    ("Which counties reported zero defeat in reconsideration cases?", {"金华市婺城区", "临海市"}),
])
def test_zero_defeat_scope_of_question(seeded, question, places):
    ans = seeded.ask(question)
    _verified(seeded, ans)
    assert set(ans.places) == places


def test_count_states_number_backed_by_coverage(seeded):
    ans = seeded.ask("有几份报告给出了行政诉讼败诉率?")
    _verified(seeded, ans)
    assert ans.route == "count" and set(ans.places) == {"金华市婺城区", "平罗县"}
    assert "2份" in ans.answer and ans.coverage.matched == 2


def test_metadata_count_and_list(seeded):
    ans = seeded.ask("语料中有几份报告是由司法局发布的?")
    assert set(ans.places) == {"重庆市綦江区", "临海市"}
    ans = seeded.ask("How many reports cover the year 2023?")
    assert set(ans.places) == {"平罗县", "重庆市綦江区"}
    ans = seeded.ask("How many reports cover a year before 2022?")
    assert ans.places == ["临海市"]
    _verified(seeded, ans)


def test_keyword_scan_reads_every_report(seeded):
    ans = seeded.ask("哪些报告提到了“枫桥”?")
    _verified(seeded, ans)
    assert set(ans.places) == {"金华市婺城区", "平罗县", "临海市"}
    assert all("枫桥" in c.quote for c in ans.citations)
    assert "未提到" in ans.answer
    # a list line quotes the clause with the term, not a long sentence about more (other places, other work)
    assert all(len(c.quote) <= 40 or not any(ch in c.quote for ch in ",,;;") for c in ans.citations), \
        [c.quote for c in ans.citations]


def test_a_mention_of_either_term_counts(seeded):
    # 或 joins alternatives: a report mentioning either one is listed (neither report mentions both)
    ans = seeded.ask("哪些报告提到了“公职律师”或“旁听”?")
    _verified(seeded, ans)
    assert set(ans.places) == {"金华市婺城区", "临海市", "宿迁经济技术开发区"}
    assert all("公职律师" in c.quote or "旁听" in c.quote for c in ans.citations)


@pytest.mark.parametrize("question,winner,values", [
    ("平罗县和婺城区谁的行政诉讼败诉率更高?", "平罗县", ["21.6%", "12.7%"]),
    ("Which handled more legal aid cases: Wucheng (2022) or Suqian (2024)?", "金华市婺城区", ["1536件", "88件"]),
    ("临海市和綦江区,谁报告的人民调解成功率更高?", "临海市", ["99.78%", "99.35%"]),
    ("哪个地区的行政诉讼败诉率最低?", "金华市婺城区", ["12.7%", "21.6%"]),
])
def test_compare(seeded, question, winner, values):
    ans = seeded.ask(question)
    _verified(seeded, ans)
    assert ans.route == "compare" and ans.places == [winner]
    assert all(v in ans.answer for v in values)


@pytest.mark.parametrize("question", [
    "How many administrative litigation cases did Pingluo lose in 2023?",  # count of defeats: only a rate is given
    "婺城区2022年共收到多少件行政复议申请?",  # 办结 is stated, 收到 is not
])
def test_related_figure_is_not_the_answer(seeded, question):
    ans = seeded.ask(question)
    assert ans.abstained, ans.answer
    _verified(seeded, ans)


def test_facts_api(seeded):
    zero = seeded.facts(indicator="zero_defeat")
    assert {f.place for f in zero} == {"金华市婺城区", "重庆市綦江区", "临海市"}
    assert all(f.value is True and f.quote for f in zero)
    assert seeded.facts(indicator=Indicator.legal_aid_cases, place="平罗") == []  # not reported, not 0
    rates = seeded.facts(indicator="litigation_defeat_rate", year=2023)
    assert [(f.place, f.value) for f in rates] == [("平罗县", 21.6)]
    for f in seeded.facts():
        assert seeded.text(f.report_id)[f.start:f.end] == f.quote
    with pytest.raises(InputError, match="unknown indicator"):
        seeded.facts(indicator="nope")


def test_facts_follow_report_removal(assistant):
    from conftest import REPORTS

    assistant.ingest([REPORTS / "001_4d08be111e600d4c.txt"], progress=False)
    assert assistant.facts(indicator="litigation_cases")
    rid = assistant.reports()[0].id
    assistant.remove(rid)
    assert assistant.facts() == []


def test_part_of_a_total_is_not_compared(seeded):
    ans = seeded.ask("哪个地区法律援助案件最多?")
    _verified(seeded, ans)
    assert ans.places == ["金华市婺城区"] and "仅部分口径" in ans.answer and ans.coverage.related == 1


def test_every_report_listed_on_request(seeded):
    ans = seeded.ask("列出所有报告")
    assert ans.coverage.matched == 5 and len(ans.citations) == 5
    ans = seeded.ask("各地区的行政复议纠错率分别是多少?")
    assert ans.route == "list" and ans.coverage.checked == 5 and ans.places == ["金华市婺城区"]


def test_did_x_lose_any_finds_the_zero_claim(seeded):
    ans = seeded.ask("Did Qijiang lose any lawsuits in 2023?")
    assert "0败诉" in ans.answer and ans.citations[0].place == "重庆市綦江区"


def test_plans_come_from_the_plan_section(seeded):
    ans = seeded.ask("What are Linhai's plans for 2021?")
    assert ans.route == "open" and all("2021年法治政府建设工作思路" in c.section for c in ans.citations)


@pytest.mark.parametrize("question, said", [
    ("Which has the higher law enforcement certification rate, Pingluo or Linhai?", "does not state"),
    ("平罗县和临海市谁的执法人员持证率更高?", "没有写明"),
])
def test_a_comparison_no_report_names_is_not_stated_for_each(seeded, question, said):
    ans = seeded.ask(question)
    assert ans.route == "compare" and ans.abstained and not ans.citations, ans.answer
    assert ans.answer.count(said) == 2, ans.answer
