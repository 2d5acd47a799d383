"""Checks on LLM-phrased answers that need the fact table (pure functions).

generation.verify already requires every number to be inside the sentence's cited quotes. A small
model still pairs a right number with the wrong thing ("314件法律援助" when 314 is 法律帮助), states a target as a
result, or says a 万/亿 figure's digits with another magnitude (9000万元 → "9000 million"). These catch that;
`merge` keeps the verified extractive lines under the phrased summary so nothing can be dropped.
"""
from __future__ import annotations

import re

from ..checks.citations import numbers_in
from ..domain.indicators import mentions
from ..domain.quantity import parse_zh, quantities_in
from ..domain.statements import TARGET_SAID
from ..models import Fact
from ..models import Answer
from .verification import split_sentences


def _rescaled(sentence: str, owners: list[Fact]) -> bool:
    """A 万/亿 figure's digits said with another magnitude: 20574.58万元 → "20574.58 million"."""
    written = [q for f in owners for q in parse_zh(f.value_text) if q.magnitude]
    return any(q.number == w.number and q.value != w.value for q in quantities_in(sentence) for w in written)


def figures_consistent(text: str, cited: list, facts: list[Fact]) -> list[str]:
    """Problems with how the phrased text uses the figures of the cited reports ([] = fine)."""
    problems = []
    rids = {c.report_id for c in cited}
    mine = [f for f in facts if f.report_id in rids and not isinstance(f.value, bool)]
    for sentence in (s for line in re.sub(r"\[\d+\]", "", text).split("\n") for s in split_sentences(line)):
        for n in numbers_in(sentence):
            owners = [f for f in mine if n in numbers_in(f.value_text)]
            if not owners:
                continue
            if not any(mentions(sentence, f.indicator) for f in owners):
                problems.append(f"{n} is not said with what it counts ({owners[0].indicator.label_zh})")
            if _rescaled(sentence, owners):
                problems.append(f"{n}: 万/亿 rescaled")
            if all(f.planned for f in owners) and not TARGET_SAID.search(sentence):
                problems.append(f"{n} is a target in the report, stated as a result")
    return problems


def merge(phrased: Answer, extractive: Answer) -> Answer:
    """Phrased summary first, then the extractive lines, with one numbering (the extractive one)."""
    key_of = {(c.report_id, c.start, c.end): c.key for c in extractive.citations}
    remap = {c.key: key_of.get((c.report_id, c.start, c.end)) for c in phrased.citations}
    if None in remap.values():
        return extractive
    summary = re.sub(r"\[(\d+)\]", lambda m: f"[{remap.get(int(m.group(1)), m.group(1))}]", phrased.answer)
    sep = "\n—— 原文 ——\n" if re.search(r"[\u4e00-\u9fff]", extractive.question) else "\n— Sources —\n"
    return extractive.model_copy(update={"answer": summary.strip() + sep + extractive.answer})
