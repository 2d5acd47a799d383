"""Question analysis: language, places, year, domain terms (EN→ZH), tokens for both retrievers."""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from ..places import PlaceIndex
from ..text.glossary import glossary_matches, synonym_groups, terms_of
from ..text.lexicon import domain_terms_in, tokenize

RATE = re.compile(r"率|百分|\brates?\b|percent|proportion|%", re.I)  # \b: not corporate, separate
NUMBER = re.compile(r"多少|几|数量|数目|how many|how much|number of|\bcount(?:s|ed)?\b|\bfigures?\b|\brates?\b|率|比例|percent",
                    re.I)  # \b: a county is no count
_PLAN = re.compile(r"计划|打算|思路|安排|下一步|下步|明年|目标|力争|\btargets?\b|\bgoals?\b|\bplan(?:s|ned|ning)?\b|next year|\bintend|will do", re.I)
_OPEN = re.compile(r"工作计划|工作打算|工作思路|下一步|\bplans?\b|哪些工作|哪些举措|哪些措施|什么举措|什么措施|如何|怎样|怎么|做了什么|做了哪些|有哪些|存在哪些|不足|问题|"
                   r"\bwhat did\b|\bhow did\b|\bhow does\b|\bwhat (?:measures|steps|actions|work)\b|shortcoming|problem|weakness",
                   re.I)
_META = re.compile(r"哪一年|哪个年度|哪年的|什么年度|由谁(?=报送|发布|印发|制定|出具|撰写|签发|$|[?？])|谁(?:报送|发布|印发|制定|出具|撰写)|发布机构|发文机关|报送单位|成文日期|落款|"
                   r"which year|what year|who issued|issued by|issuing body|which body|when was .* (?:written|published|issued)", re.I)
ZERO_CLAIMS = ("零败诉", "无败诉", "0败诉", "败诉率为零", "败诉率为0", "无行政纠错", "纠错率为零", "零纠错")
_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)")
EXCLUDE = re.compile(r"[((]\s*(?:不含|不包括|除去|除了|不算|excluding|except|other than|not counting)[^))]*[))]|"
                      r"(?:不含|不包括|而不是|而非|as opposed to|rather than|excluding|except for|other than)[^,,。?;?]*",
                      re.I)


def strip_exclusions(text: str) -> str:
    """The question without what it excludes ("不含复议后案件", "as opposed to 化解率")."""
    return EXCLUDE.sub(" ", text)


class Query(BaseModel):
    question: str
    lang: Literal["zh", "en"]
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
    wants_rate: bool = False
    wants_number: bool = False
    wants_list: bool = False
    wants_plan: bool = False
    wants_open: bool = False
    wants_meta: bool = False
    wants_zero: bool = False


    def names_reports(self) -> bool:
        return bool(self.places or self.report_ids)

    def covers(self, meta) -> bool:
        """Whether a report is one the question names (every report when it names none); report_ids,
        when set, is the exact scope (a department of a place, a report named by its title)."""
        if self.report_ids:
            return meta.id in self.report_ids
        return not self.places or meta.place in self.places


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
    years = {int(y) for y in _YEAR.findall(question)}
    if year_asked is None and len(years) == 1:  # "Wucheng (2022) or Suqian (2024)": each side has its own year
        year_asked = years.pop()
    zh_text = question if lang == "zh" else " ".join(zh_terms)
    focus = domain_terms_in(zh_text)
    place_words = set()
    for p in given or found:
        place_words.update(places.aliases_of(p))
    tokens = [t for t in tokenize(zh_text) if t not in place_words and not _YEAR.fullmatch(t)]
    if any(t in focus for t in ("零败诉", "无败诉")):
        tokens += [t for z in ZERO_CLAIMS for t in tokenize(z)]  # 零败诉 must also find 无败诉案件 / 0败诉
    dense = question if lang == "zh" else f"{question} {' '.join(zh_terms)} {' '.join(given or found)}"
    return Query(
        question=question, lang=lang, places=given or found, outside_filter=[p for p in found if given and p not in given],
        unknown_places=[] if (given or found) else (places.unknown(question) if lang == "zh"
                                                    else places.unknown_en(question) + places.unknown(question)),
        year=year_asked, zh_terms=zh_terms, synonyms=synonym_groups(matches) if lang == "en" else [], asked_terms=asked_terms, focus=focus, tokens=tokens, dense_text=dense.strip(),
        wants_rate=bool(RATE.search(question)), wants_number=bool(NUMBER.search(question)),
        wants_list=bool(_LIST.search(question)), wants_plan=bool(_PLAN.search(question)),
        wants_open=bool(_OPEN.search(question)), wants_meta=bool(_META.search(question)), wants_zero=any(t in focus for t in ("零败诉", "无败诉")),
    )


_LIST = re.compile(r"哪些|哪几|哪个地区|哪个县|列出|列举|各地区|各地|各报告|分别|每个地区|所有地区|"
                   r"\beach (?:place|report|county|district|city)\b|\ball (?:places|reports|counties|districts)\b|\bwhich\b|\blist\b|\bwhat (?:places|counties|districts|cities|reports)\b", re.I)
