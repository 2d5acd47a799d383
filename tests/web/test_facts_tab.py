"""The Facts tab: Chinese indicator names, row count, CSV = table, charts of one indicator, a selected
row or point shown with its quote and opened in the viewer; the row selection in a real browser."""
from __future__ import annotations

import csv
import html
import re

import gradio as gr
import pytest

from assistant.models import Fact
from assistant.domain.indicators import Indicator
from assistant.web import facts_tab
from assistant.web.i18n import t
from test_app import app, extractive_answers, fresh, running  # noqa: F401  (fixtures)
from test_viewer import IN_VIEW
from test_browser import ARTIFACTS, browser, page_url  # noqa: F401  (fixtures)


def _fact(place, year, indicator, value, unit, **kw) -> Fact:
    return Fact(report_id=kw.pop("report_id", "r1"), place=place, year=year, indicator=Indicator(indicator),
                value=value, unit=unit, quote=kw.pop("quote", f"{place}{value}{unit}"), start=kw.pop("start", 0),
                end=kw.pop("end", 5), section="一", **kw)


def test_table_names_indicators_in_chinese_and_csv_has_its_columns(app):
    assistant, demo, _ = app
    table, count, download, bars, lines, note, kept, points = demo.fazhi_facts.view("", "", "all")
    facts = assistant.facts()
    assert table["headers"] == facts_tab.columns() == ["地区", "年份", "指标", "数值", "范围", "计划", "原文", "章节"]
    assert len(table["data"]) == len(facts) == len(kept) > 10
    assert f"共 {len(facts)} 条数据" in count
    labels = {i.label_zh for i in Indicator}
    ids = {i.value for i in Indicator}
    assert {row[2] for row in table["data"]} <= labels and not {row[2] for row in table["data"]} & ids
    assert "法律明白人" in {row[2] for row in table["data"]}  # legal_understanding_people
    with open(download["value"], encoding="utf-8-sig", newline="") as fh:
        written = list(csv.reader(fh))
    assert written[0] == table["headers"]
    # the CSV keeps each whole quote; the table shows its start, so a row stays a line or two (issue 21)
    quote = facts_tab.QUOTE_COL
    assert [r[:quote] + r[quote + 1:] for r in written[1:]] == [[str(c) for c in r[:quote] + r[quote + 1:]]
                                                                for r in table["data"]]
    assert [r[quote] for r in written[1:]] == [f.quote for f in facts]
    assert all(len(r[quote]) <= facts_tab.TABLE_QUOTE_CHARS + 1 for r in table["data"])
    assert any(r[quote].endswith("…") for r in table["data"])
    # no indicator chosen: no chart, and the page says why
    assert bars["visible"] is False and lines["visible"] is False and note == t("chart_one_indicator")
    assert points == []


def test_english_names_and_bad_filters(app):
    _, demo, _ = app
    table, *_ = demo.fazhi_facts.view("litigation_defeat_rate", "", "all", lang="en")
    assert table["headers"][2] == "Indicator" and {r[2] for r in table["data"]} == {Indicator.litigation_defeat_rate.name_en}
    table, count, download, bars, lines, *_ = demo.fazhi_facts.view("", "", "20x3")
    assert table["data"] == [] and "fz-error" in count and "year must be a 4-digit year" in count and download["interactive"] is False
    assert bars["visible"] is False and lines["visible"] is False
    table, count, download, *_ = demo.fazhi_facts.view("", "火星县", "all")
    assert table["data"] == [] and "unknown place" in count and download["interactive"] is False
    assert facts_tab.indicator_label("no_such_id") == "no_such_id"
    assert ("法律明白人", "legal_understanding_people") in facts_tab.indicator_choices()


