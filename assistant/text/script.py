"""Traditional → simplified characters for matching only: quotes and offsets stay as the report wrote them.

The conversion keeps the text's length, so an offset found in the simplified copy is valid in the
original (OpenCC's phrase rules that change length are undone by converting character by character).
"""
from __future__ import annotations

import re

import threading
from functools import lru_cache

_lock = threading.Lock()
_converter = None


def _opencc():
    global _converter
    with _lock:
        if _converter is None:
            import opencc

            _converter = opencc.OpenCC("t2s")
    return _converter


@lru_cache(maxsize=8192)
def _char(c: str) -> str:
    out = _opencc().convert(c)
    return out if len(out) == 1 else c


# common characters written only in traditional script: a text with none of them is simplified already, and
# converting every report of a large corpus for each question would cost seconds
_TRADITIONAL_HINT = re.compile("[這個們來時國會對於學發經進動實現開關門問題過還點當後無與為書長東見車語話讀認識議讓記設計請變資質費體"
                               "優應環營區縣鎮鄉廣員權規範務級總號傳統業產報導從辦較積極數據運輸農醫療衛顯證創劃則網絡條舉]")


def to_simplified(text: str) -> str:
    """The same text in simplified characters, character for character (same length)."""
    if not text or text.isascii() or (len(text) > 2000 and not _TRADITIONAL_HINT.search(text)):
        return text
    converted = _opencc().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_char(c) for c in text)
