"""A report's web address (ReportMeta.source_url): read from its page, given with `fazhi ingest FILE --url`,
or the URL it was fetched from; shown by `fazhi reports` and carried by each citation."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.errors import InputError
from assistant.ingest.signals import page_url
from conftest import REPORTS, FakeEmbedding

REPORT = sorted(REPORTS.glob("*.txt"))[1]


def test_page_url_from_a_source_line_or_canonical_link():
    assert page_url("标题\n来源:https://www.pingluo.gov.cn/zwgk/a.html。\n正文") == "https://www.pingluo.gov.cn/zwgk/a.html"
    assert page_url("原文链接: http://sfj.example.gov.cn/x?id=3&token=abc") == "http://sfj.example.gov.cn/x?id=3&token=***"
    assert page_url('<link rel="canonical" href="https://a.gov.cn/b.html">') == "https://a.gov.cn/b.html"
    assert page_url("来源:平罗县司法局") is None and page_url("正文里提到 https 协议") is None


def test_ingest_with_url_keeps_it_and_citations_carry_it(assistant):
    result = assistant.ingest([REPORT], progress=False, url="https://www.gov.cn/report.html")
    assert [m.source_url for m in result.added] == ["https://www.gov.cn/report.html"]
    assert assistant.reports()[0].source_url == "https://www.gov.cn/report.html"  # stored
    with pytest.raises(InputError, match="--url must be an http"):
        assistant.ingest([REPORT], progress=False, url="ftp://x")
    with pytest.raises(InputError, match="2 files were given"):
        assistant.ingest([REPORT, sorted(REPORTS.glob("*.txt"))[2]], progress=False, url="https://a.gov.cn/")


def test_cli_ingest_url_and_reports(settings, monkeypatch):
    monkeypatch.setattr("assistant.assistant.make_embedder", lambda s: FakeEmbedding())
    runner = CliRunner()
    done = runner.invoke(app, ["ingest", str(REPORT), "--url", "https://www.gov.cn/r.html", "--json"])
    assert done.exit_code == 0, done.output
    listed = runner.invoke(app, ["reports"])
    assert "https://www.gov.cn/r.html" in listed.stdout
    metas = json.loads(runner.invoke(app, ["reports", "--json"]).stdout)
    assert metas[0]["source_url"] == "https://www.gov.cn/r.html"
    answer = json.loads(runner.invoke(app, ["ask", "平罗县2023年行政诉讼败诉率是多少?", "--json"]).stdout)
    assert {c["source_url"] for c in answer["citations"]} == {"https://www.gov.cn/r.html"}
    bad = runner.invoke(app, ["ingest", str(REPORTS), "--url", "https://a.gov.cn/"])
    assert bad.exit_code != 0 and "ingest one file with it" in bad.output
