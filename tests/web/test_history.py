"""Saved conversations: the SQLite store, the page's handlers (stop/retry/edit/reopen), the API, a reload."""
from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import sqlite3  # noqa: E402
import threading  # noqa: E402

import pytest  # noqa: E402
from gradio_client.exceptions import AppError  # noqa: E402

from assistant import Answer, Assistant, Citation, Settings  # noqa: E402
from assistant.errors import InputError  # noqa: E402
from assistant.web.app import build_app  # noqa: E402
from assistant.web.history import UNDO_SECONDS, TITLE_CHARS, History  # noqa: E402
from conftest import FakeEmbedding, copy_home  # noqa: E402
from test_app import running  # noqa: E402

PINGLUO = "平罗县2023年行政诉讼败诉率是多少?"
WUCHENG = "婺城区行政复议纠错率是多少?"


@pytest.fixture(autouse=True)
def extractive_answers(monkeypatch):
    monkeypatch.setenv("FAZHI_LLM", "none")  # deterministic answers (set before `private` opens)


@pytest.fixture
def private(seeded_home, tmp_path):
    """A private copy of the seeded store: its history.sqlite starts empty and stays this test's own."""
    home = tmp_path / "home"
    copy_home(seeded_home, home, ignore=("history.sqlite*",))
    a = Assistant.open(Settings(home=home), embed_model=FakeEmbedding())
    yield a
    a.close()


def cited_answer(question: str = "q") -> Answer:
    cit = Citation(key=1, report_id="r1", source="001.txt", title="平罗县报告", place="平罗县", year=2023,
                   section="一、工作", quote="败诉率为21.6%", start=10, end=19)
    return Answer(question=question, answer="败诉率为21.6% [1]。", citations=[cit])


def test_store_keeps_turns_across_instances(tmp_path):
    path = tmp_path / "h" / "history.sqlite"
    store = History(path)
    conv = store.create()
    assert store.exists(conv) and store.title(conv) == ""
    n1 = store.append(conv, PINGLUO, ["平罗县"], 2023)
    store.answer(conv, n1, answer=cited_answer(PINGLUO))
    n2 = store.append(conv, "x" * 100)
    store.answer(conv, n2, error="unknown place '火星县'")
    n3 = store.append(conv, WUCHENG)  # asked, never answered (stopped)
    again = History(path)  # a new process opening the same file
    turns = again.load(conv)
    assert [t.n for t in turns] == [1, 2, 3] == [n1, n2, n3]
    assert turns[0].answer == cited_answer(PINGLUO) and turns[0].places == ["平罗县"] and turns[0].year == 2023
    assert turns[1].answer is None and turns[1].error == "unknown place '火星县'"
    assert turns[2].answer is None and turns[2].error is None
    assert again.title(conv) == PINGLUO  # named by its first question
    assert again.conversations() == [{"id": conv, "title": PINGLUO, "turns": 3, "updated": pytest.approx(
        again.conversations()[0]["updated"])}]
    long = again.create()
    again.append(long, "问" * 100)
    assert len(again.title(long)) == TITLE_CHARS and again.title(long).endswith("…")
    assert [c["id"] for c in again.conversations()] == [long, conv]  # newest first
    mine = again.create(owner="b1")
    assert [c["id"] for c in again.conversations("b1")] == [mine] and again.conversations("b2") == []
    assert again.exists(mine, "b1") and not again.exists(mine, "b2") and again.exists(mine)
    assert again.exists(long, "b2")  # no one's yet (made before the browser had its id, or by the API)
    again.claim(long, "b2")
    again.claim(long, "b1")  # already taken
    assert [c["id"] for c in again.conversations("b2")] == [long] and not again.exists(long, "b1")


