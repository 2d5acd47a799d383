"""The web page: API endpoints through gradio_client, the chat handler, and the HTML it renders."""
from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import shutil  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from contextlib import contextmanager  # noqa: E402

import pytest  # noqa: E402
from gradio_client import Client, handle_file  # noqa: E402
from gradio_client.exceptions import AppError  # noqa: E402

from assistant import Answer, Assistant, Citation, Settings  # noqa: E402
from assistant.web.app import build_app, launch_kwargs, serve  # noqa: E402
from assistant.web.views import paragraph, render_answer, render_error, render_upload  # noqa: E402
from conftest import REPORTS, SEED, FakeEmbedding, copy_home  # noqa: E402

NEW_REPORT = """青石县2023年度法治政府建设情况报告

2023年,青石县深入学习贯彻习近平法治思想,扎实推进法治政府建设。现将有关情况报告如下。

一、主要工作情况
(一)加强行政复议工作
全年共收到行政复议申请36件,审结31件,行政复议纠错率为9.7%。
(二)做好行政应诉工作
全县行政诉讼案件52件,败诉率为3.8%,行政机关负责人出庭应诉率达100%。

二、存在的不足
基层法治力量仍较薄弱。

青石县人民政府
2024年1月20日
"""


@pytest.fixture(autouse=True)
def extractive_answers(monkeypatch):
    """The page is tested on the deterministic extractive answers (LLM phrasing has its own tests)."""
    monkeypatch.setenv("FAZHI_LLM", "none")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def close_page(demo) -> None:
    """Gradio's close sets its stop event from this thread while the server's loop may be iterating the event's
    waiters ("deque mutated during iteration", seen on a loaded machine); by then the flag is set, so closing
    again finishes the rest of the shutdown."""
    try:
        demo.close()
    except RuntimeError:
        demo.close()


@contextmanager
def running(assistant):
    """The page over `assistant` on 127.0.0.1:<free port>; yields (demo, gradio_client.Client)."""
    settings = assistant.settings.model_copy(update={"host": "127.0.0.1", "port": free_port()})
    demo = build_app(assistant)
    demo.launch(**launch_kwargs(settings), prevent_thread_lock=True, quiet=True)
    try:
        yield demo, Client(f"http://127.0.0.1:{settings.port}/", verbose=False)
    finally:
        close_page(demo)


@pytest.fixture
def app(seeded):
    with running(seeded) as (demo, client):
        yield seeded, demo, client


@pytest.fixture
def fresh(seeded_home, tmp_path):
    """A private copy of the seeded store (uploads must not leak into the session store), 0.05 MB file limit."""
    home = tmp_path / "home"
    copy_home(seeded_home, home)
    a = Assistant.open(Settings(home=home, max_file_mb=0.05), embed_model=FakeEmbedding())
    yield a
    a.close()


def assert_verbatim(assistant, answer: dict) -> None:
    for cit in answer["citations"]:
        text = assistant.text(cit["report_id"])
        assert text[cit["start"]:cit["end"]] == cit["quote"], cit
        assert cit["quote"] in text


def test_ask_endpoint_returns_verified_answer(app):
    assistant, _, client = app
    answer = client.predict("平罗县2023年行政诉讼败诉率是多少?", None, None, api_name="/ask")
    assert isinstance(answer, dict) and not answer["abstained"]
    assert answer["citations"] and "21.6%" in answer["citations"][0]["quote"]
    assert_verbatim(assistant, answer)
    zero = client.predict("Which counties reported zero defeat in reconsideration cases?", None, None, api_name="/ask")
    assert zero["citations"]
    assert_verbatim(assistant, zero)


def test_ask_endpoint_filters_and_errors(app):
    assistant, _, client = app
    answer = client.predict("行政诉讼败诉率是多少?", ["平罗县"], 2023, api_name="/ask")
    assert answer["citations"] and {c["place"] for c in answer["citations"]} == {"平罗县"}
    assert_verbatim(assistant, answer)
    linhai = client.predict("法律援助", ["临海市"], "all", api_name="/ask")
    assert all(c["place"] == "临海市" for c in linhai["citations"])
    with pytest.raises(AppError, match="unknown place"):
        client.predict("败诉率", ["火星县"], None, api_name="/ask")
    with pytest.raises(AppError, match="question is empty"):
        client.predict("  ", None, None, api_name="/ask")
    # the app keeps answering after errors
    assert client.predict("婺城区行政复议纠错率是多少?", None, None, api_name="/ask")["question"]


