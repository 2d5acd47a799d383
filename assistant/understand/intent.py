"""The typed intent a question is understood as: one model per kind of answer, each carrying what its
handlers need (reports in scope, indicators per part, things asked, filters). A discriminated union:
`kind` names the handlers (handlers/registry.py)."""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, Field

from ..domain.indicators import Indicator
from .asks import Asks
from .parts import Thing
from .query import Query

Condition = Literal["zero", "max", "min", "gt", "lt"]


class Filters(BaseModel):
    """Which reports an answer over several reads, beyond the places and year of the query."""

    year_before: int | None = None
    year_after: int | None = None
    issuer_like: str | None = None  # a regex over issuer and title: reports by that kind of body
    levels: list[str] = []  # reports of these levels (province/city/county/district/town/…)
    year_pick: Literal["earliest", "latest"] | None = None  # only the reports of the first / last year among them
    by_year: Literal["oldest", "newest"] | None = None  # listed in the order of their years, this one first


class _Intent(BaseModel):
    query: Query
    asks: Asks = Asks()
    filters: Filters = Filters()
    indicators: list[Indicator] = []
    unplaced: list[str] = []  # names asked that no report names: answered from reports with no place (say so)

    @property
    def lang(self) -> str:
        """The language the answer is written in."""
        return self.query.reply_lang or self.query.lang

    @property
    def route(self) -> str | None:
        """The route the answer reports (Answer.route)."""
        return None


class Lookup(_Intent):
    """A figure (or claim) of one or a few named reports."""

    kind: Literal["lookup"] = "lookup"
    parts: list[list[Indicator]] = []  # several figures asked: the indicators of each part
    things: list[Thing] = []  # figures outside the indicators, one per part asked (read by Chinese words)
    things_en: list[Thing] = []  # an English question's parts, read by the embedding
    uncovered: list[Thing] = []  # parts naming no indicator beside parts that do (审核规范性文件几件?招商引资合同几件?)

    @property
    def route(self) -> str:
        return "lookup"


class Open(_Intent):
    """An account of work, plans or shortcomings, in the reports' own words."""

    kind: Literal["open"] = "open"

    @property
    def route(self) -> str:
        return "open"


class Overview(_Intent):
    """Only places named ("介绍临海市"): each report's opening."""

    kind: Literal["overview"] = "overview"


class AboutReport(_Intent):
    """The report itself: its year, issuer, dates, document number, addressee… (domain/aspects.py)."""

    kind: Literal["about_report"] = "about_report"
    aspects: list[str] = []

    @property
    def route(self) -> str:
        return "meta"


class _Listing(_Intent):
    count: bool = False  # how many, not which

    @property
    def route(self) -> str:
        return "count" if self.count else "list"


class ReportList(_Listing):
    """Reports chosen by their metadata (year, level, issuing body)."""

    kind: Literal["report_list"] = "report_list"


class ClaimList(_Listing):
    """Reports that claim zero defeat in the scope asked."""

    kind: Literal["claim_list"] = "claim_list"


class MentionList(_Listing):
    """Reports that mention a term."""

    kind: Literal["mention_list"] = "mention_list"
    keywords: list[str] = []
    alternatives: list[list[str]] = []  # "旁听庭审或行政应诉旁听": other sets of terms, any one of which will do


class AspectList(_Listing):
    """Reports whose text states an aspect of the report itself (a 文号, the meeting it was delivered at, its
    addressee), narrowed to those whose statement holds the question's words (人大常委会)."""

    kind: Literal["aspect_list"] = "aspect_list"
    aspects: list[str] = []
    keywords: list[str] = []


class FigureList(_Listing):
    """Reports that state a figure (above/below a threshold when asked)."""

    kind: Literal["figure_list"] = "figure_list"
    condition: Condition | None = None
    threshold: float | None = None


class PerReport(_Listing):
    """A table with a row per report and a column per figure asked."""

    kind: Literal["per_report"] = "per_report"
    families: list[str] = []


class Compare(_Intent):
    """Named reports side by side, ranked on one figure."""

    kind: Literal["compare"] = "compare"
    condition: Condition | None = None
    families: list[str] = []

    @property
    def route(self) -> str:
        return "compare"


class Outside(_Intent):
    """Places that no report is about."""

    kind: Literal["outside"] = "outside"


class FilteredOut(_Intent):
    """Places the question names that the place filter leaves out."""

    kind: Literal["filtered_out"] = "filtered_out"


class NoReport(_Intent):
    """No report matches the place and year."""

    kind: Literal["no_report"] = "no_report"


class Quoted(_Intent):
    """The sentences an answer before cited, quoted whole ("quote the original sentence", 原文怎么说的?)."""

    kind: Literal["quoted"] = "quoted"

    @property
    def route(self) -> str:
        return "quote"


class OffSubject(_Intent):
    """Something rule-of-law reports do not report (GDP, weather), named by no report in scope."""

    kind: Literal["off_subject"] = "off_subject"
    what: str = ""


class Unclear(_Intent):
    """A pronoun for a place or report (它的…, 该县…, its …) with no place named and no conversation before it."""

    kind: Literal["unclear"] = "unclear"


Intent = Annotated[Union[Lookup, Open, Overview, AboutReport, ReportList, ClaimList, MentionList, AspectList, FigureList, PerReport,
                         Compare, Outside, FilteredOut, NoReport, OffSubject, Quoted, Unclear], Field(discriminator="kind")]
