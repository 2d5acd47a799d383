"""Ask development questions in-process against a kept dev home (no LLM), printing what the engine understood.

    .venv/bin/python eval/dev/ask.py dev|nat QUESTION [QUESTION …] [--fu] [--homes DIR]

dev: the 30 openings of eval/unseen-reports; nat: eval/natural-reports (homes made by eval/dev/run.py).
--fu: each question follows the one before it (a conversation), as a follow-up pair is scored.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    os.environ["FAZHI_LLM"] = "none"
    from run import _assistant

    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", choices=("dev", "nat"))
    ap.add_argument("questions", nargs="+")
    ap.add_argument("--fu", action="store_true")
    ap.add_argument("--homes", type=Path, default=Path("/tmp/fazhi-dev-homes"))
    args = ap.parse_args()
    a = _assistant(args.corpus, args.homes)
    history: list = []
    for q in args.questions:
        ans = a.ask(q, history=history if args.fu else None)
        print(f"Q: {q}\n   route={ans.route} standalone={ans.standalone_question!r} abstained={ans.abstained}")
        print("   " + ans.answer.replace("\n", "\n   ")[:1500])
        history = [ans]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
