"""Questions naming only places that are not in the corpus abstain, naming them; never another place's data."""
from __future__ import annotations

import pytest

QUESTIONS = {
    "比较海淀和荣昌的败诉率": ["海淀", "荣昌"],
    "荣昌的败诉率是多少?": ["荣昌"],
    "Haidian defeat rate?": ["Haidian"],
    "What is Rongchang's litigation defeat rate?": ["Rongchang"],
    "海淀区2023年行政诉讼败诉率是多少?": ["海淀区"],
}


@pytest.mark.parametrize("question,names", QUESTIONS.items())
def test_places_outside_the_corpus_abstain(seeded, question, names):
    answer = seeded.ask(question, generate=False)
    assert answer.abstained and not answer.citations, answer.answer
    assert "21.6" not in answer.answer and "12.7" not in answer.answer
    for name in names:
        assert name in answer.answer


def test_a_list_with_a_condition_is_over_every_report(seeded):
    answer = seeded.ask("行政诉讼败诉率超过10%的地区有哪些?", generate=False)
    assert not answer.abstained and answer.route == "list", answer.answer
    assert "的地区" not in (answer.places or []) and "语料中没有" not in answer.answer
    assert {"平罗县", "金华市婺城区"} <= set(answer.places or [])
    assert answer.coverage and answer.coverage.checked == 5


def test_corpus_places_in_english_and_short_names_still_answer(seeded):
    assert "21.6%" in seeded.ask("Pingluo defeat rate?", generate=False).answer
    assert "21.6%" in seeded.ask("平罗的败诉率是多少?", generate=False).answer


def test_a_place_the_filter_leaves_out_is_named_not_answered_for_the_filter(seeded):
    """Filter 临海市, question about 平罗县: answering with 临海's figure would answer another question."""
    answer = seeded.ask("平罗县2023年行政诉讼败诉率是多少?", place="临海市", generate=False)
    assert answer.abstained and not answer.citations
    assert "平罗县" in answer.answer and "临海市" in answer.answer and "清除筛选" in answer.answer
    english = seeded.ask("What was Pingluo's litigation loss rate in 2023?", place="临海市", generate=False)
    assert english.abstained and "clear the filter" in english.answer
    # the named place inside the filter, or no place named: answered within the filter
    both = seeded.ask("平罗县2023年行政诉讼败诉率是多少?", place=["临海市", "平罗县"], generate=False)
    assert "21.6%" in both.answer and not both.abstained
    assert "80" in seeded.ask("行政复议收案多少?", place="临海市", generate=False).answer
