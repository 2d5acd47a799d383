"""Turn a report file (txt/md/html/docx/pdf) into plain text, or raise a one-line InputError."""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

from ..errors import InputError
from . import archive
from .limits import Limits, check_chars, check_pages, check_zip

SUPPORTED = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_name(path) -> str:
    """The file name as printable text: a name that is not valid UTF-8 (Linux bytes) gets U+FFFD for the bad
    bytes, so it can be shown, stored in SQLite and printed without an encoding error."""
    name = Path(os.fsdecode(path)).name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def load_text(path: Path, max_mb: float = 20.0, limits: Limits | None = None) -> str:
    """Read `path` and return its text; every failure is an InputError naming problem and fix."""
    path = Path(os.fsdecode(path))
    limits = limits or Limits(max_file_mb=max_mb)
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise InputError(f"{safe_name(path)}: unsupported file type '{ext or '(none)'}'; use one of {', '.join(SUPPORTED)}")
    if not path.is_file():
        raise InputError(f"{safe_name(path)}: no such file; check the path")
    name = safe_name(path)
    size = path.stat().st_size  # before reading: a huge file is refused without loading it
    if size > max_mb * 1024 * 1024:
        raise InputError(f"{name}: file is {size / 2**20:.1f} MB, over the {max_mb:g} MB limit; split it or raise FAZHI_MAX_FILE_MB")
    return text_of(name, ext, path.read_bytes(), limits)


def sniffed(data: bytes) -> str | None:
    """The kind the bytes themselves declare (a PDF or a zip's magic number), whatever the name or the
    Content-Type says: a PDF served as text/html is still a PDF."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf\r\n\t ")
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".docx"
    return None


def text_of(name: str, ext: str, data: bytes, limits: Limits) -> str:
    """The text of a file's bytes (also used for a fetched URL's body)."""
    if not data.strip():
        raise InputError(f"{name}: file is empty; export the report text again")
    if len(data) > limits.max_file_mb * 1024 * 1024:
        raise InputError(f"{name}: file is {len(data) / 2**20:.1f} MB, over the {limits.max_file_mb:g} MB limit; "
                         f"split it or raise FAZHI_MAX_FILE_MB")
    ext = sniffed(data) or ext
    if ext == ".docx":
        check_zip(name, data, limits)  # an honest header is refused without inflating anything
        text = _docx_text(name, archive.inflated(name, data, limits))
    elif ext == ".pdf":
        text = _pdf_text(name, data, limits)
    else:
        text = decode_bytes(name, data)
        if ext in (".html", ".htm"):
            text = html_text(text)
    if not text.strip():
        raise InputError(f"{name}: no text found in the file; check that it is a report")
    return text


def decode_bytes(name: str, data: bytes) -> str:
    """Decode UTF-8 / UTF-16 (BOM) / GB18030 / GBK, refusing binary content."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192] and (text := _utf16_without_bom(data)) is not None:
        return text
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text; save the report as UTF-8 text, .docx or .pdf")
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _plausible(str(best)):
        return str(best)
    raise InputError(f"{name}: cannot decode the text (not UTF-8, UTF-16 or GB18030); re-save it as UTF-8")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM (some Windows tools): NULs fall on every other byte for ASCII, and the
    decoding must read as plausible text; the endianness whose decoding reads as text wins."""
    if len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _plausible(text):
            return text
    return None


def _plausible(text: str) -> bool:
    """Reject decodings that produce control characters or non-CJK garbage."""
    if _CONTROL.search(text):
        return False
    non_ascii = sum(1 for c in text if ord(c) > 127)
    return non_ascii == 0 or len(_CJK.findall(text)) / non_ascii > 0.5


def html_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "iframe"]):
        tag.decompose()
    return soup.get_text("\n")


def _docx_text(name: str, data: bytes) -> str:
    import docx

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises several types for a broken zip
        raise InputError(f"{name}: not a readable .docx ({type(err).__name__}); re-save it from Word/WPS") from None
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(name: str, data: bytes, limits: Limits | None = None) -> str:
    from pypdf import PdfReader

    limits = limits or Limits()
    try:
        reader = PdfReader(io.BytesIO(data))
        _open_encrypted(name, reader)
        count = len(reader.pages)
    except InputError:
        raise
    except Exception as err:  # pypdf raises many error types for damaged files
        raise InputError(f"{name}: not a readable PDF ({type(err).__name__}); re-export it") from None
    check_pages(name, count, limits)  # before extracting: every page's streams would be inflated
    try:
        pages = []
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            check_chars(name, sum(map(len, pages)), limits)
    except InputError:
        raise
    except Exception as err:  # pypdf raises many error types for damaged files
        raise InputError(f"{name}: not a readable PDF ({type(err).__name__}); re-export it") from None
    text = unwrap("\n".join(pages))
    if not _CJK.search(text) and not text.strip():
        raise InputError(f"{name}: the PDF has no text layer (scanned image?); run OCR first or use the .docx/.txt version")
    return text


def _open_encrypted(name: str, reader) -> None:
    """An encrypted PDF opens when only an owner password protects it (the empty user password); one that
    needs a password to read is refused by name, not as 'unreadable'."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception:  # pypdf without the AES package, or a broken encryption dictionary
        opened = 0
    if not opened:
        raise InputError(f"{name}: the PDF is encrypted (password-protected); save or print an unprotected copy "
                         f"and add that")


_ENDS_BLOCK = re.compile(r"[。;;:!?!?:”」)]\s*$")
_STARTS_BLOCK = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|[一二三四五六七八九十]+是|"
                           r"\d{4}年\d{1,2}月\d{1,2}日\s*$)")
_TITLE_OR_SIGNATURE = re.compile(r"(?:报告|情况|总结|局|政府|委员会|办公室|管委会)$")
_PAGE_NO = re.compile(r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$")


def unwrap(text: str) -> str:
    """Rejoin lines a PDF text layer broke at the page width, and drop page numbers.

    A line that does not end a sentence continues on the next line unless that line starts a
    heading or an enumeration; without this every quote would be a fragment of a sentence."""
    out: list[str] = []
    for line in text.split("\n"):
        if _PAGE_NO.match(line):
            continue
        stripped, prev = line.strip(), (out[-1].strip() if out else "")
        if prev and stripped and not _ENDS_BLOCK.search(prev) and not _STARTS_BLOCK.match(stripped) \
                and (len(prev) >= 20 or re.search("[,,、]", prev)) and not _TITLE_OR_SIGNATURE.search(prev):
            out[-1] = out[-1].rstrip() + stripped
        else:
            out.append(line)
    return "\n".join(out)
