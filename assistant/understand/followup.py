"""A follow-up question made standalone from the one before it ("那2022年呢?", "它的纠错率呢?", "What about
Linhai?", "And how many of those were repealed?").

The earlier question (already standalone) lends what the follow-up leaves out: its places, reports and year
are carried as structure (a department's reports stay that department's), and its text lends the thing it
counted when the follow-up names only a new scope, or names a new thing without asking anything. The result
is a question that reads on its own, shown to the user as the question answered."""
from __future__ import annotations

import re
from typing import Callable

from ..domain import cues
from ..domain.asked import NAMES_A_THING, NOTHING_COUNTED_EN, counted_en, own_words, written_unit
from ..domain.quantity import ZH_UNITS
from ..domain.levels import PROVINCE_SHORT, UNIT_SUFFIX
from ..places.index import PlaceIndex
from ..places.names import core, english_name, pinyin, pinyin_readings, pinyin_spelling, units
from .narrowed import corpus_wide, listed_again, said
from .of_report import about_report_tail, scope_prefix, when_of_report
from .parts import parts_en
from .query import Query

_PUNCT = re.compile(r"[\s,，、:：;；?？!！。.\"“”'‘’()（）]+")
_LANGUAGE_NAMED = {"中文": "zh", "汉语": "zh", "chinese": "zh", "英文": "en", "英语": "en", "english": "en"}
# a year, written whole or short (25年那份呢?), and the report it points to
_YEAR_WORD = re.compile(rf"(?:(?<!\d)(?:19|20)\d{{2}}\s*年?|{cues.SHORT_YEAR.pattern}年)(?:度)?(?:的)?(?:那|这)?(?:份|篇)?(?:报告)?")
# the thing a Chinese question counts: after 多少/几 (+ measure word), or before 是/有/为多少
_THING_AFTER = re.compile(r"(?:多少|几)(?:个|件|项|名|人次|人|次|份|条|家|所|场|期|起|宗|部|篇|类)?"
                          r"([\u4e00-\u9fff][\u4e00-\u9fff（）()]{1,18})\s*[?？。]?\s*$")  # 县（区）长接受访谈
_THING_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,16}?)(?:是|有|为|达到|达)?(?:多少|几)")
_THING_EN = re.compile(r"\bhow (?:many|much)\s+(.+?)\s+(?:did|does|do|were|was|are|is|has|have|had|in|for)\b|"
                       r"\bwhat (?:was|is|were|are) (?:the )?(.+?)\s+(?:of|in|for|did|at)\b", re.I)
# a body of a place written after its name (习水县公安局, 西藏藏语委办(编译局)): part of the scope, not a thing asked
_ORGAN = (r"(?:[\u4e00-\u9fff]{0,8}?(?:委员会|办公室|局|厅|委|办|中心|院)(?:[(（][\u4e00-\u9fff]{1,8}[)）])?"
          r"(?=[\s\d年呢的?？,，。和与及、]|$))?")
# the same in English, written after the place's name (the Zhoushan transport bureau, Yubei police branch)
_ORGAN_EN = r"(?:bureau|department|office|commission|committee|administration|agency|branch|station|police)"
_EN_BODY = rf"\s+(?:[A-Za-z-]+\s+){{0,6}}?{_ORGAN_EN}(?:\s+{_ORGAN_EN})*"  # language committee office: whole
_EN_ORGAN = rf"(?:{_EN_BODY})?"
# what "how many …" counts when it names only a measure: the thing counted is the rest of the question
_MEASURE_EN = re.compile(r"(?:times|people|persons|person-times|cases|items|sessions|units|pieces|things)", re.I)
# "it", "its", "this report" in an English follow-up: the earlier place, named
_EN_REPORT = re.compile(r"\b(?:this|that|the same) (?:report|document)\b", re.I)
_EN_POSSESSIVE = re.compile(r"\bits\b", re.I)
_EN_PRONOUN = re.compile(r"\b(?:it|they|(?:that|this) (?:county|city|district|place|bureau))\b", re.I)
_BARE_REPORT = re.compile(r"报告|\bthe report\b", re.I)
_ZH_REPORT = re.compile(r"(?:这|那|该|本)份?报告")
_EN_THING_LEAD = re.compile(r"^(?:the (?:total|number|figure|count) (?:for|of)\s+|the\s+)", re.I)


