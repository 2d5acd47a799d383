"""Follow-ups to a question about a report itself (its date, meeting, issuer): another body's report asked the
same (数据局那份呢?), or when the report asked about was delivered or published (哪天?)."""
from __future__ import annotations

import re

from ..domain import aspects
from .query import Query


def scope_prefix(prev: Query) -> str:
    where = "、".join(prev.places)
    return f"{where}{prev.year}年" if prev.year else where


def about_report_tail(prev: Query) -> str | None:
    """What a Chinese question about a report itself asks, after its words for the report (鞍山市委市政府那份2023年
    法治政府建设报告|是哪天挂出来的): another body's report is asked the same, its own words for it replaced whole."""
    if prev.lang != "zh" or not aspects.asked(prev.question) or "报告" not in prev.question:
        return None
    return "的报告" + prev.question.rsplit("报告", 1)[1]


_WHEN = re.compile(rf"(?:是|在)?(?:{aspects.WHEN_ZH})|(?:on\s*)?(?:{aspects.WHEN_EN})(?:\s*was\s*(?:it|that))?|"
                   r"(?P<dated>(?:落款|签发)(?:日期|时间)?|dated\s*when|when\s*(?:was\s*(?:it|that)\s*)?dated)", re.I)  # words run together


def when_of_report(prev: Query, rest: str) -> str | None:
    """哪天? after a question about a report itself: when it was delivered (at the meeting asked before) or
    published, of the same report (重庆市政府那份…报告是哪天作的?)."""
    when = _WHEN.fullmatch(rest.strip(" ?？"))
    if prev.lang != "zh" or not when or not (asked := {a.name for a in aspects.asked(prev.question)}):
        return None
    report = prev.question.rsplit("报告", 1)[0] + "报告" if "报告" in prev.question else scope_prefix(prev) + "的报告"
    if when.group("dated"):  # "Dated when?": the date it is signed
        return f"{report}的落款日期是哪天?"
    return f"{report}是哪天{'作的' if 'session' in asked else '发布的'}?"
