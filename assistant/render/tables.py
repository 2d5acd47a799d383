"""Table answers: the typed table a handler fills (a row per report, a column per indicator, each cell
the figure as written with its scope and citation), its summary and caveat lines, and the Markdown rows
and public Table it renders to."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..domain.indicators import Indicator
from ..domain.statements import WHOLE_SCOPE
from ..models import Fact, ReportMeta, Table, TableCell, TableRow
from .draft import Line
from .sentences import name
from .slots import P, Cite, Join, Who, render, who_zh


@dataclass(frozen=True)
class Cell:
    """A table cell: the figure as written, what it covers when narrower than the whole, its citation;
    value None means the report does not state it (never zero)."""

    value: str | None
    year: int | None
    scope: object = None  # a slot (T or P) or None
    cite: Cite = field(default_factory=lambda: Cite(()))

    def render(self, lang: str) -> str:
        if self.value is None:
            return P("table.not_reported").render(lang)
        scope = f"({render(self.scope, lang)})" if self.scope is not None else ""
        return f"{self.value}{scope} [{self.cite.keys[0]}]"


@dataclass
class TableDraft:
    columns: list[Indicator]
    rows: list[tuple[ReportMeta, list[Cell]]]

    def renumbered(self, new: dict[int, int]) -> "TableDraft":
        return TableDraft(self.columns, [(m, [replace(c, cite=Cite(tuple(new.get(k, k) for k in c.cite.keys)))
                                              for c in cells]) for m, cells in self.rows])

    def render(self, lang: str) -> Table:
        return Table(columns=[render(name(i), lang) for i in self.columns],
                     rows=[TableRow(label=Who(m, "row").render(lang), report_id=m.id,
                                    cells=[TableCell(value=c.value, year=c.year,
                                                     scope=render(c.scope, lang) if c.scope is not None else None,
                                                     citation=c.cite.keys[0] if c.cite.keys else None)
                                           for c in cells]) for m, cells in self.rows])


def table_lines(table: TableDraft) -> list[Line]:
    head = Join((P("table.report"), *(name(i) for i in table.columns)), " | ", " | ")
    rule = "|" + "---|" * (len(table.columns) + 1)
    lines = [Line("table", "table.row", {"cells": head}), Line("table", "table.rule", {"rule": rule})]
    for m, cells in table.rows:
        lines.append(Line("table", "table.row", {"cells": Join((Who(m, "row"), *cells), " | ", " | ")}))
    return lines


def summary_lines(columns: list[Indicator], rows: list[ReportMeta], facts: dict, in_scope: int,
                  winner: ReportMeta | None, lower: bool) -> list[Line]:
    """Whose figures these are, who ranks first on the one indicator, or which indicators all state."""
    if len(rows) == 1 and in_scope > 1:  # nothing to compare with: say whose figures these are
        return [Line("summary", "table.only_one", {"who": Who(rows[0])})]
    out = []
    if winner is not None:
        ind = columns[0]
        word = ("word.lower" if lower else "word.higher") if ind.kind == "rate" else ("word.fewer" if lower else "word.more")
        if len(rows) > 2:
            word = ("word.lowest" if lower else "word.highest") if ind.kind == "rate" else \
                ("word.fewest" if lower else "word.most")
        out.append(Line("summary", "table.winner", {"who": Who(winner), "name": name(ind), "word": P(word)}))
    elif len(columns) > 1:
        both = [i for i in columns if all(facts[(m.id, i)] for m in rows)]
        some = [i for i in columns if i not in both]
        listed = Join(tuple(name(i) for i in both), "、", ", ") if both else P("table.none_common")
        out.append(Line("summary", "table.every", {"names": listed}))
        if some:
            out.append(Line("summary", "table.some", {"names": Join(tuple(name(i) for i in some), "、", ", ")}))
    return out


def caveat_lines(columns: list[Indicator], rows: list[ReportMeta], facts: dict) -> list[Line]:
    """Different years, scopes or units: flagged, so no ranking is read as like for like."""
    out = []
    years = sorted({m.year for m in rows if m.year}, reverse=True)
    if len(years) > 1:
        out.append(Line("caveat", "table.years_differ", {"years": Join(tuple(map(str, years)), "、", ", ")}))
    for ind in columns:
        stated: list[Fact] = [facts[(m.id, ind)] for m in rows if facts[(m.id, ind)] is not None]
        scopes = {f.scope for f in stated if not WHOLE_SCOPE.match(f.scope)}
        scopes |= {""} if any(WHOLE_SCOPE.match(f.scope) for f in stated) else set()
        if len(stated) > 1 and (len(scopes) > 1 or len({f.unit for f in stated}) > 1):
            out.append(Line("caveat", "table.scopes_differ", {"name": name(ind)}))
    return out


def none_of_these_line(missing: list[ReportMeta]) -> Line:
    names = "、".join(who_zh(m) for m in missing[:12])
    if len(missing) > 12:
        names = P("table.more_names", {"names": names, "n": len(missing)})
    return Line("summary", "table.none_of_these", {"names": names})

