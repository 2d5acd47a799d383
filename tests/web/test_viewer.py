"""The report viewer: rendering (escaped, passage marked, outline), /report and /delete_report through
gradio_client, the page handlers, and a card's "open report" in a real browser."""
from __future__ import annotations

import html
import re

import pytest
from gradio_client.exceptions import AppError

from assistant.errors import FazhiError
from assistant.models import Answer, Citation, ReportMeta, Section
from assistant.web import viewer
from assistant.web.views import render_answer
from test_app import app, extractive_answers, fresh, running  # noqa: F401  (fixtures)
from test_browser import ARTIFACTS, QUESTION, browser, page_url  # noqa: F401  (fixtures)

TEXT = "标题<b>\n一、工作\n全年收案<script>alert(1)</script>36件,纠错率为9.7%。\n二、不足\n基层 & 力量薄弱。"
SECTIONS = [Section(path="一、工作", level=1, start=TEXT.index("一、"), end=TEXT.index("二、") - 1),
            Section(path="一、工作 > 全年", level=2, start=TEXT.index("全年"), end=TEXT.index("二、") - 1),
            Section(path="二、不足", level=1, start=TEXT.index("二、"), end=len(TEXT))]
IN_VIEW = ("() => { const el = document.querySelector('#fz-viewer #fz-hit'); if (!el) return false;"
           " const r = el.getBoundingClientRect(), d = el.closest('.fz-doc').getBoundingClientRect();"
           " return r.top >= d.top && r.bottom <= d.bottom && r.top >= 0 && r.bottom <= innerHeight"
           " && r.left >= 0 && r.right <= innerWidth; }")  # the marked passage shown, inside the viewer and the window
META = ReportMeta(id="abc123", source="x<y>.txt", title="青石县<报告>", place="青石县", year=2023)


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_render_report_escapes_marks_the_passage_and_outlines_sections():
    start = TEXT.index("<script>")
    end = TEXT.index("9.7%") + 4
    out = viewer.render_report(META, TEXT, SECTIONS, start, end)
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp; 力量" in out
    assert "青石县&lt;报告&gt;" in out and "x&lt;y&gt;.txt" in out
    marked = re.search(r'<mark id="fz-hit">(.*?)</mark>', out, re.S).group(1)
    assert _plain(marked) == TEXT[start:end]
    body = re.search(r'<div class="fz-doc">(.*)</div></div></div>$', out, re.S).group(1)
    assert _plain(body) == TEXT  # the whole text, nothing lost or added
    # one anchor per section, each at its section's first character
    for i, s in enumerate(SECTIONS):
        before = body.split(f'id="fz-sec-{i}"')[0]
        assert len(_plain(before.rsplit("<span", 1)[0])) == s.start
    outline = viewer.render_outline(SECTIONS)
    assert [m for m in re.findall(r'href="#fz-sec-(\d+)"', outline)] == ["0", "1", "2"]
    assert 'class="fz-lv2"' in outline and ">全年</a>" in outline  # the last heading of the path
    assert re.search(r'class="fz-lv2 fz-current"><a href="#fz-sec-1">', out)  # the passage's innermost section
    assert viewer.section_at(SECTIONS, TEXT.index("不足")) == 2 and viewer.section_at(SECTIONS, None) is None


def test_mark_across_a_section_start_and_bad_offsets():
    start, end = TEXT.index("9.7%"), TEXT.index("不足") + 2  # runs over the start of 二、不足
    out = viewer.render_report(META, TEXT, SECTIONS, start, end)
    assert out.count("<mark") == 1 and out.count("</mark>") == 1
    assert out.index('id="fz-sec-2"') > out.index("<mark") and out.index("</mark>") > out.index('id="fz-sec-2"')
    outside = viewer.render_report(META, TEXT, SECTIONS, 5, len(TEXT) + 10)
    assert "<mark" not in outside and "fz-notice" in outside  # said, not guessed
    assert "<mark" not in viewer.render_report(META, TEXT, SECTIONS)
    assert "fz-notice" not in viewer.render_report(META, TEXT, SECTIONS)
    assert "没有识别出章节" in viewer.render_outline([])


def test_find_bar_is_worded_in_the_page_language_and_switches_with_it():
    zh = viewer.render_report(META, TEXT, SECTIONS, lang="zh")
    assert 'placeholder="在本报告中查找"' in zh and 'aria-label="下一个匹配"' in zh and 'data-none="无匹配"' in zh
    assert zh.index('class="fz-find"') < zh.index('class="fz-doc"')  # above the text, outside what it searches
    en = viewer.render_report(META, TEXT, SECTIONS, lang="en")
    assert viewer.reworded(zh, "en") == en and viewer.reworded(en, "zh") == zh
    assert 'placeholder="Find in this report"' in en and "在本报告" not in en and "匹配" not in en


