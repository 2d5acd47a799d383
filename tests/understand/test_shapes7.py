"""Shapes the seventh session's question sets showed, each read once where it belongs: a case sum that is no
mediation sum, 加起来 as a question word, the reports named as where to look (这批报告里), reports 交 by a level,
the verb asked standing by its figure, people's sittings as person-times, a figure the question states itself,
市本级 asked in English, a word inside a longer glossary phrase, a follow-up's running total / rate / "before
that" / "than that", and a report "delivered" at a session."""
import pytest

from assistant.domain import aspects, cues
from assistant.domain.asked import asked_units_en
from assistant.domain.glossary import expand_english
from assistant.domain.indicators import Indicator, indicator_for_terms as indicators_named
from assistant.reading.figures import content, find
from assistant.settings import Settings
from assistant.understand.parts import things_zh
from assistant.understand.scope import report_filters


def test_a_case_sum_is_no_mediation_sum():
    assert Indicator.mediation_amount not in indicators_named("宣城公安2021年侵害企业权益的案子涉案金额加起来多少?")
    assert Indicator.mediation_amount in indicators_named("临海市2020年人民调解涉及金额是多少?")


def test_jia_qi_lai_only_asks():
    assert "加起来" not in content("涉案金额加起来多少", set())


@pytest.mark.parametrize("question, ref", [
    ("这批报告里哪几份是贵州的?", "这批报告里"), ("这些报告中有几份提到了法律顾问?", "这些报告中"),
    ("语料库中哪几份是县级的?", "语料库中"), ("Which reports in this collection are from Xinjiang?", "in this collection"),
])
def test_the_reports_named_as_where_to_look_are_no_topic(question, ref):
    assert cues.CORPUS_REF.search(question).group() == ref


def test_reports_handed_in_by_a_level():
    assert report_filters("哪几份是开发区交的法治政府建设报告?")[1] == ["development_zone"]
    assert report_filters("有几份是街道提交的报告?")[1] == ["subdistrict"]


def test_the_verb_asked_stands_by_its_figure():
    body = "在《规划》确定的133项任务中,除日常推进的51项常规工作外,其余67项已完成(其中48项取得重大进展)。"
    found = find(things_zh("规划中期评估时,已经完成了多少项任务?"), ["r"], lambda rid: body, set(), Settings().answer)
    assert found[0].value == "67项"  # not the 133项 they are part of


@pytest.mark.parametrize("question", [
    "How many newly promoted leading cadres were tested on the law?",
    "How many times did agency staff take law exams?",
])
def test_people_sitting_exams_are_counted_in_person_times(question):
    assert "人次" in asked_units_en(question)


def test_how_many_times_without_people_is_no_person_times():
    assert "人次" not in asked_units_en("How many times did the county government study the law at executive meetings?")


@pytest.mark.parametrize("question, terms, not_terms", [
    ("merged into the business licence", ["营业执照", "整合"], ["企业", "许可"]),  # not "business" and "licence" alone
    ("How many certificates in one?", ["证合一"], ["持证率"]),
    ("the city-level transport windows", ["市本级", "窗口"], []),
    ("government employees who took the legal-knowledge test", ["机关干部", "学法考试"], []),
])
def test_a_word_inside_a_longer_phrase_is_read_as_the_phrase(question, terms, not_terms):
    got = expand_english(question)
    assert all(t in got for t in terms) and not any(t in got for t in not_terms), got


@pytest.mark.parametrize("question, given, answer", [
    ("How many one-stop service items did Guilin's 51 city-level departments put on their lists in 2018?", {51}, "1214个"),
    ("In 2024 Yunnan ran about 12,000 training courses for Party members. How many trainees did they reach?", {12000},
     "148.8万人次"),
    ("Yanji compiled 2,758 items for its list of powers in 2020. How many of those were public services?", {2758}, "1562项"),
    ("The police windows at seven centres: how many cases did they take in 2021?", {7}, "12件"),
])
def test_a_figure_the_question_states_is_not_its_answer(question, given, answer):
    from assistant.domain.quantity import given_values, value_of

    assert given_values(question) == given and value_of(answer) not in given_values(question)
    assert all(value_of(f"{g}个") in given_values(question) for g in given)  # 1.2万期 is the 12,000 said


@pytest.mark.parametrize("earlier, question, words, absent", [
    ("How many new service scenarios did Pingluo launch in 2023?", "And the cumulative total?", ["cumulative"], ["new"]),
    ("平罗县2023年新上线了多少个服务场景?", "累计呢?", ["累计"], []),
    ("平罗县2023年有多少名在编人员参加了学法考试?", "优秀率呢?", ["优秀率是多少"], ["多少名"]),
    ("How many cases did Pingluo's windows handle citywide in 2023?", "And at the municipal level alone?",
     ["cases", "municipal level alone"], ["citywide"]),
])
def test_follow_up_figure_modifiers(follow, earlier, question, words, absent):
    q = follow(earlier, question)
    assert q.places == ["平罗县"] and q.year == 2023
    assert all(w in q.question for w in words) and not any(w in q.question for w in absent), q.question


