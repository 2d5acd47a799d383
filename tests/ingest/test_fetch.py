"""Ingest from a URL against a real local HTTP server; private addresses refused unless allowed (SSRF)."""
from __future__ import annotations

import http.server
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.errors import InputError
from assistant.ingest.fetch import check_url, fetch_report
from conftest import REPORTS, ROOT, FakeEmbedding

PAGE = ROOT / "tests" / "data" / "jiangshan.html"


@contextmanager
def serving(folder: Path, redirects: dict[str, str] | None = None):
    """http.server over `folder` on 127.0.0.1:<free port>; `redirects` maps a path to a Location."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=str(folder), **k)

        def do_GET(self):
            if redirects and self.path in redirects:
                self.send_response(302)
                self.send_header("Location", redirects[self.path])
                self.end_headers()
                return
            super().do_GET()

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    shutil.copy(PAGE, folder / "report.html")
    shutil.copy(REPORTS / "001_4d08be111e600d4c.txt", folder / "pingluo.txt")
    (folder / "data.bin").write_bytes(b"\x00\x01" * 100)
    (folder / "big.txt").write_text("法治政府建设" * 20000, encoding="utf-8")
    with serving(folder, {"/to-metadata": "http://169.254.169.254/latest/meta-data/"}) as base:
        yield base


@pytest.fixture
def allowed(tmp_path):
    a = Assistant.open(Settings(home=tmp_path / "home", allow_private_urls=True, max_file_mb=0.1),
                       embed_model=FakeEmbedding())
    yield a
    a.close()


def test_fetches_a_saved_report_page_keeping_the_url_as_source(site, allowed):
    result = allowed.ingest_url(f"{site}/report.html", progress=False)
    assert not result.failed, result.failed
    meta = result.added[0]
    assert meta.source == f"{site}/report.html" and meta.place == "江山市" and meta.year == 2023
    text = allowed.text(meta.id)
    assert "首页 政务公开" not in text  # the same cleaning as a file
    answer = allowed.ask("江山市2023年法治政府建设情况", generate=False)
    assert answer.citations and answer.citations[0].source == f"{site}/report.html"
    txt = allowed.ingest_url(f"{site}/pingluo.txt", progress=False)
    assert txt.added and txt.added[0].place == "平罗县"
    again = allowed.ingest_url(f"{site}/report.html", progress=False)
    assert again.skipped == [f"{site}/report.html"]


def test_fetch_limits_and_types(site, allowed):
    for path, words in (("/data.bin", "content type"), ("/big.txt", "FAZHI_MAX_FILE_MB"),
                        ("/missing.html", "HTTP 404")):
        result = allowed.ingest_url(site + path, progress=False)
        assert not result.added and words in result.failed[0].reason, (path, result.failed)
        assert "\n" not in result.failed[0].reason


def test_private_addresses_refused_without_the_flag(site, tmp_path):
    a = Assistant.open(Settings(home=tmp_path / "home"), embed_model=FakeEmbedding())
    try:
        result = a.ingest_url(f"{site}/report.html", progress=False)
    finally:
        a.close()
    assert not result.added
    reason = result.failed[0].reason
    assert "127.0.0.1" in reason and "FAZHI_ALLOW_PRIVATE_URLS=1" in reason


def test_every_redirect_is_checked(site, tmp_path, monkeypatch):
    """The first hop looks public (its name resolves to a public address); the redirect to the cloud metadata
    address is refused before any connection to it."""
    import assistant.ingest.fetch as fetch

    real = fetch.getaddrinfo
    monkeypatch.setattr(fetch, "getaddrinfo", lambda host, *a, **k: [(2, 1, 6, "", ("93.184.216.34", 80))]
                        if host == "127.0.0.1" else real(host, *a, **k))
    a = Assistant.open(Settings(home=tmp_path / "home"), embed_model=FakeEmbedding())
    try:
        result = a.ingest_url(f"{site}/to-metadata", progress=False)
    finally:
        a.close()
    assert "169.254.169.254" in result.failed[0].reason and "link-local" in result.failed[0].reason


@pytest.mark.parametrize("url", ["http://localhost/x", "http://10.0.0.8/x", "http://[::1]/x", "http://169.254.169.254/",
                                 "http://[::ffff:127.0.0.1]/x", "http://0.0.0.0/x", "file:///etc/passwd",
                                 "ftp://example.org/x", "http:///nohost",
                                 # IPv6 forms that reach an internal IPv4 host: IPv4-compatible, NAT64, 6to4, Teredo
                                 "http://[::127.0.0.1]/x", "http://[64:ff9b::7f00:1]/x", "http://[64:ff9b::a00:8]/x",
                                 "http://[2002:7f00:1::]/x", "http://[2002:a00:8::1]/x",
                                 "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/x"])
def test_check_url_refuses(url):
    with pytest.raises(InputError):
        check_url(url, allow_private=False)


def test_secrets_in_urls_are_redacted(site, tmp_path):
    a = Assistant.open(Settings(home=tmp_path / "home", allow_private_urls=True), embed_model=FakeEmbedding())
    try:
        result = a.ingest_url(site.replace("http://", "http://user:S3CRET@") + "/report.html?api_key=S3CRET&x=1",
                              progress=False)
    finally:
        a.close()
    shown = result.model_dump_json()
    assert "S3CRET" not in shown and "api_key=***" in shown


def test_cli_ingests_a_url(site, settings, monkeypatch):
    from typer.testing import CliRunner

    from assistant.cli import app

    monkeypatch.setattr("assistant.assistant.make_embedder", lambda s: FakeEmbedding())
    runner = CliRunner()
    refused = runner.invoke(app, ["ingest", f"{site}/report.html"])
    assert refused.exit_code == 2 and "FAZHI_ALLOW_PRIVATE_URLS=1" in refused.output
    monkeypatch.setenv("FAZHI_ALLOW_PRIVATE_URLS", "1")
    ok = runner.invoke(app, ["ingest", f"{site}/report.html", str(REPORTS / "003_49aefc5b94c96eef.txt")])
    assert ok.exit_code == 0 and "2 added" in ok.output, ok.output


@contextmanager
def trickling(interval: float = 0.3):
    """A server that never finishes its headers: one header line every `interval` s, for a minute."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response_only(200)
            try:
                for i in range(int(60 / interval)):
                    self.wfile.write(f"X-Slow-{i}: 1\r\n".encode())
                    self.wfile.flush()
                    time.sleep(interval)
            except OSError:  # the client gave up: what the test wants
                pass

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/report.html"
    finally:
        server.shutdown()
        server.server_close()


