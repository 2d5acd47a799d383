"""Questions off the reports' subject: rule-of-law reports do not give GDP, population, tourism or
the weather. A question whose asked thing has no counterpart anywhere in the reports in scope is
answered "not in the reports" instead of with the nearest figure (协议履行率 98% is no GDP growth).
"""
from __future__ import annotations

import re

from ..text.script import to_simplified

# what people ask that these reports are not about → the words a report would use if it did say it
_OFF_SUBJECT = [
    (r"(?<![A-Za-z])GDP(?![A-Za-z])|国内生产总值|地区生产总值|经济增长|economic growth|\beconomy\b", ("生产总值", "GDP", "经济增长")),
    (r"常住人口|户籍人口|人口|\bpopulation\b|\binhabitants\b", ("人口",)),
    (r"游客|旅游|\btouris\w*|\bvisitors?\b", ("游客", "旅游")),
    (r"财政收入|一般公共预算收入|税收|\brevenue\b|\btax(?:es)?\b", ("财政收入", "预算收入", "税收")),
    (r"天气|气温|降雨|\bweather\b|\btemperature\b|\brainfall\b", ("天气", "气温", "降雨")),
    (r"房价|\bhouse prices?\b|\bhousing prices?\b", ("房价",)),
    (r"平均工资|人均可支配收入|\bwages?\b|\bsalar(?:y|ies)\b|\bdisposable income\b", ("工资", "可支配收入")),
]
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}(?![A-Za-z])")  # also inside Chinese text (年GDP是)
_KNOWN = {"NPC", "CPPCC", "CPC", "PRC", "APP", "AI", "ID"}


def off_subject(question: str, texts: list[str]) -> str | None:
    """The asked thing when no report in scope says anything about it, else None."""
    body = None
    for pattern, words in _OFF_SUBJECT:
        if m := re.search(pattern, question, re.I):
            body = body if body is not None else "".join(to_simplified(t) for t in texts)
            if not any(w in body for w in words):
                return m.group(0)
    for acronym in _ACRONYM.findall(question):
        if acronym not in _KNOWN:
            body = body if body is not None else "".join(to_simplified(t) for t in texts)
            if acronym not in body:
                return acronym
    return None
