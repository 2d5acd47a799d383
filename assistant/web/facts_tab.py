"""The Facts tab: the fact table (Chinese indicator names, a row count, a CSV with the same columns),
one indicator charted across places (bars) and years (lines), and a selected row or point shown
with its verbatim quote and opened in the report viewer at that passage.
"""
from __future__ import annotations

import csv
import tempfile
from collections import Counter
from html import escape
from pathlib import Path

import gradio as gr
import pandas as pd

from ..errors import FazhiError
from ..domain.indicators import Indicator
from ..text.spreadsheet import neutralised_row
from . import viewer
from .i18n import t

ALL = "all"
COLUMN_KEYS = ("col_place", "col_year", "indicator", "col_value", "col_scope", "col_plan", "col_quote", "col_section")
QUOTE_COL = COLUMN_KEYS.index("col_quote")
TABLE_QUOTE_CHARS = 60  # a quote's start in the table (the whole quote opens below it and in the CSV)
# a figure in another unit of the same scale is converted, so one axis keeps one unit
SAME_SCALE = {"亿元": ("万元", 10_000.0), "元": ("万元", 0.0001), "名": ("人", 1.0), "万人": ("人", 10_000.0)}


def columns(lang: str = "zh") -> list[str]:
    return [t(k, lang) for k in COLUMN_KEYS]


def indicator_label(indicator, lang: str = "zh") -> str:
    """An indicator's name for people (the Chinese label, or the English name); unknown ids as given."""
    try:
        ind = indicator if isinstance(indicator, Indicator) else Indicator(str(indicator))
    except ValueError:
        return str(indicator or "")
    return ind.name_en if lang == "en" else ind.label_zh


def indicator_choices(lang: str = "zh") -> list[tuple[str, str]]:
    return [(t("all", lang), "")] + [(indicator_label(i, lang), i.value) for i in Indicator]


def table_row(fact, lang: str = "zh") -> list:
    """One fact as the table shows it (and the CSV writes it): place, year, indicator name, figure, …"""
    value = fact.value_text or (f"{fact.value:g}{fact.unit}" if not isinstance(fact.value, bool) else "")
    return [fact.place or "", fact.year or "", indicator_label(fact.indicator, lang), value, fact.scope or "",
            t("yes", lang) if fact.planned else "", fact.quote, fact.section or ""]


def _short(quote: str) -> str:
    return quote if len(quote) <= TABLE_QUOTE_CHARS else quote[:TABLE_QUOTE_CHARS] + "…"


def write_csv(path, headers: list[str], rows: list[list]) -> None:
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:  # BOM: Excel opens the Chinese correctly
        writer = csv.writer(fh)
        writer.writerow(headers)
        writer.writerows(map(neutralised_row, rows))


def _numeric(fact) -> tuple[float, str] | None:
    if isinstance(fact.value, bool) or fact.value is None:
        return None
    unit, scale = SAME_SCALE.get(fact.unit, (fact.unit, 1.0))
    return float(fact.value) * scale, unit


def chart_points(facts: list) -> tuple[list[dict], str]:
    """Plottable points of one indicator: results (not plans) in its most common unit, one per place and
    year (the whole-place figure when the report states one, else the first it states, scope kept);
    returns (points, unit)."""
    points = {}
    for f in facts:
        num = _numeric(f)
        if num is None or f.planned or not f.place or not f.year:
            continue
        key = (f.place, f.year)
        if key not in points or (points[key][1].scope and not f.scope):
            points[key] = (num, f)
    units = Counter(unit for (_, unit), _ in points.values())
    if not units:
        return [], ""
    unit = units.most_common(1)[0][0]
    out = [{"place": p, "year": int(y), "value": v, "scope": f.scope or "", "report_id": f.report_id,
            "start": f.start, "end": f.end, "quote": f.quote, "indicator": f.indicator.value}
           for (p, y), ((v, u), f) in sorted(points.items(), key=lambda kv: (kv[0][1], kv[0][0])) if u == unit]
    return out, unit


def bar_frame(points: list[dict]) -> pd.DataFrame:
    """Across places: each place's latest year."""
    latest = {}
    for p in points:
        if p["place"] not in latest or p["year"] > latest[p["place"]]["year"]:
            latest[p["place"]] = p
    rows = sorted(latest.values(), key=lambda p: -p["value"])
    return pd.DataFrame({"place": [p["place"] for p in rows], "value": [float(p["value"]) for p in rows],
                         "year": [p["year"] for p in rows], "scope": [p["scope"] for p in rows]},
                        columns=["place", "value", "year", "scope"])


def line_frame(points: list[dict]) -> pd.DataFrame:
    """Across years: one line per place."""
    return pd.DataFrame({"year": [p["year"] for p in points], "value": [float(p["value"]) for p in points],
                         "place": [p["place"] for p in points], "scope": [p["scope"] for p in points]},
                        columns=["year", "value", "place", "scope"])


