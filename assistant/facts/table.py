"""Comparisons and per-report answers as a table: one row per report, one column per indicator,
each cell the figure as written with its year, scope and citation — or "not reported" (never zero).

A ranking is said in one sentence only for one indicator; when the reports cover different years,
scopes or units the sentence says so instead of ranking silently. "compare A and B" without an
indicator compares every indicator the reports state, those both state first.
"""
from __future__ import annotations

import re

from ..answer.analyze import Query
from ..answer.lead import who_en, who_zh
from ..answer.plan import Plan
from ..models import Answer, Coverage, ReportMeta, Table, TableCell, TableRow
from .builder import Builder, clause_span
from .extract import Fact
from .indicators import Indicator, families_named
from .scope import is_partial, primary, scope_reports

_LOWER = re.compile(r"更低|更少|较低|较少|最低|最少|lower|fewer|less|least|lowest", re.I)
PER_REPORT = re.compile(r"各报告|每份报告|各份报告|各地|各地区|各个|分别|逐一|\beach (?:report|place|county|district|city)\b|"
                        r"\bper report\b|\bfor each\b|\bevery report\b", re.I)
_RANKS = re.compile(r"比较|对比|谁|哪个|哪一|最|更|compare|versus|\bvs\b|which|most|least|highest|lowest|more|fewer", re.I)
_GENERAL = re.compile(r"情况|方面|工作|数据|数字|指标|figures|numbers|situation|performance|record", re.I)
MAX_COLUMNS = 6
_WHOLE = re.compile(r"^全[年市区县镇省州旗]?$")


def columns_for(q: Query, plan: Plan, reports: list[ReportMeta], facts: list[Fact]) -> list[Indicator]:
    """The asked indicators; their whole families when the question is general (…的行政复议情况);
    every indicator the reports state when it names none ("compare Linhai and Pingluo")."""
    ids = {m.id for m in reports}
    stated: dict[Indicator, set[str]] = {}
    for f in facts:
        if f.report_id in ids and not f.planned and not isinstance(f.value, bool):
            stated.setdefault(f.indicator, set()).add(f.report_id)
    asked = [i for i in plan.indicators if i.kind != "claim"]
    if asked and not _GENERAL.search(q.question):
        return asked[:MAX_COLUMNS]
    families = {i.family for i in asked} | families_named(q.question)
    if not families and q.tokens:  # it names something no indicator covers (示范村): the reader's question
        return []
    pool = [i for i in Indicator if i in stated and (not families or i.family in families)]
    pool.sort(key=lambda i: (i not in asked, -len(stated[i]), list(Indicator).index(i)))
    return pool[:MAX_COLUMNS]


def table_answer(q: Query, plan: Plan, metas, facts: list[Fact], text, sections, route: str) -> Answer | None:
    reports = scope_reports(metas, q, plan)
    columns = columns_for(q, plan, reports, facts)
    if len(reports) < 2 or not columns:
        return None
    b = Builder(q, metas, text, sections)
    cells = {(m.id, i): _cell(b, facts, m, i, q.question) for m in reports for i in columns}
    rows = [m for m in reports if any(cells[(m.id, i)][0].value for i in columns)]
    if len(columns) == 1:  # a ranking reads top-down
        lower = bool(_LOWER.search(q.question))
        rows.sort(key=lambda m: (cells[(m.id, columns[0])][1] is None,
                                 (1 if lower else -1) * float(cells[(m.id, columns[0])][1].value)
                                 if cells[(m.id, columns[0])][1] is not None else 0))
    if not rows:
        return None
    table = Table(columns=[_name(i, q.lang) for i in columns],
                  rows=[TableRow(label=_label(m, q.lang), report_id=m.id, cells=[cells[(m.id, i)][0] for i in columns])
                        for m in rows])
    b.lines += _summary(q, columns, rows, cells, len(reports))
    b.lines += _markdown(table, q.lang)
    b.lines += b.evidence()
    missing = [m for m in reports if m not in rows]
    if missing:
        names = "、".join(who_zh(m) for m in missing[:12]) + (f"等{len(missing)}份" if len(missing) > 12 else "")
        b.lines.append(f"未报告以上任何一项:{names}。" if q.lang == "zh" else f"Report none of these: {names}.")
    winner = _winner(q, columns, rows, cells)
    places = [winner.place or winner.source] if winner else [m.place or m.source for m in rows]
    whole = [m for m in rows if any(cells[(m.id, i)][1] is not None for i in columns)]
    answer = b.answer(route, places, Coverage(checked=len(reports), matched=len(whole), related=len(rows) - len(whole),
                                              not_reported=len(missing)))
    for row in table.rows:
        for cell in row.cells:
            cell.citation = b.renumbered.get(cell.citation) if cell.citation else None
    return answer.model_copy(update={"table": table})


