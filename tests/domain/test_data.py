"""The domain vocabulary is consistent data: every phrase in both languages with the same slots, every
indicator read from text and named in questions, units that know their kind, levels from suffixes."""
import ast
import re
import string
from pathlib import Path

import pytest

from assistant.domain.indicators import Indicator, indicator_for_terms, mentions
from assistant.domain.phrases import PHRASES
from assistant.domain.asked import asked_units, asked_units_en
from assistant.places.names import level_of

ROOT = Path(__file__).resolve().parents[2]


def _slots(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(PHRASES))
def test_every_phrase_has_both_languages(key):
    zh, en = PHRASES[key]
    assert zh and en, key
    _slots(zh), _slots(en)  # both parse as templates
    assert not re.search(r"[\u4e00-\u9fff]", re.sub(r"“[^”]*”|\([^)]*\)|[:《》等份]", "", en)) or key.startswith(
        ("item.", "table.more")), f"{key}: Chinese words in the English sentence"


def _phrase_keys_in_code() -> tuple[set[str], set[str]]:
    """Phrase keys the code names (Line(role, key), P(key), reason(key)) and every string literal in it."""
    named, literals = set(), set()
    for path in (ROOT / "assistant").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("Line", "P", "reason"):
                arg = node.args[1 if node.func.id == "Line" else 0] if len(node.args) > (node.func.id == "Line") else None
                if isinstance(arg, ast.Constant):
                    named.add(arg.value)
    return named, literals


def test_every_phrase_the_code_names_exists_and_every_phrase_is_used():
    named, literals = _phrase_keys_in_code()
    assert named and named <= set(PHRASES), named - set(PHRASES)
    prefixes = {k.split(".")[0] + "." for k in PHRASES if "{" in k}
    unused = {k for k in PHRASES if k not in literals and not any(k.startswith(p) for p in prefixes)}
    assert unused <= {"near_miss.nominated", "near_miss.part_year"}, unused  # named as near_miss.{kind}


def test_every_indicator_is_read_from_text_and_named_in_questions():
    for ind in Indicator:
        assert ind.patterns, ind
        assert ind.spec.reads or ind.spec.states, f"{ind}: no rule reads it from a report"
        assert ind.kind in ("count", "rate", "people", "money", "claim")
        assert (ind.kind == "claim") == bool(ind.spec.states)


@pytest.mark.parametrize("text,indicator", [
    ("败诉率", Indicator.litigation_defeat_rate), ("legal aid", Indicator.legal_aid_cases),
    ("纠错率", Indicator.reconsideration_correction_rate), ("行政复议纠错率", Indicator.reconsideration_correction_rate),
    # disputes a place resolved, however the verb stands: resolved disputes, not disputes mediated
    ("How many enterprise-related disputes did Qijiang resolve?", Indicator.disputes_resolved),
    ("How many disputes were resolved?", Indicator.disputes_resolved),
    ("dispute resolution rate", Indicator.dispute_resolution_rate),
])
def test_questions_name_indicators(text, indicator):
    assert indicator_for_terms(text)[0] is indicator and mentions(text, indicator)


@pytest.mark.parametrize("question,unit", [
    ("县政府常务会议学法次数是多少?", "次"), ("宿迁经开区政务服务系统全年办件多少?", "件"),
    ("群众满意度是多少?", "%"), ("开展法治督察的单位数是多少?", "家"), ("参加考试干部数是多少?", "名"),
    ("办理办结政务服务事项是多少?", "件"), ("投资多少钱建成基地?", "万元"), ("这是什么?", None),
])
def test_units_asked(question, unit):
    units = asked_units(question)
    assert (units is None) if unit is None else (unit in units)


@pytest.mark.parametrize("question,unit,not_unit", [
    ("How many leading cadres in Wucheng attended rule-of-law training courses?", "名", None),
    ("How many times did the county executive meetings study law in 2025?", "次", None),
    ("How many person-times watched court hearings online?", "人次", None),
    ("How much did Tongcheng town invest in its red rule-of-law base?", "万元", None),
    ("how many crimes against enterprises' lawful rights did the police investigate", "起", "家"),  # the head noun
    ("how many people took the exams", "人", "人次"),  # people are not person-times
    ("What did Qijiang do in 2023?", None, None),
])
def test_units_asked_in_english(question, unit, not_unit):
    units = asked_units_en(question)
    assert (units is None) if unit is None else (unit in units and not_unit not in units)


@pytest.mark.parametrize("place,level", [("增福镇", "town"), ("新民乡", "town"), ("坡子街街道", "subdistrict"),
                                         ("平罗县", "county"), ("婺城区", "district"), ("宿迁经济技术开发区", "development_zone")])
def test_levels_from_suffixes(place, level):
    """An unlisted town is a town, as the gazetteer says, not a subdistrict."""
    assert level_of(place, None) == level
