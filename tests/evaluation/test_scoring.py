"""The eval scorer: number and place matching, per-kind correctness, metrics, summary, thresholds."""
from __future__ import annotations

import json

import pytest

from assistant.models import Answer, Citation
from assistant.evaluation.matching import (answer_places, has_value, mentions_place, normalize_number, prf,
                                           quotes_overlap)
from assistant.evaluation.questions import EvalQuestion, GoldValue, load_questions
from assistant.evaluation.scoring import check_thresholds, format_table, percentile, score, summarize

WUCHENG, PINGLUO, QIJIANG, LINHAI, SUQIAN = "金华市婺城区", "平罗县", "重庆市綦江区", "临海市", "宿迁经济技术开发区"
SRC = {WUCHENG: "000_1b26b6e538fcc224.txt", PINGLUO: "001_4d08be111e600d4c.txt", QIJIANG: "002_87db0459dcb0080d.txt",
       LINHAI: "003_49aefc5b94c96eef.txt", SUQIAN: "004_5430cf997af9a534.txt"}
Q_PL = "全县行政诉讼败诉率为21.6%,较上年下降"
Q_WC = "行政诉讼败诉从上半年的25.45%下降至12.7%"


def cit(key: int, place: str, quote: str, start: int = 0, year: int | None = None) -> Citation:
    return Citation(key=key, report_id=f"r{SRC[place][:3]}", source=SRC[place], title=None, place=place, year=year,
                    section="", quote=quote, start=start, end=start + len(quote))


def ans(text: str, *cits: Citation, abstained: bool = False) -> Answer:
    return Answer(question="q", answer=text, citations=list(cits), abstained=abstained)


def q(kind: str, answer: dict, evidence: list[tuple[str, str]] = (), qid: str = "q001") -> EvalQuestion:
    return EvalQuestion(id=qid, question="?", lang="zh", kind=kind, answer=answer,
                        evidence=[{"source": SRC[p], "quote": t} for p, t in evidence])


def gv(value, unit: str, **kw) -> GoldValue:
    return GoldValue(value=value, unit=unit, **kw)


# ---- numbers ------------------------------------------------------------------------------------
@pytest.mark.parametrize("raw, want", [
    ("21.6%", "21.6%"), ("21.6 %", "21.6%"), ("21.60%", "21.6%"), ("1,536", "1536"), ("1,536,000件", "1536000件"),
    ("３．６４％", "3.64%"), ("百分之二十一点六", "21.6%"), ("百分之百", "100%"), ("100.0%", "100%"), ("07", "7"),
    ("两份", "2份"), ("一千七百七十八名", "1778名"), ("二〇二二年", "2022年"), ("一亿二千万元", "120000000元"),
    ("一万二千件", "12000件"), ("三调联动", "三调联动"), ("纠错率3.64%[2]", "纠错率3.64%"),
])
def test_normalize_number(raw, want):
    assert normalize_number(raw) == want


@pytest.mark.parametrize("text, value, ok", [
    ("受理法律援助案件1536件[1]", gv(1536, "件"), True),
    ("受理法律援助案件1,536件", gv(1536, "件"), True),
    ("Wucheng accepted 1536 legal aid cases", gv(1536, "件"), True),   # a bare number is accepted
    ("受理法律援助案件1536件", gv(16, "件"), False),                    # not inside a longer number
    ("受理法律援助案件1536件", gv(153, "件"), False),
    ("败诉率为21.65%", gv(21.6, "%"), False),
    ("败诉率为21.6 %", gv(21.6, "%"), True),
    ("败诉率为21.60%", gv(21.6, "%"), True),
    ("败诉率为百分之二十一点六", gv(21.6, "%"), True),
    ("a defeat rate of 21.6 percent", gv(21.6, "%"), True),
    ("败诉21.6件", gv(21.6, "%"), False),                              # the unit must agree
    ("挽回经济损失2.4亿元", gv(2.4, "亿元"), True),
    ("挽回经济损失24000万元", gv(2.4, "亿元"), True),                  # compared in the gold unit
    ("挽回经济损失2.4万元", gv(2.4, "亿元"), False),
    ("化解矛盾纠纷1600余起,挽回9000余万元", gv(9000, "万元", approx=True), True),
    ("化解矛盾纠纷约1600起", gv(1600, "起", approx=True), True),
    ("培训130多名", gv(130, "名", approx=True), True),
    ("新增的1143法律明白人", gv(1143, "名"), True),
    ("办理40件次", gv(40, "件次"), True),
    ("办理40件次", gv(40, "件"), False),
    ("纠错率3.64%[2]", gv(2, "件"), False),                            # [n] markers are not numbers
    ("有两份报告", gv(2, "份"), True),
    ("Two reports cover 2023", gv(2, "份"), True),
    ("于2022.12.31印发", gv(31, "件"), False),                         # a date's day is no figure
])
def test_has_value(text, value, ok):
    assert has_value(text, value) is ok