def test_reports_endpoint(app):
    _, _, client = app
    reports = client.predict(api_name="/reports")
    assert {r["source"] for r in reports} == set(SEED)
    assert {(r["place"], r["year"]) for r in reports} == set(SEED.values())
    assert {"id", "title", "issuer", "level", "sections", "chunks"} <= set(reports[0])


def test_upload_good_and_bad_files(fresh, tmp_path):
    files = tmp_path / "up"
    files.mkdir()
    (files / "qingshi_2023.txt").write_text(NEW_REPORT, encoding="utf-8")
    (files / "table.docx").write_bytes(b"PK\x03\x04 not a report")  # a broken Word file
    (files / "empty.txt").write_bytes(b"")
    (files / "huge.txt").write_text("法治政府建设" * 20000, encoding="utf-8")  # 0.34 MB > 0.05 MB limit
    shutil.copy(REPORTS / "001_4d08be111e600d4c.txt", files / "pingluo_again.txt")
    with running(fresh) as (demo, client):
        outcome = client.predict([handle_file(str(p)) for p in sorted(files.iterdir())], api_name="/upload")
        assert [(m["source"], m["place"], m["year"]) for m in outcome["added"]] == [("qingshi_2023.txt", "青石县", 2023)]
        assert outcome["skipped"] == ["pingluo_again.txt"]
        reasons = {f["file"]: f["reason"] for f in outcome["failed"]}
        assert set(reasons) == {"table.docx", "empty.txt", "huge.txt"}
        assert "not a readable .docx" in reasons["table.docx"]
        assert "empty" in reasons["empty.txt"]
        assert "over the 0.05 MB limit" in reasons["huge.txt"]
        assert all("\n" not in r for r in reasons.values())
        # the index stays usable and knows the new report
        assert len(client.predict(api_name="/reports")) == 6
        answer = client.predict("行政复议纠错率是多少?", ["青石县"], None, api_name="/ask")
        assert answer["citations"] and "9.7%" in answer["citations"][0]["quote"]
        assert_verbatim(fresh, answer)
        assert "平罗县" in client.predict("平罗县2023年行政诉讼败诉率是多少?", None, None, api_name="/ask")["answer"]
        # what the page shows after an upload: per-file list, refreshed table and filter choices
        web = demo.fazhi
        html, table, places, years, header = web.upload_view(outcome)
        assert "qingshi_2023.txt" in html and "table.docx" in html and "1 份已添加" in html
        # refusals in plain words of the page's language, no Python exception names
        assert "不是有效的 Word 文件" in html and "BadZipFile" not in html and "over the" not in html
        english = web.upload_view(outcome, "en")[0]
        assert "not a valid Word file" in english and "BadZipFile" not in english and "1 added" in english
        assert "青石县" in places["choices"] and ("2023", "2023") in years["choices"] and ("全部", "all") in years["choices"]
        assert any(row[0] == "青石县" for row in table["data"]) and "6 份报告" in header
        if hasattr(fresh, "facts"):
            f_places, f_years, facts_table, *_ = demo.fazhi_facts.refresh("", "青石县", "all")
            assert ("全部", "") in f_places["choices"] and "青石县" in f_places["choices"]
            assert any("9.7" in row[3] for row in facts_table["data"])
        nothing = web.upload_view(web.upload([]))[0]
        assert "fz-error" in nothing and "没有选择文件" in nothing
        assert "No files selected" in web.upload_view(web.upload([], "en"), "en")[0]
        # the picker takes report types only; the API refuses others before reading anything
        (tmp_path / "tool.exe").write_bytes(b"MZ")
        with pytest.raises(AppError, match="Invalid file type"):
            client.predict([handle_file(str(tmp_path / "tool.exe"))], api_name="/upload")


def test_chat_handler_streams_and_survives_errors(seeded):
    web = build_app(seeded).fazhi
    steps = list(web.respond("平罗县2023年行政诉讼败诉率是多少?", [], [], "all"))
    assert "fz-pending" in steps[0][0][-1]["content"]
    final = steps[-1][0]
    assert [m["role"] for m in final] == ["user", "assistant"]
    html = final[-1]["content"]
    assert "<mark>" in html and "details class=\"fz-card\"" in html and "21.6%" in html
    assert "\n\n" not in html  # one Markdown HTML block
    # a filter error is a one-line warning in the chat; the next question still works
    history = steps[-1][1]
    bad = list(web.respond("败诉率", history, ["火星县"], "all"))[-1][0]
    assert "fz-error" in bad[-1]["content"] and "unknown place" in bad[-1]["content"]
    again = list(web.respond("婺城区行政复议纠错率是多少?", bad, [], "2022"))[-1][0]
    assert len(again) == 6 and "fz-card" in again[-1]["content"] and "2022" in again[-2]["content"]
    assert list(web.respond("   ", again, [], "all"))[-1][0] == again  # empty input: nothing asked