def test_store_pop_delete_and_bad_ids(tmp_path):
    store = History(tmp_path / "history.sqlite")
    conv = store.create()
    store.append(conv, PINGLUO)
    store.append(conv, WUCHENG)
    assert store.pop(conv).question == WUCHENG and [t.question for t in store.load(conv)] == [PINGLUO]
    assert store.pop(conv).question == PINGLUO and store.title(conv) == ""  # renamed by the next first question
    assert store.pop(conv) is None
    store.append(conv, WUCHENG)
    assert store.title(conv) == WUCHENG
    assert store.rename(conv, "  平罗县\n败诉率  ") == "平罗县 败诉率" and store.title(conv) == "平罗县 败诉率"
    with pytest.raises(InputError, match="title cannot be empty"):
        store.rename(conv, "   ")
    assert store.pop(conv).question == WUCHENG and store.title(conv) == "平罗县 败诉率"  # a retry keeps the name
    store.append(conv, WUCHENG)
    assert store.title(conv) == "平罗县 败诉率"
    store.delete(conv)
    assert not store.exists(conv) and store.conversations() == []
    store.claim(conv, "ab" * 16)  # no one's until now; then only its browser may undo
    assert not store.restore(conv, "cd" * 16) and store.restore(conv, "ab" * 16)
    assert [t.question for t in store.load(conv)] == [WUCHENG] and not store.restore(conv)  # nothing left to undo
    store.delete(conv)
    with sqlite3.connect(tmp_path / "history.sqlite") as db:  # past the undo window …
        db.execute("UPDATE conversations SET owner = ''")
        db.execute("UPDATE conversations SET deleted = deleted - ?", (UNDO_SECONDS + 1,))
    History(tmp_path / "history.sqlite")  # … it is removed for good, its turns with it
    assert not store.restore(conv)
    with sqlite3.connect(tmp_path / "history.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == 0
    for bad in (conv, "../../etc/passwd", "", None, 42, "'; DROP TABLE turns; --"):
        assert not store.exists(bad)
        with pytest.raises(InputError, match="unknown conversation") as err:
            store.load(bad)
        assert "\n" not in str(err.value)


def test_store_takes_appends_from_many_threads(tmp_path):
    store = History(tmp_path / "history.sqlite")
    convs = [store.create() for _ in range(4)]
    errors = []

    def ask(conv):
        try:
            for i in range(10):
                store.append(conv, f"问题{i}")
        except Exception as err:  # noqa: BLE001 - asserted below
            errors.append(err)

    threads = [threading.Thread(target=ask, args=(c,)) for c in convs]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=30)
    assert not errors
    assert all([t.n for t in store.load(c)] == list(range(1, 11)) for c in convs)


def test_page_handlers_store_reopen_edit_retry_stop(private):
    ui = build_app(private).fazhi.history_ui
    me = ui.open("none", "none")[-1]  # a first visit: this browser gets its id
    assert len(me) == 32 and ui.open("none", me)[-1] == me
    steps = list(ui.respond(PINGLUO, [], ["平罗县"], "2023", "", me))
    chat, _, _, conv = steps[-1]
    assert ui.store.exists(conv) and all(s[3] == conv for s in steps)
    assert "fz-card" in chat[-1]["content"] and 'class="fz-copy"' in chat[-1]["content"]
    turn = ui.store.load(conv)[0]
    assert turn.question == PINGLUO and turn.places == ["平罗县"] and turn.year == 2023
    assert turn.answer and "21.6%" in turn.answer.citations[0].quote
    # an error is stored as its one line; the empty question stores nothing
    chat = list(ui.respond("败诉率", chat, ["火星县"], "all", conv, me))[-1][0]
    assert "unknown place" in ui.store.load(conv)[1].error and "fz-error" in chat[-1]["content"]
    assert list(ui.respond("  ", chat, [], "all", conv, me))[-1][0] == chat and len(ui.store.load(conv)) == 2

    reopened, state, conv_again, listing, picked, _ = ui.open(conv, me)
    assert conv_again == conv and len(reopened) == 4 and reopened == state and picked is None
    assert "21.6%" in reopened[1]["content"] and "fz-card" in reopened[1]["content"]
    assert "unknown place" in reopened[3]["content"]
    assert listing["value"] == conv and listing["choices"][0] == (f"{PINGLUO} (2)", conv)
    assert ui.open("0" * 16, me)[:3] == ([], [], "none")  # a deleted/unknown id: an empty chat, no error
    other = ui.open("none", "none")[-1]  # another browser neither lists nor opens it
    assert other != me and ui.open(conv, other)[:3] == ([], [], "none") and ui.listing(None, other)["choices"] == []

    # edit: the last question back in the box with its filters, and out of the history
    chat, _, box, places, year = ui.back(conv, reopened)
    assert box == "败诉率" and places == ["火星县"] and year == "all" and len(chat) == 2
    assert [t.question for t in ui.store.load(conv)] == [PINGLUO]
    # retry = back, then ask the same question again
    chat, _, box, places, year = ui.back(conv, chat)
    assert (box, places, year, chat) == (PINGLUO, ["平罗县"], "2023", [])
    chat, _, _, conv = list(ui.respond(box, chat, places, year, conv, me))[-1]
    assert len(ui.store.load(conv)) == 1 and "fz-card" in chat[-1]["content"]

    # stop: the running generator is closed; the question stays, its reply says it was stopped
    running_answer = ui.respond(WUCHENG, chat, [], "all", conv, me)
    pending = next(running_answer)[0]
    running_answer.close()
    shown, _ = ui.stopped(pending)
    assert "fz-error" in shown[-1]["content"] and "已停止" in shown[-1]["content"]
    assert ui.store.load(conv)[-1].question == WUCHENG and ui.store.load(conv)[-1].answer is None
    assert "已停止" in ui.open(conv, me)[0][-1]["content"]
    assert ui.delete(conv, other)[:3] == ([], [], "none") and ui.store.exists(conv)  # not the other's to delete
    assert ui.delete(conv, me)[:3] == ([], [], "none") and not ui.store.exists(conv)


