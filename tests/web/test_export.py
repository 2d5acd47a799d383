"""Exports: an answer or a conversation as Markdown and .docx (quote, title, section, file), via API and page."""
from __future__ import annotations

import os
import re

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from pathlib import Path  # noqa: E402

import docx  # noqa: E402
import pytest  # noqa: E402
from gradio_client.exceptions import AppError  # noqa: E402

from assistant import Answer, Citation  # noqa: E402
from assistant.errors import InputError  # noqa: E402
from assistant.web import export  # noqa: E402
from assistant.web.history import Turn  # noqa: E402
from test_app import running  # noqa: E402
from test_history import PINGLUO, WUCHENG, extractive_answers, private  # noqa: E402,F401 - fixtures

QUOTE = "2023年共有行政诉讼案件148件,败诉率为21.6%,*负责人*出庭率达100%。<b>"  # Markdown/HTML characters kept
CIT = Citation(key=1, report_id="r1", source="001_4d08be111e600d4c.txt", title="平罗县2023年法治政府建设年度报告",
               place="平罗县", year=2023, section="一、主要工作 > (二)行政应诉", quote=QUOTE, start=5, end=5 + len(QUOTE))
ANSWER = Answer(question=PINGLUO, answer="平罗县2023年行政诉讼败诉率为21.6% [1]。", citations=[CIT])
TABLE = Answer(question="compare", answer="比较如下。\n| 报告 | 行政诉讼案件 |\n|---|---|\n| 平罗县(2023) | 148件 [1] |",
               citations=[CIT])


def docx_text(path) -> str:
    """Every paragraph and table cell of a .docx, one per line."""
    document = docx.Document(str(path))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def assert_cites(text: str, cit: Citation = CIT) -> None:
    for part in (cit.quote, cit.title, cit.section, cit.source):
        assert part in text, part


def test_answer_markdown_keeps_the_quote_verbatim():
    md = export.answer_markdown(ANSWER)
    assert md.startswith(ANSWER.answer) and "**引用原文**" in md
    assert f"> {QUOTE}" in md  # not escaped, not re-wrapped
    assert_cites(md)
    assert "[1] 《平罗县2023年法治政府建设年度报告》 · 章节: 一、主要工作 > (二)行政应诉" in md
    assert "Sources" in export.answer_markdown(ANSWER, "en") and "Section: " in export.answer_markdown(ANSWER, "en")
    two_lines = ANSWER.model_copy(update={"citations": [CIT.model_copy(update={"quote": "第一行\n第二行"})]})
    assert "> 第一行\n> 第二行" in export.answer_markdown(two_lines)


def test_conversation_markdown_and_docx(tmp_path):
    turns = [Turn(n=1, question=PINGLUO, places=["平罗县"], year=2023, answer=ANSWER),
             Turn(n=2, question="败诉率", places=["火星县"], error="unknown place '火星县'"),
             Turn(n=3, question=WUCHENG),  # stopped
             Turn(n=4, question="火星", answer=Answer(question="火星", answer="没有找到。", abstained=True)),
             Turn(n=5, question="compare", answer=TABLE)]
    md = export.markdown("平罗县对话", turns)
    assert md.startswith("# 平罗县对话") and f"## 问: {PINGLUO}" in md and "筛选: 平罗县 · 2023" in md
    assert "未得到回答: unknown place '火星县'" in md and "未回答(已停止)" in md and "报告中未找到答案" in md
    assert_cites(md, CIT.model_copy(update={"quote": export.md_text(QUOTE)}))  # renders as the quote
    path = export.save(tmp_path / "out", "平罗县/../对话", turns, "docx")
    assert path.parent == tmp_path / "out" and path.name == "平罗县_对话.docx"  # no path characters
    text = docx_text(path)
    assert_cites(text)
    assert PINGLUO in text and "筛选: 平罗县 · 2023" in text and "未回答(已停止)" in text
    table = docx.Document(str(path)).tables[0]
    assert [c.text for c in table.rows[1].cells] == ["平罗县(2023)", "148件 [1]"]  # the comparison as a table
    quotes = [p for p in docx.Document(str(path)).paragraphs if p.text == QUOTE]
    assert quotes and quotes[0].style.name == "Quote"
    assert export.save(tmp_path, "x", turns, ".MD").read_text(encoding="utf-8") == export.markdown("x", turns)