def test_one_indicator_is_charted_with_numbers(app):
    _, demo, _ = app
    _, _, _, bars, lines, note, _, points = demo.fazhi_facts.view("dispute_resolution_rate", "", "all")
    frame = bars["value"]
    assert bars["visible"] is True and "(%)" in bars["y_title"] and "矛盾纠纷化解率" in bars["y_title"]
    assert str(frame["value"].dtype) == "float64" and list(frame["value"]) == sorted(frame["value"], reverse=True)
    assert set(frame["place"]) == {p["place"] for p in points} and len(frame) == len(set(frame["place"]))
    assert lines["visible"] is False and note == t("chart_one_year")  # one report per place in the seed set
    # a claim (零败诉) has no figure to draw
    _, _, _, bars, lines, note, _, _ = demo.fazhi_facts.view("zero_defeat", "", "all")
    assert bars["visible"] is False and note == t("chart_no_numbers")


def test_chart_points_keep_one_unit_and_prefer_the_whole_place():
    facts = [_fact("甲县", 2022, "mediation_amount", 2.4, "亿元"),
             _fact("甲县", 2023, "mediation_amount", 9000, "万元"),
             _fact("乙县", 2023, "mediation_amount", 3, "件"),  # not money: left out, never on the same axis
             _fact("丙县", 2023, "mediation_amount", 500, "万元", scope="商事调解"),
             _fact("丙县", 2023, "mediation_amount", 800, "万元"),
             _fact("丁县", 2023, "mediation_amount", 100, "万元", planned=True),
             _fact("戊县", 2023, "mediation_amount", True, "")]
    points, unit = facts_tab.chart_points(facts)
    assert unit == "万元"
    assert [(p["place"], p["year"], p["value"]) for p in points] == [
        ("甲县", 2022, 24000.0), ("丙县", 2023, 800.0), ("甲县", 2023, 9000.0)]
    lines = facts_tab.line_frame(points)
    assert list(lines.columns[:3]) == ["year", "value", "place"] and str(lines["value"].dtype) == "float64"
    bars = facts_tab.bar_frame(points)
    assert list(bars["place"]) == ["甲县", "丙县"] and list(bars["year"]) == [2023, 2023]  # latest year each
    assert facts_tab.chart_points([_fact("甲县", 2023, "zero_defeat", True, "")]) == ([], "")