# ---- places -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, place, ok", [
    ("金华市婺城区2022年度报告", WUCHENG, True), ("婺城区办结72件", WUCHENG, True), ("婺城的纠错率", WUCHENG, True),
    ("Wucheng District concluded 72", WUCHENG, True), ("WUCHENG", WUCHENG, True), ("金华市的纠错率", WUCHENG, False),
    ("宿迁经开区受理", SUQIAN, True), ("经开区受理88件", SUQIAN, True), ("Suqian ETDZ handled", SUQIAN, True),
    ("綦江区司法局", QIJIANG, True), ("Qijiang", QIJIANG, True), ("重庆市", QIJIANG, False),
    ("Pingluo County", PINGLUO, True), ("Linhai", PINGLUO, False), ("临海市司法局", LINHAI, True),
])
def test_mentions_place(text, place, ok):
    assert mentions_place(text, place) is ok


def test_answer_places_merges_citation_and_text_aliases():
    a = ans("Linhai and 婺城区 [1]", cit(1, QIJIANG, "某某"))
    assert answer_places(a) == {LINHAI, WUCHENG, QIJIANG}
    short = Citation(**{**cit(1, WUCHENG, "x").model_dump(), "place": "婺城区"})  # a variant is the same place
    assert answer_places(ans("见[1]", short)) == {WUCHENG}
    stranger = Citation(**{**cit(1, WUCHENG, "x").model_dump(), "place": "杭州市西湖区"})
    assert answer_places(ans("见[1]", stranger)) == {"杭州市西湖区"}


def test_prf():
    assert prf({"a", "b"}, {"a", "b"}) == (1.0, 1.0, 1.0)
    p, r, f = prf({"a", "b", "c"}, {"a", "d"})
    assert (p, r) == (pytest.approx(1 / 3), 0.5) and f == pytest.approx(0.4)
    assert prf(set(), {"a"}) == (0.0, 0.0, 0.0)


# ---- correctness per kind -----------------------------------------------------------------------
def test_lookup_needs_every_value_and_phrase():
    qu = q("lookup", {"values": [{"value": 12.7, "unit": "%"}, {"value": 25.45, "unit": "%"}], "places": [WUCHENG]},
           [(WUCHENG, Q_WC)])
    good = score(qu, ans(f"婺城区:“{Q_WC}”[1]", cit(1, WUCHENG, Q_WC)))
    assert good.correct and good.crag == 1 and not good.notes
    half = score(qu, ans("婺城区败诉率下降至12.7%[1]", cit(1, WUCHENG, Q_WC)))
    assert not half.correct and half.crag == -1 and "25.45" in half.notes[0]
    qp = q("lookup", {"values": [{"value": 51.39, "unit": "%"}], "places": [WUCHENG], "must_include": ["全市排名第三"]})
    assert not score(qp, ans("婺城区调撤率51.39%")).correct
    assert score(qp, ans("婺城区调撤率51.39%, 全市 排名 “第三”")).correct  # spaces and quote marks are ignored
    assert score(qp, ans("婺城区调撤率51.39%[1]", cit(1, WUCHENG, "复议案件调撤率51.39%,全市排名第三"))).correct


def test_lookup_answer_comes_first_in_the_questions_language():
    """The first sentence must hold the figure and the place, in the question's language; quotes
    and parenthesised Chinese names do not count towards an English sentence's language."""
    qu = q("lookup", {"values": [{"value": 21.6, "unit": "%"}], "places": [PINGLUO]}, [(PINGLUO, Q_PL)])
    good = "Pingluo County (平罗县) reported a litigation defeat rate of 21.6% for 2023 [1]."
    assert score(qu.model_copy(update={"lang": "en"}), ans(good, cit(1, PINGLUO, Q_PL))).correct
    zh = score(qu.model_copy(update={"lang": "en"}), ans("平罗县2023年行政诉讼败诉率为21.6%[1]。", cit(1, PINGLUO, Q_PL)))
    assert not zh.correct and "first sentence not in en" in zh.notes[0]
    late = score(qu, ans("平罗县2023年共有行政诉讼案件148件[1]。\n败诉率为21.6%[1]。", cit(1, PINGLUO, Q_PL)))
    assert not late.correct and "first sentence lacks 21.6%" in late.notes[0]
    nameless = score(qu, ans("行政诉讼败诉率为21.6%[1]。", cit(1, PINGLUO, Q_PL)))
    assert not nameless.correct and "does not name" in nameless.notes[0]


