"""Domain vocabulary: jieba user words, domain terms and Chinese tokenisation for BM25."""
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
    "行政争议", "行政复议申请", "一审", "第一责任人", "法治政府", "示范创建", "会前学法", "学法", "枫桥经验",
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


def load_dictionary():
    """jieba with the domain terms registered (once); for callers that segment with jieba directly."""
    return _jieba()


def add_words(words) -> None:
    """Register place names and aliases so the tokenizer keeps them whole."""
    jb = _jieba()
    with _lock:
        for w in words:
            if w and w not in _added:
                jb.add_word(w, freq=200000)
                _added.add(w)


def added_words() -> list[str]:
    """Every word add_words registered in this process: another process that registers them too
    (ingest's tokenizing workers) segments text exactly as this one does."""
    with _lock:
        return sorted(_added)


def tokenize(text: str) -> list[str]:
    """Search-mode jieba tokens (whole words plus their parts), lower-cased, stop-words removed."""
    toks = []
    for t in _jieba().cut_for_search(text):
        t = t.strip().lower()
        if t and t not in _STOP and _TOKEN_OK.search(t):
            toks.append(t)
    return toks


def domain_terms_in(text: str) -> list[str]:
    """Domain terms present in `text`, most specific (longest) first, dropping ones inside others."""
    found = sorted({t for t in DOMAIN_TERMS if t in text}, key=lambda t: (-len(t), DOMAIN_TERMS.index(t)))
    return [t for t in found if not any(t != o and t in o for o in found)]
