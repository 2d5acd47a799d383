"""Files handed in by the web page: only what the upload itself brought, kept where a rebuild finds it.

* `accepted(paths, folders)`: a client can name any server path as a Gradio FileData; only files whose real
  path (symbolic links resolved) lies inside the upload folder(s) are read; every other one is refused.
* `keep_original(path, uploads_dir)`: Gradio's cache is emptied within hours, so each accepted file is copied
  to FAZHI_HOME/reports/uploads/<content hash>/<file name> (the name stays: it is the report's `source`),
  where `fazhi ingest --rebuild reports/` finds it again.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from ..models import FailedFile
from .loader import safe_name

UPLOADS = "uploads"


def inside(path: Path, folder: Path) -> bool:
    try:
        return Path(os.path.realpath(path)).is_relative_to(Path(os.path.realpath(folder)))
    except (OSError, ValueError):
        return False


def accepted(paths: list[str], folders: list[Path]) -> tuple[list[Path], list[FailedFile]]:
    ok: list[Path] = []
    refused: list[FailedFile] = []
    for raw in paths:
        path = Path(raw)
        if any(inside(path, f) for f in folders) and path.is_file():
            ok.append(path)
        else:
            name = safe_name(path)
            refused.append(FailedFile(path=name, reason=f"{name}: not a file uploaded with this request; "
                                                        f"upload the file itself (server paths are not read)"))
    return ok, refused


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def keep_original(path: Path, uploads_dir: Path) -> tuple[Path, bool]:
    """(the kept copy of `path`, whether it was made now); an identical earlier upload's copy is reused."""
    dest = uploads_dir / content_hash(path) / safe_name(path).replace("/", "_")
    if dest.is_file():
        return dest, False
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    shutil.copyfile(path, tmp)
    os.replace(tmp, dest)  # whole or not at all: a half copy would be ingested by the next rebuild
    return dest, True


def discard(copy: Path, uploads_dir: Path) -> None:
    """Remove a kept copy that did not become a report (rejected, or a duplicate of a stored one)."""
    if inside(copy, uploads_dir):
        copy.unlink(missing_ok=True)
        try:
            copy.parent.rmdir()
        except OSError:
            pass


def discard_report(report_id: str, source: str, uploads_dir: Path, max_file_mb: float) -> list[Path]:
    """Remove the kept upload(s) a deleted report came from, so `ingest --rebuild reports/` does not bring it
    back; a file of the same name with other content (another report) is kept. Returns what was removed."""
    from ..errors import FazhiError
    from .cleaning import clean
    from .loader import load_text
    from .metadata import report_id as id_of

    removed = []
    for copy in sorted(uploads_dir.glob(f"*/{safe_name(Path(source)).replace('/', '_')}")):
        try:
            same = id_of(clean(load_text(copy, max_file_mb)).text) == report_id
        except FazhiError:
            same = False
        if same:
            discard(copy, uploads_dir)
            removed.append(copy)
    return removed
