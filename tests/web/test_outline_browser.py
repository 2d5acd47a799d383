"""The report viewer's outline: a section link scrolls its heading into view, away from the cited passage,
and the scrolls still due to the passage (the sidebar sliding open) do not pull the reader back."""
from __future__ import annotations

import pytest

from test_browser import browser, page_url  # noqa: F401  (fixtures)
from test_viewer import IN_VIEW, open_last_card


@pytest.mark.slow
def test_outline_jumps_to_a_section_in_browser(page_url, browser):  # noqa: F811
    _, url = page_url
    page, link = open_last_card(browser, url)
    link.click()
    page.locator("#fz-viewer mark#fz-hit").wait_for(state="visible", timeout=15_000)
    page.wait_for_function(IN_VIEW, timeout=10_000)
    # every scroll to the passage is due (three on the new report, two after the request), none has run yet or
    # some have: a jump now must win over all of them
    page.wait_for_function("() => (window.fzPending || []).length >= 5", timeout=10_000)
    last = page.locator("#fz-viewer .fz-outline a").last
    target = last.get_attribute("href")
    last.click()
    page.wait_for_function(
        f"() => {{ const el = document.querySelector('#fz-viewer {target}'), r = el.getBoundingClientRect(),"
        " d = el.closest('.fz-doc').getBoundingClientRect(); return r.top >= d.top - 2 && r.top <= d.bottom; }",
        timeout=20_000)  # a smooth scroll under a loaded machine takes seconds
    # the last section is far from the passage: the passage is out of view, and stays so once every due scroll
    # would have run
    page.wait_for_function(f"() => !({IN_VIEW})()", timeout=20_000)
    page.wait_for_timeout(1_500)
    assert page.evaluate(f"() => !({IN_VIEW})()")
    page.close()
