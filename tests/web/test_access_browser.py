"""Keyboard, placeholders and the phone in a real browser (issue 21, points 6–8): every Tab stop is a visible,
named control (never <body>), placeholder text meets AA in both themes (the viewer's find box included), and at
390×844 the chat grows with the page instead of scrolling inside it, the question row stays on screen and an
answer's table keeps its first column."""
from __future__ import annotations

import pytest

from test_browser import ARTIFACTS, browser, extractive_answers, page_url  # noqa: F401  (fixtures)
from test_page_browser import COLOR_JS, CONTRAST_JS, ask, zero_defeat_answered

pytestmark = pytest.mark.slow
COMPARE = "compare Linhai and Pingluo"
# where focus is after a Tab: in the page (and which control) or gone to the browser
FOCUS_JS = """() => { const a = document.activeElement, r = a.getBoundingClientRect(), st = getComputedStyle(a);
  const name = a.getAttribute('aria-label') || (a.labels && a.labels[0] && a.labels[0].innerText) || a.title
    || a.placeholder || a.innerText || '';
  return {inPage: document.hasFocus(), tag: a.tagName, id: a.id, cls: String(a.className).slice(0, 40),
          shown: r.width > 0 && r.height > 0 && st.visibility !== 'hidden', name: name.trim().slice(0, 40)}; }"""
# each visible placeholder's contrast against its box
PLACEHOLDER_JS = """() => {""" + COLOR_JS + """
  const bad = [], seen = [];
  for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    const r = el.getBoundingClientRect();
    if (!el.placeholder.trim() || el.value || !r.width || !r.height) continue;
    const ratio = ratioOf(rgba(getComputedStyle(el, '::placeholder').color), bgOf(el));
    seen.push(el.placeholder.slice(0, 12));
    if (ratio < 4.5) bad.push(`${ratio.toFixed(2)} "${el.placeholder.slice(0, 30)}"`);
  }
  return {bad, seen};
}"""
# scroll boxes inside the chat that hold more than they show
INNER_SCROLL_JS = """() => [...document.querySelectorAll('#fz-chat, #fz-chat *')].filter(n => {
  const s = getComputedStyle(n);
  return (s.overflowY === 'auto' || s.overflowY === 'scroll') && n.scrollHeight > n.clientHeight + 2;
}).map(n => `${n.tagName}.${n.className} ${n.clientHeight}/${n.scrollHeight}`)"""


def test_every_tab_stop_is_a_visible_named_control(page_url, browser):
    page = zero_defeat_answered(page_url, browser)
    page.wait_for_function("!document.querySelector('#fz-retry').disabled", timeout=10_000)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    stops = []
    for _ in range(250):  # once around the page: back at the first control
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS_JS))
        if len(stops) > 10 and stops[-1] == stops[0]:
            break
    assert stops[-1] == stops[0], "Tab never came back around"
    inside = [s for s in stops if s["inPage"]]
    assert len(inside) > 30 and len(stops) - len(inside) <= 1  # at most the one step out to the browser
    assert not [s for s in inside if s["tag"] in ("BODY", "HTML")], "a Tab stop lands on the page itself"
    assert not [s for s in inside if not s["shown"]], [s for s in inside if not s["shown"]]
    assert not [s for s in inside if not s["name"]], [s for s in inside if not s["name"]]
    ids = {s["id"] for s in inside}
    assert {"fz-send", "fz-retry", "fz-edit", "fz-new"} <= ids and "fz-open-go" not in ids
    assert [s for s in inside if "fz-ref" in s["cls"]], "the answer's [n] links are reachable"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_placeholders_and_the_viewer_meet_aa(page_url, browser, scheme):
    _, url = page_url
    page = browser.new_page(viewport={"width": 1440, "height": 900}, color_scheme=scheme)
    page.goto(url)
    page.locator("#fz-question textarea").wait_for(state="visible")
    page.wait_for_timeout(800)
    shown = page.evaluate(PLACEHOLDER_JS)
    assert not shown["bad"], shown["bad"]
    assert len(shown["seen"]) >= 3, shown["seen"]  # the question, the conversation search and title boxes
    bad = page.evaluate(CONTRAST_JS)  # the empty chat's hint included
    assert not bad, bad[:15]

    page.locator("#fz-examples button").first.click()
    page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
    page.locator("#fz-chat a.fz-open").first.evaluate("el => el.closest('details').open = true")
    page.locator("#fz-chat a.fz-open").first.click()
    page.locator("#fz-viewer .fz-find-input").wait_for(state="visible", timeout=15_000)
    page.wait_for_timeout(1000)
    shown = page.evaluate(PLACEHOLDER_JS)
    assert not shown["bad"], shown["bad"]
    assert any(p.startswith("在本报告") for p in shown["seen"]), shown["seen"]
    page.locator("#fz-viewer .fz-find-input").fill("行政")
    page.wait_for_timeout(300)
    bad = page.evaluate(CONTRAST_JS)  # the report, its outline, the find bar, its marked matches
    assert not bad, bad[:15]
    page.screenshot(path=str(ARTIFACTS / f"viewer-{scheme}.png"))


def test_phone_chat_grows_with_the_page_and_tables_keep_their_first_column(page_url, browser):
    _, url = page_url
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                            has_touch=True)
    page.goto(url)
    page.locator("#fz-question textarea").wait_for(state="visible")
    ask(page, "平罗县2023年行政诉讼败诉率是多少?")
    page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
    ask(page, COMPARE)
    page.locator("#fz-chat .fz-table table").first.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(800)
    assert page.evaluate(INNER_SCROLL_JS) == []  # no scroll box inside the scrolling page
    assert page.evaluate("document.documentElement.scrollHeight") > 844 * 2  # the page holds the whole chat
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    # the finished answer is shown from its question, with the question box still on screen below it
    last_q = page.locator("#fz-chat .fz-q").last.bounding_box()
    assert 0 <= last_q["y"] < 200, last_q
    box = page.locator("#fz-question textarea").bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 844, box
    page.screenshot(path=str(ARTIFACTS / "mobile-chat-answered.png"))

    table = page.locator("#fz-chat .fz-table").last
    table.scroll_into_view_if_needed()
    first = table.locator("tbody tr td").first
    later = table.locator("tbody tr td").last
    before, later_before = first.bounding_box(), later.bounding_box()
    table.evaluate("el => { el.scrollLeft = 400; }")
    page.wait_for_timeout(300)
    assert later.bounding_box()["x"] < later_before["x"] - 100  # the table scrolled sideways …
    assert abs(first.bounding_box()["x"] - before["x"]) < 2  # … and its first column stayed
    assert first.bounding_box()["width"] <= 9 * 16 + 20  # a label column, not the whole screen
    page.screenshot(path=str(ARTIFACTS / "mobile-table-scrolled.png"))
