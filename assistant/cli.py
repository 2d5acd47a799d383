"""`fazhi` command line: ingest, ask, reports, chat. Errors are one line on stderr, exit code 2."""
from __future__ import annotations

import re

import json
import shutil
import sys
from typing import Optional

import typer

from .errors import FazhiError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None, help="Ask questions over Chinese annual rule-of-law government reports.")


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _open(index_default: bool = True, settings=None):
    """Open the store; on first use with an empty store, index the default corpus (reports/) once."""
    from .assistant import Assistant

    try:
        assistant = Assistant.open(settings)
        corpus = assistant.settings.reports_dir
        if index_default and not assistant.reports() and corpus.is_dir() and any(corpus.iterdir()):
            typer.echo(f"indexing {corpus} (first use; takes about a minute) …", err=True)
            assistant.ingest([corpus], progress=False)
        return assistant
    except FazhiError as err:
        _fail(str(err))


def _quoting_all():
    """The settings from the environment, with list and count answers quoting every matching report."""
    from .settings import Settings

    s = Settings()
    return s.model_copy(update={"answer": s.answer.model_copy(update={"list_quote_limit": 0})})


def _year(value: Optional[str]) -> Optional[int]:
    if value is None:
        return None
    if not re.fullmatch(r"[0-9]{4}", value.strip()):  # str.isdigit() also takes '¹' and '٢', which int() refuses
        _fail(f"--year must be a 4-digit year such as 2023, got '{value}'")
    return int(value)


@app.command()
def ingest(paths: list[str] = typer.Argument(..., help="report files or folders, or http(s):// URLs of report pages"),
           rebuild: bool = typer.Option(False, "--rebuild", help="delete the store first and index from scratch"),
           keep_duplicates: bool = typer.Option(False, "--keep-duplicates",
                                                help="keep near-duplicates of stored reports (default: skip them)"),
           as_json: bool = typer.Option(False, "--json", help="print the IngestResult as JSON"),
           url: str = typer.Option(None, "--url", help="the web address of the one report file given (shown with "
                                                       "its citations)")):
    """Add reports (txt/md/html/docx/pdf, or a URL) to the index; unchanged files are skipped."""
    if rebuild:
        from .settings import Settings

        shutil.rmtree(Settings().store_dir, ignore_errors=True)
    assistant = _open(index_default=False)
    keep = keep_duplicates or None  # None: FAZHI_KEEP_DUPLICATES decides
    try:
        urls = [p for p in paths if p.lower().startswith(("http://", "https://"))]
        result = assistant.ingest([p for p in paths if p not in urls], progress=not as_json, keep_duplicates=keep,
                                  url=url) \
            if len(urls) < len(paths) else None
        for url in urls:
            fetched = assistant.ingest_url(url, progress=not as_json, keep_duplicates=keep)
            result = fetched if result is None else result.model_copy(update={
                k: getattr(result, k) + getattr(fetched, k) for k in ("added", "skipped", "failed")}
                | {"duplicates": {**result.duplicates, **fetched.duplicates}})
    except FazhiError as err:
        _fail(str(err))
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        for meta in result.added:
            typer.echo(f"added    {meta.source}: {meta.place or '?'} {meta.year or '?'} ({meta.chunks} chunks)")
            for warning in meta.warnings:
                typer.echo(f"  warning: {warning}")
        for name in result.skipped:
            if name in result.duplicates:
                typer.echo(f"skipped  {name}: a near-duplicate of {result.duplicates[name]} (--keep-duplicates keeps both)")
            else:
                typer.echo(f"skipped  {name}: already in the index")
        for failed in result.failed:
            typer.echo(f"failed   {failed.reason}", err=True)
        typer.echo(f"{len(result.added)} added, {len(result.skipped)} skipped, {len(result.failed)} failed")
    if result.failed:  # README: a file that fails is exit 2, the other files of the batch still ingested
        raise typer.Exit(2)


def _print_answer(answer) -> None:
    """The answer text; a table answer's Markdown rows drawn as a rich table in their place."""
    if answer.notice:
        typer.echo(f"notice: {answer.notice}", err=True)
    lines = answer.answer.split("\n")
    rows = [i for i, line in enumerate(lines) if line.startswith("|")] if answer.table else []
    if not rows:
        typer.echo(answer.answer)
    else:
        typer.echo("\n".join(lines[:rows[0]]))
        _print_table(answer.table)
        typer.echo("\n".join(lines[rows[-1] + 1:]))
    for cit in answer.citations:
        typer.echo(f"  [{cit.key}] {cit.place or cit.source} {cit.year or ''} · {cit.section} · {cit.source}:{cit.start}-{cit.end}")


def _print_table(table) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    grid = RichTable(show_lines=False)
    for name in ["", *table.columns]:
        grid.add_column(name, overflow="fold")
    for row in table.rows:
        grid.add_row(row.label, *(("—" if c.value is None else f"{c.value}{f'({c.scope})' if c.scope else ''} [{c.citation}]")
                                  for c in row.cells))
    Console(width=max(100, 24 * (len(table.columns) + 1))).print(grid)


