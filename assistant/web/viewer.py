"""The report viewer: one whole cleaned report with its clickable section outline, a passage marked.

It opens from a citation card's "open report" link, a Reports-table row or a Facts row/point. Cards
reach it through a hidden textbox (#fz-open-req) that the page script in HEAD fills with
"report_id:start:end" and fires; the handlers here answer it. The Reports tab's delete (with a
confirmation step) lives here too, since it acts on the report the viewer shows.
API: /report (report_id) -> {id, title, place, year, source, text, sections[{title, trail, level, start, end}]},
/delete_report (report_id) -> {removed, message}.
"""
from __future__ import annotations

import logging
import re
from html import escape

import gradio as gr

from ..ingest import uploads
from ..errors import FazhiError
from . import find
from .i18n import t

log = logging.getLogger(__name__)
REQUEST = re.compile(r"([0-9a-f]{1,64}):(\d{1,9}):(\d{1,9})")
HIT_ID = "fz-hit"
VIEWER_WIDTH = "clamp(420px, calc(100vw - 800px), 760px)"  # 640 px at 1440: the report beside a readable chat
SOURCE_COL = 7  # the Reports table's file column (views.REPORT_COLUMN_KEYS; views imports this module)


def _e(value) -> str:
    return escape("" if value is None else str(value))


def parse_request(value: str) -> tuple[str, int, int]:
    """'report_id:start:end' (as an open-report link sends it) → (report_id, start, end)."""
    m = REQUEST.fullmatch((value or "").strip())
    if not m:
        raise FazhiError(f"open-report request must be 'report_id:start:end', got '{str(value)[:80]}'")
    return m.group(1), int(m.group(2)), int(m.group(3))


def open_link(report_id: str, start: int, end: int, lang: str = "zh") -> str:
    """The small control a card or a fact quote carries; the HEAD script turns a click into a request."""
    # the request rides in the href: the chat's sanitizer drops data-* attributes but keeps a #fragment
    return f'<a class="fz-open" href="#fz-open:{_e(report_id)}:{int(start)}:{int(end)}">{_e(t("open_report", lang))}</a>'


def _heading(path: str) -> str:
    return path.rsplit(" > ", 1)[-1]


def _section(s) -> dict:
    # no "path" key: gradio_client would take the dict for a file and try to download it
    return {"title": _heading(s.path), "trail": s.path, "level": s.level, "start": s.start, "end": s.end}


def section_at(sections, offset: int | None) -> int | None:
    """Index of the innermost section holding `offset` (the passage's place in the outline), or None."""
    if offset is None:
        return None
    holding = [(s.level, i) for i, s in enumerate(sections) if s.start <= offset <= s.end]
    return max(holding)[1] if holding else None


def render_outline(sections, lang: str = "zh", current: int | None = None) -> str:
    """The section tree as nested links to anchors in the text (section i starts at #fz-sec-i);
    the section holding the passage is marked current."""
    if not sections:
        return f'<nav class="fz-outline"><p>{_e(t("no_sections", lang))}</p></nav>'
    items = [f'<li class="fz-lv{min(max(s.level, 1), 6)}{" fz-current" if i == current else ""}">'
             f'<a href="#fz-sec-{i}">{_e(_heading(s.path))}</a></li>' for i, s in enumerate(sections)]
    return (f'<nav class="fz-outline"><div class="fz-outline-head">{_e(t("outline", lang))}</div>'
            f'<ul>{"".join(items)}</ul></nav>')


def _marked(text: str, sections, start: int | None, end: int | None) -> str:
    """The escaped text with an empty anchor at each section start and <mark> around [start, end)."""
    cuts: dict[int, list[str]] = {}
    for i, s in enumerate(sections):
        if 0 <= s.start <= len(text):
            cuts.setdefault(s.start, []).append(f'<span class="fz-anchor" id="fz-sec-{i}"></span>')
    if start is not None and end is not None and 0 <= start < end <= len(text):
        cuts.setdefault(end, []).insert(0, "</mark>")  # a closing tag goes before anchors at the same offset
        cuts.setdefault(start, []).append(f'<mark id="{HIT_ID}">')
    out, last = [], 0
    for pos in sorted(cuts):
        out.append(_e(text[last:pos]))
        out.extend(cuts[pos])
        last = pos
    out.append(_e(text[last:]))
    return "".join(out)


