"""One question, top to bottom:

    understand (understand/)  question → a typed Intent (places, year, reports in scope, what is asked)
    handle     (handlers/)    the intent's handlers in their registered order; the first draft wins
    check      (checks/)      reconcile with the fact table → near misses → verify quotes and numbers
    render     (render/)      the draft → an Answer in the question's language

Phrasing by an LLM and its guard come after this, in `Assistant.ask` (assistant/llm/)."""
from __future__ import annotations

from . import handlers  # noqa: F401  (registers every handler)
from .checks.near_miss import near_miss
from .checks.reconcile import reconcile
from .checks.verify import verify
from .handlers.registry import run
from .models import Answer
from .reading.corpus import Context
from .render.answer import to_answer
from .render.draft import abstention
from .understand.query import Query
from .understand.route import understand

CHECKS = (reconcile, near_miss, verify)


def answer(q: Query, ctx: Context, explicit_year: bool) -> Answer:
    """The verified extractive answer to an analyzed question."""
    c = ctx.corpus
    intent = understand(q, c.metas, c.text, bool(c.chunks), explicit_year)
    draft = run(intent, ctx) or abstention(route=intent.route)
    for check in CHECKS:
        draft = check(draft, intent, ctx)
    return to_answer(draft, intent.query.question, intent.lang, intent.unplaced)
