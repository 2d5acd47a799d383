"""After a list or count of reports, a follow-up that narrows it ("其中哪些是县级的?", "How many of them are
counties?", "Which ones?", "其中最早的是哪一份?") made into one list or count question of its own."""
from __future__ import annotations

import re

from ..domain import cues
from ..domain.levels import LEVEL_NAMES, LEVEL_WORDS
from .query import Query


def corpus_wide(text: str) -> bool:
    """A list, count, comparison or table over the reports: it stands on its own and names no one report."""
    return any(c.search(text) for c in (cues.LIST, cues.COUNT, cues.COMPARE, cues.PER_REPORT))


def said(text: str) -> str:
    """The follow-up's own words: without its lead (那, "and"), tail (呢) and words standing for the scope."""
    text = cues.FOLLOW_LEAD.sub("", text, count=1)
    text = cues.FOLLOW_TAIL.sub("", text)
    return cues.REFER_SCOPE.sub("", text).strip()


def narrowed_list(q: Query, prev: Query) -> str | None:
    """After a list or count of reports: the same reports named ("Which ones?"), or those of a level
    ("其中哪些是县级的?", "How many of them are counties?"), as one question."""
    if not corpus_wide(prev.question) or q.unknown_places:
        return None
    if q.names_reports():
        return None
    among = cues.AMONG.search(q.question) or cues.PICK_LISTED.match(said(q.question))
    body = cues.AMONG.sub("", said(q.question)).strip(" ?？,，")
    if cues.HOW_MANY_LISTED.fullmatch(body) and not cues.COUNT.search(prev.question):
        return _as_count(prev.question)  # 一共几份? after a list
    level = next((level for pattern, level in LEVEL_WORDS if re.search(pattern, body, re.I)), None)
    pick = cues.EARLIEST.search(body) or cues.LATEST.search(body)
    leans = among or cues.FOLLOW_LEAD.search(q.question) or cues.FOLLOW_TAIL.search(q.question)  # 县级的呢?
    if (order := cues.BY_YEAR.search(q.question)) and len(body) <= 40:  # 按年份从早到晚排一下: the same list, in order
        return _with_aside(prev.question, order.group())
    bound = next((m for c in (cues.BEFORE, cues.AFTER, cues.SINCE, cues.UNTIL) if (m := c.search(q.question))), None)
    if bound and leans and len(body) <= 40:  # "only the ones before 2023": the same reports, kept to those years
        return _with_aside(prev.question, bound.group())
    if (level or q.year or pick) and leans and len(body) <= 40:
        count = cues.COUNT.search(q.question)
        base = _as_count(prev.question) if count else _as_list(prev.question) if cues.LIST.search(q.question) else prev.question
        base = _of_year(_of_level(base, level, prev.lang), q.year, prev.lang)
        return base if not pick else _PICKED[prev.lang, cues.EARLIEST.search(body) is not None].format(base.rstrip("?？ "))
    if cues.WHICH_ONES.fullmatch(body) and cues.COUNT.search(prev.question):
        return _as_list(prev.question)
    return None


def _with_aside(question: str, aside: str) -> str:
    """The question asked again with the follow-up's words in brackets, where the router reads them (before 2023)."""
    return f"{question.rstrip('?？ ')}({aside.strip()})?"


def kept_places(q: Query, prev: Query) -> tuple[str, list[str]] | None:
    """After a list or count of reports, the places a follow-up keeps of it (只要宁波的, 其中重庆的是哪几个?, "only the
    Zhejiang ones"): the list or count to ask again, and those places; or None."""
    if not (corpus_wide(prev.question) and q.places) or cues.WIDEN_LISTED.search(q.question):
        return None
    if not (cues.AMONG.search(q.question) or cues.PICK_LISTED.match(said(q.question))):
        return None
    body = cues.AMONG.sub("", said(q.question))
    if len(body) > 12 if q.lang == "zh" else len(body.split()) > 6:  # 其中巫溪县那个镇,全年组织…学法几次?: a figure of it
        return None
    if cues.COUNT.search(prev.question) and cues.ASKS_WHICH.search(q.question):
        return _as_list(prev.question), list(q.places)
    if cues.HOW_MANY_LISTED.search(said(q.question)) and not cues.COUNT.search(prev.question):
        return _as_count(prev.question), list(q.places)
    return prev.question, list(q.places)


