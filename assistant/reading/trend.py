"""Year-over-year changes: the change a report states next to a figure (同比上升127.04%), or a rate
named with only a direction (败诉率逐年下降). A change is never computed from two reports: their
scopes and wording differ too often."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.statements import CHANGE, DIRECTION, UP


@dataclass
class Change:
    start: int  # offsets inside the sentence
    end: int
    text: str  # as written: 同比上升127.04%
    up: bool
    amount: str | None


def change_after(sentence: str, value_end: int) -> Change | None:
    """The change stated for the figure ending at `value_end`: the first 同比/较上年 phrase after it,
    with no other figure and at most one clause break in between (…22672件,同比上升127.04%)."""
    for m in CHANGE.finditer(sentence, value_end):
        between = sentence[value_end:m.start()]
        if len(re.findall(r"[,,;;。]", between)) > 1 or re.search(r"\d", between):
            return None  # it belongs to another figure
        return Change(m.start(), m.end(), m.group(0), bool(re.fullmatch(UP, m.group("dir"))), m.group("amount"))
    return None


def direction_clause(text: str, words: list[str]) -> tuple[int, int] | None:
    """The clause naming one of `words` (败诉率) with only a direction and no figure: 行政诉讼败诉率逐年下降."""
    for word in words:
        at = text.find(word)
        while at >= 0:
            left = max(text.rfind(c, 0, at) for c in ",,;;。\n") + 1
            ends = [x for x in (text.find(c, at) for c in ",,;;。\n") if x >= 0]
            right = min(ends) if ends else len(text)
            clause = text[left:right]
            if DIRECTION.search(clause[at - left + len(word):]) and not re.search(r"\d|百分之", clause):
                return left, right
            at = text.find(word, at + 1)
    return None
