"""Questions written as people ask them (eval/natural-*.jsonl): the schema of ../shared/corpus-natural and its
scoring rules, so `fazhi eval` gates them as `natural_check.py` scores them (eval/README.md, "Questions written
as people ask them"). A follow-up is asked with the answer to the question it follows as its history."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

NATURAL_KINDS = ("lookup", "multi", "list", "count", "unanswerable", "meta", "followup")
_NOT_FOUND = ("没有", "未", "无法", "不包含", "并无", "不涉及", "找不到", "不清楚", "not stated", "not found", "no report",
              "not mention", "not contain", "not include", "no information", "not available", "does not", "doesn't",
              "do not", "cannot", "unable", "no data", "not provided", "not given")
_FIGURE = re.compile(r"\d[\d.]*\s*(?:万|亿)?\s*(?:件|%|％|元|人次|人|名|项|个|次|场|户|宗|起|份|分|"
                     r"cases?|percent|yuan|people|persons|times)", re.I)
_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "高新区", "开发区", "新区", "街道", "省", "市", "区", "县", "旗",
             "镇", "乡")
_NEGATIVE_HEAD = re.compile(r"未提到|未提及|未涉及|未报告|未载明|未写|没有提到|没有提及|没有写|不符合|不包括|其余|其他报告|"
                            r"not reported|not mentioned|not stated|no mention|do not|does not|don't|doesn't|none of|"
                            r"other reports|the rest|remaining", re.I)
_CN_DIGIT = "零一二三四五六七八九"


class NaturalQuestion(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    q: str
    lang: Literal["zh", "en"]
    kind: Literal["lookup", "multi", "list", "count", "unanswerable", "meta", "followup"]
    files: list[str] = []
    expect: list[str] = []
    count: int | None = None
    follows: str | None = None
    unanswerable: bool = False  # a follow-up whose honest answer is "not stated"


def is_natural(path: Path) -> bool:
    """A question file in the natural schema ({"q", "kind", "files", "expect"}) rather than eval/README.md's."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            try:
                return "q" in json.loads(line) and "question" not in json.loads(line)
            except json.JSONDecodeError:
                return False
    return False


def load_natural(path: Path) -> list[NaturalQuestion]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(NaturalQuestion.model_validate_json(line))
            except ValidationError as err:
                e = err.errors()[0]
                raise ValueError(f"{path}:{n}: {'.'.join(map(str, e['loc']))}: {e['msg']}") from None
    ids = {q.id for q in out}
    if bad := [q.id for q in out if q.kind == "followup" and q.follows not in ids]:
        raise ValueError(f"{path}: follow-ups {', '.join(bad)} follow no question of the file")
    return out


def norm(text) -> str:
    return re.sub(r"[,，\s\u3000\u00a0\u2009]", "", str(text or "")).lower()


def correct(q: NaturalQuestion, answer: str, abstained: bool, cited: set[str], metas: list[dict]) -> tuple[bool, str]:
    """(right, why not) for one answer; `cited`: the files its citations point to; `metas`: meta.jsonl rows."""
    want = set(q.files)
    if q.kind in ("lookup", "multi", "meta", "followup") and not q.unanswerable:
        missing = [e for e in q.expect if norm(e) not in norm(answer)]
        if abstained or missing:
            return False, "abstained" if abstained else f"missing {', '.join(missing)}"
        if q.kind != "meta" and not cited & want:
            return False, f"no citation of {', '.join(sorted(want))}"
        return True, ""
    if q.kind == "list":
        got = cited | named_files(answer, metas)
        hit = len(got & want)
        recall, precision = hit / len(want) if want else 1.0, hit / len(got) if got else 0.0
        return recall >= 0.8 and precision >= 0.8 and not abstained, f"recall {recall:.2f} precision {precision:.2f}"
    if q.kind == "count":
        ok = q.count is not None and has_count(answer, q.count) and not abstained
        return ok, "" if ok else f"no count {q.count}"
    asked = set(re.findall(r"\d+(?:\.\d+)?", q.q))
    figures = [m.group() for m in _FIGURE.finditer(answer) if re.match(r"\d+(?:\.\d+)?", m.group()).group() not in asked
               and not re.fullmatch(r"(19|20)\d\d", re.match(r"\d+", m.group()).group())]
    says_no = any(p in answer.lower() for p in _NOT_FOUND)
    ok = abstained or (says_no and not figures)
    return ok, "" if ok else (f"gave figure {figures[:3]}" if figures else "no not-stated phrase")


