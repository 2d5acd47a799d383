"""HTML pieces of the web chat page: answers with numbered citation cards, notices, tables.

Everything that comes from a report or a user (titles, quotes, paragraphs, questions, file names)
is data and goes through html.escape. Each fragment is one line with no blank lines, so the
chat's Markdown renderer passes it through as a single HTML block.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape

from ..models import Answer, Citation, IngestResult, ReportMeta
from .viewer import open_link

CONTEXT_CHARS = 160  # paragraph text kept on each side of a quote before it is cut with "…"
LEVELS = {"province": "省 province", "city": "市 city", "county": "县 county", "district": "区 district",
          "development_zone": "开发区 dev. zone", "subdistrict": "街道 subdistrict", "department": "部门 department"}
REPORT_COLUMNS = ["地区 place", "层级 level", "年份 year", "发布机关 issuer", "标题 title", "章节 sections",
                  "段落 chunks", "文件 source"]


def _e(value) -> str:
    return escape("" if value is None else str(value))


def paragraph(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(before, quote, after): the line(s) of `text` holding text[start:end], cut to `context` chars each side."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    before, after = text[lo:start], text[end:hi]
    if len(before) > context:
        before = "…" + before[-context:]
    if len(after) > context:
        after = after[:context] + "…"
    return before, text[start:end], after


def card(cit: Citation, msg_id: str, text: str | None) -> str:
    """One numbered citation card: title, place · year · section · file, quote marked inside its paragraph."""
    if text is not None and 0 <= cit.start <= cit.end <= len(text) and text[cit.start:cit.end] == cit.quote:
        before, quote, after = paragraph(text, cit.start, cit.end)
    else:  # the stored text is not at hand (or moved): show the verified quote on its own
        before, quote, after = "", cit.quote, ""
    meta = [f'<span class="fz-place">{_e(cit.place or "地区不详")}</span>',
            f'<span class="fz-year">{_e(cit.year) if cit.year else "年份不详"}</span>',
            f'<span class="fz-section">{_e(cit.section)}</span>',
            f'<span class="fz-source">{_e(cit.source)}</span>']
    return (f'<details class="fz-card" id="cite-{msg_id}-{cit.key}" open>'
            f'<summary><span class="fz-n">[{cit.key}]</span> <span class="fz-title">{_e(cit.title or cit.source)}</span>'
            f'</summary><div class="fz-meta">{" · ".join(meta)}{open_link(cit.report_id, cit.start, cit.end)}</div>'
            f'<blockquote class="fz-para">{_e(before)}<mark>{_e(quote)}</mark>{_e(after)}</blockquote></details>')


def _linkify(answer_html: str, keys: set[int], msg_id: str) -> str:
    def link(m: re.Match) -> str:
        n = int(m.group(1))
        return f'<a class="fz-ref" href="#cite-{msg_id}-{n}">[{n}]</a>' if n in keys else m.group(0)
    return re.sub(r"\[(\d{1,3})\]", link, answer_html)


def _table(rows: list[str]) -> str:
    """Markdown table rows (a comparison or per-report answer) as an HTML table that scrolls sideways."""
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows if not re.fullmatch(r"\|(?:-+\|)+", r.strip())]
    head = "".join(f"<th>{_e(c)}</th>" for c in cells[0])
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>" for r in cells[1:])
    return f'<div class="fz-table"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _lines(text: str) -> str:
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


def render_answer(answer: Answer, msg_id: str, text_of: Callable[[str], str | None]) -> str:
    """The assistant's message: answer text with [n] links, then one card per citation; abstentions as a notice."""
    if not answer.citations:
        return ('<div class="fz-msg fz-abstain"><div class="fz-abstain-head">ⓘ 报告中未找到答案 · '
                f'Not found in the reports</div><div class="fz-answer">{_lines(answer.answer)}</div></div>')
    texts: dict[str, str | None] = {}
    for cit in answer.citations:
        if cit.report_id not in texts:
            try:
                texts[cit.report_id] = text_of(cit.report_id)
            except Exception:  # a report removed meanwhile: the card still shows the quote
                texts[cit.report_id] = None
    body = _linkify(_lines(answer.answer), {c.key for c in answer.citations}, msg_id)
    cards = "".join(card(c, msg_id, texts[c.report_id]) for c in answer.citations)
    # not stated, with what the report does state (a count when a rate was asked): notice and sources
    head = ('<div class="fz-abstain-head">ⓘ 报告中没有写明所问内容 · Not stated in the reports</div>'
            if answer.abstained else "")
    notice = f'<div class="fz-notice">ⓘ {_e(answer.notice)}</div>' if getattr(answer, "notice", None) else ""
    return (f'<div class="fz-msg{" fz-abstain" if answer.abstained else ""}">{head}<div class="fz-answer">{body}</div>'
            f'{notice}'
            f'<div class="fz-cards"><div class="fz-cards-head">引用原文 · Sources ({len(answer.citations)})</div>'
            f'{cards}</div></div>')