def render_report(meta, text: str, sections, start: int | None = None, end: int | None = None,
                  lang: str = "zh") -> str:
    """The whole report: title and facts line, the outline beside the text, the passage marked."""
    title = (meta.title or meta.source) if meta else ""
    info = " · ".join(_e(x) for x in (meta.place, meta.year, meta.source) if x) if meta else ""
    url = getattr(meta, "source_url", None) if meta else None
    if url and url.startswith(("http://", "https://")) and url != meta.source:
        info += (f' · <a class="fz-url" href="{_e(url)}" target="_blank" rel="noopener noreferrer">{_e(url)}</a>')
    inside = start is not None and end is not None and 0 <= start < end <= len(text)
    note = "" if inside or start is None else f'<div class="fz-notice">ⓘ {_e(t("passage_missing", lang))}</div>'
    return (f'<div class="fz-viewer-doc"><h3 class="fz-viewer-title">{_e(title)}</h3>'
            f'<div class="fz-meta">{info}</div>{note}{find.render_bar(lang)}<div class="fz-viewer-body">'
            f'{render_outline(sections, lang, section_at(sections, start if inside else None))}'
            f'<div class="fz-doc">{_marked(text, sections, start, end)}</div></div></div>')


def render_empty(lang: str = "zh") -> str:
    return f'<div class="fz-viewer-empty">{_e(t("viewer_empty", lang))}</div>'


def reworded(html: str | None, lang: str) -> str:
    """The viewer's HTML after a language switch: the hint, or the shown report with the viewer's own words
    (outline heading, notices) in `lang`; the report's text is data and stays."""
    html = html or ""
    if not html or "fz-viewer-empty" in html:
        return render_empty(lang)
    for key in ("outline", "no_sections", "passage_missing", "open_report"):
        for other in ("zh", "en"):
            if other != lang:
                html = html.replace(f">{_e(t(key, other))}<", f">{_e(t(key, lang))}<")
                html = html.replace(f"ⓘ {_e(t(key, other))}<", f"ⓘ {_e(t(key, lang))}<")
    return find.reworded(html, lang)


def render_notice(message: str) -> str:
    first = (message or "error").strip().splitlines()[0]
    return f'<div class="fz-msg fz-error">⚠ {_e(first)}</div>'


