"""Turn a report file (txt/md/html/docx/pdf) into plain text, or raise a one-line InputError."""
from __future__ import annotations

import io
import re
from pathlib import Path

from ..errors import InputError

SUPPORTED = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def load_text(path: Path, max_mb: float = 20.0) -> str:
    """Read `path` and return its text; every failure is an InputError naming problem and fix."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise InputError(f"{path.name}: unsupported file type '{ext or '(none)'}'; use one of {', '.join(SUPPORTED)}")
    if not path.is_file():
        raise InputError(f"{path}: no such file; check the path")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path.name}: file is empty; export the report text again")
    if len(data) > max_mb * 1024 * 1024:
        raise InputError(f"{path.name}: file is {len(data) / 2**20:.1f} MB, over the {max_mb:g} MB limit; split it or raise FAZHI_MAX_FILE_MB")
    if ext == ".docx":
        text = _docx_text(path.name, data)
    elif ext == ".pdf":
        text = _pdf_text(path.name, data)
    else:
        text = decode_bytes(path.name, data)
        if ext in (".html", ".htm"):
            text = html_text(text)
    if not text.strip():
        raise InputError(f"{path.name}: no text found in the file; check that it is a report")
    return text


def decode_bytes(name: str, data: bytes) -> str:
    """Decode UTF-8 / UTF-16 (BOM) / GB18030 / GBK, refusing binary content."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
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


def _pdf_text(name: str, data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as err:  # pypdf raises many error types for damaged files
        raise InputError(f"{name}: not a readable PDF ({type(err).__name__}); re-export it") from None
    text = unwrap("\n".join(pages))
    if not _CJK.search(text) and not text.strip():
        raise InputError(f"{name}: the PDF has no text layer (scanned image?); run OCR first or use the .docx/.txt version")
    return text


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
