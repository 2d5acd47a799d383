"""The page's first answer after start: `fazhi serve` started fresh, then one question through its API.

    .venv/bin/python bench/first_page.py                      # the seed reports, indexed once into /tmp/fazhi-cold
    .venv/bin/python bench/first_page.py --llm none --runs 3  # one LLM setting, three starts per question

Per start it prints: start → the page answers HTTP (Assistant.open, the app built, Gradio up), the first
question's answer once the page is up (what a user who asks at once waits for), their sum, and the
server's peak RSS. Each question gets its own fresh server, so each is the first answer of a process.
With the default local model a lookup answered in full from the fact table does not wait for the model
(FAZHI_LLM_SKIP_COMPLETE); an open question loads Chroma and the embedder on first use.
Printed, never asserted: the numbers depend on the machine and on whatever else runs on it.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "store"))
from cold import QUESTIONS, ensure_store  # noqa: E402  (the same questions and seed store as bench/cold.py)
from servers import free_port  # noqa: E402

TARGET_S = 3.0


def _up(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _ask(url: str, question: str) -> dict:
    """One call of the page's /ask API over Gradio's REST protocol (no client: its setup is not the page's)."""
    call = httpx.post(f"{url}gradio_api/call/ask", json={"data": [question, None, None, None]}, timeout=300).json()
    with httpx.stream("GET", f"{url}gradio_api/call/ask/{call['event_id']}", timeout=300) as events:
        kind = None
        for line in events.iter_lines():
            if line.startswith("event:"):
                kind = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and kind in ("complete", "error"):
                data = json.loads(line.split(":", 1)[1])
                if kind == "error":
                    raise SystemExit(f"the page failed on {question!r}: {data}")
                return data[0]
    raise SystemExit(f"no answer to {question!r}")


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def one(home: Path, llm: str, question: str) -> tuple[float, float, float, str]:
    """(start → page up s, first answer s, server peak RSS MB, route) of one fresh `fazhi serve`."""
    port = free_port()
    env = {**os.environ, "FAZHI_HOME": str(home), "FAZHI_LLM": llm}
    log = open(home / f"first-page-{port}.log", "wb")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        while not _up(url):
            if proc.poll() is not None or time.perf_counter() - t0 > 600:
                raise SystemExit(f"`fazhi serve` did not start; see {log.name}")
            time.sleep(0.05)
        up = time.perf_counter() - t0
        t1 = time.perf_counter()
        answer = _ask(url, question)
        first = time.perf_counter() - t1
        return up, first, _peak_rss_mb(proc.pid), answer.get("route") or "abstain"
    finally:
        proc.terminate()
        proc.wait(30)
        log.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, default=Path("/tmp/fazhi-cold"))
    ap.add_argument("--runs", type=int, default=2, help="fresh starts per question")
    ap.add_argument("--llm", choices=("local", "none", "both"), default="both")
    args = ap.parse_args()
    ensure_store(args.home)
    print(f"first answer of a fresh `fazhi serve`, {args.runs} starts per question, load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (target: the first answer <= {TARGET_S} s)")
    for llm in (("local", "none") if args.llm == "both" else (args.llm,)):
        for route, question in QUESTIONS.items():
            runs = [one(args.home, llm, question) for _ in range(args.runs)]
            ups, firsts = [r[0] for r in runs], [r[1] for r in runs]
            print(f"FAZHI_LLM={llm:<5} {route:<7} page up median {statistics.median(ups):5.2f} s  first answer "
                  f"median {statistics.median(firsts):5.2f} s (max {max(firsts):.2f})  start → answer "
                  f"{statistics.median([u + f for u, f in zip(ups, firsts)]):5.2f} s  "
                  f"peak RSS {max(r[2] for r in runs):5.0f} MB  route {runs[-1][3]}")


if __name__ == "__main__":
    main()
