"""Which reports a question is about, beyond the places metadata recognised.

A metadata miss must never hide a report whose text answers: a name the question uses that is no
corpus place is looked for in every report's title, issuer, file name and opening lines; failing
that, reports whose place is unknown stay candidates (flagged in the answer). A department the
question names (司法局, 公安局) narrows a place to that department's reports.
"""
from __future__ import annotations

import re

from ..domain import cues
from ..domain.glossary import glossary_matches
from ..domain.levels import (ABOUT_REPORTS, BODIES, DEPARTMENT_KINDS, GOVERNMENT_ISSUED, ISSUED_BY_EN, ISSUED_ZH_HEAD,
                             ISSUED_ZH_TAIL, LEVEL_WORDS)
from ..domain.asked import PEOPLE_EN
from ..domain.glossary import GLOSSARY, glossary_matches
from ..domain.subjects import ACRONYM, KNOWN_ACRONYMS, OFF_SUBJECT
from ..models import ReportMeta
from ..places.names import core
from ..text.script import to_simplified
from .query import Query

_OPENING = 400
_DEPT_KINDS = re.compile(DEPARTMENT_KINDS)
_BODIES = [(re.compile(pattern, re.I), like) for pattern, like in BODIES]
_ABOUT_REPORTS = re.compile(ABOUT_REPORTS, re.I)
_ISSUED_BY_EN = re.compile(ISSUED_BY_EN, re.I)
_ISSUED_ZH_HEAD, _ISSUED_ZH_TAIL = re.compile(ISSUED_ZH_HEAD), re.compile(ISSUED_ZH_TAIL)
_ACRONYM = re.compile(ACRONYM)
_GOVERNMENT_ISSUED = re.compile(GOVERNMENT_ISSUED, re.I)


def _names(name: str) -> list[str]:
    """How a report may write a name: as asked and without its level; an English (pinyin) name as the Chinese
    names of the county-level and larger units it spells (Tianshui → 天水市, 天水)."""
    if re.fullmatch(r"[A-Za-z' -]+", name):
        from ..places import gazetteer as gz  # loads only for an English name no corpus place has

        spelled = gz.pinyin_index().get(re.sub(r"[^a-z]", "", name.lower()), [])
        found = {n for d in spelled if d.level not in ("town", "subdistrict") for n in (d.name, core(d.name))}
        return [n for n in found if len(n) >= 2]
    short = core(name)
    return [n for n in {name, short} if len(n) >= 2]


def reports_naming(names: list[str], metas: dict[str, ReportMeta], text) -> list[str]:
    """Reports whose title, issuer, full place, file name or opening lines name one of `names`."""
    out = []
    for rid, m in metas.items():
        hay = " ".join(filter(None, (m.title, m.issuer, m.place_full, m.source, text(rid)[:_OPENING])))
        if any(n in hay for name in names for n in _names(name)):
            out.append(rid)
    return out


def unplaced(q: Query, metas: dict[str, ReportMeta]) -> list[str]:
    """Reports with no recognised place that may be the place asked: same year (the question must
    name one) and a level that fits (a report calling itself 我区 can be 老边区, not 赵县)."""
    from ..places.resolve import resolve  # the gazetteer loads only when a name is unknown

    if q.year is None:
        return []
    levels = {p.level for p in (resolve(n) for n in q.unknown_places) if p is not None}
    return [rid for rid, m in metas.items()
            if m.place is None and m.year == q.year and m.level is not None and m.level in levels]


def department_reports(q: Query, metas: dict[str, ReportMeta]) -> list[str] | None:
    """The named place's reports by the department the question names (四川省司法厅 vs 四川省人民政府)."""
    kinds = {m.group() for m in _DEPT_KINDS.finditer(q.question)}
    if not kinds or not q.places:
        return None
    ids = [rid for rid, m in metas.items() if m.place in q.places and m.issuer
           and any(k in m.issuer or (m.department and (k in m.department or m.department in k)) for k in kinds)]
    return ids or None


def narrow(q: Query, metas: dict[str, ReportMeta], text) -> tuple[Query, list[str]]:
    """The query scoped to the reports it is about when its names are not (only) corpus places, and the
    names answered from reports that name no place (the answer must say so)."""
    if q.unknown_places:
        if ids := reports_naming(q.unknown_places, metas, text):
            return q.model_copy(update={"report_ids": ids, "unknown_places": []}), []
        if ids := unplaced(q, metas):
            return q.model_copy(update={"report_ids": ids, "unknown_places": []}), list(q.unknown_places)
    elif ids := department_reports(q, metas):
        return _of_years(q.model_copy(update={"report_ids": ids}), metas), []
    return _of_years(q, metas), []


