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

import gradio as gr  # noqa: E402

from ..errors import FazhiError  # noqa: E402
from ..settings import Settings  # noqa: E402
from ..store.lock import ReadWriteLock  # noqa: E402,F401  (tests and embedders import it from here)
from . import cards, export, facts_tab, find, sidebar, suggest, viewer, views, widgets  # noqa: E402
from .auth import Auth, is_loopback  # noqa: E402
from .conversation import HistoryUI  # noqa: E402
from .handlers import ALL, WebApp  # noqa: E402,F401
from .i18n import DEFAULT, lang_of, t  # noqa: E402

log = logging.getLogger(__name__)
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
# pixels, not percentages: on a phone a percentage of 390 px is one character per line; the table scrolls sideways
REPORT_WIDTHS = ["120px", "80px", "64px", "170px", "360px", "64px", "64px", "200px", "240px"]
ACCEPTED = [".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"]  # the upload picker offers only these


def build_app(assistant) -> gr.Blocks:
    """The page over an open Assistant. Launch it with launch_kwargs() (CSS, head script, no share link)."""
    web = WebApp(assistant)
    limit = assistant.settings.max_question_chars
    # with sign-in the page's config (served to anyone) carries no report data; demo.load fills it per user
    shown = [] if web.auth.on else assistant.reports()
    with gr.Blocks(title="法治政府建设年度报告问答 · fazhi-qa", analytics_enabled=False,
                   delete_cache=(3600, 7200)) as demo:  # uploaded copies and CSVs leave Gradio's cache
        lang = gr.State(DEFAULT)  # a State, so the API endpoints keep their signatures
        saved_lang = gr.BrowserState(DEFAULT, storage_key="fazhi-lang")
        with gr.Row(equal_height=False):
            header = gr.HTML(views.render_header(shown))
            lang_radio = gr.Radio([("中文", "zh"), ("English", "en")], value=DEFAULT, label=t("language"),
                                  elem_id="fz-lang", scale=0, min_width=160)
        viewer_bar, viewer_html, open_request, open_go = viewer.build_viewer()  # the report viewer (issue 12.6)
        history = gr.State([])
        last_question = gr.State("")
        saved = HistoryUI(web)  # saved conversations, stop/retry/edit, copy and export (conversation.py)
        with gr.Tabs():
            with gr.Tab(t("tab_chat"), id="chat") as tab_chat:
                with gr.Row(equal_height=False):
                    with gr.Column(scale=4, elem_id="fz-chat-col"):
                        filters_html = gr.HTML(views.render_filters([], None), elem_id="fz-filter-bar")
                        chatbot = gr.Chatbot(elem_id="fz-chat", show_label=False, height=620, latex_delimiters=[],
                                             autoscroll=False, feedback_options=None, buttons=[],
                                             placeholder=t("chat_placeholder"))
                        clear_ask = gr.Button(visible=False, variant="secondary", size="sm", elem_id="fz-clear-ask")
                        with gr.Row(elem_id="fz-ask-row"):
                            question = gr.Textbox(elem_id="fz-question", label=t("question_label"), show_label=False,
                                                  scale=6, autofocus=True, placeholder=t("question_placeholder"))
                            send = gr.Button(t("ask"), variant="primary", scale=1, elem_id="fz-send")
                        counter = gr.HTML(views.render_counter(limit), elem_id="fz-counter")
                        saved.controls()
                        examples_head = gr.Markdown(t("examples"), elem_classes="fz-examples-head")
                        with gr.Row(elem_classes="fz-examples", elem_id="fz-examples"):
                            example_buttons = [gr.Button(q, size="sm", scale=0, min_width=0) for q in EXAMPLES]
                    with gr.Column(scale=1, min_width=220, elem_id="fz-side"):
                        places = gr.Dropdown(web.place_choices() if shown else [], value=[], multiselect=True, label=t("places"),
                                             info=t("places_info"), elem_id="fz-places")
                        year = gr.Dropdown(web.year_choices(DEFAULT) if shown else [(t("all"), ALL)], value=ALL,
                                           label=t("year"), info=t("year_info"),
                                           elem_id="fz-year")
                        filters_note = gr.Markdown(t("filters_next"))
                        clear = gr.Button(t("clear_chat"), size="sm", elem_id="fz-clear")
                        saved.panel()
            with gr.Tab(t("tab_reports"), id="reports") as tab_reports:
                reports_df = gr.Dataframe(web.reports_table() if shown else None, headers=views.REPORT_COLUMNS, interactive=False,
                                          wrap=True, max_height=520, elem_id="fz-reports",
                                          column_widths=REPORT_WIDTHS)
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
        saved.wire(demo, chatbot, history, question, places, year, clear, answering, chat_io, saved_lang)

        # ---- language ----
        facts_tabs = [tab_facts] if tab_facts is not None else []

        def relabel(choice, p, y, conv, selected, shown, request: gr.Request = None):
            web.user(request)
            g = lang_of(choice)
            chat = saved.messages(conv, g) if saved.store.exists(conv) else None  # answers shown are redrawn
            words = {
                lang: g, saved_lang: g, header: views.render_header(assistant.reports(), g),
                tab_chat: gr.update(label=t("tab_chat", g)), tab_reports: gr.update(label=t("tab_reports", g)),
                chatbot: gr.update(placeholder=t("chat_placeholder", g)),
                question: gr.update(label=t("question_label", g), placeholder=t("question_placeholder", g)),
                send: gr.update(value=t("ask", g)), counter: views.render_counter(limit, g),
                examples_head: t("examples", g), places: gr.update(label=t("places", g), info=t("places_info", g)),
                year: gr.update(label=t("year", g), info=t("year_info", g), choices=web.year_choices(g)),
                filters_note: t("filters_next", g), reports_df: web.reports_table(g),
                clear: gr.update(value=t("clear_chat", g)), upload_head: _upload_head(assistant.settings.max_file_mb, g),
                files: gr.update(label=t("report_files", g)), add: gr.update(value=t("add_to_index", g)),
                url_box: gr.update(placeholder=t("url_placeholder", g), label=t("url_placeholder", g)), fetch: gr.update(value=t("fetch", g)),
                filters_html: views.render_filters(p, None if y in (None, "", ALL) else y, g),
                lang_radio: gr.update(value=g, label=t("language", g)), viewer_html: viewer.reworded(shown, g),
                **dict(zip(saved.labelled(), saved.relabel(g))),
                **dict(zip(viewer.labelled(report_actions), viewer.relabel(selected, g))),
                **{tab: gr.update(label=t("tab_facts", g)) for tab in facts_tabs}}
            if chat is not None:
                words.update({chatbot: gr.update(placeholder=t("chat_placeholder", g), value=chat), history: chat})
            return words

        relabelled = [lang, saved_lang, header, tab_chat, tab_reports, chatbot, question, send, counter, examples_head,
                      places, year, filters_note, clear, upload_head, files, add, url_box, fetch, filters_html,
                      lang_radio, reports_df, history, viewer_html, *saved.labelled(), *viewer.labelled(report_actions), *facts_tabs]
        relabel_in = [places, year, saved.conv, report_actions["selected"], viewer_html]
        switched = lang_radio.input(relabel, [lang_radio, *relabel_in], relabelled, **private)
        # only a saved non-default language relabels on load: a no-op load must not undo a switch made meanwhile
        def relabel_saved(saved, p, y, conv, selected, shown, request: gr.Request):
            if lang_of(saved) == DEFAULT:
                return {lang: DEFAULT}
            return relabel(saved, p, y, conv, selected, shown, request)

        loaded = demo.load(relabel_saved, [saved_lang, *relabel_in], relabelled, **private)

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
        deleted = viewer.wire(report_viewer, viewer_bar, viewer_html, open_request, open_go, reports_df, report_actions,
                              lang)
        deleted.then(web.refresh, lang, refreshed, api_visibility="private")
        demo.fazhi_viewer = report_viewer  # the viewer's handlers, for tests
        if hasattr(assistant, "facts"):
            facts = facts_tab.FactsTab(web, report_viewer)
            facts_in, facts_out = facts_tab.wire(demo, facts, facts_ui, viewer_bar, viewer_html, lang)
            for done in (uploaded, fetched, deleted):
                done.then(facts.refresh, facts_in, facts_out, api_visibility="private")
            for done in (switched, loaded):
                done.then(facts.relabel, facts_in, [facts_ui["indicator"], *facts_out], api_visibility="private")
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
    """Everything launch() needs: local address, page CSS/script, local fonts only, no share link, and
    Gradio's login form when FAZHI_AUTH names a users file."""
    auth = Auth.of(settings)
    login = dict(auth=auth.check_password, auth_message="fazhi-qa") if auth.kind == "file" else {}
    # _frontend=False: Gradio (pinned) probes its own address with one 3 s request after starting and, on a
    # loaded machine where that times out, refuses to go on with a server that is up ("localhost is not
    # accessible"); the server is reachable either way
    return dict(server_name=settings.host, server_port=settings.port, share=False, _frontend=False, **login,
                css=views.CSS + cards.CSS + sidebar.CSS + suggest.CSS + export.CSS + viewer.CSS + find.CSS,
                head=views.HEAD + export.HEAD + viewer.HEAD + widgets.head(),
                max_file_size=f"{max(settings.max_file_mb * 4, 50):g}mb", footer_links=["api", "settings"],
                theme=theme())


