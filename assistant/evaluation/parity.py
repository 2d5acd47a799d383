"""Parity of the two languages (eval/parity-*.jsonl): the same figure asked in Chinese and in English must
get the same value, at the right magnitude, in the answer's first sentence.

Pairs are question ids `pNN-zh` / `pNN-en`. `parity` counts, per half: Chinese right, English right, the
English answer giving the Chinese answer's value, and figures at a wrong magnitude (the gold value times a
power of ten: 57.95万 said as 57.95 million) in either language.
"""
from __future__ import annotations

from decimal import Decimal

from .matching import MARKER, first_sentence, gold_quantity, has_value, quantities
from .questions import EvalQuestion


def _values(text: str) -> set[Decimal]:
    return {q.value for q in quantities(MARKER.sub("", first_sentence(text)))}


def _wrong_magnitude(values: set[Decimal], gold: Decimal) -> bool:
    """A value that is the gold one times 10^k (k ≠ 0): the digits right, the magnitude wrong."""
    for v in values:
        if v and gold and v != gold:
            ratio = v / gold if v > gold else gold / v
            if ratio == ratio.to_integral_value() and str(int(ratio)).strip("0") == "1":
                return True
    return False


def parity(questions: list[EvalQuestion], answers: dict[str, str]) -> dict[str, float]:
    """Counts and rates over the pairs whose both questions were answered (`answers`: id → answer text)."""
    by_pair: dict[str, dict[str, EvalQuestion]] = {}
    for q in questions:
        pair, _, lang = q.id.rpartition("-")
        by_pair.setdefault(pair, {})[lang] = q
    n = zh_right = en_right = same = wrong = 0
    failures: list[str] = []
    for pair, qs in sorted(by_pair.items()):
        if set(qs) != {"zh", "en"} or not all(q.id in answers for q in qs.values()):
            continue
        gold_value = qs["zh"].answer.values[0]
        gold = gold_quantity(gold_value).value
        zh, en = (first_sentence(answers[qs[lang].id]) for lang in ("zh", "en"))
        zh_ok, en_ok = has_value(MARKER.sub("", zh), gold_value), has_value(MARKER.sub("", en), gold_value)
        zh_values, en_values = _values(zh), _values(en)
        n += 1
        zh_right += zh_ok
        en_right += en_ok
        same += bool((zh_ok and en_ok) or (not zh_ok and zh_values & en_values - {gold}))
        bad = _wrong_magnitude(zh_values, gold) + _wrong_magnitude(en_values, gold)
        wrong += bad
        if not en_ok or bad:
            failures.append(pair)
    rate = (lambda k: round(k / n, 3) if n else 0.0)
    return {"pairs": n, "zh_right": rate(zh_right), "en_right": rate(en_right), "en_same_as_zh": rate(same),
            "wrong_magnitude": wrong, "failures": failures}
