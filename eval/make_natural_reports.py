"""Rebuild eval/natural-reports/ and the natural question files from ../shared/corpus-natural.

  * natural-reports/: the 30 report openings without their header lines (`source:` / `title:`), as
    eval/make_unseen_reports.py writes them;
  * natural-tune.jsonl / natural-check.jsonl: copies of tune.jsonl / check.jsonl (the questions);
  * natural-meta.jsonl: how each report names itself (place, issuer, level, year), read by list scoring.

Usage (from the repository root):  python eval/make_natural_reports.py [--src DIR]
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from make_unseen_reports import ROOT, strip_header


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=ROOT.parent / "shared" / "corpus-natural")
    args = ap.parse_args()
    out = ROOT / "eval" / "natural-reports"
    out.mkdir(parents=True, exist_ok=True)
    reports = sorted(args.src.glob("*.txt"))
    if len(reports) != 30:
        raise SystemExit(f"expected 30 reports in {args.src}, found {len(reports)}")
    for p in reports:
        (out / p.name).write_bytes(strip_header(p.read_bytes()))
    for name, target in (("tune.jsonl", "natural-tune.jsonl"), ("check.jsonl", "natural-check.jsonl"),
                         ("meta.jsonl", "natural-meta.jsonl")):
        shutil.copyfile(args.src / name, ROOT / "eval" / target)
    print(f"wrote {len(reports)} reports to {out} and the question files beside it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
