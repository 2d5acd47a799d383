"""Strip the web-page junk around a scraped report while keeping every content sentence.

Real reports arrive with index boxes, breadcrumbs, view counters, share/print buttons and site
menus. We work line by line: everything before the report title is page chrome; after it, only
lines that match a junk pattern (and carry no sentence) are dropped. Offsets everywhere else in
the package refer to the text returned here.
"""
from __future__ import annotations

import re
import unicodedata

from pydantic import BaseModel

from ..text.script import to_simplified
from .signals import org_line

_BULLET = re.compile(r"^[•·▪●◆■\-|\s]+")
_TITLE = re.compile(r"(法治政府|法治建设|依法行政|法治.{0,6}工作).{0,40}(报告|情况|总结)$")
_LABELS = (
    "信息索引号|索引号|主题分类|体裁分类|服务对象|文件名称|发布机构|发布单位|文件字号|文号|成文日期|"
    "公开方式|公开范围|公开时限|有效性|主题词|日期|发布日期|发布时间|更新时间|来源|信息来源|作者|"
    "责任编辑|编辑|浏览量|浏览次数|访问量|点击数|点击量|阅读数|阅读量|字号|分享|分享到"
)
_JUNK = [
    re.compile(rf"^({_LABELS})\s*[::]"),
    # web timestamps use dashes; a 2023年2月16日 line is the signature date and is content
    re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s*-\s*来源[::]?.*)?$"),
    re.compile(r"^(您当前的位置|当前位置|您的位置|所在位置)\s*[::]"),
    re.compile(r"^>"),
    re.compile(r"^(进入|退出)(老年|关怀|长者)模式"),
    re.compile(r"^无障碍"),
    re.compile(r"^扫一扫"),
    re.compile(r"^(【?打印】?|【?关闭】?|【?收藏】?|返回顶部|相关链接|上一篇|下一篇|附件下载|附件)\s*[::]?"),
    re.compile(r"^Produced\s+By", re.I),
    re.compile(r"^(朗读|分享|字号|大\s*中\s*小|默认|繁体|简体|English)$"),
    re.compile(r"网站标识码|ICP\s*备|公网安备|版权所有|主办单位[::]|承办单位[::]|技术支持[::]|扫一扫|"
               r"建议使用.{0,20}浏览器|分辨率"),
]
_MENU_WORDS = set(
    "智能问答 便民地图 政策问答 数据中心 新媒体矩阵 营商环境 微博 微信 公开信箱 部门镇街 首页 "
    "政务公开 政务服务 互动交流 走进 网站地图 联系我们 无障碍 关怀版 English 繁体 登录 注册".split()
)
_FOOTER = re.compile(r"^(扫一扫|打印|【打印】|Produced\s+By|附件下载|关闭窗口|返回顶部)", re.I)


class Cleaned(BaseModel):
    text: str
    title: str | None
    dropped_lines: int


def normalize_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line).replace("\u3000", " ").replace("\xa0", " ").replace("\u200b", "")
    line = re.sub(r"^\s*#{1,6}\s+", "", line)  # Markdown headings: "## 一、主要工作" is the heading 一、主要工作
    line = re.sub(r"\*\*(.+?)\*\*", r"\1", line)  # **bold**
    line = _RUBY.sub("", line)
    return re.sub(r"[ \t]{2,}", " ", line).strip()


# pinyin glosses some reposting sites put after each character (實現(xiàn)): not the report's words
_RUBY = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,7}\)")


def is_junk(line: str) -> bool:
    line = _BULLET.sub("", line)
    if "。" in line and len(line) > 30:
        return False  # a sentence is content even if it starts like a label
    if not re.search(r"[\w\u4e00-\u9fff]", line):
        return True
    if any(p.search(line) for p in _JUNK):
        return True
    words = line.split()
    return bool(words) and all(w in _MENU_WORDS for w in words)


_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")
# the issuing body on its own line above the title (赵县人民政府 / 2022年度法治政府建设情况报告)
# a title broken after its 关于 (兰州新区管理委员会关于报送 / 《…情况》的报告)
_BROKEN_AFTER = re.compile(r"关于(?:上报|报送|印发|呈报)?$")


