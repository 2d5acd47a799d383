"""The question parsed: language, places (known, unknown, filtered out), year, domain terms (EN→ZH),
tokens for BM25 and the text for the dense retriever."""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from ..domain.claims import ZERO_FOCUS, ZERO_WORDS
from ..domain.cues import EXCLUDE, POSTED_YEAR, SHORT_YEAR, YEAR
from ..domain.glossary import glossary_matches, synonym_groups, terms_of
from ..places import PlaceIndex
from ..text.lexicon import domain_terms_in, tokenize


def strip_exclusions(text: str) -> str:
    """The question without what it excludes ("不含复议后案件", "as opposed to 化解率")."""
    return EXCLUDE.sub(" ", text)


class Query(BaseModel):
    question: str
    lang: Literal["zh", "en"]  # the language the question is written in (what its words are parsed as)
    reply_lang: Literal["zh", "en"] | None = None  # a follow-up in the other language: answered in its own
    places: list[str] = []
    unknown_places: list[str] = []
    outside_filter: list[str] = []  # corpus places the question names that the place filter leaves out
    report_ids: list[str] = []  # reports named other than by their place (title, issuer, file name)
    year: int | None = None
    zh_terms: list[str] = []
    asked_terms: list[str] = []  # zh_terms of the question without what it excludes
    synonyms: list[list[str]] = []  # zh_terms that render one English phrase: any one of them says it (won → 获评/荣获)
    focus: list[str] = []
    tokens: list[str] = []
    dense_text: str = ""
    # a follow-up asking of "those" (其中, of them): (report id, start, end) of the sentences the answer before it cited
    beside: list[tuple[str, int, int]] = []
    # a follow-up whose thing is the one the answer before it counted (其中, "of those", 人次呢, 参加了多少人次): the
    # sentences that answer cited are read first (`beside`)
    leans: bool = False
    # …in another part of the place (市本级呢? after 全市…): the sentence goes on past its semicolon to that part
    leans_across: bool = False
    # "quote the original sentence", 原文怎么说的?: the sentences the answer before cited, shown whole
    quote: bool = False

    def is_beside(self, report_id: str, at: int) -> bool:
        return any(rid == report_id and s <= at < e for rid, s, e in self.beside)

    def names_reports(self) -> bool:
        return bool(self.places or self.report_ids)

    def covers(self, meta) -> bool:
        """Whether a report is one the question names (every report when it names none); report_ids,
        when set, is the exact scope (a department of a place, a report named by its title)."""
        if self.report_ids:
            return meta.id in self.report_ids
        return not self.places or meta.place in self.places

    def in_scope(self, meta) -> bool:
        """Named by the question and of its year (when it names one)."""
        return self.covers(meta) and (self.year is None or meta.year == self.year)

    @property
    def zero(self) -> bool:
        """It asks about the zero-defeat claim (零败诉 / 无败诉, or the English words for it)."""
        return any(t in self.focus for t in ZERO_FOCUS)


def language(text: str) -> Literal["zh", "en"]:
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin_words = len(re.findall(r"[A-Za-z]{2,}", text))
    return "en" if latin_words > cjk else "zh"


def analyze(question: str, places: PlaceIndex, place: str | list[str] | None = None, year: int | None = None) -> Query:
    lang = language(question)
    matches = glossary_matches(question)  # once per question
    zh_terms = terms_of(matches) if lang == "en" else []
    asked_terms = terms_of(matches, [m.span() for m in EXCLUDE.finditer(question)])
    found = places.find(question)
    given = [place] if isinstance(place, str) else list(place or [])
    year_asked = year
    posted = {int(y) for m in POSTED_YEAR.finditer(question) for y in m.groups() if y}
    years = ({int(y) for y in YEAR.findall(question)} | {2000 + int(y) for y in SHORT_YEAR.findall(question)}) - posted
    if year_asked is None and len(years) == 1:  # "Wucheng (2022) or Suqian (2024)": each side has its own year
        year_asked = years.pop()
    zh_text = question if lang == "zh" else " ".join(zh_terms)
    focus = domain_terms_in(zh_text)
    place_words = set()
    for p in given or found:
        place_words.update(places.aliases_of(p))
    tokens = [t for t in tokenize(zh_text) if t not in place_words and not YEAR.fullmatch(t)]
    if any(t in focus for t in ZERO_FOCUS):
        tokens += [t for z in ZERO_WORDS for t in tokenize(z)]  # 零败诉 must also find 无败诉案件 / 0败诉
    dense = question if lang == "zh" else f"{question} {' '.join(zh_terms)} {' '.join(given or found)}"
    return Query(
        question=question, lang=lang, places=given or found, outside_filter=[p for p in found if given and p not in given],
        unknown_places=[] if (given or found) else (places.unknown(question) if lang == "zh"
                                                    else places.unknown_en(question) + places.unknown(question)),
        year=year_asked, zh_terms=zh_terms, synonyms=synonym_groups(matches) if lang == "en" else [],
        asked_terms=asked_terms, focus=focus, tokens=tokens, dense_text=dense.strip(),
    )
