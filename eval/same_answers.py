#!/usr/bin/env python3
"""Compare two `fazhi eval --out` files answer by answer, timings removed.

A behaviour-preserving change (a refactor) must leave every answer byte-identical:
    fazhi eval --llm none --out /tmp/before.json   # on the old commit
    fazhi eval --llm none --out /tmp/after.json    # on the new one
    python eval/same_answers.py /tmp/before.json /tmp/after.json
Exit 0 when identical; otherwise prints the first differing questions and exits 1.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

_TIMINGS = {"latency_s", "latency_p50", "latency_p95"}


def _strip(value):
    """The same JSON with every timing field removed (they differ on every run)."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _TIMINGS}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def differences(before: dict, after: dict, limit: int = 10) -> list[str]:
    a, b = _strip(before), _strip(after)
    out = []
    old = {r["id"]: r for r in a.get("answers", [])}
    new = {r["id"]: r for r in b.get("answers", [])}
    for qid in sorted(set(old) | set(new)):
        if qid not in old or qid not in new:
            out.append(f"{qid}: present in only one file")
        elif old[qid] != new[qid]:
            ra, rb = old[qid]["answer"], new[qid]["answer"]
            field = next((k for k in ra if ra.get(k) != rb.get(k)), "score")
            out.append(f"{qid}: {field} differs\n  before: {json.dumps(ra.get(field), ensure_ascii=False)[:300]}"
                       f"\n  after:  {json.dumps(rb.get(field), ensure_ascii=False)[:300]}")
    if a.get("summary") != b.get("summary"):
        out.append("summary differs")
    return out[:limit] if limit else out


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: same_answers.py BEFORE.json AFTER.json", file=sys.stderr)
        return 2
    before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in argv[1:])
    diffs = differences(before, after)
    for d in diffs:
        print(d)
    n = len(before.get("answers", []))
    print(f"{n} answers compared: " + ("identical" if not diffs else f"{len(diffs)}+ differ"))
    return 0 if not diffs else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
