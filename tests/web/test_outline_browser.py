"""The report viewer's outline: a section link scrolls its heading into view, away from the cited passage.
(Its own module: run after the handler tests of test_viewer.py on the same page fixtures, the last section was
seen to end out of view — noted for the next session in issue 21's closing note.)"""
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
    last = page.locator("#fz-viewer .fz-outline a").last
    target = last.get_attribute("href")
    last.click()
    page.wait_for_function(
        f"() => {{ const el = document.querySelector('#fz-viewer {target}'), r = el.getBoundingClientRect(),"
        " d = el.closest('.fz-doc').getBoundingClientRect(); return r.top >= d.top - 2 && r.top <= d.bottom; }",
        timeout=20_000)  # a smooth scroll under a loaded machine takes seconds
    # the last section is far from the passage: once the outline's scroll settles, the passage is out of view
    page.wait_for_function(f"() => !({IN_VIEW})()", timeout=20_000)
    page.close()
