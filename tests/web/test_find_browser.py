"""The report viewer in a real browser at 1440 px (issue 21): it opens beside a chat still >= 640 px wide, its
find box marks every match and steps through them inside the viewer (both languages), and Esc closes it."""
from __future__ import annotations

import pytest

from assistant.web.i18n import t
from test_browser import ARTIFACTS, browser, extractive_answers, page_url  # noqa: F401  (fixtures)
from test_page_browser import ZERO

pytestmark = pytest.mark.slow
WORD = "行政"  # in every report, many times
COUNT = "document.querySelector('#fz-viewer .fz-find-count').innerText"
# the current match is drawn inside the report's scroll box (and so on screen)
CURRENT_SHOWN = ("() => { const m = document.querySelector('#fz-viewer mark.fz-find-current'); if (!m) return false;"
                 " const r = m.getBoundingClientRect(), d = m.closest('.fz-doc').getBoundingClientRect();"
                 " return r.top >= d.top && r.bottom <= d.bottom && r.bottom <= innerHeight; }")


def viewer_opened(page_url, browser, lang: str):
    """A 1440 px page in `lang` that answered the zero-defeat example and opened its first card's report."""
    assistant, url = page_url
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(url)
    page.locator("#fz-question textarea").wait_for(state="visible")
    if lang == "en":
        page.locator("#fz-lang label", has_text="English").click()
        page.get_by_role("tab", name="Chat").wait_for(state="visible", timeout=10_000)
    page.locator("#fz-examples button", has_text=ZERO).click()
    page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
    link = page.locator("#fz-chat a.fz-open").first
    link.evaluate("el => el.closest('details').open = true")
    report_id = link.get_attribute("href").removeprefix("#fz-open:").split(":")[0]
    link.click()
    page.locator("#fz-viewer mark#fz-hit").wait_for(state="visible", timeout=15_000)
    page.wait_for_function("document.getElementById('fz-viewer-bar').classList.contains('open')", timeout=5_000)
    page.wait_for_timeout(1100)  # the sidebar's slide and the scroll to the passage
    return page, assistant.text(report_id)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_viewer_sits_beside_a_readable_chat_and_searches_its_report(page_url, browser, lang):
    page, text = viewer_opened(page_url, browser, lang)
    chat = page.locator("#fz-chat").bounding_box()
    bar = page.locator("#fz-viewer-bar").bounding_box()
    assert chat["width"] >= 640, f"the viewer squeezes the chat to {chat['width']:.0f} px"
    assert 480 <= bar["width"] <= 760 and abs(bar["x"] + bar["width"] - 1440) < 2, bar
    assert chat["x"] + chat["width"] <= bar["x"] + 1, "the viewer covers the chat"

    box = page.locator("#fz-viewer .fz-find-input")
    assert box.get_attribute("placeholder") == t("find_placeholder", lang) == box.get_attribute("aria-label")
    assert page.locator("#fz-viewer .fz-find-next").get_attribute("aria-label") == t("find_next", lang)
    assert page.locator("#fz-viewer .fz-find-prev").get_attribute("aria-label") == t("find_prev", lang)
    scrolled = page.evaluate("scrollY")
    n = text.count(WORD)
    assert n > 3
    box.fill(WORD)
    page.wait_for_function(f"{COUNT} === '1 / {n}'", timeout=5_000)
    assert page.locator("#fz-viewer mark.fz-find-hit").count() >= n  # a match across the passage's mark is two pieces
    assert page.locator("#fz-viewer mark.fz-find-current").first.inner_text() in WORD
    page.wait_for_function(CURRENT_SHOWN, timeout=5_000)
    first = page.locator("#fz-viewer mark.fz-find-current").first.evaluate("m => m.getBoundingClientRect().top")
    box.press("Enter")
    assert page.evaluate(COUNT) == f"2 / {n}"
    page.wait_for_function(CURRENT_SHOWN, timeout=5_000)
    box.press("Shift+Enter")
    box.press("Shift+Enter")  # before the first: the last
    assert page.evaluate(COUNT) == f"{n} / {n}"
    page.wait_for_function(CURRENT_SHOWN, timeout=5_000)
    last = page.locator("#fz-viewer mark.fz-find-current").first.evaluate("m => m.getBoundingClientRect().top")
    assert abs(last - first) < 300  # each match is brought to the middle of the report's box
    page.locator("#fz-viewer .fz-find-next").click()
    assert page.evaluate(COUNT) == f"1 / {n}"
    assert page.evaluate("scrollY") == scrolled  # the page behind the viewer stays put
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"viewer-find-{lang}.png"))

    box.fill("zzq没有")
    page.wait_for_function(f"{COUNT} === {t('find_none', lang)!r}", timeout=5_000)
    assert page.locator("#fz-viewer mark.fz-find-hit").count() == 0
    assert page.locator("#fz-viewer mark#fz-hit").count() == 1  # the cited passage keeps its mark
    box.fill("")
    page.wait_for_function(f"{COUNT} === ''", timeout=5_000)
    assert page.locator("#fz-viewer .fz-doc").inner_text() == text  # the text itself is untouched

    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('fz-viewer-bar').classList.contains('open')", timeout=5_000)
    page.wait_for_timeout(500)
    assert page.locator("#fz-chat").bounding_box()["width"] > chat["width"]  # the chat takes its room back
