"""HTML pieces of the web chat page: answers with numbered citation cards, notices, tables.

Everything that comes from a report or a user (titles, quotes, paragraphs, questions, file names)
is data and goes through html.escape. Each fragment is one line with no blank lines, so the
chat's Markdown renderer passes it through as a single HTML block.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape

from ..models import Answer, IngestResult, ReportMeta
from .i18n import DEFAULT, t
from ..domain.phrases import PHRASES
from .cards import card, compact, linkify, paragraph, render_cards  # noqa: F401  (card, paragraph: tests use them)
from .messages import plain_reason

LEVELS = {"province": ("省", "province"), "city": ("市", "city"), "county": ("县", "county"),
          "district": ("区", "district"), "development_zone": ("开发区", "dev. zone"),
          "subdistrict": ("街道", "subdistrict"), "town": ("乡镇", "town"), "department": ("部门", "department")}
_GENERIC = set(PHRASES["not_found"])  # the engine's "nothing in the corpus answers this", zh and en
REPORT_COLUMN_KEYS = ["col_place", "col_level", "col_year", "col_issuer", "col_title", "col_sections", "col_chunks",
                      "col_source", "col_url"]


def report_columns(lang: str = DEFAULT) -> list[str]:
    return [t(k, lang) for k in REPORT_COLUMN_KEYS]


REPORT_COLUMNS = report_columns()


def _e(value) -> str:
    return escape("" if value is None else str(value))


def _table(rows: list[str]) -> str:
    """Markdown table rows (a comparison or per-report answer) as an HTML table that scrolls sideways."""
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows if not re.fullmatch(r"\|(?:-+\|)+", r.strip())]
    head = "".join(f"<th>{_e(c)}</th>" for c in cells[0])
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>" for r in cells[1:])
    return f'<div class="fz-table"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def text_lines(text: str) -> str:
    """Escaped text; "- " lines become a bullet list, "|" rows a table, other line breaks <br>."""
    out, items, table = [], [], []
    for line in text.strip().split("\n"):
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            out.append(_table(table))
            table = []
        if line.startswith(("- ", "• ")):
            items.append(f"<li>{_e(line[2:])}</li>")
            continue
        if items:
            out.append(f'<ul class="fz-list">{"".join(items)}</ul>')
            items = []
        out.append(_e(line) + "<br>")
    if items:
        out.append(f'<ul class="fz-list">{"".join(items)}</ul>')
    if table:
        out.append(_table(table))
    return "".join(out).removesuffix("<br>")


def render_answer(answer: Answer, msg_id: str, text_of: Callable[[str], str | None], lang: str = DEFAULT,
                  extra: str = "") -> str:
    """The assistant's message: the answer text (each quote once) with [n] links, then one card per report
    (cards.py); abstentions as a notice. `extra`: trusted HTML after the answer (an action button)."""
    if not answer.citations:
        return (f'<div class="fz-msg fz-abstain"><div class="fz-abstain-head">ⓘ {t("not_found", lang)}</div>'
                f'<div class="fz-answer">{text_lines(_reason_first(answer.answer))}</div>{extra}</div>')
    text = compact(answer.answer, {c.key for c in answer.citations})
    body = linkify(text_lines(text), answer.citations, msg_id)
    cards = render_cards(answer.citations, msg_id, text, text_of, lang)
    # not stated, with what the report does state (a count when a rate was asked): notice and sources
    head = f'<div class="fz-abstain-head">ⓘ {t("not_stated", lang)}</div>' if answer.abstained else ""
    notice = f'<div class="fz-notice">ⓘ {_e(answer.notice)}</div>' if getattr(answer, "notice", None) else ""
    return (f'<div class="fz-msg{" fz-abstain" if answer.abstained else ""}">{head}<div class="fz-answer">{body}</div>'
            f'{notice}{extra}'
            f'<div class="fz-cards"><div class="fz-cards-head">{t("sources", lang, n=len(answer.citations))}</div>'
            f'{cards}</div></div>')


def _reason_first(text: str) -> str:
    """An abstention that says why (a filter leaves the place out, no report of that year…) opens with the reason:
    the generic "nothing found" line repeats the notice's heading, and for a filter conflict it misleads."""
    first, _, rest = text.strip().partition("\n")
    return rest if rest.strip() and first.strip() in _GENERIC else text


