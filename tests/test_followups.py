"""Follow-up questions through the public interfaces: Assistant.ask(history=…), `fazhi ask --history`,
`fazhi chat --json`."""
import json

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.errors import InputError
from conftest import REPORTS, FakeEmbedding

FIRST = "平罗县2023年行政诉讼败诉率是多少?"


def test_a_new_place_keeps_the_question(seeded):
    first = seeded.ask(FIRST)
    second = seeded.ask("那临海呢?", history=[first])
    assert second.question == "那临海呢?"
    assert "临海" in second.standalone_question and "败诉率" in second.standalone_question
    assert second.citations and {c.place for c in second.citations} == {"临海市"}
    assert second.notice and second.standalone_question in second.notice


def test_history_as_plain_turns_and_english(seeded):
    turns = [{"question": "What was Pingluo's administrative litigation defeat rate in 2023?", "answer": "21.6%"}]
    answer = seeded.ask("What about Linhai?", history=turns)
    assert "Linhai" in answer.standalone_question
    assert {c.place for c in answer.citations} == {"临海市"}
    assert answer.notice.startswith("Read with the earlier question as")


def test_a_question_that_stands_alone_is_answered_as_asked(seeded):
    first = seeded.ask(FIRST)
    answer = seeded.ask("婺城区法律援助案件多少件?", history=[first])
    assert answer.standalone_question == "婺城区法律援助案件多少件?" and answer.notice is None
    assert {c.place for c in answer.citations} == {"金华市婺城区"}


def test_a_pronoun_with_nothing_before_it_asks_back(seeded):
    answer = seeded.ask("它的行政复议纠错率呢?")
    assert answer.abstained and not answer.citations
    assert "它的" in answer.answer and "地区" in answer.answer


@pytest.mark.parametrize("history, message", [
    ("平罗县", "history must be a list"),
    ([42], "history turn 1 is int"),
])
def test_bad_history_is_one_line(seeded, history, message):
    with pytest.raises(InputError, match=message):
        seeded.ask("那临海呢?", history=history)


@pytest.fixture
def cli(settings, monkeypatch):
    monkeypatch.setattr("assistant.assistant.make_embedder", lambda s: FakeEmbedding())
    runner = CliRunner()
    runner.invoke(app, ["ingest", str(REPORTS), "--json"])
    return lambda *args, **kw: runner.invoke(app, list(args), **kw)


def test_cli_history_file(cli, tmp_path):
    first = json.loads(cli("ask", "--json", FIRST).stdout)
    history = tmp_path / "history.json"
    history.write_text(json.dumps([first], ensure_ascii=False), encoding="utf-8")
    result = cli("ask", "--json", "--history", str(history), "那临海呢?")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert "临海" in answer["standalone_question"] and answer["citations"][0]["place"] == "临海市"


@pytest.mark.parametrize("content, message", [("not json", "is not JSON"), ('"text"', "must hold a JSON list")])
def test_cli_bad_history_file(cli, tmp_path, content, message):
    history = tmp_path / "history.json"
    history.write_text(content, encoding="utf-8")
    result = cli("ask", "--history", str(history), "那临海呢?")
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_missing_history_file(cli, tmp_path):
    result = cli("ask", "--history", str(tmp_path / "none.json"), "那临海呢?")
    assert result.exit_code == 2 and "cannot read --history file" in result.stderr


def test_chat_json_carries_the_conversation(cli):
    result = cli("chat", "--json", "--no-llm", input=f"{FIRST}\n那2022年呢?\n临海呢?\n")
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(answers) == 3
    assert answers[1]["question"] == "那2022年呢?" and "2022" in answers[1]["standalone_question"]
    assert "临海" in answers[2]["standalone_question"] and "败诉率" in answers[2]["standalone_question"]
