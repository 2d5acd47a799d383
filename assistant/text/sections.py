"""The section tree of a cleaned report (一、 / (一) / 1. / (1) / inline 一是…): heading paths by offset."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Section

_CN = "一二三四五六七八九十"
_HEADINGS = [  # (level, pattern at line start)
    (1, re.compile(rf"^[{_CN}]{{1,3}}、")),
    (2, re.compile(rf"^[(（][{_CN}]{{1,3}}[)）]")),
    (3, re.compile(r"^\d{1,2}[.．、](?!\d)")),
    (4, re.compile(r"^[(（]\d{1,2}[)）]")),
]
_INLINE_LEVEL = 5
_INLINE = re.compile(rf"(?:(?<=^)|(?<=[。;;:!?\n]))[{_CN}]{{1,3}}是(?=[^,,。]{{2,}})")
PREAMBLE = "引言"


@dataclass
class _Block:
    start: int
    end: int
    path: tuple[str, ...]


def heading_over(text: str, at: int, most: int = 40) -> str:
    """The heading line right above the paragraph holding `at` ("(一)打造红色法治基地" over the paragraph that
    says what was built there), or "" when the line above is no heading or is long."""
    start = text.rfind("\n", 0, at)
    if start <= 0:
        return ""
    line = text[text.rfind("\n", 0, start) + 1:start].strip()
    return line if len(line) <= most and any(p.match(line) for _, p in _HEADINGS) else ""


def heading_label(text: str, limit: int = 40) -> str:
    """The heading's own words: up to its first full stop, trimmed to `limit` characters."""
    first = re.split(r"[。;;!?\n]", text, maxsplit=1)[0].strip()
    return first if len(first) <= limit else first[:limit] + "…"


def _line_blocks(text: str) -> list[_Block]:
    """One block per heading-delimited run of lines, carrying the heading path at that point."""
    blocks: list[_Block] = []
    stack: list[tuple[int, str]] = []
    pos = 0
    first_line = True
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        level = next((lvl for lvl, pat in _HEADINGS if pat.match(line)), None)
        if level is not None:
            stack = [(lv, h) for lv, h in stack if lv < level] + [(level, heading_label(line))]
        path = tuple(h for _, h in stack) or ((PREAMBLE,) if not first_line else ("标题",))
        first_line = False
        if blocks and level is None and blocks[-1].path == path:
            blocks[-1].end = end
        else:
            blocks.append(_Block(start, end, path))
    return blocks


def _inline_split(text: str, block: _Block) -> list[_Block]:
    """Split a block at inline enumerations 一是…二是… into child blocks."""
    marks = [m.start() for m in _INLINE.finditer(text, block.start, block.end)]
    if not marks:
        return [block]
    out = []
    if marks[0] > block.start:
        out.append(_Block(block.start, marks[0], block.path))
    for i, m in enumerate(marks):
        end = marks[i + 1] if i + 1 < len(marks) else block.end
        out.append(_Block(m, end, block.path + (heading_label(text[m:end], 24),)))
    return out


def parse_sections(text: str) -> list[Section]:
    """Every span with its full heading path, deepest first at any offset lookup."""
    blocks = [b for blk in _line_blocks(text) for b in _inline_split(text, blk)]
    return [Section(path=" > ".join(b.path), level=len(b.path), start=b.start, end=b.end) for b in blocks]


def section_at(sections: list[Section], offset: int) -> str:
    for sec in sections:
        if sec.start <= offset < sec.end:
            return sec.path
    return PREAMBLE
