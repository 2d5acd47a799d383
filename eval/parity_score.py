"""The parity set's score without the LLM, as tests/evaluation/test_parity.py measures it: per half, the share of
pairs where the English answer gives the Chinese answer's value, and the failing pair ids of the tune half only
(the check half is read as a score, never as questions to fix).

    .venv/bin/python eval/parity_score.py [tune|check|FILE.jsonl …] [--home DIR] [-v]

--home keeps the index between runs (first run ingests the parity reports, ~3 min); -v prints the tune failures'
questions and answers. A FILE (e.g. eval/dev/parity-dev2.jsonl, a development set) is scored and its failures listed as
the tune half's are; its reports are looked up in eval/unseen-reports and eval/natural-reports.
"""
from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    os.environ["FAZHI_LLM"] = "none"
    from assistant import Assistant
    from assistant.evaluation.parity import parity
    from assistant.evaluation.questions import load_questions
    from assistant.settings import Settings

    ap = argparse.ArgumentParser()
    ap.add_argument("halves", nargs="*", default=["tune", "check"])
    ap.add_argument("--home", type=Path)
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    sets = {h: load_questions(ROOT / "eval" / f"parity-{h}.jsonl") for h in ("tune", "check")}
    sets |= {h: load_questions(Path(h)) for h in args.halves if h.endswith(".jsonl")}
    home = args.home or Path(tempfile.mkdtemp(prefix="fazhi-parity-"))
    a = Assistant.open(Settings(home=home, llm="none"))
    folder = home / "parity-reports"
    folder.mkdir(parents=True, exist_ok=True)
    missing = {e.source for qs in sets.values() for q in qs for e in q.evidence} - {f.name for f in folder.iterdir()}
    for name in missing:  # a kept home ingests only the reports a new set adds
        shutil.copy(next(d / name for d in (ROOT / "eval" / "unseen-reports", ROOT / "eval" / "natural-reports")
                         if (d / name).exists()), folder)
    if missing:
        a.ingest([folder], progress=False)
    for half in args.halves:
        answers = {q.id: a.ask(q.question) for q in sets[half]}
        result = parity(sets[half], answers)
        failures = result.pop("failures")
        print(half, result)
        if half == "check":
            print(f"{half}: {len(failures)} failing pairs")
            continue
        print(f"{half} failures:", failures)
        for pair in failures if args.v else []:
            for q in (q for q in sets[half] if q.id.rpartition("-")[0] == pair):
                print(f"  {q.id} (gold {q.answer.values[0]}): {q.question}\n    → {answers[q.id].answer[:240]!r}")
    a.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