def test_selected_row_and_point_show_the_quote_and_open_the_viewer(app):
    assistant, demo, _ = app
    tab = demo.fazhi_facts
    table, _, _, _, _, _, kept, points = tab.view("dispute_resolution_rate", "", "all")
    row = table["data"][1]
    evt = gr.SelectData(None, {"index": [1, 6], "value": row[6], "row_value": row})
    quote, page, bar = tab.pick_row(kept, evt)
    fact = kept[1]
    assert html.escape(fact["quote"]) in quote and f'href="#fz-open:{fact["report_id"]}:' in quote
    marked = re.search(r'<mark id="fz-hit">(.*?)</mark>', page, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", marked)) == fact["quote"] and bar["open"] is True
    assert assistant.text(fact["report_id"])[fact["start"]:fact["end"]] == fact["quote"]
    # the reader sorted the table: the row's values still find their fact
    evt = gr.SelectData(None, {"index": [0, 0], "value": row[0], "row_value": row})
    assert html.escape(fact["quote"]) in tab.pick_row(kept, evt)[0]
    # bars select places; lines a range of years
    place = points[0]["place"]
    quote, page, _ = tab.pick_point(points, gr.SelectData(None, {"index": [place], "value": [place]}))
    assert html.escape(points[0]["quote"]) in quote and 'id="fz-hit"' in page
    quote, _, _ = tab.pick_point(points, gr.SelectData(None, {"index": [2022.6, 2023.2], "value": [2022.6, 2023.2]}))
    assert "还有" in quote  # several points in the range: the first is shown, the rest counted
    nothing, _, _ = tab.pick_point(points, gr.SelectData(None, {"index": ["火星县"], "value": ["火星县"]}))
    assert "fz-error" in nothing


PINGLUO_2022 = """平罗县2022年度法治政府建设情况报告

2022年,平罗县深入学习贯彻习近平法治思想,扎实推进法治政府建设。现将有关情况报告如下。

一、主要工作情况
(一)提升行政复议和应诉能力
2022年共有行政诉讼案件120件,败诉率为18.3%,行政机关负责人出庭率达100%。

二、存在的不足
基层法治力量仍较薄弱。

平罗县人民政府
2023年1月20日
"""


def test_two_years_of_a_place_draw_a_line_and_a_year_range_selects(fresh, tmp_path):  # noqa: F811
    (tmp_path / "pingluo_2022.txt").write_text(PINGLUO_2022, encoding="utf-8")
    assert len(fresh.ingest([tmp_path / "pingluo_2022.txt"], progress=False).added) == 1
    with running(fresh) as (demo, _):
        tab = demo.fazhi_facts
        _, _, _, bars, lines, note, _, points = tab.view("litigation_defeat_rate", "", "all")
        assert lines["visible"] is True and note == "" and "(%)" in lines["y_title"]
        frame = lines["value"]
        pingluo = frame[frame["place"] == "平罗县"]
        assert list(pingluo["year"]) == [2022, 2023] and list(pingluo["value"]) == [18.3, 21.6]
        assert str(frame["value"].dtype) == "float64" and str(frame["year"].dtype) == "int64"
        bar = bars["value"]
        assert float(bar[bar["place"] == "平罗县"]["value"].iloc[0]) == 21.6  # the latest year
        quote, page, _ = tab.pick_point(points, gr.SelectData(None, {"index": [2021.8, 2022.2],
                                                                           "value": [2021.8, 2022.2]}))
        in_2022 = [p for p in points if p["year"] == 2022]
        assert html.escape(in_2022[0]["quote"]) in quote and len(in_2022) >= 2 and "还有" in quote
        assert 'id="fz-hit"' in page


@pytest.mark.slow
def test_selecting_a_fact_row_shows_its_quote_in_browser(page_url, browser):  # noqa: F811
    assistant, url = page_url
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.get_by_role("tab", name="数据").click()
    page.locator("#fz-f-ind input").click()
    page.locator("#fz-f-ind input").fill("矛盾纠纷化解率")
    page.keyboard.press("Enter")
    page.locator("#fz-bars").wait_for(state="visible", timeout=15_000)
    count = len(assistant.facts(indicator="dispute_resolution_rate"))
    assert f"共 {count} 条数据" in page.locator("#fz-facts-count").inner_text()
    fact = next(f for f in assistant.facts(indicator="dispute_resolution_rate") if f.place == "平罗县")
    cells = page.locator("#fz-facts span:visible").filter(has_text=re.compile(rf"^{re.escape(fact.value_text)}$"))
    cells.first.click()  # (the table also keeps hidden copies of its cells for measuring)
    shown = page.locator("#fz-fact-quote mark")
    shown.wait_for(state="visible", timeout=15_000)
    assert shown.inner_text() == fact.quote
    hit = page.locator("#fz-viewer mark#fz-hit")
    hit.wait_for(state="visible", timeout=15_000)
    assert hit.inner_text() == fact.quote
    page.wait_for_function(IN_VIEW, timeout=10_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "facts.png"), full_page=True)
    # brushing over the first bar (the highest value) selects that place's fact
    page.locator("#fz-viewer-bar .toggle-button").click()  # the viewer closes; the chart gets the width back
    page.wait_for_timeout(1000)  # the chart is drawn again at its new width
    page.locator("#fz-bars").scroll_into_view_if_needed()
    page.wait_for_timeout(600)
    chart = page.locator("#fz-bars svg.marks").first
    box = chart.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 70, y)
    page.mouse.down()
    page.mouse.move(box["x"] + 110, y, steps=6)
    page.mouse.up()
    points, _ = facts_tab.chart_points(assistant.facts(indicator="dispute_resolution_rate"))
    first = facts_tab.bar_frame(points)["place"][0]
    quote = next(p["quote"] for p in points if p["place"] == first)
    page.wait_for_function(f"() => document.querySelector('#fz-fact-quote').innerText.includes({quote[:20]!r})",
                           timeout=15_000)
