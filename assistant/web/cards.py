"""Citation cards of one answer: one card per report grouping its quotes, and the answer text made compact.

A quote is shown once: the answer's "原文[n]:“…”" lines (and the inline "原文:“…”" of a list item) are left
out of the text when the card of [n] shows that quote; [n] stays in the text as a link that previews the
quote, report and section on hover or keyboard focus. Only the page's rendering changes: `fazhi ask --json`
and the exports keep the engine's text.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from ..models import Citation
from .i18n import DEFAULT, t
from .viewer import open_link

CONTEXT_CHARS = 160  # paragraph text kept on each side of a quote before it is cut with "…"
PREVIEW_CHARS = 90  # a [n] preview shows the quote's start
# the engine's evidence phrases (domain/phrases.py "evidence", "item.value"): the quote its card shows
_EVIDENCE_LINE = re.compile(r"^\s*(?:原文|Source )\[(\d{1,3})\][::]\s*“[^\n]*”\s*$")
_INLINE_ZH = re.compile(r"。原文[::]“[^”\n]*”(\[(\d{1,3})\])")
_INLINE_EN = re.compile(r" — “[^”\n]*” (\[(\d{1,3})\])")


def _e(value) -> str:
    return escape("" if value is None else str(value))


def compact(text: str, keys: set[int]) -> str:
    """The answer text without the quotes its cards show (keys: the cards' citation keys)."""
    lines = [line for line in text.split("\n")
             if not ((m := _EVIDENCE_LINE.match(line)) and int(m.group(1)) in keys)]
    out = "\n".join(lines)
    for pattern, lead in ((_INLINE_ZH, "。"), (_INLINE_EN, " ")):
        out = pattern.sub(lambda m: f"{lead}{m.group(1)}" if int(m.group(2)) in keys else m.group(0), out)
    return out


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


def _in_context(cit: Citation, text: str | None) -> tuple[str, str, str]:
    if text is not None and 0 <= cit.start <= cit.end <= len(text) and text[cit.start:cit.end] == cit.quote:
        return paragraph(text, cit.start, cit.end)
    return "", cit.quote, ""  # the stored text is not at hand (or moved): the verified quote on its own


def source_link(source: str, url: str | None) -> str:
    """The report's address when it has one (a link opening in a new tab), else its file name."""
    if url and url.startswith(("http://", "https://")):
        return (f'<a class="fz-source fz-url" href="{_e(url)}" target="_blank" rel="noopener noreferrer">'
                f'{_e(url)}</a>')
    return f'<span class="fz-source">{_e(source)}</span>'


def _quote(cit: Citation, msg_id: str, text: str | None, lang: str) -> str:
    before, quote, after = _in_context(cit, text)
    return (f'<div class="fz-quote" id="cite-{msg_id}-{cit.key}"><div class="fz-meta"><span class="fz-n">[{cit.key}]'
            f'</span> <span class="fz-section">{_e(cit.section)}</span>{open_link(cit.report_id, cit.start, cit.end, lang)}'
            f'</div><blockquote class="fz-para">{_e(before)}<mark>{_e(quote)}</mark>{_e(after)}</blockquote></div>')


def card(cits: list[Citation], msg_id: str, text: str | None, open_: bool = False, lang: str = DEFAULT) -> str:
    """One report's card, folded to a chip ([1][2] place · year · title) unless open_: expanded, the report's
    place · year · address line and each of its quotes marked inside its paragraph, with its section."""
    first = cits[0]
    place = _e(first.place or t("unknown_place", lang))
    year = _e(first.year) if first.year else t("unknown_year", lang)
    keys = "".join(f"[{c.key}]" for c in cits)
    meta = f'<span class="fz-place">{place}</span> · <span class="fz-year">{year}</span> · {source_link(first.source, first.source_url)}'
    return (f'<details class="fz-card" id="card-{msg_id}-{first.key}"{" open" if open_ else ""}>'
            f'<summary><span class="fz-n">{keys}</span> <span class="fz-chip">{place} · {year}</span> '
            f'<span class="fz-title">{_e(first.title or first.source)}</span></summary>'
            f'<div class="fz-meta">{meta}</div>{"".join(_quote(c, msg_id, text, lang) for c in cits)}</details>')


def grouped(citations: list[Citation]) -> list[list[Citation]]:
    """Citations per report, in the order the answer first cites each report."""
    groups: dict[str, list[Citation]] = {}
    for cit in citations:
        groups.setdefault(cit.report_id, []).append(cit)
    return list(groups.values())


def render_cards(citations: list[Citation], msg_id: str, answer_text: str,
                 text_of: Callable[[str], str | None], lang: str = DEFAULT) -> str:
    """Every report's card; the first is open unless the answer text already shows all of its quotes."""
    out = []
    for i, cits in enumerate(grouped(citations)):
        rid = cits[0].report_id
        try:
            text = text_of(rid)
        except Exception:  # a report removed meanwhile: the card still shows the quote
            text = None
        shown = all(c.quote in answer_text for c in cits)
        out.append(card(cits, msg_id, text, i == 0 and not shown, lang))
    return "".join(out)


def linkify(answer_html: str, citations: list[Citation], msg_id: str) -> str:
    """[n] → a link to its quote in the card, with a preview (quote, report, section) on hover or focus."""
    by_key = {c.key: c for c in citations}

    def link(m: re.Match) -> str:
        cit = by_key.get(int(m.group(1)))
        if cit is None:
            return m.group(0)
        quote = cit.quote if len(cit.quote) <= PREVIEW_CHARS else cit.quote[:PREVIEW_CHARS] + "…"
        who = " · ".join(str(x) for x in (cit.place, cit.year, cit.section) if x)
        return (f'<a class="fz-ref" href="#cite-{msg_id}-{cit.key}">[{cit.key}]<span class="fz-tip" role="tooltip">'
                f'<span class="fz-tip-who">{_e(who)}</span>“{_e(quote)}”</span></a>')
    return re.sub(r"\[(\d{1,3})\]", link, answer_html)


CSS = """
.fz-quote { margin: .35rem 0 .2rem; scroll-margin: 12px; }
.fz-quote .fz-meta { margin: .1rem 0 .2rem; }
.fz-quote.fz-flash { box-shadow: 0 0 0 3px #f59e0b; border-radius: 4px; }
a.fz-ref { position: relative; }
a.fz-ref .fz-tip { display: none; position: absolute; left: 0; top: 1.5em; z-index: 20; width: min(22rem, 70vw);
  padding: .4rem .55rem; border: 1px solid var(--fz-line); border-radius: 6px; background: var(--fz-card-bg);
  color: var(--fz-text); font-weight: 400; font-size: .82rem; line-height: 1.5; white-space: normal;
  box-shadow: 0 4px 14px rgba(0, 0, 0, .18); text-decoration: none; }
a.fz-ref:hover .fz-tip, a.fz-ref:focus .fz-tip { display: block; }
.fz-tip-who { display: block; font-weight: 600; color: var(--fz-text-2); }
a.fz-url { word-break: break-all; color: var(--fz-ref); }
"""
