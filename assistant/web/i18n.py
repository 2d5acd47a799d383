"""The page's words in one language at a time: Chinese (default) or English, switched on the page.

Every label, hint and message the page shows is looked up here by key, so a switch changes all of them
and no label is doubled ("问答 Chat"). Keys are short English names; `t(key, lang, **fields)` formats.
"""
from __future__ import annotations

LANGS = ("zh", "en")
DEFAULT = "zh"

TEXT: dict[str, tuple[str, str]] = {
    # tabs and headings
    "tab_chat": ("问答", "Chat"),
    "tab_reports": ("报告", "Reports"),
    "tab_facts": ("数据", "Facts"),
    "language": ("界面语言", "Language"),
    # chat
    "question_label": ("问题", "Question"),
    "question_placeholder": ("输入问题,例如:平罗县2023年行政诉讼败诉率是多少?",
                             "Type a question, e.g. What was Pingluo's litigation loss rate in 2023?"),
    "ask": ("提问", "Ask"),
    "examples": ("示例问题(点击提问)", "Examples (click to ask)"),
    "chat_placeholder": ("用中文或英文提问,回答会逐字引用报告原文。", "Ask in Chinese or English; answers quote the reports."),
    "places": ("地区", "Place"),
    "places_info": ("只在这些地区的报告中查找", "only these places"),
    "year": ("年份", "Year"),
    "year_info": ("报告所述年度", "year reported on"),
    "all": ("全部", "all"),
    "filters_next": ("筛选对下一个问题生效。", "Filters apply to the next question."),
    "clear_chat": ("清空对话", "Clear chat"),
    # reports and upload
    "add_reports": ("上传报告", "Add reports"),
    "upload_hint": ("txt / md / html / docx / pdf,每个文件不超过 {mb} MB;重复的报告会被跳过。",
                    "txt / md / html / docx / pdf, up to {mb} MB each; duplicates are skipped."),
    "report_files": ("报告文件", "Report files"),
    "add_to_index": ("添加到索引", "Add to index"),
    "url_placeholder": ("或输入报告网址(https://…,html/pdf/docx)", "or a report's URL (https://…, html/pdf/docx)"),
    "fetch": ("抓取", "Fetch"),
    # facts
    "indicator": ("指标", "Indicator"),
    "download_csv": ("下载 CSV", "Download CSV"),
    # history and export (issue 12, points 4 and 5)
    "conversations": ("历史对话", "Conversations"),
    "conversation_untitled": ("对话", "Conversation"),
    "new_conversation": ("新对话", "New conversation"),
    "delete_conversation": ("删除对话", "Delete conversation"),
    "stop": ("停止", "Stop"),
    "retry": ("重试", "Retry"),
    "edit_last": ("修改上一问", "Edit last question"),
    "stopped": ("已停止回答。", "Answer stopped."),
    "copy": ("复制", "Copy"),
    "copied": ("已复制", "Copied"),
    "export_format": ("导出格式", "Export format"),
    "export_answer": ("导出回答", "Export answer"),
    "export_conversation": ("导出整个对话", "Export conversation"),
    "export_hint": ("点击对话中的回答可选择要导出的回答(默认最后一条)。",
                    "Click an answer in the chat to choose which one to export (default: the last)."),
    "doc_question": ("问", "Q"),
    "doc_filters": ("筛选", "Filters"),
    "doc_sources": ("引用原文", "Sources"),
    "doc_section": ("章节", "Section"),
    "doc_file": ("来源文件", "File"),
    "doc_not_found": ("报告中未找到答案", "Not found in the reports"),
    "doc_not_stated": ("报告中没有写明所问内容", "Not stated in the reports"),
    "doc_stopped": ("未回答(已停止)", "No answer (stopped)"),
    "doc_no_answer": ("未得到回答", "No answer"),
    "doc_made": ("由 fazhi-qa 导出于 {when};引文均为报告原文。", "Exported from fazhi-qa on {when}; quotes are verbatim."),
}


def t(key: str, lang: str = DEFAULT, **fields) -> str:
    zh, en = TEXT[key]
    text = en if lang == "en" else zh
    return text.format(**fields) if fields else text


def lang_of(value) -> str:
    """A language choice from the page (or an API caller) → 'zh' or 'en'; anything else is the default."""
    return value if value in LANGS else DEFAULT