def is_followup(q: Query, places: PlaceIndex) -> bool:
    """Whether the question leans on the one before it: a lead (那/and/what about), a tail (…呢), a pronoun
    for the place or the thing asked, or a short question that names no place and lists nothing."""
    text = q.question
    if cues.FOLLOW_LEAD.search(text) or cues.FOLLOW_TAIL.search(text):
        return True
    if cues.REFER_THING.search(text) or (cues.REFER_SCOPE.search(text) and not q.names_reports()):
        return True  # "it"/"its" in a question that names its own place stands for that place
    if cues.DIFFERENCE.search(text) and not (q.names_reports() or q.unknown_places):
        return True  # "how many more planning permits than logging permits?": of the report talked about
    # the report, named without a place (报告开头引用的文号, "the report's signatory"): the one talked about
    if not (q.names_reports() or q.unknown_places or corpus_wide(text)) and _BARE_REPORT.search(text):
        return True
    # a short question naming nothing: 2022年呢, "What's the document number?"
    short = len(_rest(q, places)) <= 14 if q.lang == "zh" else len(re.findall(r"[A-Za-z'’]+", said(text))) <= 4
    return not q.names_reports() and not q.unknown_places and not corpus_wide(text) and short


def dangling(q: Query) -> bool:
    """A pronoun for a place or report with nothing to stand for (no place named, no conversation)."""
    # "they"/"it" often name the subject of the same question ("how many matters did they decide", "is it
    # stated"): not dangling
    refer = [m for m in cues.REFER_SCOPE.finditer(q.question) if m.group().lower() not in ("they", "it")]
    return not (q.names_reports() or q.unknown_places or corpus_wide(q.question)) and bool(
        refer or re.match(r"\s*其中", q.question))


def resolve(q: Query, prev: Query | None, places: PlaceIndex, metas, reanalyze: Callable[[str], Query]) -> Query | None:
    """The standalone Query for a follow-up of `prev`, or None when `q` stands on its own. `metas` (the
    catalogue) says which bodies and years have a report, so a rewrite never asks for one that does not exist."""
    if prev is None:
        return None
    if named := _named_body(q, metas):
        q = reanalyze(named)
    standalone = _standalone(q, prev, places, reanalyze)
    if standalone is None:
        return q if named else None
    if q.year is None and standalone.year is not None and (_year_leaves_out(standalone, q, metas) or (
            named and not any(m.year == standalone.year and _of_body(m, named) for m in metas.values()))):
        standalone = without_year(standalone)  # "What about Linhai?" after Pingluo 2023: Linhai's report is 2020
    return standalone


def _of_body(meta, named: str) -> bool:
    """The report is the body's that a follow-up named alone (数据局 of 鞍山市数据局呢?)."""
    body = said(named).strip(" ?？").removeprefix(meta.place or "")
    return bool(body) and body in (meta.department or "") + (meta.issuer or "")


def _year_leaves_out(standalone: Query, q: Query, metas) -> bool:
    """The year carried from the earlier question leaves out every report, or a place the follow-up names
    (义乌和济南市中区的呢 after a 2024 question: 义乌's report is 2023)."""
    if not any(standalone.in_scope(m) for m in metas.values()):
        return True
    return any(not any(m.place == p and m.year == standalone.year for m in metas.values()) for p in q.places)