def test_parse_request():
    assert viewer.parse_request(" 6e16b637eb33b75e:12:40 ") == ("6e16b637eb33b75e", 12, 40)
    for bad in ("", "abc", "x:1:2", "abc:1", "abc:-1:2", "abc:1:2:3", None):
        with pytest.raises(FazhiError, match="report_id:start:end") as err:
            viewer.parse_request(bad)
        assert "\n" not in str(err.value)


def test_card_carries_open_report_link():
    cit = Citation(key=1, report_id="6e16b637eb33b75e", source="a.txt", title="T", place="平罗县", year=2023,
                   section="一", quote="败诉率为21.6%", start=10, end=19)
    out = render_answer(Answer(question="q", answer="a [1]", citations=[cit]), "m1", lambda rid: None)
    assert 'href="#fz-open:6e16b637eb33b75e:10:19"' in out and "查看原文" in out


def test_report_endpoint(app):
    assistant, _, client = app
    meta = next(m for m in assistant.reports() if m.place == "平罗县")
    got = client.predict(meta.id, api_name="/report")
    assert got["id"] == meta.id and got["title"] == meta.title and got["place"] == "平罗县"
    assert got["text"] == assistant.text(meta.id) and len(got["text"]) > 1000
    assert len(got["sections"]) == meta.sections and got["sections"][0].keys() >= {"title", "trail", "level", "start", "end"}
    assert all(0 <= s["start"] <= s["end"] <= len(got["text"]) for s in got["sections"])
    assert got["sections"][3]["trail"].endswith(" > " + got["sections"][3]["title"]) and got["sections"][3]["level"] == 2
    with pytest.raises(AppError, match="unknown report id 'nope'") as err:
        client.predict("nope", api_name="/report")
    assert "\n" not in str(err.value).strip()


def test_delete_endpoint_and_page_refresh(fresh):  # noqa: F811
    with running(fresh) as (demo, client):
        before = client.predict(api_name="/reports")
        gone = next(r for r in before if r["place"] == "平罗县")
        done = client.predict(gone["id"], api_name="/delete_report")
        assert done["removed"] == gone["id"] and "001_4d08be111e600d4c.txt" in done["message"]
        after = client.predict(api_name="/reports")
        assert len(after) == len(before) - 1 and gone["id"] not in {r["id"] for r in after}
        assert not client.predict(None, None, None, api_name="/facts") or all(
            r["report_id"] != gone["id"] for r in client.predict(None, None, None, api_name="/facts"))
        answer = client.predict("行政诉讼败诉率是多少?", None, None, api_name="/ask")
        assert all(c["report_id"] != gone["id"] for c in answer["citations"])
        for missing in (gone["id"], "nope"):
            with pytest.raises(AppError, match="unknown report id"):
                client.predict(missing, api_name="/delete_report")
        # what the page refreshes: the table, and the filters without the deleted place
        table, places, _, header = demo.fazhi.refresh()
        assert "平罗县" not in places["choices"] and "4 份报告" in header
        assert all(row[0] != "平罗县" for row in table["data"])
        f_place, *_ = demo.fazhi_facts.refresh("", "平罗县", "all")
        assert f_place["value"] == "" and ("平罗县" not in [c[1] if isinstance(c, tuple) else c
                                                          for c in f_place["choices"]])


def test_viewer_handlers(app):
    import gradio as gr

    assistant, demo, _ = app
    v = demo.fazhi_viewer
    meta = next(m for m in assistant.reports() if m.place == "平罗县")
    text = assistant.text(meta.id)
    start = text.index("败诉率为21.6%")
    page, bar = v.open_request(f"{meta.id}:{start}:{start + 9}")
    assert bar["open"] is True
    assert _plain(re.search(r'<mark id="fz-hit">(.*?)</mark>', page).group(1)) == "败诉率为21.6%"
    bad, _ = v.open_request("<img src=x>")
    assert "fz-error" in bad and "<img" not in bad
    unknown, _ = v.open_request("abcdef:1:2")
    assert "unknown report id 'abcdef'" in html.unescape(unknown)
    # a Reports-table row names its report by its file (the last column)
    row = next(r for r in demo.fazhi.reports_table()["data"] if r[0] == "平罗县")
    evt = gr.SelectData(None, {"index": [0, 1], "value": row[1], "row_value": row})
    assert v.report_row(None, evt)[0] == meta.id


