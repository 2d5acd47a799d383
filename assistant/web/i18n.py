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
    # messages in the chat
    "title": ("法治政府建设年度报告问答", "Rule-of-law annual reports Q&A"),
    "header_line": ("已收录 {n} 份报告({span}),离线运行。每条回答都逐字引用报告原文并经核对;报告中没有的内容会直接说明。",
                    "{n} reports indexed ({span}), offline. Every answer quotes the reports verbatim (checked); when "
                    "the reports do not say, the assistant says so."),
    "not_found": ("报告中未找到答案", "Not found in the reports"),
    "not_stated": ("报告中没有写明所问内容", "Not stated in the reports"),
    "sources": ("引用原文({n})", "Sources ({n})"),
    "searching": ("正在检索报告…", "Searching the reports…"),
    "composing": ("找到 {n} 段相关原文,正在组织回答…", "Found {n} passages, composing…"),
    "unknown_place": ("地区不详", "place unknown"),
    "unknown_year": ("年份不详", "year unknown"),
    "filter": ("筛选", "Filter"),
    "no_filters": ("未设筛选:在全部报告中查找。", "No filters: searching every report."),
    "active_filters": ("当前筛选", "Active filters"),
    "clear_and_ask": ("清除筛选并重新提问", "Clear filters and ask again"),
    "internal_error": ("内部错误({kind}),详见服务器日志", "internal error ({kind}); see the server log"),
    "empty_question": ("请先输入问题,例如:平罗县2023年行政诉讼败诉率是多少?",
                       "Type a question first, e.g. What was Pingluo's litigation loss rate in 2023?"),
    "too_long": ("问题有 {n} 个字符,超过 {limit} 字的上限;请缩短后再问。",
                 "The question is {n} characters, over the {limit} limit; shorten it and ask again."),
    "toast_warning": ("提示", "Warning"),
    "toast_error": ("出错了", "Error"),
    "toast_info": ("消息", "Info"),
    # Gradio's own widgets (web/widgets.py words them in the page's language)
    "gr_drop_file": ("将文件拖放到此处", "Drop files here"),
    "gr_or": ("或", "or"),
    "gr_click_upload": ("点击选择文件", "click to choose files"),
    "gr_invalid_type": ("不支持的文件类型:{name};只接受 {allowed}", "File type not accepted: {name}; only {allowed}"),
    "unit_reports": ("份报告", "reports"),
    "suggest_head": ("接着问:", "Ask next:"),
    "suggest_figure": ("{place}{year}年{name}是多少?", "What was {place}'s {name} in {year}?"),
    "suggest_figure_any": ("{place}{name}是多少?", "What was {place}'s {name}?"),
    "suggest_compare": ("比较{a}和{b}", "compare {a} and {b}"),
    "counter": ("{n} / {limit} 字", "{n} / {limit} characters"),
    # reports table and upload results
    "col_place": ("地区", "Place"),
    "col_level": ("层级", "Level"),
    "col_year": ("年份", "Year"),
    "col_issuer": ("发布机关", "Issuer"),
    "col_title": ("标题", "Title"),
    "col_sections": ("章节", "Sections"),
    "col_chunks": ("段落", "Chunks"),
    "col_source": ("文件", "File"),
    "col_url": ("网址", "Address"),
    "nothing_uploaded": ("没有上传任何文件", "Nothing was uploaded"),
    "no_files": ("没有选择文件;请先选择报告文件。", "No files selected; choose report files first."),
    "too_many_files": ("一次上传了 {n} 个文件,超过 {limit} 个的上限;请分批上传。",
                       "{n} files in one upload, over the {limit} file limit; upload fewer at a time."),
    "no_url": ("没有输入网址;请粘贴报告的 http(s) 地址。", "No URL given; paste a report's http(s) address."),
    "reading_files": ("正在读取 {n} 个文件…", "Reading {n} file(s)…"),
    "fetching": ("正在抓取…", "Fetching…"),
    "indexing": ("正在索引 {done}/{total} 份报告", "Indexing report {done} of {total}"),
    "n_chunks": ("{n} 段", "{n} chunks"),
    "already_indexed": ("已在索引中", "already in the index"),
    "near_duplicate": ("{new}与已收录的 {old} 几乎相同,已跳过", "{new}a near-duplicate of {old}; skipped"),
    "upload_head": ("{added} 份已添加 · {skipped} 份重复 · {failed} 份被拒绝",
                    "{added} added · {skipped} skipped · {failed} rejected"),
    # facts
    "indicator": ("指标", "Indicator"),
    "download_csv": ("下载 CSV", "Download CSV"),
    # history and export (issue 12, points 4 and 5)
    "conversations": ("历史对话", "Conversations"),
    "conversation_untitled": ("对话", "Conversation"),
    "new_conversation": ("新对话", "New conversation"),
    "delete_conversation": ("删除对话", "Delete conversation"),
    "search_conversations": ("搜索对话标题", "Search conversations"),
    "rename_conversation": ("对话标题", "Conversation title"),
    "rename": ("重命名", "Rename"),
    "rename_nothing": ("还没有打开的对话;先提问或在列表中选择一个对话。", "No conversation is open; ask or pick one first."),
    "undo": ("撤销", "Undo"),
    "conversation_deleted": ("已删除「{title}」。", "Deleted “{title}”."),
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
    "doc_url": ("网址", "Address"),
    "doc_not_found": ("报告中未找到答案", "Not found in the reports"),
    "doc_not_stated": ("报告中没有写明所问内容", "Not stated in the reports"),
    "doc_stopped": ("未回答(已停止)", "No answer (stopped)"),
    "doc_no_answer": ("未得到回答", "No answer"),
    "doc_made": ("由 fazhi-qa 导出于 {when};引文均为报告原文。", "Exported from fazhi-qa on {when}; quotes are verbatim."),
    # facts tab
    "col_value": ("数值", "Value"),
    "col_scope": ("范围", "Scope"),
    "col_plan": ("计划", "Plan"),
    "col_quote": ("原文", "Quote"),
    "col_section": ("章节", "Section"),
    "yes": ("是", "yes"),
    "fact_count": ("共 {n} 条数据", "{n} facts"),
    "chart_one_indicator": ("选择一个指标即可查看图表(不同指标的单位不同,不放在同一坐标轴上)。",
                            "Choose one indicator to see charts (indicators differ in unit, so they never share an axis)."),
    "chart_no_numbers": ("该指标没有可绘制的数值(只有表述或计划)。", "This indicator has no figures to chart (only claims or plans)."),
    "chart_one_year": ("每个地区只有一个年度的数据,暂不绘制年度折线图。", "Each place has one year only, so there is no line across years yet."),
    "chart_places": ("各地区(最新年度)", "Across places (latest year)"),
    "chart_years": ("各年度", "Across years"),
    "fact_not_found": ("未找到所选数据,请重新选择。", "The selected fact was not found; select it again."),
    "more_selected": ("所选范围还有 {n} 条数据,表格中可逐条查看。", "{n} more facts in the selection; see them in the table."),
    # report viewer
    "open_report": ("查看原文", "Open report"),
    "outline": ("目录", "Contents"),
    "no_sections": ("本报告没有识别出章节。", "No sections were found in this report."),
    "passage_missing": ("引用的段落不在当前报告文本中,显示全文。", "The cited passage is not in this report's text; showing it whole."),
    "viewer_empty": ("点击引用卡片上的“查看原文”,或在报告表中选择一份报告。",
                     "Click “Open report” on a citation card, or select a report in the Reports table."),
    "select_report": ("在上表中选择一份报告,可查看原文或删除。", "Select a report in the table to open or delete it."),
    "delete_report": ("删除报告", "Delete report"),
    "confirm_delete": ("确认删除", "Delete"),
    "cancel": ("取消", "Cancel"),
    "report_deleted": ("已从索引中删除:{name}", "Deleted from the index: {name}"),
    "confirm_question": ("确定从索引中删除「{name}」吗?其文本、段落和数据都会被移除。",
                         "Delete “{name}” from the index? Its text, passages and facts are removed."),
}


def t(key: str, lang: str = DEFAULT, **fields) -> str:
    zh, en = TEXT[key]
    text = en if lang == "en" else zh
    return text.format(**fields) if fields else text


def lang_of(value) -> str:
    """A language choice from the page (or an API caller) → 'zh' or 'en'; anything else is the default."""
    return value if value in LANGS else DEFAULT