def render_pending(partial: str = "", found: int | None = None) -> str:
    """While an answer streams: the tokens so far, or a 'searching' line."""
    if partial:
        return f'<div class="fz-msg"><div class="fz-answer">{_lines(partial)}<span class="fz-cursor">▌</span></div></div>'
    status = (f"找到 {found} 段相关原文,正在组织回答… · found {found} passages, composing…" if found is not None
              else "正在检索报告… · searching the reports…")
    return f'<div class="fz-msg fz-pending">{_e(status)}</div>'


def render_error(message: str) -> str:
    first = (message or "error").strip().splitlines()[0]
    return f'<div class="fz-msg fz-error">⚠ {_e(first)}</div>'


def render_question(question: str, places: Iterable[str] | None = None, year: int | None = None) -> str:
    scope = [*(places or []), *([str(year)] if year else [])]
    tag = f'<div class="fz-scope">筛选 filter: {_e(" · ".join(scope))}</div>' if scope else ""
    return f'<div class="fz-q">{_lines(question)}</div>{tag}'


def report_rows(metas: Iterable[ReportMeta]) -> list[list]:
    rows = [[m.place or "", LEVELS.get(m.level or "", m.level or ""), m.year or "", m.issuer or "", m.title or "",
             m.sections, m.chunks, m.source] for m in metas]
    return sorted(rows, key=lambda r: (-(r[2] or 0), str(r[0])))  # newest year first


def render_upload(result: IngestResult | None, message: str | None = None) -> str:
    """Per-file outcome of an upload: added (with place/year), skipped duplicates, and each rejection's reason."""
    if result is None:
        return render_error(message or "nothing was uploaded")
    items = [f'<li class="fz-ok">✓ {_e(m.source)}: {_e(m.place or "地区不详")} {_e(m.year or "")} · {m.chunks} 段 chunks'
             + "".join(f'<div class="fz-warn">{_e(w)}</div>' for w in m.warnings) + "</li>" for m in result.added]
    items += [f'<li class="fz-skip">= {_e(name)}: 已在索引中 · already in the index</li>' for name in result.skipped]
    items += [f'<li class="fz-bad">✗ {_e(f.reason)}</li>' for f in result.failed]
    head = (f"{len(result.added)} 份已添加 added · {len(result.skipped)} 份重复 skipped · "
            f"{len(result.failed)} 份被拒绝 rejected")
    return f'<div class="fz-upload"><div class="fz-upload-head">{head}</div><ul>{"".join(items)}</ul></div>'


def render_header(metas: list[ReportMeta]) -> str:
    years = sorted({m.year for m in metas if m.year})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "—")
    return (f'<div class="fz-header"><h1>法治政府建设年度报告问答 <span>fazhi-qa</span></h1>'
            f'<p>已收录 {len(metas)} 份报告({span}),离线运行。每条回答都逐字引用报告原文并经核对;'
            f'报告中没有的内容会直接说明。<br>{len(metas)} reports indexed, offline. Every answer quotes the reports '
            f'verbatim (checked); when the reports do not say, the assistant says so.</p></div>')