def render_pending(partial: str = "", found: int | None = None, lang: str = DEFAULT) -> str:
    """While an answer streams: the tokens so far, or a 'searching' line."""
    if partial:
        return f'<div class="fz-msg"><div class="fz-answer">{text_lines(partial)}<span class="fz-cursor">▌</span></div></div>'
    status = t("composing", lang, n=found) if found is not None else t("searching", lang)
    return f'<div class="fz-msg fz-pending">{_e(status)}</div>'


def render_error(message: str) -> str:
    first = (message or "error").strip().splitlines()[0]
    return f'<div class="fz-msg fz-error">⚠ {_e(first)}</div>'


def render_question(question: str, places: Iterable[str] | None = None, year: int | None = None,
                    lang: str = DEFAULT) -> str:
    scope = [*(places or []), *([str(year)] if year else [])]
    tag = f'<div class="fz-scope">{t("filter", lang)}: {_e(" · ".join(scope))}</div>' if scope else ""
    return f'<div class="fz-q">{text_lines(question)}</div>{tag}'


def render_filters(places: Iterable[str] | None, year, lang: str = DEFAULT) -> str:
    """The active filters, shown above the chat so an answer limited by them is never a surprise."""
    scope = [*(places or []), *([str(year)] if year else [])]
    if not scope:
        return f'<div class="fz-filters fz-filters-none">{t("no_filters", lang)}</div>'
    chips = "".join(f'<span class="fz-filter-chip">{_e(s)}</span>' for s in scope)
    return f'<div class="fz-filters">{t("active_filters", lang)}: {chips}</div>'


def _level(level: str | None, lang: str) -> str:
    names = LEVELS.get(level or "")
    return (names[1] if lang == "en" else names[0]) if names else (level or "")


def report_rows(metas: Iterable[ReportMeta], lang: str = DEFAULT) -> list[list]:
    rows = [[m.place or "", _level(m.level, lang), m.year or "", m.issuer or "", m.title or m.source,
             m.sections, m.chunks, m.source, m.source_url or ""] for m in metas]
    return sorted(rows, key=lambda r: (-(r[2] or 0), str(r[0])))  # newest year first


def render_upload(result: IngestResult | None, message: str | None = None, lang: str = DEFAULT) -> str:
    """Per-file outcome of an upload: added (with place/year), skipped duplicates, and each rejection's reason
    in plain words of the page's language."""
    if result is None:
        return render_error(message or t("nothing_uploaded", lang))
    items = [f'<li class="fz-ok">✓ {_e(m.source)}: {_e(m.place or t("unknown_place", lang))} {_e(m.year or "")} · '
             f'{t("n_chunks", lang, n=m.chunks)}'
             + "".join(f'<div class="fz-warn">{_e(w)}</div>' for w in m.warnings) + "</li>" for m in result.added]
    items += [f'<li class="fz-skip">= {_e(name)}: '
              f'{_e(t("near_duplicate", lang, new="", old=result.duplicates[name]).strip()) if name in result.duplicates else t("already_indexed", lang)}</li>'
              for name in result.skipped]
    items += [f'<li class="fz-bad">✗ {_e(plain_reason(f.reason, lang))}</li>' for f in result.failed]
    head = t("upload_head", lang, added=len(result.added), skipped=len(result.skipped), failed=len(result.failed))
    return f'<div class="fz-upload"><div class="fz-upload-head">{head}</div><ul>{"".join(items)}</ul></div>'


def render_counter(limit: int, lang: str = DEFAULT) -> str:
    """The question box's character counter (filled in by the page script as the user types)."""
    typed = '<span class="fz-n-typed">0</span>'
    over = _e(t("too_long", lang, n="…", limit=limit))
    return (f'<span data-limit="{limit}">{t("counter", lang, n=typed, limit=limit)}'
            f' <span class="fz-over-msg" hidden>· {over}</span></span>')