def _standalone(q: Query, prev: Query, places: PlaceIndex, reanalyze: Callable[[str], Query]) -> Query | None:
    if cues.QUOTE_ASKED.match(q.question):  # its cited sentences are `beside` (engine.follow_up), quoted whole
        again = reanalyze(prev.question)
        return again.model_copy(update={"quote": True, "leans": True, "leans_across": False} | _own_language(again, q))
    if m := cues.IN_LANGUAGE.match(q.question):  # 用中文再说一遍?: the same question, answered in that language
        again = reanalyze(prev.question)
        return again.model_copy(update={"reply_lang": _LANGUAGE_NAMED[(m.group(1) or m.group(2)).lower()]})
    if (both := _compared_with(q, prev)) is not None:  # 比密云区多还是少?: the same thing, of both places
        return _carry(reanalyze(_swap_scope(prev, both, places)), q, prev)
    if (listed := listed_again(q, prev)) is not None:
        text, places = listed
        new = reanalyze(text)
        update = {} if places is None else {"places": places}
        return new.model_copy(update=update | _own_language(new, q))
    if not q.names_reports() and (full := PROVINCE_SHORT.get(said(q.question).strip(" ?？"))):
        q = reanalyze(f"{full}呢?")  # 那黔呢? names a province by its one character, alone
    if not is_followup(q, places):
        return None
    rest, words = _rest(q, places), said(q.question).strip(" ?？")
    if not rest and q.places and (about := about_report_tail(prev)):
        text = (_scope_written(q, places) or "、".join(q.places)) + about  # 数据局那份呢? after …那份报告是哪天挂出来的
    elif not rest:
        text = _swap_scope(prev, q, places)
    elif (when := when_of_report(prev, rest)) is not None:
        text = when
    elif q.lang == "zh" and prev.lang == "zh" and re.fullmatch(ZH_UNITS, rest):
        text = _swap_unit(prev, rest)  # 人次呢? after 开展了多少场次法治培训: the same thing, counted in 人次
    elif q.lang != prev.lang:  # its own words, in its own language, of the earlier scope: no splicing of two languages
        text = _with_scope(prev, q)
    elif q.lang == prev.lang == "en" and cues.AS_SHARE_EN.fullmatch(words) and re.search(r"\bhow many\b", prev.question, re.I):
        text = re.sub(r"\bhow many\b", lambda m: ("W" if m.group()[0] == "H" else "w") + "hat percentage of", prev.question,
                      count=1, flags=re.I)  # "and in %?"
    elif cues.CUMULATIVE.fullmatch(words):
        text = _cumulative(prev)
    elif cues.FIGURE_SCOPE.fullmatch(rest) or (q.lang == "en" and cues.FIGURE_SCOPE.fullmatch(words)):
        text = _swap_figure_scope(prev, words if q.lang == "en" else rest)
    elif not cues.ASKING.search(words):
        text = _swap_thing(prev, q, rest)
        if q.places or q.year is not None:  # 贵州2023年命名的示范地区呢: a new thing, of a new place and year
            text = _swap_scope(prev.model_copy(update={"question": text}), q, places)
    else:
        text = _with_scope(prev, q)
    standalone = _carry(reanalyze(text), q, prev)
    if not (rest and _leans(q, prev, rest)):
        return standalone
    return standalone.model_copy(update={"leans": True, "leans_across": bool(cues.FIGURE_SCOPE.fullmatch(rest))})


def _own_language(new: Query, q: Query) -> dict:
    """An earlier question asked again is answered in the follow-up's language."""
    return {"reply_lang": q.lang} if new.lang != q.lang else {}


def _compared_with(q: Query, prev: Query) -> Query | None:
    """A follow-up setting the figure before beside another place's: the follow-up with both places, or None."""
    new = [p for p in q.places if p not in prev.places]
    if not (new and prev.places and cues.COMPARED_TO.search(q.question)) or corpus_wide(prev.question):
        return None
    if cues.FOLLOW_LEAD.search(q.question):  # "What about Linhai — more or fewer than that?": Linhai is asked
        return None
    return q.model_copy(update={"places": list(prev.places) + new})


def _leans(q: Query, prev: Query, rest: str) -> bool:
    """Whether the follow-up counts what the answer before it counted: 其中 / "of those", a unit alone (人次呢), words
    too few to name a thing (参加了多少人次, "And the amount involved?")."""
    if cues.REFER_THING.search(q.question) or re.fullmatch(ZH_UNITS, rest) or cues.FIGURE_SCOPE.fullmatch(rest):
        return True  # 市本级呢? after 全市…: the same thing, in the part of the place the sentence goes on to
    if q.lang == "zh":
        return own_words(said(q.question)) < NAMES_A_THING
    words = said(q.question)
    return not counted_en(words)[0] and len([w for w in re.findall(r"[A-Za-z]{4,}", words)
                                             if w.lower() not in _EN_POINTERS]) <= 2  # "heads of agencies in court": a thing


# words that name no thing: a follow-up made only of them leans on the figure before ("And how many were there before
# the cut?")
_EN_POINTERS = NOTHING_COUNTED_EN | {"that", "this", "those", "these", "them", "they", "what", "about", "with", "from",
                                     "were", "have", "been", "many", "much", "does", "also"}


def _swap_unit(prev: Query, unit: str) -> str:
    """开展了多少场次法治培训 → 开展了多少人次法治培训: the measure word asked replaced, or added after 多少."""
    text, n = re.subn(rf"(多少|几)(?:{ZH_UNITS})?", lambda m: m.group(1) + unit, prev.question, count=1)
    return text if n else f"{prev.question.rstrip('?？ ')},多少{unit}?"


