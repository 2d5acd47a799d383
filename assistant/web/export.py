"""Answers as documents to paste into an official text: Markdown (also what the copy button copies) and .docx.

Each citation carries its quote verbatim (never re-wrapped: it must match the report), the report's
title, its section, its source file, place and year. In a .md file every text from a user or a report is
escaped for Markdown (`md_text`): a Markdown viewer shows it verbatim instead of running a `<script>`,
loading a tracking image or offering a `javascript:` link. Built in code from the stored Answer,
not from the page's HTML, so an export reads the same whatever the page looks like.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterable
from html import escape
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Pt

from ..errors import InputError
from ..models import Answer, Citation
from .history import Turn
from .i18n import DEFAULT, t

FORMATS = ("docx", "md")
EAST_ASIAN_FONT = "宋体"  # the usual body font of a government document; Word substitutes it where missing


def check_format(fmt) -> str:
    fmt = str(fmt or "").strip().lower().lstrip(".")
    if fmt not in FORMATS:
        raise InputError(f"export format must be one of {', '.join(FORMATS)}, got {str(fmt)[:20]!r}")
    return fmt


def _origin(cit: Citation, lang: str) -> str:
    """'《title》 · 章节:… · 来源文件:… · place year' — where a quote comes from, on one line."""
    where = " ".join(str(v) for v in (cit.place, cit.year) if v)
    parts = [f"《{cit.title or cit.source}》", f"{t('doc_section', lang)}: {cit.section}",
             f"{t('doc_file', lang)}: {cit.source}"] + ([where] if where else [])
    if cit.source_url and cit.source_url != cit.source:  # the page's address, where the reader can check it
        parts.append(f"{t('doc_url', lang)}: {cit.source_url}")
    return " · ".join(parts)


def _filters(turn: Turn, lang: str) -> str:
    scope = [*turn.places, *([str(turn.year)] if turn.year else [])]
    return f"{t('doc_filters', lang)}: {' · '.join(scope)}" if scope else ""


def _status(turn: Turn, lang: str) -> str:
    """The line standing for a missing answer, or the notice heading an abstention ('' for a plain answer)."""
    if turn.answer is None:
        return f"{t('doc_no_answer', lang)}: {turn.error}" if turn.error else t("doc_stopped", lang)
    if not turn.answer.citations:
        return t("doc_not_found", lang)
    return t("doc_not_stated", lang) if turn.answer.abstained else ""


_IMAGE_OR_LINK = re.compile(r"(!?)\[([^\]\n]*)\]([(:])")  # ![x](…), [x](…), [x]: … (a reference)


def md_text(text: str) -> str:
    """Text as Markdown that renders as itself: no raw HTML or autolink (`<` as an entity, which renders
    as the character; no tag opens without it), no image and no link (the bracket escaped, which renders
    as the bracket)."""
    text = str(text or "").replace("<", "&lt;")
    return _IMAGE_OR_LINK.sub(lambda m: f"{m[1]}\\[{m[2]}\\]{m[3]}", text)


def _plain(text: str) -> str:
    return str(text or "")


def answer_markdown(answer: Answer, lang: str = DEFAULT, safe=_plain) -> str:
    """The answer text, then each citation: [n] origin line, the quote as a blockquote; `safe` escapes
    the texts for a Markdown file (md_text); the copy button copies them plain."""
    out = [safe(answer.answer.strip())]
    if answer.citations:
        out.append(f"**{t('doc_sources', lang)}**")
        for cit in answer.citations:
            quote = "\n".join("> " + safe(line) for line in cit.quote.split("\n"))
            out.append(f"[{cit.key}] {safe(_origin(cit, lang))}\n{quote}")
    return "\n\n".join(out) + "\n"


def turn_markdown(turn: Turn, lang: str = DEFAULT) -> str:
    head = [f"## {t('doc_question', lang)}: {md_text(' '.join(turn.question.split()))}"]
    if _filters(turn, lang):
        head.append(md_text(_filters(turn, lang)))
    if _status(turn, lang):
        head.append(f"*{md_text(_status(turn, lang))}*")
    body = answer_markdown(turn.answer, lang, md_text) if turn.answer else ""
    return "\n\n".join(head + ([body] if body else [])).rstrip() + "\n"


def markdown(title: str, turns: Iterable[Turn], lang: str = DEFAULT) -> str:
    parts = [f"# {md_text(title or t('conversation_untitled', lang))}", f"*{t('doc_made', lang, when=time.strftime('%Y-%m-%d %H:%M'))}*"]
    return "\n\n".join(parts + [turn_markdown(turn, lang) for turn in turns]).rstrip() + "\n"


def _table(document, rows: list[str]) -> None:
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows
             if not re.fullmatch(r"\|(?:\s*:?-+:?\s*\|)+", r.strip())]
    width = max(len(r) for r in cells)
    table = document.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for row, values in zip(table.rows, cells):
        for cell, value in zip(row.cells, values):
            cell.text = value


def _answer_text(document, text: str) -> None:
    """Answer lines as paragraphs; '|' rows (a comparison) as a real table."""
    table: list[str] = []
    for line in text.strip().split("\n") + [""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            _table(document, table)
            table = []
        if line.strip():
            document.add_paragraph(line[2:], style="List Bullet") if line.startswith(("- ", "• ")) \
                else document.add_paragraph(line)


def _turn_docx(document, turn: Turn, lang: str) -> None:
    document.add_heading(f"{t('doc_question', lang)}: {' '.join(turn.question.split())}", level=2)
    for line in (_filters(turn, lang), _status(turn, lang)):
        if line:
            document.add_paragraph().add_run(line).italic = True
    if turn.answer is None:
        return
    _answer_text(document, turn.answer.answer)
    if turn.answer.citations:
        document.add_paragraph().add_run(t("doc_sources", lang)).bold = True
        for cit in turn.answer.citations:
            origin = document.add_paragraph()
            origin.add_run(f"[{cit.key}] ").bold = True
            origin.add_run(_origin(cit, lang))
            document.add_paragraph(cit.quote, style="Quote")


def _document():
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    return document


def write_docx(path: Path, title: str, turns: Iterable[Turn], lang: str = DEFAULT) -> Path:
    document = _document()
    document.add_heading(title or t("conversation_untitled", lang), level=1)
    document.add_paragraph().add_run(t("doc_made", lang, when=time.strftime("%Y-%m-%d %H:%M"))).italic = True
    for turn in turns:
        _turn_docx(document, turn, lang)
    document.save(str(path))
    return path


def file_stem(title: str) -> str:
    """A file name from a title: no path or shell characters, at most 30 characters."""
    stem = re.sub(r"[\\/:*?\"<>|\s.]+", "_", title or "").strip("_")[:30]
    return stem or "fazhi"


def save(folder: Path, title: str, turns: list[Turn], fmt: str, lang: str = DEFAULT) -> Path:
    """Write the turns as `fmt` (docx or md) into folder; returns the file's path."""
    fmt = check_format(fmt)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{file_stem(title)}.{fmt}"
    if fmt == "md":
        path.write_text(markdown(title, turns, lang), encoding="utf-8")
        return path
    return write_docx(path, title, turns, lang)