def render_header(metas: list[ReportMeta], lang: str = DEFAULT) -> str:
    years = sorted({m.year for m in metas if m.year})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "—")
    return (f'<div class="fz-header"><h1>{t("title", lang)} <span>fazhi-qa</span></h1>'
            f'<p>{t("header_line", lang, n=len(metas), span=span)}</p></div>')


CSS = """
/* one palette, two themes: every colour the page's own HTML uses, each pair at WCAG AA or better
   (tests/web/test_page_browser.py computes it in both themes from rendered styles) */
:root, .gradio-container { --fz-text: #111827; --fz-text-2: #374151; --fz-muted: #4b5563; --fz-line: #d1d5db;
  --fz-card-bg: #fafafa; --fz-th-bg: #f1f3f5; --fz-accent-text: #92400e; --fz-ref: #9a3412; --fz-ref-hover: #ffedd5;
  --fz-chip-bg: #fef3c7; --fz-chip-text: #78350f; --fz-warn-bg: #fffbeb; --fz-info-bg: #eff6ff; --fz-info-text: #1e3a5f;
  --fz-info-line: #93c5fd; --fz-ok: #166534; --fz-bad: #991b1b; --fz-current: #b45309; --fz-mark-bg: #fde68a;
  --fz-mark-text: #111111; --fz-row-selected: #fef3c7; }
.dark, .dark .gradio-container { --fz-text: #f3f4f6; --fz-text-2: #d1d5db; --fz-muted: #b6bcc6; --fz-line: #4b5563;
  --fz-card-bg: #1f2937; --fz-th-bg: #374151; --fz-accent-text: #fcd34d; --fz-ref: #fdba74; --fz-ref-hover: #431407;
  --fz-chip-bg: #451a03; --fz-chip-text: #fde68a; --fz-warn-bg: #451a03; --fz-info-bg: #172554; --fz-info-text: #dbeafe;
  --fz-info-line: #1e40af; --fz-ok: #86efac; --fz-bad: #fca5a5; --fz-current: #fbbf24; --fz-mark-bg: #fde68a;
  --fz-mark-text: #111111; --fz-row-selected: #451a03; }
/* clip, not Gradio's hidden: no scroll box of its own, so the phone's question row can stick to the screen */
.gradio-container { max-width: 1280px !important; overflow: clip !important; }
.dark [role=tab][aria-selected=true], .dark button.selected[role=tab] { color: var(--fz-current) !important; }
.fz-header h1 { font-size: 1.55rem; margin: 0.2rem 0; }
.fz-header h1 span { font-size: 0.95rem; font-weight: 400; color: var(--fz-muted); margin-left: .4rem; }
.fz-header p { margin: 0 0 .3rem; color: var(--fz-text-2); font-size: .9rem; line-height: 1.5; }
.fz-examples { flex-wrap: wrap !important; gap: 6px !important; }
.fz-examples button { flex: 0 0 auto !important; width: auto !important; font-weight: 400 !important; }
.fz-examples-head p { font-size: .85rem; font-weight: 600; margin: .4rem 0 0; color: var(--fz-text-2); }
.fz-q { white-space: normal; }
#fz-reports :is(tr, .virtual-row):has(.cell-selected) > *, #fz-facts :is(tr, .virtual-row):has(.cell-selected) > * {
  background: var(--fz-row-selected) !important; }
#fz-reports, #fz-reports *, #fz-facts, #fz-facts * { font-family: var(--font) !important; }
.fz-scope { font-size: .78rem; margin-top: .2rem; }
.fz-filters { font-size: .85rem; color: var(--fz-text-2); margin: 0 0 .3rem; display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; }
.fz-filter-chip { background: var(--fz-chip-bg); color: var(--fz-chip-text); border: 1px solid #f59e0b; border-radius: 999px; padding: 0 .55rem; }
#fz-counter { font-size: .8rem; color: var(--fz-text-2); text-align: right; margin: -.2rem .2rem 0; }
#fz-counter.fz-over { color: var(--fz-bad); font-weight: 600; }
.fz-msg { line-height: 1.65; }
.fz-answer { margin-bottom: .5rem; }
.fz-answer ul.fz-list { margin: .3rem 0 .3rem 1.2rem !important; padding: 0 !important; list-style: disc; }
.fz-answer ul.fz-list li { margin: .15rem 0 !important; }
.fz-table { overflow-x: auto; margin: .4rem 0; max-width: 100%; }
.fz-table table { border-collapse: collapse; font-size: .9em; }
.fz-table th, .fz-table td { border: 1px solid var(--fz-line); padding: .2rem .45rem; text-align: left; white-space: nowrap; color: var(--fz-text); }
.fz-table th { background: var(--fz-th-bg); }
a.fz-ref { font-weight: 700; text-decoration: none; color: var(--fz-ref) !important; padding: 0 1px; border-radius: 3px; cursor: pointer; }
a.fz-ref:hover, a.fz-ref:focus { background: var(--fz-ref-hover); text-decoration: underline; }
.fz-cards-head { font-size: .8rem; font-weight: 600; color: var(--fz-text-2); margin: .6rem 0 .3rem; }
details.fz-card { border: 1px solid var(--fz-line); border-left: 4px solid #f59e0b; border-radius: 8px; padding: .3rem .6rem;
  margin: .3rem 0; background: var(--fz-card-bg); color: var(--fz-text); scroll-margin: 12px; transition: box-shadow .3s; }
details.fz-card:not([open]) { display: inline-block; max-width: 100%; margin-right: .3rem; }
details.fz-card:not([open]) .fz-title { display: inline-block; max-width: 16em; overflow: hidden; text-overflow: ellipsis;
  white-space: nowrap; vertical-align: bottom; }
details.fz-card summary { cursor: pointer; font-weight: 600; font-size: .88rem; }
details.fz-card .fz-n { color: var(--fz-accent-text); margin-right: .1rem; }
details.fz-card .fz-chip { color: var(--fz-text-2); font-weight: 500; }
details.fz-card.fz-flash { box-shadow: 0 0 0 3px #f59e0b; }
.fz-meta { font-size: .8rem; color: var(--fz-text-2); margin: .25rem 0 .35rem; }
.fz-meta .fz-place, .fz-meta .fz-year { font-weight: 600; }
blockquote.fz-para { margin: 0 !important; padding: .1rem 0 .1rem .6rem !important; border-left: 2px solid var(--fz-line) !important;
  font-size: .9rem; line-height: 1.7; color: var(--fz-text); }
blockquote.fz-para mark { background: var(--fz-mark-bg); color: var(--fz-mark-text); padding: 1px 2px; border-radius: 2px; }
.fz-abstain { border: 1px solid var(--fz-info-line); background: var(--fz-info-bg); color: var(--fz-info-text); border-radius: 8px; padding: .5rem .8rem; }
.fz-abstain-head { font-weight: 600; margin-bottom: .2rem; }
.fz-notice { color: var(--fz-chip-text); font-size: .85em; margin: .3rem 0; }
.fz-error { border: 1px solid #f59e0b; background: var(--fz-warn-bg); color: var(--fz-chip-text); border-radius: 8px; padding: .45rem .8rem; }
#fz-chat .message:has(.fz-abstain), #fz-chat .message:has(.fz-error), #fz-chat .message:has(.fz-pending) {
  border: none !important; background: transparent !important; padding: 0 !important; box-shadow: none !important; }
#fz-chat .icon-button-wrapper.top-panel, #fz-chat button.scroll-down-arrow, #fz-chat .scroll-down-arrow { display: none !important; }
.fz-pending { color: var(--fz-text-2); font-style: italic; }
.fz-cursor { animation: fzblink 1s steps(2) infinite; }
@keyframes fzblink { 50% { opacity: 0; } }
.fz-upload ul { list-style: none; padding-left: 0; margin: .3rem 0; }
.fz-upload li { margin: .2rem 0; }
.fz-upload-head { font-weight: 600; }
.fz-ok { color: var(--fz-ok); } .fz-skip { color: var(--fz-text-2); } .fz-bad { color: var(--fz-bad); }
.fz-warn { font-size: .8rem; color: var(--fz-accent-text); margin-left: 1.2rem; }

@media (max-width: 640px) {
  .gradio-container { padding: 4px 6px !important; }
  .fz-header h1 { font-size: 1.1rem; } .fz-header p { display: none; }
  /* the chat grows with the page (no scroll box inside the scrolling page); the question stays at hand below it */
  #fz-chat { height: auto !important; max-height: none !important; min-height: 0 !important; }
  #fz-chat .bubble-wrap { height: auto !important; overflow: visible !important; }
  #fz-ask-row { position: sticky; bottom: 0; z-index: 5; background: var(--background-fill-primary); padding: 4px 0;
    flex-wrap: nowrap !important; align-items: stretch; }
  #fz-ask-row > * { min-width: 0 !important; } #fz-ask-row #fz-send { flex: 0 0 4.5rem !important; }
  .fz-examples-head, #fz-examples { display: none !important; }
  #fz-reports, #fz-facts { overflow-x: auto !important; }
  #fz-reports table td:first-child, #fz-reports table th:first-child, #fz-facts table td:first-child,
  #fz-facts table th:first-child { position: sticky !important; left: 0; z-index: 3; background: var(--fz-card-bg); }
  #fz-chat button.scroll-down-arrow { display: none !important; }
  .fz-table th:first-child, .fz-table td:first-child { position: sticky; left: 0; z-index: 1; white-space: normal;
    min-width: 6em; max-width: 9em; }
  .fz-table td:first-child { background: var(--fz-card-bg); }
}
"""

