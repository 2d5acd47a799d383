"""Search inside the report viewer: a find box above the report's text that marks every match and steps
through them (Enter / ↓ next, Shift+Enter / ↑ previous), scrolling each into view inside the viewer.

The box is part of the viewer's HTML (viewer.render_report), worded from i18n.py; the matching runs in the
browser (SCRIPT, bound once to the viewer element by viewer.ON_LOAD), so typing costs no server call.
Matches are found in the report's whole text, so one that crosses the cited passage's <mark> or a section
anchor is still found and marked piece by piece.
"""
from __future__ import annotations

from html import escape

from .i18n import t

# the viewer's words in the find bar, each as an attribute or text that reworded() switches
KEYS = ("find_placeholder", "find_prev", "find_next", "find_none")


def render_bar(lang: str) -> str:
    """The find box, its previous/next buttons and the match count (empty until something is typed)."""
    def w(key: str) -> str:
        return escape(t(key, lang), quote=True)

    return (f'<div class="fz-find" role="search"><input type="search" class="fz-find-input" '
            f'placeholder="{w("find_placeholder")}" aria-label="{w("find_placeholder")}" autocomplete="off">'
            f'<button type="button" class="fz-find-prev" title="{w("find_prev")}" aria-label="{w("find_prev")}">↑</button>'
            f'<button type="button" class="fz-find-next" title="{w("find_next")}" aria-label="{w("find_next")}">↓</button>'
            f'<span class="fz-find-count" aria-live="polite" data-none="{w("find_none")}"></span></div>')


def reworded(html: str, lang: str) -> str:
    """The find bar's words (attributes) in `lang` after a language switch."""
    for key in KEYS:
        for other in ("zh", "en"):
            if other != lang:
                html = html.replace(f'="{escape(t(key, other), quote=True)}"', f'="{escape(t(key, lang), quote=True)}"')
    return html


# Bound to the viewer element (`element`, from gr.HTML's js_on_load): the find bar is redrawn with each
# report, so everything is delegated from the element, and the matches are dropped with the old HTML.
SCRIPT = """
(function () {
  var hits = [], at = -1;
  function doc() { return element.querySelector('.fz-doc'); }
  function clear() {
    element.querySelectorAll('mark.fz-find-hit').forEach(function (m) {
      var p = m.parentNode; p.replaceChild(document.createTextNode(m.textContent), m); p.normalize();
    });
    hits = []; at = -1;
  }
  function fold(s) { var l = s.toLowerCase(); return l.length === s.length ? l : s; }
  function mark(query) {
    clear();
    var d = doc(); if (!d || !query) return;
    var nodes = [], text = '', it = document.createTreeWalker(d, NodeFilter.SHOW_TEXT);
    while (it.nextNode()) { nodes.push({n: it.currentNode, at: text.length}); text += it.currentNode.textContent; }
    var hay = fold(text), needle = fold(query), found = [];
    for (var i = hay.indexOf(needle); i >= 0 && found.length < 2000; i = hay.indexOf(needle, i + needle.length)) {
      found.push([i, i + needle.length]);
    }
    // wrap from the end backwards: splitting a text node leaves the offsets of earlier matches valid
    var pieces = found.map(function () { return []; });
    for (var k = found.length - 1; k >= 0; k--) {
      for (var j = nodes.length - 1; j >= 0; j--) {
        var nd = nodes[j], s = Math.max(found[k][0], nd.at), e = Math.min(found[k][1], nd.at + nd.n.textContent.length);
        if (s >= e) continue;
        var range = document.createRange();
        range.setStart(nd.n, s - nd.at); range.setEnd(nd.n, e - nd.at);
        var m = document.createElement('mark'); m.className = 'fz-find-hit'; m.dataset.k = k;
        range.surroundContents(m); pieces[k].unshift(m);
      }
    }
    hits = pieces;
  }
  function reveal(m) {  // inside the report's own scroll box only: the page behind stays where it is
    var d = doc(), r = m.getBoundingClientRect(), box = d.getBoundingClientRect();
    d.scrollTop += r.top - box.top - d.clientHeight / 2;
  }
  function show(step) {
    var count = element.querySelector('.fz-find-count'), box = element.querySelector('.fz-find-input');
    element.querySelectorAll('mark.fz-find-current').forEach(function (m) { m.classList.remove('fz-find-current'); });
    if (!hits.length) { at = -1; if (count) count.textContent = box && box.value ? count.dataset.none : ''; return; }
    at = ((at < 0 ? (step < 0 ? 0 : -1) : at) + step + hits.length) % hits.length;
    hits[at].forEach(function (m) { m.classList.add('fz-find-current'); });
    reveal(hits[at][0]);
    if (count) count.textContent = (at + 1) + ' / ' + hits.length;
  }
  element.addEventListener('input', function (e) {
    if (!e.target.classList.contains('fz-find-input')) return;
    mark(e.target.value.trim()); show(1);
  });
  element.addEventListener('keydown', function (e) {
    if (!e.target.classList.contains('fz-find-input')) return;
    var step = e.key === 'Enter' ? (e.shiftKey ? -1 : 1) : e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step) { e.preventDefault(); show(step); }
  });
  element.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('.fz-find-prev, .fz-find-next');
    if (b) show(b.classList.contains('fz-find-prev') ? -1 : 1);
  });
  watch('value', function () { hits = []; at = -1; });  // a new report: its bar is empty
})();
"""

CSS = """
.fz-find { display: flex; gap: .3rem; align-items: center; margin: .2rem 0 .5rem; }
.fz-find-input { flex: 1 1 auto; min-width: 0; padding: .25rem .5rem; font-size: .85rem; border-radius: 6px;
  border: 1px solid var(--fz-line); background: var(--input-background-fill, transparent); color: var(--fz-text); }
.fz-find-input::placeholder { color: var(--fz-muted); opacity: 1; }
.fz-find button { flex: 0 0 auto; min-width: 2rem; padding: .15rem .4rem; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--fz-line); background: var(--fz-card-bg); color: var(--fz-text); }
.fz-find button:focus-visible, .fz-find-input:focus-visible { outline: 2px solid var(--fz-current); outline-offset: 1px; }
.fz-find-count { flex: 0 0 auto; font-size: .8rem; color: var(--fz-text-2); min-width: 3.5rem; text-align: right; }
.fz-doc mark.fz-find-hit { background: var(--fz-chip-bg); color: var(--fz-chip-text); padding: 0; border-radius: 2px;
  outline: 1px solid #f59e0b; }
.fz-doc mark.fz-find-hit.fz-find-current { background: #f59e0b; color: #111111; }
"""
