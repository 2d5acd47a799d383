"""Hardening of ingest: size limits before inflating/embedding, odd encodings and names, links out of folders."""
from __future__ import annotations

import io
import os
import zipfile

import pytest

from assistant import Assistant
from assistant.errors import InputError
from assistant.ingest.limits import Limits
from assistant.ingest.loader import decode_bytes, load_text
from assistant.ingest.prepare import expand, prepare
from assistant.settings import ChunkSettings
from conftest import REPORTS, FakeEmbedding

PINGLUO = REPORTS / "001_4d08be111e600d4c.txt"


def docx_bytes(text: str, bomb_mb: int = 0) -> bytes:
    """A real .docx; with bomb_mb, an extra part of that many MB of zeros (a few KB compressed)."""
    import docx

    doc = docx.Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    if not bomb_mb:
        return buf.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("word/media/bomb.bin", b"\0" * (bomb_mb * 2**20))
    return out.getvalue()


def test_zip_bomb_docx_refused_before_inflating(tmp_path, monkeypatch):
    path = tmp_path / "bomb.docx"
    path.write_bytes(docx_bytes(PINGLUO.read_text(encoding="utf-8"), bomb_mb=8))
    assert path.stat().st_size < 200_000  # small on disk …
    import docx

    def never(*a, **k):  # … and never handed to python-docx, which would inflate it
        raise AssertionError("the docx was opened before its sizes were checked")

    monkeypatch.setattr(docx, "Document", never)
    with pytest.raises(InputError) as err:
        load_text(path, 20, Limits(max_decompressed_mb=2))
    message = str(err.value)
    assert "bomb.docx" in message and "2 MB limit" in message and "FAZHI_MAX_DECOMPRESSED_MB" in message
    assert "\n" not in message


def test_normal_docx_within_limits(tmp_path):
    path = tmp_path / "ok.docx"
    path.write_bytes(docx_bytes(PINGLUO.read_text(encoding="utf-8")))
    assert "败诉率为21.6%" in load_text(path, 20, Limits(max_decompressed_mb=2))


def test_over_long_report_refused_with_the_setting_named(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(PINGLUO.read_text(encoding="utf-8") * 3, encoding="utf-8")
    with pytest.raises(InputError, match="FAZHI_MAX_REPORT_CHARS"):
        prepare(path, 20, ChunkSettings(), Limits(max_report_chars=2_000))
    with pytest.raises(InputError, match=r"chunks, over the 20 chunks limit.*FAZHI_MAX_REPORT_CHUNKS"):
        prepare(path, 20, ChunkSettings(), Limits(max_report_chunks=20))


def test_pdf_pages_limit(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "many.pdf"
    c = canvas.Canvas(str(path))
    for i in range(6):
        c.drawString(72, 720, f"page {i}")
        c.showPage()
    c.save()
    with pytest.raises(InputError, match=r"6 pages, over the 5 pages limit.*FAZHI_MAX_PDF_PAGES"):
        load_text(path, 20, Limits(max_pdf_pages=5))


def test_limits_checked_before_embedding(settings, monkeypatch, tmp_path):
    """A report over the chunk limit fails alone: nothing of it is embedded, the rest of the batch is added."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(PINGLUO.read_text(encoding="utf-8") * 4, encoding="utf-8")
    (folder / "ok.txt").write_text((REPORTS / "003_49aefc5b94c96eef.txt").read_text(encoding="utf-8"), encoding="utf-8")
    embedded: list[str] = []
    fake = FakeEmbedding()
    a = Assistant.open(settings.model_copy(update={"max_report_chunks": 40}), embed_model=fake)
    real = type(fake)._get_text_embedding
    monkeypatch.setattr(type(fake), "_get_text_embedding", lambda self, t: embedded.append(t) or real(self, t))
    try:
        result = a.ingest([folder], progress=False)
    finally:
        a.close()
    assert [m.source for m in result.added] == ["ok.txt"]
    assert "FAZHI_MAX_REPORT_CHUNKS" in result.failed[0].reason
    assert embedded and len(embedded) == result.added[0].chunks


def test_utf16_without_bom_is_text():
    text = PINGLUO.read_text(encoding="utf-8")
    for enc in ("utf-16-le", "utf-16-be"):
        assert decode_bytes("x.txt", text.encode(enc)) == text
    with pytest.raises(InputError, match="binary"):
        decode_bytes("x.txt", bytes(range(256)) * 4)


def test_non_utf8_file_names_do_not_stop_the_batch(settings, tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    bad = os.path.join(os.fsencode(folder), b"\xb2\xe2\xca\xd4-\xff.txt")  # GBK bytes + an invalid byte
    with open(bad, "wb") as fh:
        fh.write(PINGLUO.read_bytes())
    (folder / "z_linhai.txt").write_bytes((REPORTS / "003_49aefc5b94c96eef.txt").read_bytes())
    a = Assistant.open(settings, embed_model=FakeEmbedding())
    try:
        result = a.ingest([folder, bad, os.fsencode(folder / "missing.txt")], progress=False)
        assert len(result.added) == 2 and len(result.skipped) == 1 and len(result.failed) == 1
        assert all("\ufffd" in m.source or m.source == "z_linhai.txt" for m in result.added)
        result.model_dump_json()  # printable: no surrogates left
        assert {m.place for m in a.reports()} == {"平罗县", "临海市"}
    finally:
        a.close()


def test_folder_links_outside_are_not_followed(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n" * 5, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(outside)
    (folder / "inner.txt").write_text("x", encoding="utf-8")
    (folder / "alias.txt").symlink_to(folder / "inner.txt")  # a link inside the folder is fine
    files, result = expand([folder])
    assert sorted(f.name for f in files) == ["alias.txt", "inner.txt"]
    assert result.failed[0].path == "passwd.txt" and "outside" in result.failed[0].reason