def _cell(b: Builder, facts: list[Fact], m: ReportMeta, ind: Indicator, question: str) -> tuple[TableCell, Fact | None]:
    """The report's figure for one column; a figure for only a part (涉企, 上半年) is shown with its
    scope but takes no part in a ranking (its fact is None)."""
    mine = [f for f in facts if f.report_id == m.id and f.indicator == ind]
    whole = primary([f for f in mine if not is_partial(f, question)])
    f = whole or primary(mine)
    if f is None:
        return TableCell(value=None, year=m.year), None
    key = b.cite(f.report_id, *clause_span(b.text(f.report_id), f))
    scope = f.scope or None
    if whole is None:
        scope = f"{f.scope},仅部分口径,未参与比较" if b.q.lang == "zh" else f"{f.scope}, only part of the total, not compared"
    return TableCell(value=f.value_text, year=m.year, scope=scope, citation=key), whole


def _name(ind: Indicator, lang: str) -> str:
    return ind.label_zh if lang == "zh" else ind.name_en


def _label(m: ReportMeta, lang: str) -> str:
    return f"{who_zh(m)}({m.year or '年份不详'})" if lang == "zh" else f"{who_en(m)}, {m.year or 'year unknown'}"


def _winner(q: Query, columns: list[Indicator], rows: list[ReportMeta], cells) -> ReportMeta | None:
    """The report ranked first on the one indicator compared (None when several are compared, or
    when the question lists per report and ranks nothing)."""
    if len(columns) != 1 or (PER_REPORT.search(q.question) and not _RANKS.search(q.question)):
        return None
    have = [(m, cells[(m.id, columns[0])][1]) for m in rows if cells[(m.id, columns[0])][1] is not None]
    if len(have) < 2:
        return None
    pick = min if _LOWER.search(q.question) else max
    return pick(have, key=lambda mf: float(mf[1].value))[0]


def _summary(q: Query, columns: list[Indicator], rows: list[ReportMeta], cells, in_scope: int) -> list[str]:
    zh = q.lang == "zh"
    out = []
    if len(rows) == 1 and in_scope > 1:  # nothing to compare with: say whose figures these are
        who = who_zh(rows[0]) if zh else who_en(rows[0])
        return [f"只有{who}写明了这些数字,其他报告都没有写明。" if zh else
                f"Only {who} states these figures; the other report(s) state none of them."]
    if (winner := _winner(q, columns, rows, cells)) is not None:
        ind = columns[0]
        lower = bool(_LOWER.search(q.question))
        word = ("更低" if lower else "更高") if ind.kind == "rate" else ("更少" if lower else "更多")
        en = ("lower" if lower else "higher") if ind.kind == "rate" else ("fewer" if lower else "more")
        if len(rows) > 2:
            word, en = ("最低" if lower else "最高") if ind.kind == "rate" else ("最少" if lower else "最多"), \
                ("the lowest" if lower else "the highest") if ind.kind == "rate" else ("the fewest" if lower else "the most")
        out.append(f"按报告所写,{who_zh(winner)}的{ind.label_zh}{word}。" if zh
                   else f"As reported, {who_en(winner)} has {en} {ind.name_en}.")
    elif len(columns) > 1:
        both = [i for i in columns if all(cells[(m.id, i)][1] for m in rows)]
        some = [i for i in columns if i not in both]
        if zh:
            out.append("各报告都写明了:" + ("、".join(i.label_zh for i in both) if both else "(没有共同的指标)") + "。")
            if some:
                out.append("只有部分报告写明:" + "、".join(i.label_zh for i in some) + "。")
        else:
            out.append("Stated by every report: " + (", ".join(i.name_en for i in both) if both else "(none in common)") + ".")
            if some:
                out.append("Stated by only some: " + ", ".join(i.name_en for i in some) + ".")
    out += _caveats(q, columns, rows, cells)
    return out


def _caveats(q: Query, columns: list[Indicator], rows: list[ReportMeta], cells) -> list[str]:
    """Different years, scopes or units: flagged, so no ranking is read as like for like."""
    zh, out = q.lang == "zh", []
    years = sorted({m.year for m in rows if m.year}, reverse=True)
    if len(years) > 1:
        ys = "、".join(map(str, years))
        out.append(f"注意:各报告年份不同({ys}),数字不是同一年的。" if zh else
                   f"Note: the reports cover different years ({', '.join(map(str, years))}); the figures are not from the same year.")
    for ind in columns:
        facts = [cells[(m.id, ind)][1] for m in rows if cells[(m.id, ind)][1] is not None]
        scopes = {f.scope for f in facts if not _WHOLE.match(f.scope)}
        scopes |= {""} if any(_WHOLE.match(f.scope) for f in facts) else set()
        units = {f.unit for f in facts}
        if len(facts) > 1 and (len(scopes) > 1 or len(units) > 1):
            what = _name(ind, q.lang)
            out.append(f"注意:{what}的口径或单位不同(见表中括号),比较仅供参考。" if zh else
                       f"Note: {what} is stated with different scopes or units (see the table); compare with care.")
    return out


def _markdown(table: Table, lang: str) -> list[str]:
    head = "报告" if lang == "zh" else "Report"
    none = "未报告" if lang == "zh" else "not reported"
    lines = ["| " + " | ".join([head, *table.columns]) + " |", "|" + "---|" * (len(table.columns) + 1)]
    for row in table.rows:
        vals = [none if c.value is None else f"{c.value}{f'({c.scope})' if c.scope else ''} [{c.citation}]"
                for c in row.cells]
        lines.append("| " + " | ".join([row.label, *vals]) + " |")
    return lines
