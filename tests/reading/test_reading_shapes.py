"""What the figure reader reads beside a clause: the heading over its paragraph, a figure written as the change
when a change is asked; and the earliest / latest reports a list keeps (reading/select.py)."""
from assistant.reading.figures import find
from assistant.reading.select import scope_reports
from assistant.settings import AnswerSettings
from assistant.text.sections import heading_over
from assistant.understand.intent import Filters
from assistant.understand.parts import Thing
from assistant.understand.query import Query

BASE = "二、聚焦特色创新\n(一)打造红色法治基地,厚植法治文化底蕴\n整合革命旧址等阵地资源,投资50万元建成集红色教育、法治宣传于一体的阵地。\n"
EXAM = "组织开展全县行政执法证件考试,通过率为88.8%,较上一年提高13.8%。"


def _read(question: str, units: list[str], body: str) -> list[str]:
    found = find([Thing(text=question, units=units)], ["r"], lambda rid: body, {"通城镇", "平罗县"}, AnswerSettings())
    return [f.value for f in found]


def test_the_heading_over_a_paragraph():
    assert heading_over(BASE, BASE.index("投资")) == "(一)打造红色法治基地,厚植法治文化底蕴"
    plain = "全年开展法治宣传活动。\n投资50万元建成法治阵地。"
    assert heading_over(plain, plain.index("投资")) == ""  # the line above is no heading


def test_a_figure_whose_heading_names_what_was_asked():
    assert _read("通城镇建红色法治基地花了多少钱", ["元", "万元", "亿元"], BASE) == ["50万元"]


def test_a_change_asked_takes_the_figure_written_as_the_change():
    assert _read("平罗县通过率比上一年提高了多少", ["%", "个百分点", "百分点"], EXAM)[0] == "13.8%"
    assert _read("平罗县考试通过率是多少", ["%"], EXAM)[0] == "88.8%"


def test_the_earliest_and_latest_reports(metas):
    q = Query(question="哪些报告", lang="zh")
    assert [m.place for m in scope_reports(metas, q, Filters(year_pick="earliest"))] == ["临海市"]
    assert [m.place for m in scope_reports(metas, q, Filters(year_pick="latest"))] == ["宿迁经济技术开发区"]
    assert len(scope_reports(metas, q, Filters())) == len(metas)