def test_header_trickle_is_cut_at_the_one_deadline(tmp_path):
    settings = Settings(home=tmp_path / "home", allow_private_urls=True, url_timeout=1.0)
    with trickling() as url:
        started = time.monotonic()
        with pytest.raises(InputError) as err:
            fetch_report(url, settings)
        elapsed = time.monotonic() - started
    assert elapsed < 2.5, f"the fetch ran {elapsed:.1f} s past a 1 s deadline"
    assert "not fetched within 1 s" in str(err.value) and "\n" not in str(err.value)


def test_a_slow_url_holds_no_lock_the_page_needs(tmp_path):
    from assistant.web.handlers import WebApp

    a = Assistant.open(Settings(home=tmp_path / "home", allow_private_urls=True, url_timeout=2.0),
                       embed_model=FakeEmbedding())
    web = WebApp(a)
    try:
        with trickling() as url:
            out = {}
            fetching = threading.Thread(target=lambda: out.update(web.ingest_url(url, progress=lambda *a, **k: None)))
            fetching.start()
            time.sleep(0.5)  # the fetch is now waiting for headers
            started = time.monotonic()
            web.reports()
            waited = time.monotonic() - started
            fetching.join(10)
        assert waited < 0.5, f"/reports waited {waited:.1f} s for a fetch"
        assert out["failed"] and "not fetched within 2 s" in out["failed"][0]["reason"]
    finally:
        a.close()


def test_nat64_to_a_public_address_is_allowed():
    check_url("http://[64:ff9b::808:808]/x", allow_private=False)  # 8.8.8.8 through NAT64: public


def _pdf(path: Path, lines: list[str]) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 10)
    for i, line in enumerate(lines):
        c.drawString(30, 800 - 14 * i, line)
    c.save()


def test_a_pdf_served_as_html_is_read_as_pdf(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    lines = [x for x in (REPORTS / "001_4d08be111e600d4c.txt").read_text(encoding="utf-8").splitlines() if x][:40]
    _pdf(folder / "report.html", [x[:50] for x in lines])  # http.server sends it as text/html
    with serving(folder) as base:
        report = fetch_report(f"{base}/report.html", Settings(home=tmp_path / "home", allow_private_urls=True))
    assert "%PDF" not in report.text and "法治政府建设" in report.text
