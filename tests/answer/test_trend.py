"""Year-over-year changes: stated next to the figure, only a direction, or nothing."""
from assistant.answer.trend import asks_change, change_after, phrase

S = "受理矛盾纠纷22672件,同比上升127.04%,调解成功率99.35%"


def test_questions_that_ask_a_change():
    assert asks_change("綦江区2023年受理矛盾纠纷同比变化多少?") and asks_change("比上年增加了多少")
    assert asks_change("How did the number change from the previous year?")
    assert not asks_change("平罗县2023年行政诉讼败诉率是多少?")


def test_change_next_to_its_figure():
    ch = change_after(S, S.index("22672件") + len("22672件"))
    assert ch.text == "同比上升127.04%" and ch.up and ch.amount == "127.04%"
    assert "up 127.04% year on year" in phrase(ch, "en") and phrase(ch, "zh") == "报告写明同比上升127.04%。"


def test_a_change_after_another_figure_is_not_this_figures():
    s = "办结72件,纠错率3.64%,同比下降2个百分点"
    assert change_after(s, s.index("72件") + 3) is None


def test_only_a_direction_or_nothing():
    s = "行政诉讼案件148件,较上年下降"
    ch = change_after(s, s.index("148件") + 4)
    assert ch is not None and not ch.up and ch.amount is None
    assert "只写明了变化方向" in phrase(ch, "zh") and "only the direction" in phrase(ch, "en")
    assert phrase(None, "zh") == "报告没有写明与上年相比的变化。"


def test_direction_without_a_figure():
    from assistant.answer.trend import direction_clause

    text = "化解率达82%,行政诉讼败诉率逐年下降,以区政府为被告的一审行政诉讼案件0败诉。"
    s, e = direction_clause(text, ["败诉率"])
    assert text[s:e] == "行政诉讼败诉率逐年下降"
    assert direction_clause("败诉率为21.6%,较上年下降", ["败诉率"]) is None  # a figure is given