def test_first_sentence_stops_outside_quotes():
    from assistant.evaluation.matching import first_sentence, sentence_language

    text = "The 2023 report of Pingluo County (平罗县) states: “共有案件148件。败诉率为21.6%。” [1]. More."
    assert first_sentence(text).endswith("[1].")
    assert sentence_language("Henan Province (河南省) reported 5 (我省命名5个示范市(县)) for 2020 [1].") == "en"


def test_abstaining_on_answerable_scores_zero_and_answering_unanswerable_minus_one():
    qu = q("lookup", {"values": [{"value": 21.6, "unit": "%"}], "places": [PINGLUO]}, [(PINGLUO, Q_PL)])
    s = score(qu, ans("没有找到。", abstained=True))
    assert (s.correct, s.crag) == (False, 0)
    un = q("unanswerable", {"abstain": True})
    assert (score(un, ans("没有找到。", abstained=True)).crag, score(un, ans("败诉率21.6%")).crag) == (1, -1)
    assert score(un, ans("没有找到。", abstained=True)).correct and not score(un, ans("x")).correct


def test_list_precision_recall_f1():
    qu = q("list", {"places": [QIJIANG, LINHAI]}, [(QIJIANG, "一审行政诉讼案件0败诉"), (LINHAI, "行政应诉案件无败诉案件")])
    exact = score(qu, ans("綦江[1]、临海[2]", cit(1, QIJIANG, "一审行政诉讼案件0败诉"), cit(2, LINHAI, "无败诉案件")))
    assert exact.correct and exact.f1 == 1.0
    extra = score(qu, ans("綦江、临海、Wucheng"))
    assert not extra.correct and extra.precision == pytest.approx(2 / 3) and extra.recall == 1.0
    short = score(qu, ans("[1]", cit(1, QIJIANG, "一审行政诉讼案件0败诉")))
    assert not short.correct and (short.precision, short.recall) == (1.0, 0.5)


def test_count_needs_the_number():
    qu = q("count", {"values": [{"value": 2, "unit": "份"}], "places": [PINGLUO, QIJIANG]})
    assert score(qu, ans("共有2份报告:平罗县、綦江区")).correct
    assert score(qu, ans("There are two such reports.")).correct
    assert not score(qu, ans("共有3份报告")).correct
    assert not score(qu, ans("共有2份报告", abstained=True)).correct


def test_compare_needs_winner_and_figures():
    qu = q("compare", {"places": [PINGLUO], "values": [{"value": 21.6, "unit": "%"}, {"value": 12.7, "unit": "%"}]})
    assert score(qu, ans("平罗县更高:21.6%,婺城区为12.7%")).correct
    assert not score(qu, ans("婺城区更高:12.7%,另一地21.6%")).correct  # winner never named
    assert not score(qu, ans("平罗县更高:21.6%")).correct                 # a figure is missing
    assert score(qu, ans("21.6% [1] vs 12.7% [2]", cit(1, PINGLUO, Q_PL), cit(2, WUCHENG, Q_WC))).correct


def test_open_phrases_in_text_or_cited_quote():
    qu = q("open", {"must_include": ["两函一单", "风险提示函"]})
    assert score(qu, ans("推行“两函一单”[1]", cit(1, SUQIAN, "发出风险提示函12份"))).correct
    s = score(qu, ans("推行两函一单"))
    assert not s.correct and s.notes == ["missing phrase '风险提示函'"]


# ---- citation metrics ---------------------------------------------------------------------------
def test_quotes_overlap():
    assert quotes_overlap("败诉率为21.6%", Q_PL)                                # containment
    assert quotes_overlap("甲乙丙丁戊己庚辛壬癸", "子丑甲乙丙丁戊己庚辛寅卯")      # 8 shared characters
    assert not quotes_overlap("甲乙丙丁戊己庚X壬", "子甲乙丙丁戊己庚辛")           # only 7
    assert quotes_overlap("败诉率为 21.6%", "败诉率为21.6%")                       # whitespace ignored
    assert not quotes_overlap("", Q_PL)


