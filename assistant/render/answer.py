"""Render once: a checked draft → the Answer, every line in the question's language."""
from __future__ import annotations

from ..models import Answer, AnswerLine
from .draft import Draft, Line
from .slots import Join, fill


def to_answer(draft: Draft, question: str, lang: str, unplaced: list[str] = ()) -> Answer:
    """The answer text (each line once), its citations and what it asserts; `unplaced`: names answered from
    reports that name no place, said before anything else."""
    lines = list(draft.lines)
    if unplaced and not draft.abstained:
        lines.insert(0, Line("caveat", "caveat.unplaced", {"names": Join(tuple(unplaced), "、", "、")}))
    rendered: dict[str, Line] = {}
    for line in lines:
        rendered.setdefault(line.text(lang), line)
    return Answer(question=question, answer="\n".join(rendered), citations=draft.citations, abstained=draft.abstained,
                  route=draft.route, places=draft.places, coverage=draft.coverage,
                  table=draft.table.render(lang) if draft.table is not None else None,
                  lines=[AnswerLine(text=text, role=line.role, keys=line.keys(), scope_differs=line.scope_differs)
                         for text, line in rendered.items()])


def reading(standalone: str, lang: str, notice: str | None = None) -> str:
    """The notice of a follow-up: which question was answered, before any other notice."""
    said = fill("followup.reading", {"question": standalone}, lang)
    return f"{said}; {notice}" if notice else said
