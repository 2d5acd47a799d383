"""What fills a phrase's `{slot}`: values that render themselves in either language, chosen late so a
draft is built once and rendered once (a Chinese question never computes an English name)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domain.phrases import PHRASES
from ..models import ReportMeta
from ..places import english_name


# how a citation marker is written in an answer: [1]
MARKER = re.compile(r"\[(\d+)\]")


def fill(key: str, slots: dict, lang: str) -> str:
    """The phrase `key` in `lang` with its slots rendered."""
    template = PHRASES[key][0 if lang == "zh" else 1]
    return template.format(**{k: render(v, lang) for k, v in slots.items()})


def render(value, lang: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return value.render(lang)


@dataclass(frozen=True)
class T:
    """Text in each language (the same text when `en` is None)."""

    zh: str
    en: str | None = None

    def render(self, lang: str) -> str:
        return self.zh if lang == "zh" or self.en is None else self.en


@dataclass(frozen=True)
class P:
    """A phrase inside a phrase (a change appended to a figure, an optional part of a summary)."""

    key: str
    slots: dict = field(default_factory=dict)
    en_prefix: str = ""  # e.g. the space an English sentence needs before it

    def render(self, lang: str) -> str:
        return ("" if lang == "zh" else self.en_prefix) + fill(self.key, self.slots, lang)


@dataclass(frozen=True)
class Join:
    """Items joined per language (、 in Chinese, ", " or " / " in English)."""

    items: tuple
    zh: str = "、"
    en: str = ", "

    def render(self, lang: str) -> str:
        return (self.zh if lang == "zh" else self.en).join(render(i, lang) for i in self.items)


@dataclass(frozen=True)
class Cite:
    """Citation markers: [1], or [1] [2] for several; keys are renumbered when the draft is finished."""

    keys: tuple[int, ...]
    lead: str = ""  # text before the markers when there are any (a space after a sentence)

    def render(self, lang: str) -> str:
        marks = " ".join(f"[{k}]" for k in self.keys)
        return self.lead + marks if marks else ""


@dataclass(frozen=True)
class Who:
    """A report named for the reader. Styles: `lead` (平罗县 / Pingluo County (平罗县)), `item` (with its
    year: 平罗县(2023)), `says` (平罗县2023年度报告 / The 2023 report of …), `row` (a table's row label)."""

    meta: ReportMeta
    style: str = "lead"

    def render(self, lang: str) -> str:
        m = self.meta
        if self.style == "item":
            if lang == "zh":
                return f"{who_zh(m)}({m.year or '年份不详'})"
            return f"{english_name(m.place)} ({who_zh(m)}, {m.year or 'year unknown'})"
        if self.style == "says":
            year = f"{m.year}" if m.year else ""
            if lang == "zh":
                return f"{who_zh(m)}{year + '年度' if year else ''}报告"
            return f"The {year + ' ' if year else ''}report of {english_name(m.place)} ({who_zh(m)})"
        if self.style == "row":
            return f"{who_zh(m)}({m.year or '年份不详'})" if lang == "zh" else f"{who_en(m)}, {m.year or 'year unknown'}"
        return who_zh(m) if lang == "zh" else who_en(m)


def who_zh(meta: ReportMeta) -> str:
    """A department's report is named with its department (天津市人社局), a place's with its place."""
    if meta.place and meta.department and not meta.place.endswith(meta.department):
        return meta.place + meta.department  # the department without its place's level (ingest/metadata._department)
    return meta.place or meta.issuer or meta.title or meta.source


def who_en(meta: ReportMeta) -> str:
    if meta.place:
        return f"{english_name(meta.place)} ({who_zh(meta)})"
    return meta.issuer or meta.title or meta.source


@dataclass(frozen=True)
class Year:
    """The year a report covers inside a sentence: 2023年 / " for 2023" (nothing when unknown)."""

    year: int | None

    def render(self, lang: str) -> str:
        if not self.year:
            return ""
        return f"{self.year}年" if lang == "zh" else f" for {self.year}"
