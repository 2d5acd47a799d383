"""Fuzzed questions and filters (unicode, lone surrogates, wrong types) through the Python API, the CLI and the
web API: an answer, or the project's own one-line error; never a traceback or another exception type."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.errors import FazhiError

SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
QUESTIONS = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.one_of(st.characters(), SURROGATES), max_size=40),
    st.sampled_from(["平罗县2023年行政诉讼败诉率是多少?", "Haidian defeat rate?", "哪些地区报告了零败诉?"]).flatmap(
        lambda q: st.text(alphabet=st.one_of(st.characters(), SURROGATES), max_size=5).map(lambda t: q + t)),
    st.integers(), st.none(), st.binary(max_size=10), st.lists(st.text(max_size=5), max_size=2),
)
PLACES = st.one_of(st.none(), st.text(max_size=12), st.integers(), st.floats(), st.booleans(),
                   st.lists(st.one_of(st.text(max_size=8), st.integers(), st.none()), max_size=3),
                   st.sampled_from(["平罗", "Pingluo", "平罗县", "\udcff平罗", ["临海市", "平罗县"]]),
                   st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
YEARS = st.one_of(st.none(), st.integers(), st.sampled_from([2020, 2023, 2024]), st.text(max_size=6), st.floats(),
                  st.booleans())
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])


def _one_line(err: Exception) -> None:
    text = str(err)
    assert text and "\n" not in text and "Traceback" not in text
    text.encode("utf-8")  # printable: no lone surrogate echoed back


@FUZZ
@given(question=QUESTIONS, place=PLACES, year=YEARS)
def test_api_ask(seeded, question, place, year):
    try:
        answer = seeded.ask(question, place=place, year=year, generate=False)
    except FazhiError as err:
        _one_line(err)
    else:
        answer.model_dump_json()


@FUZZ
@given(indicator=st.one_of(st.none(), st.text(max_size=10), st.integers(), st.sampled_from(["zero_defeat"])),
       place=PLACES, year=YEARS)
def test_api_facts(seeded, indicator, place, year):
    try:
        seeded.facts(indicator=indicator, place=place, year=year)
    except FazhiError as err:
        _one_line(err)


@pytest.fixture
def cli(seeded_home, monkeypatch):
    from typer.testing import CliRunner

    from assistant.cli import app
    from conftest import FakeEmbedding

    monkeypatch.setattr("assistant.assistant.make_embedder", lambda s: FakeEmbedding())
    monkeypatch.setenv("FAZHI_HOME", str(seeded_home))
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=st.text(alphabet=st.one_of(st.characters(blacklist_categories=("Cs",)), SURROGATES), max_size=30),
       place=st.one_of(st.none(), st.text(alphabet=st.one_of(st.characters(), SURROGATES), min_size=1, max_size=8)),
       year=st.one_of(st.none(), st.text(min_size=1, max_size=6)))
@example(question="平罗县败诉率", place=None, year="¹")  # isdigit() but not int(): once a ValueError traceback
@example(question="平罗县败诉率", place=None, year="٢٠٢٣")
def test_cli_ask(cli, question, place, year):
    args = ["ask", question, "--no-llm"] + (["--place", place] if place else []) + (["--year", year] if year else [])
    if any(a.startswith("-") for a in (question, place or "", year or "")):
        return  # an option-looking value is typer's business (usage error), not ours
    result = cli(*args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
        assert len(errors) == 1, result.output


def test_web_api_inputs(seeded):
    """The same through the launched page's /ask: gradio_client for what it can encode, raw JSON (\\udcff
    escapes) for lone surrogates; an answer or an error event, never a crash of the server."""
    import json

    import httpx
    from gradio_client.exceptions import AppError

    from web.test_upload_safety import _running

    cases = [("", None, None), ("败诉率", 123, None), ("败诉率", ["平罗县", 5], "x"), ("败诉率", None, 2023.5),
             ("x" * 5000, None, None), ("Haidian defeat rate?", [], "all"), ("平罗县败诉率", "平罗", "2023")]
    with _running(seeded) as (demo, client):
        for question, places, year in cases:
            try:
                answer = client.predict(question, places, year, api_name="/ask")
            except AppError as err:
                assert "Traceback" not in str(err), str(err)
            else:
                assert "answer" in answer
        base = client.src.rstrip("/") + "/gradio_api"
        for data in (["平罗县败诉率\udcff", None, None], ["败诉率", ["\udcff"], None]):
            body = json.dumps({"data": data})  # ensure_ascii: the surrogate travels as an escape
            event = httpx.post(f"{base}/call/ask", content=body, headers={"Content-Type": "application/json"}).json()
            with httpx.stream("GET", f"{base}/call/ask/{event['event_id']}", timeout=60) as response:
                stream = "\n".join(response.iter_lines())
            assert "event: error" in stream or "event: complete" in stream
        assert client.predict("平罗县2023年行政诉讼败诉率是多少?", None, None, api_name="/ask")["citations"]