def test_markdown_file_shows_hostile_text_instead_of_running_it():
    hostile = Answer(question="q", answer="见 ![t](http://track.example/p.png) 与 [点此](javascript:alert(1)) [1]",
                     citations=[CIT.model_copy(update={"quote": "<script>alert(1)</script> [x]: javascript:go"})])
    md = export.markdown("<img src=x onerror=alert(1)>", [Turn(n=1, question="<script>steal()</script>",
                                                               answer=hostile)])
    for raw in ("<script>", "<img", "![t](", "\n> [x]:"):
        assert raw not in md, raw
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # only an escaped bracket before it: no link
    assert "&lt;script>steal()&lt;/script>" in md and "!\\[t\\](http" in md and "[1]" in md
    assert export.answer_markdown(hostile).startswith(hostile.answer)  # the copy button copies plain text


def test_bad_format_and_copy_button():
    for bad in ("pdf", "", None, "docx; rm -rf /"):
        with pytest.raises(InputError, match="export format must be one of docx, md") as err:
            export.check_format(bad)
        assert "\n" not in str(err.value)
    html = export.copy_button(ANSWER)
    assert "\n" not in html and 'class="fz-copy"' in html and ">复制</span>" in html and 'class="fz-md"' in html
    assert "&lt;b&gt;" in html and "<b>" not in html and "&#10;" in html  # data, one HTML line


def test_export_endpoints(private):
    with running(private) as (_, client):
        conv = client.predict(PINGLUO, "", ["平罗县"], "2023", api_name="/chat")["conversation"]
        client.predict(WUCHENG, conv, None, None, api_name="/chat")
        saved = client.predict(conv, api_name="/conversation")["turns"]
        cits = [Citation.model_validate(c) for t in saved for c in t["answer"]["citations"]]
        whole = client.predict(conv, "docx", None, api_name="/export")
        assert Path(whole).suffix == ".docx"
        text = docx_text(whole)
        assert PINGLUO in text and WUCHENG in text
        for cit in cits:
            assert_cites(text, cit)
            assert private.text(cit.report_id)[cit.start:cit.end] == cit.quote
        second = Path(client.predict(conv, "md", 2, api_name="/export")).read_text(encoding="utf-8")
        assert WUCHENG in second and PINGLUO not in second
        assert_cites(second, cits[-1])
        asked = client.predict(PINGLUO, None, None, api_name="/ask")
        one = docx_text(client.predict(asked, "docx", api_name="/export_answer"))
        assert_cites(one, Citation.model_validate(asked["citations"][0]))
        with pytest.raises(AppError, match="export format must be one of"):
            client.predict(conv, "pdf", None, api_name="/export")
        with pytest.raises(AppError, match="has no turn '7'; turns count from 1"):
            client.predict(conv, "md", 7, api_name="/export")
        with pytest.raises(AppError, match="unknown conversation"):
            client.predict("nope", "md", None, api_name="/export")
        with pytest.raises(AppError, match="answer must be an Answer"):
            client.predict({"no": "answer"}, "md", api_name="/export_answer")
        assert client.predict(conv, "md", None, api_name="/export")  # still serving after the errors


