"""Domain vocabulary: jieba user words, the EN→ZH glossary and Chinese tokenisation for BM25."""
from __future__ import annotations

import logging
import re
import threading

# Terms jieba must never split; longer, more specific terms matter more when matching sentences.
DOMAIN_TERMS = [
    "行政复议", "复议后", "复议案件", "行政诉讼", "行政应诉", "应诉", "零败诉", "无败诉", "败诉率", "败诉", "纠错率",
    "纠错", "无行政纠错", "调撤率", "化解率", "和解率", "出庭应诉", "出庭应诉率", "负责人出庭", "出庭率",
    "法律援助", "法律帮助", "人民调解", "调解成功率", "矛盾纠纷", "规范性文件", "备案审查", "合法性审查", "合法性审核",
    "持证率", "执法人员", "执法案卷", "案卷评查", "政府信息公开", "主动公开", "依申请公开", "人大建议", "人大代表建议",
    "政协提案", "办结率", "法律顾问", "法律明白人", "民主法治示范村", "普法", "八五普法", "重大行政决策", "行政执法",
    "综合行政执法", "首违不罚", "营商环境", "法治体检", "述法", "府院联动", "诉源治理", "公共法律服务", "社区矫正",
    "行政争议", "行政复议申请", "一审", "第一责任人", "法治政府", "示范创建", "会前学法", "学法",
]

# English phrase → Chinese terms (regex on lower-cased question). Order: longer phrases first.
GLOSSARY: list[tuple[str, list[str]]] = [
    (r"zero[- ]defeats?|no (?:lost )?(?:cases? )?(?:lost|defeats?)|zero[- ]loss(?:es)?|never lost|no losses", ["零败诉", "无败诉", "败诉"]),
    (r"(?:defeat|loss|losing) rate", ["败诉率"]),
    (r"los[et] any|any (?:defeats?|loss(?:es)?|lost (?:cases|lawsuits))|ever lose", ["零败诉", "败诉"]),
    (r"correction rate", ["纠错率"]),
    (r"corrected|correction", ["纠错"]),
    (r"reconsideration", ["行政复议"]),
    (r"litigation|lawsuits?|sued|court cases?|administrative (?:cases|suits)", ["行政诉讼", "应诉"]),
    (r"appear(?:ed|ance|ing)? in court|court appearance", ["出庭应诉", "负责人出庭"]),
    (r"defeats?|lost|los(?:e|es|ing|ses)", ["败诉"]),
    (r"legal aid", ["法律援助"]),
    (r"legal help|legal assistance", ["法律帮助", "法律援助"]),
    (r"people'?s mediation|mediat\w*", ["人民调解", "调解"]),
    (r"disputes?", ["矛盾纠纷", "纠纷"]),
    (r"normative documents?|regulatory documents?", ["规范性文件"]),
    (r"law enforcement|enforcement", ["行政执法", "执法"]),
    (r"certificat\w*|licen[cs]ed", ["持证率"]),
    (r"information disclosure|disclos\w*|open government", ["政府信息公开", "主动公开"]),
    (r"legal advis\w*|legal counsel", ["法律顾问"]),
    (r"law[- ]savvy|legal(?:ly)? (?:literate|understanding) (?:people|persons|residents)", ["法律明白人"]),
    (r"legal (?:publicity|education|awareness)|law popularization|publici[sz]\w* (?:of )?(?:the )?law", ["普法"]),
    (r"business environment", ["营商环境"]),
    (r"major (?:administrative )?decisions?", ["重大行政决策"]),
    (r"enterprises?|compan(?:y|ies)|firms?|business(?:es)?(?! environment)", ["涉企", "企业"]),
    (r"shortcomings?|problems?|weakness\w*|deficienc\w*", ["存在问题", "不足"]),
    (r"plans?|next year|future work", ["工作打算", "计划", "工作思路"]),
    (r"npc\b[\w' ]{0,20}suggestions?|deput(?:y|ies)'?s? suggestions?|people'?s congress", ["人大建议", "人大代表建议"]),
    (r"cppcc proposals?|proposals?", ["政协提案"]),
    (r"success rate", ["成功率"]),
    (r"resolution rate|resolved rate", ["化解率"]),
    (r"resolv\w*|resolution", ["化解"]),
    (r"substantive\w*", ["实质"]),
    (r"commissioned|entrusted|referred", ["委托"]),
    (r"(?:applications? )?(?:received|accepted|filed)|intake", ["受理", "接收", "收到"]),
    (r"concluded|closed|completed|handled", ["办结", "办理"]),
    (r"withdraw\w*|mediated settlement", ["调撤"]),
    (r"reconcil\w*|settlement", ["和解"]),
    (r"training|trained|courses?", ["培训"]),
    (r"(?:leading )?cadres?|officials?|leaders?|leadership", ["领导干部", "干部"]),
    (r"inspection|patrol", ["巡察", "督察"]),
    (r"supervis\w*|oversight|monitor\w*", ["监督"]),
    (r"legality review|legal review|review\w*", ["合法性审查", "审查"]),
    (r"filing|filed for the record|record", ["备案"]),
    (r"clean(?:ed)?[- ]?up|repeal\w*|abolish\w*", ["清理", "废止"]),
    (r"petitions?|letters and visits", ["信访"]),
    (r"lawyers?|attorneys?", ["律师"]),
    (r"notar\w*", ["公证"]),
    (r"village\w*", ["村"]),
    (r"demonstration|model", ["示范"]),
    (r"pilot\w*", ["试点"]),
    (r"digital\w*", ["数字"]),
    (r"penalt\w*|punish\w*|fines?", ["处罚"]),
    (r"government services?|one-stop", ["政务服务", "一站式"]),
    (r"grids?", ["网格"]),
    (r"case files?|file review", ["案卷", "评查"]),
    (r"amount|money involved", ["金额"]),
    (r"losses? recovered|recover\w*", ["挽回经济损失", "挽回"]),
    (r"financ\w*", ["金融"]),
    (r"commercial", ["商事"]),
    (r"labou?r disputes?|wage arrears|unpaid wages", ["劳动争议", "欠薪"]),
    (r"veterans?", ["退役军人"]),
    (r"epidemic|covid|pandemic", ["疫情"]),
    (r"lectures?", ["讲座"]),
    (r"events?|activities", ["活动"]),
    (r"study(?:ing)? (?:the )?law|law study|learn\w* (?:the )?law", ["学法"]),
    (r"meetings?", ["会议"]),
    (r"satisf\w*", ["满意"]),
    (r"reform\w*", ["改革"]),
    (r"sub-?districts?|towns?|townships?", ["街镇", "乡镇", "街道"]),
    (r"comprehensive (?:administrative )?law enforcement", ["综合行政执法"]),
    (r"accountab\w*|responsib\w*", ["责任"]),
    (r"assess\w*|evaluat\w*|apprais\w*", ["考核", "评价"]),
    (r"rule of law", ["法治"]),
    (r"first instance", ["一审"]),
    (r"community correction", ["社区矫正"]),
]