def _named_body(q: Query, metas) -> str | None:
    """藏语委办呢?: a follow-up naming only a body whose report is in the corpus, written with that report's place
    (西藏自治区藏语委办呢?) so that the place is found and the body goes with it."""
    words = re.sub(r"(?:的)?(?:那|这)(?:份|个|家)(?:报告)?$|的$", "", said(q.question).strip(" ?？"))  # 数据局那份呢
    if q.names_reports() or len(words) < 3 or not re.fullmatch(r"[\u4e00-\u9fff()（）]+", words):
        return None
    places = {m.place for m in metas.values() if m.place and m.department and (words in m.department or words in (m.issuer or ""))}
    return f"{places.pop()}{words}呢?" if len(places) == 1 else None


def _rest(q: Query, places: PlaceIndex) -> str:
    """What the question asks beyond a place and a year: empty for "那2022年呢?" or "What about Linhai?"."""
    text = said(q.question)
    names = sorted({a for p in q.places for a in places.aliases_of(p)}, key=len, reverse=True)
    # every mention blanked at once: 济南市中区 holds 济南市 and 市中区, which share the 市 (焉耆 written 焉耆县 too)
    spans = [m.span() for name in names + list(q.unknown_places)
             for m in re.finditer(re.escape(name) + f"(?:{UNIT_SUFFIX})?" + _ORGAN, text)]
    text = "".join(" " if any(s <= i < e for s, e in spans) else ch for i, ch in enumerate(text))
    if q.lang == "en":
        text = pinyin_spelling(re.sub(r"[(（][\u4e00-\u9fff()（）]+[)）]", " ", text))  # a gloss of the words before it; Tibet
        for p in q.places:
            text = re.sub(_pinyin_name(p) + _EN_ORGAN, " ", text, flags=re.I)
        text = re.sub(r"\b[A-Z][a-z]{2,}\b", lambda m: " " if places.is_parent_word(m.group(), q.places) else m.group(), text)
        text = re.sub(r"\b(?:in|for|of|the|about|it|its|then|same|one|ones|and|or)\b", " ", text, flags=re.I)
    text = re.sub(r"(?<=\s)(?:和|与|及|以及|跟|同|或)(?=\s)", " ", text)  # 那嘉善和密云呢: two places, nothing else
    text = re.sub(r"(?<=\s)的(?=[\s?？]|$)", " ", text)  # 义乌和济南市中区的呢
    return _PUNCT.sub("", _YEAR_WORD.sub("", text))


def _pinyin_name(place: str) -> str:
    last = (units(place) or [place])[-1]
    names = "|".join(re.escape(n) for n in sorted(pinyin_readings(core(last))))  # 江厦: Jiangxia or Jiangsha
    return (rf"\b(?:{names})\b(?:\s+(?:County|District|City|Province|Town|Township|Prefecture|Region|"
            rf"Subdistrict|Street|New Area|(?:economic(?: and technological)?\s+|high-?tech\s+|hi-tech\s+)?"
            rf"(?:development\s+)?(?:zone|area|park)))?(?:'s)?")


def _swap_scope(prev: Query, q: Query, places: PlaceIndex) -> str:
    """The earlier question with the follow-up's place and/or year in place of its own."""
    text = prev.question
    if q.year is not None:
        text, n = re.subn(r"(?<!\d)(?:19|20)\d{2}(?!\d)", str(q.year), text)
        if not n:
            text = (f"{q.year}年" + text) if prev.lang == "zh" else f"{text.rstrip('?？ ')} in {q.year}?"
    if q.places:
        text = _replace_places(text, prev, q, places)
    return text


def _replace_places(text: str, prev: Query, q: Query, places: PlaceIndex) -> str:
    new = ("、".join(q.places) if prev.lang == "zh" else " and ".join(english_name(p).split(",")[0] for p in q.places))
    if prev.lang == q.lang and (written := _scope_written(q, places)):
        new = written  # the body asked goes with its place: 西藏藏语委办 replaces 习水县公安局 whole
    # 西宁城中区 → 营口老边区 whole: the old place's province or city written before it goes with it
    parents = sorted({n for n, ps in places.secondary.items() if set(prev.places) & ps}, key=len, reverse=True)
    before = f"(?:{'|'.join(map(re.escape, parents))})?" if parents else ""
    patterns = [before + re.escape(a) + _ORGAN for p in prev.places
                for a in sorted(places.aliases_of(p), key=len, reverse=True)]
    patterns += [_pinyin_name(p) + _EN_ORGAN for p in prev.places] if prev.lang == "en" else []
    for pattern in patterns:
        if re.search(pattern, text, flags=re.I):
            text = re.sub(pattern, lambda m: new + ("'s" if m.group().endswith("'s") else ""), text, count=1, flags=re.I)
            return re.sub("|".join(patterns), "", text, flags=re.I) if len(prev.places) > 1 else text
    return f"{new}{text}" if prev.lang == "zh" else f"{text.rstrip('?？ ')} ({new})?"