def _stream(assistant, question: str, place, year, generate: bool, history=None):
    """Print LLM tokens as they come (unverified), then the verified answer that counts."""
    final, streamed = None, False
    for event in assistant.ask_stream(question, place=place, year=year, generate=generate, history=history):
        if event["type"] == "token":
            if not streamed:
                typer.echo("… ", nl=False, err=True)
            streamed = True
            typer.echo(event["text"], nl=False, err=True)
        elif event["type"] == "answer":
            final = event["answer"]
    if streamed:
        typer.echo("\n", err=True)
    return final


def _history(path: Optional[str]):
    """The turns of a --history file, or a one-line error naming what is wrong with it."""
    if path is None:
        return None
    try:
        turns = json.loads(open(path, encoding="utf-8").read())
    except OSError as err:
        _fail(f"cannot read --history file '{path}': {err.strerror or err}; give a JSON file of earlier turns")
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        _fail(f"--history file '{path}' is not JSON ({err}); give a list like "
              '[{"question": "…", "answer": "…"}]')
    if isinstance(turns, dict):  # one whole `fazhi ask --json` answer
        turns = [turns]
    if not isinstance(turns, list):
        _fail(f"--history file '{path}' must hold a JSON list of earlier turns, got {type(turns).__name__}")
    return turns


@app.command()
def ask(question: str = typer.Argument(..., help="the question, in Chinese or English"),
        place: Optional[list[str]] = typer.Option(None, "--place", help="only reports of this place (repeatable)"),
        year: Optional[str] = typer.Option(None, "--year", help="only reports on this year"),
        no_llm: bool = typer.Option(False, "--no-llm", help="extractive answer only (no LLM phrasing)"),
        as_json: bool = typer.Option(False, "--json", help="print the Answer as JSON"),
        quote_all: bool = typer.Option(False, "--all", help="a list or count answer quotes every matching report, "
                                       "not only the first FAZHI_ANSWER__LIST_QUOTE_LIMIT (50)"),
        history: Optional[str] = typer.Option(None, "--history", help="JSON file: a list of earlier turns "
                                              '({"question", "answer"} objects or whole --json answers) '
                                              "that a follow-up question leans on")):
    """Answer one question with verbatim citations."""
    turns = _history(history)
    assistant = _open(settings=_quoting_all() if quote_all else None)
    try:
        if as_json:
            answer = assistant.ask(question, place=place or None, year=_year(year), generate=not no_llm,
                                   history=turns)
        else:
            answer = _stream(assistant, question, place or None, _year(year), not no_llm, turns)
    except FazhiError as err:
        _fail(str(err))
    if as_json:
        typer.echo(answer.model_dump_json(indent=2))
    else:
        _print_answer(answer)


@app.command()
def reports(as_json: bool = typer.Option(False, "--json", help="print the list of ReportMeta as JSON")):
    """List the reports in the index with their metadata."""
    metas = _open().reports()
    if as_json:
        typer.echo(json.dumps([m.model_dump() for m in metas], ensure_ascii=False, indent=2))
        return
    for m in metas:
        typer.echo(f"{m.id}  {m.year or '----'}  {m.place or '?':<12} {m.level or '?':<16} {m.issuer or '-'}  ({m.source}, {m.chunks} chunks)")
        if m.source_url and m.source_url != m.source:
            typer.echo(f"{'':18}{m.source_url}")
    typer.echo(f"{len(metas)} reports")


@app.command("eval")
def evaluate(questions: str = typer.Option("eval/questions.jsonl", "--questions", help="question file (eval/README.md)"),
             reports_dir: Optional[str] = typer.Option(None, "--reports", help="folder of reports (default: reports/)"),
             out: Optional[str] = typer.Option(None, "--out", help="write every answer and score as JSON here"),
             baseline: Optional[str] = typer.Option(None, "--baseline", help="also run a baseline: naive"),
             gate: bool = typer.Option(False, "--gate", help="fail (exit 1) below the thresholds file"),
             thresholds_file: str = typer.Option("eval/thresholds.toml", "--thresholds",
                                                 help="thresholds for --gate (default eval/thresholds.toml)"),
             llm: Optional[str] = typer.Option(None, "--llm", help="local | openai | none (default: FAZHI_LLM)")):
    """Score the assistant on a curated question file; optionally side by side with a naive RAG baseline."""
    from pathlib import Path

    from .evaluation.runner import run_eval

    qpath = Path(questions)
    if not qpath.is_file():
        _fail(f"--questions {questions}: no such file; see eval/README.md for the format")
    thresholds = Path(thresholds_file) if gate else None
    if gate and not thresholds.is_file():
        _fail(f"--gate needs {thresholds_file}; create it or drop --gate")
    from .settings import Settings

    if llm not in (None, "local", "openai", "none"):
        _fail(f"--llm {llm}: choose local, openai or none")
    settings = Settings(**({"llm": llm} if llm else {}))
    try:
        table, failures = run_eval(qpath, Path(reports_dir) if reports_dir else None, Path(out) if out else None,
                                   baseline, thresholds, settings=settings)
    except FazhiError as err:
        _fail(str(err))
    typer.echo(table)
    for failure in failures:
        typer.echo(f"threshold failed: {failure}", err=True)
    if failures:
        raise typer.Exit(1)


