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
from .render.answer import reading, to_answer
from .render.draft import abstention
from .understand.query import Query
from .understand.followup import resolve
from .understand.route import understand
from .understand.scope import narrow
from .text.spans import sentence_around

CHECKS = (reconcile, near_miss, verify)


def answer(q: Query, ctx: Context, explicit_year: bool) -> Answer:
    """The verified extractive answer to an analyzed question."""
    c = ctx.corpus
    intent = understand(q, c.metas, c.text, bool(c.chunks), explicit_year)
    draft = run(intent, ctx) or abstention(route=intent.route)
    for check in CHECKS:
        draft = check(draft, intent, ctx)
    return to_answer(draft, intent.query.question, intent.lang, intent.unplaced).model_copy(
        update={"standalone_question": q.question})


def _cited_sentences(earlier: Answer, corpus, across: bool) -> list[tuple[str, int, int]]:
    """(report id, start, end) of the sentences an answer cited; `across`: with the parts semicolons join to them."""
    return [(c.report_id, *sentence_around(corpus.text(c.report_id), c.start, c.end, over_semicolons=across))
            for c in earlier.citations if c.report_id in corpus.metas]


def follow_up(q: Query, earlier: Query | None, ctx: Context, explicit_year: bool, reanalyze) -> Answer:
    """A question asked after `earlier` in one conversation (None: the first): made standalone
    (understand/followup.py), answered, and the reading taken shown when it differs from the words asked."""
    c = ctx.corpus
    if earlier is None:
        return answer(q, ctx, explicit_year)
    earlier = narrow(earlier, c.metas, c.text)[0]  # a department's reports stay that department's
    standalone = resolve(q, earlier, c.places, c.metas, reanalyze)
    if standalone is None:
        return answer(q, ctx, explicit_year)
    if standalone.leans:  # "of those", 人次呢: the sentence the answer before cited holds them
        standalone = standalone.model_copy(update={"beside": _cited_sentences(answer(earlier, ctx, explicit_year), c, standalone.leans_across)})
    answered = answer(standalone, ctx, explicit_year)
    return answered.model_copy(update={"question": q.question, "standalone_question": standalone.question,
                                       "notice": reading(standalone.question, q.lang, answered.notice)})