_STOP = set(
    "的 了 和 与 及 是 在 有 为 对 中 等 年 年度 多少 几 哪些 哪个 什么 怎么 如何 情况 报告 请问 吗 呢 啊 "
    "地区 地方 单位 哪里 列出 列举 所有 全部 数量 数字 具体 提到 提及 给出 说明 报告 开展 有关 相关 方面 是否 有没有 分别 共 各 其 该 这 那 个 件 次 项 份 里 上 下 年内 请 一下".split()
)
_TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff]")
_lock = threading.Lock()
_ready = False
_added: set[str] = set()


def _jieba():
    global _ready
    import jieba

    with _lock:
        if not _ready:
            jieba.setLogLevel(logging.WARNING)
            for term in DOMAIN_TERMS:
                jieba.add_word(term, freq=200000)
            _ready = True
    return jieba


def add_words(words) -> None:
    """Register place names and aliases so the tokenizer keeps them whole."""
    jb = _jieba()
    with _lock:
        for w in words:
            if w and w not in _added:
                jb.add_word(w, freq=200000)
                _added.add(w)


def tokenize(text: str) -> list[str]:
    """Search-mode jieba tokens (whole words plus their parts), lower-cased, stop-words removed."""
    toks = []
    for t in _jieba().cut_for_search(text):
        t = t.strip().lower()
        if t and t not in _STOP and _TOKEN_OK.search(t):
            toks.append(t)
    return toks


def expand_english(question: str) -> list[str]:
    """Chinese terms for the English domain phrases in `question`."""
    q = question.lower()
    terms: list[str] = []
    for pattern, zh in GLOSSARY:
        if re.search(rf"\b(?:{pattern})\b", q):
            terms.extend(t for t in zh if t not in terms)
    return terms


def domain_terms_in(text: str) -> list[str]:
    """Domain terms present in `text`, most specific (longest) first, dropping ones inside others."""
    found = sorted({t for t in DOMAIN_TERMS if t in text}, key=len, reverse=True)
    return [t for t in found if not any(t != o and t in o for o in found)]