class Viewer:
    """Handlers for the viewer, its API endpoints and the Reports tab's delete; `web` is the page's WebApp."""

    def __init__(self, web):
        self.web = web
        self.assistant = web.assistant

    def _meta(self, report_id: str):
        for m in self.assistant.reports():
            if m.id == report_id:
                return m
        raise FazhiError(f"unknown report id '{str(report_id)[:80]}'; the /reports endpoint lists the ids")

    # ---- API -------------------------------------------------------------------------------
    def report(self, report_id: str, request: gr.Request = None) -> dict:
        """One report in full: {id, title, place, year, source, text, sections: [{title, trail, level, start, end}]}
        (a section's title is its heading, its trail the headings from the root joined by " > ")."""
        self.web.user(request)
        try:
            with self.web.lock.read():
                meta = self._meta(report_id)
                return {"id": meta.id, "title": meta.title, "place": meta.place, "year": meta.year,
                        "source": meta.source, "source_url": meta.source_url, "text": self.assistant.text(meta.id),
                        "sections": [_section(s) for s in self.assistant.docs.sections(meta.id)]}
        except FazhiError as err:
            raise gr.Error(str(err).splitlines()[0], print_exception=False) from None

    def delete(self, report_id: str, request: gr.Request = None) -> dict:
        """Remove one report (texts, vectors, facts) under the write lock; {"removed": id, "message"}.
        An editor's call only (the page's confirmation is no protection for an API client)."""
        self.web.user(request, editor=True)
        try:
            with self.web.lock.write():
                meta = self._meta(report_id)
                self.assistant.remove(meta.id)
                settings = self.assistant.settings  # an uploaded original must not come back with a rebuild
                uploads.discard_report(meta.id, meta.source, settings.reports_dir / uploads.UPLOADS, settings.max_file_mb)
        except FazhiError as err:
            raise gr.Error(str(err).splitlines()[0], print_exception=False) from None
        return {"removed": meta.id, "message": f"removed {meta.source} ({meta.place or '?'} {meta.year or ''})".strip()}

    # ---- page ------------------------------------------------------------------------------
    def show(self, report_id: str, start: int | None = None, end: int | None = None, lang: str = "zh") -> str:
        """The viewer's HTML for one report, or a one-line notice when it cannot be shown (the event calling
        it has checked the user)."""
        try:
            with self.web.lock.read():
                meta = self._meta(report_id)
                return render_report(meta, self.assistant.text(meta.id), self.assistant.docs.sections(meta.id),
                                     start, end, lang)
        except FazhiError as err:
            return render_notice(str(err))
        except Exception as err:  # a bug must not take the page down; the log has the traceback
            log.exception("showing report %r failed", report_id)
            return render_notice(f"internal error ({type(err).__name__}); see the server log")

    def open_request(self, value: str, lang: str = "zh", request: gr.Request = None):
        """A card's 'report_id:start:end' → the viewer's HTML, and the viewer opened."""
        self.web.user(request)
        if not (value or "").strip():
            return gr.update(), gr.update()
        try:
            report_id, start, end = parse_request(value)
        except FazhiError as err:
            return render_notice(str(err)), gr.update(open=True)
        return self.show(report_id, start, end, lang), gr.update(open=True)

    def report_row(self, rows, evt: gr.SelectData) -> tuple[str, str]:
        """A Reports-table row was selected → (report id, one line naming it) for the open/delete buttons."""
        meta = self._row_meta(rows, evt)
        if meta is None:
            return "", ""
        return meta.id, f"{meta.place or ''} {meta.year or ''} · {meta.title or meta.source}".strip()

    def _row_meta(self, rows, evt):
        row = evt.row_value if getattr(evt, "row_value", None) else None
        if row is None and isinstance(evt.index, (list, tuple)) and rows is not None:
            data = rows.values.tolist() if hasattr(rows, "values") else (rows.get("data") or [])
            row = data[evt.index[0]] if 0 <= evt.index[0] < len(data) else None
        if not row:
            return None
        source = str(row[SOURCE_COL]) if len(row) > SOURCE_COL else ""  # the file the report came from
        with self.web.lock.read():
            found = [m for m in self.assistant.reports() if m.source == source]
        title = str(row[4]) if len(row) > 4 else ""
        return next((m for m in found if (m.title or m.source) == title), found[0] if found else None)


# ---- page parts ------------------------------------------------------------------------------
# On each new report: scroll the marked passage into view (after the sidebar has slid open); outline
# links scroll inside the viewer instead of changing the page's address.
ON_LOAD = """
// scroll only the box holding `el` (not the page behind the viewer)
function fzCenter(box, el) {
  if (box && el) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 2;
}
function fzScroll() {
  var hit = element.querySelector('#fz-hit'), doc = element.querySelector('.fz-doc');
  fzCenter(element.querySelector('.fz-outline'), element.querySelector('.fz-outline .fz-current'));
  if (hit) { fzCenter(doc, hit); return; }
  if (doc) doc.scrollTop = 0;
}
// the scrolls still due to the passage: a reader who scrolls or jumps meanwhile must not be pulled back
window.fzPending = window.fzPending || [];
function fzCancel() { window.fzPending.forEach(clearTimeout); window.fzPending = []; }
// again once the sidebar has finished sliding open (a busy browser may still be laying it out)
watch('value', function () {
  [60, 450, 1000].forEach(function (ms) { window.fzPending.push(setTimeout(fzScroll, ms)); });
});
['wheel', 'touchstart', 'keydown'].forEach(function (kind) {
  element.addEventListener(kind, fzCancel, {passive: true});
});
element.addEventListener('click', function (e) {
  var a = e.target && e.target.closest ? e.target.closest('.fz-outline a') : null;
  if (!a) return;
  e.preventDefault();
  fzCancel();
  var to = element.querySelector(a.getAttribute('href'));
  if (to) to.scrollIntoView({block: 'start'});
});
""" + find.SCRIPT

