"""The chat page's conversation controls: saved history, stop / retry / edit, copy and export.

`HistoryUI(web)` is made inside build_app's Blocks; `controls()` and `panel()` place its components,
`wire(...)` connects them, and `respond` replaces WebApp.respond as the chat handler (it stores each
turn). The current conversation's id lives in the browser (gr.BrowserState), so a reload reopens it.
API (gradio_client): /chat, /conversations, /conversation, /delete_conversation, /export, /export_answer.
Who owns a conversation: with FAZHI_AUTH, the signed-in user (the page and the API alike; another user's
conversation is "unknown"); without it, the browser's random id on the page, and the API sees them all.
"""
from __future__ import annotations

import logging
import tempfile
import uuid
from pathlib import Path

import gradio as gr

from ..errors import FazhiError, InputError
from ..models import Answer
from . import export, sidebar, views
from .history import ID, History, Turn
from .i18n import DEFAULT, lang_of, t

log = logging.getLogger(__name__)
STORAGE_KEY = "fazhi-conversation"  # localStorage key of the open conversation's id
OWNER_KEY = "fazhi-browser"  # localStorage key of this browser's id: the list shows only its conversations
NONE = "none"  # the id stored while no conversation is open; BrowserState does not save an empty value
_ANY = object()  # HistoryUI._mine without a browser id: any conversation (no sign-in)


