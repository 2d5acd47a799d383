"""The `fazhi` CLI: in-process with the fake embedder, plus one real subprocess run (slow)."""
import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from conftest import REPORTS, SEED, FakeEmbedding


@pytest.fixture
def cli(settings, monkeypatch):
    monkeypatch.setattr("assistant.assistant.make_embedder", lambda s: FakeEmbedding())
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


def test_ingest_ask_reports_json(cli):
    result = cli("ingest", str(REPORTS), "--json")
    assert result.exit_code == 0, result.output
    ingest = json.loads(result.stdout)
    assert len(ingest["added"]) == 5 and ingest["failed"] == []
    result = cli("ask", "平罗县2023年行政诉讼败诉率是多少?", "--json")
    answer = json.loads(result.stdout)
    assert set(answer) == {"question", "answer", "citations", "abstained", "route", "places", "coverage", "table",
                           "standalone_question"}
    assert set(answer["citations"][0]) == {"key", "report_id", "source", "title", "place", "year", "section", "quote",
                                           "start", "end", "source_url"}  # source_url added (issue 21)
    assert "21.6%" in answer["citations"][0]["quote"]
    reports = json.loads(cli("reports", "--json").stdout)
    assert {r["source"] for r in reports} == set(SEED)
    assert {"id", "source", "title", "place", "issuer", "level", "year", "date_written", "date_published"} <= set(reports[0])
    again = cli("ingest", str(REPORTS))
    assert "0 added, 5 skipped, 0 failed" in again.stdout


def test_ask_all_quotes_every_match(cli, monkeypatch):
    assert cli("ingest", str(REPORTS)).exit_code == 0
    monkeypatch.setenv("FAZHI_ANSWER__LIST_QUOTE_LIMIT", "1")
    cut = json.loads(cli("ask", "哪些报告提到了“法律明白人”?", "--json", "--no-llm").stdout)
    assert cut["coverage"]["matched"] == 4 and cut["coverage"]["quoted"] == 1 and len(cut["citations"]) == 1
    every = json.loads(cli("ask", "哪些报告提到了“法律明白人”?", "--json", "--no-llm", "--all").stdout)
    assert every["coverage"]["matched"] == 4 and "quoted" not in every["coverage"] and len(every["citations"]) == 4


def test_human_output(cli):
    cli("ingest", str(REPORTS / "001_4d08be111e600d4c.txt"), "--json")
    result = cli("ask", "平罗县败诉率是多少?")
    assert result.exit_code == 0 and "[1] 平罗县 2023" in result.stdout


@pytest.mark.parametrize("args,message", [
    (("ask", "败诉率", "--year", "abc"), "--year must be a 4-digit year"),
    (("ask", "败诉率", "--place", "杭州"), "unknown place"),
    (("ask", "   "), "question is empty"),
    (("ask", "败诉率", "--year", "2019"), "no report covers year 2019"),
])
def test_bad_input_one_line(cli, args, message):
    cli("ingest", str(REPORTS / "001_4d08be111e600d4c.txt"), "--json")
    result = cli(*args)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("error: ")


def test_ingest_bad_file_exit_code(cli, tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"abc")
    result = cli("ingest", str(bad))
    assert result.exit_code == 2 and "unsupported file type" in result.stderr


def test_a_mixed_batch_exits_2_after_adding_the_good_file(cli, tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"abc")
    result = cli("ingest", str(REPORTS / "001_4d08be111e600d4c.txt"), str(bad))
    assert result.exit_code == 2 and "1 added" in result.stdout and "unsupported file type" in result.stderr


def test_facts_csv_cells_cannot_be_formulas(cli, monkeypatch):
    cli("ingest", str(REPORTS))
    rows = [{"indicator": "=HYPERLINK(\"http://evil\")", "place": "+1", "quote": "@SUM(A1)", "value": -3}]
    monkeypatch.setattr("assistant.facts.extract.facts_to_rows", lambda found: rows)
    out = cli("facts", "--csv").stdout
    assert "'=HYPERLINK" in out and ",'+1," in out and "'@SUM" in out and ",-3" in out


@pytest.mark.slow
def test_real_cli_subprocess(real_home):
    env = {**os.environ, "FAZHI_HOME": str(real_home)}
    out = subprocess.run([sys.executable, "-m", "assistant", "ask", "Which counties reported zero defeat?", "--json"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert not answer["abstained"] and {"临海市", "重庆市綦江区"} <= {c["place"] for c in answer["citations"]}


def test_first_use_indexes_the_default_corpus(settings, monkeypatch):
    import shutil

    monkeypatch.setattr("assistant.assistant.make_embedder", lambda s: FakeEmbedding())
    shutil.copy(REPORTS / "001_4d08be111e600d4c.txt", (settings.home / "reports").mkdir() or settings.home / "reports")
    result = CliRunner().invoke(app, ["ask", "平罗县败诉率是多少?", "--json"])
    assert result.exit_code == 0 and "first use" in result.stderr
    assert json.loads(result.stdout)["citations"][0]["place"] == "平罗县"


def test_default_home_is_the_checkout_outside_it(tmp_path, monkeypatch):
    from assistant.settings import default_home

    monkeypatch.chdir(tmp_path)
    assert (default_home() / "pyproject.toml").is_file()
