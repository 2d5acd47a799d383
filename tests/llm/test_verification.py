"""Verification by value: a phrased figure must be a figure of its cited quote (value, magnitude, kind,
precision), in either language; a sentence that fails is replaced by the program's checked sentence."""
from __future__ import annotations

import logging

import pytest

from assistant.llm.generation import generate
from assistant.llm.verification import verify
from assistant.models import Answer, AnswerLine, Citation
from conftest import FakeLLM

LONGXI = "陇西县2025年法治政府建设报告\n全年办理办结各类政务服务事项57.95万件,网上可办率达100%。\n"
XUANCHENG = "宣城市公安局2021年法治政府建设报告\n上半年查处涉企案件23起,涉案总金额达2841万元。\n"
YEJIANG = "某区2023年报告\n立案前化解36件、化解率45%。调解涉及金额122.4552万元,满意率提高21.9个百分点。\n"
RATES = "某市2024年报告\n刑事案件发案率为0.8‰,受理行政复议案件数是上年的1.5倍,结案率提高2.1个百分点。\n"
TEXTS = {"lx": LONGXI, "xc": XUANCHENG, "yj": YEJIANG, "rt": RATES}
META = {"lx": ("陇西县", 2025), "xc": ("宣城市", 2021), "yj": ("某区", 2023), "rt": ("某市", 2024)}


def cit(rid: str, quote: str) -> Citation:
    start = TEXTS[rid].index(quote)
    place, year = META[rid]
    return Citation(key=1, report_id=rid, source=f"{rid}.txt", title=TEXTS[rid].split("\n")[0], place=place,
                    year=year, section="一", quote=quote, start=start, end=start + len(quote))


CASES = {
    "lx": (cit("lx", "全年办理办结各类政务服务事项57.95万件,网上可办率达100%。"),
           "Longxi County (陇西县) reported 579,500 government service matters (57.95万件) for 2025 [1]."),
    "xc": (cit("xc", "上半年查处涉企案件23起,涉案总金额达2841万元。"),
           "Xuancheng (宣城市) reported 28.41 million yuan (2841万元; total amount involved) for 2021 [1]."),
    "yj": (cit("yj", "立案前化解36件、化解率45%。调解涉及金额122.4552万元,满意率提高21.9个百分点。"),
           "The district reported 36 disputes resolved before filing and a rate of 45% for 2023 [1]."),
    "rt": (cit("rt", "刑事案件发案率为0.8‰,受理行政复议案件数是上年的1.5倍,结案率提高2.1个百分点。"),
           "The city reported a criminal case incidence of 0.8‰ for 2024 [1]."),
}


def answer_for(rid: str, question: str = "how many?") -> Answer:
    c, line = CASES[rid]
    return Answer(question=question, answer=line, citations=[c], lines=[AnswerLine(text=line, role="lead", keys=[1])])


