"""What a question asks to be counted: the units that can answer "多少件" / "how many X" (zh and en), the measure
word the asker wrote, and the next nearest units when none of those is stated. The figures themselves are read by
quantity.py; this is the question's side of the same vocabulary."""
from __future__ import annotations

import re

from . import cues
from .quantity import ZH_UNITS

# what a Chinese question counts → units that can answer it (first match wins)
_ASKED = [(r"多少倍|几倍|倍数", {"倍"}),  # before 率: 增长率是几倍 asks a multiple
          (r"率|百分比|比例|满意度|完成度|占比|percent|rate", {"%", "％", "‰", "‱", "个百分点", "百分点"}),
          (r"人次", {"人次", "万人"}), (r"场次|多少场|几场", {"场次", "场", "次"}),
          (r"次数|多少次|几次|几回|how many times", {"次", "场次", "场", "期"}),
          (r"期数|多少期|几期", {"期", "万期"}), (r"件数|多少件|几件|案件数", {"件", "件次", "起", "宗", "万件"}),
          (r"人数|多少人|几人|多少名|干部数|人员数|负责人|(?:多少|几)(?:个|位)?[\u4e00-\u9fff]{0,6}?"
           r"(?:员|者|师|官|干部|代表|党员|民警|辅警|律师|群众|村民|居民|学生|职工)(?=[?？。,，呢吗]|$)",
           {"人", "名", "人次", "万人", "余人", "位"}),
          (r"单位数|部门数|多少家|几家|企业数", {"家", "个", "所", "户", "家次"}),  # 走访企业3907家次: visits counted by firm
          (r"项数|多少项|几项|事项|任务", {"项", "个", "件", "条", "类"}),
          (r"金额|多少元|多少钱|几块钱|资金|投资|投入|经费|费用|花费|开支|支出", {"元", "万元", "亿元"}),
          (r"多少个|几个|个数", {"个", "家", "项", "所", "处", "支"}),
          (r"多少条|几条|条数", {"条"}), (r"多少份|几份|份数", {"份"}), (r"多少部|几部", {"部"}),
          (r"多少天|几天|天数", {"天"}), (r"多少年|几年", {"年"})]  # 连续搞了多少年: 连续17年, a duration
_UNIT_BEFORE_ASK = re.compile(r"(?<=[\u4e00-\u9fff])([件次人家场期名份条篇])(?:多少|几)")  # 办件多少 → 件
_RELATED = {"件": {"件", "件次", "起", "宗", "万件"}, "次": {"次", "场次", "场", "期"}, "人": {"人", "名", "人次", "万人", "位"},
            "名": {"名", "人", "人次"}, "场": {"场", "场次", "次"}, "个": {"个", "家", "项", "所", "处"}}


# when no figure has a unit the question asked, the next nearest: people reached are often counted in
# person-times (覆盖民辅警200余人次), person-times in people, sessions in 期
_WIDER = {"人": {"人次", "万人次"}, "名": {"人次", "万人次"}, "人次": {"人", "名", "万人"}, "次": {"期", "批"},
          "件": {"起", "宗", "项"}, "项": {"个", "条", "件"}, "家": {"个", "所"}}


def widened(units: list[str] | None) -> list[str] | None:
    """The units asked plus their next nearest, or None when widening adds nothing."""
    if units is None:
        return None
    more = set(units).union(*(_WIDER.get(u, set()) for u in units))
    return sorted(more) if more - set(units) else None


def asked_units(question: str) -> set[str] | None:
    """Units that can answer what a Chinese question counts (办件多少 → 件; 次数 → 次; 满意度 → %), or None."""
    if m := _UNIT_BEFORE_ASK.search(question):
        return _RELATED.get(m.group(1), {m.group(1)})
    if (m := cues.THRESHOLD.search(question)) and (unit := re.search(rf"\d(?:万|千|百)?({ZH_UNITS})", m.group())):
        return _RELATED.get(unit.group(1), {unit.group(1)})  # 超过5万人了吗?: people
    # the measure word written after 多少/几 decides before any word further on (多少家单位…负责人: units, not
    # people); 个 says nothing by itself (几个律师 counts people)
    if (written := written_unit(question)) and written != "个":
        for pattern, units in _ASKED:
            if re.search(pattern, "多少" + written):
                return units | {written}  # 多少家次: 家次 itself, beside 家
    for pattern, units in _ASKED:
        if re.search(pattern, question, re.I):
            return units | ({written} if written else set())  # 几个负责人: people, and the 个 the report may count them in
    return None