def _of_years(q: Query, metas: dict[str, ReportMeta]) -> Query:
    """"Anshan 2023 or Urumqi 2024", 鞍山2023年和2025年: several years asked, so no one year scopes the question;
    a place with reports of other years too keeps those of the years asked."""
    years = {int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", q.question)}
    if q.year is not None or len(years) < 2 or not q.names_reports():
        return q
    named = [m for m in metas.values() if q.covers(m)]
    keep: list[ReportMeta] = []
    for place in {m.place for m in named}:
        mine = [m for m in named if m.place == place]
        keep += [m for m in mine if m.year in years] or mine
    return q if len(keep) == len(named) else q.model_copy(update={"report_ids": sorted(m.id for m in keep)})


def scope_year(q: Query, metas: dict[str, ReportMeta], explicit: bool, plan: bool) -> Query | None:
    """Apply a year named in the question only if it is a reported year; a plan year (year+1) is not."""
    if q.year is None:
        return q
    in_scope = [m for m in metas.values() if q.covers(m)]
    if any(m.year == q.year for m in in_scope):
        return q
    if not explicit and plan and any(m.year is not None and m.year + 1 == q.year for m in in_scope):
        return q.model_copy(update={"year": None})  # "2024年工作计划" lives in the 2023 report
    return None


def places_under(q: Query, metas: dict[str, ReportMeta]) -> Query:
    """A list over named places covers the places inside them (重庆市 → 璧山区, 增福镇, 渝北区分局)."""
    if not q.places or q.report_ids:
        return q
    prefixes = {m.place_full or m.place for m in metas.values() if m.place in q.places} | set(q.places)
    inside = {m.place for m in metas.values() if m.place and m.place not in q.places
              and any((m.place_full or m.place).startswith(p) for p in prefixes)}
    return q.model_copy(update={"places": sorted(set(q.places) | inside)}) if inside else q


def report_filters(asked: str) -> tuple[str | None, list[str]]:
    """Kind of issuing body and levels named in a question about the reports themselves
    (有几份公安局的报告 / 2022年有哪些县的报告 / Which reports come from development zones)."""
    # examples in brackets (政府工作部门(各类局、公安分局)) widen the kind before them, they name no body of their own
    outer = re.sub(r"[(（][^()（）]*[)）]", "", asked)
    body = next((like for pattern, like in _BODIES if pattern.search(outer)), None)
    if not cues.REPORTS_WORD.search(asked):
        return body, []
    found = []  # (start, end, level, qualifies reports)
    for pattern, level in LEVEL_WORDS:
        for m in re.finditer(pattern, asked, re.I):
            tail = asked[m.end(): m.end() + 16]
            head = asked[max(0, m.start() - 60): m.start()]
            if re.search(r"(?:这|那)(?:几|些|两|三|四|五)?个?$", head):
                continue  # 新疆、西藏这几个自治区: the places named, not a kind of report
            if re.search(r"[\u4e00-\u9fff]$", head) and not re.search(r"[些的个份有和、是及或与级类在为各年里中内由自]$", head) \
                    or re.search(r"\b(?!(?:Which|What|How|Are|Is|Do|Does|Did|List|Name|Show|Give|All|Any|The)\s)[A-Z][a-z]+\s$",
                                 head):
                continue  # part of a name: 北京市的报告, Zhejiang province
            found.append((m.start(), m.end(), level, _qualifies(head, asked[m.end():])))
    found.sort()
    # 乡镇、街道一级 / "by a town or a subdistrict": levels joined to one that qualifies reports qualify them too
    joins = [bool(re.fullmatch(r"\s*(?:、|和|或|及|与|以及|/|,|or|and)\s*(?:(?:an?|the)\s+)?(?:(?:urban|rural|local)\s+)?",
                               asked[a[1]:b[0]], re.I))
             for a, b in zip(found, found[1:])]
    qualified = [f[3] for f in found]
    for _ in range(2):  # backwards, then forwards along the joins
        for i, joined in enumerate(joins):
            qualified[i] = qualified[i] or (joined and qualified[i + 1])
            qualified[i + 1] = qualified[i + 1] or (joined and qualified[i])
    levels = []
    for (_, _, level, _), ok in zip(found, qualified):
        if ok and level not in levels:
            levels.append(level)
    if not levels and _GOVERNMENT_ISSUED.search(asked):
        levels = [level for _, level in LEVEL_WORDS if level != "department"]
    return body, levels


def _qualifies(head: str, after: str) -> bool:
    """A level word names the reports' kind: 县级报告, reports from counties, reports written by departments,
    有几份报告是部门发布的."""
    return bool(_ABOUT_REPORTS.match(after[:32]) or re.search(r"\breports?\b.{0,20}$", head, re.I)
                or _ISSUED_BY_EN.search(head)
                or _ISSUED_ZH_HEAD.search(head) and _ISSUED_ZH_TAIL.match(after))


def off_subject(question: str, texts: list[str]) -> str | None:
    """The asked thing when no report in scope says anything about it (GDP, population…), else None."""
    body = None
    for pattern, words in OFF_SUBJECT:
        if m := re.search(pattern, question, re.I):
            body = body if body is not None else "".join(to_simplified(t) for t in texts)
            if not any(w in body for w in words):
                return m.group(0)
    for acronym in _ACRONYM.findall(question):
        if acronym not in KNOWN_ACRONYMS and not glossary_matches(acronym):  # IP: 知识产权, a word the glossary knows
            body = body if body is not None else "".join(to_simplified(t) for t in texts)
            if acronym not in body:
                return acronym
    return None


def alternatives(q: Query, bodies: list[str]) -> list[list[str]]:
    """The terms of each alternative a mention question joins with 或/or (旁听庭审或行政应诉旁听), after the first."""
    m = cues.MENTION.search(q.question)
    sides = re.split(r"或者|或是|或|还是|\bor\b", q.question[m.end():] if m else "")
    if len(sides) < 2 or q.lang == "en" and re.search(r"[\u4e00-\u9fff]", q.question):
        return []
    named = cues.QUOTED.findall(q.question) + re.findall(r"《([^》]{2,30})》", q.question)
    if named and not all(any(n in side for n in named) for side in sides):
        return []  # 学习或培训《民法典》: the verbs are the alternatives, the title every report must name
    groups = [keywords(q.model_copy(update={"question": side, "tokens": [t for t in q.tokens if t in side],
                                            "focus": [f for f in q.focus if f in side]}), bodies) for side in sides]
    return [g for g in groups if g]


def mention_groups_en(q: Query, bodies: list[str]) -> list[list[str]]:
    """An English mention question without Chinese words: the Chinese of the glossary phrase fewest reports in
    scope use ("lawyers" → 律师; "sitting in on court hearings" → 旁听庭审 or 旁听), each rendering one alternative.
    Words in brackets are examples that widen it ("lawyers (law firms, lecture groups)"), not words to require."""
    text = re.sub(r"\([^)]*\)|,?\s*(?:\be\.g\.|\b(?:for example|for instance|such as|including|like)\b).*$", " ", q.question)
    if m := cues.MENTION.search(text):
        text = text[m.end():]
    found = [([t for t in GLOSSARY[n][1] if any(t in b for b in bodies)], text[s:e]) for n, s, e in glossary_matches(text)]
    # who does it ("officials or staff sitting in on hearings") is not what is mentioned, when something else is named
    things = [g for g, said in found if g and not PEOPLE_EN.fullmatch(said)]
    groups = things or [g for g, _ in found if g]
    if not groups:
        return []
    rarest = min(groups, key=lambda g: sum(any(t in b for t in g) for b in bodies))
    return [[t] for t in rarest]


def keywords(q: Query, bodies: list[str]) -> list[str]:
    """The terms a list over mentions looks for: a quoted phrase or a book title, the Chinese words of an English
    question, else the question's most specific words — those most reports in scope do not use (组织干部旁听庭审 →
    旁听, 庭审; 学习《民法典》 → 民法典), at most two, all of which a report must use."""
    if q.lang == "en" and (chinese := [w for w in re.findall(r"[\u4e00-\u9fff]{2,}", q.question)
                                       if any(w in b for b in bodies)]):
        return chinese[:2]  # "the 'first topic' (第一议题) system": the report's own words
    quoted = cues.QUOTED.findall(q.question) + re.findall(r"《([^》]{2,30})》", q.question)
    quoted = [x for x in quoted if not re.search(r"[A-Za-z]{3,}", x)]  # English words are looked up in the glossary
    if quoted:
        return list(dict.fromkeys(quoted))
    # an aside in brackets (包括行政应诉旁听) widens what counts; it is not a word every report must use
    said = re.sub(r"[(（](?:包括|包含|含|如|例如|比如|即|特别是|尤其是)[^)）]*[)）]", "", q.question)
    # 其中最早的是哪一份 picks reports; 一共有几份 asks their whole number: neither names a topic
    for picked in (cues.EARLIEST, cues.LATEST, cues.CORPUS_REF, cues.WHOLE_ASKED_ZH, re.compile(r"其中|哪一?份")):
        said = picked.sub(" ", said)
    words = sorted({t for t in q.tokens if len(t) >= 2 and not re.fullmatch(r"[\da-z]+", t) and t in said},
                   key=lambda t: (-len(t), q.tokens.index(t)))
    df = {w: sum(w in b for b in bodies) for w in words}
    rare = sorted((w for w in words if 0 < df[w] <= len(bodies) / 2 and not any(w != o and w in o for o in words)),
                  key=lambda w: (df[w], q.tokens.index(w)))
    focus = [f for f in q.focus if f in said]
    if rare and not focus:
        return sorted(rare[:2], key=q.tokens.index)
    head = focus[:1] or words[:1]
    extra = [w for w in (rare or words) if not any(w in h or h in w for h in head)][:1]
    return head + extra
