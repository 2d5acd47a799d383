"""The web chat page (Gradio Blocks): chat with cited answers, filters, reports, facts, upload.

`build_app(assistant)` returns the Blocks; `serve(settings)` opens the Assistant, indexes reports/
when the store is empty and serves on settings.host:settings.port. Nothing here reaches the
network: analytics are off and there is no share link. API endpoints (gradio_client):
/ask (question, places, year) -> Answer as a dict, /reports -> list of ReportMeta dicts,
/upload (files) -> {"added", "skipped", "failed", "message"}, and /facts when the Assistant has facts;
/report and /delete_report (report_id) come from viewer.py.
"""
from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import logging  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402

import gradio as gr  # noqa: E402

from ..errors import FazhiError  # noqa: E402
from ..ingest import uploads  # noqa: E402
from ..models import Answer, FailedFile, IngestResult  # noqa: E402
from ..settings import Settings  # noqa: E402
from . import facts_tab, viewer, views  # noqa: E402
from ..store.lock import ReadWriteLock  # noqa: E402

log = logging.getLogger(__name__)
ALL = "all"
ASK_CONCURRENCY = 4  # simultaneous questions; more wait in Gradio's queue (all get answered)
EXAMPLES = [
    "Which counties reported zero defeat in reconsideration cases?",
    "平罗县2023年行政诉讼败诉率是多少?",
    "哪些地区报告了零败诉?",
    "婺城区行政复议纠错率是多少?",
    "綦江区司法局存在哪些不足?",
    "How many legal aid cases did Wucheng handle?",
    "compare Linhai and Pingluo",
]


def _year(value) -> int | None:
    if value in (None, "", ALL):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise FazhiError(f"year must be a 4-digit year such as 2023 or '{ALL}', got '{value}'") from None


def _file_path(f) -> str:
    """The server path of one uploaded file: a FileData dict (preprocess=False), a path, or a file object."""
    if isinstance(f, dict):
        return str(f.get("path") or "")
    if isinstance(f, (str, os.PathLike)):
        return os.fspath(f)
    return str(getattr(f, "path", None) or getattr(f, "name", None) or "")


def _places(value) -> list[str] | None:
    if not value:
        return None
    return [value] if isinstance(value, str) else list(value)