def added_places(q: Query, prev: Query) -> list[str] | None:
    """After a list or count of the reports of some places, the places a follow-up adds to it ("what if we add Gansu
    and Qinghai?", 把甘肃也算上), or None."""
    if not (corpus_wide(prev.question) and prev.places and q.places and cues.WIDEN_LISTED.search(q.question)):
        return None
    return [p for p in q.places if p not in prev.places] or None


def added_level(q: Query, prev: Query) -> str | None:
    """After a list or count of the reports of a level, the level a follow-up adds to it ("Add the subdistrict ones
    too", 把街道的也算上): the earlier question asking both (开发区的报告 → 开发区或街道的报告), or None."""
    if not (corpus_wide(prev.question) and cues.WIDEN_LISTED.search(q.question)):
        return None
    level = next((lv for pattern, lv in LEVEL_WORDS if re.search(pattern, q.question, re.I)), None)  # "the district ones"
    there = [m for pattern, lv in LEVEL_WORDS if lv != level for m in re.finditer(pattern, prev.question, re.I)]
    if level is None or not there:
        return None
    at = min(there, key=lambda m: m.start()).end()
    zh, en = LEVEL_NAMES[level]
    return prev.question[:at] + (f"或{zh}" if prev.lang == "zh" else f" or {en}s") + prev.question[at:]


# the earliest / latest of the reports listed before, asked in the earlier question's language
_PICKED = {("zh", True): "{},其中最早的是哪一份?", ("zh", False): "{},其中最新的是哪一份?",
           ("en", True): "{} — which is the earliest report?", ("en", False): "{} — which is the latest report?"}


def _of_level(question: str, level: str | None, lang: str) -> str:
    """A list or count of reports kept to one level: 哪些报告… → 哪些县级报告…, Which reports … → Which county reports …"""
    if level is None:
        return question
    zh, en = LEVEL_NAMES[level]
    if lang == "zh":
        return question.replace("报告", f"{zh}报告", 1) if "报告" in question else f"{zh}报告中,{question}"
    return re.sub(r"\breports?\b", lambda m: f"{en} {m.group()}", question, count=1, flags=re.I) \
        if re.search(r"\breports?\b", question, re.I) else f"Among {en} reports, {question[:1].lower()}{question[1:]}"


def _of_year(question: str, year: int | None, lang: str) -> str:
    """The same list or count kept to the reports of one year ("其中哪一份讲的是2021年的工作?")."""
    if year is None:
        return question
    text, n = re.subn(r"(?<!\d)(?:19|20)\d{2}(?!\d)", str(year), question, count=1)
    if n:
        return text
    return f"{year}年的报告中,{question}" if lang == "zh" else f"{question.rstrip('?？ ')} (reports on {year})?"


def _as_list(question: str) -> str:
    """有几份报告提到了X → 哪些报告提到了X; How many reports … → Which reports …"""
    listed = re.sub(r"(?:一共|总共|共)?有?(?<!哪)(?:几|多少)(?:份|个|篇)?(?=报告|地区|地方|县|区|市)|(?<=报告)(?:一共|总共|共)?有?"
                    r"(?:几|多少)(?:份|个|篇)|\bhow many\b", lambda m: "which" if m.group().lower() == "how many" else
                    "有哪些" if m.start() and question[m.start() - 2:m.start()] == "报告" else "哪些", question, count=1, flags=re.I)
    return listed[:1].upper() + listed[1:]


def _as_count(question: str) -> str:
    """哪些报告提到了X → 有几份报告提到了X; Which reports … → How many reports …"""
    counted = re.sub(r"哪些|哪几份|\bwhich\b", lambda m: "how many" if m.group().lower() == "which" else "有几份",
                     question, count=1, flags=re.I)
    return counted[:1].upper() + counted[1:]


def listed_again(q: Query, prev: Query) -> tuple[str, list[str] | None] | None:
    """A list or count of reports asked again, narrowed or widened: its question and the places it covers (None:
    those its words name)."""
    if (listed := narrowed_list(q, prev) or added_level(q, prev)) is not None:
        return listed, None
    if (kept := kept_places(q, prev)) is not None:
        return kept
    if (more := added_places(q, prev)) is not None:
        return prev.question, list(dict.fromkeys(prev.places + more))  # 新疆的报告 and Gansu's, Qinghai's
    return None