def _scope_written(q: Query, places: PlaceIndex) -> str | None:
    """The follow-up's places as written, a place with the body after it (西藏藏语委办(编译局)) whole, when one
    names a body: 那舟山交通局和铜梁东城街道呢 → 舟山交通局、东城街道."""
    written = [_written(p, q, places) for p in q.places]
    if not any(written):
        return None
    named = [w or (p if q.lang == "zh" else english_name(p).split(",")[0]) for p, w in zip(q.places, written)]
    return ("、" if q.lang == "zh" else " and ").join(named)


def _written(place: str, q: Query, places: PlaceIndex) -> str | None:
    if q.lang == "en":
        m = re.search(_pinyin_name(place) + _EN_ORGAN, q.question, re.I)
        return m.group() if m and re.search(_EN_BODY, m.group(), re.I) else None
    for alias in sorted(places.aliases_of(place), key=len, reverse=True):
        if (m := re.search(re.escape(alias) + _ORGAN, q.question)) and m.end() > m.start() + len(alias):
            return m.group()
    return None


def _swap_thing(prev: Query, q: Query, thing: str) -> str:
    """The earlier question asking about the follow-up's thing instead of its own ("那省级国家机关呢?"); of an English
    question asking several figures, its first part ("and construction planning permits?" asks one figure)."""
    if prev.lang == "zh" and thing.endswith("率") and not re.search(r"率|比例|百分", prev.question):
        return f"{scope_prefix(prev)}{thing}是多少?"  # 优秀率呢? after 有多少名…参加了考试: a rate of it, not a count
    text = prev.question if prev.lang == "zh" else parts_en(prev.question)[0]
    noun = _EN_THING_LEAD.sub("", said(q.question)).rstrip("?？ ") if q.lang == "en" else thing
    pattern = _THING_EN if prev.lang == "en" else _THING_AFTER
    m = pattern.search(text) or (None if prev.lang == "en" else _THING_BEFORE.search(_unscoped(prev)))
    if m:
        group = next(i for i in range(1, (m.re.groups or 0) + 1) if m.group(i))
        if prev.lang == "en" and _MEASURE_EN.fullmatch(m.group(group)):
            return _with_scope(prev, q)  # "how many times did advisers take part…": the thing is in the verb phrase
        base = text if m.re is not _THING_BEFORE else _unscoped(prev)
        if prev.lang == "zh" and (verb := re.match(r"([\u4e00-\u9fff]{1,4})的", noun)) and verb.group(1) in base[:m.start(group)]:
            noun = noun[verb.end():]  # 命名的示范地区 after 命名了多少个…: the verb is already asked
        replaced = base[:m.start(group)] + noun + base[m.end(group):]
        return replaced if m.re is not _THING_BEFORE else scope_prefix(prev) + replaced
    return _with_scope(prev, q)


def _cumulative(prev: Query) -> str:
    """The earlier question asked as a running total: "How many new scenarios…" → "How many scenarios … in total
    (cumulative)?", 新上线了多少个 → 累计上线了多少个 (a year's new ones are not the total)."""
    if prev.lang == "en":
        return re.sub(r"\bnew(?:ly)?\s+", "", prev.question).rstrip("?？ ") + ", cumulative total?"
    return re.sub(r"(?:新增|新)?(?=[\u4e00-\u9fff]{0,4}(?:多少|几))", "累计", prev.question.replace("年度新", ""), count=1)


def _swap_figure_scope(prev: Query, scope: str) -> str:
    """The earlier question counted over the follow-up's part of its place ("那市本级呢?" after 全市…)."""
    text = prev.question
    if cues.FIGURE_SCOPE.search(text):
        return cues.FIGURE_SCOPE.sub(scope, text, count=1)
    if prev.lang == "en":
        return f"{text.rstrip('?？ ')} ({scope})?"
    return scope_prefix(prev) + scope + _unscoped(prev).lstrip(",，、 ")


def _unscoped(prev: Query) -> str:
    text = _YEAR_WORD.sub("", prev.question)
    for p in prev.places:
        text = text.replace(p, "")
    return text