def _year_of(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None  # 'all', empty, or bad: WebApp.respond reports a bad year itself


def _places_of(value) -> list[str]:
    return [value] if isinstance(value, str) and value else [str(p) for p in (value or [])]


def _is_id(value) -> bool:
    return isinstance(value, str) and ID.fullmatch(value) is not None


def _owner(value) -> str:
    """This browser's id, or a new one (its first visit, or storage holding something else)."""
    return value if _is_id(value) else uuid.uuid4().hex


def _failed(err: FazhiError):
    return gr.Error(str(err), print_exception=False)


class HistoryUI:
    """Handlers for the page and the API over one History store; `lang` words the buttons and exports."""

    def __init__(self, web, store: History | None = None, lang: str = DEFAULT):
        self.web, self.lang = web, lang
        self.store = store or History.of(web.assistant)
        self.folder = Path(tempfile.mkdtemp(prefix="fazhi-export-"))  # exports, overwritten per conversation
        self.conv = gr.BrowserState(NONE, storage_key=STORAGE_KEY)
        self.owner = gr.BrowserState(NONE, storage_key=OWNER_KEY)  # made on the first visit (open)
        self.picked = gr.State(None)  # the turn number whose answer "export answer" saves (None: the last)
        web.history_ui = self  # reachable from demo.fazhi, for tests and embedding

    # ---- who -----------------------------------------------------------------------------
    def _owner(self, request, browser) -> str:
        """The owner of this call's conversations: the signed-in user, else this browser's id (made here
        on its first visit)."""
        user = self.web.user(request)
        return user.name if self.web.auth.on else _owner(browser)

    def _mine(self, conv, request, browser=_ANY) -> bool:
        """Whether this caller may see `conv`: the signed-in user's own; without sign-in, the browser's own
        (or no one's) when a browser id is given, any conversation otherwise (the API, retry/edit)."""
        user = self.web.user(request)
        if self.web.auth.on:
            return self.store.exists(conv, user.name, strict=True)
        return self.store.exists(conv, None if browser is _ANY else browser if isinstance(browser, str) else "")

    def _check(self, conv, request) -> str:
        if not self._mine(conv, request):
            raise InputError(f"unknown conversation {str(conv)[:40]!r}; pick one from the list "
                             f"(/conversations) or start a new one")
        return conv

    # ---- rendering -----------------------------------------------------------------------
    def _lang(self, lang) -> str:
        """The page's language when the page gives it; the build-time one for API callers."""
        return lang_of(lang) if lang else self.lang

    def reply_html(self, turn: Turn, msg_id: str, lang: str | None = None) -> str:
        g = self._lang(lang)
        if turn.answer is not None:
            with self.web.lock.read():
                html = views.render_answer(turn.answer, msg_id, self.web.assistant.text, g)
            return html + export.copy_button(turn.answer, g)
        return views.render_error(turn.error or t("stopped", g))

    def messages(self, conv: str, lang: str | None = None) -> list[dict]:
        """The chat as it looked: one question and one reply per stored turn."""
        chat = []
        for turn in self.store.load(conv):
            question = views.render_question(turn.question, turn.places, turn.year, self._lang(lang))
            chat.append({"role": "user", "content": question})
            chat.append({"role": "assistant", "content": self.reply_html(turn, f"{conv[:6]}{turn.n}", lang)})
        return chat

    def listing(self, conv, owner, query: str = "", lang: str | None = None):
        """The conversation list: this browser's (user's) conversations whose title matches `query`, newest
        first, the open one selected; none for no owner ('' is the API's conversations without sign-in)."""
        mine = isinstance(owner, str) and owner not in ("", NONE)
        choices = sidebar.choices(self.store.conversations(owner) if mine else [], query, self._lang(lang))
        return gr.update(choices=choices, value=conv if conv in {i for _, i in choices} else None)

    # ---- page events ---------------------------------------------------------------------
    def respond(self, question, chat, places, year, conv, owner="", lang: str = DEFAULT, request: gr.Request = None):
        """WebApp.respond's outputs plus the conversation id; the turn is stored as it is asked and answered."""
        if self.web.auth.on:
            owner = self.web.user(request).name
        limit = self.web.assistant.settings.max_question_chars
        if not (question or "").strip() or len(question.strip()) > limit:  # named by WebApp.respond, not saved
            for out in self.web.respond(question, chat, places, year, lang):
                yield (*out, conv)
            return
        if not self.web.auth.on:
            owner = owner if _is_id(owner) else ""  # the page's load has not given this browser its id yet
        try:
            conv = conv if self.store.exists(conv, owner, strict=self.web.auth.on) else self.store.create(owner)
            earlier = self._earlier(conv)
            n = self.store.append(conv, question.strip(), _places_of(places), _year_of(year))
        except self.store.errors:  # a full disk, a broken file or a lost database must not cost the answer; it is just not saved
            log.exception("could not save the question to %s", self.store.path)
            conv, n, earlier = NONE, None, []
        keep: list = []
        out = (chat, chat, gr.update())
        for out in self.web.respond(question, chat, places, year, lang, keep, earlier):
            yield (*out, conv)
        got = keep[-1] if keep else None
        if n is not None and got is not None:
            self._save(conv, n, got)
        if isinstance(got, Answer):
            shown = list(out[0])
            shown[-1] = {"role": "assistant", "content": shown[-1]["content"] + export.copy_button(got, lang_of(lang))}
            yield shown, list(shown), gr.update(), conv

    def _earlier(self, conv: str) -> list[Answer]:
        """The conversation's answered turns, which a follow-up question leans on ("那2022年呢?")."""
        return [turn.answer for turn in self.store.load(conv) if turn.answer is not None]

    def _save(self, conv: str, n: int, got: Answer | str) -> None:
        try:
            self.store.answer(conv, n, **({"answer": got} if isinstance(got, Answer) else {"error": got}))
        except self.store.errors:
            log.exception("could not save the answer to %s", self.store.path)

    def open(self, conv, owner, lang: str | None = None, request: gr.Request = None):
        """Reopen a conversation (page load or the list); an unknown, deleted or other browser's (user's) id gives
        an empty chat. A browser without an id gets one here (its first visit)."""
        owner = self._owner(request, owner)
        if not self.store.exists(conv, owner, strict=self.web.auth.on):
            return self.new(owner, request)
        self.store.claim(conv, owner)
        chat = self.messages(conv, lang)
        return chat, list(chat), conv, self.listing(conv, owner), None, owner

    def new(self, owner, request: gr.Request = None):
        owner = self._owner(request, owner)
        return [], [], NONE, self.listing(None, owner), None, owner

    def delete(self, conv, owner, request: gr.Request = None):
        if self._mine(conv, request, owner):
            self.store.delete(conv)
        return self.new(owner, request)

    def back(self, conv, chat, request: gr.Request = None):
        """Take the last question out of the conversation: back into the box, its filters back on."""
        turn = self.store.pop(conv) if self._mine(conv, request) else None
        if turn is None:
            return chat, chat, gr.update(), gr.update(), gr.update()
        chat = list(chat or [])[:-2]
        return chat, list(chat), turn.question, turn.places, str(turn.year) if turn.year else "all"

    def stopped(self, chat):
        """After stop: a reply still pending or streaming says it was stopped (the question stays saved)."""
        chat = list(chat or [])
        last = chat[-1] if chat and isinstance(chat[-1], dict) else {}
        html = str(last.get("content") or "")
        if last.get("role") == "assistant" and ("fz-pending" in html or "fz-cursor" in html):
            chat[-1] = {"role": "assistant", "content": views.render_error(t("stopped", self.lang))}
        return chat, list(chat)

    def pick(self, evt: gr.SelectData):
        """Clicking a message picks its turn for "export answer" (messages come in question/reply pairs)."""
        index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        return int(index) // 2 + 1 if isinstance(index, int) else None

    def downloads(self, conv, fmt, picked, lang: str | None = None, request: gr.Request = None):
        """The two download buttons' files, rebuilt after each answer, reopen, pick or format change."""
        turns = self.store.load(conv) if self._mine(conv, request) else []
        if not turns:
            return gr.update(value=None, interactive=False), gr.update(value=None, interactive=False)
        last = turns[-1].n
        picked = picked if picked in {x.n for x in turns} else last  # none picked, or from another conversation
        one, whole = self.export(conv, fmt, picked, lang, request), self.export(conv, fmt, None, lang, request)
        return gr.update(value=one, interactive=True), gr.update(value=whole, interactive=True)

    # ---- API -----------------------------------------------------------------------------
    def export(self, conversation: str, fmt: str = "docx", turn: int | None = None, lang: str | None = None,
               request: gr.Request = None) -> str:
        """A conversation (turn None) or one of its turns (1, 2, …) as a .docx or .md file; returns its path."""
        try:
            self._check(conversation, request)
            turns, title, part = self.store.load(conversation), self.store.title(conversation), "all"
            if turn not in (None, ""):
                n = int(turn) if str(turn).lstrip("-").isdigit() else None
                turns = [x for x in turns if x.n == n]
                if not turns:
                    raise InputError(f"conversation {conversation} has no turn {str(turn)[:10]!r}; turns count from 1")
                title, part = turns[0].question, f"turn{n}"  # one answer is titled by its question
            elif not turns:
                raise InputError(f"conversation {conversation} is empty; ask a question first")
            # a folder per part: the answer's and the conversation's files never overwrite each other
            return str(export.save(self.folder / conversation / part, title, turns, fmt, self._lang(lang)))
        except FazhiError as err:
            raise _failed(err) from None

    def export_answer(self, answer: dict, fmt: str = "docx", request: gr.Request = None) -> str:
        """One Answer (as /ask returns it) as a .docx or .md file; returns its path."""
        self.web.user(request)
        try:
            parsed = Answer.model_validate(answer)
        except Exception:
            raise _failed(InputError("answer must be an Answer as /ask returns it (question, answer, "
                                     "citations[])")) from None
        turn = Turn(n=1, question=parsed.question, answer=parsed)
        try:
            return str(export.save(self.folder / uuid.uuid4().hex[:12], parsed.question, [turn], fmt, self.lang))
        except FazhiError as err:
            raise _failed(err) from None

    def chat(self, question: str, conversation: str = "", places: list[str] | None = None,
             year: str | None = None, request: gr.Request = None) -> dict:
        """Ask within a saved conversation (a new one when the id is empty): {"conversation", "answer"}."""
        user = self.web.user(request)
        if conversation and not self._mine(conversation, request):
            raise _failed(InputError(f"unknown conversation {str(conversation)[:40]!r}; leave it empty to start one"))
        earlier = self._earlier(conversation) if conversation else []
        answer = self.web.ask(question, places, year, request, earlier)  # errors raise before anything is stored
        conv = conversation or self.store.create(user.name)
        n = self.store.append(conv, question.strip(), _places_of(places), _year_of(year))
        self.store.answer(conv, n, answer=Answer.model_validate(answer))
        return {"conversation": conv, "answer": answer}

    def conversations(self, request: gr.Request = None) -> list[dict]:
        """Saved conversations (the signed-in user's), newest first: {"id", "title", "turns", "updated"}."""
        user = self.web.user(request)
        return self.store.conversations(user.name if self.web.auth.on else None)

    def conversation(self, conversation: str, request: gr.Request = None) -> dict:
        """One conversation: {"id", "title", "turns": [{n, question, places, year, answer, error}]}."""
        try:
            self._check(conversation, request)
            return {"id": conversation, "title": self.store.title(conversation),
                    "turns": [x.model_dump(mode="json") for x in self.store.load(conversation)]}
        except FazhiError as err:
            raise _failed(err) from None

    def delete_conversation(self, conversation: str, request: gr.Request = None) -> list[dict]:
        """Delete one conversation; returns those left."""
        try:
            self.store.delete(self._check(conversation, request))
        except FazhiError as err:
            raise _failed(err) from None
        return self.conversations(request)

    # ---- layout and events ---------------------------------------------------------------
    def after(self, conv, fmt, owner, lang: str | None = None, request: gr.Request = None):
        """After an answer (or a stop): the list shows the conversation, exports hold the latest answer."""
        if self.web.auth.on:
            owner = self.web.user(request).name
        elif _is_id(owner) and self.store.exists(conv, owner):
            self.store.claim(conv, owner)
        return (self.listing(conv, owner), None, *self.downloads(conv, fmt, None, lang, request))

    def controls(self) -> None:
        """Stop, retry and edit, under the question box."""
        with gr.Row(elem_id="fz-turn-tools"):
            self.stop = gr.Button(t("stop", self.lang), size="sm", variant="stop", scale=0, min_width=80,
                                  elem_id="fz-stop")
            self.retry = gr.Button(t("retry", self.lang), size="sm", scale=0, min_width=80, elem_id="fz-retry")
            self.edit = gr.Button(t("edit_last", self.lang), size="sm", scale=0, min_width=120, elem_id="fz-edit")

    def panel(self) -> None:
        """The saved conversations and the export buttons, beside the chat."""
        with gr.Row():
            self.new_btn = gr.Button(t("new_conversation", self.lang), size="sm", elem_id="fz-new")
            self.delete_btn = gr.Button(t("delete_conversation", self.lang), size="sm", elem_id="fz-delete")
        self.side = sidebar.build(self.lang)  # search, the list, rename, undo
        self.list = self.side["list"]
        self.fmt = gr.Radio(list(export.FORMATS), value="docx", label=t("export_format", self.lang), elem_id="fz-fmt")
        self.answer_file = gr.DownloadButton(t("export_answer", self.lang), size="sm", interactive=False,
                                             elem_id="fz-export-answer")
        self.conv_file = gr.DownloadButton(t("export_conversation", self.lang), size="sm", interactive=False,
                                           elem_id="fz-export-conversation")
        self.hint = gr.Markdown(t("export_hint", self.lang), elem_classes="fz-export-hint")
        with gr.Group(visible=False):  # inputs and outputs of the file-returning API endpoints
            self.api_in = [gr.Textbox(), gr.Textbox(value="docx"), gr.Number(None, precision=0), gr.JSON()]
            self.api_out, self.api_btn = gr.File(), [gr.Button(), gr.Button()]

    def labelled(self) -> list:
        """The components whose words follow the page's language switch, in relabel()'s order."""
        return [self.stop, self.retry, self.edit, self.list, self.new_btn, self.delete_btn, self.fmt,
                self.answer_file, self.conv_file, self.hint, *sidebar.labelled(self.side)]

    def relabel(self, lang: str) -> tuple:
        button = [gr.update(value=t(k, lang)) for k in ("stop", "retry", "edit_last")]
        return (*button, gr.update(label=t("conversations", lang)), gr.update(value=t("new_conversation", lang)),
                gr.update(value=t("delete_conversation", lang)), gr.update(label=t("export_format", lang)),
                gr.update(label=t("export_answer", lang)), gr.update(label=t("export_conversation", lang)),
                t("export_hint", lang), *sidebar.relabel(lang))

    def wire(self, demo, chatbot, state, question, places, year, clear, asked: list, chat_io: dict, lang=None) -> None:
        """Connect the controls; `asked` are the events answering a question (stop cancels them); `lang`, the
        page's language State, words re-rendered answers and exports."""
        page = [lang] if lang is not None else []
        opened = [chatbot, state, self.conv, self.list, self.picked, self.owner]
        files = dict(inputs=[self.conv, self.fmt, self.picked, *page], outputs=[self.answer_file, self.conv_file],
                     api_visibility="private")
        quick = dict(api_visibility="private", queue=False)
        done = dict(inputs=[self.conv, self.fmt, self.owner, *page], outputs=[self.list, self.picked, self.answer_file, self.conv_file],
                    api_visibility="private")
        for event in asked:
            event.then(self.after, **done)
        retried = self.retry.click(self.back, [self.conv, state], [chatbot, state, question, places, year],
                                   **quick).then(**chat_io)
        retried.then(self.after, **done)
        self.edit.click(self.back, [self.conv, state], [chatbot, state, question, places, year], **quick).then(
            self.after, **done)
        self.stop.click(self.stopped, state, [chatbot, state], cancels=[*asked, retried], **quick).then(
            self.after, **done)
        for event, fn, inputs in ((demo.load, self.open, [self.conv, self.owner, *page]),
                                  (self.list.input, self.open, [self.list, self.owner, *page]),
                                  (self.new_btn.click, self.new, [self.owner]),
                                  (clear.click, self.new, [self.owner]), (chatbot.clear, self.new, [self.owner])):
            event(fn, inputs, opened, api_visibility="private").then(self.downloads, **files)
        chatbot.select(self.pick, None, self.picked, **quick).then(self.downloads, **files)
        sidebar.wire(self, self.side, opened, files, lang if lang is not None else gr.State(self.lang))
        self.fmt.change(self.downloads, **files)
        conv, fmt, turn, answer = self.api_in
        self.api_btn[0].click(self.export, [conv, fmt, turn], self.api_out, api_name="export")
        self.api_btn[1].click(self.export_answer, [answer, fmt], self.api_out, api_name="export_answer")
        gr.api(self.chat, api_name="chat", concurrency_limit=4, concurrency_id="ask")
        for fn in (self.conversations, self.conversation, self.delete_conversation):
            gr.api(fn, api_name=fn.__name__)
