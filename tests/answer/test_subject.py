"""Questions about what rule-of-law reports do not cover abstain instead of quoting a near figure."""
from assistant.answer.subject import off_subject

TEXT = "2023年共有行政诉讼案件148件,败诉率为21.6%。协议履行率达98%。"


def test_off_subject_only_when_no_report_in_scope_speaks_of_it():
    assert off_subject("What was Qijiang's GDP growth rate in 2023?", [TEXT]) == "GDP"
    assert off_subject("平罗县2023年常住人口有多少?", [TEXT]) == "常住人口"
    assert off_subject("平罗县2023年GDP是多少?", [TEXT]) == "GDP" and off_subject("平罗县CPI涨了多少?", [TEXT]) == "CPI"
    assert off_subject("How many tourists visited Wucheng in 2022?", [TEXT]) == "tourists"
    assert off_subject("平罗县2023年常住人口有多少?", [TEXT + "全县常住人口30万人。"]) is None
    assert off_subject("平罗县2023年行政诉讼败诉率是多少?", [TEXT]) is None
    assert off_subject("How many NPC suggestions did Pingluo handle?", [TEXT]) is None


def test_off_subject_questions_abstain_end_to_end(seeded):
    for q in ("平罗县2023年GDP是多少?", "What was Qijiang's GDP growth rate in 2023?", "临海市2020年常住人口有多少?"):
        ans = seeded.ask(q)
        assert ans.abstained and ans.citations == []
