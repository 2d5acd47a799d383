"""Users and roles (FAZHI_AUTH): each API endpoint called as the owner, as another user and as no user."""
from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from contextlib import contextmanager  # noqa: E402

import gradio as gr  # noqa: E402
import pytest  # noqa: E402
from gradio_client import Client, handle_file  # noqa: E402
from gradio_client.exceptions import AppError  # noqa: E402

from assistant import Assistant, Settings  # noqa: E402
from assistant.errors import FazhiError, InputError  # noqa: E402
from assistant.web.app import build_app, check_exposure, launch_kwargs  # noqa: E402
from assistant.web.auth import Auth, add_user, hash_password, is_loopback, read_users, verify_password  # noqa: E402
from conftest import REPORTS, FakeEmbedding, copy_home  # noqa: E402
from test_app import close_page, free_port  # noqa: E402

HEADER = "X-Forwarded-User"
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def extractive_answers(monkeypatch):
    monkeypatch.setenv("FAZHI_LLM", "none")


def test_passwords_are_salted_scrypt_and_checked():
    one, two = hash_password(PASSWORD), hash_password(PASSWORD)
    assert one != two and one.startswith("scrypt$") and PASSWORD not in one
    assert verify_password(PASSWORD, one) and not verify_password("wrong password", one)
    assert not verify_password(PASSWORD, "plain:text")


def test_users_file_is_written_private_and_read_back(tmp_path):
    path = tmp_path / "users"
    add_user(path, "alice", "editor", PASSWORD)
    add_user(path, "bob", "reader", PASSWORD)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert {n: r for n, (r, _) in read_users(path).items()} == {"alice": "editor", "bob": "reader"}
    for bad in (("x y", "reader", PASSWORD), ("carol", "admin", PASSWORD), ("carol", "reader", "short")):
        with pytest.raises(InputError):
            add_user(path, *bad)
    path.write_text("alice:editor:plaintext\n")
    with pytest.raises(InputError, match="line 1"):
        Auth(f"file:{path}")
    with pytest.raises(InputError, match="FAZHI_AUTH"):
        Auth("ldap:whatever")


def test_no_sign_in_binds_only_to_loopback(tmp_path):
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    exposed = Settings(home=tmp_path, host="0.0.0.0")
    with pytest.raises(FazhiError, match="--insecure"):
        check_exposure(exposed)
    check_exposure(exposed, insecure=True)
    check_exposure(exposed.model_copy(update={"auth": f"header:{HEADER}"}))
    check_exposure(Settings(home=tmp_path))