def theme() -> gr.themes.Base:
    """Soft with amber, darkened (light theme) or lightened (dark theme) where its text falls under WCAG AA's
    4.5:1 (labels, info lines, placeholders, the primary button, the selected tab and radio;
    tests/web/test_page_browser.py computes it from rendered styles in both themes)."""
    return gr.themes.Soft(primary_hue="amber", font=["system-ui", "Noto Sans CJK SC", "sans-serif"],
                          font_mono=["ui-monospace", "monospace"]).set(
        color_accent="#b45309", block_label_text_color="#78350f", block_title_text_color="#78350f",
        block_info_text_color="#4b5563",
        body_text_color_subdued="#4b5563", button_primary_background_fill="#b45309",
        button_primary_background_fill_hover="#92400e", button_primary_text_color="#ffffff",
        button_primary_text_color_hover="#ffffff", checkbox_label_background_fill_selected="#b45309",
        checkbox_label_text_color_selected="#ffffff", input_placeholder_color="#6b7280",
        # dark: light amber labels on the dark blocks, the same dark-amber button with white text
        block_label_text_color_dark="#fcd34d", block_title_text_color_dark="#fcd34d",
        block_info_text_color_dark="#b6bcc6", body_text_color_subdued_dark="#b6bcc6",
        button_primary_background_fill_dark="#b45309", button_primary_background_fill_hover_dark="#92400e",
        button_primary_text_color_dark="#ffffff", button_primary_text_color_hover_dark="#ffffff",
        checkbox_label_background_fill_selected_dark="#b45309", checkbox_label_text_color_selected_dark="#ffffff",
        input_placeholder_color_dark="#b6bcc6", block_label_background_fill_dark="#451a03",
        button_secondary_background_fill_hover_dark="#b45309", button_secondary_text_color_hover_dark="#ffffff")


