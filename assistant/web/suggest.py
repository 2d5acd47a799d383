"""Suggested next questions under an answer, built in code from the answer's reports and the figures the fact
table holds for them (never generated text): another figure of the same report, and a comparison when the
answer cites two places. A click asks the question (the page script in views.HEAD).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from html import escape

from ..models import Answer
from .i18n import DEFAULT, t

MAX_SUGGESTIONS = 3


def _places(answer: Answer) -> list[tuple[str, int | None]]:
    """(place, year) of the cited reports, in the order the answer cites them."""
    return list(dict.fromkeys((c.place, c.year) for c in answer.citations if c.place))


def suggestions(answer: Answer, facts_of: Callable[[str, int | None], list], lang: str = DEFAULT) -> list[str]:
    """Up to MAX_SUGGESTIONS questions: per cited report, its most often stated figure the question did not name;
    then a comparison of the first two places."""
    if answer.abstained or not answer.citations:
        return []
    asked, out = answer.question, []
    places = _places(answer)
    for place, year in places[:2]:
        try:
            facts = facts_of(place, year)
        except Exception:  # a place the fact table does not know: no suggestion, never an error
            continue
        common = Counter(f.indicator for f in facts if not f.planned).most_common()
        for indicator, _ in common:
            name = indicator.name_en if lang == "en" else indicator.label_zh
            if indicator.label_zh in asked or indicator.name_en.lower() in asked.lower():
                continue
            out.append(t("suggest_figure", lang, place=place, year=year, name=name) if year
                       else t("suggest_figure_any", lang, place=place, name=name))
            break
    names = list(dict.fromkeys(p for p, _ in places))
    if len(names) >= 2:
        out.append(t("suggest_compare", lang, a=names[0], b=names[1]))
    return list(dict.fromkeys(q for q in out if q != asked))[:MAX_SUGGESTIONS]


def render(questions: list[str], lang: str = DEFAULT) -> str:
    if not questions:
        return ""
    buttons = "".join(f'<button type="button" class="fz-suggest-q">{escape(q)}</button>' for q in questions)
    return f'<div class="fz-suggest"><span class="fz-suggest-head">{escape(t("suggest_head", lang))}</span>{buttons}</div>'


CSS = """
.fz-suggest { display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; margin: .5rem 0 .2rem; }
.fz-suggest-head { font-size: .8rem; font-weight: 600; color: var(--fz-text-2); }
button.fz-suggest-q { font-size: .82rem; padding: .1rem .6rem; border: 1px solid var(--fz-line); border-radius: 999px;
  background: var(--fz-card-bg); color: var(--fz-text); cursor: pointer; }
button.fz-suggest-q:hover, button.fz-suggest-q:focus { border-color: #f59e0b; }
"""
