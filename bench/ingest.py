"""Ingest throughput vs the raw embedder on the same chunks, and query latency p50/p95.

Printed, not asserted. Run: .venv/bin/python bench/ingest.py [REPORT_DIR]
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llama_index.core.schema import MetadataMode  # noqa: E402

from assistant import Assistant, Settings  # noqa: E402
from assistant.store.vectors import to_node  # noqa: E402


def questions(n: int = 50) -> list[str]:
    path = ROOT / "eval" / "questions.jsonl"
    qs = [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return (qs * (n // max(len(qs), 1) + 1))[:n]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "reports"
    with tempfile.TemporaryDirectory() as home:
        a = Assistant.open(Settings(home=Path(home)))
        t0 = time.perf_counter()
        result = a.ingest([folder], progress=False)
        ingest_s = time.perf_counter() - t0
        chunks = list(a.chunks.values())
        texts = [to_node(c, a.metas[c.report_id]).get_content(metadata_mode=MetadataMode.EMBED) for c in chunks]
        t0 = time.perf_counter()
        for i in range(0, len(texts), a.settings.embed_batch):
            a.embed_model.get_text_embedding_batch(texts[i : i + a.settings.embed_batch])
        raw_s = time.perf_counter() - t0
        a.ask("预热")  # first query loads jieba dictionaries; not part of steady-state latency
        lat = []
        for q in questions():
            t0 = time.perf_counter()
            a.ask(q)
            lat.append(time.perf_counter() - t0)
        lat.sort()
        ingest_rate, raw_rate = len(chunks) / ingest_s, len(chunks) / raw_s
        print(f"reports ingested        {len(result.added)}  ({sum(len(c.text) for c in chunks)} chars, {len(chunks)} chunks)")
        print(f"ingest (whole pipeline) {ingest_s:6.1f} s  {ingest_rate:6.2f} chunks/s")
        print(f"raw embedder, same text {raw_s:6.1f} s  {raw_rate:6.2f} chunks/s")
        print(f"ratio ingest/raw        {ingest_rate / raw_rate:6.2f}   (target >= 0.9)")
        print(f"query latency over {len(lat)} questions: p50 {statistics.median(lat) * 1000:.0f} ms, "
              f"p95 {lat[int(0.95 * (len(lat) - 1))] * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms")
        a.close()


if __name__ == "__main__":
    main()