@pytest.mark.parametrize("junk", [None, "", 42, {"id": 1}, ["a"], "../history", "a" * 5000, "\ud800", "0" * 16])
def test_page_handlers_take_junk_ids(private, junk):
    """Whatever the browser's storage holds (old, edited, another app's value), the page opens an empty chat."""
    ui = build_app(private).fazhi.history_ui
    chat, state, conv, listing, picked, owner = ui.open(junk, junk)
    assert (chat, state, conv, picked) == ([], [], "none", None) and listing["choices"] == []
    assert owner == junk if junk == "0" * 16 else len(owner) == 32  # a well-formed id is kept, else a new one
    assert ui.delete(junk, junk)[:3] == ([], [], "none")
    assert ui.back(junk, [{"role": "user", "content": "x"}])[0] == [{"role": "user", "content": "x"}]
    assert [u["interactive"] for u in ui.downloads(junk, "docx", junk)] == [False, False]
    assert ui.stopped(junk if isinstance(junk, list) else None) is not None
    chat, _, _, made = list(ui.respond(WUCHENG, [], [], "all", junk, junk))[-1]
    assert made != junk and ui.store.exists(made) and "fz-card" in chat[-1]["content"]


def test_history_endpoints(private):
    with running(private) as (_, client):
        made = client.predict(PINGLUO, "", ["平罗县"], "2023", api_name="/chat")
        conv = made["conversation"]
        assert "21.6%" in made["answer"]["citations"][0]["quote"]
        more = client.predict(WUCHENG, conv, None, None, api_name="/chat")
        assert more["conversation"] == conv
        listed = client.predict(api_name="/conversations")
        assert [(c["id"], c["title"], c["turns"]) for c in listed] == [(conv, PINGLUO, 2)]
        saved = client.predict(conv, api_name="/conversation")
        assert [t["question"] for t in saved["turns"]] == [PINGLUO, WUCHENG]
        for turn in saved["turns"]:
            for cit in turn["answer"]["citations"]:
                assert private.text(cit["report_id"])[cit["start"]:cit["end"]] == cit["quote"]
        with pytest.raises(AppError, match="unknown conversation"):
            client.predict("feedfacefeedface", api_name="/conversation")
        with pytest.raises(AppError, match="unknown conversation"):
            client.predict(PINGLUO, "nope", None, None, api_name="/chat")
        with pytest.raises(AppError, match="question is empty"):
            client.predict(" ", conv, None, None, api_name="/chat")
        assert client.predict(conv, api_name="/conversation")["turns"][-1]["question"] == WUCHENG  # nothing stored
        assert client.predict(conv, api_name="/delete_conversation") == []
        with pytest.raises(AppError, match="unknown conversation"):
            client.predict(conv, api_name="/delete_conversation")
    assert History(private.settings.history_path).conversations() == []  # the file under FAZHI_HOME


