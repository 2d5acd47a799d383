"""A question whose pronoun has nothing to stand for ("它的纠错率呢?" asked first): ask which place is
meant instead of quoting every report."""
from __future__ import annotations

import re

from ..domain import cues
from ..render.draft import Draft, reason
from .registry import handler


@handler("unclear")
def unclear(intent, ctx) -> Draft:
    m = cues.REFER_SCOPE.search(intent.query.question) or re.search(r"其中", intent.query.question)
    # no "not found" line: nothing was searched, the question is asked back
    return Draft(lines=[reason("reason.unclear", word=m.group().strip() if m else "?")], abstained=True)
