"""The chat tab's handlers and fragments: folded cards, active filters, the clear-filters action, input limits,
the page's language (browser checks are in test_browser.py)."""
from __future__ import annotations

import re

import pytest

from assistant import Answer, Citation
from assistant.web import i18n
from assistant.web.app import build_app
from assistant.web.views import render_answer, render_counter, render_filters


@pytest.fixture(autouse=True)
def extractive_answers(monkeypatch):
    monkeypatch.setenv("FAZHI_LLM", "none")


def _citation(key: int) -> Citation:
    return Citation(key=key, report_id="r", source="a.txt", title="某区报告", place="某区", year=2023,
                    section="一、工作", quote=f"第{key}句。", start=0, end=4)


def test_one_card_per_report_the_first_open_and_folded_cards_show_place_and_year():
    other = [_citation(k).model_copy(update={"report_id": f"r{k}"}) for k in (2, 3)]
    answer = Answer(question="q", answer="甲[1]乙[2]丙[3]", citations=[_citation(1), *other])
    html = render_answer(answer, "m", lambda rid: None)
    cards = re.findall(r"<details[^>]*>", html)
    assert len(cards) == 3 and " open" in cards[0] and all(" open" not in c for c in cards[1:])
    assert html.count('class="fz-chip">某区 · 2023</span>') == 3
    assert all(f'href="#cite-m-{k}"' in html for k in (1, 2, 3))  # [n] still opens its card


def test_active_filters_are_named_in_the_pages_language():
    assert "未设筛选" in render_filters([], None) and "No filters" in render_filters(None, None, "en")
    bar = render_filters(["临海市", "<b>"], 2020)
    assert "当前筛选" in bar and "临海市" in bar and "2020" in bar and "&lt;b&gt;" in bar


def test_counter_carries_the_limit_and_an_over_limit_message():
    html = render_counter(2000, "en")
    assert 'data-limit="2000"' in html and "/ 2000 characters" in html and "over the 2000 limit" in html
    assert "/ 2000 字" in render_counter(2000)


def test_respond_names_an_empty_or_over_long_question_and_keeps_it(seeded, monkeypatch):
    web = build_app(seeded).fazhi
    warned: list[str] = []
    monkeypatch.setattr("assistant.web.app.gr.Warning", lambda message, *a, **k: warned.append(message))
    steps = list(web.respond("   ", [], [], "all"))
    assert steps[-1][0] == [] and "请先输入问题" in warned[-1]
    long_q = "平" * (seeded.settings.max_question_chars + 1000)
    steps = list(web.respond(long_q, [], [], "all", "en"))
    assert steps[-1][0] == [] and f"{len(long_q)} characters, over the" in warned[-1]
    assert all(not isinstance(s[2], str) for s in steps)  # the box is not emptied: the user shortens it


def test_clear_filters_button_only_when_the_filters_leave_the_named_place_out(seeded):
    web = build_app(seeded).fazhi
    shown = web.filter_action("平罗县2023年行政诉讼败诉率是多少?", ["临海市"], "all")
    assert shown["visible"] and "清除筛选并重新提问" in shown["value"] and "平罗县" in shown["value"]
    assert web.filter_action("平罗县2023年行政诉讼败诉率是多少?", ["临海市"], "all", "en")["value"].startswith(
        "Clear filters and ask again")
    assert not web.filter_action("平罗县2023年行政诉讼败诉率是多少?", [], "all")["visible"]
    assert not web.filter_action("行政复议收案多少?", ["临海市"], "all")["visible"]
    assert not web.filter_action("", ["临海市"], "all")["visible"]  # a refused question: no button


def test_every_text_has_both_languages():
    for key, (zh, en) in i18n.TEXT.items():
        assert zh and en and zh != en, key
        assert re.search(r"[\u4e00-\u9fff]", zh), key
        assert not re.search(r"[\u4e00-\u9fff]", en), key
        assert set(re.findall(r"{(\w+)}", zh)) == set(re.findall(r"{(\w+)}", en)), key


def test_an_abstention_opens_with_its_reason():
    from assistant.domain.phrases import PHRASES

    generic, reason = PHRASES["not_found"][0], "问题提到的平罗县不在当前的地区筛选(临海市)之内;清除筛选后再问。"
    html = render_answer(Answer(question="q", answer=f"{generic}\n{reason}", abstained=True), "m", lambda rid: None)
    assert reason in html and generic not in html and "报告中未找到答案" in html  # the heading stays
    alone = render_answer(Answer(question="q", answer=generic, abstained=True), "m", lambda rid: None)
    assert generic in alone  # nothing else to say: the line stays
