"""Questions about a report itself: each aspect asked is answered with the line that states it, cited, or
"not stated" — never another aspect's line."""
from __future__ import annotations

import pytest

REPORT = """三亚市人民政府关于2021年度法治政府建设情况的报告
三府〔2022〕15号
——2022年2月25日在三亚市第八届人民代表大会常务委员会第二次会议上
省政府:
2021年,三亚市人民政府坚持以习近平法治思想为指导,全面推进法治政府建设。全年办理行政复议案件120件,行政诉讼败诉率为5.2%。
一、主要工作
市司法局(市政府法制办公室、市普法办)组织开展法治宣传活动36场。
三亚市人民政府
2022年3月1日
"""


@pytest.fixture
def sanya(with_report):
    return with_report(REPORT, "sanya.txt")


@pytest.mark.parametrize("question, value, line", [
    ("三亚市2021年度报告的文号是什么?", "三府〔2022〕15号", "三府〔2022〕15号"),
    ("What is the document number of Sanya's 2021 report?", "三府〔2022〕15号", "三府〔2022〕15号"),
    ("三亚的报告报送给了谁?", "省政府", "省政府:"),
    ("At which session was Sanya's 2021 report delivered?", "第八届人民代表大会常务委员会第二次会议", "第二次会议上"),
    ("三亚市的报告是以谁的名义发的?", "三亚市人民政府", "三亚市人民政府关于2021年度"),
    ("三亚那份2021年的报告是哪个机关发的?", "三亚市人民政府", "三亚市人民政府关于2021年度"),
    ("When was Sanya's report delivered to the people's congress standing committee?", "第二次会议", "第二次会议上"),
    ("Which year's work does the Sanya report describe?", "2021", "三亚市人民政府关于2021年度"),
    ("三亚市报告的落款日期是哪天?", "2022-03-01", "2022年3月1日"),
])
def test_each_aspect_is_answered_from_its_line(sanya, question, value, line):
    answer = sanya.ask(question, generate=False)
    assert answer.route == "meta" and not answer.abstained, answer.answer
    assert value in answer.answer
    assert any(line in c.quote for c in answer.citations), [c.quote for c in answer.citations]
    assert answer.answer.splitlines()[0].startswith(("三亚", "The "))


def test_an_aspect_the_report_does_not_show_is_not_stated(sanya):
    answer = sanya.ask("三亚市的报告发布时间是什么时候?", generate=False)
    assert answer.route == "meta" and answer.abstained and "没有写明发布日期" in answer.answer


def test_a_figure_question_naming_a_meeting_stays_a_figure(sanya):
    answer = sanya.ask("三亚市2021年办理行政复议案件多少件?", generate=False)
    assert answer.route == "lookup" and "120" in answer.answer


OTHER = """临海市人民政府关于2021年度法治政府建设情况的报告
市人大常委会:
本报告所列数据的期限为2021年1月1日至2021年12月31日。如对本报告有任何疑问,请与市司法局法治督察科联系。
根据《法治政府建设与责任落实督察工作规定》第二十五条规定,现将有关情况报告如下。
2021年,临海市办理行政复议案件80件。
"""


@pytest.fixture
def two(sanya, tmp_path):
    path = tmp_path / "linhai.txt"
    path.write_text(OTHER, encoding="utf-8")
    sanya.ingest([path], progress=False)
    return sanya


@pytest.mark.parametrize("question, value", [
    ("临海市2021年报告的数据统计期限是从哪天到哪天?", "2021年1月1日至2021年12月31日"),
    ("对临海市的报告有疑问应该联系哪个部门?", "市司法局法治督察科"),
    ("Under which regulation was Linhai's 2021 report made?", "《法治政府建设与责任落实督察工作规定》第二十五条"),
    ("When was the report of Sanya posted online?", None),
])
def test_period_contact_and_basis_are_read_from_their_line(two, question, value):
    answer = two.ask(question, generate=False)
    assert answer.route == "meta", answer.answer
    if value is None:  # Sanya's page shows no publication date: asked in English, still "not stated"
        assert answer.abstained and "publication date" in answer.answer
    else:
        assert not answer.abstained and value in answer.answer and any(value in c.quote for c in answer.citations)


@pytest.mark.parametrize("question, places", [
    ("哪些报告是报送给省政府的?", {"三亚市"}),
    ("Which reports were submitted to a people's congress standing committee?", {"临海市"}),
    ("有几份报告写明了文号?", {"三亚市"}),
])
def test_reports_listed_by_what_they_state_of_themselves(two, question, places):
    answer = two.ask(question, generate=False)
    assert answer.route in ("list", "count") and answer.coverage.checked == 2
    assert {c.place for c in answer.citations} == places, answer.answer
    assert answer.coverage.matched == len(places) and answer.coverage.not_reported == 2 - len(places)


UNSIGNED = """关于2025年法治政府建设情况的报告
来源:区司法局
发布时间:2026-02-26
2025年,营口市老边区坚持以习近平法治思想为指导,全年办理行政复议案件12件。
"""


@pytest.mark.parametrize("question, says", [
    ("老边区2025年的报告是谁发的?", "没有写明发布机关;报告页面的来源栏为区司法局"),
    ("Which bureau wrote Laobian's 2025 report?", "does not name its issuer; its page gives 区司法局 as its source"),
])
def test_no_issuer_named_the_page_source_is_said_as_such(assistant, tmp_path, question, says):
    path = tmp_path / "laobian.txt"
    path.write_text(UNSIGNED, encoding="utf-8")
    assistant.ingest([path], progress=False)
    answer = assistant.ask(question, generate=False)
    assert answer.route == "meta" and says in answer.answer, answer.answer
    assert any("来源:区司法局" in c.quote for c in answer.citations)


@pytest.mark.parametrize("question", ["三亚市2021年度报告是哪天作的?", "When was Sanya's 2021 report delivered?"])
def test_the_day_a_report_was_delivered(sanya, question):
    answer = sanya.ask(question, generate=False)
    assert "2022-02-25" in answer.answer.split("\n")[0] and not answer.abstained, answer.answer
