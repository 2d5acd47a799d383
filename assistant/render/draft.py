"""A draft answer: typed lines, each a phrase key with its slots, and the citations its markers point
at. Handlers build drafts, checks take a draft and give one back, render turns it into text once."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..models import Citation, Coverage
from .slots import P, Cite, Join, fill

ROLES = ("lead", "evidence", "related", "not_stated", "caveat", "table", "item", "summary", "abstain")


@dataclass(frozen=True)
class Line:
    role: str  # one of ROLES: what the line does in the answer
    phrase: str  # key in domain/phrases.PHRASES
    slots: dict = field(default_factory=dict)
    scope_differs: bool = False  # its figure covers another scope than asked (a phrasing must say so)

    def text(self, lang: str) -> str:
        return fill(self.phrase, self.slots, lang)

    def keys(self) -> list[int]:
        """The citation keys the line's markers show, in order."""
        out: list[int] = []
        for value in self.slots.values():
            _collect(value, out)
        return out

    def renumbered(self, new: dict[int, int]) -> "Line":
        return replace(self, slots={k: _remap(v, new) for k, v in self.slots.items()})


def _collect(value, out: list[int]) -> None:
    if isinstance(value, Cite):
        out.extend(value.keys)
    elif isinstance(value, P):
        for v in value.slots.values():
            _collect(v, out)
    elif isinstance(value, Join):
        for v in value.items:
            _collect(v, out)
    elif hasattr(value, "cite"):
        _collect(value.cite, out)


def _remap(value, new: dict[int, int]):
    if isinstance(value, Cite):
        return replace(value, keys=tuple(new.get(k, k) for k in value.keys))
    if isinstance(value, P):
        return replace(value, slots={k: _remap(v, new) for k, v in value.slots.items()})
    if isinstance(value, Join):
        return replace(value, items=tuple(_remap(v, new) for v in value.items))
    if hasattr(value, "cite"):
        return replace(value, cite=_remap(value.cite, new))
    return value


@dataclass
class Draft:
    """What a handler found: lines in order, their citations, and what the answer asserts."""

    lines: list[Line]
    citations: list[Citation] = field(default_factory=list)
    route: str | None = None
    abstained: bool = False
    places: list[str] | None = None
    coverage: Coverage | None = None
    table: object = None  # a render/tables.TableDraft: rendered with the answer
    made_by: str = ""  # the handler that made it (checks apply to some handlers' drafts only)

    def but(self, **changes) -> "Draft":
        return replace(self, **changes)


def abstention(*reasons: Line, route: str | None = None) -> Draft:
    """The fixed "cannot answer", with the reason lines that say why."""
    return Draft(lines=[Line("abstain", "not_found"), *reasons], abstained=True, route=route)


def reason(key: str, **slots) -> Line:
    return Line("abstain", key, slots)