def _title_like(line: str) -> bool:
    candidate = _BULLET.sub("", line)
    return (len(candidate) <= 90 and bool(_TITLE.search(candidate)) and not _HEADING.match(candidate)
            and not re.match(rf"^({_LABELS})\s*[::]", candidate))


def find_title(lines: list[str]) -> tuple[int, int] | None:
    """Line span [first, last] of the report title: the last title-like line before the first body
    sentence, joined with a short completing line below it (…建设工作 / 情况报告) and with the
    issuing body's own line above it (通城镇人民政府 / 2025年法治政府建设情况). Section headings
    (一、2022年推进法治政府建设情况) are not titles."""
    found = None
    for i, line in enumerate(lines[:80]):
        if "。" in line and len(line) > 30:
            break
        if found and found[0] < i == found[1]:
            continue  # the second half of a title joined above
        if _title_like(line):
            found = (i, i)
        elif i + 1 < len(lines) and (len(lines[i + 1]) <= 12 or _BROKEN_AFTER.search(line)) \
                and _title_like(line + lines[i + 1]):
            found = (i, i + 1)
    if found and found[0] > 0 and org_line(_BULLET.sub("", lines[found[0] - 1])) \
            and re.match(r"(?:\d{4}\s*年|关于)", _BULLET.sub("", lines[found[0]])):  # the title names no issuer
        found = (found[0] - 1, found[1])
    return found


# what a page says about the document around its title: its number (湖人社〔2020〕3号) and its publication line
# (发布日期:2023-03-27 / 时间:2026-02-03来源:…), kept right after the title without the page's counters
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_PUBLISHED = re.compile(r"(?:发布时间|发布日期|发文日期|成文日期|(?<![\u4e00-\u9fff])时间|(?<![\u4e00-\u9fff])日期)\s*[:：]?\s*"
                        r"(?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}|^\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[^。]{0,12}来源|"
                        r"^\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
# the body a page names as its source (来源:区司法局): the only word on who wrote some reports
_SOURCE_LINE = re.compile(r"^\s*(?:信息来源|文章来源|来源)\s*[:：]\s*[\u4e00-\u9fff()（）]{2,30}\s*$")
_COUNTERS = re.compile(r"\s*(?:浏览|访问|阅读|点击|【?字体|字号|打印|分享|朗读|扫一扫|【?关闭|信息索引号|主题分类|发布机构|"
                       r"公开方式|进入老年模式).*$")
_HEAD_LINES = 30  # the page's head: where a document number or publication line stands


def header_line(line: str) -> str | None:
    """The document number, publication or source line in `line`, without the page's counters; None for other lines."""
    if len(line) > 120 or "。" in line or not (_DOC_NUMBER.search(line) or _PUBLISHED.search(line) or _SOURCE_LINE.match(line)):
        return None
    return _COUNTERS.sub("", line).strip() or None


def clean(raw: str) -> Cleaned:
    lines = [normalize_line(line) for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    span = find_title([to_simplified(line) for line in lines])
    title_lines = [_BULLET.sub("", line) for line in lines[span[0]: span[1] + 1]] if span else []
    title = "".join(title_lines) or None
    kept: list[str] = title_lines
    header, stamped = [], set()
    for i, line in enumerate(lines[:_HEAD_LINES]):
        if h := header_line(line):
            if i and org_line(lines[i - 1]) and not (span and span[0] <= i - 1 <= span[1]):
                header.append(lines[i - 1])  # 济南市市中区人民政府 / 2025-02-28: the publisher the page stamps
                stamped.add(i - 1)
            header.append(h)
    kept += list(dict.fromkeys(header))
    in_footer = False
    for i, line in enumerate(lines[(span[1] + 1) if span else 0:], (span[1] + 1) if span else 0):
        if i < _HEAD_LINES and (header_line(line) or i in stamped):
            continue  # kept with the title above
        if _FOOTER.match(line):
            in_footer = True
        if is_junk(to_simplified(line)) or (in_footer and "。" not in line):
            continue
        kept.append(_BULLET.sub("", line) if line.startswith(("•", "·", "▪", "- ")) else line)
    return Cleaned(text="\n".join(kept), title=title, dropped_lines=len(lines) - len(kept))