def written_unit(question: str) -> str | None:
    """The measure word a Chinese question writes after 几/多少 (几次 → 次, 多少场次 → 场次): among the units that
    can answer it, the one the asker used."""
    m = re.search(rf"(?:几|多少)({ZH_UNITS})", question)
    return m.group(1) if m else None


# spoken forms a question uses for the written ones of the reports (已经完成 asked, 已完成 written)
_WRITTEN = {"已经": "已", "曾经": "曾", "都已": "已"}
_SPOKEN = re.compile("|".join(_WRITTEN))


def as_written(question: str) -> str:
    return _SPOKEN.sub(lambda m: _WRITTEN[m.group()], question)


# the words that only ask (是多少件, 有几个人次, 了, 呢) and say nothing of what is counted
# (总共办了多少件 asks the whole of what was counted before: 总共 names no thing of its own)
_ASKING_ONLY = re.compile(rf"(?:是|有|为|达到|达|共)?(?:多少|几)(?:{ZH_UNITS})*|{cues.WHOLE_ASKED_ZH.pattern}|{cues.THRESHOLD.pattern}|"
                          r"[了的呢吗又还?？,，\s]", re.I)  # 超过5万人了吗? names nothing either


NAMES_A_THING = 3  # own characters enough to name what a part counts (学法几次 and 纠错率 do; 覆盖, 维持 do not)


def own_words(part: str) -> int:
    """How many Chinese characters a question part says beyond asking: 集中学法几次 → 4 (names what it counts),
    覆盖多少人次 → 2 and 其中维持了多少件 → 2 after 其中 (they lean on the part or turn before them)."""
    return len(re.findall(r"[\u4e00-\u9fff]", _ASKING_ONLY.sub("", part)))


# people who act (officials, staff): "how many people" counts them, and a mention list leaves them out as actors
_PEOPLE = (r"people|persons|cadres?|officials?|staff|officers?|employees?|civil servants?|public servants?|personnel|workers?|"
           r"members|students?|residents?")


# English: what "how many …" counts → units (no Chinese words to match, so the unit must be clear)
# asked in several words, read before any one word: "how many times higher" is a multiple (倍), not sessions
# (次); "how many percentage points" is a change of a rate, not the rate (%)
_WHOLE_EN = [(re.compile(r"\bhow many (?:times|fold) (?:as|more|higher|larger|greater|over)\b|\bhow many-fold\b", re.I),
              {"倍"}), (re.compile(r"\bpercentage[- ]points?\b", re.I), {"个百分点", "百分点"})]
