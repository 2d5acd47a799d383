"""Size limits of one report, checked before anything expensive (decompression, embedding).

Each refusal is one InputError line naming the file, the limit and the FAZHI_* setting that raises it.
A .docx is a zip: its members' declared sizes are summed *before* anything is inflated; a header that
lies is caught by archive.py, which counts the bytes actually inflated.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from ..errors import InputError


@dataclass(frozen=True)
class Limits:
    max_file_mb: float = 20.0
    max_decompressed_mb: float = 50.0
    max_report_chars: int = 500_000
    max_report_chunks: int = 2_000
    max_pdf_pages: int = 500

    @classmethod
    def of(cls, settings) -> "Limits":
        return cls(settings.max_file_mb, settings.max_decompressed_mb, settings.max_report_chars,
                   settings.max_report_chunks, settings.max_pdf_pages)


def _over(name: str, what: str, value: str, limit: str, setting: str) -> InputError:
    return InputError(f"{name}: {what} is {value}, over the {limit} limit; split the report or raise {setting}")


def check_zip(name: str, data: bytes, limits: Limits) -> None:
    """Refuse a zip (docx) whose members would inflate past the limit, before inflating any of them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: the docx reader reports it as unreadable
    if total > limits.max_decompressed_mb * 2**20:
        raise _over(name, "the uncompressed content", f"{total / 2**20:.1f} MB", f"{limits.max_decompressed_mb:g} MB",
                    "FAZHI_MAX_DECOMPRESSED_MB")


def check_pages(name: str, pages: int, limits: Limits) -> None:
    if pages > limits.max_pdf_pages:
        raise _over(name, "the PDF", f"{pages} pages", f"{limits.max_pdf_pages} pages", "FAZHI_MAX_PDF_PAGES")


def check_chars(name: str, chars: int, limits: Limits) -> None:
    if chars > limits.max_report_chars:
        raise _over(name, "the report text", f"{chars} characters", f"{limits.max_report_chars} characters",
                    "FAZHI_MAX_REPORT_CHARS")


def check_chunks(name: str, chunks: int, limits: Limits) -> None:
    if chunks > limits.max_report_chunks:
        raise _over(name, "the report", f"{chunks} chunks", f"{limits.max_report_chunks} chunks",
                    "FAZHI_MAX_REPORT_CHUNKS")
