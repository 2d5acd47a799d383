"""Property test: thousands of generated questions over the seeds and the 30 unseen report openings.

`Assistant.ask` may raise only the project's own errors (bad input); everything else is an answer,
and every citation in it is verbatim at its offsets. Questions are built from the shapes users type
(names full/short/pinyin/department, years in and out of the corpus, fields from the reports and from
nowhere, zh/en templates) and from arbitrary text (punctuation, emoji, control characters, surrogates).
"""
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from assistant import Assistant, FazhiError
from assistant.settings import Settings
from conftest import FakeEmbedding

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "eval" / "unseen-reports"
META = [json.loads(line) for line in (ROOT / "tests" / "data" / "unseen_meta.jsonl").read_text(encoding="utf-8").splitlines()]
NAMES = sorted({m["place"] for m in META} | {m["place_short"] for m in META} | {m["issuer"] for m in META if m["issuer"]}
               | {"平罗", "婺城区", "临海市", "綦江", "宿迁经开区", "杭州市西湖区", "海淀", "四川省司法厅", "Pingluo", "Linhai",
                  "Wucheng", "Jiashan", "Haidian", "某某县", "市市", "我区", "全县"})
FIELDS = ["集体学法次数", "法律援助案件", "行政诉讼败诉率", "行政复议纠错率", "政务服务事项", "督察整改问题", "合同审查件次",
          "优良天数", "零败诉", "法治讲座", "执法人员持证率", "调解成功率", "规范性文件备案", "满意度", "完成度", "学法"]
EN_FIELDS = ["defeat rate", "legal aid cases", "reconsideration applications", "law study sessions", "zero defeat",
             "mediation success rate", "normative documents", "banners"]
TEMPLATES = ["{n}{y}年{f}是多少?", "{n}{f}多少次?", "{y}年哪些{n}报告了{f}?", "比较{n}和{n2}的{f}", "{n}有几份报告?",
             "{n}{y}年{f}比{n2}高吗?", "哪些报告是{n}发布的?", "{y}年有哪些县的报告?", "{f}超过10%的地区有哪些?",
             "What was {n}'s {ef} in {y}?", "How many {ef} did {n} report?", "Which reports mention {f}?",
             "compare {n} and {n2}", "{n}存在哪些不足?", "{n}{y}年工作计划", "{n}的报告是哪一年的?", "{f}", "{n}"]
YEARS = st.sampled_from([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 1999])
TEMPLATED = st.builds(lambda t, n, n2, y, f, ef: t.format(n=n, n2=n2, y=y, f=f, ef=ef),
                      st.sampled_from(TEMPLATES), st.sampled_from(NAMES), st.sampled_from(NAMES), YEARS,
                      st.sampled_from(FIELDS), st.sampled_from(EN_FIELDS))
ARBITRARY = st.text(st.characters(codec=None, exclude_categories=()), min_size=0, max_size=60)
MIXED = st.builds(lambda a, b: a + b, TEMPLATED, st.text(alphabet="?？,。、 0123456789%年县区市()（）“”\"'\\\n\t😀\ud800",
                                                             max_size=8))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    a = Assistant.open(Settings(home=tmp_path_factory.mktemp("never-crash")), embed_model=FakeEmbedding())
    a.ingest([UNSEEN], progress=False)
    yield a
    a.close()


def _check(a: Assistant, question: str) -> None:
    try:
        answer = a.ask(question)
    except FazhiError:
        return  # the project's own error: one line naming the problem and the fix
    for c in answer.citations:
        assert a.text(c.report_id)[c.start:c.end] == c.quote, (question, c)
    assert answer.abstained or answer.answer.strip(), question


def test_corpus_holds_seeds_and_unseen(corpus):
    assert len(corpus.reports()) == 35


@settings(max_examples=1400, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(question=TEMPLATED)
def test_templated_questions_never_crash(corpus, question):
    _check(corpus, question)


@settings(max_examples=600, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(question=st.one_of(ARBITRARY, MIXED))
def test_arbitrary_text_never_crashes(corpus, question):
    _check(corpus, question)
