"""Ingest refusals in plain words of the page's language.

The store's messages are written for the CLI and the log (one English line naming the file, the problem,
the fix, and sometimes the Python exception met). The page shows a person who uploaded a file what is
wrong with it, in Chinese or English, without exception names; a reason not known here is shown as it is,
minus the exception name.
"""
from __future__ import annotations

import re

# (pattern on the reason after "<name>: ", Chinese, English); groups fill {1}, {2}, …
_REASONS: list[tuple[str, str, str]] = [
    (r"unsupported file type '([^']*)'", "不支持的文件类型 {1};请上传 txt / md / html / docx / pdf 文件",
     "file type {1} is not supported; upload txt, md, html, docx or pdf"),
    (r"file is ([\d.]+) MB, over the ([\d.]+) MB limit", "文件 {1} MB,超过 {2} MB 的上限;请拆分后再上传",
     "the file is {1} MB, over the {2} MB limit; split it"),
    (r"file is empty", "文件是空的;请重新导出报告", "the file is empty; export the report again"),
    (r"no text found in the file", "文件中没有文字;请确认这是一份报告", "no text in the file; check that it is a report"),
    (r"looks like a binary file", "不是文本文件;请保存为 UTF-8 文本、Word 或 PDF",
     "not a text file; save the report as UTF-8 text, .docx or .pdf"),
    (r"cannot decode the text", "无法识别文字编码;请另存为 UTF-8", "the text encoding is not recognised; re-save it as UTF-8"),
    (r"not a readable \.docx", "不是有效的 Word 文件;请用 Word 或 WPS 重新保存",
     "not a valid Word file; re-save it from Word or WPS"),
    (r"not a readable PDF", "不是有效的 PDF 文件;请重新导出", "not a valid PDF file; export it again"),
    (r"PDF has no text layer", "PDF 没有文字层,可能是扫描件;请先做文字识别(OCR)或上传 Word / 文本版本",
     "the PDF has no text layer (a scan?); run OCR first or upload the Word / text version"),
    (r"no report text left", "去掉网页杂项后没有报告正文;请检查文件", "no report text left after removing page furniture"),
    (r"uncompressed content is ([\d.]+) MB, over the ([\d.]+) MB", "解压后内容 {1} MB,超过 {2} MB 的上限;请拆分报告",
     "the unpacked content is {1} MB, over the {2} MB limit; split the report"),
    (r"the PDF is (\d+) pages, over the (\d+) pages", "PDF 共 {1} 页,超过 {2} 页的上限;请拆分报告",
     "the PDF has {1} pages, over the {2} page limit; split the report"),
    (r"report text is (\d+) characters, over the (\d+) characters", "报告正文 {1} 字,超过 {2} 字的上限;请拆分报告",
     "the report text is {1} characters, over the {2} limit; split the report"),
    (r"the report is (\d+) chunks, over the (\d+) chunks", "报告切分为 {1} 段,超过 {2} 段的上限;请拆分报告",
     "the report makes {1} chunks, over the {2} limit; split the report"),
    (r"a link to a file outside", "指向文件夹外的链接,未读取", "a link to a file outside the folder; not read"),
    (r"not a file uploaded with this request", "不是本次上传的文件,未读取", "not a file uploaded with this request; not read"),
    (r"could not be read", "无法读取该文件;请检查文件", "the file could not be read; check it"),
    (r"is a private, loopback or link-local address", "内网或本机地址,出于安全原因不抓取",
     "a private or local address; not fetched for safety"),
    (r"content type '([^']*)' is not a report", "网址内容({1})不是报告网页或文件", "the URL's content ({1}) is not a report page or file"),
    (r"the server answered HTTP (\d+)", "网站返回 HTTP {1};请检查网址", "the site answered HTTP {1}; check the URL"),
    (r"not fetched within", "网址超时未响应;请稍后再试", "the site did not answer in time; try again later"),
    (r"cannot be resolved|cannot fetch it", "无法访问该网址;请检查网址", "the URL cannot be reached; check it"),
]
_EXCEPTION = re.compile(r"\s*\((?:[A-Z][A-Za-z]*(?:Error|Exception|Warning)|BadZipFile|PdfStreamError|[A-Z][a-z]+[A-Z]\w*)\)")


def plain_reason(reason: str, lang: str = "zh") -> str:
    """'<name>: <problem>; <fix>' → '<name>:<plain problem and fix>' in the page's language."""
    name, sep, rest = reason.partition(": ")
    if not sep:
        name, rest = "", reason
    for pattern, zh, en in _REASONS:
        m = re.search(pattern, rest)
        if m:
            text = zh if lang != "en" else en
            for i, group in enumerate(m.groups(), 1):
                text = text.replace("{%d}" % i, group or "")
            return f"{name}{':' if lang != 'en' else ': '}{text}" if name else text
    return _EXCEPTION.sub("", reason)