def render_quote(point: dict, lang: str = "zh") -> str:
    """A selected fact: what it is, its verbatim quote, and a link to the passage in the report."""
    head = " · ".join(escape(str(x)) for x in (point.get("place"), point.get("year"),
                                                 indicator_label(point.get("indicator"), lang)) if x)
    return (f'<div class="fz-fact-quote"><div class="fz-meta">{head}'
            f'{viewer.open_link(point["report_id"], point["start"], point["end"], lang)}</div>'
            f'<blockquote class="fz-para"><mark>{escape(point.get("quote") or "")}</mark></blockquote></div>')


def _selected(points: list[dict], value) -> list[dict]:
    """The points a plot selection covers: a list of places (bars) or a [from, to] range of years (lines)."""
    values = value if isinstance(value, (list, tuple)) else [value]
    if len(values) == 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        lo, hi = sorted(values)
        return [p for p in points if lo - 0.5 <= p["year"] <= hi + 0.5]
    names = {str(v) for v in values}
    return [p for p in points if p["place"] in names]


class FactsTab:
    """Handlers of the Facts tab; `web` is the page's WebApp (its lock, CSV folder and facts API)."""

    def __init__(self, web, viewer_handlers: viewer.Viewer):
        self.web = web
        self.viewer = viewer_handlers
        self.csv_dir = Path(tempfile.mkdtemp(prefix="fazhi-facts-"))  # one CSV per filter, overwritten

    def _facts(self, indicator, place, year) -> list:
        if year in (None, "", ALL):
            year = None
        elif not str(year).isdigit():
            raise FazhiError(f"year must be a 4-digit year such as 2023 or '{ALL}', got '{str(year)[:20]}'")
        with self.web.lock.read():
            return self.web.assistant.facts(indicator=indicator or None, place=place or None,
                                            year=int(year) if year else None)

    def view(self, indicator, place, year, lang: str = "zh", request: gr.Request = None):
        """(table, row count, CSV button, bar plot, line plot, chart note, rows' facts, chart points)."""
        self.web.user(request)
        try:
            found = self._facts(indicator, place, year)
        except FazhiError as err:
            hidden = gr.update(value=None, visible=False)
            return ({"headers": columns(lang), "data": []}, viewer.render_notice(str(err)), gr.update(interactive=False),
                    hidden, hidden, "", [], [])
        headers, whole = columns(lang), [table_row(f, lang) for f in found]
        out = self.csv_dir / f"facts-{indicator or ALL}-{place or ALL}-{year or ALL}-{lang}.csv".replace("/", "_")
        write_csv(out, headers, whole)  # the CSV keeps whole quotes; the table shows their start (a row stays short)
        rows = [[*r[:QUOTE_COL], _short(r[QUOTE_COL]), *r[QUOTE_COL + 1:]] for r in whole]
        count = f'<div class="fz-count">{escape(t("fact_count", lang, n=len(rows)))}</div>'
        kept = [{"report_id": f.report_id, "start": f.start, "end": f.end, "quote": f.quote, "place": f.place,
                 "year": f.year, "indicator": f.indicator.value, "row": r} for f, r in zip(found, rows)]
        bars, lines, note, points = self._charts(indicator, found, lang)
        return ({"headers": headers, "data": rows}, count,
                gr.update(value=str(out), interactive=bool(rows), label=t("download_csv", lang)),
                bars, lines, note, kept, points)

    def _charts(self, indicator, found, lang):
        """Charts only for one indicator: a percentage and a count never share an axis."""
        hidden = gr.update(value=None, visible=False)
        if not indicator:
            return hidden, hidden, t("chart_one_indicator", lang), []
        points, unit = chart_points(found)
        if not points:
            return hidden, hidden, t("chart_no_numbers", lang), []
        name = indicator_label(indicator, lang) + (f" ({unit})" if unit else "")
        bars = gr.update(value=bar_frame(points), visible=True, y_title=name, x_title=t("col_place", lang),
                         title=t("chart_places", lang))
        years = Counter(p["place"] for p in points)
        if max(years.values()) < 2:  # a line needs two years of one place; single points would not show
            return bars, hidden, t("chart_one_year", lang), points
        lines = gr.update(value=line_frame(points), visible=True, y_title=name, x_title=t("col_year", lang),
                          title=t("chart_years", lang))
        return bars, lines, "", points

    def refresh(self, indicator, place, year, lang: str = "zh", request: gr.Request = None):
        """After an upload or a delete: new place/year choices for the filters, and the view again."""
        self.web.user(request)
        with self.web.lock.read():
            places, years = self.web.place_choices(), self.web.year_choices(lang)
        place = place if place in places else ""
        year = year if year in {v for _, v in years} else ALL
        return (gr.update(choices=[(t("all", lang), "")] + places, value=place, label=t("col_place", lang)),
                gr.update(choices=years, value=year, label=t("col_year", lang)),
                *self.view(indicator, place, year, lang, request))

    def relabel(self, indicator, place, year, lang: str = "zh", request: gr.Request = None):
        """A language switch: the indicator names, the filters' words and everything the view shows."""
        return (gr.update(choices=indicator_choices(lang), label=t("indicator", lang)),
                *self.refresh(indicator, place, year, lang, request))

    def pick_row(self, kept: list[dict], evt: gr.SelectData, lang: str = "zh"):
        """A table row was selected → (quote HTML, viewer HTML, sidebar opened)."""
        row = getattr(evt, "row_value", None)
        match = [k for k in kept or [] if row is not None and [str(x) for x in k["row"]] == [str(x) for x in row]]
        if not match and isinstance(evt.index, (list, tuple)) and 0 <= evt.index[0] < len(kept or []):
            match = [kept[evt.index[0]]]  # the table as sent (not re-sorted by the reader)
        return self._open(match[0] if match else None, lang)

    def pick_point(self, points: list[dict], evt: gr.SelectData, lang: str = "zh"):
        """A plot selection (bars: places; lines: a range of years) → its first fact, quoted and opened."""
        chosen = _selected(points or [], evt.value)
        return self._open(chosen[0] if chosen else None, lang, more=len(chosen) - 1)

    def _open(self, point: dict | None, lang: str, more: int = 0):
        if point is None:
            return viewer.render_notice(t("fact_not_found", lang)), gr.update(), gr.update()
        quote = render_quote(point, lang)
        if more > 0:
            quote += f'<div class="fz-meta">{escape(t("more_selected", lang, n=more))}</div>'
        return quote, self.viewer.show(point["report_id"], point["start"], point["end"], lang), gr.update(open=True)