def test_citation_precision_recall_and_source_must_match():
    ev = [(PINGLUO, Q_PL), (WUCHENG, Q_WC)]
    qu = q("compare", {"places": [PINGLUO], "values": [{"value": 21.6, "unit": "%"}, {"value": 12.7, "unit": "%"}]}, ev)
    wrong_source = Citation(**{**cit(2, WUCHENG, "x").model_dump(), "quote": "败诉率为21.6%", "source": SRC[LINHAI]})
    s = score(qu, ans("平罗 21.6% [1][2][3] 12.7%", cit(1, PINGLUO, "败诉率为21.6%"), wrong_source,
                      cit(3, WUCHENG, "全区执法人员持证率91%")))
    assert s.citation_precision == pytest.approx(1 / 3) and s.citation_recall == 0.5
    assert score(qu, ans("21.6%", abstained=True)).citation_precision is None  # no citations: undefined


def test_verbatim_uses_offsets_in_cleaned_text():
    text = "前言。" + Q_PL + "。结尾"
    qu = q("lookup", {"values": [{"value": 21.6, "unit": "%"}], "places": [PINGLUO]}, [(PINGLUO, Q_PL)])
    good, shifted = cit(1, PINGLUO, Q_PL, start=3), cit(2, PINGLUO, Q_PL, start=4)
    s = score(qu, ans("21.6% [1][2]", good, shifted), texts={good.report_id: text})
    assert s.verbatim == 0.5
    assert score(qu, ans("21.6% [1]", good)).verbatim is None  # no texts given


def test_hallucinated_numbers():
    qu = q("lookup", {"values": [{"value": 21.6, "unit": "%"}], "places": [PINGLUO]}, [(PINGLUO, Q_PL)])
    c = cit(1, PINGLUO, Q_PL, year=2023)
    assert score(qu, ans("2023年败诉率21.6%[1]", c)).hallucinated_numbers == 0  # year and quote support them
    assert score(qu, ans("败诉率21.6%,案件37件[1]", c)).hallucinated_numbers == 1
    assert score(qu, ans("败诉率21.6%,案件37件,共99件")).hallucinated_numbers == 3
    assert score(qu, ans("2019年的报告不在语料中", abstained=True)).hallucinated_numbers == 0
    cq = q("count", {"values": [{"value": 2, "unit": "份"}], "places": [PINGLUO, QIJIANG]})
    derived = score(cq, ans("共2份[1][2]", cit(1, PINGLUO, "法律明白人"), cit(2, QIJIANG, "法律明白人")))
    assert derived.hallucinated_numbers == 0  # the count of cited reports is supported by them
    assert score(cq, ans("共3份[1][2]", cit(1, PINGLUO, "法律明白人"), cit(2, QIJIANG, "法律明白人"))).hallucinated_numbers == 1


def test_retrieval_recall_at_5_counts_only_top_five_of_the_right_source():
    ev = [(PINGLUO, Q_PL), (WUCHENG, Q_WC)]
    qu = q("compare", {"places": [PINGLUO], "values": [{"value": 21.6, "unit": "%"}, {"value": 12.7, "unit": "%"}]}, ev)
    filler = [(SRC[LINHAI], "无关内容")] * 4
    top = [(SRC[PINGLUO], "前文" + Q_PL + "后文"), *filler, (SRC[WUCHENG], Q_WC)]
    assert score(qu, ans("x"), retrieved_sources_quotes=top).retrieval_recall_at_5 == 0.5
    assert score(qu, ans("x"), retrieved_sources_quotes=[(SRC[LINHAI], Q_PL)]).retrieval_recall_at_5 == 0.0
    both = [(SRC[WUCHENG], Q_WC), (SRC[PINGLUO], Q_PL)]
    assert score(qu, ans("x"), retrieved_sources_quotes=both).retrieval_recall_at_5 == 1.0
    assert score(qu, ans("x")).retrieval_recall_at_5 is None


# ---- summary, table, thresholds -----------------------------------------------------------------
def test_percentile_linear_interpolation():
    assert percentile([4, 1, 3, 2], 50) == 2.5
    assert percentile([1, 2, 3, 4], 95) == pytest.approx(3.85)
    assert percentile([7], 95) == 7 and percentile([], 50) is None


def _scores():
    lk = q("lookup", {"values": [{"value": 21.6, "unit": "%"}], "places": [PINGLUO]}, [(PINGLUO, Q_PL)])
    un = q("unanswerable", {"abstain": True}, qid="q002")
    return [
        score(lk, ans("平罗县21.6%[1]", cit(1, PINGLUO, Q_PL)), latency_s=1.0),
        score(lk, ans("没有", abstained=True), latency_s=2.0),
        score(lk, ans("22%, 共5件"), latency_s=3.0),
        score(un, ans("没有", abstained=True), latency_s=4.0),
    ]