# the classic faults of a small model phrasing a figure, each with the report it misreads
FAULTS = [
    ("magnitude ×100 (万 read as million)", "lx", "Longxi County handled 57.95 million government service matters [1]."),
    ("magnitude ×100, in Chinese", "lx", "陇西县2025年办理政务服务事项5795万件[1]。"),
    ("digits of a neighbouring clause", "xc", "The cases Xuancheng police investigated involved 23 million yuan [1]."),
    ("wrong unit (a sum of money as a count)", "xc", "Xuancheng police investigated 28.41 million cases [1]."),
    ("wrong unit, in Chinese", "xc", "宣城市公安局上半年查处涉企案件2841万起[1]。"),
    ("rounded beyond the quote's precision", "lx", "Longxi County handled about 580,000 government service matters [1]."),
    ("rounded, the exact figure not given", "yj", "Mediation involved 1.22 million yuan [1]."),
    ("a rate for a count", "yj", "The district resolved 45 disputes before filing [1]."),
    ("percentage points said as percent", "yj", "Satisfaction rose by 21.9% [1]."),
    ("a count for a rate", "yj", "The resolution rate was 36% [1]."),
    ("per mille said as percent", "rt", "The criminal case incidence was 0.8% [1]."),
    ("per mille said as percent, in Chinese", "rt", "某市刑事案件发案率为0.8%[1]。"),
    ("a multiple said as a count of times, in Chinese", "rt", "某市受理行政复议案件增长1.5次[1]。"),
    ("a multiple said as percent", "rt", "Administrative reconsideration cases were 1.5% of the year before [1]."),
    ("percentage points said as percent, in Chinese", "rt", "某市结案率为2.1%[1]。"),
]
RIGHT = [
    ("lx", "Longxi County handled 579,500 government service matters (57.95万件) in 2025 [1]."),
    ("lx", "陇西县2025年办理办结各类政务服务事项57.95万件[1]。"),
    ("xc", "The cases involved a total of 28.41 million yuan [1]."),
    ("yj", "Mediation involved 1.22 million yuan (122.4552万元) [1]."),
    ("yj", "Satisfaction rose by 21.9 percentage points, and 36 disputes were resolved before filing [1]."),
    ("rt", "The criminal case incidence was 0.8‰, or 0.8 per mille [1]."),
    ("rt", "Administrative reconsideration cases were 1.5 times the year before, a 1.5-fold level [1]."),
    ("rt", "The closing rate rose by 2.1 points [1]."),
    ("rt", "某市受理行政复议案件数是上年的1.5倍,结案率提高2.1个百分点[1]。"),
]


@pytest.mark.parametrize("fault, rid, sentence", FAULTS, ids=[f[0] for f in FAULTS])
def test_every_classic_fault_is_replaced_by_the_checked_sentence(fault, rid, sentence, caplog):
    lang = "zh" if sentence.endswith("。") else "en"
    with caplog.at_level(logging.WARNING, logger="assistant.llm.verification"):
        v = verify("q", lang, answer_for(rid), sentence, texts=TEXTS)
    checked = CASES[rid][1]
    assert v.dropped and v.dropped[0][0] == sentence and "figures not in cited quotes" in v.dropped[0][1]
    assert v.replaced == [(sentence, checked, v.dropped[0][1])]
    assert v.answer is None  # nothing of the phrasing left: the checked (extractive) answer is shown
    assert "figure check" in caplog.text


def test_a_faulty_sentence_beside_a_good_one_is_replaced_in_place():
    good = "Longxi County's online availability rate was 100% [1]."
    v = verify("q", "en", answer_for("lx"), good + " Longxi County handled 57.95 million matters [1].", texts=TEXTS)
    assert v.answer is not None and v.answer.answer == good + " " + CASES["lx"][1]


@pytest.mark.parametrize("rid, sentence", RIGHT)
def test_right_figures_pass_in_either_language(rid, sentence):
    lang = "zh" if sentence.endswith("。") else "en"
    v = verify("q", lang, answer_for(rid), sentence, texts=TEXTS)
    assert v.dropped == [] and v.answer is not None and v.answer.answer == sentence


def test_fault_table(capsys):
    """The table of the closing note: every fault rejected (printed with -s)."""
    rows = []
    for fault, rid, sentence in FAULTS:
        lang = "zh" if sentence.endswith("。") else "en"
        v = verify("q", lang, answer_for(rid), sentence, texts=TEXTS)
        rows.append((fault, sentence, "rejected" if v.replaced else "ACCEPTED"))
    print("\n| fault | LLM sentence | verifier |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    assert all(r[2] == "rejected" for r in rows)


def test_a_fake_llm_answer_with_a_magnitude_fault_shows_the_checked_figure():
    llm = FakeLLM(replies=["Longxi County handled 57.95 million government service matters [1]."])
    out = generate("How many government service matters did Longxi handle?", "en", answer_for("lx"), llm,
                   texts=TEXTS)
    assert "579,500" in out.answer and "57.95 million" not in out.answer
