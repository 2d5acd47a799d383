"""Year-over-year changes: a question asking how a figure changed gets the change the report states
next to that figure (同比上升127.04%), or is told that only a direction — or nothing — is stated.
A change is never computed from two reports: their scopes and wording differ too often.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ASKS = re.compile(r"同比|比上年|较上年|比去年|较去年|上年同期|与上年相比|(?:增长|增加|上升|下降|减少|降低|提高)了?(?:多少|几)|增幅|降幅|"
                   r"变化|增减|趋势|year[- ]on[- ]year|compared (?:with|to) (?:the )?(?:previous|last|prior) year|"
                   r"(?:previous|last|prior) year|\bchang\w*|\bincreas\w*|\bdecreas\w*|\bgr[eo]w\w*|\brise\b|\brose\b|\bfell\b|"
                   r"\bdrop\w*|\btrend\b", re.I)
_BASE = r"同比|较上年|比上年|较去年|比去年|较上一年|比上一年|与上年相比|较\d{4}年|比\d{4}年"
_UP, _DOWN = "上升|增长|增加|提高|提升|上涨|增", "下降|减少|降低|下滑|回落|减"
_CHANGE = re.compile(rf"(?P<base>{_BASE})(?:同期)?(?P<dir>{_UP}|{_DOWN})了?(?:约|近)?"
                     rf"(?P<amount>\d+(?:\.\d+)?\s?(?:%|个百分点|倍|件|起|人次|人|次|家|个)?)?")


@dataclass
class Change:
    start: int  # offsets inside the sentence
    end: int
    text: str  # as written: 同比上升127.04%
    up: bool
    amount: str | None


def asks_change(question: str) -> bool:
    return bool(_ASKS.search(question))


def change_after(sentence: str, value_end: int) -> Change | None:
    """The change stated for the figure ending at `value_end`: the first 同比/较上年 phrase after it,
    with no other figure and at most one clause break in between (…22672件,同比上升127.04%)."""
    for m in _CHANGE.finditer(sentence, value_end):
        between = sentence[value_end:m.start()]
        if len(re.findall(r"[,,;;。]", between)) > 1 or re.search(r"\d", between):
            return None  # it belongs to another figure
        return Change(m.start(), m.end(), m.group(0), bool(re.fullmatch(_UP, m.group("dir"))), m.group("amount"))
    return None


def phrase(change: Change | None, lang: str) -> str:
    """The change as the answer states it: with its amount, or saying only a direction is given."""
    if change is None:
        return ("报告没有写明与上年相比的变化。" if lang == "zh"
                else "The report does not state the change from the previous year.")
    if change.amount:
        return f"报告写明{change.text}。" if lang == "zh" else \
            f"The report states it is {'up' if change.up else 'down'} {change.amount} year on year ({change.text})."
    return (f"报告只写明了变化方向({change.text}),没有给出变化幅度。" if lang == "zh"
            else f"The report gives only the direction ({'up' if change.up else 'down'}: {change.text}), not by how much.")


_DIRECTION = re.compile(rf"(?:逐年|持续|稳步|大幅|明显|进一步|有所|同比|较上年|比上年)?(?:{_UP}|{_DOWN})")


def direction_clause(text: str, words: list[str]) -> tuple[int, int] | None:
    """The clause naming one of `words` (败诉率) with only a direction and no figure: 行政诉讼败诉率逐年下降."""
    for word in words:
        at = text.find(word)
        while at >= 0:
            left = max(text.rfind(c, 0, at) for c in ",,;;。\n") + 1
            ends = [x for x in (text.find(c, at) for c in ",,;;。\n") if x >= 0]
            right = min(ends) if ends else len(text)
            clause = text[left:right]
            if _DIRECTION.search(clause[at - left + len(word):]) and not re.search(r"\d|百分之", clause):
                return left, right
            at = text.find(word, at + 1)
    return None
