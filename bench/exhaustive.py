"""The list / count / compare questions of bench/scale.py on a store that already exists (no ingest, no Chroma):
the exhaustive answers, which read facts and texts across the corpus, timed as `scale.py` times them.

    .venv/bin/python bench/exhaustive.py /tmp/fazhi-scale/home-3000             # a store scale.py built
    .venv/bin/python bench/exhaustive.py HOME --answers /tmp/after.json         # keep the answers, to compare
                                                                                # two versions' (must be equal)
Lookups and open questions need the vectors (and `scale.py`'s fast embedder): `scale.py` measures those.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import FastEmbedding, pct, peak_rss_mb, questions  # noqa: E402

from assistant import Assistant, Settings  # noqa: E402

ROUTES = ("list", "count", "compare")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("home", type=Path, help="FAZHI_HOME of an existing store")
    ap.add_argument("--questions", type=int, default=20, help="questions per route")
    ap.add_argument("--answers", type=Path, help="write the answers here (JSON)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    a = Assistant.open(Settings(home=args.home, llm="none"), embed_model=FastEmbedding())
    print(f"Assistant.open {time.perf_counter() - t0:.2f} s, {len(a.metas)} reports")
    a.ask("How many reports are there?", generate=False)  # the pinyin tables, built on the first English question
    answers = {}
    for route, qs in questions(a, args.questions).items():
        if route not in ROUTES:
            continue
        lat, answers[route] = [], []
        for q in qs:
            t0 = time.perf_counter()
            answers[route].append(a.ask(q, generate=False).answer)
            lat.append((time.perf_counter() - t0) * 1000)
        print(f"ask {route:<8} p50 {pct(lat, 0.5):7.0f} ms  p95 {pct(lat, 0.95):7.0f} ms  max {max(lat):7.0f} ms  "
              f"(n={len(lat)}; target at 30,000: p95 <= 1000 ms)")
    print(f"peak RSS {peak_rss_mb():.0f} MB")
    if args.answers:
        args.answers.write_text(json.dumps(answers, ensure_ascii=False, indent=1), encoding="utf-8")
    a.close()


if __name__ == "__main__":
    main()
