"""Rebuild eval/unseen-reports/ (the report folder for eval/unseen.jsonl).

It holds
  * the 30 excerpts of ../shared/corpus-unseen/*.txt with their header lines removed
    (leading lines starting with "source:" or "title:"); the rest is kept byte for byte and ends
    with a newline; file names are unchanged;
  * the 5 seed reports reports/00*.txt, copied unchanged.
PROVENANCE.md in the folder is written by hand and is left alone.

Usage (from the repository root):  python eval/make_unseen_reports.py [--src DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER_PREFIXES = (b"source:", b"title:")


def strip_header(data: bytes) -> bytes:
    lines = data.splitlines(keepends=True)
    i = 0
    while i < len(lines) and lines[i].startswith(HEADER_PREFIXES):
        i += 1
    body = b"".join(lines[i:])
    return body if body.endswith(b"\n") else body + b"\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=ROOT.parent / "shared" / "corpus-unseen")
    ap.add_argument("--seeds", type=Path, default=ROOT / "reports")
    ap.add_argument("--out", type=Path, default=ROOT / "eval" / "unseen-reports")
    args = ap.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    unseen = sorted(args.src.glob("*.txt"))
    seeds = sorted(args.seeds.glob("00*.txt"))
    if len(unseen) != 30 or len(seeds) != 5:
        raise SystemExit(f"expected 30 unseen and 5 seed reports, found {len(unseen)} and {len(seeds)}")
    wanted = {p.name for p in unseen} | {p.name for p in seeds}
    for stale in args.out.glob("*.txt"):
        if stale.name not in wanted:
            stale.unlink()
    for p in unseen:
        (args.out / p.name).write_bytes(strip_header(p.read_bytes()))
    for p in seeds:
        shutil.copyfile(p, args.out / p.name)
    print(f"{args.out}: {len(unseen)} unseen excerpts (headers removed) + {len(seeds)} seed reports")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