# Clicking [n] opens its card (if it was folded), scrolls it into view and flashes it.
HEAD = """<script>
document.addEventListener('click', function (e) {
  var a = e.target && e.target.closest ? e.target.closest('a.fz-ref') : null;
  if (!a) return;
  var card = document.getElementById(a.getAttribute('href').slice(1));
  if (!card) return;
  e.preventDefault(); e.stopPropagation();
  var box = card.closest('details');  // the report's card holding the quote
  if (box) box.open = true;
  card.scrollIntoView({behavior: 'smooth', block: 'nearest'});
  card.classList.remove('fz-flash'); void card.offsetWidth; card.classList.add('fz-flash');
  setTimeout(function () { card.classList.remove('fz-flash'); }, 1600);
}, true);
// IME safe: the Enter that picks a candidate while composing Chinese must not send the question (Gradio's
// textbox sends on an Enter keypress; Safari delivers the committing Enter just after compositionend).
(function () {
  var composing = false;
  document.addEventListener('compositionstart', function () { composing = true; }, true);
  document.addEventListener('compositionend', function () { setTimeout(function () { composing = false; }, 60); }, true);
  function guard(e) {
    if (e.key !== 'Enter' || !e.target.closest || !e.target.closest('#fz-question')) return;
    if (composing || e.isComposing || e.keyCode === 229) { e.stopImmediatePropagation(); }
  }
  document.addEventListener('keydown', guard, true);
  document.addEventListener('keypress', guard, true);
})();
// The question's length against its limit, as it is typed or pasted (nothing is cut silently).
document.addEventListener('input', function (e) {
  if (!e.target.closest || !e.target.closest('#fz-question')) return;
  var c = document.querySelector('#fz-counter [data-limit]');
  if (!c) return;
  var n = e.target.value.length, limit = +c.dataset.limit;
  c.querySelector('.fz-n-typed').textContent = n;
  document.getElementById('fz-counter').classList.toggle('fz-over', n > limit);
  c.querySelector('.fz-over-msg').hidden = n <= limit;
}, true);
// A suggested next question asks itself; Esc closes the report viewer.
document.addEventListener('click', function (e) {
  var b = e.target && e.target.closest ? e.target.closest('button.fz-suggest-q') : null;
  var box = document.querySelector('#fz-question textarea'), send = document.getElementById('fz-send');
  if (!b || !box || !send) return;
  e.preventDefault();
  box.value = b.textContent;
  box.dispatchEvent(new Event('input', {bubbles: true}));
  setTimeout(function () { send.click(); }, 0);
}, true);
document.addEventListener('keydown', function (e) {
  if (e.key !== 'Escape') return;
  var bar = document.getElementById('fz-viewer-bar');
  var toggle = bar && bar.classList.contains('open') ? bar.querySelector('.toggle-button') : null;
  if (toggle) toggle.click();
});
// What the page shows follows its state: the counter after the box is emptied by a send, buttons with nothing
// to do disabled (stop while nothing is answered, retry/edit with no question asked, delete/rename with no
// conversation open), and each chat message's accessible name its text (Gradio puts the raw HTML there).
(function () {
  var timer = null;
  function able(id, on) {
    var b = document.getElementById(id);
    if (b && b.disabled === on) b.disabled = !on;
  }
  function sync() {
    var box = document.querySelector('#fz-question textarea'), c = document.querySelector('#fz-counter [data-limit]');
    if (box && c) {
      var n = box.value.length;
      c.querySelector('.fz-n-typed').textContent = n;
      document.getElementById('fz-counter').classList.toggle('fz-over', n > +c.dataset.limit);
      c.querySelector('.fz-over-msg').hidden = n <= +c.dataset.limit;
    }
    var busy = !!document.querySelector('#fz-chat .fz-pending, #fz-chat .fz-cursor');
    var asked = !!document.querySelector('#fz-chat .fz-q');
    var open = !!document.querySelector('#fz-conversations input:checked');
    able('fz-stop', busy); able('fz-retry', asked && !busy); able('fz-edit', asked && !busy);
    able('fz-delete', open); able('fz-rename', open);
    document.querySelectorAll('#fz-chat [aria-label]').forEach(function (m) {
      var label = m.getAttribute('aria-label');
      if (label && label.indexOf('<') >= 0) m.setAttribute('aria-label', m.innerText.trim().slice(0, 300));
    });
  }
  new MutationObserver(function () { clearTimeout(timer); timer = setTimeout(sync, 80); })
    .observe(document.documentElement, {childList: true, subtree: true});
  document.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(sync, 80); }, true);
})();
// Keep the chat readable: follow a pending/streaming answer at the bottom, then show a finished answer from its top.
(function () {
  var lastKey = null, timer = null;
  function scroller(el) {
    for (var n = el.parentElement; n; n = n.parentElement) {
      var oy = getComputedStyle(n).overflowY;
      if ((oy === 'auto' || oy === 'scroll') && n.scrollHeight > n.clientHeight) return n;
    }
    return null;
  }
  function follow() {
    var msgs = document.querySelectorAll('#fz-chat .fz-msg');
    if (!msgs.length) { lastKey = null; return; }
    var last = msgs[msgs.length - 1], box = scroller(last), wrap = last.closest('.bubble-wrap');
    // a phone: the chat grows with the page (views.CSS), so the page itself follows
    var page = !box && wrap && getComputedStyle(wrap).overflowY === 'visible';
    if (!box && !page) return;
    if (last.classList.contains('fz-pending') || last.querySelector('.fz-cursor')) {
      if (page) last.scrollIntoView({block: 'end'}); else box.scrollTop = box.scrollHeight;
      lastKey = null; return;
    }
    var key = msgs.length + ':' + last.textContent.length;
    if (key === lastKey) return;
    lastKey = key;
    var qs = document.querySelectorAll('#fz-chat .fz-q'), q = qs.length ? qs[qs.length - 1] : null;
    var row = (q && q.closest('.message-row')) || last.closest('.message-row') || last;
    if (page) { row.scrollIntoView({block: 'start'}); return; }
    box.scrollTop += row.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  }
  new MutationObserver(function () { clearTimeout(timer); timer = setTimeout(follow, 60); })
    .observe(document.documentElement, {childList: true, subtree: true});
})();
</script>"""