@contextmanager
def page(home, **auth):
    a = Assistant.open(Settings(home=home, allow_private_urls=True, **auth), embed_model=FakeEmbedding())
    settings = a.settings.model_copy(update={"host": "127.0.0.1", "port": free_port()})
    demo = build_app(a)
    demo.launch(**launch_kwargs(settings), prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{settings.port}/"
    finally:
        close_page(demo)
        a.close()


def _as(url: str, name: str | None) -> Client:
    return Client(url, verbose=False, headers={HEADER: name} if name else {})


def _refused(client: Client, api: str, *args) -> str:
    with pytest.raises(AppError) as err:
        client.predict(*args, api_name=api)
    return str(err.value)


@pytest.fixture
def header_page(seeded_home, tmp_path):
    home = copy_home(seeded_home, tmp_path / "home")
    with page(home, auth=f"header:{HEADER}", auth_editors="alice") as url:
        yield url


def test_every_endpoint_as_owner_other_user_and_no_user(header_page, tmp_path):
    alice, bob, nobody = (_as(header_page, n) for n in ("alice", "bob", None))
    endpoints = set(alice.view_api(print_info=False, return_format="dict")["named_endpoints"])
    report_id = alice.predict(api_name="/reports")[0]["id"]
    chat = alice.predict("平罗县2023年行政诉讼败诉率是多少?", "", [], "all", api_name="/chat")
    conv = chat["conversation"]
    upload = tmp_path / "new.txt"
    upload.write_text((REPORTS / "001_4d08be111e600d4c.txt").read_text(encoding="utf-8"), encoding="utf-8")
    calls = {  # endpoint → (arguments, who may call it: "user" any signed-in user, "owner", "editor")
        "/ask": (("平罗县败诉率", [], "all"), "user"),
        "/reports": ((), "user"),
        "/facts": (("", "", "all"), "user"),
        "/report": ((report_id,), "user"),
        "/export_answer": ((chat["answer"], "md"), "user"),
        "/conversations": ((), "user"),
        "/conversation": ((conv,), "owner"),
        "/chat": (("婺城区行政复议纠错率是多少?", conv, [], "all"), "owner"),
        "/export": ((conv, "md", None), "owner"),
        "/delete_conversation": ((conv,), "owner"),
        "/upload": (([handle_file(str(upload))],), "editor"),
        "/ingest_url": (("http://127.0.0.1:1/report.html",), "editor"),
        "/delete_report": ((report_id,), "editor"),
    }
    assert endpoints == set(calls), f"an endpoint without an access test: {endpoints ^ set(calls)}"
    for api, (args, rule) in calls.items():
        assert "sign in first" in _refused(nobody, api, *args), api
        if rule == "owner":
            assert "unknown conversation" in _refused(bob, api, *args), api
        elif rule == "editor":
            assert "only an editor" in _refused(bob, api, *args), api
        else:
            bob.predict(*args, api_name=api)
    assert conv not in {c["id"] for c in bob.predict(api_name="/conversations")}
    mine = alice.predict(conv, api_name="/conversation")
    assert len(mine["turns"]) == 1  # bob's /chat added nothing to it
    alice.predict(conv, "md", None, api_name="/export")
    assert alice.predict(conv, api_name="/delete_conversation") == []
    assert alice.predict(report_id, api_name="/delete_report")["removed"] == report_id


def test_a_users_file_signs_in_through_gradio(seeded_home, tmp_path):
    users = tmp_path / "users"
    add_user(users, "alice", "editor", PASSWORD)
    add_user(users, "bob", "reader", PASSWORD)
    with page(copy_home(seeded_home, tmp_path / "home"), auth=f"file:{users}") as url:
        with pytest.raises(Exception):  # no sign-in: the page and its API are behind Gradio's login
            Client(url, verbose=False).predict(api_name="/reports")
        with pytest.raises(Exception):
            Client(url, verbose=False, auth=("bob", "wrong password")).predict(api_name="/reports")
        alice = Client(url, verbose=False, auth=("alice", PASSWORD))
        bob = Client(url, verbose=False, auth=("bob", PASSWORD))
        conv = alice.predict("平罗县2023年行政诉讼败诉率是多少?", "", [], "all", api_name="/chat")["conversation"]
        assert [c["id"] for c in alice.predict(api_name="/conversations")] == [conv]
        assert bob.predict(api_name="/conversations") == []
        assert "unknown conversation" in _refused(bob, "/conversation", conv)
        assert "only an editor" in _refused(bob, "/delete_report", alice.predict(api_name="/reports")[0]["id"])


class _Request:
    """What a page event receives from Gradio, as far as auth.py reads it."""

    def __init__(self, name: str | None):
        self.headers = {HEADER.lower(): name} if name else {}
        self.username = None


def test_page_events_follow_the_signed_in_user_not_the_browser_id(seeded_home, tmp_path):
    home = copy_home(seeded_home, tmp_path / "home", ignore=("history.sqlite*",))
    a = Assistant.open(Settings(home=home, auth=f"header:{HEADER}", auth_editors="alice"), embed_model=FakeEmbedding())
    try:
        ui = build_app(a).fazhi.history_ui
        alice, bob = _Request("alice"), _Request("bob")
        conv = list(ui.respond("平罗县2023年行政诉讼败诉率是多少?", [], [], "all", "", "f" * 32, "zh", alice))[-1][3]
        assert ui.store.exists(conv, "alice", strict=True)  # owned by the user, not the browser id sent
        assert ui.open(conv, "f" * 32, None, bob)[:3] == ([], [], "none")  # bob, even with alice's browser id
        assert ui.back(conv, [], bob)[2] == gr.update() and len(ui.store.load(conv)) == 1
        assert ui.downloads(conv, "md", None, None, bob)[0]["value"] is None
        ui.delete(conv, "f" * 32, bob)
        assert ui.store.exists(conv)
        with pytest.raises(gr.Error, match="sign in first"):
            ui.open(conv, "f" * 32, None, _Request(None))
        assert ui.open(conv, "", None, alice)[2] == conv
        ui.delete(conv, "", alice)
        assert not ui.store.exists(conv)
    finally:
        a.close()


def test_with_sign_in_the_page_config_and_facts_tab_carry_no_reports(header_page):
    import httpx

    config = httpx.get(f"{header_page}config").text  # served to anyone, before any handler runs
    reports = _as(header_page, "bob").predict(api_name="/reports")  # a signed-in user sees them
    assert reports and all(m["source"] not in config and m["title"] not in config for m in reports)


def test_facts_tab_events_need_a_user(seeded_home, tmp_path):
    home = copy_home(seeded_home, tmp_path / "home")
    a = Assistant.open(Settings(home=home, auth=f"header:{HEADER}"), embed_model=FakeEmbedding())
    try:
        facts = build_app(a).fazhi_facts
        with pytest.raises(gr.Error, match="sign in first"):
            facts.view("", "", "all", "zh", _Request(None))
        assert facts.view("", "", "all", "zh", _Request("bob"))[0]["data"]
    finally:
        a.close()
