"""Issue 12 in a real browser (Debian's chromium via Playwright): folded cards, the filter notice and its
one-click clear, contrast computed from rendered styles, the mobile layout, the language switch, input limits."""
from __future__ import annotations

import pytest

from test_browser import ARTIFACTS, browser, extractive_answers, page_url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow
ZERO = "Which counties reported zero defeat in reconsideration cases?"

# WCAG relative luminance, and the background an element is drawn on (shared with test_access_browser.py)
COLOR_JS = """
  const rgba = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0,0,0,0];
    const p = m[1].split(',').map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const bgOf = el => { let layers = [], opaque = false;
    for (let n = el; n; n = n.parentElement) { const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) { opaque = true; break; } } }
    // nothing opaque above: the canvas, white in a light scheme and near black in a dark one
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    let out = opaque ? [255, 255, 255] : (dark ? [18, 18, 18] : [255, 255, 255]);
    for (const c of layers.reverse()) out = out.map((v, i) => v * (1 - c[3]) + c[i] * c[3]);
    return out; };
  const ratioOf = (fg, bg) => { const col = fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3]));
    const [a, b] = [lum(col), lum(bg)].sort((x, y) => y - x); return (a + 0.05) / (b + 0.05); };
"""
# the contrast of every visible text against the background it is drawn on
CONTRAST_JS = """() => {""" + COLOR_JS + """
  const bad = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('script,style,svg,[hidden]')) continue;
    const r = el.getBoundingClientRect(), st = getComputedStyle(el);
    if (!r.width || !r.height || st.visibility === 'hidden' || st.display === 'none' || +st.opacity === 0) continue;
    if (el.closest('button:disabled, [aria-disabled=true]')) continue;  // WCAG exempts inactive controls
    const ratio = ratioOf(rgba(st.color), bgOf(el));
    if (ratio < 4.5) bad.push(`${ratio.toFixed(2)} ${el.tagName}.${el.className} "${node.textContent.trim().slice(0, 30)}"`);
  }
  return bad;
}"""


def ask(page, question: str) -> None:
    box = page.locator("#fz-question textarea")
    box.fill(question)
    box.press("Enter")


def zero_defeat_answered(page_url, browser, scheme: str = "light"):
    """A desktop page (the browser set to a light or dark scheme) that has answered the zero-defeat example."""
    _, url = page_url
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, color_scheme=scheme)
    page.goto(url)
    page.locator("#fz-examples button", has_text=ZERO).click()
    page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
    return page


def last_message(page):
    return page.locator("#fz-chat .fz-msg").last


def test_cards_fold_and_filters_are_named_with_a_one_click_clear(page_url, browser):
    page = zero_defeat_answered(page_url, browser)
    cards = page.locator("#fz-chat details.fz-card")
    assert cards.count() >= 2  # one card per report
    assert not cards.nth(1).evaluate("el => el.open")
    assert cards.nth(1).evaluate("el => el.getBoundingClientRect().height") < 60  # a chip, not a paragraph
    ids = [cards.nth(i).get_attribute("id") for i in range(cards.count())]
    assert len(set(ids)) == len(ids)
    ref = page.locator("#fz-chat a.fz-ref").last
    target = ref.get_attribute("href").lstrip("#")
    page.evaluate("document.querySelectorAll('#fz-chat details.fz-card').forEach(d => d.open = false)")
    ref.click()
    page.wait_for_function(f"document.getElementById('{target}').closest('details').open === true", timeout=5_000)

    assert "未设筛选" in page.locator("#fz-filter-bar").inner_text()
    page.locator("#fz-places input").click()
    page.locator("#fz-places input").fill("临海")
    page.get_by_role("option", name="临海市").click()
    page.keyboard.press("Escape")
    page.wait_for_function("document.querySelector('#fz-filter-bar').innerText.includes('临海市')", timeout=5_000)
    ask(page, "平罗县2023年行政诉讼败诉率是多少?")
    button = page.locator("#fz-clear-ask")
    button.wait_for(state="visible", timeout=30_000)
    assert "平罗县" in last_message(page).inner_text() and "临海市" in last_message(page).inner_text()
    assert "清除筛选并重新提问" in button.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-filter.png"))
    button.click()
    page.wait_for_function("document.querySelector('#fz-filter-bar').innerText.includes('未设筛选')", timeout=10_000)
    page.wait_for_function("[...document.querySelectorAll('#fz-chat .fz-msg')].pop().innerText.includes('21.6%')",
                           timeout=30_000)
    assert not button.is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_all_text_has_aa_contrast_and_the_question_box_is_labelled(page_url, browser, scheme):
    page = zero_defeat_answered(page_url, browser, scheme)
    assert page.evaluate("!!document.querySelector('.dark')") == (scheme == "dark")  # the page follows the browser
    page.evaluate("document.querySelectorAll('#fz-chat details.fz-card').forEach(d => d.open = true)")
    page.locator("#fz-chat a.fz-ref").first.focus()  # its preview shows: checked too
    page.wait_for_timeout(500)
    assert page.locator("#fz-chat a.fz-ref .fz-tip").first.is_visible()
    bad = page.evaluate(CONTRAST_JS)
    assert not bad, bad[:15]
    label = page.locator("#fz-question textarea").evaluate(
        "el => el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].innerText) || ''")
    assert label.strip(), "the question box has no accessible label"
    page.screenshot(path=str(ARTIFACTS / f"chat-desktop-{scheme}.png"))
    for tab, shown in (("报告", "#fz-reports"), ("数据", "#fz-facts")):
        page.get_by_role("tab", name=tab).click()
        page.locator(shown).wait_for(state="visible")
        page.wait_for_timeout(600)
        bad = page.evaluate(CONTRAST_JS)
        assert not bad, (tab, bad[:15])
    page.screenshot(path=str(ARTIFACTS / f"facts-{scheme}.png"))