def build(web, lang: str = "zh") -> dict:
    """The tab's components (inside `with gr.Tab(...)`); wire() connects them."""
    ui = {"kept": gr.State([]), "points": gr.State([])}
    with gr.Row():
        ui["indicator"] = gr.Dropdown(indicator_choices(lang), value="", label=t("indicator", lang), elem_id="fz-f-ind")
        # with sign-in the page's first load carries no report data: the filters are filled after sign-in
        ui["place"] = gr.Dropdown([(t("all", lang), "")] + ([] if web.auth.on else web.place_choices()), value="",
                                  label=t("col_place", lang))
        ui["year"] = gr.Dropdown([(t("all", lang), ALL)] if web.auth.on else web.year_choices(lang), value=ALL,
                                 label=t("col_year", lang))
    ui["count"] = gr.HTML(elem_id="fz-facts-count")
    ui["table"] = gr.Dataframe(headers=columns(lang), interactive=False, wrap=True, max_height=460, elem_id="fz-facts",
                               column_widths=["110px", "64px", "140px", "100px", "130px", "56px", "360px", "200px"])  # px: see app.REPORT_WIDTHS
    ui["csv"] = gr.DownloadButton(t("download_csv", lang), interactive=False)
    ui["quote"] = gr.HTML(elem_id="fz-fact-quote")
    ui["note"] = gr.Markdown(elem_id="fz-chart-note")
    with gr.Row():
        ui["bars"] = gr.BarPlot(x="place", y="value", visible=False, elem_id="fz-bars", height=300,
                                tooltip=["year", "scope"], x_label_angle=-30, sort="-y", y_lim=[0, None])
        ui["lines"] = gr.LinePlot(x="year", y="value", color="place", visible=False, elem_id="fz-lines", height=300,
                                  x_axis_format="d", tooltip=["place", "scope"])
    return ui


def wire(demo, tab: FactsTab, ui: dict, bar, viewer_html, lang) -> list:
    """The tab's events; `lang` is the page's language State. Returns the inputs and outputs a refresh
    (after upload/delete) uses; a language switch uses the same inputs and the indicator first."""
    filters = [ui["indicator"], ui["place"], ui["year"]]
    shown = [ui["table"], ui["count"], ui["csv"], ui["bars"], ui["lines"], ui["note"], ui["kept"], ui["points"]]
    private = dict(api_visibility="private")
    def view(i, p, y, g, request: gr.Request):
        return tab.view(i, p, y, g, request)

    for ctl in filters:
        ctl.change(view, [*filters, lang], shown, **private)
    demo.load(view, [*filters, lang], shown, **private)
    opened = [ui["quote"], viewer_html, bar]

    def row(kept, g, evt: gr.SelectData, request: gr.Request):
        tab.web.user(request)
        return tab.pick_row(kept, evt, g)

    def point(points, g, evt: gr.SelectData, request: gr.Request):
        tab.web.user(request)
        return tab.pick_point(points, evt, g)

    viewer.scrolled(ui["table"].select(row, [ui["kept"], lang], opened, **private))
    for plot in (ui["bars"], ui["lines"]):
        viewer.scrolled(plot.select(point, [ui["points"], lang], opened, **private))
    return [[*filters, lang], [ui["place"], ui["year"], *shown]]
