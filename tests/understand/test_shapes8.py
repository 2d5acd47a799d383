"""Shapes the eighth session's question sets showed, each read once where it belongs: a year said short (22年),
"which" opening a relative clause, a report "put online" / "presented to" a body, a count question that sends
cadres somewhere, an apostrophe that quotes nothing, reports counted as 报告有多少个, examples in brackets after a
kind of body, penalties / trainees / people watching as what is counted, a Party committee's meetings, and
"Out of how many" as a follow-up on the whole."""
import pytest

from assistant.domain import aspects, cues
from assistant.domain.asked import asked_units_en
from assistant.domain.glossary import expand_english
from assistant.understand.scope import report_filters


@pytest.mark.parametrize("question, years", [
    ("哪些报告讲的是22年的工作?", ["22"]), ("长春市政府22年度法治政府建设报告是哪天发的?", ["22"]),
    ("连续22年保持零败诉", []), ("近20年来", []), ("22年间", []), ("工作了12年", []), ("1.5年", []), ("22年以来", []), ("营口老边区26年2月发的那份报告", []),
])
def test_a_year_said_short(question, years):
    assert cues.SHORT_YEAR.findall(question) == years


@pytest.mark.parametrize("question, listing", [
    ("Anshan's data bureau, which also runs the approval work, put 34 services online. By what percentage?", False),
    ("The bureau, which runs the hall, cut how many days?", False),
    ("In 2023, which counties reported zero defeat?", True), ("Among these, which reports are from 2022?", True),
])
def test_which_opening_a_relative_clause_lists_nothing(question, listing):
    assert bool(cues.LIST.search(question)) is listing


@pytest.mark.parametrize("question, asked", [
    ("长春市政府22年度法治政府建设报告是哪天挂到网上的?", ["published"]),
    ("The Chongqing municipal government's report — which body was it presented to?", ["recipient"]),
    ("Who was the report submitted to?", ["recipient"]),
    ("Yinzhou, 2024: how many district-managed cadres were sent to the special training course?", []),
    ("有多少名干部被送到培训班?", []),
])
def test_what_is_asked_of_the_report(question, asked):
    assert [a.name for a in aspects.asked(question)] == asked


def test_an_apostrophe_quotes_nothing():
    assert cues.QUOTED.findall("Which reports mention Xinjiang's \"lecture on every ninth\" series?") == []
    assert cues.QUOTED.findall("哪些报告提到了“一规划两纲要”?") == ["一规划两纲要"]
    assert cues.QUOTED.findall("Which mention 'one thing'?") == ["one thing"]


@pytest.mark.parametrize("question", ["开发区的报告有多少个?", "街道的报告一共有几个?"])
def test_reports_counted_after_the_word_report(question):
    assert cues.COUNT.search(question)


def test_examples_in_brackets_widen_the_kind_of_body():
    assert report_filters("这30份报告里,有几份是政府工作部门(各类局、公安分局)自己发布的?") == (None, ["department"])
    assert report_filters("有几份是公安局的报告?")[0] is not None


@pytest.mark.parametrize("question, unit, not_unit", [
    ("After its enforcement inspections, how many administrative penalties were imposed?", "件", "次"),
    ("How many trainees did those courses reach in total, counting each attendance separately?", "人次", None),
    ("Roughly how many public servants watched administrative court hearings online?", "人次", None),
])
def test_what_an_english_question_counts(question, unit, not_unit):
    units = asked_units_en(question)
    assert unit in units and (not_unit is None or not_unit not in units), units


@pytest.mark.parametrize("question, term", [
    ("How many meetings of the department's party committee were held?", "党委会"),
    ("How many reports bring up the one plan, two outlines?", "一规划两纲要"),
    ("About how many visits did those legal-education centres serve?", "服务人群"),
    ("legal-education centres around its safety experience hall", "体验馆"),
])
def test_glossary_phrases(question, term):
    assert term in expand_english(question)


@pytest.mark.parametrize("question", ["Out of how many documents in total?", "From how many?", "Of how many cases?"])
def test_out_of_how_many_leans_on_the_figure_before(question):
    assert cues.FOLLOW_LEAD.search(question) and cues.REFER_THING.search(question) and cues.WHOLE_ASKED.search(question)


def test_bring_up_is_a_mention():
    assert cues.MENTION.search("How many of the reports bring up the one plan?")


def test_counting_the_reports_by_their_addressee_still_asks_the_addressee():
    assert [a.name for a in aspects.asked("How many of the reports are addressed directly to a provincial government?")] \
        == ["recipient"]


def test_a_bracket_with_not_excludes():
    assert cues.EXCLUDE.findall("how many sittings for the staff test (not the test for newly promoted leaders)?")
    assert not cues.EXCLUDE.findall("how many sittings (notably in 2022)?")


@pytest.mark.parametrize("question, head", [
    ("And how many were there before the cut?", []), ("how many cases were there in total", ["cases"]),
    ("how many of the lawyer teams were set up", ["lawyer", "teams"]),
])
def test_nothing_counted_after_how_many_were_there(question, head):
    from assistant.domain.asked import counted_en

    assert counted_en(question)[0] == head


@pytest.mark.parametrize("question, unit", [
    ("how many exam sittings were recorded for the law-study test?", "人次"),
    ("How many entries went into its ledger of political directives?", "件"),
])
def test_more_things_counted_in_english(question, unit):
    assert unit in asked_units_en(question)


def test_a_kind_of_department_with_examples_in_brackets_lists_departments():
    assert report_filters("这批报告里哪些是政府职能部门(局、分局)自己的报告?") == (None, ["department"])


def test_ledger_is_a_glossary_word_and_a_zone_in_a_name_is_none():
    assert "台账" in expand_english("its ledger of major political directives")
    assert not expand_english("the Urumqi high-tech zone (Xinshi district) government")  # its name, not a thing


def test_reports_of_a_place_listed():
    assert cues.WHICH_REPORTS.search("重庆的报告有哪些?") and cues.WHICH_REPORTS.search("广东的报告都有哪几份?")
    assert not cues.WHICH_REPORTS.search("重庆市2023年存在哪些不足?")


def test_bu_suan_excludes_in_its_own_sentence():
    assert cues.EXCLUDE.search("搞了多少场次?不算各级党组织专题学习那部分。")


def test_which_with_a_verb_after_a_comma_lists_nothing():
    assert not cues.LIST.search("How much did it invest to build its base, which combines education and mediation?")
    assert cues.LIST.search("In Zhejiang, which places reported zero defeat?")


def test_documents_issued_by_a_body_asks_no_issuer_when_a_figure_is_counted():
    asked = aspects.asked("When Sanya cleaned up 237 documents issued by the city government, how many were amended?")
    assert asked == [] and [a.name for a in aspects.asked("Which body issued the Sanya report?")] == ["issuer"]
    assert [a.name for a in aspects.asked("How many reports were issued by county governments?")] == ["issuer"]


@pytest.mark.parametrize("question, term", [
    ("of the cases handled, how many were administrative permits", "行政许可"),
    ("how many stayed in force", "继续有效"),
    ("how many were taken out of normative-document management altogether", "不再作为"),
])
def test_outcomes_of_a_clean_up_and_permits(question, term):
    assert term in expand_english(question)


def test_exams_held_are_times():
    assert "次" in asked_units_en("how many closed-book law exams were held for all staff?")
