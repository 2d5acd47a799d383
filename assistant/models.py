"""Typed records that cross module boundaries and the public interfaces (field names are stable)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_serializer

from .domain.indicators import Indicator

Level = Literal["province", "city", "county", "district", "development_zone", "subdistrict", "town", "department"]


class ReportMeta(BaseModel):
    id: str = Field(description="content hash of the cleaned text (16 hex chars)")
    source: str = Field(description="file name the report was ingested from")
    title: str | None = None
    place: str | None = Field(None, description="full place name as written, e.g. 金华市婺城区")
    place_full: str | None = Field(None, description="hierarchical name from the gazetteer, e.g. 浙江省金华市婺城区")
    issuer: str | None = Field(None, description="issuing body as written, e.g. 临海市司法局")
    level: Level | None = None
    department: str | None = Field(None, description="for a department's report, its kind, e.g. 司法局")
    year: int | None = Field(None, description="the year reported on (not the year published)")
    date_written: str | None = Field(None, description="ISO date the report was signed/written")
    date_published: str | None = Field(None, description="ISO date the page was published")
    source_url: str | None = Field(None, description="the report's web address: the URL it was fetched from, a "
                                   "原文链接/来源 line or canonical link in its page, or `fazhi ingest FILE --url`")
    chars: int = 0
    sections: int = 0
    chunks: int = 0
    warnings: list[str] = Field(default_factory=list)
    provenance: dict[str, str] = Field(default_factory=dict, description="where place/issuer/year were read")


class Section(BaseModel):
    """A heading-delimited span of the cleaned text; `path` joins the headings from the root."""

    path: str
    level: int
    start: int
    end: int


class Chunk(BaseModel):
    id: str
    report_id: str
    section: str
    start: int
    end: int
    text: str


class Fact(BaseModel):
    """A figure or claim read in code from one sentence of a report (facts/extract.py)."""

    report_id: str
    place: str | None
    year: int | None
    indicator: Indicator
    value: float | bool
    unit: str
    approx: bool = False
    scope: str = ""
    quote: str
    start: int
    end: int
    section: str
    planned: bool = False
    value_text: str = ""  # the figure or claim exactly as written, e.g. 1,536件 / 300余件 / 零败诉


class Citation(BaseModel):
    key: int
    report_id: str
    source: str
    title: str | None
    place: str | None
    year: int | None
    section: str
    quote: str
    start: int
    end: int
    source_url: str | None = Field(None, description="the report's web address (ReportMeta.source_url), if known")


class Coverage(BaseModel):
    """What an exhaustive (list/count/compare) answer checked; its counts may appear in the answer text."""

    checked: int = Field(description="reports in scope, every one of them read")
    matched: int = Field(description="reports that state what was asked")
    related: int = Field(0, description="reports stating a near-miss (other scope/indicator), not counted as matches")
    not_reported: int = Field(0, description="reports that do not state it (not the same as zero)")
    quoted: int | None = Field(None, description="set when more reports matched than the answer quotes "
                               "(answer.list_quote_limit): the first `quoted` are quoted, the rest only counted; "
                               "absent from the JSON otherwise")

    @model_serializer(mode="wrap")
    def _drop_unset_quoted(self, handler):
        data = handler(self)  # an answer quoting every match keeps the JSON it had before the field existed
        if isinstance(data, dict) and data.get("quoted") is None:
            data.pop("quoted", None)
        return data

    def counts(self) -> set[str]:
        """The numbers of reports the program computed, which the answer may state as written."""
        nums = [self.checked, self.matched, self.related, self.not_reported]
        if self.quoted is not None:
            nums += [self.quoted, self.matched - self.quoted]
        return {str(n) for n in nums}


class TableCell(BaseModel):
    """One figure of a table answer; value None means the report does not state it (not zero)."""

    value: str | None = Field(None, description="the figure as written, e.g. 148件 / 21.6% / 零败诉")
    year: int | None = None
    scope: str | None = Field(None, description="what the figure covers when narrower than the whole, e.g. 以市政府为被告")
    citation: int | None = Field(None, description="key of the citation that states it")


class TableRow(BaseModel):
    label: str = Field(description="the report: place (year)")
    report_id: str | None = None
    cells: list[TableCell] = Field(default_factory=list)


class Table(BaseModel):
    """A comparison or per-report answer: one row per report, one column per indicator."""

    columns: list[str]
    rows: list[TableRow] = Field(default_factory=list)


class AnswerLine(BaseModel):
    """One line of an answer as the engine built it: what it does and which citations it rests on (so a
    phrasing step or the page never parses the text back)."""

    text: str
    role: str = Field(description="lead | evidence | related | not_stated | caveat | table | item | summary | abstain")
    keys: list[int] = Field(default_factory=list, description="citation keys its markers show")
    scope_differs: bool = Field(False, description="its figure covers another scope than asked")


class Answer(BaseModel):
    question: str
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    abstained: bool = False
    notice: str | None = Field(None, description="one line on how the answer was made, e.g. the LLM failed; "
                                                 "left out of the JSON when there is none (stable field set)")

    standalone_question: str | None = Field(None, description="the question actually answered: a follow-up "
                                                              "made standalone with the conversation before it")
    route: str | None = Field(None, description="lookup/list/count/compare/open/meta/outside")
    places: list[str] | None = Field(None, description="places the answer asserts (list/count/compare answers)")
    coverage: Coverage | None = None
    table: Table | None = Field(None, description="compare / per-report answers: the figures as a table")
    lines: list[AnswerLine] = Field(default_factory=list, exclude=True,
                                    description="the answer's lines, typed (in-process only; not in the JSON)")

    @model_serializer(mode="wrap")
    def _drop_empty_notice(self, handler):
        data = handler(self)
        if isinstance(data, dict) and data.get("notice") is None:
            data.pop("notice", None)
        return data


class FailedFile(BaseModel):
    path: str
    reason: str


class IngestResult(BaseModel):
    added: list[ReportMeta] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list, description="duplicates of reports already in the store")
    duplicates: dict[str, str] = Field(default_factory=dict,
                                       description="skipped near-duplicates: new source → source of the stored report")
    failed: list[FailedFile] = Field(default_factory=list)
