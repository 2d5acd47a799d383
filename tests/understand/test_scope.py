"""Which reports a question is about: a department told from its government, names metadata missed,
and the nearest reports when no report is about the place asked."""
import pytest

GOVERNMENT = """嘉兴市人民政府2023年度法治政府建设情况报告
2023年,嘉兴市坚持以习近平法治思想为指导,扎实推进法治政府建设。全年组织法治讲座12次,市政府常务会议学法6次。
"""
JUSTICE = """嘉兴市司法局2023年度法治政府建设情况报告
2023年,嘉兴市司法局坚持以习近平法治思想为指导,全面履行司法行政职能。全年组织法治讲座30次,办理法律援助案件1200件。
"""
NAMELESS = """关于2025年法治政府建设情况的报告
2025年,我区坚持以习近平新时代中国特色社会主义思想为指导。一年来,我区组织法治专题学习研讨5次,全区各级中心组开展法治专题学习400余场次。
"""


@pytest.fixture
def corpus(assistant, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(GOVERNMENT, encoding="utf-8")
    (folder / "b.txt").write_text(JUSTICE, encoding="utf-8")
    (folder / "007.txt").write_text(NAMELESS, encoding="utf-8")
    assistant.ingest([folder], progress=False)
    return assistant


def test_metadata_of_the_three(corpus):
    metas = {m.source: m for m in corpus.reports()}
    assert (metas["a.txt"].place, metas["a.txt"].level) == ("嘉兴市", "city")
    assert (metas["b.txt"].level, metas["b.txt"].department) == ("department", "司法局")
    assert metas["007.txt"].place is None and metas["007.txt"].level == "district"


def test_department_named_is_told_from_its_government(corpus):
    ans = corpus.ask("嘉兴市司法局2023年组织法治讲座多少次?")
    assert not ans.abstained and "30次" in ans.answer and "12次" not in ans.answer
    assert {c.source for c in ans.citations} == {"b.txt"}


def test_place_alone_covers_both_bodies(corpus):
    ans = corpus.ask("嘉兴市2023年市政府常务会议学法多少次?")
    assert "6次" in ans.answer and {c.source for c in ans.citations} == {"a.txt"}


def test_report_without_a_place_answers_with_a_caveat(corpus):
    ans = corpus.ask("老边区2025年区委中心组法治专题学习研讨多少次?")
    assert not ans.abstained and "5次" in ans.answer
    assert ans.answer.startswith("注意:没有写明“老边区”的报告") and ans.citations[0].source == "007.txt"


def test_no_year_no_guess_and_nearest_reports_named(corpus):
    ans = corpus.ask("老边区区委中心组法治专题学习研讨多少次?")  # no year: nothing ties the nameless report to it
    assert ans.abstained and "老边区" in ans.answer
    ans = corpus.ask("杭州市西湖区2023年法律援助案件多少件?")
    assert ans.abstained and "相近的报告" in ans.answer and "嘉兴市" in ans.answer  # same province first


def test_figure_outside_the_indicators_and_silence(corpus):
    ans = corpus.ask("嘉兴市2023年法治讲座是多少?")
    assert not ans.abstained and "12次" in ans.answer
    ans = corpus.ask("嘉兴市2023年优良天数是多少?")
    assert ans.abstained and not any(ch.isdigit() for ch in ans.answer.replace("2023", ""))


def test_several_years_asked_keep_each_place_to_them():
    from assistant.models import ReportMeta
    from assistant.understand.query import Query
    from assistant.understand.scope import narrow

    metas = {rid: ReportMeta(id=rid, source=f"{rid}.txt", place=place, year=year, level="city")
             for rid, place, year in [("a23", "鞍山市", 2023), ("a25", "鞍山市", 2025), ("u24", "乌鲁木齐市", 2024)]}
    q = Query(question="Which has the higher court appearance rate, Anshan 2023 or Urumqi 2024?", lang="en",
              places=["鞍山市", "乌鲁木齐市"])
    assert narrow(q, metas, lambda rid: "")[0].report_ids == ["a23", "u24"]
    both = Query(question="鞍山2023年和2025年相比,行政复议收案多少件?", lang="zh", places=["鞍山市"])
    assert narrow(both, metas, lambda rid: "")[0].report_ids == []  # both of Anshan's years asked: nothing narrowed
    other = Query(question="Anshan 2024 or Urumqi 2024?", lang="en", places=["鞍山市", "乌鲁木齐市"], year=2024)
    assert narrow(other, metas, lambda rid: "")[0].report_ids == []  # one year: it scopes the question itself
