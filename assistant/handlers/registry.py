"""Handlers registered by name, and for each kind of intent the handlers tried in order (the fallbacks as
data): the first that returns a draft answers. Adding a question shape is one intent, one routing rule
(understand/route.py), one handler file and one line here."""
from __future__ import annotations

from collections.abc import Callable

from ..reading.corpus import Context
from ..render.draft import Draft

Handler = Callable[..., Draft | None]
HANDLERS: dict[str, Handler] = {}

ROUTES: dict[str, tuple[str, ...]] = {
    "outside": ("outside",),
    "filtered_out": ("filtered_out",),
    "no_report": ("no_report",),
    "off_subject": ("off_subject",),
    "unclear": ("unclear",),
    "about_report": ("about_report",),
    "report_list": ("report_list",),
    "claim_list": ("fact_list",),
    "figure_list": ("fact_list",),
    "mention_list": ("keyword_scan",),
    "aspect_list": ("aspect_scan",),
    "per_report": ("fact_table", "fact_list"),
    "compare": ("fact_table", "overview", "compare_not_stated", "sentence_reader"),
    "overview": ("overview",),
    "lookup": ("fact_lookup", "figure_reader", "figure_not_stated", "sentence_reader"),
    "open": ("sentence_reader",),
    "quoted": ("quoted",),
}


def handler(name: str):
    """Register a function `(intent, ctx) -> Draft | None` under `name`."""
    def register(fn: Handler) -> Handler:
        HANDLERS[name] = fn
        return fn
    return register


def run(intent, ctx: Context) -> Draft | None:
    """The first draft of the intent's handlers, stamped with the handler that made it."""
    for name in ROUTES[intent.kind]:
        draft = HANDLERS[name](intent, ctx)
        if draft is not None:
            return draft.but(made_by=name)
    return None
