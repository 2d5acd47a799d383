"""Year-over-year changes: stated next to the figure, only a direction, or nothing."""
from assistant.reading.trend import change_after, direction_clause
from assistant.render.sentences import change_slot

S = "受理矛盾纠纷22672件,同比上升127.04%,调解成功率99.35%"


def test_change_next_to_its_figure():
    ch = change_after(S, S.index("22672件") + len("22672件"))
    assert ch.text == "同比上升127.04%" and ch.up and ch.amount == "127.04%"
    assert "up 127.04% year on year" in change_slot(ch).render("en")
    assert change_slot(ch).render("zh") == "报告写明同比上升127.04%。"


def test_a_change_in_points_or_a_multiple_is_said_in_english():
    for s, en in (("结案率95%,同比提高2.1个百分点", "up 2.1 percentage points year on year"),
                  ("受理案件300件,同比增长1.5倍", "up 1.5 times year on year"),
                  ("发案率0.8‰,同比下降0.2‰", "down 0.2‰ year on year")):
        ch = change_after(s, s.index(","))
        assert en in change_slot(ch).render("en") and "个百分点 year" not in change_slot(ch).render("en")


def test_a_change_after_another_figure_is_not_this_figures():
    s = "办结72件,纠错率3.64%,同比下降2个百分点"
    assert change_after(s, s.index("72件") + 3) is None


def test_only_a_direction_or_nothing():
    s = "行政诉讼案件148件,较上年下降"
    ch = change_after(s, s.index("148件") + 4)
    assert ch is not None and not ch.up and ch.amount is None
    assert "只写明了变化方向" in change_slot(ch).render("zh") and "only the direction" in change_slot(ch).render("en")
    assert change_slot(None).render("zh") == "报告没有写明与上年相比的变化。"


def test_direction_without_a_figure():
    text = "化解率达82%,行政诉讼败诉率逐年下降,以区政府为被告的一审行政诉讼案件0败诉。"
    s, e = direction_clause(text, ["败诉率"])
    assert text[s:e] == "行政诉讼败诉率逐年下降"
    assert direction_clause("败诉率为21.6%,较上年下降", ["败诉率"]) is None  # a figure is given


def test_a_change_asked_is_said_in_the_figures_sentence():
    """为22672件,同比上升127.04%: the change asked and stated answers in the first sentence, in both languages."""
    from assistant.domain.indicators import Indicator
    from assistant.models import Fact, ReportMeta
    from assistant.render.sentences import fact_line

    ch = change_after("受理矛盾纠纷22672件,同比上升127.04%", len("受理矛盾纠纷22672件"))
    meta = ReportMeta(id="r", source="r.txt", place="綦江区", year=2023)
    fact = Fact(report_id="r", place="綦江区", year=2023, indicator=Indicator.mediation_disputes, value=22672.0, unit="件",
                quote="受理矛盾纠纷22672件,同比上升127.04%", start=0, end=21, section="", value_text="22672件")
    line = fact_line(fact, meta, 1, change_slot(ch))
    zh, en = line.text("zh"), line.text("en")
    assert "22672件,同比上升127.04%[1]。" in zh and "up 127.04% year on year" in en.split(". ")[0], (zh, en)
