"""The conversation list beside the chat: titles in full, a search box, rename, and delete with undo.

Per browser as before (the owner id in localStorage). Deleting takes a conversation out of the list at
once and offers "undo" until the next action; the store removes it for good after history.UNDO_SECONDS.
"""
from __future__ import annotations

from html import escape

import gradio as gr

from ..errors import FazhiError
from .i18n import t


def choices(conversations: list[dict], query: str, lang: str) -> list[tuple[str, str]]:
    """(label, id) of the conversations whose title holds every word of `query`, newest first."""
    words = [w.lower() for w in (query or "").split()]
    out = []
    for c in conversations:
        title = c["title"] or t("conversation_untitled", lang)
        if all(w in title.lower() for w in words):
            out.append((f"{title} ({c['turns']})", c["id"]))
    return out


def build(lang: str) -> dict:
    """The list's components (inside the chat tab's side column)."""
    ui = {"deleted": gr.State("")}
    ui["search"] = gr.Textbox(show_label=False, label=t("search_conversations", lang), elem_id="fz-conv-search",
                              placeholder=t("search_conversations", lang), container=False)
    ui["list"] = gr.Radio([], value=None, label=t("conversations", lang), elem_id="fz-conversations",
                          elem_classes="fz-conv-list")
    with gr.Row():
        ui["title"] = gr.Textbox(show_label=False, label=t("rename_conversation", lang), scale=3, container=False,
                                 placeholder=t("rename_conversation", lang), elem_id="fz-conv-title")
        ui["rename"] = gr.Button(t("rename", lang), size="sm", scale=1, min_width=60, elem_id="fz-rename")
    with gr.Row(visible=False, elem_id="fz-undo-row") as row:
        ui["undo_row"] = row
        ui["undo_note"] = gr.HTML(elem_id="fz-undo-note")
        ui["undo"] = gr.Button(t("undo", lang), size="sm", scale=0, min_width=70, elem_id="fz-undo")
    return ui


def labelled(ui: dict) -> list:
    return [ui["search"], ui["title"], ui["rename"], ui["undo"]]


def relabel(lang: str) -> tuple:
    return (gr.update(label=t("search_conversations", lang), placeholder=t("search_conversations", lang)),
            gr.update(label=t("rename_conversation", lang), placeholder=t("rename_conversation", lang)),
            gr.update(value=t("rename", lang)), gr.update(value=t("undo", lang)))


def deleted_note(title: str, lang: str) -> str:
    return f'<div class="fz-undo-note">{escape(t("conversation_deleted", lang, title=title))}</div>'


def wire(history, ui: dict, opened: list, files: dict, lang) -> None:
    """Search, rename, delete (with undo); `history` is the HistoryUI, `opened` what opening a conversation
    fills, `files` the export refresh that follows."""
    quick = dict(api_visibility="private", queue=False)
    store = history.store
    ui["search"].change(lambda conv, owner, q, g: history.listing(conv, owner, q, g),
                       [history.conv, history.owner, ui["search"], lang], history.list, **quick)

    def title_of(conv):
        ok = store.exists(conv)
        return gr.update(value=store.title(conv) if ok else ""), gr.update(interactive=True)

    for event in (history.list.input, history.new_btn.click):
        event(title_of, history.conv, [ui["title"], ui["rename"]], **quick)

    def rename(conv, owner, title, q, g):
        try:
            if not store.exists(conv, owner):
                raise FazhiError(t("rename_nothing", g))
            store.rename(conv, title)
        except FazhiError as err:
            gr.Warning(str(err), title=t("toast_warning", g))
        return history.listing(conv, owner, q, g)

    ui["rename"].click(rename, [history.conv, history.owner, ui["title"], ui["search"], lang], history.list, **quick)

    def delete(conv, owner, g):
        title = store.title(conv) if store.exists(conv, owner) else ""
        shown = history.delete(conv, owner)
        if not title:
            return (*shown, gr.update(visible=False), "", "", gr.update(value="", interactive=False))
        return (*shown, gr.update(visible=True), deleted_note(title, g), conv, gr.update(value="", interactive=False))

    outputs = [*opened, ui["undo_row"], ui["undo_note"], ui["deleted"], ui["title"]]
    history.delete_btn.click(delete, [history.conv, history.owner, lang], outputs,
                             api_visibility="private").then(history.downloads, **files)

    def undo(conv, owner, g):
        if not store.restore(conv, owner):
            return (*history.new(owner), gr.update(visible=False), "", "", gr.update())
        return (*history.open(conv, owner, g), gr.update(visible=False), "", "", gr.update(value=store.title(conv)))

    ui["undo"].click(undo, [ui["deleted"], history.owner, lang], outputs, api_visibility="private").then(
        history.downloads, **files)
    # the next action closes the undo offer
    for event in (history.new_btn.click, history.list.input):
        event(lambda: (gr.update(visible=False), ""), None, [ui["undo_row"], ui["deleted"]], **quick)


CSS = """
.fz-conv-list .wrap { flex-direction: column !important; align-items: stretch !important; gap: 2px !important;
  max-height: 320px; overflow-y: auto; flex-wrap: nowrap !important; }
.fz-conv-list label { width: 100%; white-space: normal !important; line-height: 1.35; }
.fz-undo-note { font-size: .85rem; color: var(--fz-text-2); padding-top: .3rem; }
"""