CSS = """
.gradio-container { max-width: 1280px !important; }
.fz-header h1 { font-size: 1.55rem; margin: 0.2rem 0; }
.fz-header h1 span { font-size: 0.95rem; font-weight: 400; color: var(--body-text-color-subdued); margin-left: .4rem; }
.fz-header p { margin: 0 0 .3rem; color: var(--body-text-color-subdued); font-size: .9rem; line-height: 1.5; }
.fz-examples { flex-wrap: wrap !important; gap: 6px !important; }
.fz-examples button { flex: 0 0 auto !important; width: auto !important; font-weight: 400 !important; }
.fz-examples-head p { font-size: .85rem; font-weight: 600; margin: .4rem 0 0; color: var(--body-text-color-subdued); }
.fz-q { white-space: normal; }
#fz-reports, #fz-reports *, #fz-facts, #fz-facts * { font-family: var(--font) !important; }
.fz-scope { font-size: .78rem; opacity: .8; margin-top: .2rem; }
.fz-msg { line-height: 1.65; }
.fz-answer { margin-bottom: .5rem; }
.fz-answer ul.fz-list { margin: .3rem 0 .3rem 1.2rem !important; padding: 0 !important; list-style: disc; }
.fz-answer ul.fz-list li { margin: .15rem 0 !important; }
.fz-table { overflow-x: auto; margin: .4rem 0; }
.fz-table table { border-collapse: collapse; font-size: .9em; }
.fz-table th, .fz-table td { border: 1px solid #c8ccd2; padding: .2rem .45rem; text-align: left; white-space: nowrap; }
.fz-table th { background: #f1f3f5; }
a.fz-ref { font-weight: 600; text-decoration: none; color: var(--color-accent, #ea580c); padding: 0 1px;
  border-radius: 3px; cursor: pointer; }
a.fz-ref:hover { background: var(--color-accent-soft, #fff1e6); }
.fz-cards-head { font-size: .8rem; font-weight: 600; color: var(--body-text-color-subdued); margin: .6rem 0 .3rem; }
details.fz-card { border: 1px solid var(--border-color-primary, #e5e7eb); border-left: 4px solid #f59e0b;
  border-radius: 8px; padding: .45rem .7rem; margin: .45rem 0; background: var(--background-fill-secondary, #fafafa);
  scroll-margin: 12px; transition: box-shadow .3s; }
details.fz-card summary { cursor: pointer; font-weight: 600; font-size: .92rem; }
details.fz-card .fz-n { color: #b45309; margin-right: .2rem; }
details.fz-card.fz-flash { box-shadow: 0 0 0 3px #fbbf24; }
.fz-meta { font-size: .78rem; color: var(--body-text-color-subdued); margin: .25rem 0 .35rem; }
.fz-meta .fz-place, .fz-meta .fz-year { font-weight: 600; }
blockquote.fz-para { margin: 0 !important; padding: .1rem 0 .1rem .6rem !important; border-left: 2px solid
  var(--border-color-primary, #ddd) !important; font-size: .9rem; line-height: 1.7; color: var(--body-text-color); }
blockquote.fz-para mark { background: #fde68a; color: #111; padding: 1px 2px; border-radius: 2px; }
.fz-abstain { border: 1px solid #93c5fd; background: #eff6ff; color: #1e3a5f; border-radius: 8px; padding: .5rem .8rem; }
.fz-abstain-head { font-weight: 600; margin-bottom: .2rem; }
.fz-notice { color: #78350f; font-size: .85em; margin: .3rem 0; }
.fz-error { border: 1px solid #fbbf24; background: #fffbeb; color: #78350f; border-radius: 8px; padding: .45rem .8rem; }
#fz-chat .message:has(.fz-abstain), #fz-chat .message:has(.fz-error), #fz-chat .message:has(.fz-pending) {
  border: none !important; background: transparent !important; padding: 0 !important; box-shadow: none !important; }
.fz-pending { color: var(--body-text-color-subdued); font-style: italic; }
.fz-cursor { animation: fzblink 1s steps(2) infinite; }
@keyframes fzblink { 50% { opacity: 0; } }
.fz-upload ul { list-style: none; padding-left: 0; margin: .3rem 0; }
.fz-upload li { margin: .2rem 0; }
.fz-upload-head { font-weight: 600; }
.fz-ok { color: #166534; } .fz-skip { color: #555; } .fz-bad { color: #991b1b; }
.fz-warn { font-size: .8rem; color: #92400e; margin-left: 1.2rem; }
.dark .fz-abstain { background: #172554; color: #dbeafe; } .dark .fz-error { background: #451a03; color: #fef3c7; }
"""

# Clicking [n] opens its card (if it was folded), scrolls it into view and flashes it.
HEAD = """<script>
document.addEventListener('click', function (e) {
  var a = e.target && e.target.closest ? e.target.closest('a.fz-ref') : null;
  if (!a) return;
  var card = document.getElementById(a.getAttribute('href').slice(1));
  if (!card) return;
  e.preventDefault(); e.stopPropagation();
  card.open = true;
  card.scrollIntoView({behavior: 'smooth', block: 'nearest'});
  card.classList.remove('fz-flash'); void card.offsetWidth; card.classList.add('fz-flash');
  setTimeout(function () { card.classList.remove('fz-flash'); }, 1600);
}, true);
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
    var last = msgs[msgs.length - 1], box = scroller(last);
    if (!box) return;
    if (last.classList.contains('fz-pending') || last.querySelector('.fz-cursor')) {
      box.scrollTop = box.scrollHeight; lastKey = null; return;
    }
    var key = msgs.length + ':' + last.textContent.length;
    if (key === lastKey) return;
    lastKey = key;
    var qs = document.querySelectorAll('#fz-chat .fz-q'), q = qs.length ? qs[qs.length - 1] : null;
    var row = (q && q.closest('.message-row')) || last.closest('.message-row') || last;
    box.scrollTop += row.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  }
  new MutationObserver(function () { clearTimeout(timer); timer = setTimeout(follow, 60); })
    .observe(document.documentElement, {childList: true, subtree: true});
})();
</script>"""