# The same passage asked for again leaves the HTML unchanged (no re-render to watch): scroll anyway.
RESCROLL = """() => { window.fzPending = window.fzPending || [];
[450, 1000].forEach(function (ms) { window.fzPending.push(setTimeout(function () {
  var hit = document.querySelector('#fz-viewer #fz-hit'), doc = hit && hit.closest('.fz-doc');
  if (doc) doc.scrollTop += hit.getBoundingClientRect().top - doc.getBoundingClientRect().top - doc.clientHeight / 2;
}, ms)); }); }"""


def scrolled(event):
    """An event that opens the viewer, followed by the scroll to its passage."""
    return event.then(None, js=RESCROLL, api_visibility="private")


# A card's (or fact quote's) "open report" link fills the hidden request box and clicks the hidden button
# (a click fires even when the same passage is asked for twice).
HEAD = """<script>
document.addEventListener('click', function (e) {
  var a = e.target && e.target.closest ? e.target.closest('a.fz-open') : null;
  if (!a) return;
  e.preventDefault(); e.stopPropagation();
  var box = document.querySelector('#fz-open-req textarea, #fz-open-req input');
  if (!box) return;
  box.value = a.getAttribute('href').replace('#fz-open:', '');
  box.dispatchEvent(new Event('input', {bubbles: true}));
  var go = document.querySelector('#fz-open-go');
  if (go) setTimeout(function () { go.click(); }, 0);
}, true);
</script>"""

CSS = """
/* opened beside the page the viewer takes VIEWER_WIDTH and the chat keeps 640 px: where both do not fit the
   filters column wraps under the chat (top level: Gradio keeps a rule in @media only under its own prefix) */
.sidebar-parent:has(#fz-viewer-bar.open) #fz-chat-col { min-width: min(640px, 100%) !important; }
.fz-viewer-title { margin: .2rem 0; font-size: 1.1rem; }
.fz-viewer-body { display: flex; gap: .8rem; align-items: flex-start; }
.fz-outline { flex: 0 0 clamp(140px, 26%, 240px); max-height: 72vh; overflow-y: auto; font-size: .8rem; line-height: 1.45;
  border-right: 1px solid var(--border-color-primary, #e5e7eb); padding-right: .4rem; }
.fz-outline ul { list-style: none; padding: 0; margin: 0; }
.fz-outline li { margin: .15rem 0; } .fz-outline .fz-lv2 { padding-left: .8rem; } .fz-outline .fz-lv3 { padding-left: 1.6rem; }
.fz-outline .fz-lv4, .fz-outline .fz-lv5, .fz-outline .fz-lv6 { padding-left: 2.2rem; }
.fz-outline a { text-decoration: none; color: var(--body-text-color); cursor: pointer; }
.fz-outline a:hover { color: var(--color-accent, #ea580c); }
.fz-outline .fz-current > a { font-weight: 700; color: var(--fz-current); }
.fz-outline-head { font-weight: 600; margin-bottom: .3rem; }
.fz-doc { flex: 1 1 auto; max-height: 72vh; overflow-y: auto; white-space: pre-wrap; line-height: 1.75; font-size: .92rem; }
.fz-doc mark { background: var(--fz-mark-bg); color: var(--fz-mark-text); padding: 1px 2px; border-radius: 2px; scroll-margin: 40px; }
.fz-anchor { scroll-margin: 8px; }
a.fz-open { font-size: .78rem; margin-left: .4rem; cursor: pointer; }
.fz-viewer-empty { color: var(--body-text-color-subdued); }
"""


def build_viewer(lang: str = "zh"):
    """The viewer in a right-hand sidebar (over any tab) and the hidden box cards send requests to.
    Returns (sidebar, viewer HTML, request box, the button that sends it)."""
    with gr.Sidebar(open=False, position="right", width=VIEWER_WIDTH, elem_id="fz-viewer-bar") as bar:
        html = gr.HTML(render_empty(lang), elem_id="fz-viewer", js_on_load=ON_LOAD)
    request = gr.Textbox(visible="hidden", elem_id="fz-open-req", show_label=False, container=False)
    go = gr.Button(visible="hidden", elem_id="fz-open-go")
    return bar, html, request, go


