"""The page in a real browser (Debian's /usr/bin/chromium, headless, via Playwright): ask, see cited cards."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
QUESTION = "Which counties reported zero defeat in reconsideration cases?"


@pytest.fixture(autouse=True)
def extractive_answers(monkeypatch):
    monkeypatch.setenv("FAZHI_LLM", "none")  # deterministic extractive answers (set before `seeded` opens)


@pytest.fixture
def page_url(seeded):
    from test_app import running

    with running(seeded) as (demo, client):
        yield seeded, client.src.rstrip("/") + "/"


@pytest.fixture
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing; run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_ask_example_shows_cited_cards(page_url, browser):
    assistant, url = page_url
    texts = [assistant.text(m.id) for m in assistant.reports()]
    outside: list[str] = []
    page = browser.new_page(viewport={"width": 1400, "height": 1050})
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((url, "data:", "blob:")) else None)
    page.goto(url)

    page.locator("#fz-examples button", has_text=QUESTION).click()
    page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
    cards = page.locator("#fz-chat details.fz-card")
    assert cards.count() >= 1 and cards.first.is_visible()
    marks = page.locator("#fz-chat details.fz-card mark")
    quotes = [marks.nth(i).inner_text() for i in range(marks.count())]
    assert quotes and all(any(q in t for t in texts) for q in quotes), quotes
    assert "引用原文" in page.locator("#fz-chat").inner_text()

    # [n] in the answer opens its report's card and shows its quote
    ref = page.locator("#fz-chat a.fz-ref").last
    card_id = ref.get_attribute("href").lstrip("#")
    page.evaluate(f"document.getElementById('{card_id}').closest('details').open = false")  # folded by the reader
    ref.click()
    card = page.locator(f"[id='{card_id}']")
    page.wait_for_function(f"document.getElementById('{card_id}').closest('details').open === true", timeout=5_000)
    card.wait_for(state="visible")
    page.wait_for_timeout(900)  # smooth scroll
    assert card.evaluate("el => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }")

    page.locator("#fz-chat").evaluate("el => el.querySelector('.fz-q').scrollIntoView({block: 'start'})")
    page.locator("#fz-question textarea").fill("平罗县2019年行政诉讼败诉率是多少?")
    page.locator("#fz-question textarea").press("Enter")
    page.locator("#fz-chat .fz-abstain").wait_for(state="visible", timeout=30_000)
    assert "报告中未找到答案" in page.locator("#fz-chat .fz-abstain").inner_text()
    assert page.locator("#fz-chat .fz-error").count() == 0

    # a fresh page shows the first answer as the brief asks for the screenshot
    page.locator("#fz-clear").click()
    page.locator("#fz-examples button", has_text=QUESTION).click()
    page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(600)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat.png"))

    page.get_by_role("tab", name="报告").click()
    page.locator("#fz-reports").wait_for(state="visible")
    page.wait_for_timeout(500)
    assert "平罗县" in page.locator("#fz-reports").inner_text()
    page.screenshot(path=str(ARTIFACTS / "reports.png"), full_page=True)
    assert not outside, f"the page reached off the app: {outside}"
