"""Section tree (一、 / (一) / 1. / (1) / inline 一是…) and sentence-safe chunks with offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Chunk, Section
from ..settings import ChunkSettings
from ..text.spans import sentence_spans

CHUNKER_VERSION = "s1"
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


def _parent(path: str) -> str:
    return path.rsplit(" > ", 1)[0]


def _mergeable(earlier: list[str], path: str) -> bool:
    """A piece joins the previous chunk if it is a sibling or a descendant of every piece in it."""
    return all(path.startswith(p + " > ") or _parent(p) == _parent(path) for p in earlier)


def _chunk_section(paths: list[str]) -> str:
    last = paths[-1]
    if all(last.startswith(p + " > ") or p == last for p in paths):
        return last  # leading headings followed by their own content
    parts = [p.split(" > ") for p in paths]
    common = []
    for items in zip(*parts):
        if len(set(items)) != 1:
            break
        common.append(items[0])
    return " > ".join(common) or paths[0]


def chunk_report(report_id: str, text: str, sections: list[Section], cfg: ChunkSettings) -> list[Chunk]:
    """Merge small sibling sections up to target_chars; split long ones at sentence ends."""
    pieces: list[tuple[int, int, str]] = []
    for sec in sections:
        if sec.end - sec.start <= cfg.max_chars:
            pieces.append((sec.start, sec.end, sec.path))
            continue
        cur_s = cur_e = None
        for s, e in sentence_spans(text, sec.start, sec.end):
            if cur_s is not None and e - cur_s > cfg.target_chars:
                pieces.append((cur_s, cur_e, sec.path))
                cur_s = None
            cur_s = s if cur_s is None else cur_s
            cur_e = e
        if cur_s is not None:
            pieces.append((cur_s, cur_e, sec.path))
    merged: list[tuple[int, int, list[str]]] = []
    for s, e, path in pieces:
        if merged:
            ms, _, mpaths = merged[-1]
            if _mergeable(mpaths, path) and e - ms <= cfg.target_chars:
                merged[-1] = (ms, e, mpaths + [path])
                continue
        merged.append((s, e, [path]))
    chunks = []
    for i, (s, e, paths) in enumerate(merged):
        while e > s and text[e - 1].isspace():
            e -= 1
        chunks.append(Chunk(id=f"{report_id}:{i:04d}", report_id=report_id, section=_chunk_section(paths),
                            start=s, end=e, text=text[s:e]))
    return chunks
