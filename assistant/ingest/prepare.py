"""File → a prepared report (metadata, cleaned text, sections, chunks), before anything is stored."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..models import Chunk, FailedFile, IngestResult, ReportMeta, Section
from ..settings import ChunkSettings
from .cleaning import clean
from .loader import load_text
from .metadata import extract_meta
from .sections import chunk_report, parse_sections

log = logging.getLogger(__name__)
_NOT_REPORTS = {"README", "PROVENANCE", "LICENSE", "NOTICE"}  # notes kept beside a corpus folder


@dataclass
class PreparedReport:
    meta: ReportMeta
    text: str
    sections: list[Section]
    chunks: list[Chunk]


def expand(paths) -> tuple[list[Path], IngestResult]:
    """Files named or found under the folders named; a missing path is a failed file, not an error."""
    result = IngestResult()
    files: list[Path] = []
    for p in [paths] if isinstance(paths, (str, Path)) else paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and f.stem.upper() not in _NOT_REPORTS:
                    files.append(f)
        elif p.exists():
            files.append(p)
        else:
            result.failed.append(FailedFile(path=str(p), reason=f"{p}: no such file or folder; check the path"))
    return files, result


def prepare(path: Path, max_file_mb: float, chunking: ChunkSettings) -> PreparedReport:
    """Load → clean → metadata → sections → chunks; raises InputError for a file that holds no report."""
    raw = load_text(path, max_file_mb)
    cleaned = clean(raw)
    if len(cleaned.text.strip()) < 20:
        raise InputError(f"{path.name}: no report text left after removing page furniture; check the file")
    meta = extract_meta(raw, cleaned.text, cleaned.title, path.name)
    for w in meta.warnings:
        log.warning("%s: %s", path.name, w)
    sections = parse_sections(cleaned.text)
    chunks = chunk_report(meta.id, cleaned.text, sections, chunking)
    meta = meta.model_copy(update={"sections": len(sections), "chunks": len(chunks)})
    return PreparedReport(meta, cleaned.text, sections, chunks)