def build_report_actions(lang: str = "zh") -> dict:
    """Under the Reports table: the selected report, open/delete, and the delete confirmation (hidden)."""
    ui = {"selected": gr.State("")}
    with gr.Row(equal_height=True):
        ui["label"] = gr.Textbox(t("select_report", lang), show_label=False, interactive=False, scale=4,
                                 container=False, elem_id="fz-report-selected")
        ui["open"] = gr.Button(t("open_report", lang), size="sm", scale=0, interactive=False, elem_id="fz-report-open")
        ui["delete"] = gr.Button(t("delete_report", lang), size="sm", scale=0, variant="stop", interactive=False,
                                 elem_id="fz-report-delete")
    with gr.Row(visible=False, elem_id="fz-delete-confirm") as confirm:
        ui["confirm_row"] = confirm
        ui["confirm_text"] = gr.Textbox(show_label=False, interactive=False, scale=4, container=False)
        ui["confirm"] = gr.Button(t("confirm_delete", lang), variant="stop", size="sm", scale=0, elem_id="fz-delete-yes")
        ui["cancel"] = gr.Button(t("cancel", lang), size="sm", scale=0, elem_id="fz-delete-no")
    ui["result"] = gr.HTML(elem_id="fz-delete-result")
    return ui


def labelled(ui: dict) -> list:
    """The Reports tab's action components whose words follow the language switch, in relabel()'s order."""
    return [ui["label"], ui["open"], ui["delete"], ui["confirm"], ui["cancel"]]


def relabel(selected: str, lang: str) -> tuple:
    hint = gr.update() if selected else t("select_report", lang)  # a selected report's name stays
    return (hint, *(gr.update(value=t(k, lang)) for k in ("open_report", "delete_report", "confirm_delete", "cancel")))


def wire(viewer: Viewer, bar, html, request, go, reports_df, ui: dict, lang):
    """Events of the viewer and the Reports tab's actions, and the /report and /delete_report endpoints;
    `lang` is the page's language State. Returns the delete event, for the refreshes that follow it."""
    private = dict(api_visibility="private")
    scrolled(go.click(viewer.open_request, [request, lang], [html, bar], **private))

    def picked(rows, g, evt: gr.SelectData):
        report_id, name = viewer.report_row(rows, evt)
        on = gr.update(interactive=bool(report_id))
        return report_id, (name or t("select_report", g)), on, on, gr.update(visible=False)

    reports_df.select(picked, [reports_df, lang],
                      [ui["selected"], ui["label"], ui["open"], ui["delete"], ui["confirm_row"]], **private)

    def opened(rid, g, request: gr.Request):
        viewer.web.user(request)
        return viewer.show(rid, lang=g) if rid else render_empty(g), gr.update(open=True)

    scrolled(ui["open"].click(opened, [ui["selected"], lang], [html, bar], **private))
    # in the questions' queue (app.ASK_CONCURRENCY = 4 at a time): reading a report is a read like a question
    gr.api(viewer.report, api_name="report", concurrency_limit=4, concurrency_id="ask")
    return _wire_delete(viewer, ui, lang)


def _wire_delete(viewer: Viewer, ui: dict, lang):
    """Delete → a confirmation row (cancel hides it) → confirm removes the report; one write at a time,
    in the queue the uploads use."""
    private = dict(api_visibility="private")
    ui["delete"].click(lambda name, g: (gr.update(visible=True), t("confirm_question", g, name=name)),
                       [ui["label"], lang], [ui["confirm_row"], ui["confirm_text"]], **private)
    ui["cancel"].click(lambda: gr.update(visible=False), None, ui["confirm_row"], **private)

    def confirmed(report_id, name, g, request: gr.Request):
        off, hint = gr.update(interactive=False), t("select_report", g)
        try:
            if not report_id:
                raise gr.Error(hint)
            viewer.delete(report_id, request)
            shown = f'<div class="fz-upload-head">✓ {escape(t("report_deleted", g, name=name))}</div>'
        except gr.Error as err:
            shown = render_notice(str(err.message))
        return shown, gr.update(visible=False), "", off, off, hint

    outputs = [ui["result"], ui["confirm_row"], ui["selected"], ui["open"], ui["delete"], ui["label"]]
    gr.api(viewer.delete, api_name="delete_report", concurrency_limit=1, concurrency_id="ingest")
    return ui["confirm"].click(confirmed, [ui["selected"], ui["label"], lang], outputs, concurrency_limit=1, concurrency_id="ingest",
                               **private)
