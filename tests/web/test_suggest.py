"""Suggested next questions: built from the answer's reports and the figures stored for them."""
from __future__ import annotations

from assistant import Answer, Citation
from assistant.domain.indicators import Indicator
from assistant.web.suggest import render, suggestions


class _Fact:
    def __init__(self, indicator, planned=False):
        self.indicator, self.planned = indicator, planned


def _cit(key, place, year=2023):
    return Citation(key=key, report_id=place, source="a.txt", title=None, place=place, year=year, section="",
                    quote="q", start=0, end=1)


FACTS = {"平罗县": [_Fact(Indicator.litigation_defeat_rate)] * 3 + [_Fact(Indicator.legal_aid_cases)] * 2,
         "临海市": [_Fact(Indicator.legal_aid_cases)]}


def facts_of(place, year):
    return FACTS[place]


def test_another_figure_of_the_cited_report_and_a_comparison():
    asked = f"平罗县2023年{Indicator.litigation_defeat_rate.label_zh}是多少?"
    answer = Answer(question=asked, answer="…[1][2]", citations=[_cit(1, "平罗县"), _cit(2, "临海市", 2020)])
    got = suggestions(answer, facts_of)
    assert got == [f"平罗县2023年{Indicator.legal_aid_cases.label_zh}是多少?",  # not the figure already asked
                   f"临海市2020年{Indicator.legal_aid_cases.label_zh}是多少?", "比较平罗县和临海市"]
    english = suggestions(answer.model_copy(update={"question": "Pingluo?"}), facts_of, "en")
    assert english[0] == f"What was 平罗县's {Indicator.litigation_defeat_rate.name_en} in 2023?"
    assert english[-1] == "compare 平罗县 and 临海市"
    html = render(["<b>?"], "en")
    assert "Ask next" in html and "&lt;b&gt;?" in html and "<b>" not in html


def test_no_suggestion_without_sources_or_known_facts():
    assert suggestions(Answer(question="q", answer="没有。", abstained=True), facts_of) == []

    def broken(place, year):
        raise ValueError("unknown place")

    assert suggestions(Answer(question="q", answer="[1]", citations=[_cit(1, "火星县")]), broken) == []
    assert render([]) == ""
