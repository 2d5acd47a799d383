"""Shapes the sixth session's question sets showed, each read once where it belongs: two figures joined by 、,
a count of problems that is no contact question, issuers asked by 名义, a report "that went online" in a year, a
pair of nouns counted in one unit, a whole named before "how many", verbs as alternatives before a book title,
a follow-up naming a new place, year and thing at once, and the figure a change started from."""
import pytest

from assistant.domain import aspects, cues
from assistant.domain.asked import asked_units_en
from assistant.ingest.cleaning import clean
from assistant.ingest.signals import stamped_org
from assistant.reading.figures import Figure
from assistant.reading.figures_en import Cand, changed_from
from assistant.understand.parts import parts_en, things_zh
from assistant.understand.query import analyze
from assistant.understand.scope import alternatives


def test_two_figures_joined_by_a_pause_mark_are_two_parts():
    parts = things_zh("鞍山市2023年组建的律师团队走访了多少次企业、帮企业解决了多少个问题?")
    assert len(parts) == 2 and "走访" in parts[0].text and "解决" in parts[1].text
    assert len(things_zh("法律援助、人民调解案件一共多少件?")) == 1  # one figure of two things


@pytest.mark.parametrize("question, asked", [
    ("整改方案里一共有多少个问题、多少项整改措施?", []),  # a count of problems, not "whom to ask"
    ("如有疑问联系谁?", ["contact"]),
    ("赵县2022年度法治政府建设情况报告是以哪个机关的名义发的?", ["issuer"]),
    ("以谁的名义发的?", ["issuer"]),
    ("When was the Shizhong District (Jinan) 2024 report published, and by which body?", ["issuer", "published"]),
    ("At which people's congress standing committee session was Sanya's 2021 report delivered?", ["session"]),
    ("When was the 2025 rule-of-law report of the Tibet Autonomous Region's Tibetan Language Committee Office "
     "(Compilation and Translation Bureau) published?", ["published"]),
])
def test_what_a_question_asks_about_the_report(question, asked):
    assert [a.name for a in aspects.asked(question)] == asked


def test_a_year_the_report_went_online_in_is_not_the_year_it_covers(places):
    q = analyze("The Pingluo report that went online in September 2024 — which year's work does it cover?", places)
    assert q.year is None


def test_each_of_two_things_named_is_a_part():
    parts = things_zh("增福镇2022年实施的行政许可里,林业采伐许可和建设规划许可分别有多少件?")
    assert [("林业采伐许可" in p.text, "建设规划许可" in p.text) for p in parts] == [(True, False), (False, True)]
    assert not cues.LIST.search("林业采伐许可和建设规划许可分别有多少件?") and cues.LIST.search("分别是哪几份?")


def test_a_number_of_years_is_asked_by_duo_shao_nian():
    from assistant.domain.asked import asked_units
    from assistant.reading.figures import figure_clauses

    assert asked_units("法律素质测试已经连续搞了多少年?") == {"年"}
    body = "连续17年开展全县法律素质测试。2023年共办理案件12件。"
    assert [q.text for _, q, _ in figure_clauses(body, {"年"})] == ["17年"]  # not 2023年
    assert "17年" not in [q.text for _, q, _ in figure_clauses(body, None)]  # only when asked


def test_reports_a_department_issued_are_counted_by_level():
    from assistant.understand.scope import report_filters

    assert report_filters("这批报告里,由政府部门(厅、局、办)而不是地方政府发出的有几份?")[1] == ["department"]


def test_two_nouns_counted_in_one_unit_are_one_part():
    assert len(parts_en("How many systems and mechanisms did Sanya newly issue or revise in 2021?")) == 1
    assert len(parts_en("How many sessions and person-times did Pingluo hold in 2023?")) == 2


def test_a_whole_named_before_how_many_says_what_is_counted():
    assert "项" in asked_units_en("Of the systems and mechanisms, how many were firsts in the province?")


def test_verbs_joined_by_or_before_a_book_title_are_no_alternatives(places):
    assert alternatives(analyze("哪几份报告里提到了学习或培训《民法典》?", places), ["民法典"]) == []


def test_a_page_stamp_keeps_its_publisher():
    raw = "济南市市中区2024年度报告\n3701030006/2025-6637169\n济南市市中区人民政府\n2025-02-28\n济南市市中区2024年度报告\n" \
          "2024年,市中区坚持以习近平新时代中国特色社会主义思想为指导,全面推进法治政府建设。"
    assert stamped_org(raw) == "济南市市中区人民政府"
    assert "济南市市中区人民政府" in clean(raw).text.split("\n")[:3]


