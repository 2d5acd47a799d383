"""Run a development question set in-process (no LLM), with one kept index per corpus, and print its failures.

    .venv/bin/python eval/dev/run.py SET [SET …] [--homes DIR] [--all]

SET: tune, check (eval/natural-*.jsonl; check is read as a score only), dev, dev2u, dev2n, freshu, freshn, g2u, g2n,
fuu, fun, k3u, k3n, m4u, m4n, fu2u, fu2n, q5u, q5n, fu3u, fu3n, s6u, s6n, fu4u, fu4n, u7u, u7n, fu5u, fu5n, w8u, w8n, fu6u, fu6n, y9u, y9n, fu7u, fu7n, fu8u, fu8n, ab10u, ab10n, fu9u, fu9n, fu10u, fu10n, af11u, af11n, fu11u, fu11n, fu12u, fu12n, ah12u, ah12n, fu13u, fu13n, fu14u, fu14n, al13u, al13n, fu15u, fu15n, an14u, an14n, fu16u, fu16n, fu17u, fu17n (eval/dev/*.jsonl, see README.md). The first run of a corpus ingests its 30 openings (~1 min) into
DIR/dev or DIR/nat (default /tmp/fazhi-dev-homes); later runs reuse them, so delete DIR after a change to ingestion.
--all prints every answer, not only the failures.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL, DEV = ROOT / "eval", ROOT / "eval" / "dev"
# set → (question file, corpus, which ids)
SETS = {
    "tune": (EVAL / "natural-tune.jsonl", "nat", None), "check": (EVAL / "natural-check.jsonl", "nat", None),
    "dev": (DEV / "natural-dev.jsonl", "dev", None),
    "dev2u": (DEV / "natural-dev2.jsonl", "dev", lambda n: n <= 40), "dev2n": (DEV / "natural-dev2.jsonl", "nat", lambda n: n > 40),
    "freshu": (DEV / "natural-fresh.jsonl", "dev", lambda n: n <= 30), "freshn": (DEV / "natural-fresh.jsonl", "nat", lambda n: n > 30),
    "g2u": (DEV / "natural-fresh2-unseen.jsonl", "dev", None), "g2n": (DEV / "natural-fresh2-natural.jsonl", "nat", None),
    "fuu": (DEV / "natural-followups-unseen.jsonl", "dev", None), "fun": (DEV / "natural-followups-natural.jsonl", "nat", None),
    "k3u": (DEV / "natural-fresh3-unseen.jsonl", "dev", None), "k3n": (DEV / "natural-fresh3-natural.jsonl", "nat", None),
    "m4u": (DEV / "natural-fresh4-unseen.jsonl", "dev", None), "m4n": (DEV / "natural-fresh4-natural.jsonl", "nat", None),
    "fu2u": (DEV / "natural-followups2-unseen.jsonl", "dev", None),
    "fu2n": (DEV / "natural-followups2-natural.jsonl", "nat", None),
    "q5u": (DEV / "natural-fresh5-unseen.jsonl", "dev", None), "q5n": (DEV / "natural-fresh5-natural.jsonl", "nat", None),
    "fu3u": (DEV / "natural-followups3-unseen.jsonl", "dev", None),
    "fu3n": (DEV / "natural-followups3-natural.jsonl", "nat", None),
    "s6u": (DEV / "natural-fresh6-unseen.jsonl", "dev", None), "s6n": (DEV / "natural-fresh6-natural.jsonl", "nat", None),
    "fu4u": (DEV / "natural-followups4-unseen.jsonl", "dev", None),
    "fu4n": (DEV / "natural-followups4-natural.jsonl", "nat", None),
    "u7u": (DEV / "natural-fresh7-unseen.jsonl", "dev", None), "u7n": (DEV / "natural-fresh7-natural.jsonl", "nat", None),
    "fu5u": (DEV / "natural-followups5-unseen.jsonl", "dev", None),
    "fu5n": (DEV / "natural-followups5-natural.jsonl", "nat", None),
    "w8u": (DEV / "natural-fresh8-unseen.jsonl", "dev", None), "w8n": (DEV / "natural-fresh8-natural.jsonl", "nat", None),
    "fu6u": (DEV / "natural-followups6-unseen.jsonl", "dev", None),
    "fu6n": (DEV / "natural-followups6-natural.jsonl", "nat", None),
    "y9u": (DEV / "natural-fresh9-unseen.jsonl", "dev", None), "y9n": (DEV / "natural-fresh9-natural.jsonl", "nat", None),
    "fu7u": (DEV / "natural-followups7-unseen.jsonl", "dev", None),
    "fu7n": (DEV / "natural-followups7-natural.jsonl", "nat", None),
    "fu8u": (DEV / "natural-followups8-unseen.jsonl", "dev", None),
    "fu8n": (DEV / "natural-followups8-natural.jsonl", "nat", None),
    "ab10u": (DEV / "natural-fresh10-unseen.jsonl", "dev", None),
    "ab10n": (DEV / "natural-fresh10-natural.jsonl", "nat", None),
    "fu9u": (DEV / "natural-followups9-unseen.jsonl", "dev", None),
    "fu9n": (DEV / "natural-followups9-natural.jsonl", "nat", None),
    "fu10u": (DEV / "natural-followups10-unseen.jsonl", "dev", None),
    "fu10n": (DEV / "natural-followups10-natural.jsonl", "nat", None),
    "af11u": (DEV / "natural-fresh11-unseen.jsonl", "dev", None),
    "af11n": (DEV / "natural-fresh11-natural.jsonl", "nat", None),
    "fu11u": (DEV / "natural-followups11-unseen.jsonl", "dev", None),
    "fu11n": (DEV / "natural-followups11-natural.jsonl", "nat", None),
    "fu12u": (DEV / "natural-followups12-unseen.jsonl", "dev", None),
    "fu12n": (DEV / "natural-followups12-natural.jsonl", "nat", None),
    "ah12u": (DEV / "natural-fresh12-unseen.jsonl", "dev", None),
    "ah12n": (DEV / "natural-fresh12-natural.jsonl", "nat", None),
    "fu13u": (DEV / "natural-followups13-unseen.jsonl", "dev", None),
    "fu13n": (DEV / "natural-followups13-natural.jsonl", "nat", None),
    "fu14u": (DEV / "natural-followups14-unseen.jsonl", "dev", None),
    "fu14n": (DEV / "natural-followups14-natural.jsonl", "nat", None),
    "al13u": (DEV / "natural-fresh13-unseen.jsonl", "dev", None),
    "al13n": (DEV / "natural-fresh13-natural.jsonl", "nat", None),
    "fu15u": (DEV / "natural-followups15-unseen.jsonl", "dev", None),
    "fu15n": (DEV / "natural-followups15-natural.jsonl", "nat", None),
    "an14u": (DEV / "natural-fresh14-unseen.jsonl", "dev", None),
    "an14n": (DEV / "natural-fresh14-natural.jsonl", "nat", None),
    "fu16u": (DEV / "natural-followups16-unseen.jsonl", "dev", None),
    "fu16n": (DEV / "natural-followups16-natural.jsonl", "nat", None),
    "fu17u": (DEV / "natural-followups17-unseen.jsonl", "dev", None),
    "fu17n": (DEV / "natural-followups17-natural.jsonl", "nat", None),
}
CORPORA = {"nat": (lambda: sorted((EVAL / "natural-reports").glob("*.txt")), EVAL / "natural-meta.jsonl"),
           "dev": (lambda: sorted((EVAL / "unseen-reports").glob("1*.txt")), DEV / "unseen-meta.jsonl")}


def _assistant(corpus: str, homes: Path):
    from assistant import Assistant
    from assistant.settings import Settings

    home = homes / corpus
    fresh = not (home / "vectorstore").exists()
    a = Assistant.open(Settings(home=home, llm="none"))
    if fresh:
        folder = homes / f"{corpus}-reports"
        folder.mkdir(parents=True, exist_ok=True)
        for f in CORPORA[corpus][0]():
            shutil.copy(f, folder / f.name)
        a.ingest([folder], progress=False)
    return a


def main() -> int:
    os.environ["FAZHI_LLM"] = "none"
    from assistant.evaluation.natural import load_natural
    from assistant.evaluation.runner import _run_natural

    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="+", choices=sorted(SETS))
    ap.add_argument("--homes", type=Path, default=Path("/tmp/fazhi-dev-homes"))
    ap.add_argument("--all", action="store_true")
    args = ap.parse_args()
    for name in args.sets:
        path, corpus, keep = SETS[name]
        questions = [q for q in load_natural(path) if keep is None or keep(int(q.id.split("-")[1]))]
        metas = [json.loads(line) for line in CORPORA[corpus][1].read_text(encoding="utf-8").splitlines() if line.strip()]
        a = _assistant(corpus, args.homes)
        scores, records = _run_natural(a, questions, metas)
        for s, r in zip(scores, records):
            if args.all or not s.correct:
                print(f"{'ok  ' if s.correct else 'FAIL'} {s.id} [{s.kind}] {r['question']}\n"
                      f"   -> {r['answer']['answer'][:400]!r} {s.notes}")
        print(f"{name}: {sum(s.correct for s in scores)}/{len(scores)}")
        a.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