def open_last_card(browser, url):
    """A page asked the example question, its last card unfolded: (page, the card's open-report link)."""
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.goto(url)
    page.locator("#fz-examples button", has_text=QUESTION).click()
    page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
    page.locator("#fz-chat details.fz-card summary").last.click()  # a later card (folded): its passage is further down
    return page, page.locator("#fz-chat details.fz-card a.fz-open").last


@pytest.mark.slow
def test_card_opens_report_at_passage_in_browser(page_url, browser):  # noqa: F811
    assistant, url = page_url
    page, link = open_last_card(browser, url)
    report_id, start, end = link.get_attribute("href").removeprefix("#fz-open:").split(":")
    quote = assistant.text(report_id)[int(start):int(end)]
    link.click()
    hit = page.locator("#fz-viewer mark#fz-hit")
    hit.wait_for(state="visible", timeout=15_000)
    assert hit.inner_text() == quote
    page.wait_for_function(IN_VIEW, timeout=10_000)  # the sidebar slides open, then the passage is scrolled to
    title = next(m.title for m in assistant.reports() if m.id == report_id)
    assert page.locator("#fz-viewer .fz-viewer-title").inner_text() == title
    ARTIFACTS.mkdir(exist_ok=True)
    link.click()  # the same passage again: back at the mark
    page.wait_for_function(IN_VIEW, timeout=10_000)
    page.screenshot(path=str(ARTIFACTS / "viewer.png"))


@pytest.mark.slow
def test_reports_row_opens_and_deletes_with_confirmation_in_browser(fresh, browser):  # noqa: F811
    with running(fresh) as (_, client):
        page = browser.new_page(viewport={"width": 1400, "height": 950})
        page.goto(client.src.rstrip("/") + "/")
        page.get_by_role("tab", name="报告").click()
        page.locator("#fz-reports span:visible").filter(has_text=re.compile("^临海市$")).first.click()
        label = page.locator("#fz-report-selected textarea, #fz-report-selected input").first
        page.wait_for_function("() => !document.querySelector('#fz-report-delete').disabled", timeout=10_000)
        assert label.input_value().startswith("临海市 2020")
        page.locator("#fz-report-open").click()
        page.locator("#fz-viewer .fz-viewer-title").wait_for(state="visible", timeout=10_000)
        assert "临海市" in page.locator("#fz-viewer .fz-viewer-title").inner_text()
        page.locator("#fz-viewer-bar .toggle-button").click()  # close the viewer again
        # delete asks first; cancel keeps the report
        page.locator("#fz-report-delete").click()
        page.locator("#fz-delete-confirm").wait_for(state="visible", timeout=10_000)
        page.locator("#fz-delete-no").click()
        page.locator("#fz-delete-confirm").wait_for(state="hidden", timeout=10_000)
        assert len(fresh.reports()) == 5
        page.locator("#fz-report-delete").click()
        page.locator("#fz-delete-yes").click()
        page.locator("#fz-delete-result .fz-upload-head").wait_for(state="visible", timeout=15_000)
        assert page.locator("#fz-delete-result").inner_text().startswith("✓ 已从索引中删除:临海市 2020")
        page.wait_for_function("() => !document.querySelector('#fz-reports').innerText.includes('临海市')",
                               timeout=15_000)
        assert {m.place for m in fresh.reports()} == {"金华市婺城区", "平罗县", "重庆市綦江区", "宿迁经济技术开发区"}
        assert page.locator("#fz-report-delete").is_disabled()
        page.get_by_role("tab", name="数据").click()
        page.wait_for_timeout(500)
        assert "临海市" not in page.locator("#fz-facts").inner_text()


def test_deleting_an_uploaded_report_removes_its_kept_original(fresh):  # noqa: F811
    """Otherwise `fazhi ingest --rebuild reports/` would bring a deleted upload back."""
    from assistant.ingest import uploads
    from assistant.web.app import build_app
    from test_app import NEW_REPORT

    kept_dir = fresh.settings.reports_dir / uploads.UPLOADS
    ours = kept_dir / "a1" / "qingshi.txt"
    other = kept_dir / "b2" / "qingshi.txt"  # same name, another report: kept
    for path, text in ((ours, NEW_REPORT), (other, NEW_REPORT.replace("青石县", "白石县"))):
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    added = fresh.ingest([ours], progress=False).added
    assert len(added) == 1
    build_app(fresh).fazhi_viewer.delete(added[0].id)
    assert not ours.exists() and not ours.parent.exists() and other.exists()
    assert added[0].id not in {m.id for m in fresh.reports()}
