"""Gradio's own words (the upload box, toast titles, the file-type refusal) in the page's language.

Gradio words its widgets in the browser's locale, not in the language chosen on the page, and offers no
switch for its built-in strings. The page script here puts each such text in the page's language, from
i18n.py: every wording Gradio may show (its English and its zh-CN translation) maps to one key. Nothing
inside the chat is touched (an answer is data).
"""
from __future__ import annotations

import json

from .i18n import LANGS, TEXT

# i18n key → the texts Gradio shows for it (English and zh-CN, gradio/templates/frontend/assets)
GRADIO_WORDS: dict[str, tuple[str, ...]] = {
    "gr_drop_file": ("Drop File Here", "将文件拖放到此处"),
    "gr_or": ("- or -", "- 或 -", "or", "或"),
    "gr_click_upload": ("Click to Upload", "点击上传"),
    "toast_warning": ("Warning", "警告"),
    "toast_error": ("Error", "错误"),
    "toast_info": ("Info", "信息"),
}
# Gradio's refusal of a picked file: "Invalid file type: setup.exe. Only .txt, .md allowed."
INVALID_TYPE = r"^Invalid file types?: (.+?)\. Only (.+) allowed\.$"


def table() -> dict:
    """{"words": {shown text: key}, "text": {key: {lang: words}}, "invalid": pattern} for the page script."""
    words = {variant: key for key, variants in GRADIO_WORDS.items() for variant in variants}
    keys = [*GRADIO_WORDS, "gr_invalid_type"]
    for key in GRADIO_WORDS:  # the page's own words switch back too (a re-walk after a language switch)
        words.update({TEXT[key][i]: key for i in range(len(LANGS))})
    return {"words": words, "text": {k: dict(zip(LANGS, TEXT[k])) for k in keys}, "invalid": INVALID_TYPE}


def head() -> str:
    return "<script>\nvar FZ_WORDS = " + json.dumps(table(), ensure_ascii=False) + ";\n" + _SCRIPT + "</script>"


_SCRIPT = """(function () {
  function lang() {
    var on = document.querySelector('#fz-lang input:checked');
    return on && on.value === 'en' ? 'en' : 'zh';
  }
  var invalid = new RegExp(FZ_WORDS.invalid);
  function word(text) {
    var s = text.trim(), key = FZ_WORDS.words[s], g = lang();
    if (key) return text.replace(s, FZ_WORDS.text[key][g]);
    var m = s.match(invalid);
    if (m) return FZ_WORDS.text.gr_invalid_type[g].replace('{name}', m[1]).replace('{allowed}', m[2]);
    return null;
  }
  function walk(root) {
    if (!root || (root.closest && root.closest('#fz-chat'))) return;
    if (root.nodeType === 3) {
      var p = root.parentElement;
      if (p && p.closest('#fz-chat, script, style')) return;
      var w = word(root.textContent);
      if (w !== null && w !== root.textContent) root.textContent = w;
      return;
    }
    if (root.nodeType !== 1) return;
    var it = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), nodes = [];
    while (it.nextNode()) nodes.push(it.currentNode);
    nodes.forEach(walk);
  }
  var last = null;
  new MutationObserver(function (records) {
    if (lang() !== last) {  // switched (by the reader or by the saved choice on load): word everything again
      last = lang(); document.documentElement.lang = last === 'en' ? 'en' : 'zh-CN'; walk(document.body); return;
    }
    records.forEach(function (r) {
      if (r.type === 'characterData') walk(r.target); else r.addedNodes.forEach(walk);
    });
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
  document.addEventListener('change', function (e) {
    if (e.target.closest && e.target.closest('#fz-lang')) setTimeout(function () { last = null; walk(document.body); }, 0);
  }, true);
})();
"""