def test_summarize_per_kind_and_overall():
    sm = summarize(_scores())
    assert list(sm) == ["lookup", "unanswerable", "overall"]
    lk, ov = sm["lookup"], sm["overall"]
    assert lk["n"] == 3 and lk["accuracy"] == pytest.approx(1 / 3) and lk["crag"] == 0.0
    assert lk["citation_recall"] == pytest.approx(1 / 3) and lk["citation_precision"] == 1.0
    assert lk["hallucinated_numbers"] == 2
    assert ov["n"] == 4 and ov["accuracy"] == 0.5 and ov["crag"] == pytest.approx(0.25)
    assert ov["latency_p50"] == 2.5 and ov["latency_p95"] == pytest.approx(3.85)
    assert ov["verbatim"] is None and ov["recall_at_5"] is None


def test_format_table_single_and_side_by_side():
    ours = summarize(_scores())
    base = summarize(_scores()[:1])
    table = format_table(ours)
    lines = table.splitlines()
    assert lines[0].startswith("kind") and [ln.split()[0] for ln in lines[1:]] == ["lookup", "unanswerable", "overall"]
    assert len({len(ln) for ln in lines}) == 1  # fixed width
    assert "0.50" in lines[-1] and "|" not in table
    both = format_table(ours, base)
    assert "0.50|1.00" in both and "4|1" in both and "1|-" in both  # baseline had no unanswerable
    rows = both.splitlines()
    assert rows[-1] == "(cells: ours|baseline)" and len({len(ln) for ln in rows[:-1]}) == 1


def test_check_thresholds_pass_and_fail():
    sm = summarize(_scores())
    assert check_thresholds(sm, {"overall": {"accuracy": 0.5, "hallucinated_numbers_max": 2},
                                 "unanswerable": {"accuracy_min": 1.0}}) == []
    failures = check_thresholds(sm, {"overall": {"accuracy": 0.6, "hallucinated_numbers_max": 0, "verbatim": 1.0},
                                     "list": {"accuracy": 0.5}})
    assert len(failures) == 4
    assert failures[0].startswith("overall.accuracy = 0.5 < 0.6")
    assert "hallucinated_numbers = 2 > 0" in failures[1]
    assert "overall.verbatim: no data" in failures[2] and "list.accuracy: no data" in failures[3]


# ---- loader -------------------------------------------------------------------------------------
GOOD = {"id": "q001", "question": "?", "lang": "zh", "kind": "lookup",
        "answer": {"values": [{"value": 1536, "unit": "件"}], "places": [WUCHENG]},
        "evidence": [{"source": SRC[WUCHENG], "quote": "受理法律援助案件1536件"}]}


def _write(tmp_path, rows):
    path = tmp_path / "qs.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def test_load_questions_reads_the_real_file():
    qs = load_questions("eval/questions.jsonl")
    assert len(qs) >= 85 and {x.kind for x in qs} == {"lookup", "list", "count", "compare", "open", "unanswerable"}


@pytest.mark.parametrize("bad, needle", [
    ("{not json", "not valid JSON"),
    ({**GOOD, "id": "q002", "answer": {"values": [{"value": "1536", "unit": "件"}], "places": [WUCHENG]}}, "value"),
    ({**GOOD, "id": "q002", "kind": "guess"}, "kind"),
    ({**GOOD, "id": "q002", "extra": 1}, "extra"),
    ({**GOOD, "id": "q002", "kind": "count"}, "does not fit kind 'count'"),
    ({**GOOD, "id": "q002", "answer": {"values": [{"value": 1, "unit": "件", "approx": False}], "places": [WUCHENG]}},
     "approx"),
    ({**GOOD, "id": "q002", "evidence": [{"source": "x", "quote": "a\nb"}]}, "quote"),
    (GOOD, "duplicate id q001"),
])
def test_load_questions_names_the_bad_line(tmp_path, bad, needle):
    path = _write(tmp_path, [GOOD, bad])
    with pytest.raises(ValueError) as err:
        load_questions(path)
    msg = str(err.value)
    assert f"{path}:2:" in msg and needle in msg and "\n" not in msg
    assert len(load_questions(_write(tmp_path, [GOOD, ""]))) == 1  # a blank line is not an error
