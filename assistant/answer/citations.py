"""Pure checks on citations and answers: verbatim quotes and no number without a source."""
from __future__ import annotations

import re

from ..models import Answer, Citation

_FILE_NAME = re.compile(r"[\w.\-]+\.(?:txt|md|html?|docx|pdf)\b", re.I)
# Report text is data: a sentence that addresses the reader as a model is never evidence.
_INJECTION = re.compile(
    r"(?:忽略|无视|忽视|不要理会|跳过)掉?(?:以上|上述|上面|之前|前面|先前|此前|所有|全部|一切|你的)的?(?:所有|全部)?"
    r"(?:指令|指示|提示|要求|规则|设定|内容)|忽略掉?(?:指令|指示|提示)|新的?指令[::]|你现在是|你是一个|系统提示|提示词|"
    r"\bignore\b.{0,30}\b(?:instructions?|prompts?|rules|above|previous)\b|\bdisregard\b|\bsystem prompt\b|"
    r"\byou are now\b|\bnew instructions?\b|\bact as\b",
    re.I,
)


def looks_like_injection(text: str) -> bool:
    return bool(_INJECTION.search(text))


_NUM = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_in(text: str) -> set[str]:
    """Numbers as normalised strings: 1,536 → 1536, 3.640 → 3.64, 07 → 7."""
    out = set()
    for m in _NUM.finditer(text):
        raw = m.group().replace(",", "")
        if raw.count(".") > 1:
            out.update(p for p in raw.split(".") if p)
            continue
        if "." in raw:
            raw = raw.rstrip("0").rstrip(".")
        out.add(raw.lstrip("0") or "0")
    return out


def verify_quote(text: str, cit: Citation) -> bool:
    return 0 <= cit.start < cit.end <= len(text) and text[cit.start : cit.end] == cit.quote


def unsupported_numbers(answer: Answer) -> set[str]:
    """Numbers stated in the answer that no cited quote (or cited report's title/year) contains."""
    allowed: set[str] = set()
    for cit in answer.citations:
        allowed |= numbers_in(cit.quote) | numbers_in(cit.title or "") | numbers_in(cit.place or "")
        if cit.year is not None:
            allowed.add(str(cit.year))
    if answer.coverage is not None:  # counts of reports computed in code from the cited list
        cov = answer.coverage
        allowed |= {str(n) for n in (cov.checked, cov.matched, cov.related, cov.not_reported)}
    return numbers_in(_claims(answer.answer, answer.citations)) - allowed


def _claims(text: str, citations: list[Citation]) -> str:
    """The text without markers and without the file names that identify reports (no place recognised)."""
    body = re.sub(r"\[\d+\]", "", text)
    for source in {c.source for c in citations if c.source}:
        body = body.replace(source, " ")
    return _FILE_NAME.sub(" ", body)


def check_answer(answer: Answer, texts: dict[str, str]) -> list[str]:
    """Every problem found; an empty list means the answer may be shown."""
    problems = []
    keys = {c.key for c in answer.citations}
    for cit in answer.citations:
        if not verify_quote(texts.get(cit.report_id, ""), cit):
            problems.append(f"citation [{cit.key}] is not verbatim at {cit.start}:{cit.end} of report {cit.report_id}")
        elif looks_like_injection(cit.quote):  # every path (open, overview, passages) ends here: never evidence
            problems.append(f"citation [{cit.key}] reads like an instruction to a model, not a report's statement")
    for key in map(int, re.findall(r"\[(\d+)\]", answer.answer)):
        if key not in keys:
            problems.append(f"marker [{key}] has no citation")
    if not answer.abstained and (missing := unsupported_numbers(answer)):
        problems.append(f"numbers without a cited source: {sorted(missing)}")
    return problems


def keep_verified(answer: Answer, texts: dict[str, str]) -> tuple[Answer, list[str]]:
    """The answer without the lines that fail a check (a quote not verbatim, a marker without a
    citation, a number no cited quote holds); (answer, problems). Checks that fail degrade the answer,
    never raise: with no line left, the caller abstains."""
    problems = check_answer(answer, texts)
    if not problems:
        return answer, []
    good = {c.key: c for c in answer.citations
            if verify_quote(texts.get(c.report_id, ""), c) and not looks_like_injection(c.quote)}
    lines = []
    for line in answer.answer.split("\n"):
        keys = [int(k) for k in re.findall(r"\[(\d+)\]", line)]
        cited = [good[k] for k in keys if k in good]
        if len(cited) != len(keys):
            continue
        line_answer = answer.model_copy(update={"answer": line, "citations": cited or answer.citations})
        if not answer.abstained and unsupported_numbers(line_answer):
            continue
        lines.append(line)
    kept_keys = {int(k) for line in lines for k in re.findall(r"\[(\d+)\]", line)}
    kept = answer.model_copy(update={"answer": "\n".join(lines),
                                     "citations": [c for c in answer.citations if c.key in kept_keys]})
    return kept, problems
