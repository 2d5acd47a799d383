"""Ordinals (第90期, 排名第四, 第3届): read apart from counts, as a question asking 第几 wants one and a question
asking 多少 never does."""
from __future__ import annotations

import re
from decimal import Decimal

from .quantity import Quantity, cn_int

# what an ordinal counts in: 第90期 (issue), 第3届, 第二批, 第5名 (rank)
ORDINAL_UNITS = frozenset({"期", "届", "次", "批", "轮", "名", "位", "号"})
_ORDINAL_ZH = re.compile(r"第(\d{1,4}|[一二三四五六七八九十百]{1,4})(" + "|".join(ORDINAL_UNITS) + ")?")


def ordinals_zh(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """The ordinals of a Chinese text (第90期, 排名第四, 第3届), their unit the one written, if any."""
    out = []
    for m in _ORDINAL_ZH.finditer(text, start, len(text) if end is None else end):
        n = int(m.group(1)) if m.group(1).isdigit() else cn_int(m.group(1))
        if n:
            out.append(Quantity(Decimal(n), Decimal(n), m.group(2) or "", "ordinal", "", "", m.group(), m.start(),
                                m.end(), m.start()))
    return out
