"""One language throughout (issue 21, point 2) in a real browser: after a switch to English no interface text
outside the data (answers, report titles, place names, example questions) is Chinese, Gradio's own widgets
included; in Chinese the upload box and the year filter are Chinese; answers on screen are redrawn."""
from __future__ import annotations

import pytest

from test_browser import ARTIFACTS, browser, extractive_answers, page_url  # noqa: F401  (fixtures)
from test_page_browser import zero_defeat_answered

pytestmark = pytest.mark.slow
# data, not interface: answers, example questions, table rows, the conversation's title (its question), the
# language choice "中文" itself, the selected place chips
DATA = "#fz-chat, #fz-examples, #fz-lang, tbody, td, #fz-reports .cell-wrap, #fz-facts .cell-wrap, #fz-conversations, #fz-filter-bar .fz-filter-chip, .fz-header h1 span"
CHINESE_CHROME_JS = """(data) => {
  const out = [], it = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (it.nextNode()) {
    const n = it.currentNode, el = n.parentElement, s = n.textContent.trim();
    if (!s || !el || el.closest('script,style,[hidden]') || el.closest(data)) continue;
    const r = el.getBoundingClientRect(), st = getComputedStyle(el);
    if (!r.width || !r.height || st.visibility === 'hidden' || st.display === 'none') continue;
    if (/[\\u4e00-\\u9fff]/.test(s)) out.push(`${el.tagName}.${el.className} "${s.slice(0, 40)}"`);
  }
  return out;
}"""


def chinese_chrome(page) -> list[str]:
    return page.evaluate(CHINESE_CHROME_JS, DATA)


def test_one_language_throughout_and_a_switch_redraws_what_is_shown(page_url, browser):
    page = zero_defeat_answered(page_url, browser)
    assert "引用原文" in page.locator("#fz-chat").inner_text()
    assert page.locator("#fz-year input").input_value() == "全部"  # not "all"
    page.get_by_role("tab", name="报告").click()
    files = page.locator("#fz-files")
    files.wait_for(state="visible")
    page.wait_for_timeout(300)
    assert "将文件拖放到此处" in files.inner_text() and "Drop File" not in files.inner_text()
    assert "乡镇" not in page.locator("#fz-reports thead").inner_text()

    page.locator("#fz-lang label", has_text="English").click()
    page.get_by_role("tab", name="Chat").wait_for(state="visible", timeout=10_000)
    page.wait_for_function("document.querySelector('#fz-chat').innerText.includes('Sources (')", timeout=10_000)
    assert "引用原文" not in page.locator("#fz-chat").inner_text()  # the answer on screen was redrawn
    page.get_by_role("tab", name="Reports").click()
    page.wait_for_function("document.querySelector('#fz-reports thead').innerText.includes('Address')", timeout=10_000)
    assert "Drop files here" in page.locator("#fz-files").inner_text()
    bad = chinese_chrome(page)
    assert not bad, bad[:10]
    page.get_by_role("tab", name="Facts").click()
    page.wait_for_function("document.querySelector('#fz-facts-count').innerText.includes('facts')", timeout=10_000)
    bad = chinese_chrome(page)
    assert not bad, bad[:10]
    page.screenshot(path=str(ARTIFACTS / "facts-en.png"), full_page=True)
    page.get_by_role("tab", name="Chat").click()
    assert page.locator("#fz-year input").input_value() == "all"
    page.locator("#fz-send").click()  # nothing typed: a toast titled in English
    page.get_by_text("Type a question first").last.wait_for(state="visible", timeout=10_000)
    bad = chinese_chrome(page)
    assert not bad, bad[:10]
    page.screenshot(path=str(ARTIFACTS / "chat-en.png"))
