"""The answer's lines, built in code and rendered once: place, year, indicator, value, scope, in the
question's language; each phrase fills the same slots in both languages."""
import pytest

from assistant.domain.indicators import Indicator as I
from assistant.models import Fact, ReportMeta
from assistant.render.builder import evidence_line
from assistant.render.draft import Draft, Line
from assistant.render.answer import to_answer
from assistant.render.sentences import fact_line, figure_line, missing_line, value_en
from assistant.render.slots import Cite

PINGLUO = ReportMeta(id="r1", source="a.txt", place="平罗县", year=2023)
LINHAI = ReportMeta(id="r2", source="b.txt", place="临海市", year=2020)


def fact(ind, value, text, unit="件", scope="", planned=False):
    return Fact(report_id="r1", place="平罗县", year=2023, indicator=ind, value=value, unit=unit, scope=scope,
                quote=text, start=0, end=len(text), section="", planned=planned, value_text=text)


@pytest.mark.parametrize("written, en, counted", [
    ("21.6%", "21.6%", "21.6%"), ("148件", "148", "148 items (148件)"),
    ("730余万元", "over 7.3 million yuan (730余万元)", "over 7.3 million yuan (730余万元)"),
    ("约300人", "about 300", "about 300 people (约300人)"), ("100%以上", "over 100%", "over 100%"),
    ("1200余名", "over 1200", "over 1200 people (1200余名)"),
    ("57.95万件", "579,500 (57.95万件)", "579,500 items (57.95万件)"), ("零败诉", "零败诉", "零败诉"),
    ("122.4552万元", "1.22 million yuan (122.4552万元)", "1.22 million yuan (122.4552万元)"),
    ("107万余个", "over 1.07 million (107万余个)", "over 1.07 million items (107万余个)"),
    ("21.9个百分点", "21.9 percentage points", "21.9 percentage points"), ("7.47亿元", "747 million yuan (7.47亿元)",
                                                                          "747 million yuan (7.47亿元)"),
    ("148.8万人次", "1.488 million person-times (148.8万人次)", "1.488 million person-times (148.8万人次)"),
    ("3‰", "3‰", "3‰"), ("1.5倍", "1.5 times", "1.5 times"), ("千分之3", "3‰", "3‰"),
    ("3倍多", "over 3 times", "over 3 times"), ("2倍以上", "over 2 times", "over 2 times"), ("95分", "95 points", "95 points"),
])
def test_english_values_are_the_same_value_in_english(written, en, counted):
    assert value_en(written) == en and value_en(written, counted=True) == counted


def test_rate_and_count_sentences_in_both_languages():
    rate = fact_line(fact(I.litigation_defeat_rate, 21.6, "21.6%", unit="%"), PINGLUO, 1)
    assert rate.text("zh") == "平罗县2023年行政诉讼败诉率为21.6%[1]。"
    assert rate.text("en") == "Pingluo County (平罗县) reported a litigation defeat rate of 21.6% for 2023 [1]."
    count = fact_line(fact(I.litigation_cases, 40, "40件次", scope="以市政府作为被告或被申请人"), LINHAI, 2)
    assert count.text("zh") == "临海市2020年行政诉讼案件(以市政府作为被告或被申请人)为40件次[2]。"
    assert "40 administrative litigation cases (scope: 以市政府作为被告或被申请人) for 2020 [2]." in count.text("en")
    assert rate.keys() == [1] and rate.role == "lead"


def test_whole_scope_is_not_stated_and_targets_are_called_targets():
    whole = fact_line(fact(I.litigation_defeat_rate, 12.7, "12.7%", unit="%", scope="全年"), PINGLUO, 1)
    assert "(全年)" not in whole.text("zh")
    target = fact_line(fact(I.litigation_defeat_rate, 8, "8%以下", unit="%", scope="一审", planned=True), PINGLUO, 1)
    assert target.text("zh") == "平罗县2023年报告提出的行政诉讼败诉率(一审)目标为8%以下[1]。"
    assert "sets a target" in target.text("en") and "under 8%" in target.text("en")


def test_open_vocabulary_figure_names_the_reports_term():
    line = figure_line("县政府常务会议开展会前学法", "24次", PINGLUO, 1)
    assert line.text("zh") == "平罗县2023年县政府常务会议开展会前学法24次[1]。"
    assert line.text("en") == "Pingluo County (平罗县) reported 24 times (24次; 县政府常务会议开展会前学法) for 2023 [1]."
    longxi = figure_line("办理办结各类政务服务事项", "57.95万件", ReportMeta(id="x", source="x.txt", place="陇西县", year=2025), 1)
    assert "reported 579,500 government service matters (57.95万件) for 2025 [1]." in longxi.text("en")


def test_a_figure_written_first_counts_the_words_after_it():
    # 组建43个律师团队: the teams are counted, not the enterprises named before the figure
    assert value_en("43个", counted=True, term="针对重点企业组建43个律师团队") == "43 lawyer teams (43个)"
    # a figure written last keeps the term's name
    assert value_en("57.95万件", counted=True, term="办理办结各类政务服务事项") == \
        "579,500 government service matters (57.95万件)"


def test_missing_and_evidence_lines():
    missing = missing_line([I.reconsideration_correction_rate], LINHAI)
    assert missing.text("zh") == "临海市2020年的报告没有写明行政复议纠错率。" and missing.role == "not_stated"
    assert "does not state a target for" in missing_line([I.reconsideration_correction_rate], LINHAI, True).text("en")
    assert evidence_line("复议纠错10件", 3).text("zh") == "原文[3]:“复议纠错10件”"
    assert evidence_line("复议纠错10件", 3).text("en") == "Source [3]: “复议纠错10件”"


def test_render_once_keeps_each_line_once_and_types_it():
    draft = Draft(lines=[missing_line([I.legal_aid_cases], LINHAI), missing_line([I.legal_aid_cases], LINHAI),
                         Line("evidence", "evidence", {"cite": Cite((1,)), "quote": "x"})])
    answer = to_answer(draft, "q", "en", unplaced=["老边区"])
    assert answer.answer.count("does not state legal aid cases") == 1
    assert answer.answer.startswith("Note: no report names 老边区")
    assert [line.role for line in answer.lines] == ["caveat", "not_stated", "evidence"]
    assert answer.lines[-1].keys == [1] and "lines" not in answer.model_dump()


def test_an_ordinal_reads_as_one_in_english():
    assert value_en("第90期") == "the 90th (第90期)"
    assert value_en("第2批", counted=True, term="入选第2批示范名单") == "the 2nd (第2批; 入选第2批示范名单)"
