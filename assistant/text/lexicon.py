"""Chinese tokenisation for BM25 and questions: jieba with the domain terms (domain/terms.py) and place names."""
from __future__ import annotations

import logging
import re
import threading

from ..domain.terms import DOMAIN_TERMS, STOP_WORDS

_TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff]")
_lock = threading.Lock()
_ready = False
_added: set[str] = set()


def _jieba():
    global _ready
    import jieba

    with _lock:
        if not _ready:
            jieba.setLogLevel(logging.WARNING)
            for term in DOMAIN_TERMS:
                jieba.add_word(term, freq=200000)
            _ready = True
    return jieba


def load_dictionary():
    """jieba with the domain terms registered (once); for callers that segment with jieba directly."""
    return _jieba()


def add_words(words) -> None:
    """Register place names and aliases so the tokenizer keeps them whole."""
    jb = _jieba()
    with _lock:
        for w in words:
            if w and w not in _added:
                jb.add_word(w, freq=200000)
                _added.add(w)


def added_words() -> list[str]:
    """Every word add_words registered in this process: another process that registers them too
    (ingest's tokenizing workers) segments text exactly as this one does."""
    with _lock:
        return sorted(_added)


def tokenize(text: str) -> list[str]:
    """Search-mode jieba tokens (whole words plus their parts), lower-cased, stop-words removed."""
    toks = []
    for t in _jieba().cut_for_search(text):
        t = t.strip().lower()
        if t and t not in STOP_WORDS and _TOKEN_OK.search(t):
            toks.append(t)
    return toks


def domain_terms_in(text: str) -> list[str]:
    """Domain terms present in `text`, most specific (longest) first, dropping ones inside others."""
    found = sorted({t for t in DOMAIN_TERMS if t in text}, key=lambda t: (-len(t), DOMAIN_TERMS.index(t)))
    return [t for t in found if not any(t != o and t in o for o in found)]