def _thing(prev: Query) -> str | None:
    if prev.lang == "en":
        m = _THING_EN.search(prev.question)
        return next((g for g in m.groups() if g), None) if m else None
    m = _THING_AFTER.search(prev.question) or _THING_BEFORE.search(_unscoped(prev))
    return m.group(1) if m else None


def _with_scope(prev: Query, q: Query) -> str:
    """The follow-up's own question, with the earlier scope and, for 其中/those, the thing it narrows."""
    body = said(q.question)
    thing = _thing(prev) if cues.REFER_THING.search(q.question) and q.lang == prev.lang else None
    if q.lang == "zh":  # (the earlier question's words lend only to one in its language; `leans` covers the rest)
        own = re.sub(r"^\s*其中", "", body)
        # 其中维持了多少件: its own words find the clause; the earlier thing only when they are too few
        narrowed = f"{thing}中," + own if thing and own_words(own) < NAMES_A_THING else own
        # 总共办了多少件? after 行政许可有多少件: the whole of what was counted, in its unit; not the part again
        whole = cues.WHOLE_ASKED_ZH.search(own) and written_unit(own) and written_unit(own) == written_unit(prev.question)
        if not (thing or whole) and own_words(own) < NAMES_A_THING and prev.lang == "zh" and (thing := _thing(prev)):
            narrowed = f"{thing},{own}"  # 一共多少人次参加? after 举办了多少场专场讲座: the lectures' attendance
        scope = scope_prefix(prev) + ("的报告" if _ZH_REPORT.search(q.question) else "")  # 这份报告是哪天作的
        return (scope if not q.names_reports() else "") + narrowed
    if not q.names_reports() and prev.places and cues.REFER_SCOPE.search(q.question):
        return _named_en(q, prev, thing)
    body = _lend_thing(body, thing)
    if q.names_reports() and q.year:
        return body
    where = ", ".join([english_name(p).split(",")[0] for p in prev.places] + ([str(prev.year)] if prev.year else []))
    return f"{body.rstrip('?？ ')} ({where})?" if where else body


def _lend_thing(text: str, thing: str | None) -> str:
    """"How many of those were upheld?" → "How many of the administrative reconsideration cases were upheld?"."""
    return re.sub(r"\b(?:those|them|these)\b", f"the {thing}", text, count=1, flags=re.I) if thing else text


def _named_en(q: Query, prev: Query, thing: str | None) -> str:
    """An English follow-up with its pronouns replaced by the earlier place: "When was this report published?" →
    "When was the Yiwu City 2023 report published?", "How many cases did it handle?" → "… did Yiwu City handle in 2023?"."""
    name = " and ".join(english_name(p).split(",")[0] for p in prev.places)
    year = f" {prev.year}" if prev.year and not q.year else ""
    text = cues.FOLLOW_TAIL.sub("", cues.FOLLOW_LEAD.sub("", q.question, count=1)).strip()
    text, reports = _EN_REPORT.subn(f"the {name}{year} report", text)
    text = _EN_POSSESSIVE.sub(f"{name}'s", text)
    text = _EN_PRONOUN.sub(name, text)
    text = _lend_thing(text, thing)
    if year and not reports:
        text = f"{text.rstrip('?？ ')} in{year}?"
    return text[:1].upper() + text[1:]


def without_year(q: Query) -> Query:
    """The standalone question without the year it carried: the new place has no report of that year."""
    text = re.sub(r"\s*\b(?:in|for) (?:19|20)\d{2}\b|,?\s*(?<!\d)(?:19|20)\d{2}(?!\d)\s*年?度?", " ", q.question)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+(?=[?？,，。:：)])|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", re.sub(r"\s{2,}", " ", text))
    return q.model_copy(update={"year": None, "question": text.strip()})


def _carry(new: Query, q: Query, prev: Query) -> Query:
    """The scope the follow-up did not name comes from the earlier question as structure, so a department's
    reports or a report named by its title stay the ones asked about."""
    update: dict = {}
    if not (q.places or q.unknown_places or q.report_ids):
        update |= {"places": prev.places, "report_ids": prev.report_ids, "unknown_places": [], "outside_filter": []}
    if new.year is None and q.year is None and prev.year is not None:
        update["year"] = prev.year
    update |= _own_language(new, q)  # "What about Yuzhong district?" after a Chinese question: answered in English
    return new.model_copy(update=update) if update else new