@pytest.mark.slow
def test_page_copies_and_downloads(private, tmp_path):
    from playwright.sync_api import sync_playwright
    from test_browser import ARGS, ARTIFACTS, CHROMIUM

    with running(private) as (_, client), sync_playwright() as p:
        url = client.src.rstrip("/") + "/"
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1050}, accept_downloads=True)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
        page = context.new_page()
        page.goto(url)
        for question in (PINGLUO, WUCHENG):
            page.locator("#fz-question textarea").fill(question)
            page.locator("#fz-question textarea").press("Enter")
            page.locator("#fz-chat button.fz-copy").nth(0 if question == PINGLUO else 1).wait_for(timeout=30_000)
        # the list shows "(2)" turns once the event that also refreshes the export buttons has run
        page.wait_for_function("document.querySelector('#fz-conversations input:checked').parentElement"
                               ".innerText.includes('(2)')", timeout=15_000)

        page.locator("#fz-chat button.fz-copy").first.click()
        page.wait_for_function("document.querySelector('#fz-chat button.fz-copy').classList.contains('fz-copied')",
                               timeout=5_000)
        assert page.locator("#fz-chat button.fz-copy").first.inner_text() == "已复制"
        copied = page.evaluate("navigator.clipboard.readText()")
        marks = page.locator("#fz-chat details.fz-card mark")
        assert "21.6%" in copied and "**引用原文**" in copied and "001_4d08be111e600d4c.txt" in copied
        assert marks.first.inner_text() in copied  # the first answer's quote, verbatim

        with page.expect_download() as got:
            page.locator("#fz-export-answer").click()
        answer_file = tmp_path / got.value.suggested_filename
        got.value.save_as(answer_file)
        text = docx_text(answer_file)
        assert answer_file.suffix == ".docx" and WUCHENG in text and PINGLUO not in text  # the last answer
        assert marks.last.inner_text() in text and "000_1b26b6e538fcc224.txt" in text

        page.locator("#fz-fmt label", has_text="md").click()
        for _ in range(20):  # the buttons' files are rebuilt as Markdown (no sign on the page when it is done)
            with page.expect_download() as got:
                page.locator("#fz-export-conversation").click()
            conv_file = tmp_path / got.value.suggested_filename
            got.value.save_as(conv_file)
            if conv_file.suffix == ".md":
                break
            page.wait_for_timeout(300)
        md = conv_file.read_text(encoding="utf-8")
        assert conv_file.suffix == ".md" and PINGLUO in md and WUCHENG in md
        assert all(marks.nth(i).inner_text() in md for i in range(marks.count()))
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "export.png"))
        browser.close()


def test_download_buttons_follow_the_picked_answer(private):
    import gradio as gr

    from assistant.web.app import build_app

    ui = build_app(private).fazhi.history_ui
    assert [u["interactive"] for u in ui.downloads("none", "docx", None)] == [False, False]  # nothing to export
    chat, _, _, conv = list(ui.respond(PINGLUO, [], [], "all", "none", "ab" * 16))[-1]
    chat, _, _, conv = list(ui.respond(WUCHENG, chat, [], "all", conv, "ab" * 16))[-1]
    picked = ui.pick(gr.SelectData(None, {"index": 1, "value": chat[1]["content"]}))  # the first reply clicked
    assert picked == 1 and ui.pick(gr.SelectData(None, {"index": 3, "value": ""})) == 2
    for choice, asked, other in ((None, WUCHENG, PINGLUO), (picked, PINGLUO, WUCHENG), (9, WUCHENG, PINGLUO)):
        one, whole = ui.downloads(conv, "md", choice)
        text = Path(one["value"]).read_text(encoding="utf-8")
        assert asked in text and other not in text, choice  # 9: not a turn here, so the last answer
        everything = Path(whole["value"]).read_text(encoding="utf-8")
        assert PINGLUO in everything and WUCHENG in everything
        assert one["value"] != whole["value"]
    assert Path(ui.downloads(conv, "docx", None)[0]["value"]).suffix == ".docx"


def test_exports_and_reopened_answers_follow_the_pages_language(private):
    from assistant.web.app import build_app

    ui = build_app(private).fazhi.history_ui
    chat, _, _, conv = list(ui.respond(PINGLUO, [], [], "all", "none", "cd" * 16))[-1]
    chinese = Path(ui.downloads(conv, "md", None)[1]["value"]).read_text(encoding="utf-8")
    english = Path(ui.downloads(conv, "md", None, "en")[1]["value"]).read_text(encoding="utf-8")
    assert "引用原文" in chinese and "Sources" not in chinese
    assert "Sources" in english and "引用原文" not in english
    assert PINGLUO in english  # the question and the quotes stay as they were
    reopened = ui.open(conv, "cd" * 16, "en")[0]
    assert "Sources (" in reopened[1]["content"] and "引用原文" not in reopened[1]["content"]
    assert "引用原文(" in ui.open(conv, "cd" * 16)[0][1]["content"]
