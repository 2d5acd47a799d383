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
from . import export, facts_tab, viewer, views  # noqa: E402
from .conversation import HistoryUI  # noqa: E402
from .i18n import DEFAULT, lang_of, t  # noqa: E402
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
ACCEPTED = [".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"]  # the upload picker offers only these


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


def _refused(message: str) -> dict:
    return {"added": [], "skipped": [], "failed": [], "message": message}


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

    def reports_table(self, lang: str = DEFAULT) -> dict:
        with self.lock.read():
            return {"headers": views.report_columns(lang), "data": views.report_rows(self.assistant.reports(), lang)}

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

    def stream(self, question: str, places, year, msg_id: str, lang: str = DEFAULT, keep: list | None = None):
        """HTML of the assistant's message: pending/streaming states, then the answer with its cards.
        The read lock is held throughout, so the cards' paragraphs come from the same store as the answer.
        `keep` (a list) receives the final Answer, for a caller that stores it (the history)."""
        places, year = _places(places), _year(year)
        with self.lock.read():
            def final(answer: Answer) -> str:
                if keep is not None:
                    keep.append(answer)
                return views.render_answer(answer, msg_id, self.assistant.text, lang)

            if not hasattr(self.assistant, "ask_stream"):
                yield views.render_pending(lang=lang)
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
                    yield views.render_pending(tokens, lang=lang)
                else:  # the evidence found before generation starts
                    evidence = item.get("citations") if kind == "evidence" else item
                    yield views.render_pending(found=len(evidence) if hasattr(evidence, "__len__") else None, lang=lang)
            if tokens:  # a stream that ended without its Answer: keep what was said
                yield final(Answer(question=question, answer=tokens))

    def respond(self, question, history, places, year, lang: str = DEFAULT, keep: list | None = None):
        """Chat handler: streams the assistant's message into the chat; errors become a one-line warning.
        An empty or over-long question is named (a toast) and left in the box to fix, never cut or dropped.
        `keep` (a list) receives the final Answer or the error line shown instead."""
        history, lang = list(history or []), lang_of(lang)
        question = (question or "").strip()
        limit = self.assistant.settings.max_question_chars
        if not question or len(question) > limit:
            gr.Warning(t("empty_question", lang) if not question else t("too_long", lang, n=len(question), limit=limit))
            yield list(history), list(history), gr.update()
            return
        shown_year = None if year in (None, "", ALL) else year
        history.append({"role": "user", "content": views.render_question(question, _places(places), shown_year, lang)})
        history.append({"role": "assistant", "content": views.render_pending(lang=lang)})
        yield list(history), list(history), ""
        try:
            for html in self.stream(question, places, year, uuid.uuid4().hex[:8], lang, keep):
                history[-1] = {"role": "assistant", "content": html}
                yield list(history), list(history), gr.update()
        except FazhiError as err:
            if keep is not None:
                keep.append(str(err))
            history[-1] = {"role": "assistant", "content": views.render_error(str(err))}
            yield list(history), list(history), gr.update()
        except Exception as err:  # a bug must not take the page down; the log has the traceback
            log.exception("answering %r failed", question)
            line = t("internal_error", lang, kind=type(err).__name__)
            if keep is not None:
                keep.append(line)
            history[-1] = {"role": "assistant", "content": views.render_error(line)}
            yield list(history), list(history), gr.update()

    def filter_action(self, question, places, year, lang: str = DEFAULT):
        """The "clear filters and ask again" button: shown when the question names a place the filters leave out."""
        try:
            with self.lock.read():
                outside = self.assistant.analyze(question or "", _places(places), _year(year)).outside_filter
        except Exception:  # the question was refused with its own message; no button then
            outside = []
        label = f'{t("clear_and_ask", lang_of(lang))} ({"、".join(outside)})' if outside else ""
        return gr.update(visible=bool(outside), value=label)

    # ---- upload --------------------------------------------------------------------------
    def upload(self, files, lang: str = DEFAULT, progress=gr.Progress()) -> dict:
        """Add report files (txt/md/html/docx/pdf); returns {"added": [ReportMeta], "skipped", "failed", "message"}.
        Only files this upload brought into Gradio's upload folder are read (a client can name any server path)."""
        lang = lang_of(lang)
        paths = [str(p) for p in map(_file_path, files or []) if p]
        if not paths:
            return _refused(t("no_files", lang))
        limit = self.assistant.settings.max_upload_files
        if len(paths) > limit:
            return _refused(t("too_many_files", lang, n=len(paths), limit=limit) + " (FAZHI_MAX_UPLOAD_FILES)")
        ok, refused = uploads.accepted(paths, self.upload_folders)
        progress(0, desc=t("reading_files", lang, n=len(ok)))
        kept_dir = self.assistant.settings.reports_dir / uploads.UPLOADS

        def indexed(done: int, total: int) -> None:
            progress((done, total), desc=t("indexing", lang, done=done, total=total), unit="reports")

        try:
            copies = [uploads.keep_original(p, kept_dir) for p in ok]
            with self.lock.write():
                result = self.assistant.ingest([c for c, _ in copies], progress=indexed) if copies else IngestResult()
        except (FazhiError, OSError) as err:
            return _refused(str(err).splitlines()[0])
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

    def ingest_url(self, url: str, lang: str = DEFAULT, progress=gr.Progress()) -> dict:
        """Fetch a report page or file (html/pdf/docx) by URL and add it; same result shape as /upload."""
        url, lang = (url or "").strip(), lang_of(lang)
        if not url:
            return _refused(t("no_url", lang))
        progress(0, desc=t("fetching", lang))
        try:
            with self.lock.write():
                result = self.assistant.ingest_url(url, progress=False)
        except FazhiError as err:
            return _refused(str(err))
        return self._outcome(result)

    @staticmethod
    def _outcome(result: IngestResult) -> dict:
        message = f"{len(result.added)} added, {len(result.skipped)} skipped, {len(result.failed)} rejected"
        dups = [f"{new} is a near-duplicate of {old}" for new, old in result.duplicates.items()]
        if dups:
            message += " (" + "; ".join(dups) + ")"
        return {"added": [m.model_dump(mode="json") for m in result.added], "skipped": result.skipped,
                "duplicates": result.duplicates,
                # no "path" key: Gradio would take the entry for a file to download
                "failed": [{"file": Path(f.path).name, "reason": f.reason} for f in result.failed], "message": message}

    def upload_view(self, outcome: dict, lang: str = DEFAULT):
        """After an upload: the per-file list (in the page's language), the reports table and fresh choices."""
        outcome, lang = outcome or {}, lang_of(lang)
        if not any(outcome.get(k) for k in ("added", "skipped", "failed")):
            html = views.render_error(outcome.get("message") or t("nothing_uploaded", lang))
        else:
            html = views.render_upload(IngestResult(
                added=outcome.get("added", []), skipped=outcome.get("skipped", []),
                duplicates=outcome.get("duplicates", {}),
                failed=[FailedFile(path=f["file"], reason=f["reason"]) for f in outcome.get("failed", [])]), lang=lang)
        return (html, *self.refresh(lang))

    def refresh(self, lang: str = DEFAULT):
        places, years, lang = self.place_choices(), self.year_choices(), lang_of(lang)
        return (self.reports_table(lang), gr.update(choices=places), gr.update(choices=years),
                views.render_header(self.assistant.reports(), lang))

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
    limit = assistant.settings.max_question_chars
    with gr.Blocks(title="法治政府建设年度报告问答 · fazhi-qa", analytics_enabled=False,
                   delete_cache=(3600, 7200)) as demo:  # uploaded copies and CSVs leave Gradio's cache
        lang = gr.State(DEFAULT)  # a State, so the API endpoints keep their signatures
        saved_lang = gr.BrowserState(DEFAULT, storage_key="fazhi-lang")
        with gr.Row(equal_height=False):
            header = gr.HTML(views.render_header(assistant.reports()))
            lang_radio = gr.Radio([("中文", "zh"), ("English", "en")], value=DEFAULT, label=t("language"),
                                  elem_id="fz-lang", scale=0, min_width=160)
        viewer_bar, viewer_html, open_request, open_go = viewer.build_viewer()  # the report viewer (issue 12.6)
        history = gr.State([])
        last_question = gr.State("")
        saved = HistoryUI(web)  # saved conversations, stop/retry/edit, copy and export (conversation.py)
        with gr.Tabs():
            with gr.Tab(t("tab_chat"), id="chat") as tab_chat:
                with gr.Row(equal_height=False):
                    with gr.Column(scale=4):
                        filters_html = gr.HTML(views.render_filters([], None), elem_id="fz-filter-bar")
                        chatbot = gr.Chatbot(elem_id="fz-chat", show_label=False, height=620, latex_delimiters=[],
                                             autoscroll=False, feedback_options=None, buttons=[],
                                             placeholder=t("chat_placeholder"))
                        clear_ask = gr.Button(visible=False, variant="secondary", size="sm", elem_id="fz-clear-ask")
                        with gr.Row():
                            question = gr.Textbox(elem_id="fz-question", label=t("question_label"), show_label=False,
                                                  scale=6, autofocus=True, placeholder=t("question_placeholder"))
                            send = gr.Button(t("ask"), variant="primary", scale=1, elem_id="fz-send")
                        counter = gr.HTML(views.render_counter(limit), elem_id="fz-counter")
                        saved.controls()
                        examples_head = gr.Markdown(t("examples"), elem_classes="fz-examples-head")
                        with gr.Row(elem_classes="fz-examples", elem_id="fz-examples"):
                            example_buttons = [gr.Button(q, size="sm", scale=0, min_width=0) for q in EXAMPLES]
                    with gr.Column(scale=1, min_width=220):
                        places = gr.Dropdown(web.place_choices(), value=[], multiselect=True, label=t("places"),
                                             info=t("places_info"), elem_id="fz-places")
                        year = gr.Dropdown(web.year_choices(), value=ALL, label=t("year"), info=t("year_info"),
                                           elem_id="fz-year")
                        filters_note = gr.Markdown(t("filters_next"))
                        clear = gr.Button(t("clear_chat"), size="sm", elem_id="fz-clear")
                        saved.panel()
            with gr.Tab(t("tab_reports"), id="reports") as tab_reports:
                reports_df = gr.Dataframe(web.reports_table(), headers=views.REPORT_COLUMNS, interactive=False,
                                          wrap=True, max_height=520, elem_id="fz-reports",
                                          column_widths=["12%", "10%", "6%", "15%", "33%", "6%", "6%", "12%"])
                report_actions = viewer.build_report_actions()  # open / delete the selected report
                upload_head = gr.Markdown(_upload_head(assistant.settings.max_file_mb, DEFAULT))
                files = gr.File(file_count="multiple", label=t("report_files"), elem_id="fz-files", height=140,
                                file_types=ACCEPTED)
                add = gr.Button(t("add_to_index"), variant="primary", elem_id="fz-add")
                with gr.Row():
                    url_box = gr.Textbox(show_label=False, label=t("url_placeholder"), scale=6, elem_id="fz-url",
                                         placeholder=t("url_placeholder"))
                    fetch = gr.Button(t("fetch"), scale=1, elem_id="fz-fetch")
                upload_html = gr.HTML(elem_id="fz-upload-result")
                upload_json = gr.JSON(visible=False)
            tab_facts = None
            if hasattr(assistant, "facts"):
                with gr.Tab(t("tab_facts"), id="facts") as tab_facts:
                    facts_ui = facts_tab.build(web)

        # ---- chat ----
        chat_io = dict(fn=saved.respond, inputs=[question, history, places, year, saved.conv, saved.owner, lang],
                       outputs=[chatbot, history, question, saved.conv],
                       concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask", api_visibility="private")
        private = dict(api_visibility="private", queue=False)
        answering = []  # the events that answer a question: stop cancels them

        def asked(trigger):
            """question → remembered → answered (and saved) → the clear-filters button when the filters left out
            the place the question names."""
            answer = trigger(lambda q: q, question, last_question, **private).then(**chat_io)
            answering.append(answer)
            answer.then(web.filter_action, [last_question, places, year, lang], clear_ask, api_visibility="private")

        asked(question.submit)
        asked(send.click)
        for button, text in zip(example_buttons, EXAMPLES):
            asked(button.click(lambda text=text: text, None, question, **private).then)
        asked(clear_ask.click(lambda: ([], ALL, gr.update(visible=False)), None, [places, year, clear_ask],
                              **private).then(lambda q: q, last_question, question, **private).then)
        for ctl in (places, year):
            ctl.change(lambda p, y, g: views.render_filters(p, None if y in (None, "", ALL) else y, g),
                       [places, year, lang], filters_html, **private)
        clear.click(lambda: ([], []), None, [chatbot, history], **private)
        chatbot.clear(lambda: [], None, history, **private)  # the chat's own bin icon
        saved.wire(demo, chatbot, history, question, places, year, clear, answering, chat_io)

        # ---- language ----
        facts_tabs = [tab_facts] if tab_facts is not None else []

        def relabel(choice, p, y):
            g = lang_of(choice)
            words = {
                lang: g, saved_lang: g, header: views.render_header(assistant.reports(), g),
                tab_chat: gr.update(label=t("tab_chat", g)), tab_reports: gr.update(label=t("tab_reports", g)),
                chatbot: gr.update(placeholder=t("chat_placeholder", g)),
                question: gr.update(label=t("question_label", g), placeholder=t("question_placeholder", g)),
                send: gr.update(value=t("ask", g)), counter: views.render_counter(limit, g),
                examples_head: t("examples", g), places: gr.update(label=t("places", g), info=t("places_info", g)),
                year: gr.update(label=t("year", g), info=t("year_info", g)), filters_note: t("filters_next", g),
                clear: gr.update(value=t("clear_chat", g)), upload_head: _upload_head(assistant.settings.max_file_mb, g),
                files: gr.update(label=t("report_files", g)), add: gr.update(value=t("add_to_index", g)),
                url_box: gr.update(placeholder=t("url_placeholder", g)), fetch: gr.update(value=t("fetch", g)),
                filters_html: views.render_filters(p, None if y in (None, "", ALL) else y, g),
                lang_radio: gr.update(value=g, label=t("language", g)),
                **dict(zip(saved.labelled(), saved.relabel(g))),
                **{tab: gr.update(label=t("tab_facts", g)) for tab in facts_tabs}}
            return words

        relabelled = [lang, saved_lang, header, tab_chat, tab_reports, chatbot, question, send, counter, examples_head,
                      places, year, filters_note, clear, upload_head, files, add, url_box, fetch, filters_html,
                      lang_radio, *saved.labelled(), *facts_tabs]
        lang_radio.input(relabel, [lang_radio, places, year], relabelled, **private)
        demo.load(relabel, [saved_lang, places, year], relabelled, **private)

        # ---- reports ----
        refreshed = [reports_df, places, year, header]
        # Gradio refuses a FileData naming a server path; WebApp.upload checks again (only its upload folder)
        uploaded = add.click(lambda: "", None, upload_html, **private).then(
            web.upload, [files, lang], upload_json, api_name="upload", concurrency_limit=1,
            concurrency_id="ingest", show_progress_on=[upload_html]).then(
            web.upload_view, [upload_json, lang], [upload_html, *refreshed], api_visibility="private").then(
            lambda: None, None, files, api_visibility="private")
        fetched = fetch.click(lambda: "", None, upload_html, **private).then(
            web.ingest_url, [url_box, lang], upload_json, api_name="ingest_url", concurrency_limit=1,
            concurrency_id="ingest", show_progress_on=[upload_html]).then(
            web.upload_view, [upload_json, lang], [upload_html, *refreshed], api_visibility="private")
        report_viewer = viewer.Viewer(web)
        deleted = viewer.wire(report_viewer, viewer_bar, viewer_html, open_request, open_go, reports_df, report_actions)
        deleted.then(web.refresh, lang, refreshed, api_visibility="private")
        demo.fazhi_viewer = report_viewer  # the viewer's handlers, for tests
        if hasattr(assistant, "facts"):
            facts = facts_tab.FactsTab(web, report_viewer)
            facts_in, facts_out = facts_tab.wire(demo, facts, facts_ui, viewer_bar, viewer_html)
            for done in (uploaded, fetched, deleted):
                done.then(facts.refresh, facts_in, facts_out, api_visibility="private")
            demo.fazhi_facts = facts  # the tab's handlers, for tests
        demo.load(web.refresh, lang, refreshed, api_visibility="private")
        gr.api(web.ask, api_name="ask", concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
        gr.api(web.reports, api_name="reports", concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
        if hasattr(assistant, "facts"):
            gr.api(web.facts, api_name="facts", concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
    demo.queue(default_concurrency_limit=ASK_CONCURRENCY)
    demo.fazhi = web  # handlers, for tests and embedding
    return demo


def _upload_head(max_mb: float, lang: str) -> str:
    return f"### {t('add_reports', lang)}\n{t('upload_hint', lang, mb=f'{max_mb:g}')}"


def launch_kwargs(settings: Settings) -> dict:
    """Everything launch() needs: local address, page CSS/script, local fonts only, no share link."""
    return dict(server_name=settings.host, server_port=settings.port, share=False,
                css=views.CSS + export.CSS + viewer.CSS, head=views.HEAD + export.HEAD + viewer.HEAD,
                max_file_size=f"{max(settings.max_file_mb * 4, 50):g}mb", footer_links=["api", "settings"],
                theme=theme())


def theme() -> gr.themes.Base:
    """Soft with amber, darkened where its text falls under WCAG AA's 4.5:1 (labels, info lines, the primary
    button, the selected tab and radio; tests/web/test_page_browser.py computes it from rendered styles)."""
    return gr.themes.Soft(primary_hue="amber", font=["system-ui", "Noto Sans CJK SC", "sans-serif"],
                          font_mono=["ui-monospace", "monospace"]).set(
        color_accent="#b45309", block_label_text_color="#78350f", block_title_text_color="#78350f",
        block_info_text_color="#4b5563",
        body_text_color_subdued="#4b5563", button_primary_background_fill="#b45309",
        button_primary_background_fill_hover="#92400e", button_primary_text_color="#ffffff",
        button_primary_text_color_hover="#ffffff", checkbox_label_background_fill_selected="#b45309",
        checkbox_label_text_color_selected="#ffffff")


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