_ASKED_EN = [(r"person[- ]times|(?:exam |test )?sittings?", {"人次", "万人次"}), (r"\b(?:views?|clicks?|hits|downloads?|reads)\b", {"次", "人次"}),
             (r"\bvisits?\b", {"次", "人次", "家次", "户次"}), (r"\bconsultations?\b", {"件", "件次", "次", "人次"}),
             (r"\b(?:suggestions?|recommendations?|opinions?|letters?|orders?|notices?|circulars?|reports)\b",
              {"条", "份", "件", "个", "项"}),
             (r"\b(?:percent\w*|rate|ratio|share|proportion|fraction|satisfaction|how satisfied|coverage)\b", {"%", "％", "‰", "‱"}),  # a rate may be written per mille: never as %
             (r"\b(?:times|sessions?|meetings?|lectures?|talks|speeches|presentations?|trainings?|classes|rounds?|visits?|inspections?|trips?|"
              r"exams?|examinations?|tests?|quizz?(?:es)?|"
              r"patrols?|campaigns?|drills?|events?|activities|forums?|seminars?|exhibitions?|performances?|shows?)\b",
              {"次", "场", "场次", "期"}),
             (r"\b(?:teams?|groups?|squads?)\b", {"个", "支", "家"}),
             (r"\b(?:(?:working |business )?days?|hours?)\b", {"天", "日", "小时", "个工作日", "工作日"}),
             (r"\bmonths?\b", {"个月", "月"}),
             (r"\b(?:visitors?|attendees?|attendances?)\b", {"人次", "万人次", "人", "万人"}),
             (r"\b(?:windows?|counters?|desks?|(?:help|service|contact|liaison|mediation|observation|monitoring) points?|stations?|cent(?:er|re)s?|offices?|bases?|"
              r"sites?|hubs?|booths?)\b", {"个", "处", "家", "所"}),
             (r"\b(?:problems?|issues?|difficult(?:y|ies)|complaints?|requests?|demands?)\b", {"个", "件", "项", "条"}),
             # money before people: "the amount involved in the cases police investigated" asks a sum
             (r"\b(?:invest\w*|yuan|money|amount|funds?|cost|spent|spend|sums?|fines|confiscat\w*)\b", {"元", "万元", "亿元"}),
             (r"\b(?:households?|families|homes)\b", {"户", "户次", "家"}),
             (rf"\b(?:{_PEOPLE}|person|trainees?|learners?|observers?|police\w*|leaders?|participants?|heads|chiefs?|lawyers?|judges?|mediators?|"
              r"volunteers?|functionar(?:y|ies)|appointees?|individuals?)\b",
              {"人", "名", "位", "万人", "余人"}),  # people, not person-times (人次)
             (r"\b(?:prefectures?|count(?:y|ies)|cit(?:y|ies)|districts?|towns?|townships?|villages?|communities|"
              r"provinces?)\b", {"个", "家"}),
             (r"\b(?:units|departments|bodies|organi[sz]ations|enterprises|companies|firms)\b", {"家", "个"}),
             (r"\b(?:courses?|curricul\w*|subjects?)\b", {"门", "个", "期", "节"}),
             (r"\b(?:provisions?|clauses?|stipulations?|rules)\b", {"条", "项", "款"}),
             (r"\b(?:items?|entries|tasks?|measures?|matters?|projects?|services?|scenarios?|systems?|platforms?|mechanisms?|indicators?|topics?|"
              r"regulations?|policies|procedures?|lists?)\b", {"项", "个", "件"}),
             (r"\b(?:pamphlets?|brochures?|booklets?)\b", {"册", "本", "份"}),
             (r"\b(?:works|videos?|(?:micro-?)?films?|books?|songs?|cartoons?|animations?|dramas?|plays|productions?)\b",
              {"部", "个", "件", "首", "集", "本", "篇"}),
             (r"\b(?:leaflets?|flyers?|posters?)\b", {"张", "份"}),
             (r"\b(?:documents?|files?|normative|permits?|licen[cs]es?|certificates?)\b", {"件", "份", "个", "部", "篇", "项", "张", "证"}),
             (r"\b(?:banners?|copies|articles?)\b", {"条", "张", "份", "篇", "册"}),
             (r"\b(?:cases?|crimes?|disputes?|lawsuits?|suits|litigations?|appeals?|applications?|transactions?|penalt(?:y|ies)|"
              r"punishments?|sanctions?)\b", {"件", "起", "宗", "件次"})]


_EN_PHRASE_END = re.compile(r"did|do|does|were|was|are|is|have|has|had|will|in|on|at|for|to|from|by|with|against|"
                            r"got|get|gets|took|take|held|hold|made|make|won|saw|sat|gave|give|went|ran|"
                            r"that|which|who|across|during|under|over|per|of|the|these|those|its|their|and|or")
# after "how many", these end the phrase even before it starts: "how many were there before the cut" counts no cut
NOTHING_COUNTED_EN = frozenset({"there", "here", "before", "after", "then", "now", "still", "altogether", "overall", "again"})


def counted_en(question: str) -> tuple[list[str], list[str]]:
    """What "how many …" counts: the noun phrase right after it, head last (how many lawyer teams were set up
    → lawyer teams), and all the words after it (up to eight)."""
    unquoted = re.sub(r"(?<![A-Za-z])['\"‘“](.{2,40}?)['\"’”](?![A-Za-z])", " ", question)  # 'can't get it done' windows
    # "what was the (total) number of cases handled at windows" counts cases as "how many cases" does
    counted = re.search(r"\b(?:how (?:many|much)|number of|count of)\s+((?:[\w'-]+\s+){0,7}[\w'-]+)", unquoted, re.I)
    words = counted.group(1).split() if counted else []
    # the head noun first, the last word of the phrase counted: "how many crimes against enterprises" counts
    # crimes, "how many lawyer teams were set up" teams
    phrase: list[str] = []
    for w in words:
        if w.lower() in ("and", "or") and phrase:
            phrase.append(w)  # "self-assessment and review activities": the head comes after it
            continue
        if _EN_PHRASE_END.fullmatch(w.lower()) or w.lower() in NOTHING_COUNTED_EN:
            if phrase or w.lower() in NOTHING_COUNTED_EN:
                break
            continue  # how many of the …
        phrase.append(w)
    # "how many leading cadres attended training": the noun comes before the verb
    verb = next((i for i, w in enumerate(phrase) if i and re.fullmatch(r"[a-z]+ed", w)), None)
    phrase = phrase[:verb] if verb else phrase[:4] if "and" not in phrase and "or" not in phrase else phrase
    while phrase and phrase[-1].lower() in ("and", "or"):
        phrase.pop()
    return phrase, words


