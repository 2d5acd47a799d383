"""A .docx whose zip header lies about its size is refused with bounded memory (archive.inflated)."""
from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zipfile

import pytest

from assistant.errors import InputError
from assistant.ingest.archive import inflated
from assistant.ingest.limits import Limits
from assistant.ingest.loader import load_text
from conftest import REPORTS, ROOT
from test_limits import docx_bytes

PINGLUO = REPORTS / "001_4d08be111e600d4c.txt"
DECLARED = 40 * 1024


BOMB = "word/document.xml"  # the part python-docx always reads: the body


def lying_docx(real_mb: int, declared: int = DECLARED) -> bytes:
    """A real .docx whose body is padded with `real_mb` MB of (valid XML) spaces, its headers declaring
    `declared` bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes(PINGLUO.read_text(encoding="utf-8")))) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != BOMB:
                dst.writestr(item, src.read(item.filename))
        with dst.open(BOMB, "w", force_zip64=False) as bomb:
            bomb.write(src.read(BOMB))
            for _ in range(real_mb):
                bomb.write(b" " * 2**20)
    return _declare(out.getvalue(), BOMB.encode(), declared)


def _declare(data: bytes, name: str, size: int) -> bytes:
    """Overwrite the uncompressed size of member `name` in its local header and central directory."""
    data = bytearray(data)
    for signature, size_at, name_len_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        at = data.find(signature)
        while at >= 0:
            length = struct.unpack_from("<H", data, at + name_len_at)[0]
            if bytes(data[at + name_at:at + name_at + length]) == name:
                struct.pack_into("<I", data, at + size_at, size)
            at = data.find(signature, at + 4)
    return bytes(data)


def test_a_lying_header_is_what_zipfile_reports():
    data = lying_docx(4)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.getinfo(BOMB).file_size == DECLARED
    assert len(data) < 100_000


def test_inflating_stops_at_the_limit_whatever_the_header_says():
    with pytest.raises(InputError) as err:
        inflated("bomb.docx", lying_docx(8), Limits(max_decompressed_mb=1))
    message = str(err.value)
    assert message.startswith("bomb.docx: ") and "\n" not in message
    assert "FAZHI_MAX_DECOMPRESSED_MB" in message or "does not match its headers" in message


def test_the_inflated_bytes_are_counted_whatever_was_checked_before():
    honest_bomb = docx_bytes(PINGLUO.read_text(encoding="utf-8"), bomb_mb=8)  # headers say 8 MB, truly
    with pytest.raises(InputError, match="above the 1 MB limit.*FAZHI_MAX_DECOMPRESSED_MB"):
        inflated("bomb.docx", honest_bomb, Limits(max_decompressed_mb=1))


def test_an_honest_docx_is_repacked_and_read():
    packed = inflated("ok.docx", docx_bytes(PINGLUO.read_text(encoding="utf-8")), Limits())
    with zipfile.ZipFile(io.BytesIO(packed)) as zf:
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_STORED}


_MEASURE = """
import json, resource, sys
from pathlib import Path
from assistant.errors import InputError
from assistant.ingest.loader import load_text
import docx, pypdf  # imported before the baseline: the measurement is of the file, not the imports
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    load_text(Path(sys.argv[1]), 20)
    message = None
except InputError as err:
    message = str(err)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"message": message, "grew_mb": (after - before) / 1024}))
"""


def test_lying_header_docx_is_refused_with_low_memory(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(lying_docx(256))  # 256 MB of content declared as 40 KB
    run = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["message"] and out["message"].startswith("bomb.docx: ") and "\n" not in out["message"]
    assert out["grew_mb"] < 64, f"peak RSS grew {out['grew_mb']:.0f} MB reading a 256 MB bomb"
