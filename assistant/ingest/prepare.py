"""File → a prepared report (metadata, cleaned text, sections, chunks), before anything is stored."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..models import Chunk, FailedFile, IngestResult, ReportMeta, Section
from ..settings import ChunkSettings
from .cleaning import clean
from .limits import Limits, check_chars, check_chunks
from .loader import load_text, safe_name
from .metadata import extract_meta
from ..text.sections import parse_sections
from .sections import chunk_report

log = logging.getLogger(__name__)
_NOT_REPORTS = {"README", "PROVENANCE", "LICENSE", "NOTICE"}  # notes kept beside a corpus folder


@dataclass
class PreparedReport:
    meta: ReportMeta
    text: str
    sections: list[Section]
    chunks: list[Chunk]


def expand(paths) -> tuple[list[Path], IngestResult]:
    """Files named or found under the folders named; a missing path is a failed file, not an error.

    Names may be str, Path or bytes (os.fsencode: a Linux name that is not UTF-8). Inside a folder, a
    symbolic link is followed only when its target stays inside that folder (a link to /etc/passwd in a
    corpus folder must not be ingested)."""
    result = IngestResult()
    files: list[Path] = []
    for p in [paths] if isinstance(paths, (str, bytes, os.PathLike)) else paths:
        if not isinstance(p, (str, bytes, os.PathLike)):  # 123, None: this item fails, the batch goes on
            shown = repr(p)[:60]
            result.failed.append(FailedFile(path=shown, reason=f"{shown}: not a file path ({type(p).__name__}); "
                                                              f"give a file or folder name"))
            continue
        p = Path(os.fsdecode(p))
        if p.is_dir():
            root = p.resolve()
            for f in sorted(p.rglob("*")):
                if f.name.startswith(".") or f.stem.upper() in _NOT_REPORTS or not f.is_file():
                    continue
                if not f.resolve().is_relative_to(root):
                    result.failed.append(FailedFile(path=safe_name(f), reason=f"{safe_name(f)}: a link to a file "
                                                    f"outside {safe_name(p)}; copy the file into the folder instead"))
                    continue
                files.append(f)
        elif p.exists():
            files.append(p)
        else:
            shown = str(p).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            result.failed.append(FailedFile(path=shown, reason=f"{shown}: no such file or folder; check the path"))
    return files, result


def prepare(path: Path, max_file_mb: float, chunking: ChunkSettings, limits: Limits | None = None) -> PreparedReport:
    """Load → clean → metadata → sections → chunks; raises InputError for a file that holds no report."""
    limits = limits or Limits(max_file_mb=max_file_mb)
    return prepare_text(safe_name(path), load_text(path, max_file_mb, limits), chunking, limits)


def prepare_text(name: str, raw: str, chunking: ChunkSettings, limits: Limits) -> PreparedReport:
    """The same steps for text already loaded (a file, or a fetched URL whose `name` is the URL).
    The size limits are checked here, before anything is embedded."""
    check_chars(name, len(raw), limits)
    cleaned = clean(raw)
    if len(cleaned.text.strip()) < 20:
        raise InputError(f"{name}: no report text left after removing page furniture; check the file")
    meta = extract_meta(raw, cleaned.text, cleaned.title, name)
    for w in meta.warnings:
        log.warning("%s: %s", name, w)
    sections = parse_sections(cleaned.text)
    chunks = chunk_report(meta.id, cleaned.text, sections, chunking)
    check_chunks(name, len(chunks), limits)
    meta = meta.model_copy(update={"sections": len(sections), "chunks": len(chunks)})
    return PreparedReport(meta, cleaned.text, sections, chunks)