@pytest.mark.parametrize("earlier, question", [
    ("平罗县2023年常务会议学法几次?", "Did the Party committee's study group study law more often than that? How many times?"),
    ("平罗县2023年参加了多少期专题法治讲座?", "How many attendances did that add up to?"),
    ("平罗县2023年营业执照实现了几证合一?", "And before that?"),
])
def test_a_follow_up_pointing_at_the_figure_before_leans_on_it(follow, earlier, question):
    q = follow(earlier, question)
    assert q is not None and q.leans and q.places == ["平罗县"]


def test_and_before_that_asks_where_a_change_started():
    assert cues.BEFORE_CHANGE.search("And before that?") and not cues.BEFORE_CHANGE.search("What did it do before that meeting?")
    assert cues.CHANGE_TO.search("在“35证合一”的基础上实现“")


def test_a_report_delivered_at_a_session():
    assert [a.name for a in aspects.asked("When was this report delivered?")] == ["session"]


def test_an_english_mention_list_looks_for_the_rarest_thing_named():
    from assistant.places import PlaceIndex
    from assistant.understand.query import analyze
    from assistant.understand.scope import mention_groups_en

    bodies = ["组织干部旁听庭审3次,机关干部参加学法考试。", "机关干部集中学法。", "律师团队走访企业。", "法律顾问参与决策。"]
    ask = lambda text: mention_groups_en(analyze(text, PlaceIndex([])), bodies)  # noqa: E731
    assert ask("Which reports mention government officials or staff sitting in on court hearings?") == [["旁听庭审"], ["旁听"]]
    assert ask("Which reports talk about lawyers, e.g. lawyer teams or law firms?") == [["律师"]]  # examples widen
    assert ask("Which reports mention legal advisers (e.g. for villages)?") == [["法律顾问"]]


@pytest.mark.parametrize("question, parts", [
    ("How many inspection and enforcement officers had Jilin City brought into the system?", 1),  # 行政检查执法人员
    ("How many legal aid and mediation cases did Wucheng handle?", 2),
])
def test_a_singular_count_noun_before_and_qualifies_the_noun_after(question, parts):
    from assistant.understand.parts import parts_en

    assert len(parts_en(question)) == parts


def test_how_many_were_counts_what_the_question_gave():
    assert asked_units_en("At city level, 8 licensing items were cancelled. How many were taken over from higher levels?") \
        == {"项", "个", "件"}  # not the cities of "at city level"


def test_a_whole_named_in_a_leading_clause_is_no_indicator_asked():
    from assistant.understand.parts import partitive, without_whole

    q = "When Sanya went through its 237 municipal normative documents in 2021, how many were ordered to be revised?"
    assert partitive(q) and "normative" not in without_whole(q)
    assert "normative" not in without_whole("How many of Sanya's normative documents were repealed?")


@pytest.mark.parametrize("earlier, question, standalone", [
    ("平罗县2023年的报告是在什么会上作的?", "哪天?", "平罗县2023年的报告是哪天作的?"),
    ("平罗县那份2023年法治政府建设报告是哪天挂出来的?", "临海呢?", "临海市的报告是哪天挂出来的?"),
])
def test_a_follow_up_about_a_report_itself(follow, earlier, question, standalone):
    assert follow(earlier, question).question == standalone


def test_a_part_of_the_place_reads_on_past_the_semicolon(follow):
    q = follow("平罗县2023年全市交通窗口办件量是多少?", "市本级呢?")
    assert q.leans and q.leans_across and "市本级" in q.question
    assert not follow("平罗县2023年收到行政复议申请多少件?", "其中维持了多少件?").leans_across


def test_what_was_it_before_that():
    assert cues.BEFORE_CHANGE.search("What was Guilin City before that in 2018?")


def test_setting_aside_excludes():
    from assistant.understand.query import strip_exclusions

    kept = strip_exclusions("Setting aside the routine ones and those already finished, how many tasks were still worked on?")
    assert "finished" not in kept and "still worked on" in kept


def test_which_bureau_wrote_it_asks_the_issuer():
    assert [a.name for a in aspects.asked("which bureau wrote that report?")] == ["issuer"]
    assert [a.name for a in aspects.asked("这报告啥时候发的")] == ["published"]  # 啥时候 is 什么时候


def test_a_page_source_line_is_kept_and_read_when_no_issuer_is_named():
    from assistant.handlers.about_report import _BY_NAME, stated
    from assistant.ingest.cleaning import clean
    from assistant.models import ReportMeta

    text = clean("关于2025年法治政府建设情况的报告\n来源:区司法局\n发布时间:2026-02-26\n2025年,我区坚持依法行政。").text
    meta = ReportMeta(id="r", source="r.txt", place="营口市老边区", year=2025)
    assert stated(_BY_NAME["issuer"], meta, text) is None
    assert stated(_BY_NAME["source"], meta, text).value == "区司法局"


def test_things_then_fen_bie_then_figures_pair_by_position():
    body = "审批环节、审批材料、审批时限分别压缩14.39%、24.65%、69.9%。"
    found = find(things_zh("平罗县2023年审批材料压缩了百分之多少?"), ["r"], lambda rid: body, {"平罗县"}, Settings().answer)
    assert found[0].value == "24.65%"
