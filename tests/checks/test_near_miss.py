"""Near-miss figures: nominated is not named, the first half is not the whole year; other figures stand."""
from types import SimpleNamespace

import pytest

from assistant.checks.near_miss import near_miss
from assistant.models import Citation
from assistant.render.draft import Draft, Line
from assistant.render.slots import Cite
from assistant.understand.asks import asks_of
from assistant.understand.intent import Lookup
from assistant.understand.query import Query, language

TEXT = ("2022年,长春市择优推荐5家单位参评全省法治政府建设示范地区,11家单位参评全省法治政府建设达标地区。"
        "2021年上半年,全市公安机关经侦部门共侦办侵害企业合法权益犯罪案件23起,涉案总金额达2841万元。"
        "经推荐申报,全市命名5个法治政府建设示范单位。全年共侦办案件60起。"
        "制作应急普法作品13部,其中2部作品荣获全国应急普法优秀作品。"
        "办理办结各类政务服务事项57.95万件,网上可办率达100%。组织公职人员线上旁听庭审3000余人次。"
        "共排查出涉民营企业刑事诉讼“挂案”5起,2021年全市共侦办侵害企业合法权益犯罪案件23起,涉案总金额达2841万元。")
CTX = SimpleNamespace(corpus=SimpleNamespace(text=lambda rid: TEXT))


def _case(question: str, quote: str):
    start = TEXT.index(quote)
    cit = Citation(key=1, report_id="r", source="r.txt", title=None, place="长春市", year=2022, section="",
                   quote=quote, start=start, end=start + len(quote))
    q = Query(question=question, lang=language(question))
    draft = Draft(lines=[Line("evidence", "report.item", {"quote": quote, "cite": Cite((1,))})], citations=[cit],
                  route="lookup")
    return Lookup(query=q, asks=asks_of(q)), draft


@pytest.mark.parametrize("question,quote,says", [
    ("长春市2022年有几家单位获评全省法治政府建设示范地区?", "择优推荐5家单位参评全省法治政府建设示范地区", "推荐"),
    ("How many units in Changchun were named demonstration areas?", "择优推荐5家单位参评全省法治政府建设示范地区", "recommended"),
    ("How many crimes did the police investigate in the whole year 2021?", "全市公安机关经侦部门共侦办侵害企业合法权益犯罪案件23起",
     "part of the year"),
    ("2021年全年侦办侵害企业合法权益犯罪案件多少起?", "全市公安机关经侦部门共侦办侵害企业合法权益犯罪案件23起", "全年"),
    # works made are not works that won; what was handled is not what was handled online (the 网上 after the
    # figure rates something else)
    ("2024年有几部作品获得了省级应急普法优秀作品?", "制作应急普法作品13部", "获评"),
    ("How many government service requests were handled online?", "办理办结各类政务服务事项57.95万件", "online"),
    ("网上办理了多少件政务服务事项?", "办理办结各类政务服务事项57.95万件", "网上"),
    # the Chinese term an English question names is not what the figure's part of the sentence is about
    ("How much money was involved in the stalled cases (挂案)?", "涉案总金额达2841万元", "挂案"),
])
def test_near_misses_are_not_stated(question, quote, says):
    intent, draft = _case(question, quote)
    out = near_miss(draft, intent, CTX)
    assert out.abstained and says in out.lines[0].text(intent.lang) and out.citations == draft.citations
    assert out.lines[0].keys() == [1] and out.lines[0].role == "not_stated"


@pytest.mark.parametrize("question,quote", [
    ("长春市2022年推荐了几家单位参评示范地区?", "择优推荐5家单位参评全省法治政府建设示范地区"),  # nomination asked
    ("长春市命名了几个示范单位?", "全市命名5个法治政府建设示范单位"),  # named, after 推荐申报
    ("2021年上半年侦办案件多少起?", "全市公安机关经侦部门共侦办侵害企业合法权益犯罪案件23起"),  # the half asked
    ("全年共侦办案件多少起?", "全年共侦办案件60起"),  # the whole year stated
    ("有几部作品获得了全国应急普法优秀作品?", "其中2部作品荣获全国应急普法优秀作品"),  # won, as asked
    ("How many public servants watched court hearings online?", "组织公职人员线上旁听庭审3000余人次"),  # 线上 stated
    ("How many stalled cases (挂案) were found?", "共排查出涉民营企业刑事诉讼“挂案”5起"),  # the term named by it
    ("How many crimes did Zhenhai (镇海区司法局) handle?", "全年共侦办案件60起"),  # a body's name is no term
])
def test_answers_that_are_what_was_asked_stand(question, quote):
    intent, draft = _case(question, quote)
    assert near_miss(draft, intent, CTX) is draft


@pytest.mark.parametrize("question,quote,stands", [
    ("What share of the case files were rated excellent?", "全年共侦办案件60起", False),  # a count for a share
    ("What share of the case files were rated excellent?", "网上可办率达100%", True),
    ("How many crimes were investigated in the whole year?", "网上可办率达100%", False),  # a rate counts no crimes
    # person-times of a hearing count no cases; a count of things (部) may be what an English noun names
    ("How many administrative penalty cases did the police handle?", "组织公职人员线上旁听庭审3000余人次", False),
    ("How many administrative penalty cases did the police handle?", "全年共侦办案件60起", True),
    ("How many emergency law works did they make?", "制作应急普法作品13部", True),
    ("How many crimes were investigated in the whole year?", "经推荐申报", False),  # no figure at all
    ("How many crimes were investigated in the whole year?", "全年共侦办案件60起", True),
])
def test_passages_quoted_for_a_figure_hold_a_figure_of_its_kind(question, quote, stands):
    from assistant.understand.parts import things_en

    intent, draft = _case(question, quote)
    intent = intent.model_copy(update={"things_en": things_en(question)})
    out = near_miss(draft.but(made_by="sentence_reader"), intent, CTX)
    assert (out is draft.but(made_by="sentence_reader") or out == draft.but(made_by="sentence_reader")) is stands
    if not stands:
        assert out.abstained and out.lines[0].role == "not_stated"


def test_things_counted_in_times_stand():
    from assistant.understand.parts import things_en

    question = "How many units did the county recommend for the demonstration areas?"  # 家/个: things, often 次
    intent, draft = _case(question, "组织公职人员线上旁听庭审3000余人次")
    intent = intent.model_copy(update={"things_en": things_en(question)})
    assert near_miss(draft.but(made_by="sentence_reader"), intent, CTX) == draft.but(made_by="sentence_reader")
