"""Near-miss figures: nominated is not named, the first half is not the whole year; other figures stand."""
import pytest

from assistant.answer.analyze import Query
from assistant.answer.nearmiss import near_miss
from assistant.models import Answer, Citation

TEXT = ("2022年,长春市择优推荐5家单位参评全省法治政府建设示范地区,11家单位参评全省法治政府建设达标地区。"
        "2021年上半年,全市公安机关经侦部门共侦办侵害企业合法权益犯罪案件23起,涉案总金额达2841万元。"
        "经推荐申报,全市命名5个法治政府建设示范单位。全年共侦办案件60起。")


def _answer(question: str, quote: str, lang: str = "zh") -> tuple[Query, Answer]:
    start = TEXT.index(quote)
    cit = Citation(key=1, report_id="r", source="r.txt", title=None, place="长春市", year=2022, section="",
                   quote=quote, start=start, end=start + len(quote))
    q = Query(question=question, lang=lang, wants_number=True)
    return q, Answer(question=question, answer=f"…{quote}[1]", citations=[cit])


@pytest.mark.parametrize("question,quote,lang,says", [
    ("长春市2022年有几家单位获评全省法治政府建设示范地区?", "择优推荐5家单位参评全省法治政府建设示范地区", "zh", "推荐"),
    ("How many units in Changchun were named demonstration areas?", "择优推荐5家单位参评全省法治政府建设示范地区", "en",
     "recommended"),
    ("How many crimes did the police investigate in the whole year 2021?", "全市公安机关经侦部门共侦办侵害企业合法权益犯罪案件23起",
     "en", "part of the year"),
    ("2021年全年侦办侵害企业合法权益犯罪案件多少起?", "全市公安机关经侦部门共侦办侵害企业合法权益犯罪案件23起", "zh", "全年"),
])
def test_near_misses_are_not_stated(question, quote, lang, says):
    q, answer = _answer(question, quote, lang)
    out = near_miss(q, answer, lambda rid: TEXT)
    assert out is not None and out.abstained and says in out.answer and out.citations == answer.citations


@pytest.mark.parametrize("question,quote", [
    ("长春市2022年推荐了几家单位参评示范地区?", "择优推荐5家单位参评全省法治政府建设示范地区"),  # nomination asked
    ("长春市命名了几个示范单位?", "全市命名5个法治政府建设示范单位"),  # named, after 推荐申报
    ("2021年上半年侦办案件多少起?", "全市公安机关经侦部门共侦办侵害企业合法权益犯罪案件23起"),  # the half asked
    ("全年共侦办案件多少起?", "全年共侦办案件60起"),  # the whole year stated
])
def test_answers_that_are_what_was_asked_stand(question, quote):
    q, answer = _answer(question, quote)
    assert near_miss(q, answer, lambda rid: TEXT) is None
