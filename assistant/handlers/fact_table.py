"""Comparisons and per-report answers as a table: one row per report, one column per indicator, each
cell the figure as written with its year, scope and citation — or "not reported" (never zero).

A ranking is said in one sentence only for one indicator; when the reports cover different years,
scopes or units the sentence says so instead of ranking silently. "compare A and B" without an
indicator compares every indicator the reports state, those both state first.
"""
from __future__ import annotations

from ..domain.indicators import Indicator
from ..facts.quote import clause_span
from ..models import Coverage, Fact, ReportMeta
from ..reading.select import is_partial, primary, scope_reports
from ..render.builder import Builder
from ..render.draft import Draft
from ..render.slots import P, Cite, T
from ..render.tables import Cell, TableDraft, caveat_lines, none_of_these_line, summary_lines, table_lines
from .registry import handler


@handler("fact_table")
def fact_table(intent, ctx) -> Draft | None:
    c = ctx.corpus
    reports = scope_reports(c.metas, intent.query, intent.filters)
    if len(reports) < 2:
        return None
    in_scope = c.facts.of({m.id for m in reports})  # selected in SQL, not every fact scanned here
    columns = columns_for(intent, reports, in_scope, ctx.tuning.table_max_columns)
    if not columns:
        return None
    b = Builder(c.metas, *c.reading({f.report_id for f in in_scope}))  # the reports a cell may cite, at once
    per_cell: dict[tuple[str, Indicator], list[Fact]] = {}
    for f in in_scope:
        per_cell.setdefault((f.report_id, f.indicator), []).append(f)
    cells = {(m.id, i): _cell(b, per_cell.get((m.id, i), []), m, i, intent.asks.partial_named)
             for m in reports for i in columns}
    facts = {k: f for k, (_, f) in cells.items()}
    rows = [m for m in reports if any(cells[(m.id, i)][0].value for i in columns)]
    if len(columns) == 1:  # a ranking reads top-down
        sign = 1 if intent.asks.lower else -1
        rows.sort(key=lambda m: (facts[(m.id, columns[0])] is None,
                                 sign * float(facts[(m.id, columns[0])].value) if facts[(m.id, columns[0])] else 0))
    if not rows:
        return None
    table = TableDraft(columns, [(m, [cells[(m.id, i)][0] for i in columns]) for m in rows])
    winner = _winner(intent, columns, rows, facts)
    b.lines += summary_lines(columns, rows, facts, len(reports), winner, intent.asks.lower)
    b.lines += caveat_lines(columns, rows, facts)
    b.lines += table_lines(table)
    b.lines += b.evidence()
    missing = [m for m in reports if m not in rows]
    if missing:
        b.lines.append(none_of_these_line(missing))
    places = [winner.place or winner.source] if winner else [m.place or m.source for m in rows]
    whole = [m for m in rows if any(facts[(m.id, i)] is not None for i in columns)]
    coverage = Coverage(checked=len(reports), matched=len(whole), related=len(rows) - len(whole),
                        not_reported=len(missing))
    return b.finish(intent.route, places, coverage, table=table)


def columns_for(intent, reports: list[ReportMeta], facts: list[Fact], limit: int) -> list[Indicator]:
    """The asked indicators; their whole families when the question is general (…的行政复议情况);
    every indicator the reports state when it names none ("compare Linhai and Pingluo")."""
    ids = {m.id for m in reports}
    stated: dict[Indicator, set[str]] = {}
    for f in facts:
        if f.report_id in ids and not f.planned and not isinstance(f.value, bool):
            stated.setdefault(f.indicator, set()).add(f.report_id)
    asked = [i for i in intent.indicators if i.kind != "claim"]
    if asked and not intent.asks.general:
        return asked[:limit]
    families = {i.family for i in asked} | set(intent.families)
    if not families and intent.query.tokens:  # it names something no indicator covers (示范村): the reader's question
        return []
    pool = [i for i in Indicator if i in stated and (not families or i.family in families)]
    pool.sort(key=lambda i: (i not in asked, -len(stated[i]), list(Indicator).index(i)))
    return pool[:limit]


def _cell(b: Builder, mine: list[Fact], m: ReportMeta, ind: Indicator, named: list[str]) -> tuple[Cell, Fact | None]:
    """The report's figure for one column (`mine`: its facts of that indicator); a figure for only a part
    (涉企, 上半年) is shown with its scope but takes no part in a ranking (its fact is None)."""
    whole = primary([f for f in mine if not is_partial(f, named)])
    f = whole or primary(mine)
    if f is None:
        return Cell(value=None, year=m.year), None
    key = b.cite(f.report_id, *clause_span(b.text(f.report_id), f))
    scope = (T(f.scope) if f.scope else None) if whole is not None else P("table.partial", {"scope": f.scope})
    return Cell(value=f.value_text, year=m.year, scope=scope, cite=Cite((key,))), whole


def _winner(intent, columns: list[Indicator], rows: list[ReportMeta], facts: dict) -> ReportMeta | None:
    """The report ranked first on the one indicator compared (None when several are compared, or
    when the question lists per report and ranks nothing)."""
    if len(columns) != 1 or (intent.asks.per_report and not intent.asks.ranks):
        return None
    have = [(m, facts[(m.id, columns[0])]) for m in rows if facts[(m.id, columns[0])] is not None]
    if len(have) < 2:
        return None
    pick = min if intent.asks.lower else max
    return pick(have, key=lambda mf: float(mf[1].value))[0]
