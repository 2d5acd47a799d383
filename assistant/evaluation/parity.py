"""Parity of the two languages (eval/parity-*.jsonl): the same figure asked in Chinese and in English must
get the same value, at the right magnitude, in the answer's first sentence.

Pairs are question ids `pNN-zh` / `pNN-en`. `parity` counts, per half: Chinese right, English right, the
English answer stating the value in English digits (579,500, not only 57.95万), the
English answer giving the Chinese answer's value, and figures at a wrong magnitude in either language (the
answer cites the clause of the gold figure but states it times a power of ten: 57.95万 as 57.95 million).
"""
from __future__ import annotations

from decimal import Decimal

from .matching import MARKER, first_sentence, gold_quantity, has_value, quantities
from ..domain.quantity import parse_en
from ..models import Answer
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


def _misscaled(answer: Answer, gold_value, gold: Decimal) -> bool:
    """The answer cites the clause holding the gold figure and states it at another magnitude."""
    cites_it = any(has_value(c.quote, gold_value) for c in answer.citations)
    return cites_it and _wrong_magnitude(_values(answer.answer), gold)


def parity(questions: list[EvalQuestion], answers: dict[str, Answer]) -> dict:
    """Counts and rates over the pairs whose both questions were answered (`answers`: id → Answer)."""
    by_pair: dict[str, dict[str, EvalQuestion]] = {}
    for q in questions:
        pair, _, lang = q.id.rpartition("-")
        by_pair.setdefault(pair, {})[lang] = q
    n = zh_right = en_right = same = wrong = in_english = 0
    failures: list[str] = []
    for pair, qs in sorted(by_pair.items()):
        if set(qs) != {"zh", "en"} or not all(q.id in answers for q in qs.values()):
            continue
        gold_value = qs["zh"].answer.values[0]
        gold = gold_quantity(gold_value).value
        zh, en = (first_sentence(answers[qs[lang].id].answer) for lang in ("zh", "en"))
        zh_ok, en_ok = has_value(MARKER.sub("", zh), gold_value), has_value(MARKER.sub("", en), gold_value)
        zh_values, en_values = _values(zh), _values(en)
        n += 1
        zh_right += zh_ok
        en_right += en_ok
        in_english += any(q.value == gold for q in parse_en(MARKER.sub("", en)))  # 579,500, not only 57.95万
        same += bool((zh_ok and en_ok) or (not zh_ok and zh_values & en_values - {gold}))
        bad = sum(_misscaled(answers[qs[lang].id], gold_value, gold) for lang in ("zh", "en"))
        wrong += bad
        if not en_ok or bad:
            failures.append(pair)
    rate = (lambda k: round(k / n, 3) if n else 0.0)
    return {"pairs": n, "zh_right": rate(zh_right), "en_right": rate(en_right), "en_in_english_digits": rate(in_english),
            "en_same_as_zh": rate(same),
            "wrong_magnitude": wrong, "failures": failures}
