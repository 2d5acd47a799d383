"""A zip-based file (.docx) inflated with a byte count, whatever its headers say.

A zip member's header states its uncompressed size, and a hostile file lies: 40 KB declared, gigabytes
deflated. Python's zipfile trims a member to its declared size only *after* one decompress call, and
`read()` asks for up to 2 GB in that call, so a reader such as python-docx inflates the bomb before any
check. Here every member is read in small blocks and the bytes actually produced are counted across the
whole archive; at the limit the file is refused. The members are repacked uncompressed (ZIP_STORED), so
the library that parses them afterwards cannot inflate anything more.
"""
from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from .limits import Limits

BLOCK = 1 << 16  # bytes inflated per read: the most one step can overshoot the limit


def inflated(name: str, data: bytes, limits: Limits) -> bytes:
    """The archive repacked uncompressed, or a one-line InputError once its content passes the limit."""
    limit = int(limits.max_decompressed_mb * 2**20)
    total = 0
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as packed:
            for info in zf.infolist():
                with zf.open(info) as member, packed.open(_stored(info), "w", force_zip64=True) as copy:
                    while block := member.read(BLOCK):
                        total += len(block)
                        if total > limit:
                            raise _too_big(name, total, limits)
                        copy.write(block)
    except zipfile.BadZipFile as err:
        # zipfile stops a member at its declared size; a bomb declaring less then fails its CRC here
        raise InputError(f"{name}: not a readable .docx (its zip content does not match its headers: {err}); "
                         f"re-save it from Word/WPS") from None
    except (OSError, ValueError, NotImplementedError, RuntimeError, EOFError) as err:
        raise InputError(f"{name}: not a readable .docx ({type(err).__name__}); re-save it from Word/WPS") from None
    return out.getvalue()


def _stored(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, info.date_time)
    copy.compress_type = zipfile.ZIP_STORED
    return copy


def _too_big(name: str, total: int, limits: Limits) -> InputError:
    return InputError(f"{name}: the uncompressed content is over {total / 2**20:.1f} MB, above the "
                      f"{limits.max_decompressed_mb:g} MB limit (whatever its zip header declares); split the "
                      f"report or raise FAZHI_MAX_DECOMPRESSED_MB")
