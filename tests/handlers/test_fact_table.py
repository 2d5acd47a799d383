"""Comparisons and per-report answers as a typed table, with caveats instead of silent rankings."""
from assistant.checks.citations import check_answer


def _ok(a, ans):
    assert check_answer(ans, {c.report_id: a.text(c.report_id) for c in ans.citations}) == []
    for c in ans.citations:
        assert a.text(c.report_id)[c.start:c.end] == c.quote


def test_compare_without_an_indicator_compares_what_both_report(seeded):
    ans = seeded.ask("compare Linhai and Pingluo")
    assert ans.route == "compare" and ans.table is not None
    assert [r.label.split(",")[0] for r in ans.table.rows] == ["Pingluo County (平罗县)", "Linhai City (临海市司法局)"]
    assert ans.table.columns[:2] == ["reconsideration applications received", "administrative litigation cases"]
    assert ans.answer.startswith("Stated by every report: reconsideration applications received, administrative litigation cases.")
    assert "different years (2023, 2020)" in ans.answer  # flagged, not ranked
    pingluo = ans.table.rows[0].cells
    assert pingluo[0].value == "79件" and pingluo[0].citation is not None and pingluo[0].year == 2023
    assert any(c.value is None for c in pingluo)  # not reported, never zero
    _ok(seeded, ans)


def test_family_comparison_covers_both_families_and_flags_scope(seeded):
    ans = seeded.ask("比较临海市和平罗县的行政诉讼和行政复议情况")
    assert {"行政诉讼案件", "行政复议收案", "行政复议办结"} <= set(ans.table.columns)
    assert "更多" not in ans.answer.split("\n")[0]  # several indicators: nothing is ranked
    assert "口径或单位不同" in ans.answer and "年份不同" in ans.answer
    assert "| 临海市司法局(2020) | 40件次(以市政府作为被告或被申请人)" in ans.answer
    _ok(seeded, ans)


def test_one_indicator_is_ranked_with_its_caveats(seeded):
    ans = seeded.ask("平罗县和婺城区,谁的行政诉讼败诉率更高?")
    assert ans.answer.split("\n")[0] == "按报告所写,平罗县的行政诉讼败诉率更高。" and ans.places == ["平罗县"]
    assert [r.cells[0].value for r in ans.table.rows] == ["21.6%", "12.7%"]
    assert "口径" not in ans.answer  # 全年 is the whole year, no other scope


def test_per_report_table_labels_each_figure(seeded):
    ans = seeded.ask("各报告的行政复议情况")
    assert ans.route == "list" and ans.table is not None
    assert {"行政复议收案", "行政复议办结"} <= set(ans.table.columns)
    assert "未报告以上任何一项" in ans.answer
    rows = {r.label: r for r in ans.table.rows}
    assert rows["临海市司法局(2020)"].cells[ans.table.columns.index("行政复议办结")].value == "66件"
    _ok(seeded, ans)


def test_one_passage_one_citation(seeded):
    """办结66件, 收案80件 and 和解率50% stand in one sentence: one citation, shown once."""
    ans = seeded.ask("比较临海市和平罗县的行政复议情况")
    quotes = [c.quote for c in ans.citations]
    assert len(quotes) == len(set(quotes))
    assert not any(a != b and a in b for a in quotes for b in quotes)
    assert sum(line.startswith("原文[") for line in ans.answer.split("\n")) == len(ans.citations)
