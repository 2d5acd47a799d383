"""Issue 21's smaller points in a real browser: the counter after a send, buttons with nothing to do disabled,
suggested next questions, Esc closes the viewer, plain-text accessible names, the phone's sticky first column."""
from __future__ import annotations

import re

import pytest

from test_browser import ARTIFACTS, browser, extractive_answers, page_url  # noqa: F401  (fixtures)
from test_page_browser import ask

pytestmark = pytest.mark.slow
PINGLUO = "平罗县2023年行政诉讼败诉率是多少?"


def test_counter_buttons_suggestions_viewer_and_names(page_url, browser):
    _, url = page_url
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.goto(url)
    page.locator("#fz-question textarea").wait_for(state="visible")
    page.wait_for_timeout(800)
    for button in ("#fz-stop", "#fz-retry", "#fz-edit", "#fz-delete"):
        assert page.locator(button).is_disabled(), f"{button} has nothing to do yet"
    page.locator("#fz-question textarea").type("平罗县")
    assert "3 / 2000" in page.locator("#fz-counter").inner_text()
    page.locator("#fz-question textarea").fill("")
    ask(page, PINGLUO)
    page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
    page.wait_for_function("document.querySelector('#fz-counter').innerText.startsWith('0 /')", timeout=5_000)
    page.wait_for_function("!document.querySelector('#fz-retry').disabled", timeout=10_000)
    assert page.locator("#fz-stop").is_disabled() and page.locator("#fz-edit").is_enabled()
    labels = page.locator("#fz-chat [aria-label]").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert labels and not [x for x in labels if "<" in x], labels[:3]

    # a suggested next question asks itself
    suggested = page.locator("#fz-chat button.fz-suggest-q")
    suggested.first.wait_for(state="visible", timeout=10_000)
    question = suggested.first.inner_text()
    assert "平罗县" in question and question != PINGLUO
    suggested.first.click()
    page.wait_for_function(f"[...document.querySelectorAll('#fz-chat .fz-q')].pop().innerText.includes({question!r})",
                           timeout=30_000)

    # the viewer opens from a card and Esc closes it
    page.locator("#fz-chat a.fz-open").first.evaluate("el => el.closest('details').open = true")
    page.locator("#fz-chat a.fz-open").first.click()
    page.locator("#fz-viewer mark#fz-hit").wait_for(state="visible", timeout=15_000)
    page.wait_for_function("document.getElementById('fz-viewer-bar').classList.contains('open')", timeout=5_000)
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('fz-viewer-bar').classList.contains('open')", timeout=5_000)


def test_phone_table_keeps_its_first_column(page_url, browser):
    _, url = page_url
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                            has_touch=True)
    page.goto(url)
    page.get_by_role("tab", name="报告").click()
    page.locator("#fz-reports table").first.wait_for(state="visible")
    page.wait_for_timeout(500)
    first, later = page.locator("#fz-reports table tbody tr td").first, page.locator("#fz-reports table tbody tr td").nth(4)
    before, later_before = first.bounding_box(), later.bounding_box()
    page.locator("#fz-reports table").first.evaluate(
        "el => { for (let n = el; n; n = n.parentElement) if (n.scrollWidth > n.clientWidth + 5 && "
        "getComputedStyle(n).overflowX !== 'visible') { n.scrollLeft = 400; return; } }")
    page.wait_for_timeout(300)
    after = first.bounding_box()
    assert later.bounding_box()["x"] < later_before["x"] - 100  # the table did scroll sideways …
    assert before and after and abs(after["x"] - before["x"]) < 2, (before, after)  # … and the place column stayed
    page.screenshot(path=str(ARTIFACTS / "mobile-reports-scrolled.png"))


def test_the_selected_report_row_is_highlighted(page_url, browser):
    _, url = page_url
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.get_by_role("tab", name="报告").click()
    page.locator("#fz-reports table").first.wait_for(state="visible")
    page.wait_for_timeout(500)
    cell = page.locator("#fz-reports span:visible").filter(has_text=re.compile("^临海市$")).first
    cell.click()
    page.wait_for_timeout(400)
    row = "el.closest('tr, .virtual-row')"  # Gradio draws a long table as rows of divs
    shades = cell.evaluate(f"el => [...{row}.children].map(c => getComputedStyle(c).backgroundColor)")
    others = cell.evaluate(f"el => {{ const r = {row}, o = r.nextElementSibling || r.previousElementSibling;"
                           " return getComputedStyle(o.children[4]).backgroundColor; }")
    assert set(shades) == {"rgb(254, 243, 199)"} and others != "rgb(254, 243, 199)", (shades, others)
