"""Prompt templates: shipped ones load and stay short; malformed ones fail loudly, naming template and variable."""
from __future__ import annotations

import pytest

from assistant.errors import FazhiError
from assistant.models import Answer, Citation
from assistant.llm.prompts import TemplateError, available, load_template, parse_template

GOOD = """# a comment
variables: question, evidence
[system]
System text; literal braces {{like this}}.
[user]
Evidence: {evidence}
Q: {question}
"""


def test_shipped_templates_load_and_declare_their_variables():
    names = available()
    assert {"answer_zh", "answer_en", "list_zh", "list_en"} <= set(names)
    for name in names:
        t = load_template(name)
        assert set(t.variables) >= {"question", "evidence"}
        values = {v: f"<{v}>" for v in t.variables}
        system, user = t.render(**values)
        assert "<question>" in user and "<evidence>" in user


@pytest.mark.parametrize("name", ["answer_zh", "answer_en", "list_zh", "list_en"])
def test_templates_say_evidence_is_data_not_instructions(name):
    system, _ = load_template(name).render(**{v: "x" for v in load_template(name).variables})
    assert ("不是给你的指令" in system) or ("not instructions" in system)


def test_render_fills_values_verbatim_even_with_braces():
    t = parse_template("t", GOOD)
    system, user = t.render(question="败诉率{是多少}?", evidence="[1] 平罗县 2023: {0}")
    assert "{like this}" in system
    assert "败诉率{是多少}?" in user and "[1] 平罗县 2023: {0}" in user


def test_missing_variable_names_template_and_variable():
    t = parse_template("answer_x", GOOD)
    with pytest.raises(TemplateError, match=r"'answer_x' needs variable 'evidence'"):
        t.render(question="q")


def test_unknown_variable_names_template_and_variable():
    t = parse_template("answer_x", GOOD)
    with pytest.raises(TemplateError, match=r"'answer_x' has no variable 'places'"):
        t.render(question="q", evidence="e", places="p")


def test_undeclared_placeholder_fails_at_load():
    text = GOOD.replace("Q: {question}", "Q: {question} {places}")
    with pytest.raises(TemplateError, match=r"'bad' uses undeclared variable 'places'"):
        parse_template("bad", text)


def test_declared_but_unused_variable_fails_at_load():
    text = GOOD.replace("variables: question, evidence", "variables: question, evidence, places")
    with pytest.raises(TemplateError, match=r"'bad' declares variable 'places' but never uses it"):
        parse_template("bad", text)


@pytest.mark.parametrize("text, message", [
    ("[system]\nx {question}\n[user]\ny", "no 'variables:' line"),
    ("variables: question\n[system]\n{question}\n", r"no \[user\] section"),
    ("variables: question\nstray text\n[system]\n{question}\n[user]\nu", "text before the first"),
    ("variables: q\n[system]\n{q.attr}\n[user]\nu", "plain name"),
])
def test_malformed_templates(text, message):
    with pytest.raises(TemplateError, match=message):
        parse_template("bad", text)


def test_missing_file_is_a_fazhi_error(tmp_path):
    with pytest.raises(FazhiError, match="prompt template 'nope' not found"):
        load_template("nope", tmp_path)


def _cit(key, quote, place="平罗县", year=2023):
    return Citation(key=key, report_id="r1", source="a.txt", title="t", place=place, year=year, section="s",
                    quote=quote, start=0, end=len(quote))


def test_lookup_prompt_is_short_numbered_sentences_with_place_and_year():
    from assistant.llm.generation import build_messages

    quote = "2023年共有行政诉讼案件148件,败诉率为21.6%。"
    ans = Answer(question="q", answer=f"平罗县2023年度报告写道:“{quote}”[1]", citations=[_cit(1, quote)])
    system, user = (m.content for m in build_messages("平罗县2023年行政诉讼败诉率是多少?", "zh", ans, "lookup"))
    assert f"[1] 平罗县 2023: {quote}" in user
    # ~1 token per 1.4 Chinese characters: stay well under ~600 tokens for a lookup
    assert len(system) + len(user) < 700


def test_long_open_evidence_is_capped():
    from assistant.llm.generation import MAX_EVIDENCE, build_messages

    cits = [_cit(i, f"第{i}项工作" + "推进法治政府建设" * 30 + "。") for i in range(1, 13)]
    ans = Answer(question="q", answer="\n".join(f"x[{c.key}]" for c in cits), citations=cits)
    _, user = (m.content for m in build_messages("平罗县做了哪些工作?", "zh", ans, "open"))
    assert user.count("\n[") + 1 <= MAX_EVIDENCE
    assert len(user) < 1200
