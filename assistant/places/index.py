"""Map the ways users name places (full, short, pinyin) onto the places present in the corpus."""
from __future__ import annotations

import bisect
import re

from ..domain.levels import NOT_PLACE, UNIT_SUFFIX, ZONE_ABBREVIATIONS as ABBREVIATIONS
from .names import core, pinyin, pinyin_readings, pinyin_spelling, units

_SYLLABLE = (r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|"
             r"un|ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v)")
_PINYIN_WORD = re.compile(rf"(?:{_SYLLABLE}){{1,4}}")
_EN_NOT_PLACES = set("""China Chinese What Which Who How Did Does Do Is Are Was Were The This That Compare List Show Tell
    Give County District City Province Zone Town Development Economic Technological Administrative Reconsideration
    Litigation Legal Aid Report Reports People Peoples Bureau Justice Government Party Committee Court Law Rule
    Mediation Zero Defeat Rate Year Annual Plan Plans Please Can Could Would Should Any All Each Every Some In On For Of""".split())
_QUESTION_WORD = re.compile(r"多少|几|哪|什么|所有|全部|每个|语料|报告")
_NOT_A_NAME = re.compile(r"^(哪些|哪个|哪|各|全|本|该|这些|那些|多少个|几个|所有|每个|其他|同|下辖|市辖|地)")


