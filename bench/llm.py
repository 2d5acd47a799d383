"""LLM phrasing latency with the local model: time to evidence, to first token, tokens/s, total.

Printed, not asserted. Uses the default settings (FAZHI_HOME must hold an indexed store), e.g.
    FAZHI_HOME=/tmp/fz1 .venv/bin/python bench/llm.py [--show]
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant  # noqa: E402
from assistant.llm.generation import build_messages, generate_stream, prime, resolve_kind  # noqa: E402
from assistant.llm.backends import LocalGGUF, make_llm  # noqa: E402

QUESTIONS = [
    ("lookup", "平罗县2023年行政诉讼败诉率是多少?"),
    ("lookup-en", "How many legal aid cases did Wucheng handle?"),
    ("list", "哪些地区报告了零败诉?"),
    ("open", "綦江区司法局存在哪些不足?"),
]


def main() -> None:
    show = "--show" in sys.argv
    a = Assistant.open()
    if a.settings.llm != "local":
        print("note: FAZHI_LLM is not 'local'; benchmarking the local model anyway")
    llm = make_llm(a.settings.model_copy(update={"llm": "local"}))
    assert isinstance(llm, LocalGGUF)
    t0 = time.perf_counter()
    llm.warmup()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    if "--no-prime" not in sys.argv:
        prime(llm, "zh")
    prime_s = time.perf_counter() - t0
    a.ask("预热")  # jieba dictionaries
    print(f"model ready (assemble if needed + load) {load_s:.1f} s, zh system prompt primed in {prime_s:.1f} s; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    header = f"{'kind':<10}{'evidence':>9}{'1st tok':>9}{'prompt':>8}{'p tok/s':>8}{'gen':>6}{'g tok/s':>8}{'total':>8}  result"
    print(header)
    print("-" * len(header))
    outputs = []
    for label, q in QUESTIONS:
        t0 = time.perf_counter()
        ext = a.ask(q)
        lang = a.analyze(q).lang
        texts = {c.report_id: a.text(c.report_id) for c in ext.citations}
        prompt_chars = sum(len(m.content) for m in build_messages(q, lang, ext, resolve_kind(ext, None))) \
            if not ext.abstained else 0
        t_evidence = t_first = None
        raw, final = "", None
        for ev in generate_stream(q, lang, ext, llm, texts=texts, corpus_places=a.places.places):
            now = time.perf_counter() - t0
            if ev["type"] == "evidence":
                t_evidence = now
            elif ev["type"] == "token":
                t_first = t_first if t_first is not None else now
                raw += ev["text"]
            else:
                final = ev
        total = time.perf_counter() - t0
        tm = llm.last_timings or {}
        result = "generated" if final["generated"] else f"extractive ({final['reason'] or 'abstained'})"
        print(f"{label:<10}{t_evidence:>8.2f}s{(t_first or 0):>8.1f}s{tm.get('prompt_n', 0):>8}"
              f"{tm.get('prompt_per_second', 0):>8.1f}{tm.get('predicted_n', 0):>6}{tm.get('predicted_per_second', 0):>8.1f}"
              f"{total:>7.1f}s  {result[:70]}")
        outputs.append((label, q, prompt_chars, raw, final["answer"].answer))
    print("\nprompt = prompt tokens evaluated (the shared system prompt is cached after the first question of a "
          "template); gen = tokens generated")
    if show:
        for label, q, chars, raw, answer in outputs:
            print(f"\n== {label}: {q}  (prompt {chars} chars)\n-- streamed:\n{raw}\n-- shown:\n{answer}")
    a.close()


if __name__ == "__main__":
    main()