@app.command()
def facts(indicator: Optional[str] = typer.Option(None, "--indicator", help="e.g. litigation_defeat_rate, zero_defeat"),
          place: Optional[str] = typer.Option(None, "--place", help="only this place"),
          year: Optional[str] = typer.Option(None, "--year", help="only reports on this year"),
          as_csv: bool = typer.Option(False, "--csv", help="print CSV (one row per fact) instead of a table"),
          as_json: bool = typer.Option(False, "--json", help="print the facts as JSON")):
    """The typed fact table: every figure and claim extracted from the reports, with its quote."""
    import csv

    from .facts.extract import facts_to_rows
    from .text.spreadsheet import neutralised_row

    assistant = _open()
    try:
        found = assistant.facts(indicator=indicator, place=place, year=_year(year))
    except FazhiError as err:
        _fail(str(err))
    if as_json:
        typer.echo(json.dumps([f.model_dump(mode="json") for f in found], ensure_ascii=False, indent=2))
    elif as_csv:
        rows = facts_to_rows(found)
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["indicator"])
        writer.writeheader()
        writer.writerows(map(neutralised_row, rows))
    else:
        for f in found:
            flag = " (plan)" if f.planned else ""
            typer.echo(f"{f.place or '?'} {f.year or '----'}  {f.indicator.label_zh}: {f.value_text or f.value}"
                       f"{' [' + f.scope + ']' if f.scope else ''}{flag}  «{f.quote[:60]}»")
        typer.echo(f"{len(found)} facts")


@app.command()
def chat(as_json: bool = typer.Option(False, "--json", help="read questions from standard input, one per line, "
                                      "and print one JSON answer per line"),
         no_llm: bool = typer.Option(False, "--no-llm", help="extractive answers only (no LLM phrasing)")):
    """A conversation: each question may lean on the ones before it ("那2022年呢?"). Empty line or Ctrl-D quits."""
    assistant = _open()
    if not as_json:
        assistant.warm_up()
        typer.echo(f"{len(assistant.reports())} reports loaded. Ask in Chinese or English; follow-up questions "
                   "may lean on earlier ones; empty line to quit.")
    turns: list = []
    while True:
        try:
            question = (sys.stdin.readline() if as_json else input("问> ")).strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not question:
            break
        try:
            if as_json:
                answer = assistant.ask(question, generate=not no_llm, history=turns)
                typer.echo(answer.model_dump_json())
            else:
                answer = _stream(assistant, question, None, None, not no_llm, turns)
                _print_answer(answer)
            turns.append(answer)
        except FazhiError as err:
            if as_json:
                typer.echo(json.dumps({"question": question, "error": str(err)}, ensure_ascii=False))
            else:
                typer.echo(f"error: {err}", err=True)


@app.command()
def serve(host: Optional[str] = typer.Option(None, "--host", help="address to bind (default FAZHI_HOST or 127.0.0.1)"),
          port: Optional[int] = typer.Option(None, "--port", help="port (default FAZHI_PORT or 7860)"),
          insecure: bool = typer.Option(False, "--insecure", help="serve beyond 127.0.0.1 without FAZHI_AUTH sign-in")):
    """Serve the web chat page (indexes reports/ first if the store is empty)."""
    from .settings import Settings
    from .web.app import serve as serve_page

    settings = Settings()
    settings = settings.model_copy(update={k: v for k, v in (("host", host), ("port", port)) if v is not None})
    try:
        serve_page(settings, insecure=insecure)
    except FazhiError as err:
        _fail(str(err))
    except OSError as err:  # port taken, address not available
        _fail(f"cannot serve on {settings.host}:{settings.port} ({err.strerror or err}); pick another --port")


@app.command()
def user(name: str = typer.Argument(..., help="the user's sign-in name"),
         role: str = typer.Option("reader", "--role", help="reader (ask, read) or editor (also add and delete reports)"),
         users_file: Optional[str] = typer.Option(None, "--file", help="users file (default: the one FAZHI_AUTH names)")):
    """Add or change a user of the page's sign-in (FAZHI_AUTH=file:USERS); the password is asked twice."""
    import getpass
    import os

    from .settings import Settings
    from .web.auth import add_user

    spec = Settings().auth
    path = users_file or (spec.partition(":")[2] if spec.startswith("file:") else None)
    if not path:
        _fail("no users file: pass --file USERS or set FAZHI_AUTH=file:USERS")
    password = os.environ.get("FAZHI_NEW_PASSWORD") or getpass.getpass(f"password for {name}: ")
    if "FAZHI_NEW_PASSWORD" not in os.environ and getpass.getpass("again: ") != password:
        _fail("the two passwords differ; run it again")
    try:
        add_user(path, name, role, password)
    except FazhiError as err:
        _fail(str(err))
    typer.echo(f"{name} ({role}) saved in {path}")


def main() -> None:  # pragma: no cover - console entry for `python -m assistant`
    app(prog_name="fazhi")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
