"""Traditional → simplified characters for matching only: quotes and offsets stay as the report wrote them.

The conversion keeps the text's length, so an offset found in the simplified copy is valid in the
original (OpenCC's phrase rules that change length are undone by converting character by character).
"""
from __future__ import annotations

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


def to_simplified(text: str) -> str:
    """The same text in simplified characters, character for character (same length)."""
    if not text or text.isascii():
        return text
    converted = _opencc().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_char(c) for c in text)