# Set just before an action that replaces the chat's answer: true once the chat has held no answer card, however
# briefly (a polled wait can miss a gap shorter than its polling interval).
LATCH_EMPTIED = """window.fzEmptied = false;
new MutationObserver(function (_, seen) {
  if (!document.querySelector('#fz-chat details.fz-card')) { window.fzEmptied = true; seen.disconnect(); }
}).observe(document.getElementById('fz-chat'), {childList: true, subtree: true});"""


@pytest.mark.slow
def test_reload_reopens_the_conversation(private):
    from test_browser import ARGS, ARTIFACTS, CHROMIUM
    from playwright.sync_api import sync_playwright

    with running(private) as (_, client), sync_playwright() as p:
        url = client.src.rstrip("/") + "/"
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1050})
        page.goto(url)
        page.locator("#fz-question textarea").fill(PINGLUO)
        page.locator("#fz-question textarea").press("Enter")
        page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
        page.locator("#fz-chat button.fz-copy").first.wait_for(state="visible", timeout=10_000)
        page.wait_for_timeout(500)  # the browser keeps the conversation id

        page.reload()
        page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
        chat = page.locator("#fz-chat").inner_text()
        assert PINGLUO in chat and "21.6%" in chat
        assert PINGLUO in page.locator("#fz-conversations").inner_text()  # the whole title, in a list

        # edit the last question: back in the box, gone from the chat
        page.locator("#fz-edit").click()
        page.wait_for_function("document.querySelector('#fz-question textarea').value.length > 0", timeout=10_000)
        assert page.locator("#fz-question textarea").input_value() == PINGLUO
        page.locator("#fz-chat details.fz-card").first.wait_for(state="detached", timeout=10_000)
        page.locator("#fz-question textarea").fill(WUCHENG)
        page.locator("#fz-question textarea").press("Enter")
        page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
        page.wait_for_timeout(600)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "history.png"))

        # a new conversation empties the chat; the old one is in the list and reopens
        page.locator("#fz-new").click()
        page.locator("#fz-chat details.fz-card").first.wait_for(state="detached", timeout=10_000)
        page.reload()
        listed = page.locator("#fz-conversations label")
        listed.first.wait_for(state="visible", timeout=15_000)  # the page's load event fills the list (slow when busy)
        page.wait_for_timeout(500)
        assert page.locator("#fz-chat details.fz-card").count() == 0  # the new (empty) one stays open
        assert listed.count() == 1 and WUCHENG in listed.first.inner_text()
        page.locator("#fz-conv-search input, #fz-conv-search textarea").first.fill("火星")  # search: no match
        page.wait_for_function("!document.querySelector('#fz-conversations').innerText.includes('(1)')", timeout=10_000)
        page.locator("#fz-conv-search input, #fz-conv-search textarea").first.fill("婺城")
        page.wait_for_function("document.querySelector('#fz-conversations').innerText.includes('(1)')", timeout=10_000)
        listed.filter(has_text="(1)").first.click()
        page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
        assert WUCHENG in page.locator("#fz-chat").inner_text()
        # rename it
        title = page.locator("#fz-conv-title textarea, #fz-conv-title input").first
        page.wait_for_function("document.querySelector('#fz-conv-title textarea, #fz-conv-title input').value.length",
                               timeout=10_000)
        title.fill("婺城法律援助")
        page.locator("#fz-rename").click()
        page.wait_for_function("document.querySelector('#fz-conversations').innerText.includes('婺城法律援助')",
                               timeout=10_000)
        # retry the renamed conversation's answer: the name stays (issue 21). One click: the old answer goes, the new
        # one comes. The chat is empty in between for only 0.3-0.7 s, and a wait for "no card" begun when click()
        # returns can begin after that (0.9 s after the click was seen under load) and then wait for an empty chat
        # that already came and went; so an observer set before the click latches that moment.
        page.wait_for_function("!document.querySelector('#fz-retry').disabled", timeout=10_000)
        page.evaluate(LATCH_EMPTIED)
        page.locator("#fz-retry").click()
        page.wait_for_function("window.fzEmptied", timeout=10_000)  # retry took the old answer out
        page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
        page.wait_for_timeout(800)  # the list is refreshed after the answer
        listed_now = page.locator("#fz-conversations").inner_text()
        assert "婺城法律援助" in listed_now and WUCHENG not in listed_now, listed_now
        # delete, then undo
        page.locator("#fz-delete").click()
        page.locator("#fz-undo-row").wait_for(state="visible", timeout=10_000)
        assert "婺城法律援助" in page.locator("#fz-undo-note").inner_text()
        page.wait_for_function("!document.querySelector('#fz-conversations').innerText.includes('(1)')", timeout=10_000)
        page.screenshot(path=str(ARTIFACTS / "history-undo.png"))
        page.locator("#fz-undo").click()
        page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=30_000)
        page.wait_for_function("document.querySelector('#fz-conversations').innerText.includes('婺城法律援助')",
                               timeout=10_000)
        assert not page.locator("#fz-undo-row").is_visible()
        browser.close()
    saved = History(private.settings.history_path)
    assert [[t.question for t in saved.load(c["id"])] for c in saved.conversations()] == [[WUCHENG]]
    assert [c["title"] for c in saved.conversations()] == ["婺城法律援助"]


