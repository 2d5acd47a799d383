"""Follow-up shapes the fifth session's fresh sets showed (understand/followup.py): a place with its parent or
with a second place, a comparison back to the earlier figure, 换成X看看, a follow-up in the other language, a
short English question naming nothing, and lists narrowed to a year or to their earliest report."""
import pytest



@pytest.mark.parametrize("earlier, question, scope, words", [
    # a place written with its parent is one place, not a thing asked
    ("What was Pingluo's administrative litigation defeat rate in 2023?", "What about Wucheng district in Jinhua?",
     ["金华市婺城区"], ["Wucheng", "defeat rate"]),
    # two new places at once: each is asked the earlier question
    ("平罗县2023年行政诉讼败诉率是多少?", "那临海和婺城呢?", ["临海市", "金华市婺城区"], ["败诉率"]),
    # the earlier figure compared: the new place is asked the earlier question
    ("平罗县2023年行政诉讼败诉率是多少?", "临海呢,比它高还是低?", ["临海市"], ["临海市", "败诉率"]),
    ("How many legal aid cases did Pingluo handle in 2023?", "What about Linhai — more or fewer than that?",
     ["临海市"], ["Linhai", "legal aid cases"]),
    # 换成X看看 / 同样的问题,问一下X
    ("平罗县2023年行政诉讼败诉率是多少?", "换成临海看看", ["临海市"], ["临海市", "败诉率"]),
    ("平罗县2023年行政诉讼败诉率是多少?", "同样的问题,问一下婺城区", ["金华市婺城区"], ["婺城区", "败诉率"]),
    # a short English question naming nothing leans on the place asked before
    ("How many legal aid cases did Pingluo handle in 2023?", "What's the document number?", ["平罗县"],
     ["document number", "Pingluo"]),
])
def test_follow_up_shapes(follow, earlier, question, scope, words):
    q = follow(earlier, question)
    assert q is not None, "not taken as a follow-up"
    assert sorted(q.places) == sorted(scope)
    for word in words:
        assert word in q.question, (word, q.question)


def test_a_follow_up_in_the_other_language_is_answered_in_its_own(follow):
    q = follow("平罗县2023年行政诉讼败诉率是多少?", "What about Linhai?")
    assert q.places == ["临海市"] and q.lang == "zh" and q.reply_lang == "en"
    same = follow("平罗县2023年行政诉讼败诉率是多少?", "临海呢?")
    assert same.reply_lang is None


@pytest.mark.parametrize("earlier, question, expected", [
    # a list kept to one year
    ("哪些报告提到了法律顾问?", "其中哪一份是2020年的?", "2020年的报告中,哪些报告提到了法律顾问?"),
    ("Which reports mention legal advisers?", "Which of them are from 2023?", "Which reports mention legal advisers (reports on 2023)?"),
    # the earliest / latest of the reports listed, asked in the earlier question's language
    ("哪些报告提到了法律顾问?", "其中最早的是哪一份?", "哪些报告提到了法律顾问,其中最早的是哪一份?"),
    ("Which reports mention legal advisers?", "其中最新的是哪一份?", "Which reports mention legal advisers — which is the latest report?"),
])
def test_a_list_narrowed_to_a_year_or_its_earliest_report(follow, earlier, question, expected):
    assert follow(earlier, question).question == expected


def test_a_province_named_by_its_one_character(seeded):
    earlier = seeded.ask("临海市2020年行政复议收案多少件?")
    answer = seeded.ask("那宁呢?", history=[earlier])  # 宁: 宁夏, whose one report here is 平罗县's
    assert "平罗县" in answer.standalone_question and not answer.abstained


def test_a_body_named_alone_is_written_with_its_place(places, metas):
    from assistant.understand.followup import resolve
    from assistant.understand.query import analyze

    def standalone(question, catalogue):
        prev = analyze("平罗县2023年行政诉讼败诉率是多少?", places)
        return resolve(analyze(question, places), prev, places, catalogue, lambda text: analyze(text, places))

    two = {k: m.model_copy(update={"department": "司法局"}) for k, m in metas.items() if m.place in ("临海市", "平罗县")}
    assert "临海市" not in standalone("那司法局呢?", two).question  # two places have one: not this shape
    one = {k: m.model_copy(update={"department": "司法局"}) if m.place == "临海市" else m for k, m in metas.items()}
    q = standalone("那司法局呢?", one)
    assert q.places == ["临海市"] and "临海市司法局" in q.question


@pytest.mark.parametrize("earlier, question, expected, reply", [
    # a list counted, a count listed, in the follow-up's own language
    ("哪些报告提到了法律顾问?", "一共几份?", "有几份报告提到了法律顾问?", None),
    ("Which reports mention legal advisers?", "一共几份?", "How many reports mention legal advisers?", "zh"),
    ("有几份报告提到了法律顾问?", "列一下", "哪些报告提到了法律顾问?", None),
    ("临海的报告有几份?", "列一下", "临海的报告有哪些?", None),
    # 哪份是… picks among the reports listed
    ("哪些报告提到了法律顾问?", "哪份是讲2020年工作的?", "2020年的报告中,哪些报告提到了法律顾问?", None),
    # "and in %?" after a count asks its share; "on what date?" after a meeting asks its day
    ("How many legal aid cases did Pingluo handle in 2023?", "and in %?",
     "What percentage of legal aid cases did Pingluo handle in 2023?", None),
    ("平罗县那份报告是在哪次会议上作的?", "on what date?", "平罗县那份报告是哪天作的?", "en"),
    ("临海的报告是报送给谁的?", "Dated when?", "临海的报告的落款日期是哪天?", "en"),
    # 只要…那份 keeps one year of the reports listed
    ("Which reports mention legal advisers?", "只要2020年那份", "Which reports mention legal advisers (reports on 2020)?", "zh"),
])
def test_lists_counted_listed_and_figures_as_shares_or_days(follow, earlier, question, expected, reply):
    q = follow(earlier, question)
    assert q is not None and q.question == expected and q.reply_lang == reply, (q and q.question, q and q.reply_lang)


def test_places_added_to_a_list(follow):
    q = follow("临海的报告有哪些?", "what if we add Pingluo?")
    assert sorted(q.places) == ["临海市", "平罗县"] and q.reply_lang == "en"