_PLACE_EN = re.compile(r"\b[A-Z][a-z]+(?:'s)?\s+(?i:county|city|district|province|town|township|prefecture|region|"
                       r"subdistrict)\b(?:'s)?")


_TURNS = re.compile(r"\b(?:sat|sit|attend\w*|took part|take part|participat\w*|trained|tested|examined|watch(?:ed|es|ing)?|observed|observing|took (?:the|an|a) \w+|"
                    r"t(?:ook|ake|aking) (?:[\w-]+ ){0,2}(?:exams?|tests?|courses?|classes))\b", re.I)
# people named as who did something "how many times": their sittings are person-times (学法考试1.3万人次)
PEOPLE_EN = re.compile(rf"\b(?:(?:government |leading |agency )?(?:{_PEOPLE}))\b", re.I)
# people served are counted per visit even when asked as "how many people" (提供法律咨询300余人次)
_SERVED = re.compile(r"\b(?:receiv\w*|served|consult\w*|benefit\w*|helped|assisted)\b", re.I)


_DURATION_EN = re.compile(r"\bhow long\b|\bhow much (?:\w+\s+){0,2}time\b|\bby how (?:many days|much time)\b|"
                          r"\bin (?:working |calendar |business )?days\b", re.I)  # "within a time limit" asks no days
# "Of the X, how many were …": the whole named first, and nothing counted after "how many"
_WHOLE_BEFORE_EN = re.compile(r"^\s*(?:of|among|out of) (?:the|those|these|all(?: the)?)\s+([^,?]{2,120}?),\s*how (?:many|much)\s+"
                              r"(?:of (?:them|those|these)\s+)?(?:were|was|are|is|have|has|had|did|do|does|got|became)\b", re.I)


# "how many were …": no noun after "how many"
_ELLIPTIC = re.compile(r"\bhow many\s+(?:of (?:them|those|these)\s+)?(?:were|was|are|is|can|could|did|do|does|have|has|had|got|"
                       r"went|will|would)\b", re.I)
# a figure a question states with what it counts ("8 licensing items", "the 2758 items")
_GIVEN_COUNT = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?\s+((?:[A-Za-z'-]+\s+){0,3}?[A-Za-z'-]+s)\b")


def asked_units_en(question: str) -> set[str] | None:
    """Units for what "how many …" counts: the words right after it decide, nearest first (how many leading
    cadres attended training → people), the rest of the question only when they say nothing."""
    if whole := next((units for pattern, units in _WHOLE_EN if pattern.search(question)), None):
        return whole
    if _DURATION_EN.search(question):  # "how long did a permit take", "how much review time was saved"
        return {"天", "日", "小时", "个工作日", "工作日", "个月"}
    if m := _WHOLE_BEFORE_EN.match(question):  # "Of the systems adopted, how many were firsts": systems are counted
        return asked_units_en(f"how many {m.group(1)}")
    phrase, words = counted_en(question)
    if _ELLIPTIC.search(question) and (given := _GIVEN_COUNT.search(question)):
        # "8 licensing items were cancelled. How many were taken over?": counted as the figure the question gives
        if units := asked_units_en(f"how many {given.group(1)}"):
            return units
    # "how much" asks an amount or a share, never a count ("how much pressure did the service supermarket relieve")
    amount = re.search(r"\bhow much\b", question, re.I) and not re.search(r"\bhow many\b", question, re.I)
    asked = [(p, u) for p, u in _ASKED_EN if not amount or u & {"元", "%"}]
    heads = [phrase[-1], " ".join(phrase)] if phrase else []
    # the rest of the question without its place names ("Hunyuan County's government" counts no counties)
    rest = _PLACE_EN.sub(" ", question)
    words = _PLACE_EN.sub(" ", " ".join(words)).split()  # "attendances did Yanqi County's…" counts no counties
    for text in heads + [" ".join(words[:n]) for n in (1, 2, 3, 4) if len(words) >= n] + [rest]:
        for pattern, units in asked:
            if re.search(pattern, text, re.I):
                # people who sat an exam or attended are counted per sitting (新提任领导干部考试37人次)
                turns = "人" in units and (_TURNS.search(question) and not re.search(r"\b(?:people|persons)\b", text, re.I)
                                           or _SERVED.search(question))
                times = "次" in units and _TURNS.search(question) and PEOPLE_EN.search(question)
                return units | {"人次", "万人次"} if turns or times else units  # "how many people" counts heads
    return set().union(*(u for _, u in asked)) & {"元", "万元", "亿元", "%"} if amount else None  # an amount or share
