"""Figure lookups from the fact table: the answer first, every part of the question, targets apart,
not-stated parts with the related figures cited."""
from assistant.checks.citations import check_answer


def _ok(a, ans):
    assert check_answer(ans, {c.report_id: a.text(c.report_id) for c in ans.citations}) == []


def test_answer_first_in_the_questions_language(seeded):
    zh = seeded.ask("平罗县2023年行政诉讼败诉率是多少?")
    assert zh.answer.split("\n")[0] == "平罗县2023年行政诉讼败诉率为21.6%[1]。"
    assert zh.answer.split("\n")[1].startswith("原文[1]:“") and len(zh.citations) == 1
    en = seeded.ask("How many administrative reconsideration applications did Linhai receive in 2020?")
    assert en.answer.split("\n")[0] == "Linhai City (临海市司法局) reported 80 reconsideration applications received for 2020 [1]."
    assert en.citations[0].quote == "2020年,接收行政复议申请80件"  # the clause, not the long sentence
    _ok(seeded, zh), _ok(seeded, en)


def test_every_part_of_a_multi_part_question(seeded):
    ans = seeded.ask("平罗县2023年行政诉讼案件有多少件?败诉率是多少?")
    first, second = ans.answer.split("\n")[:2]
    assert "148件" in first and "21.6%" in second and len(ans.citations) == 1  # one passage, cited once
    both = seeded.ask("How many legal aid and legal help cases did Wucheng handle in 2022?")
    assert "1536 legal aid cases" in both.answer and "1541 legal help cases" in both.answer
    _ok(seeded, ans)


def test_a_part_not_stated_is_said_so(seeded):
    ans = seeded.ask("临海市2020年接收了多少件行政复议申请?行政诉讼败诉率是多少?")
    lines = ans.answer.split("\n")
    assert "80件" in lines[0] and lines[1] == "临海市司法局2020年的报告没有写明行政诉讼败诉率。"
    assert not ans.abstained


def test_targets_and_results_kept_apart(seeded):
    target = seeded.ask("婺城区行政诉讼败诉率的目标是多少?")
    assert "目标为8%以下" in target.answer.split("\n")[0] and "12.7" not in target.answer
    result = seeded.ask("婺城区2022年行政诉讼败诉率是多少?")
    assert "12.7%" in result.answer.split("\n")[0] and "8%" not in result.answer.split("\n")[0]
    none = seeded.ask("临海市行政复议纠错率的目标是多少?")
    assert none.abstained and "没有写明行政复议纠错率的目标" in none.answer


def test_change_stated_or_not(seeded):
    stated = seeded.ask("綦江区2023年受理矛盾纠纷多少件?同比变化多少?")
    assert "22672件" in stated.answer and "同比上升127.04%" in stated.answer.split("\n")[0] and not stated.abstained
    missing = seeded.ask("平罗县2023年行政诉讼案件比上年增加了多少?")
    assert missing.abstained and "没有写明与上年相比的变化" in missing.answer and "148件" in missing.answer


def test_scope_words_of_the_question_must_be_in_the_facts_sentence(seeded):
    """涉企 disputes are not answered with all disputes: the county-wide 22672 is no answer."""
    ans = seeded.ask("How many enterprise-related disputes did Qijiang resolve through commercial and financial mediation?")
    assert "reported 22672" not in ans.answer  # the fact table's county-wide figure is not the answer


def test_a_rate_with_only_a_direction_says_so_and_cites_it(seeded):
    ans = seeded.ask("綦江区2023年行政诉讼败诉率是多少?")
    assert ans.abstained and ans.answer.split("\n")[0] == "重庆市綦江区司法局2023年的报告没有给出行政诉讼败诉率的具体数字,只写明了变化方向[1]。"
    assert ans.citations[0].quote == "行政诉讼败诉率逐年下降"
    en = seeded.ask("What was Qijiang's administrative litigation defeat rate in 2023?")
    assert en.abstained and "only its direction [1]" in en.answer


def test_a_part_no_indicator_names_is_read_from_its_clause(seeded):
    # 行政诉讼案件 is in the fact table, 法治讲座 is not: both parts are answered, each cited
    ans = seeded.ask("平罗县2023年行政诉讼案件多少件?法治讲座搞了多少场次?")
    assert "148件" in ans.answer and "134场次" in ans.answer and not ans.abstained
    assert any("148件" in c.quote for c in ans.citations) and any("134场次" in c.quote for c in ans.citations)
