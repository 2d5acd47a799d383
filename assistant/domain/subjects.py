"""What people ask that rule-of-law reports are not about (GDP, population, weather…), with the words a
report would use if it did say it; and acronyms that are known to be on the subject."""
from __future__ import annotations

OFF_SUBJECT = [
    (r"(?<![A-Za-z])GDP(?![A-Za-z])|国内生产总值|地区生产总值|经济增长|economic growth|\beconomy\b", ("生产总值", "GDP", "经济增长")),
    (r"常住人口|户籍人口|人口|\bpopulation\b|\binhabitants\b", ("人口",)),
    (r"游客|旅游|\btouris\w*", ("游客", "旅游")),  # "visitors" a legal-education base served are people reached
    (r"财政收入|一般公共预算收入|税收|\brevenue\b|\btax(?:es)?\b", ("财政收入", "预算收入", "税收")),
    (r"天气|气温|降雨|\bweather\b|\btemperature\b|\brainfall\b", ("天气", "气温", "降雨")),
    (r"房价|\bhouse prices?\b|\bhousing prices?\b", ("房价",)),
    (r"平均工资|人均可支配收入|\bwages?\b|\bsalar(?:y|ies)\b|\bdisposable income\b", ("工资", "可支配收入")),
]
ACRONYM = r"(?<![A-Za-z])[A-Z]{2,5}(?![A-Za-z])"  # also inside Chinese text (年GDP是)
KNOWN_ACRONYMS = frozenset({"NPC", "CPPCC", "CPC", "PRC", "APP", "AI", "ID", "HR"})  # HR: 人社 (a body, not a subject)