class PlaceIndex:
    """Aliases of every corpus place; primary aliases name the place itself, secondary its parents."""

    def __init__(self, places: list[str], full_names: dict[str, str | None] | None = None):
        """`full_names` (place → 浙江省宁波市镇海区) adds the gazetteer's parents as secondary aliases."""
        self.places: list[str] = []
        self.primary: dict[str, set[str]] = {}
        self.secondary: dict[str, set[str]] = {}
        self._spelled: list[tuple[str, str, bool]] = []  # (name, place, is a parent): pinyin built on first use
        self._pinyin: tuple[dict[str, set[str]], dict[str, set[str]]] | None = None
        for place in sorted({p for p in places if p}):
            self.add(place, (full_names or {}).get(place))

    def add(self, place: str, full_name: str | None = None) -> list[str]:
        """Index one more place (a report of a new place was added); returns the names it added, for the
        tokenizer. Adding a report changes a few places, not the thousands a whole rebuild would redo."""
        if not place or place in self.places:
            return []
        bisect.insort(self.places, place)
        added: list[str] = []
        parts = units(place) or [place]
        last = parts[-1]
        names = {place, last, core(last)}
        for long, shorts in ABBREVIATIONS.items():
            if last.endswith(long):
                names.update(core(last) + s for s in shorts)
        if any(last.endswith(z) for z in ABBREVIATIONS) and len(core(last)) >= 2:
            names.discard(core(last))  # 北京 of 北京经济技术开发区 names 北京市, a parent: not the zone itself
        for name in names:
            if len(name) >= 2:
                self._name(self.primary, name, place, added)
        full_parts = units(full_name or "")
        parents = parts[:-1] + [u for u in full_parts if u not in parts and not place.endswith(u)]
        for parent in parents:
            for name in (parent, core(parent)):
                if len(name) >= 2:
                    self._name(self.secondary, name, place, added)
        self._spelled.append((core(last), place, False))  # Jinan names 济南市, not its 市中区: a parent
        # Zhejiang, Ningxia: the provinces and cities a place lies in
        self._spelled += [(core(parent), place, True) for parent in parents]
        self._pinyin = None
        return sorted(added)

    def _name(self, table: dict[str, set[str]], name: str, place: str, added: list[str]) -> None:
        if name not in self.primary and name not in self.secondary:
            added.append(name)
        table.setdefault(name, set()).add(place)

    def remove(self, place: str) -> None:
        """Forget a place whose last report was removed."""
        if place not in self.places:
            return
        self.places.remove(place)
        for table in (self.primary, self.secondary):
            for name in [n for n, ps in table.items() if place in ps]:
                table[name].discard(place)
                if not table[name]:
                    del table[name]
        self._spelled = [s for s in self._spelled if s[1] != place]
        self._pinyin = None

    def _spellings(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        # pypinyin costs ~0.5 s to import and a Chinese question never needs it: spelled when first asked for
        if self._pinyin is None:
            own: dict[str, set[str]] = {}
            parent: dict[str, set[str]] = {}
            for name, place, is_parent in self._spelled:
                for spelled in pinyin_readings(name):
                    (parent if is_parent else own).setdefault(spelled, set()).add(place)
            self._pinyin = own, parent
        return self._pinyin

    @property
    def pinyin(self) -> dict[str, set[str]]:
        """Pinyin of each place's own units (and of the place's core name) → places."""
        return self._spellings()[0]

    @property
    def parent_pinyin(self) -> dict[str, set[str]]:
        return self._spellings()[1]

    def is_parent_word(self, word: str, places: list[str]) -> bool:
        """"Chongqing" (or "Chongqingshi") in "Yuzhong district in Chongqing": the English name of a place that
        one of `places` lies in, so part of that place's name rather than a word of the question."""
        word = word.lower()
        return any(py[len(word):] in _LEVEL_PINYIN for py, ps in self.parent_pinyin.items()
                   if set(places) & ps and py.startswith(word))

    def aliases_of(self, place: str) -> set[str]:
        return {n for table in (self.primary, self.secondary) for n, ps in table.items() if place in ps}

    def aliases(self) -> list[str]:
        return sorted(set(self.primary) | set(self.secondary))

    def find(self, question: str) -> list[str]:
        """Corpus places named in the question (Chinese names or pinyin), most specific first. A province
        or city named beside them adds its places unless it only qualifies one of them (Pingluo, Ningxia)."""
        hits = self._match(question, self.primary)
        question = pinyin_spelling(question)
        flat = re.sub(r"[^a-z]", "", question.lower())
        own, parent = self._spellings() if flat else ({}, {})  # no Latin letters: no pinyin to match
        if not hits:
            for py, places in sorted(own.items(), key=lambda kv: -len(kv[0])):
                if len(py) >= 4 and py in flat:
                    hits.update(places)
        parents = [(name, ps) for name, ps in self.secondary.items() if name in question]
        words = " ".join(re.findall(r"[a-z]+", question.lower()))  # Jiangxi is no parent named in "Jiangxia"
        parents += [(py, ps) for py, ps in parent.items() if len(py) >= 5 and re.search(rf"\b{py}\b", words)]
        hits -= self._qualifying(question, flat, hits, own, parent)
        named = {n for n, ps in self.primary.items() if ps & hits} | {py for py, ps in own.items() if ps & hits}
        for name, places in parents:
            # 贵州省 named is the province, not its counties; "Jilin province" is the province, not Jilin City
            if (not places & hits and name not in named) or self._province_named(name, question, flat, hits):
                hits |= places
        return sorted(hits)

    def _qualifying(self, question: str, flat: str, hits: set[str], own: dict, parent: dict) -> set[str]:
        """Hits only named to say where another hit lies: 济南市 in 济南市市中区, Jinan in "Shizhong District,
        Jinan" / "Jinan's Shizhong District". 济南市和市中区 names both."""
        spans = [(m.start(), m.start() + len(n), p) for n, ps in self.primary.items() for p in ps & hits
                 for m in re.finditer(re.escape(n), question)]
        # 新市区(乌鲁木齐高新区): a name in brackets right after another place's is that place's other name
        spans += [(e, m.end(), q) for _, e, q in list(spans) if (m := _BRACKETED.match(question, e))]
        return (_contained(spans, hits) | self._overlapping(question, spans) | self._across_brackets(question, spans)
                | _beside_en(flat, hits, own, parent))

    def _overlapping(self, question: str, spans: list[tuple[int, int, str]]) -> set[str]:
        """济南市中区: 济南(市) and 市中区 share the 市 written once; the parent only says where its place lies."""
        def shared(s: int, e: int, p: str) -> bool:
            return any(q != p and s < s2 < e < e2 and q in self.secondary.get(question[s:e], set()) for s2, e2, q in spans)
        # every mention of the parent (济南 inside 济南市 aside) shares its end with a place of its own
        return {p for s, e, p in spans if shared(s, e, p)
                and all(shared(s3, e3, p) or (s <= s3 and e3 <= e) for s3, e3, q in spans if q == p)}

    def _across_brackets(self, question: str, spans: list[tuple[int, int, str]]) -> set[str]:
        """乌鲁木齐高新区(新市区): a parent named on one side of a bracket, its place on the other: one place."""
        out: set[str] = set()
        for m in _NAME_AND_BRACKET.finditer(question):
            sides = [(m.start(1), m.end(1)), (m.start(2), m.end(2))]
            for (a, b), (c, d) in (sides, sides[::-1]):
                kids = {q for s, e, q in spans if c <= s and e <= d}
                out |= {p for s, e, p in spans if a <= s and e <= b and p not in kids
                        and kids & self.secondary.get(question[s:e], set())}
        return out

    def _province_named(self, name: str, question: str, flat: str, hits: set[str]) -> bool:
        """吉林省 / Jilin Province asked on its own (吉林省有几份报告) names the province's places, not the city of
        the same name (吉林省吉林市 names the city); a province with a report of its own is that report."""
        if any(h.endswith(("省", "自治区")) and (h == name or pinyin(core(h)) == name) for h in hits):
            return False
        if name.endswith(("省", "自治区")) and name in question:
            after = question[question.index(name) + len(name):]
            return not any(after.startswith(n) for n, ps in self.primary.items() if ps & hits)
        return name.isascii() and name + "province" in flat

    @staticmethod
    def _match(question: str, table: dict[str, set[str]]) -> set[str]:
        hits: set[str] = set()
        for name, places in table.items():
            if name in question:
                hits.update(places)
        return hits

    def unknown_en(self, question: str) -> list[str]:
        """Pinyin-shaped names in an English question that are no corpus place (Hangzhou, Xihu District)."""
        known = set(self.pinyin) | set(self.parent_pinyin)
        question = pinyin_spelling(question)
        out = []
        for m in re.finditer(r"(?<![.?!]\s)(?<!^)\b([A-Z][a-z]{2,})(?:'s)?\b", question):
            word = m.group(1)
            if word in _EN_NOT_PLACES or not _PINYIN_WORD.fullmatch(word.lower()) or not _is_place(word):
                continue  # Language, Office: pinyin-shaped English words that name no place
            if not any(word.lower() in k or k in word.lower() for k in known):
                out.append(word)
        # a sentence's first word is skipped above ("Which …", "Show …"); a county-level name there still counts
        # ("Haidian defeat rate?" must not be answered with another place's figure)
        for m in re.finditer(r"(?:^|[.?!]\s+)([A-Z][a-z]{2,})(?:'s)?\b", question):
            word = m.group(1)
            if word not in out and word not in _EN_NOT_PLACES and _county_or_above(word) \
                    and not any(word.lower() in k or k in word.lower() for k in known):
                out.append(word)
        for m in re.finditer(r"\b([A-Z][a-z]+)(?:'s)?\s+(?:County|District|City|Province|Prefecture|Town|Township)\b", question):
            word = m.group(1)
            if word not in out and word not in _EN_NOT_PLACES and not any(word.lower() in k for k in known):
                out.append(word)
        return out

    def unknown(self, question: str) -> list[str]:
        """Places a Chinese question names that are no corpus place (杭州市西湖区, 海淀): names the
        gazetteer knows or zones named after one, never fragments like 年全市 or 的地区."""
        known = set(self.primary) | set(self.secondary)
        out: list[str] = []
        for name in _place_words(question):
            if not any(k in name or name in k for k in known) and not any(name in o for o in out):
                out.append(name)
        return out


_LEVEL_PINYIN = ("", "sheng", "shi", "qu", "xian", "zizhiqu", "zizhizhou", "zhou", "meng")  # a parent's own level
_BRACKETED = re.compile(r"[（(][^）)]{2,20}[）)]")
_NAME_AND_BRACKET = re.compile(r"([\u4e00-\u9fff]{2,12})[（(]([^）)]{2,20})[）)]")
# what may stand between a place and the place it lies in ("Shizhong District, Jinan", "Jinan's Shizhong")
_NEXT_TO = re.compile(r"(?:district|county|city|town|township|subdistrict|province|prefecture|municipality|of|in|s|the|one|"
                      r"high|hi|tech|hightech|new|zone|area|development|economic|technological|industrial|park)*")


def _contained(spans: list[tuple[int, int, str]], hits: set[str]) -> set[str]:
    """Hits every mention of which lies inside a longer mention of another hit (济南市 in 济南市市中区)."""
    return {p for p in hits if (own_spans := [(s, e) for s, e, q in spans if q == p]) and all(
        any(q != p and s2 <= s and e <= e2 and e2 - s2 > e - s for s2, e2, q in spans) for s, e in own_spans)}


def _beside_en(flat: str, hits: set[str], own: dict, parent: dict) -> set[str]:
    """An English parent written next to its place ("Shizhong District, Jinan", "Jinan's Shizhong District")."""
    out: set[str] = set()
    for py, places in own.items() if flat else ():
        for child in hits - places:
            child_pys = [c for c, cs in own.items() if child in cs and len(c) >= 4 and c in flat]
            if places & hits and child in parent.get(py, set()) and any(
                    _NEXT_TO.fullmatch(between) for c in child_pys for between in _gaps(flat, py, c)):
                out |= places & hits
    return out


def _gaps(flat: str, a: str, b: str) -> list[str]:
    """The letters between each occurrence of `a` and of `b` in a question's letters."""
    out = []
    for m in re.finditer(a, flat):
        for n in re.finditer(b, flat):
            lo, hi = (m.end(), n.start()) if m.end() <= n.start() else (n.end(), m.start())
            if lo <= hi:
                out.append(flat[lo:hi])
    return out


def _place_words(question: str) -> list[str]:
    """Place names in a question: gazetteer mentions (full names, corroborated short names), zones,
    and words jieba tags as place names (ns) that the gazetteer resolves (海淀, 荣昌)."""
    from jieba import posseg

    from ..text.lexicon import load_dictionary
    from .resolve import mentions, resolve

    load_dictionary()  # the domain terms first, so 行政复议 is not cut into a place-like word
    found = [question[s:e] for s, e, _ in mentions(question)]
    for m in re.finditer(rf"[\u4e00-\u9fff]{{2,12}}?(?:{UNIT_SUFFIX})", question):
        name = _NOT_A_NAME.sub("", m.group())
        if len(name) >= 3 and name not in NOT_PLACE and not _QUESTION_WORD.search(name) and resolve(name) is not None \
                and not any(name in f or f in name for f in found):
            found.append(name)
    for word, flag in posseg.cut(question):
        # jieba tags some county names as person names (荣昌 nr); those count only at county level or above
        tagged = flag == "ns" or (flag in ("nr", "nrt", "nz") and len(word) >= 2)
        place = resolve(word) if tagged and len(word) >= 2 and not any(word in f for f in found) else None
        if place is not None and place.level not in ("town", "subdistrict"):  # a bare 枫桥 is a 经验, not a town
            if flag == "ns" or place.level in ("province", "city", "county", "district"):
                found.append(word)
    return found


def _county_or_above(word: str) -> bool:
    """Whether an English word is the pinyin of a county, district, city or province (Haidian, Rongchang)."""
    from .gazetteer import pinyin_index

    return any(d.level not in ("town", "subdistrict") for d in pinyin_index().get(word.lower(), []))


def _is_place(word: str) -> bool:
    """Whether an English word is the pinyin of any place in the gazetteer."""
    from .gazetteer import pinyin_index

    return word.lower() in pinyin_index()
