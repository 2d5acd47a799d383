"""Report text is data: a sentence that addresses the reader as a model is never evidence."""
from __future__ import annotations

import re

_INJECTION = re.compile(
    r"(?:忽略|无视|忽视|不要理会|跳过)掉?(?:以上|上述|上面|之前|前面|先前|此前|所有|全部|一切|你的)的?(?:所有|全部)?"
    r"(?:指令|指示|提示|要求|规则|设定|内容)|忽略掉?(?:指令|指示|提示)|新的?指令[::]|你现在是|你是一个|系统提示|提示词|"
    r"\bignore\b.{0,30}\b(?:instructions?|prompts?|rules|above|previous)\b|\bdisregard\b|\bsystem prompt\b|"
    r"\byou are now\b|\bnew instructions?\b|\bact as\b",
    re.I,
)


def looks_like_injection(text: str) -> bool:
    return bool(_INJECTION.search(text))