def copy_button(answer: Answer, lang: str = DEFAULT) -> str:
    """A copy button under an answer. The chat's sanitizer drops data-* attributes, so the Markdown it
    copies rides in a hidden element (escaped: it is data; &#10; keeps the fragment one HTML line, see views)."""
    md = escape(answer_markdown(answer, lang)).replace("\n", "&#10;")
    return (f'<div class="fz-tools"><button type="button" class="fz-copy"><span class="fz-copy-label">'
            f'{escape(t("copy", lang))}</span><span class="fz-copy-done">{escape(t("copied", lang))}</span></button>'
            f'<div class="fz-md">{md}</div></div>')


CSS = """
.fz-tools { margin-top: .35rem; }
.fz-tools .fz-md, .fz-copy .fz-copy-done, .fz-copy.fz-copied .fz-copy-label { display: none; }
.fz-copy.fz-copied .fz-copy-done { display: inline; }
.fz-tools .fz-copy { font-size: .78rem; padding: .1rem .55rem; border: 1px solid var(--border-color-primary, #ddd);
  border-radius: 6px; background: var(--background-fill-primary, #fff); cursor: pointer; }
.fz-tools .fz-copy:hover { background: var(--background-fill-secondary, #f5f5f5); }
"""

# The copy button: the clipboard API where the page is a secure context (localhost), else a hidden textarea.
HEAD = """<script>
document.addEventListener('click', function (e) {
  var b = e.target && e.target.closest ? e.target.closest('button.fz-copy') : null;
  if (!b) return;
  e.preventDefault(); e.stopPropagation();
  var md = b.parentElement.querySelector('.fz-md'), text = md ? md.textContent : '';
  function done() { b.classList.add('fz-copied'); setTimeout(function () { b.classList.remove('fz-copied'); }, 1500); }
  function fallback() {
    var ta = document.createElement('textarea'); ta.value = text; ta.style.position = 'fixed'; ta.style.opacity = '0';
    document.body.appendChild(ta); ta.select();
    try { document.execCommand('copy'); } catch (err) {}
    document.body.removeChild(ta); done();
  }
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
  else fallback();
}, true);
</script>"""
