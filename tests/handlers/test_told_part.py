"""A part of a fact's whole, asked by the words that stand by it in the fact's sentence (决定废止的有多少件 of “237件…
进行了集中清理,决定继续有效24件、限期修改115件、废止35件…”), is answered with that part's figure, not the whole;
the whole, asked, stays the whole; "Out of how many in total?" after a part is the whole again."""
from __future__ import annotations

import pytest

REPORT = """三亚市人民政府关于2021年度法治政府建设情况的报告
2021年,三亚市人民政府坚持以习近平法治思想为指导,全面推进法治政府建设。
一、主要工作
(一)加强规范性文件管理。对237件市政府行政规范性文件进行了集中清理,决定继续有效24件、限期修改115件、废止35件、宣布失效11件。
(二)推进严格规范公正文明执法。全年办理行政复议案件120件。
"""


@pytest.fixture
def sanya(with_report):
    return with_report(REPORT, "sanya.txt")


@pytest.mark.parametrize("question, part, whole", [
    ("三亚2021年集中清理市政府行政规范性文件,决定废止的有多少件?", "35件", "237件"),
    ("三亚市2021年清理规范性文件时,限期修改的有多少件?", "115件", "237件"),
    ("Sanya cleaned up 237 normative documents in 2021. How many of them were repealed?", "35", "237"),
])
def test_the_part_asked_is_stated_not_the_whole(sanya, question, part, whole):
    first = sanya.ask(question, generate=False).answer.split("\n")[0]
    assert part in first and whole not in first.replace("(237", ""), first


def test_the_whole_asked_stays_the_whole(sanya):
    first = sanya.ask("三亚市2021年清理了多少件规范性文件?", generate=False).answer.split("\n")[0]
    assert "237件" in first and "35件" not in first, first


def test_out_of_how_many_after_a_part_asks_the_whole(sanya):
    part = sanya.ask("三亚2021年集中清理市政府行政规范性文件,决定废止的有多少件?", generate=False)
    whole = sanya.ask("Out of how many documents in total?", history=[part], generate=False)
    assert "237" in whole.answer.split("\n")[0] and "35" not in whole.answer.split("\n")[0], whole.answer


@pytest.mark.parametrize("question, parts", [
    ("三亚2021年清理的237件规范性文件里,继续有效的多少件,废止的多少件?", ["24件", "35件"]),
    ("Sanya's 2021 clean-up of 237 normative documents: how many stayed in force, and how many were repealed?", ["24", "35"]),
])
def test_several_parts_told_each_get_their_figure(sanya, question, parts):
    lines = sanya.ask(question, generate=False).answer.split("\n")
    assert parts[0] in lines[0] and parts[1] in lines[1] and "237" not in lines[0] + lines[1], lines


@pytest.mark.parametrize("question, part", [
    ("三亚市2021年清理的237件规范性文件中,决定废止的有几件?", "35件"),
    ("Sanya reviewed 237 normative documents in 2021. Apart from those kept in force or amended, how many were repealed?",
     "35"),
])
def test_a_whole_the_question_states_is_read_as_the_whole(sanya, question, part):
    first = sanya.ask(question, generate=False).answer.split("\n")[0]
    assert part in first and "24" not in first and "115" not in first, first


def test_parts_of_a_whole_the_question_states_under_another_verb(sanya):
    # "reviewed" names another indicator of the family (审查, not 清理); the 237 the question gives is the whole cleaned up
    answer = sanya.ask("Of the 237 city normative documents Sanya reviewed in 2021, how many stayed in force and how many "
                       "were repealed?", generate=False)
    assert not answer.abstained and "24件" in answer.answer and "35件" in answer.answer, answer.answer
