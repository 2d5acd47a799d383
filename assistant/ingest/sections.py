"""Sentence-safe chunks with offsets, merged along the section tree (text/sections.py)."""
from __future__ import annotations

from ..models import Chunk, Section
from ..settings import ChunkSettings
from ..text.spans import sentence_spans

CHUNKER_VERSION = "s1"


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
