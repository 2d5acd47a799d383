"""Fact extraction speed (reports/s) and list/count/compare latency over a synthetic 3,000-report table.

Printed, not asserted (target: < 1 s per question). Run: .venv/bin/python bench/facts.py [N]
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.facts import exhaustive  # noqa: E402
from assistant.facts.extract import extract_facts  # noqa: E402
from assistant.ingest.metadata import report_id  # noqa: E402
from assistant.models import ReportMeta  # noqa: E402
from assistant.places import PlaceIndex  # noqa: E402
from assistant.answer.analyze import analyze  # noqa: E402
from assistant.answer.plan import route  # noqa: E402
from assistant.ingest.sections import parse_sections  # noqa: E402

CHARS = "安宁平和泰康永新兴德清远华阳南北东西山河江湖海林石桥城乡"


def synthetic(i: int, rng: random.Random) -> tuple[str, str, int]:
    k = len(CHARS)
    place = CHARS[i % k] + CHARS[(i // k) % k] + CHARS[(i // k // k) % k] + "县"  # unique for i < k**3
    year = rng.choice([2021, 2022, 2023, 2024])
    lines = [f"{place}{year}年度法治政府建设情况报告", f"{year}年,{place}扎实推进法治政府建设。", "一、主要工作",
             f"(一)化解行政争议。一是今年共接收行政复议案件{rng.randint(10, 300)}件。"]
    if rng.random() < 0.7:
        lines.append(f"二是{year}年共有行政诉讼案件{rng.randint(20, 400)}件,败诉率为{rng.uniform(0, 30):.1f}%,"
                     f"行政机关负责人出庭率达{rng.choice([90, 95, 100])}%。")
    if rng.random() < 0.3:
        lines.append("三是复议后案件实现“零败诉”。")
    if rng.random() < 0.6:
        lines.append(f"(二)公共法律服务。受理法律援助案件{rng.randint(50, 3000)}件、法律帮助{rng.randint(50, 3000)}件。")
    lines.append("二、存在的问题\n一是执法水平有待提高。")
    return place, "\n".join(lines), year


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    rng = random.Random(7)
    reports = [synthetic(i, rng) for i in range(n)]
    metas, texts, facts = {}, {}, []
    t0 = time.perf_counter()
    for place, text, year in reports:
        rid = report_id(text)
        texts[rid] = text
        metas[rid] = ReportMeta(id=rid, source=f"{rid}.txt", title=text.split("\n")[0], place=place, year=year)
        facts.extend(extract_facts(text, rid, place, year))
    extract_s = time.perf_counter() - t0
    places = PlaceIndex([m.place for m in metas.values()])
    sections = lru_cache(maxsize=None)(lambda rid: parse_sections(texts[rid]))
    questions = ["哪些地区报告了零败诉?", "Which places report a litigation defeat rate?", "有几份报告给出了法律援助案件数?",
                 "How many reports state zero defeat?", "哪个地区的行政诉讼败诉率最高?", "Which place had the lowest defeat rate?",
                 "哪些地区负责人出庭应诉率达到100%?", "How many 2023 reports give a legal aid figure?"]
    print(f"reports {n}, facts {len(facts)}; extraction {extract_s:.1f} s = {n / extract_s:.0f} reports/s")
    print(f"{'question':55} {'route':8} {'latency':>9}  matched/checked")
    route(analyze("预热", places))  # jieba loads its dictionary once per process (~1 s): not per question
    lat = []
    for question in questions:
        t0 = time.perf_counter()
        q = analyze(question, places)
        plan = route(q)
        if plan.route == "compare":
            ans = exhaustive.compare(q, plan, metas, facts, texts.get, sections)
        else:
            ans = exhaustive.list_or_count_facts(q, plan, metas, facts, texts.get, sections, plan.route)
        dt = time.perf_counter() - t0
        lat.append(dt)
        cov = ans.coverage
        print(f"{question:55} {plan.route:8} {dt * 1000:7.0f}ms  {cov.matched}/{cov.checked}")
    print(f"p50 {statistics.median(lat) * 1000:.0f} ms, max {max(lat) * 1000:.0f} ms (target < 1000 ms)")


if __name__ == "__main__":
    main()
