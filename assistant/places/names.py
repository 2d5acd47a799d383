"""Place names as reports and users write them: administrative units, their suffixes, levels, pinyin
and English names. The one module both report metadata and question analysis read place names with."""
from __future__ import annotations

import re
from functools import lru_cache

from ..domain.levels import DEPARTMENT_END, EN_LEVEL, GOVERNMENT_BODY, LEVEL_BY_SUFFIX, NOT_PLACE, UNIT_SUFFIX

# organisation words and particles never occur inside a place name (江山市|司法局在市 is one place, not two)
UNIT = re.compile(rf"(?:(?![局委办院厅府在的和与及等对为了])[\u4e00-\u9fff]){{1,9}}?(?:{UNIT_SUFFIX})")
_SUFFIX_RE = re.compile(rf"({UNIT_SUFFIX})$")
_DEPT = re.compile(DEPARTMENT_END)
_GOVERNMENT = re.compile(GOVERNMENT_BODY)


def units(place: str) -> list[str]:
    """The administrative units of a place name: 金华市婺城区 → [金华市, 婺城区]; a suffix left alone at the end
    belongs to the unit before it (新市区 is a district, not 新市 + 区)."""
    found = list(UNIT.finditer(place))
    out = [m.group() for m in found]
    if found and place[found[-1].end():] in ("区", "县"):
        out[-1] += place[found[-1].end():]
    return out


# the 55 minority nationalities an autonomous unit's name may carry (宁夏回族自治区, 恩施土家族苗族自治州)
_ETHNIC = ("维吾尔|哈萨克|柯尔克孜|乌孜别克|塔吉克|塔塔尔|达斡尔|鄂温克|鄂伦春|俄罗斯|蒙古|朝鲜|土家|哈尼|傈僳|拉祜|纳西|"
           "景颇|仫佬|毛南|仡佬|锡伯|阿昌|普米|德昂|保安|裕固|独龙|赫哲|门巴|珞巴|基诺|布依|布朗|撒拉|东乡|高山|"
           "回|藏|苗|彝|壮|侗|瑶|白|傣|黎|佤|畲|水|土|羌|满|京|怒")
_AUTONOMOUS = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})(?:(?:{_ETHNIC})族?)+(?=自治(?:区|州|县|旗)$)")


def core(unit: str) -> str:
    """A unit without its level suffix, and an autonomous unit without its nationalities, as people say
    it: 婺城区 → 婺城, 宁夏回族自治区 → 宁夏, 延边朝鲜族自治州 → 延边 (内蒙古自治区 → 内蒙古)."""
    return _SUFFIX_RE.sub("", _AUTONOMOUS.sub("", unit))


def leading_place(s: str) -> str | None:
    """The longest run of administrative units at the start of `s` (金华市婺城区2022… → 金华市婺城区)."""
    pos, found = 0, []
    while m := UNIT.match(s, pos):
        if m.group() in NOT_PLACE:
            break
        found.append(m.group())
        pos = m.end()
    return "".join(found) or None


def level_of(place: str | None, issuer: str | None) -> str | None:
    if issuer and _DEPT.search(issuer) and not _GOVERNMENT.search(issuer):
        return "department"
    if not place:
        return None
    for suffixes, level in LEVEL_BY_SUFFIX:
        if place.endswith(suffixes):
            return level
    return None


# English names that are not the pinyin of the Chinese one; a question is read with the pinyin put in
_CONVENTIONAL_EN = [(r"\binner\s+mongolia", "Neimenggu"), (r"\btibet\b", "Xizang"), (r"\bhong\s*kong\b", "Xianggang"),
                    (r"\bmaca[ou]\b", "Aomen"), (r"\bpeking\b", "Beijing"), (r"\bcanton\b", "Guangzhou"),
                    (r"\b[uü]r[uü]mq?chi\b|\burumqi\b", "Wulumuqi"), (r"\bharbin\b", "Haerbin"), (r"\bhohhot\b", "Huhehaote"),
                    (r"\blhasa\b", "Lasa"), (r"\bkashgar\b", "Kashi"), (r"\bxi'an\b", "Xian"), (r"\bamoy\b", "Xiamen")]


# the English name readers know where it is not the plain pinyin (Urumqi, not Wulumuqi)
_EXONYMS = {"wulumuqi": "Urumqi", "haerbin": "Harbin", "huhehaote": "Hohhot", "lasa": "Lhasa", "kashi": "Kashgar",
            "neimenggu": "Inner Mongolia", "xianggang": "Hong Kong", "aomen": "Macao", "xian": "Xi'an"}


def _as_known(spelled: str) -> str:
    return _EXONYMS.get(spelled.lower(), spelled.capitalize())


def pinyin_spelling(question: str) -> str:
    """An English question with conventional place names spelled in pinyin: Tibet → Xizang."""
    for pattern, spelled in _CONVENTIONAL_EN:
        question = re.sub(pattern, spelled, question, flags=re.I)
    return question


def pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).lower()


def pinyin_readings(text: str, most: int = 8) -> set[str]:
    """Every spelling of a name whose characters have several readings (江厦: jiangsha and jiangxia), so an
    English question matches whichever one the asker used; at most `most`, the usual reading first."""
    from itertools import islice, product

    from pypinyin import Style
    from pypinyin import pinyin as readings

    each = [r[:2] for r in readings(text, style=Style.NORMAL, heteronym=True)]
    return {pinyin(text)} | {"".join(p).lower() for p in islice(product(*each), most)}


@lru_cache(maxsize=65536)  # a list names every report not matching: thousands of pinyin conversions per answer
def english_name(place: str | None) -> str:
    """Pinyin name with an English level: 金华市婺城区 → Wucheng District, Jinhua."""
    if not place:
        return "(unknown place)"
    parts = units(place) or [place]

    def one(unit: str) -> str:
        for zh, en in EN_LEVEL:
            if unit.endswith(zh) and len(unit) > len(zh):
                return f"{_as_known(pinyin(core(unit) if zh.startswith('自治') else unit[: -len(zh)]))} {en}"
        return _as_known(pinyin(unit))

    name = one(parts[-1])
    return name if len(parts) == 1 else f"{name}, {one(parts[-2]).rsplit(' ', 1)[0]}"


def without_own_level(department: str, place: str | None) -> str:
    """州教育局 of 昌吉回族自治州 → 教育局: a department named by its place's level alone (州, 市, 县) is that place's,
    so the level goes with the place's name; 市场监管局 starts with a word, not a level, and stays whole."""
    from ..text.lexicon import tokenize  # jieba: only for the rare department that starts with its place's level

    if not place or len(department) <= 2 or department[0] != place[-1]:
        return department
    return department[1:] if tokenize(department)[0] == department[0] else department

