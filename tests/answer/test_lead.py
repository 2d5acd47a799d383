"""The answer's first sentence, built in code: place, year, indicator, value, scope, in the question's language."""
import pytest

from assistant.answer.lead import evidence_line, fact_sentence, figure_sentence, missing_sentence, value_en
from assistant.facts.extract import Fact
from assistant.facts.indicators import Indicator as I
from assistant.models import ReportMeta

PINGLUO = ReportMeta(id="r1", source="a.txt", place="平罗县", year=2023)
LINHAI = ReportMeta(id="r2", source="b.txt", place="临海市", year=2020)


def fact(ind, value, text, unit="件", scope="", planned=False):
    return Fact(report_id="r1", place="平罗县", year=2023, indicator=ind, value=value, unit=unit, scope=scope,
                quote=text, start=0, end=len(text), section="", planned=planned, value_text=text)


@pytest.mark.parametrize("written, en, counted", [
    ("21.6%", "21.6%", "21.6%"), ("148件", "148", "148 (件)"), ("730余万元", "over 730万 yuan", "over 730万 yuan"),
    ("约300人", "about 300", "about 300 people"), ("100%以上", "over 100%", "over 100%"), ("1200余名", "over 1200", "over 1200 people"),
    ("57.95万件", "57.95万", "57.95万 (件)"), ("零败诉", "零败诉", "零败诉"),
])
def test_english_values_keep_the_reports_digits(written, en, counted):
    assert value_en(written) == en and value_en(written, counted=True) == counted


def test_rate_and_count_sentences_in_both_languages():
    rate = fact(I.litigation_defeat_rate, 21.6, "21.6%", unit="%")
    assert fact_sentence(rate, PINGLUO, "zh", 1) == "平罗县2023年行政诉讼败诉率为21.6%[1]。"
    assert fact_sentence(rate, PINGLUO, "en", 1) == \
        "Pingluo County (平罗县) reported a litigation defeat rate of 21.6% for 2023 [1]."
    count = fact(I.litigation_cases, 40, "40件次", scope="以市政府作为被告或被申请人")
    assert fact_sentence(count, LINHAI, "zh", 2) == "临海市2020年行政诉讼案件(以市政府作为被告或被申请人)为40件次[2]。"
    assert "40 administrative litigation cases (scope: 以市政府作为被告或被申请人) for 2020 [2]." in \
        fact_sentence(count, LINHAI, "en", 2)


def test_whole_scope_is_not_stated_and_targets_are_called_targets():
    whole = fact(I.litigation_defeat_rate, 12.7, "12.7%", unit="%", scope="全年")
    assert "(全年)" not in fact_sentence(whole, PINGLUO, "zh", 1)
    target = fact(I.litigation_defeat_rate, 8, "8%以下", unit="%", scope="一审", planned=True)
    assert fact_sentence(target, PINGLUO, "zh", 1) == "平罗县2023年报告提出的行政诉讼败诉率(一审)目标为8%以下[1]。"
    assert "sets a target" in fact_sentence(target, PINGLUO, "en", 1) and "under 8%" in fact_sentence(target, PINGLUO, "en", 1)


def test_open_vocabulary_figure_names_the_reports_term():
    assert figure_sentence("县政府常务会议开展会前学法", "24次", PINGLUO, "zh", 1) == "平罗县2023年县政府常务会议开展会前学法24次[1]。"
    assert figure_sentence("县政府常务会议开展会前学法", "24次", PINGLUO, "en", 1) == \
        "Pingluo County (平罗县) reported 24 times (县政府常务会议开展会前学法) for 2023 [1]."


def test_missing_and_evidence_lines():
    assert missing_sentence("行政复议纠错率", "reconsideration correction rate", LINHAI, "zh") == "临海市2020年的报告没有写明行政复议纠错率。"
    assert "does not state a target for" in missing_sentence("x", "reconsideration correction rate", LINHAI, "en", target=True)
    assert evidence_line("复议纠错10件", 3, "zh") == "原文[3]:“复议纠错10件”"
    assert evidence_line("复议纠错10件", 3, "en") == "Source [3]: “复议纠错10件”"
