"""Follow-up shapes the ninth session's sets showed (understand/followup.py, narrowed.py): the answer before asked
again in the other language, the figure before set beside another place's, a list kept to some of its places or
widened by a level, a level narrowing a count of one kind of body, a short year with 那份, a whole after a part."""
import pytest


@pytest.mark.parametrize("question, reply", [("用中文再说一遍?", "zh"), ("in English please", "en"),
                                             ("Can you say that in Chinese?", "zh"), ("英文呢?", "en")])
def test_the_answer_before_asked_again_in_a_language(follow, question, reply):
    q = follow("How many legal aid cases did Pingluo handle in 2023?", question)
    assert q.question == "How many legal aid cases did Pingluo handle in 2023?" and q.reply_lang == reply


@pytest.mark.parametrize("earlier, question", [
    ("平罗县2023年行政诉讼败诉率是多少?", "比临海高还是低?"),
    ("How many legal aid cases did Pingluo handle in 2023?", "Linhai handled more than that, right?"),
])
def test_the_figure_before_set_beside_another_place(follow, earlier, question):
    q = follow(earlier, question)
    assert sorted(q.places) == ["临海市", "平罗县"], q.question


def test_a_list_kept_to_some_of_its_places(follow):
    q = follow("哪些报告提到了法律顾问?", "只要临海和平罗的")
    assert sorted(q.places) == ["临海市", "平罗县"] and q.question == "哪些报告提到了法律顾问?"
    counted = follow("有几份报告提到了法律顾问?", "其中临海的是哪几份?")
    assert counted.places == ["临海市"] and counted.question == "哪些报告提到了法律顾问?"
    # a figure asked of one place among those counted is not a list kept to it
    assert follow("有几份报告提到了法律顾问?", "其中临海那份,全年办理法律援助案件多少件?").question != "哪些报告提到了法律顾问?"


@pytest.mark.parametrize("earlier, question, expected", [
    ("这30份里哪些是县的报告?", "Add the district ones too.", "这30份里哪些是县或区级的报告?"),
    ("Which reports are from counties?", "把区的也算上", "Which reports are from counties or districts?"),
    ("哪些报告提到了法律顾问?", "县级的呢?", "哪些县级报告提到了法律顾问?"),
])
def test_a_list_widened_or_narrowed_by_a_level(follow, earlier, question, expected):
    assert follow(earlier, question).question == expected


def test_a_short_year_with_that_report(follow):
    q = follow("Who issued Pingluo's 2023 report?", "20年那份呢?")
    assert q.year == 2020 and "2020" in q.question and "20年" not in q.question


def test_a_level_narrows_a_count_of_bodies_by_their_place(metas):
    from assistant.reading.select import scope_reports
    from assistant.understand.intent import Filters
    from assistant.understand.query import Query

    bureaus = {k: m.model_copy(update={"level": "department", "department": "司法局", "issuer": f"{m.place}司法局"})
               for k, m in metas.items() if m.place in ("临海市", "平罗县")}
    q = Query(question="", lang="zh")
    county = scope_reports(bureaus, q, Filters(issuer_like="司法局", levels=["county"]))
    assert sorted(m.place for m in county) == ["临海市", "平罗县"]  # a county-level city's bureau and a county's
    assert scope_reports(bureaus, q, Filters(issuer_like="司法局", levels=["province"])) == []
    assert scope_reports(bureaus, q, Filters(levels=["county"])) == []  # no kind of body named: the report's own level


@pytest.mark.parametrize("question", ["Which office put it out?", "Who put this report out?", "which bureau released it?"])
def test_putting_a_report_out_asks_its_issuer(question):
    from assistant.domain import aspects

    assert [a.name for a in aspects.asked(question)] == ["issuer"]


@pytest.mark.parametrize("question", ["quote the original sentence", "can you quote the exact line?", "原文怎么说的?",
                                      "what's the exact wording there?"])
def test_the_sentence_cited_asked_whole(follow, question):
    q = follow("How many legal aid cases did Pingluo handle in 2023?", question)
    assert q.quote and q.leans and q.question == "How many legal aid cases did Pingluo handle in 2023?"


@pytest.mark.parametrize("question", ["搞错了,我想问的是临海", "不对,我问的是临海市那份", "No, I meant Linhai"])
def test_a_correction_swaps_the_place(follow, question):
    q = follow("平罗县2023年行政诉讼败诉率是多少?", question)
    assert q.places == ["临海市"] and ("败诉率" in q.question or "defeat rate" in q.question), q.question


@pytest.mark.parametrize("earlier, question", [
    ("平罗县2023年行政诉讼败诉率是多少?", "How does Linhai compare?"),
    ("临海的报告有哪些?", "throw in Pingluo too"),
])
def test_another_place_compared_or_thrown_in(follow, earlier, question):
    assert sorted(follow(earlier, question).places) == ["临海市", "平罗县"]


@pytest.mark.parametrize("question, number", [
    ("及格率过八成了吗?", True), ("Had Jilin finished at least three quarters of its tasks?", True),
    ("Was the satisfaction rate above 90%?", True),
    ("In 2024 its party organisations held over 100 study sessions. How many did its units hold?", False),
])
def test_a_figure_asked_yes_or_no_against_a_threshold(question, number):
    from assistant.domain import cues
    from assistant.domain.quantity import given_values

    assert bool(cues.THRESHOLD.search(question)) == number
    assert (given_values(question) == set()) == number  # the threshold is asked against, not given


def test_towns_or_urban_subdistricts_are_both_levels():
    from assistant.understand.scope import report_filters

    assert sorted(report_filters("Which reports come from towns or urban subdistrict offices?")[1]) == ["subdistrict", "town"]
    assert report_filters("How many of the reports are from prefecture-level cities?")[1] == ["city"]


def test_how_many_reports_in_total_names_no_topic(seeded):
    answer = seeded.ask("浙江的报告一共有几份?")
    assert answer.route == "count" and "一共" not in answer.answer and "2份" in answer.answer, answer.answer


@pytest.mark.parametrize("earlier, question, expected", [
    ("哪些报告提到了法律顾问?", "only the ones before 2023", "哪些报告提到了法律顾问(before 2023)?"),
    ("Which reports mention legal advisers?", "按年份从早到晚排一下", "Which reports mention legal advisers(按年份从早到晚排)?"),
])
def test_a_list_kept_to_years_or_put_in_their_order(follow, earlier, question, expected):
    assert follow(earlier, question).question == expected


def test_reports_listed_in_the_order_of_their_years(metas):
    from assistant.reading.select import scope_reports
    from assistant.understand.intent import Filters
    from assistant.understand.query import Query

    q = Query(question="", lang="zh")
    oldest = [m.year for m in scope_reports(metas, q, Filters(by_year="oldest"))]
    assert oldest == sorted(oldest) and [m.year for m in scope_reports(metas, q, Filters(by_year="newest"))] == oldest[::-1]


def test_how_many_more_asks_both_figures(follow):
    from assistant.understand.parts import parts_en

    assert parts_en("how many more planning permits than logging permits?") == ["how many planning permits?",
                                                                                 "how many logging permits?"]
    assert len(parts_en("How many more cases than last year did Linhai handle?")) == 1  # a change, not two figures
    q = follow("平罗县2023年办理法律援助案件多少件?", "how many more planning permits than logging permits?")
    assert q is not None and q.places == ["平罗县"]


def test_a_threshold_gives_the_unit_asked():
    from assistant.domain.asked import asked_units

    assert "人" in asked_units("超过5万人了吗?") and "%" not in asked_units("超过5万人了吗?")
