"""Domain terms: words the tokenizer must keep whole and that say what a question is about (focus);
longer, more specific terms matter more when matching sentences."""
from __future__ import annotations

DOMAIN_TERMS = [
    "行政复议", "复议后", "复议案件", "行政诉讼", "行政应诉", "应诉", "零败诉", "无败诉", "败诉率", "败诉", "纠错率",
    "纠错", "无行政纠错", "调撤率", "化解率", "和解率", "出庭应诉", "出庭应诉率", "负责人出庭", "出庭率",
    "法律援助", "法律帮助", "人民调解", "调解成功率", "矛盾纠纷", "规范性文件", "备案审查", "合法性审查", "合法性审核",
    "持证率", "执法人员", "执法案卷", "案卷评查", "政府信息公开", "主动公开", "依申请公开", "人大建议", "人大代表建议",
    "政协提案", "办结率", "法律顾问", "法律明白人", "民主法治示范村", "普法", "八五普法", "重大行政决策", "行政执法",
    "综合行政执法", "首违不罚", "营商环境", "法治体检", "述法", "府院联动", "诉源治理", "公共法律服务", "社区矫正",
    "行政争议", "行政复议申请", "一审", "第一责任人", "法治政府", "示范创建", "会前学法", "学法", "枫桥经验",
]

# words a question is made of that say nothing about what it asks (tokens for BM25 leave them out)
STOP_WORDS = frozenset(
    "的 了 和 与 及 是 在 有 为 对 中 等 年 年度 多少 几 几份 多少份 哪些 哪个 什么 怎么 如何 情况 报告 请问 吗 呢 啊 "
    "地区 地方 单位 哪里 列出 列举 所有 全部 数量 数字 具体 提到 提及 给出 说明 报告 开展 有关 相关 方面 是否 有没有 分别 共 各 其 该 这 那 个 件 次 项 份 里 上 下 年内 请 一下 来自 出自 属于".split()
)

# in nearly every clause of these reports: they say nothing about what a figure counts
EVERYWHERE = frozenset({"法治", "依法行政"})