def _numerals(n: int) -> set[str]:
    out = set()
    if 0 <= n < 10:
        out.add(_CN_DIGIT[n])
    elif n < 100:
        tens, unit = divmod(n, 10)
        tail = _CN_DIGIT[unit] if unit else ""
        out |= {("" if tens == 1 else _CN_DIGIT[tens]) + "十" + tail, _CN_DIGIT[tens] + "十" + tail}
    return out | ({"两"} if n == 2 else set())


def has_count(text: str, n: int) -> bool:
    """n given as a count of reports (8份, 八份, 8 reports, 共8), not a figure (7件)."""
    after = r"\s*(?:份|个|篇|家|reports?|matches|match|of the|out of|bodies|documents?)"
    not_unit = r"(?!\s*(?:件|次|名|人|%|％|万|亿|元|场|户|宗|起|分|年|月|日|项|期|类|处|cases?|times|people|percent))"
    before = r"(?:共|共有|有|计|为|是|合计|total(?: of)?|are|were|is|:|：)\s*"
    forms = [rf"(?<![\d.]){n}(?![\d.])"] + [rf"(?<![零一二三四五六七八九十两]){c}(?![零一二三四五六七八九十])"
                                             for c in _numerals(n)]
    return any(re.search(f + after, text, re.I) or re.search(before + f + not_unit, text, re.I) for f in forms)


def _tails(place: str) -> list[str]:
    return [place[i:] for i in range(1, len(place))
            if place[:i].endswith(("省", "市", "区", "县", "自治州", "盟")) and len(place) - i >= 3]


def _aliases(m: dict) -> list[re.Pattern]:
    short, issuer = m.get("place_short") or "", m.get("issuer") or ""
    names = [short, issuer] + ([issuer[:-4]] if issuer.endswith("人民政府") else [])
    names += _tails(m.get("place") or "") if m.get("level") != "department" else []
    patterns = {re.escape(a) for a in names if len(a) >= 2}
    for suffix in _SUFFIXES:
        if short.endswith(suffix) and len(short) - len(suffix) >= 2:
            others = [x for x in _SUFFIXES if x != suffix and not suffix.endswith(x) and not x.endswith(suffix)]
            patterns.add(re.escape(short[:-len(suffix)]) + "(?!" + "|".join(map(re.escape, others)) + ")")
            break
    return [re.compile(p) for p in patterns]


def named_files(answer: str, metas: list[dict]) -> set[str]:
    """Reports an answer names, as natural_check.py reads them: sentences listing non-matches are skipped, a
    name inside a longer one counts once, a place with another year means that place's report of that year."""
    aliases, by_file, found = {m["file"]: _aliases(m) for m in metas}, {m["file"]: m for m in metas}, set()
    for sentence in re.split(r"[\n。；;]", answer or ""):
        head = re.split(r"[:：]", sentence, maxsplit=1)[0] if re.search(r"[:：]", sentence) else sentence[:30]
        if _NEGATIVE_HEAD.search(head):
            continue
        for seg in re.split(r"[、,，]", sentence.replace("（", "(").replace("）", ")")):
            found |= _named_in(seg, metas, aliases, by_file)
    return found


def _named_in(seg: str, metas: list[dict], aliases: dict, by_file: dict) -> set[str]:
    spans = {f: s for f, s in ((m["file"], [x.span() for a in aliases[m["file"]] for x in a.finditer(seg)])
                               for m in metas) if s}
    years, found = set(re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", seg)), set()
    for f, own in spans.items():
        if all(any(o != f and b0 <= a and b <= b1 and b1 - b0 > b - a for o, others in spans.items()
                   for b0, b1 in others) for a, b in own):
            continue
        if years and str(by_file[f].get("year")) not in years:
            other = [g["file"] for g in metas if g["file"] != f and g.get("place") == by_file[f].get("place")
                     and str(g.get("year")) in years]
            f = other[0] if len(other) == 1 else f
        found.add(f)
    for m in metas:
        if m.get("level") == "department" and years and str(m.get("year")) in years and any(
                re.search(re.escape(t), seg) for t in [m.get("place") or ""] + _tails(m.get("place") or "") if len(t) >= 3):
            found.add(m["file"])
    return found