class WebApp:
    """Handlers shared by the page and the API; every call into the Assistant goes through the lock."""

    def __init__(self, assistant):
        self.assistant = assistant
        self.lock = ReadWriteLock()

    # ---- choices -------------------------------------------------------------------------
    def place_choices(self) -> list[str]:
        return sorted({m.place for m in self.assistant.reports() if m.place})

    def year_choices(self) -> list[str]:
        return [ALL] + [str(y) for y in sorted({m.year for m in self.assistant.reports() if m.year}, reverse=True)]

    def reports_table(self) -> dict:
        with self.lock.read():
            return {"headers": views.REPORT_COLUMNS, "data": views.report_rows(self.assistant.reports())}

    # ---- questions -----------------------------------------------------------------------
    def ask(self, question: str, places: list[str] | None = None, year: int | str | None = None) -> dict:
        """Answer one question; returns the Answer as a dict (question, answer, citations[], abstained, …)."""
        try:
            with self.lock.read():
                return self.assistant.ask(question, place=_places(places), year=_year(year)).model_dump(mode="json")
        except FazhiError as err:
            raise gr.Error(str(err), print_exception=False) from None

    def reports(self) -> list[dict]:
        """The corpus: one dict per report (id, source, title, place, issuer, level, year, dates, sections, chunks)."""
        with self.lock.read():
            return [m.model_dump(mode="json") for m in self.assistant.reports()]

    def stream(self, question: str, places, year, msg_id: str):
        """HTML of the assistant's message: pending/streaming states, then the answer with its cards.
        The read lock is held throughout, so the cards' paragraphs come from the same store as the answer."""
        places, year = _places(places), _year(year)
        with self.lock.read():
            def final(answer: Answer) -> str:
                return views.render_answer(answer, msg_id, self.assistant.text)

            if not hasattr(self.assistant, "ask_stream"):
                yield views.render_pending()
                yield final(self.assistant.ask(question, place=places, year=year))
                return
            tokens = ""
            for item in self.assistant.ask_stream(question, place=places, year=year):
                # events are either bare (list of evidence, str token, Answer) or {"type": evidence|token|answer, …}
                kind = item.get("type") if isinstance(item, dict) else None
                if isinstance(item, Answer) or kind == "answer":
                    yield final(item if isinstance(item, Answer) else item["answer"])
                    return
                if isinstance(item, str) or kind == "token":
                    tokens += item if isinstance(item, str) else str(item.get("text") or "")
                    yield views.render_pending(tokens)
                else:  # the evidence found before generation starts
                    evidence = item.get("citations") if kind == "evidence" else item
                    yield views.render_pending(found=len(evidence) if hasattr(evidence, "__len__") else None)
            if tokens:  # a stream that ended without its Answer: keep what was said
                yield final(Answer(question=question, answer=tokens))

    def respond(self, question, history, places, year):
        """Chat handler: streams the assistant's message into the chat; errors become a one-line warning."""
        history = list(history or [])
        question = (question or "").strip()
        if not question:
            yield list(history), list(history), gr.update()
            return
        shown_year = None if year in (None, "", ALL) else year
        history.append({"role": "user", "content": views.render_question(question, _places(places), shown_year)})
        history.append({"role": "assistant", "content": views.render_pending()})
        yield list(history), list(history), ""
        try:
            for html in self.stream(question, places, year, uuid.uuid4().hex[:8]):
                history[-1] = {"role": "assistant", "content": html}
                yield list(history), list(history), gr.update()
        except FazhiError as err:
            history[-1] = {"role": "assistant", "content": views.render_error(str(err))}
            yield list(history), list(history), gr.update()
        except Exception as err:  # a bug must not take the page down; the log has the traceback
            log.exception("answering %r failed", question)
            history[-1] = {"role": "assistant",
                           "content": views.render_error(f"internal error ({type(err).__name__}); see the server log")}
            yield list(history), list(history), gr.update()

    # ---- upload --------------------------------------------------------------------------
    def upload(self, files, progress=gr.Progress(track_tqdm=True)) -> dict:
        """Add report files (txt/md/html/docx/pdf); returns {"added": [ReportMeta], "skipped", "failed", "message"}.
        Only files this upload brought into Gradio's upload folder are read (a client can name any server path)."""
        paths = [str(p) for p in map(_file_path, files or []) if p]
        if not paths:
            return {"added": [], "skipped": [], "failed": [], "message": "no files selected; choose report files first"}
        limit = self.assistant.settings.max_upload_files
        if len(paths) > limit:
            return {"added": [], "skipped": [], "failed": [], "message": f"{len(paths)} files in one upload, over the "
                    f"{limit} file limit; upload fewer at a time or raise FAZHI_MAX_UPLOAD_FILES"}
        ok, refused = uploads.accepted(paths, self.upload_folders)
        progress(0, desc=f"reading {len(ok)} file(s)…")
        kept_dir = self.assistant.settings.reports_dir / uploads.UPLOADS
        try:
            copies = [uploads.keep_original(p, kept_dir) for p in ok]
            with self.lock.write():
                result = self.assistant.ingest([c for c, _ in copies], progress=True) if copies else IngestResult()
        except (FazhiError, OSError) as err:
            return {"added": [], "skipped": [], "failed": [], "message": str(err).splitlines()[0]}
        added = {m.source for m in result.added}
        for copy, made in copies:  # only reports are kept; a rejected or duplicate file leaves no copy
            if made and copy.name not in added:
                uploads.discard(copy, kept_dir)
        result.failed[:0] = refused
        return self._outcome(result)

    @property
    def upload_folders(self) -> list[Path]:
        from gradio.utils import get_upload_folder

        return [Path(get_upload_folder())]

    def ingest_url(self, url: str, progress=gr.Progress(track_tqdm=True)) -> dict:
        """Fetch a report page or file (html/pdf/docx) by URL and add it; same result shape as /upload."""
        url = (url or "").strip()
        if not url:
            return {"added": [], "skipped": [], "failed": [], "message": "no URL given; paste a report's http(s) address"}
        progress(0, desc="fetching…")
        try:
            with self.lock.write():
                result = self.assistant.ingest_url(url, progress=True)
        except FazhiError as err:
            return {"added": [], "skipped": [], "failed": [], "message": str(err)}
        return self._outcome(result)

    @staticmethod
    def _outcome(result: IngestResult) -> dict:
        message = f"{len(result.added)} added, {len(result.skipped)} skipped, {len(result.failed)} rejected"
        dups = [f"{new} is a near-duplicate of {old}" for new, old in result.duplicates.items()]
        if dups:
            message += " (" + "; ".join(dups) + ")"
        return {"added": [m.model_dump(mode="json") for m in result.added], "skipped": result.skipped,
                # no "path" key: Gradio would take the entry for a file to download
                "failed": [{"file": Path(f.path).name, "reason": f.reason} for f in result.failed], "message": message}

    def upload_view(self, outcome: dict):
        """After an upload: the per-file list, the reports table and fresh place/year choices."""
        outcome = outcome or {}
        if not any(outcome.get(k) for k in ("added", "skipped", "failed")):
            html = views.render_error(outcome.get("message") or "nothing was uploaded")
        else:
            html = views.render_upload(IngestResult(
                added=outcome.get("added", []), skipped=outcome.get("skipped", []),
                failed=[FailedFile(path=f["file"], reason=f["reason"]) for f in outcome.get("failed", [])]))
        return (html, *self.refresh())

    def refresh(self):
        places, years = self.place_choices(), self.year_choices()
        return (self.reports_table(), gr.update(choices=places), gr.update(choices=years),
                views.render_header(self.assistant.reports()))

    # ---- facts ---------------------------------------------------------------------------
    def facts(self, indicator: str | None = None, place: str | None = None, year: int | str | None = None) -> list[dict]:
        """Figures read from the reports (each with its verbatim quote), filtered by indicator, place and year."""
        try:
            with self.lock.read():
                found = self.assistant.facts(indicator=indicator or None, place=place or None, year=_year(year))
        except FazhiError as err:
            raise gr.Error(str(err), print_exception=False) from None
        try:
            from ..facts.extract import facts_to_rows
            return [{k: v for k, v in row.items()} for row in facts_to_rows(found)]
        except ImportError:
            return [f.model_dump(mode="json") for f in found]


