"""Where a report says who wrote it, about which place and which year: each reader returns what one
kind of line states (title, the opening sentence's subject, 来源 line, signature, dates), or None."""
from __future__ import annotations

import re

from ..places.names import leading_place
from ..text.redact import redact

_ORG_END = r"(?:人民政府|政府|办事处|管理委员会|管委会|党工委|委员会|办公室|局|厅|委|办)(?:[((][^()()]{1,30}[))])?"
ORG = re.compile(rf"{_ORG_END}$")


def org_line(line: str) -> bool:
    """A line that is only a body's name (济南市市中区人民政府): a page's publisher line or a signature."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff()（） ]{4,40}", line) and ORG.search(line))

# government bodies (their reports are the place's own); everything else ending in ORG is a department
GOVERNMENT = re.compile(r"(人民政府|政府|办事处|管理委员会|管委会|党工委|区委|县委|市委|省委)(?:[((][^()()]{1,12}[))])?$")
_DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
# years that are not the year reported on: ranges (2021—2025年), document numbers, dates, quoted titles
_NOT_REPORT_YEAR = re.compile(r"《[^》]{0,60}》|[((][^()()]{0,30}[))]|〔[^〕]*〕|\d{4}年\d{1,2}月|\d{4}\s*[-—–~至到]+\s*\d{4}年")
_YEAR = re.compile(r"(20\d{2}|19\d{2})\s*年(?!\d{1,2}月)")
# the sentence that opens a report names its subject after the date and the "在…领导下" phrases
_LEAD = re.compile(r"^\s*(?:\d{4}年(?:度|以来|是[^,,。]{0,40}?之年[^,,。]{0,30})?\s*[,,]?\s*)?"
                   r"(?:(?:一年来|今年以来|年内)[,,]?\s*)?(?:在[^。]{0,80}?(?:领导|指导|监督|支持|部署)下?[,,]\s*)*")
_SUBJECT = re.compile(rf"(?P<org>[\u4e00-\u9fff]{{1,24}}?(?:{_ORG_END}|经济技术开发区|经济开发区|高新区|开发区|街道|镇|乡|县|区|市|省))"
                      r"(?=(?:坚持|始终|按照|围绕|以|认真|深入|全面|紧|不断|持续|积极|扎实|聚焦|在|将|把|着力))")
_REPORTING = re.compile(r"现将(?P<org>[\u4e00-\u9fff]{1,20}?)(?P<year>\d{4})年度?[^。]{0,30}?报告")


def title_year(title: str | None) -> int | None:
    if title and (m := re.search(r"(20\d{2}|19\d{2})\s*年", title)):
        return int(m.group(1))
    return None


def opening_year(opening: str) -> int | None:
    """The first year named in the opening lines outside ranges, document numbers, dates and quoted titles."""
    if m := _REPORTING.search(opening):  # 现将省政府2021年度法治政府建设情况报告如下
        return int(m.group("year"))
    m = _YEAR.search(_NOT_REPORT_YEAR.sub(lambda x: " " * len(x.group()), opening))
    return int(m.group(1)) if m else None


# a body whose own unit sits inside its name: 铜梁区人民政府东城街道办事处 (a subdistrict's office under the
# district government), 高新区(新市区)人民政府 (a zone run together with the district in brackets)
_INNER_UNIT = re.compile(r"人民政府(?P<unit>[\u4e00-\u9fff]{2,8}?(?:街道|镇|乡))(?:办事处|人民政府|政府)$|"
                         r"^[\u4e00-\u9fff]{2,12}[((](?P<merged>[\u4e00-\u9fff]{2,8}(?:区|县|市|旗))[))]|"
                         r"局(?P<branch>[\u4e00-\u9fff]{2,6}(?:区|县|市))分局$")  # 重庆市公安局渝北区分局 → 渝北区


def title_parts(title: str) -> tuple[str | None, str | None]:
    """(place as written, issuer as written) from titles like 临海市司法局关于2020年度… or 2018年上海市…."""
    head, _, tail = title.partition("关于")
    if tail:
        tail = re.sub(r"^(?:上报|报送|印发|呈报)?[《〈“]?", "", tail)
        issuer = head.strip() or None
        place = inner_unit(issuer) or leading_place(tail)
        if place is None and issuer:
            place = leading_place(issuer.split()[-1])
        return place, issuer
    body = re.sub(r"^\s*\d{4}\s*年度?", "", title)  # 2018年上海市法治政府建设情况的报告
    before_year = re.split(r"\d{4}|法治|依法", body, maxsplit=1)[0].strip()
    place = inner_unit(before_year) or leading_place(before_year)
    issuer = before_year if before_year and before_year != place and ORG.search(before_year) else None
    return place, issuer


def inner_unit(issuer: str | None) -> str | None:
    m = _INNER_UNIT.search(issuer or "")
    return (m.group("unit") or m.group("merged") or m.group("branch")) if m else None


def opening_subject(opening: str) -> str | None:
    """Who the opening sentence is about: 2021年以来,宣城市公安局按照… → 宣城市公安局;
    现将市人社局2022年…报告 → 市人社局."""
    for line in opening.split("\n")[:3]:
        lead = _LEAD.match(line)
        m = _SUBJECT.match(line, lead.end() if lead else 0)
        if m and not re.match(r"^(?:全|各|我|本)", m.group("org")):
            return m.group("org")
        if m := _REPORTING.search(line):
            return m.group("org")
    return None


def signature(cleaned: str) -> str | None:
    """The issuing body signed above the closing date (临海市司法局 / 2021年2月28日)."""
    lines = [line.strip() for line in cleaned.strip().split("\n")]
    for i in range(len(lines) - 1, max(len(lines) - 4, 0), -1):
        if re.fullmatch(_DATE, lines[i]) and i > 0:
            cand = lines[i - 1]
            return cand if len(cand) <= 40 and "。" not in cand and ORG.search(cand.split()[-1]) else None
    return None


def source_org(raw: str) -> str | None:
    """The body a 来源/发布机构 line names (the publisher, not always the author)."""
    m = re.search(r"(?:来源|发布机构|发布单位)\s*[::]\s*([\u4e00-\u9fff()()]{2,30})", raw)
    return m.group(1) if m and ORG.search(m.group(1)) else None


def stamped_org(raw: str) -> str | None:
    """The body a page's header names on a line of its own, next to the page's date stamp (济南市市中区人民政府 /
    2025-02-28 under the title): a 发布机构 line whose label the page did not keep."""
    lines = [line.strip() for line in raw.split("\n")[:_STAMP_LINES] if line.strip()]
    for line, after in zip(lines, lines[1:]):
        if _BARE_STAMP.fullmatch(after) and org_line(line):
            return line
    return None


_URL = r"https?://[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+"
_URL_LINE = re.compile(r"(?:原文链接|原文地址|来源网址|来源链接|网址|链接|来源)\s*[::]\s*(" + _URL + ")")
_CANONICAL = re.compile(r"<(?:link|meta)\b[^>]*?(?:rel=[\"']canonical[\"']|property=[\"']og:url[\"'])[^>]*?"
                        r"(?:href|content)=[\"'](" + _URL + r")[\"']", re.I)


def page_url(raw: str) -> str | None:
    """The report's web address as its page states it: a 原文链接/来源 line, or the page's canonical link."""
    m = _URL_LINE.search(raw) or _CANONICAL.search(raw[:20_000])
    return redact(m.group(1).rstrip(".,;)。,;)")) if m else None


def _iso(y: str, m: str, d: str) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


# a page's publication stamp on its own line near the top (2023-02-15 14:49, 2023-03-27 17:05 来源:…)
_BARE_STAMP = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源.*)?$", re.M)
_STAMP_LINES = 12


_SIGNER_LINE = re.compile(r"[\u4e00-\u9fff()（）]{2,40}(?:委员会|政府|局|厅|办公室|办事处|委|办|院)")


def _cover_letter_date(cleaned: str) -> str | None:
    """The signature date of a cover letter that opens the page (…随文呈报,请审阅。/ 兰州新区管理委员会 /
    2023年1月12日), the report's own text following it."""
    lines = [line.strip() for line in cleaned.split("\n")[:_STAMP_LINES * 2] if line.strip()]
    for before, line in zip(lines, lines[1:]):
        if (m := re.fullmatch(_DATE, line)) and _SIGNER_LINE.fullmatch(before):
            return _iso(*m.groups())
    return None


def dates(raw: str, cleaned: str) -> tuple[str | None, str | None]:
    """(date written, date published) as ISO dates, from the signature date and the page's date lines."""
    written = None
    for line in reversed(cleaned.strip().split("\n")[-4:]):
        if m := re.fullmatch(_DATE, line.strip()):
            written = _iso(*m.groups())
            break
    if written is None and (m := re.search(r"成文日期\s*[::]\s*(\d{4})-(\d{1,2})-(\d{1,2})", raw)):
        written = _iso(*m.groups())
    if written is None:
        written = _cover_letter_date(cleaned)
    published = None
    if m := re.search(r"(?:发布日期|发布时间|(?<!成文)日期|时间)\s*[::]?\s*(\d{4})[-年](\d{1,2})[-月](\d{1,2})", raw):
        published = _iso(*m.groups())
    elif m := _BARE_STAMP.search("\n".join(raw.split("\n")[:_STAMP_LINES])):  # 2023-02-15 14:49 under the title
        published = _iso(*m.groups())
    return written, published
