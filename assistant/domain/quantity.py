"""Figures as reports write them: the number grammar shared by every stage (placeholder, see issue 25)."""
from __future__ import annotations

import re

# digits with optional thousands separators (1,536) and decimals; a comma not followed by three digits ends it
NUM = r"\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?"

# what a Chinese question counts → units that can answer it (first match wins)
_ASKED = [(r"率|百分比|比例|满意度|完成度|占比|percent|rate", {"%", "％", "个百分点", "百分点"}),
          (r"人次", {"人次", "万人"}), (r"场次|多少场|几场", {"场次", "场", "次"}),
          (r"次数|多少次|几次|几回|how many times", {"次", "场次", "场", "期"}),
          (r"期数|多少期|几期", {"期", "万期"}), (r"件数|多少件|几件|案件数", {"件", "件次", "起", "宗", "万件"}),
          (r"人数|多少人|几人|多少名|干部数|人员数|负责人", {"人", "名", "人次", "万人", "余人", "位"}),
          (r"单位数|部门数|多少家|几家|企业数", {"家", "个", "所", "户"}),
          (r"项数|多少项|几项|事项|任务", {"项", "个", "件", "条", "类"}),
          (r"金额|多少元|资金|投资|投入|经费", {"元", "万元", "亿元"}),
          (r"多少个|几个|个数", {"个", "家", "项", "所", "处", "支"}),
          (r"多少条|几条|条数", {"条"}), (r"多少份|几份|份数", {"份"}), (r"多少部|几部", {"部"}),
          (r"多少天|几天|天数", {"天"})]
_UNIT_BEFORE_ASK = re.compile(r"(?<=[\u4e00-\u9fff])([件次人家场期名份条篇])(?:多少|几)")  # 办件多少 → 件
_RELATED = {"件": {"件", "件次", "起", "宗", "万件"}, "次": {"次", "场次", "场", "期"}, "人": {"人", "名", "人次", "万人", "位"},
            "名": {"名", "人", "人次"}, "场": {"场", "场次", "次"}, "个": {"个", "家", "项", "所", "处"}}


def asked_units(question: str) -> set[str] | None:
    """Units that can answer what a Chinese question counts (办件多少 → 件; 次数 → 次; 满意度 → %), or None."""
    if m := _UNIT_BEFORE_ASK.search(question):
        return _RELATED.get(m.group(1), {m.group(1)})
    for pattern, units in _ASKED:
        if re.search(pattern, question, re.I):
            return units
    return None


# English: what "how many …" counts → units (no Chinese words to match, so the unit must be clear)
_ASKED_EN = [(r"person[- ]times", {"人次", "万人次"}), (r"\b(?:percent\w*|rate|ratio|share)\b", {"%", "％"}),
             (r"\b(?:times|sessions?|meetings?|lectures?|trainings?|classes|rounds?)\b", {"次", "场", "场次", "期"}),
             (r"\b(?:people|persons?|cadres?|officials?|observers?|staff|officers?|police\w*|leaders?|participants?|heads|"
              r"chiefs?|members|lawyers?|judges?|mediators?|volunteers?|residents?|students?|workers?|employees?)\b",
              {"人", "名", "位", "万人", "余人"}),  # people, not person-times (人次)
             (r"\b(?:units|departments|bodies|organi[sz]ations|enterprises|companies|firms)\b", {"家", "个"}),
             (r"\b(?:items?|tasks?|measures?|matters?|projects?|services?|scenarios?|systems?|platforms?|mechanisms?|"
              r"rules?|regulations?|policies|procedures?|lists?)\b", {"项", "个", "件"}),
             (r"\b(?:banners?|posters?|copies|documents?|articles?|pamphlets?|brochures?)\b", {"条", "张", "份", "篇", "册"}),
             (r"\b(?:invest\w*|yuan|money|amount|funds?|cost|spent|spend|sums?)\b", {"元", "万元", "亿元"}),
             (r"\b(?:cases?|crimes?|disputes?)\b", {"件", "起", "宗", "件次"})]


def asked_units_en(question: str) -> set[str] | None:
    """Units for what "how many …" counts: the words right after it decide, nearest first (how many leading
    cadres attended training → people), the rest of the question only when they say nothing."""
    counted = re.search(r"\bhow (?:many|much)\s+((?:[\w'-]+\s+){0,3}[\w'-]+)", question, re.I)
    words = counted.group(1).split() if counted else []
    # the head noun first: "how many crimes against enterprises" counts crimes, not enterprises
    for text in [" ".join(words[:n]) for n in (1, 2) if len(words) >= n] + [question]:
        for pattern, units in _ASKED_EN:
            if re.search(pattern, text, re.I):
                return units
    return None
