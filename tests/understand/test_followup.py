"""Follow-up questions made standalone from the question before them (understand/followup.py)."""
import pytest

from assistant.understand.followup import dangling, is_followup, resolve
from assistant.understand.query import analyze


@pytest.mark.parametrize("earlier, question, scope, year, words", [
    # a new year only: the earlier question, asked of that year
    ("平罗县2023年行政诉讼败诉率是多少?", "那2022年呢?", ["平罗县"], 2022, ["败诉率", "2022"]),
    # a new place only, in both languages; its one report is of 2020, so the carried 2023 is dropped
    ("平罗县2023年行政诉讼败诉率是多少?", "临海呢?", ["临海市"], None, ["临海市", "败诉率"]),
    ("What was Pingluo's administrative litigation defeat rate in 2023?", "What about Linhai?", ["临海市"], None,
     ["Linhai", "defeat rate"]),
    # a new thing, same place and year: the earlier frame asks about it
    ("平罗县2023年行政诉讼败诉率是多少?", "它的行政复议纠错率呢?", ["平罗县"], 2023, ["平罗县2023年", "纠错率"]),
    ("平罗县2023年办理行政复议案件多少件?", "那法律援助案件呢?", ["平罗县"], 2023, ["平罗县2023年", "法律援助案件多少件"]),
    # its own question, with the place and year carried
    ("平罗县2023年行政诉讼败诉率是多少?", "行政复议纠错率是多少?", ["平罗县"], 2023, ["平罗县2023年行政复议纠错率"]),
    # 其中 / those narrow the thing counted before
    ("平罗县2023年收到行政复议申请多少件?", "其中维持了多少件?", ["平罗县"], 2023, ["平罗县2023年", "维持了多少件"]),
    ("How many administrative reconsideration cases did Pingluo receive in 2023?", "And how many of those were upheld?",
     ["平罗县"], 2023, ["of the administrative reconsideration cases", "upheld", "Pingluo"]),
    # a part of the place (市本级) in place of the whole one (全市) the earlier question counted over
    ("临海市2020年全市行政复议收案多少件?", "那市本级呢?", ["临海市"], 2020, ["市本级行政复议收案多少件"]),
    # 其中 with few words of its own: the thing counted before says what it is part of
    ("平罗县2023年集中清理了多少件规范性文件?", "其中废止了多少件?", ["平罗县"], 2023, ["规范性文件中,废止了多少件"]),
    # "this report" / 这份报告: the earlier report, named
    ("How many legal aid cases did Pingluo handle in 2023?", "When was this report published?", ["平罗县"], 2023,
     ["When was the Pingluo County 2023 report published?"]),
    ("平罗县2023年行政诉讼败诉率是多少?", "这份报告是哪天作的?", ["平罗县"], 2023, ["平罗县2023年的报告是哪天作的"]),
    # "it" stands for the place asked before, or for what it was asked about
    ("How many items were put into Linhai's filing system in 2020?", "How many times were inspections filed through it?",
     ["临海市"], 2020, ["inspections filed", "Linhai"]),
])
def test_a_follow_up_reads_on_its_own(follow, earlier, question, scope, year, words):
    q = follow(earlier, question)
    assert q is not None, "not taken as a follow-up"
    assert q.places == scope and q.year == year
    for word in words:
        assert word in q.question, (word, q.question)


@pytest.mark.parametrize("earlier, question", [
    ("平罗县2023年行政诉讼败诉率是多少?", "哪些地区报告了零败诉?"),          # a list over the corpus stands alone
    ("平罗县2023年行政诉讼败诉率是多少?", "婺城区法律援助案件多少件?"),       # names its own place
    ("What was Pingluo's defeat rate in 2023?", "Which reports give a legal aid figure?"),
])
def test_a_question_that_stands_alone_is_left_alone(follow, earlier, question):
    assert follow(earlier, question) is None


@pytest.mark.parametrize("earlier, question, expected", [
    # a list or count, then its reports of one level
    ("哪些报告提到了法律顾问?", "其中哪些是县级的?", "哪些县级报告提到了法律顾问?"),
    ("有几份报告提到了法律明白人?", "其中有几份是区的?", "有几份区级报告提到了法律明白人?"),
    ("Which reports mention legal advisers?", "How many of them are counties?", "How many county reports mention legal advisers?"),
    # a count, then the reports counted
    ("How many reports mention legal advisers?", "Which ones?", "Which reports mention legal advisers?"),
    ("有几份报告提到了法律明白人?", "分别是哪几份?", "哪些报告提到了法律明白人?"),
])
def test_a_list_follow_up_narrows_or_names_the_reports(follow, earlier, question, expected):
    assert follow(earlier, question).question == expected


def test_no_earlier_question_leaves_it_alone(places, metas):
    assert resolve(analyze("那2022年呢?", places), None, places, metas, lambda t: analyze(t, places)) is None


def test_a_department_scope_is_carried_as_structure(places, metas):
    prev = analyze("临海市司法局2020年法律援助案件多少件?", places).model_copy(update={"report_ids": ["l"]})
    q = resolve(analyze("那人民调解呢?", places), prev, places, metas, lambda t: analyze(t, places))
    assert q.report_ids == ["l"] and q.places == ["临海市"]


@pytest.mark.parametrize("question, expected", [
    ("它的行政复议纠错率呢?", True), ("其中维持了多少件?", True), ("What was its defeat rate?", True),
    ("平罗县它的败诉率?", False), ("行政复议纠错率是多少?", False),
])
def test_dangling_pronouns(places, question, expected):
    assert dangling(analyze(question, places)) is expected


def test_follow_up_cues(places):
    assert is_followup(analyze("那2022年呢?", places), places)
    assert is_followup(analyze("And how many were corrected?", places), places)
    assert not is_followup(analyze("哪些报告提到了法律明白人?", places), places)


def test_it_in_a_question_naming_its_own_place_stands_alone(follow):
    assert follow("What was Pingluo's defeat rate in 2023?", "How many cases did Linhai say it received in 2020?") is None


def test_a_body_named_after_its_place_goes_with_it_in_english():
    from assistant.models import ReportMeta
    from assistant.places import PlaceIndex

    places = PlaceIndex(["舟山市", "嘉兴市"])
    metas = {p: ReportMeta(id=p, source=f"{p}.txt", place=p, year=2024, level="department") for p in ("舟山市", "嘉兴市")}
    prev = analyze("How many collective law-study sessions did the Zhoushan transport bureau hold in 2024?", places)
    q = resolve(analyze("What about the Jiaxing emergency management bureau?", places), prev, places, metas,
                lambda text: analyze(text, places))
    assert q.question == "How many collective law-study sessions did the Jiaxing emergency management bureau hold in 2024?"
    assert q.places == ["嘉兴市"]
