"""The last check: every quote verbatim at its offsets, every marker cited, no number without a source.
A line that fails is dropped and logged; a draft left without a cited line abstains (never raises)."""
from __future__ import annotations

import logging

from ..render.draft import Draft, abstention
from .citations import citation_problems, unsupported_numbers, verify_quote
from ..text.injection import looks_like_injection

log = logging.getLogger(__name__)


def verify(draft: Draft, intent, ctx) -> Draft:
    lang = intent.lang
    texts = {c.report_id: ctx.corpus.text(c.report_id) for c in draft.citations}
    problems = _problems(draft, texts, lang)
    if not problems:
        return draft
    log.warning("dropped unverifiable lines (%s) from the answer to %r", "; ".join(problems), intent.query.question)
    good = {c.key: c for c in draft.citations
            if verify_quote(texts.get(c.report_id, ""), c) and not looks_like_injection(c.quote)}
    lines = []
    for line in draft.lines:
        keys = line.keys()
        cited = [good[k] for k in keys if k in good]
        if len(cited) != len(keys):
            continue
        if not draft.abstained and unsupported_numbers(line.text(lang), cited or draft.citations, draft.coverage):
            continue
        lines.append(line)
    kept_keys = {k for line in lines for k in line.keys()}
    kept = draft.but(lines=lines, citations=[c for c in draft.citations if c.key in kept_keys])
    if draft.abstained or (kept.citations and any(line.text(lang).strip() for line in lines)):
        return kept
    return abstention(route=draft.route)


def _problems(draft: Draft, texts: dict[str, str], lang: str) -> list[str]:
    problems = citation_problems(draft.citations, texts)
    keys = {c.key for c in draft.citations}
    problems += [f"marker [{k}] has no citation" for line in draft.lines for k in line.keys() if k not in keys]
    if not draft.abstained:
        text = "\n".join(line.text(lang) for line in draft.lines)
        if missing := unsupported_numbers(text, draft.citations, draft.coverage):
            problems.append(f"numbers without a cited source: {sorted(missing)}")
    return problems