def build_app(assistant) -> gr.Blocks:
    """The page over an open Assistant. Launch it with launch_kwargs() (CSS, head script, no share link)."""
    web = WebApp(assistant)
    with gr.Blocks(title="法治政府建设年度报告问答 · fazhi-qa", analytics_enabled=False,
                   delete_cache=(3600, 7200)) as demo:  # uploaded copies and CSVs leave Gradio's cache
        header = gr.HTML(views.render_header(assistant.reports()))
        viewer_bar, viewer_html, open_request, open_go = viewer.build_viewer()  # the report viewer (issue 12.6)
        history = gr.State([])
        with gr.Tabs():
            with gr.Tab("问答 Chat", id="chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=4):
                        chatbot = gr.Chatbot(elem_id="fz-chat", show_label=False, height=620, latex_delimiters=[], autoscroll=False,
                                             feedback_options=None, buttons=[],
                                             placeholder="用中文或英文提问,回答会逐字引用报告原文。<br>"
                                                         "Ask in Chinese or English; answers quote the reports.")
                        with gr.Row():
                            question = gr.Textbox(elem_id="fz-question", show_label=False, scale=6, autofocus=True,
                                                  placeholder="输入问题 · Type a question, e.g. 平罗县2023年行政诉讼败诉率是多少?",
                                                  max_length=assistant.settings.max_question_chars)
                            send = gr.Button("提问 Ask", variant="primary", scale=1, elem_id="fz-send")
                        gr.Markdown("示例问题 · Examples (click to ask)", elem_classes="fz-examples-head")
                        with gr.Row(elem_classes="fz-examples", elem_id="fz-examples"):
                            example_buttons = [gr.Button(q, size="sm", scale=0, min_width=0) for q in EXAMPLES]
                    with gr.Column(scale=1, min_width=220):
                        places = gr.Dropdown(web.place_choices(), value=[], multiselect=True, label="地区 Place",
                                             info="只在这些地区的报告中查找 · only these places", elem_id="fz-places")
                        year = gr.Dropdown(web.year_choices(), value=ALL, label="年份 Year",
                                           info="报告所述年度 · year reported on", elem_id="fz-year")
                        gr.Markdown("筛选对下一个问题生效。<br>Filters apply to the next question.")
                        clear = gr.Button("清空对话 Clear chat", size="sm")
            with gr.Tab("报告 Reports", id="reports"):
                reports_df = gr.Dataframe(web.reports_table(), headers=views.REPORT_COLUMNS, interactive=False,
                                          wrap=True, max_height=520, elem_id="fz-reports",
                                          column_widths=["12%", "10%", "6%", "15%", "33%", "6%", "6%", "12%"])
                report_actions = viewer.build_report_actions()  # open / delete the selected report
                gr.Markdown(f"### 上传报告 Add reports\n txt / md / html / docx / pdf,每个文件不超过 "
                            f"{assistant.settings.max_file_mb:g} MB · up to {assistant.settings.max_file_mb:g} MB "
                            f"each. 重复的报告会被跳过 · duplicates are skipped.")
                files = gr.File(file_count="multiple", label="报告文件 Report files", elem_id="fz-files", height=140)
                add = gr.Button("添加到索引 Add to index", variant="primary", elem_id="fz-add")
                with gr.Row():
                    url_box = gr.Textbox(show_label=False, scale=6, elem_id="fz-url",
                                         placeholder="或输入报告网址 · or a report's URL (https://…, html/pdf/docx)")
                    fetch = gr.Button("抓取 Fetch", scale=1, elem_id="fz-fetch")
                upload_html = gr.HTML(elem_id="fz-upload-result")
                upload_json = gr.JSON(visible=False)
            if hasattr(assistant, "facts"):
                with gr.Tab("数据 Facts", id="facts"):
                    facts_ui = facts_tab.build(web)

        chat_io = dict(inputs=[question, history, places, year], outputs=[chatbot, history, question],
                       concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask", api_visibility="private")
        question.submit(web.respond, **chat_io)
        send.click(web.respond, **chat_io)
        for button, text in zip(example_buttons, EXAMPLES):
            button.click(lambda text=text: text, None, question, api_visibility="private", queue=False).then(
                web.respond, **chat_io)
        clear.click(lambda: ([], []), None, [chatbot, history], api_visibility="private", queue=False)
        chatbot.clear(lambda: [], None, history, api_visibility="private", queue=False)  # the chat's own bin icon

        refreshed = [reports_df, places, year, header]
        # Gradio refuses a FileData naming a server path; WebApp.upload checks again (only its upload folder)
        uploaded = add.click(web.upload, files, upload_json, api_name="upload", concurrency_limit=1,
                             concurrency_id="ingest", show_progress_on=[upload_html]).then(
            web.upload_view, upload_json, [upload_html, *refreshed], api_visibility="private").then(
            lambda: None, None, files, api_visibility="private")
        fetched = fetch.click(web.ingest_url, url_box, upload_json, api_name="ingest_url", concurrency_limit=1,
                              concurrency_id="ingest", show_progress_on=[upload_html]).then(
            web.upload_view, upload_json, [upload_html, *refreshed], api_visibility="private")
        report_viewer = viewer.Viewer(web)
        deleted = viewer.wire(report_viewer, viewer_bar, viewer_html, open_request, open_go, reports_df, report_actions)
        deleted.then(web.refresh, None, refreshed, api_visibility="private")
        demo.fazhi_viewer = report_viewer  # the viewer's handlers, for tests
        if hasattr(assistant, "facts"):
            facts = facts_tab.FactsTab(web, report_viewer)
            facts_in, facts_out = facts_tab.wire(demo, facts, facts_ui, viewer_bar, viewer_html)
            for done in (uploaded, fetched, deleted):
                done.then(facts.refresh, facts_in, facts_out, api_visibility="private")
            demo.fazhi_facts = facts  # the tab's handlers, for tests
        demo.load(web.refresh, None, refreshed, api_visibility="private")
        gr.api(web.ask, api_name="ask", concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
        gr.api(web.reports, api_name="reports", concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
        if hasattr(assistant, "facts"):
            gr.api(web.facts, api_name="facts", concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
    demo.queue(default_concurrency_limit=ASK_CONCURRENCY)
    demo.fazhi = web  # handlers, for tests and embedding
    return demo


def launch_kwargs(settings: Settings) -> dict:
    """Everything launch() needs: local address, page CSS/script, local fonts only, no share link."""
    return dict(server_name=settings.host, server_port=settings.port, share=False, css=views.CSS + viewer.CSS,
                head=views.HEAD + viewer.HEAD,
                max_file_size=f"{max(settings.max_file_mb * 4, 50):g}mb", footer_links=["api", "settings"],
                theme=gr.themes.Soft(primary_hue="amber", font=["system-ui", "Noto Sans CJK SC", "sans-serif"],
                                     font_mono=["ui-monospace", "monospace"]))


def serve(settings: Settings | None = None, **launch_overrides) -> gr.Blocks:
    """Open the Assistant, index reports/ if the store is empty, and serve the page (blocks until stopped,
    unless prevent_thread_lock=True is passed; then it returns the running Blocks)."""
    from ..assistant import Assistant

    settings = settings or Settings()
    assistant = Assistant.open(settings)
    if not assistant.reports() and settings.reports_dir.is_dir():
        result = assistant.ingest([settings.reports_dir])
        log.warning("indexed %d reports from %s", len(result.added), settings.reports_dir)
    assistant.warm_up()
    demo = build_app(assistant)
    demo.launch(**{**launch_kwargs(settings), **launch_overrides})
    return demo