def test_chat_handler_uses_ask_stream(seeded):
    class Streaming:  # the Assistant with an LLM: evidence, then tokens, then the final Answer
        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def ask_stream(self, question, place=None, year=None):
            final = self.inner.ask(question, place=place, year=year)
            if self.events:  # generation.generate_stream's event dicts
                yield {"type": "evidence", "citations": list(final.citations)}
                for token in ("平罗县", "败诉率", "为21.6%。"):
                    yield {"type": "token", "text": token}
                yield {"type": "answer", "answer": final, "generated": True, "reason": None}
                return
            yield final.citations
            for token in ("平罗县", "败诉率", "为21.6%。"):
                yield token
            yield final

    for events in (False, True):
        streaming = Streaming(seeded)
        streaming.events = events
        web = build_app(streaming).fazhi
        steps = [s[0][-1]["content"] for s in web.respond("平罗县2023年行政诉讼败诉率是多少?", [], None, None)]
        assert any("找到 1 段相关原文" in s for s in steps)
        assert any("平罗县败诉率" in s and "fz-cursor" in s for s in steps)
        assert "fz-card" in steps[-1] and "fz-cursor" not in steps[-1] and "21.6%" in steps[-1]


def test_read_write_lock_lets_questions_share_and_ingest_wait():
    from assistant.web.app import ReadWriteLock

    lock, order = ReadWriteLock(), []
    both_inside = threading.Barrier(2, timeout=2)

    def question(name: str, meet: bool = False) -> None:
        with lock.read():
            if meet:
                both_inside.wait()  # two questions hold the lock at the same time
            order.append(name)

    def ingest() -> None:
        with lock.write():
            order.append("ingest")

    pair = [threading.Thread(target=question, args=(n, True)) for n in ("q1", "q2")]
    for t in pair:
        t.start()
    for t in pair:
        t.join(timeout=3)
    assert sorted(order) == ["q1", "q2"]
    order.clear()
    with lock.read():  # a question is running
        writer = threading.Thread(target=ingest)
        writer.start()
        time.sleep(0.1)
        late = threading.Thread(target=question, args=("late",))
        late.start()
        time.sleep(0.1)
        assert order == []  # the ingest waits for it; a later question queues behind the ingest
    writer.join(timeout=2)
    late.join(timeout=2)
    assert order == ["ingest", "late"]


def test_render_answer_escapes_and_highlights():
    text = "标题\n前文<b>粗体</b>&说明。复议后案件实现“零败诉”。后文<script>x</script>\n下一段"
    start = text.index("复议后")
    end = text.index("。后文") + 1
    cit = Citation(key=1, report_id="r1", source="a<b>.txt", title="某区<i>报告</i>", place="某区", year=2022,
                   section="一、工作 > 2.复议", quote=text[start:end], start=start, end=end)
    answer = Answer(question="q", answer="某区实现零败诉 [1],另见 [7]。", citations=[cit])
    html = render_answer(answer, "m1", lambda rid: text)
    assert '<mark>复议后案件实现“零败诉”。</mark>' in html
    assert "&lt;b&gt;粗体&lt;/b&gt;&amp;说明。" in html and "&lt;script&gt;" in html
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "下一段" not in html  # only the quote's own paragraph
    assert 'href="#cite-m1-1"' in html and 'id="cite-m1-1"' in html and "<details" in html
    assert "[7]" in html and "#cite-m1-7" not in html  # no card, no link
    assert "<span class=\"fz-place\">某区</span>" in html and "一、工作 &gt; 2.复议" in html
    # a quote that no longer matches the stored text is still shown, on its own
    moved = render_answer(answer, "m2", lambda rid: "other text")
    assert "<mark>复议后案件实现“零败诉”。</mark>" in moved
    abstained = render_answer(Answer(question="q", answer="没有找到。\n语料中没有“火星”的报告。", abstained=True), "m3",
                              lambda rid: "")
    assert "fz-abstain" in abstained and "报告中未找到答案" in abstained and "fz-error" not in abstained
    english = render_answer(Answer(question="q", answer="Not found.", abstained=True), "m5", lambda rid: None, "en")
    assert "Not found in the reports" in english and "报告" not in english
    assert "<br>" in abstained
    assert render_error("bad <thing>\nsecond line") == '<div class="fz-msg fz-error">⚠ bad &lt;thing&gt;</div>'
    # not stated, but the related figure the report does state is cited: notice and card
    related = render_answer(answer.model_copy(update={"abstained": True}), "m4", lambda rid: text)
    assert "报告中没有写明所问内容" in related and 'id="cite-m4-1"' in related