class SlowStream:
    """The Assistant with a slow LLM: evidence, then a token every 0.4 s for 4 s (time to press stop)."""

    def __init__(self, inner):
        self.inner = inner

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def ask_stream(self, question, place=None, year=None):
        import time

        final = self.inner.ask(question, place=place, year=year)
        yield {"type": "evidence", "citations": list(final.citations)}
        for token in ["慢"] * 10:
            time.sleep(0.4)
            yield {"type": "token", "text": token}
        yield {"type": "answer", "answer": final}


@pytest.mark.slow
def test_stop_then_retry_in_the_browser(private):
    from test_browser import ARGS, CHROMIUM
    from playwright.sync_api import sync_playwright

    with running(SlowStream(private)) as (demo, client), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1050})
        page.goto(client.src.rstrip("/") + "/")
        page.locator("#fz-question textarea").fill(PINGLUO)
        page.locator("#fz-question textarea").press("Enter")
        page.locator("#fz-chat .fz-cursor").wait_for(state="visible", timeout=30_000)  # streaming
        page.locator("#fz-stop").click()
        page.locator("#fz-chat .fz-error", has_text="已停止").wait_for(state="visible", timeout=30_000)  # a loaded CI machine
        page.wait_for_timeout(4500)  # past the stream's end: a cancelled answer must not come back
        assert page.locator("#fz-chat .fz-cursor").count() == 0 and page.locator("#fz-chat .fz-card").count() == 0
        store = demo.fazhi.history_ui.store
        (conv,) = [c["id"] for c in store.conversations()]
        assert [(t.question, t.answer) for t in store.load(conv)] == [(PINGLUO, None)]

        page.locator("#fz-retry").click()  # the same question again, in place of the stopped one
        page.locator("#fz-chat details.fz-card").first.wait_for(state="visible", timeout=60_000)
        assert page.locator("#fz-chat .fz-error").count() == 0
        assert page.locator("#fz-chat .fz-q").count() == 1
        (turn,) = store.load(conv)
        assert turn.question == PINGLUO and "21.6%" in turn.answer.citations[0].quote
        browser.close()


def test_a_broken_history_file_costs_no_answer(private):
    ui = build_app(private).fazhi.history_ui
    ui.store.path.unlink()
    ui.store.path.mkdir()  # sqlite cannot open a folder
    chat, _, _, conv = list(ui.respond(PINGLUO, [], [], "all", "none", "ab" * 16))[-1]
    assert conv == "none" and "fz-card" in chat[-1]["content"] and "21.6%" in chat[-1]["content"]
