"""The curated question set itself: schema, mix, and every gold quote verbatim in its report."""
from collections import Counter
from pathlib import Path

import pytest

from assistant.ingest.cleaning import clean
from assistant.evaluation.questions import load_questions
from conftest import REPORTS

QUESTIONS = load_questions(Path(__file__).resolve().parent.parent / "eval" / "questions.jsonl")


def test_mix_meets_the_brief():
    kinds = Counter(q.kind for q in QUESTIONS)
    assert len(QUESTIONS) >= 80
    assert kinds["list"] + kinds["count"] + kinds["compare"] >= 20
    assert kinds["open"] >= 8 and kinds["unanswerable"] >= 10
    assert sum(q.lang == "en" for q in QUESTIONS) >= 0.25 * len(QUESTIONS)


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.id)
def test_evidence_is_verbatim_in_the_cleaned_report(q):
    for ev in q.evidence:
        raw = (REPORTS / ev.source).read_text(encoding="utf-8")
        assert ev.quote in clean(raw).text, (q.id, ev.quote)