def test_the_figure_a_change_started_from():
    clause = "把62项考核指标精简优化为13项"
    to, start = Figure("r", 0, len(clause), "13项", 0.0), Figure("r", 0, len(clause), "62项", 0.0)
    cands = [Cand(to, [True], clause), Cand(start, [True], clause)]
    assert changed_from(cands, [0, 1]) == [1, 0]
    assert cues.BEFORE_CHANGE.search("And how many indicators were there before the cut?")
    assert cues.BEFORE_CHANGE.search("精简前有多少项?") and not cues.BEFORE_CHANGE.search("精简到了多少项?")


@pytest.mark.parametrize("earlier, question, scope, year, words, absent", [
    # a new place, year and thing at once: all three replace the earlier ones
    ("临海市2020年办理法律援助案件多少件?", "平罗县2023年的人民调解呢?", ["平罗县"], 2023, ["平罗县", "人民调解"], ["临海"]),
    # a Chinese thing is not lent into an English follow-up; the sentence cited before holds "those"
    ("平罗县2023年参加专题考试多少场次?", "How many people sat those exams in total?", ["平罗县"], 2023, ["those exams"],
     ["专题考试"]),
    # a short Chinese follow-up naming nothing it counts leans on the thing asked before
    ("平罗县2023年举办了多少场法治讲座?", "一共多少人次参加?", ["平罗县"], 2023, ["法治讲座", "人次参加"], []),
    # a unit alone: the same thing, counted in it
    ("平罗县2023年开展了多少场次法治培训?", "人次呢?", ["平罗县"], 2023, ["多少人次法治培训"], ["场次"]),
    # the other language: its own words with the earlier scope, never the two languages spliced
    ("How many officers had Pingluo brought into its filing system in 2023?", "报备了多少次?", ["平罗县"], 2023, ["报备了多少次"],
     ["officers"]),
])
def test_follow_up_shapes(follow, earlier, question, scope, year, words, absent):
    q = follow(earlier, question)
    assert q.places == scope and q.year == year
    assert all(w in q.question for w in words) and not any(w in q.question for w in absent), q.question


@pytest.mark.parametrize("earlier, question, leans", [
    ("平罗县2023年举办了多少场法治讲座?", "参加了多少人次?", True),  # names nothing it counts
    ("平罗县2023年开展了多少场次法治培训?", "人次呢?", True),
    ("平罗县2023年收到行政复议申请多少件?", "其中维持了多少件?", True),
    ("How many lectures did Pingluo hold in 2023?", "And the amount involved?", True),
    ("平罗县2023年收到行政复议申请多少件?", "那法律援助案件办理了多少件?", False),  # names its own thing
    ("平罗县2023年立项督办了多少项任务?", "How many times did that county share its experience at ministry meetings?", False),
    ("平罗县2023年行政诉讼败诉率是多少?", "那2022年呢?", False),  # another report: nothing cited before is in it
])
def test_a_follow_up_leans_on_the_sentence_cited_before(follow, earlier, question, leans):
    assert follow(earlier, question).leans is leans


def test_the_figure_of_the_unit_asked_in_the_sentence_cited_before():
    from assistant.reading.figures import find
    from assistant.settings import Settings
    from assistant.understand.parts import Thing

    body = "依托逢九必讲等契机举办专场讲座15场8600余人次。培训领导干部860余人次。"
    beside = lambda rid, at: at < body.index("。")  # noqa: E731  (the first sentence was cited before)
    found = find([Thing(text="参加了多少人次", units=["人次"])], ["r"], lambda rid: body, set(), Settings().answer, beside)
    assert [f.value for f in found] == ["8600余人次"]


def test_the_document_number_of_a_document_the_question_names():
    from assistant.domain.aspects import ASPECTS
    from assistant.handlers.about_report import stated
    from assistant.models import ReportMeta

    doc = next(a for a in ASPECTS if a.name == "doc_number")
    meta = ReportMeta(id="r", source="r.txt", place="济南市市中区", year=2024)
    text = "印发《实施方案》(市中法委发〔2024〕3号),提升能力。印发《依法治区委员会组成人员调整名单》(市中法委发〔2024〕4号),确保分工明确。"
    assert stated(doc, meta, text) is None  # nothing named: both are cited documents' numbers, not the report's own
    own = stated(doc, meta, "市中法委发〔2024〕9号\n" + text)
    assert own.value == "市中法委发〔2024〕9号" and own.own
    assert stated(doc, meta, text, {"组成", "成人", "人员", "调整", "名单"})[0] == "市中法委发〔2024〕4号"
