"""The open-vocabulary figure reader: what the question counts, its unit, and several figures."""
import pytest

from assistant.answer.figures import _FIGURE, asked_units, head_term, parts


@pytest.mark.parametrize("question,unit", [
    ("县政府常务会议学法次数是多少?", "次"), ("宿迁经开区政务服务系统全年办件多少?", "件"),
    ("群众满意度是多少?", "%"), ("开展法治督察的单位数是多少?", "家"), ("参加考试干部数是多少?", "名"),
    ("办理办结政务服务事项是多少?", "件"), ("投资多少钱建成基地?", "万元"), ("这是什么?", None),
])
def test_units_asked(question, unit):
    units = asked_units(question)
    assert (units is None) if unit is None else (unit in units)


def test_head_term_is_the_thing_counted():
    assert head_term("中期评估的完成度") == "完成度"
    assert head_term("开展法治督察的单位数") == "督察"  # 单位 is a stop word: the last content word counts


def test_several_figures_asked():
    assert parts("组织了多少场专题培训?覆盖多少人次?") == ["组织了多少场专题培训", "组织了多少场专题培训,覆盖多少人次"]
    assert parts("对多少个部门、多少个街道开展了法治督察?") == ["对多少个部门、多少个街道开展了法治督察?"]


@pytest.mark.parametrize("text,figure", [
    ("专题学法两次", "两次"), ("召开会议十二次", "十二次"), ("办理办结各类政务服务事项57.95万件", "57.95万件"),
    ("受理1,536件", "1,536件"), ("组织1200余名干部", "1200余名"), ("全年办件约12000件", "约12000件"),
    ("作为一项基础性工作", None), ("对照100项三级指标", "100项"), ("第三次会议", None),
])
def test_figures_as_written(text, figure):
    m = _FIGURE.search(text)
    assert (m.group() if m else None) == figure


@pytest.mark.parametrize("question,unit", [
    ("How many leading cadres in Wucheng attended rule-of-law training courses?", "名"),
    ("How many times did the county executive meetings study law in 2025?", "次"),
    ("How many person-times watched court hearings online?", "人次"),
    ("How much did Tongcheng town invest in its red rule-of-law base?", "万元"),
    ("What did Qijiang do in 2023?", None),
])
def test_units_asked_in_english(question, unit):
    from assistant.answer.figures import asked_units_en

    units = asked_units_en(question)
    assert (units is None) if unit is None else (unit in units)