def test_mobile_layout(page_url, browser):
    _, url = page_url
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                            has_touch=True)
    page.goto(url)
    box = page.locator("#fz-question textarea")
    box.wait_for(state="visible")
    rect = box.bounding_box()
    assert rect and rect["y"] + rect["height"] <= 844, f"the question box is below the fold: {rect}"
    page.screenshot(path=str(ARTIFACTS / "mobile-chat.png"))
    places = page.locator("#fz-places")
    places.scroll_into_view_if_needed()
    assert places.is_visible()
    page.get_by_role("tab", name="报告").click()
    table = page.locator("#fz-reports")
    table.wait_for(state="visible")
    page.wait_for_timeout(500)
    rect = page.locator("#fz-reports").get_by_text("平罗县", exact=True).first.bounding_box()
    assert rect and rect["width"] >= 40 and rect["height"] < 40, f"a place squeezed to a character per line: {rect}"
    table_width = page.locator("#fz-reports table").first.evaluate("el => el.getBoundingClientRect().width")
    assert table_width > 390, "the table should keep its columns and scroll sideways"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # the page itself does not scroll sideways
    page.screenshot(path=str(ARTIFACTS / "mobile-reports.png"))


def test_language_switch_is_kept_across_reloads_and_limits_are_shown(page_url, browser):
    _, url = page_url
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.get_by_role("tab", name="问答").wait_for(state="visible", timeout=10_000)
    page.locator("#fz-lang label", has_text="English").click()
    page.get_by_role("tab", name="Chat").wait_for(state="visible", timeout=10_000)
    assert page.locator("#fz-send").inner_text().strip() == "Ask"
    assert "问答" not in page.locator("[role=tablist]").first.inner_text()
    page.reload()
    page.get_by_role("tab", name="Chat").wait_for(state="visible", timeout=10_000)

    box = page.locator("#fz-question textarea")
    box.fill("平" * 2100)
    box.press("End")
    box.type("罗")  # an input event, as typing or pasting gives
    counter = page.locator("#fz-counter")
    assert "2101 / 2000" in counter.inner_text() and "over the 2000 limit" in counter.inner_text()
    box.press("Enter")
    page.get_by_text("over the 2000 limit; shorten it").last.wait_for(state="visible", timeout=10_000)
    assert len(box.input_value()) == 2101  # kept, not cut
    box.fill("平罗县")
    enter = "(el, c) => el.dispatchEvent(new KeyboardEvent('keypress', {key: 'Enter', code: 'Enter', bubbles: true, " \
            "cancelable: true, isComposing: c}))"
    box.dispatch_event("compositionstart")
    box.evaluate(enter, True)
    page.wait_for_timeout(800)  # the Enter that picks an IME candidate sends nothing
    assert page.locator("#fz-chat .fz-q").count() == 0 and box.input_value() == "平罗县"
    box.dispatch_event("compositionend")
    page.wait_for_timeout(200)
    box.evaluate(enter, False)  # a plain Enter afterwards sends
    page.locator("#fz-chat .fz-q").first.wait_for(state="visible", timeout=10_000)
    box.fill("")
    page.locator("#fz-send").click()
    page.get_by_text("Type a question first").last.wait_for(state="visible", timeout=10_000)