def test_render_answer_table():
    from assistant.web.views import text_lines

    html = text_lines("比较如下。\n| 报告 | 行政诉讼案件 |\n|---|---|\n| 平罗县(2023) | 148件 [1] |\n| 临海市(2020) | 未报告 |\n原文[1]:“…”")
    assert html.count("<table>") == 1 and "<th>行政诉讼案件</th>" in html and "<td>148件 [1]</td>" in html
    assert "---" not in html and html.index("<table>") < html.index("原文[1]")


def test_paragraph_context_is_cut():
    text = "a" * 500 + "QUOTE" + "b" * 500 + "\nnext"
    before, quote, after = paragraph(text, 500, 505, context=10)
    assert (before, quote, after) == ("…" + "a" * 10, "QUOTE", "b" * 10 + "…")


def test_render_upload_lists_each_file():
    from assistant.models import FailedFile, IngestResult

    html = render_upload(IngestResult(skipped=["dup.txt"], failed=[FailedFile(path="x.xlsx", reason="x.xlsx: <bad>")]))
    assert "dup.txt" in html and "x.xlsx: &lt;bad&gt;" in html and "0 份已添加" in html


def test_facts_tab_and_endpoint(app, tmp_path):
    assistant, demo, client = app
    table, _, download, *_ = demo.fazhi_facts.view("", "平罗县", "all")
    assert table["data"] and all(row[0] == "平罗县" for row in table["data"])
    csv_text = open(download["value"], encoding="utf-8-sig").read()
    assert csv_text.splitlines()[0].split(",") == table["headers"] and "平罗县" in csv_text
    rows = client.predict(None, "平罗县", None, api_name="/facts")
    assert rows and all(r["place"] == "平罗县" for r in rows)
    for r in rows:
        assert assistant.text(r["report_id"])[r["start"]:r["end"]] == r["quote"]


def test_serve_indexes_reports_when_store_is_empty(tmp_path, monkeypatch):
    monkeypatch.setattr("assistant.assistant.make_embedder", lambda s: FakeEmbedding())
    shutil.copytree(REPORTS, tmp_path / "reports")
    settings = Settings(home=tmp_path, port=free_port())
    demo = serve(settings, prevent_thread_lock=True, quiet=True)
    try:
        reports = Client(f"http://127.0.0.1:{settings.port}/", verbose=False).predict(api_name="/reports")
        assert {r["source"] for r in reports} == set(SEED)
    finally:
        close_page(demo)
        demo.fazhi.assistant.close()


@pytest.mark.slow
def test_ten_concurrent_users(real):
    """10 users asking different questions at once (real embedder): all answered, none errored."""
    questions = ["平罗县2023年行政诉讼败诉率是多少?", "哪些地区报告了零败诉?", "婺城区行政复议纠错率是多少?",
                 "綦江区司法局存在哪些不足?", "Which counties reported zero defeat in reconsideration cases?",
                 "How many legal aid cases did Wucheng handle?", "compare Linhai and Pingluo",
                 "临海市2020年办理了多少件法律援助案件?", "宿迁经济技术开发区行政复议情况如何?", "平罗县普法工作有哪些做法?"]
    with running(real) as (_, client):
        url = client.src
        results: dict[int, tuple[float, dict | Exception]] = {}
        barrier = threading.Barrier(len(questions))

        def user(i: int) -> None:
            c = Client(url, verbose=False)
            barrier.wait()
            t0 = time.perf_counter()
            try:
                out = c.predict(questions[i], None, None, api_name="/ask")
            except Exception as err:  # noqa: BLE001 - recorded and asserted below
                out = err
            results[i] = (time.perf_counter() - t0, out)

        threads = [threading.Thread(target=user, args=(i,)) for i in range(len(questions))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
    errors = {questions[i]: out for i, (_, out) in results.items() if isinstance(out, Exception)}
    assert len(results) == len(questions) and not errors, errors
    for i, (_, out) in results.items():
        assert out["question"] == questions[i] and out["answer"]
        assert_verbatim(real, out)
    lat = sorted(t for t, _ in results.values())
    p95 = lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))]
    print(f"\n10 concurrent /ask: p50 {statistics.median(lat):.2f}s  p95 {p95:.2f}s  max {lat[-1]:.2f}s")