def check_exposure(settings: Settings, insecure: bool = False) -> None:
    """Refuse to serve beyond this machine without sign-in: anyone on the network could then read every
    conversation and delete every report."""
    if not insecure and not Auth.of(settings).on and not is_loopback(settings.host):
        raise FazhiError(f"serving on {settings.host} without sign-in lets anyone on the network delete reports and "
                         f"read conversations; set FAZHI_AUTH (file:USERS or header:X-Forwarded-User), bind "
                         f"127.0.0.1, or pass --insecure")


def serve(settings: Settings | None = None, insecure: bool = False, **launch_overrides) -> gr.Blocks:
    """Open the Assistant, index reports/ if the store is empty, and serve the page (blocks until stopped,
    unless prevent_thread_lock=True is passed; then it returns the running Blocks)."""
    from ..assistant import Assistant

    settings = settings or Settings()
    check_exposure(settings, insecure)
    assistant = Assistant.open(settings)
    if not assistant.reports() and settings.reports_dir.is_dir():
        result = assistant.ingest([settings.reports_dir])
        log.warning("indexed %d reports from %s", len(result.added), settings.reports_dir)
    assistant.warm_up()
    demo = build_app(assistant)
    demo.launch(**{**launch_kwargs(settings), **launch_overrides})
    return demo
