"""LLM phrasing of a verified extractive answer: code decides the facts, the LLM only rewrites them.

`generate()` hands the LLM the extractive answer's numbered quotes (short sentences labelled with place and
year), then checks what came back in plain code, sentence by sentence:

* a citation marker [n] must name a quote the LLM was given; other markers are deleted;
* a sentence without a valid [n] is dropped (it is unsupported, whatever it says);
* every number in a sentence must occur in that sentence's cited quotes (or their year), or be a count the
  program itself decided (Answer.coverage); a "zero defeats" claim must cite a quote that makes it;
* nothing left, the wrong language, or (list/count/compare) a place added or dropped → the extractive answer;
* kept citations are renumbered 1..k in order of appearance and `citations.check_answer` must pass.

Report text is data: evidence sentences that look like instructions to a model ("忽略以上指令…",
"ignore previous instructions") are never shown to the LLM, and whatever the LLM writes is checked as above.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..text.injection import looks_like_injection  # noqa: F401  (re-exported for callers of this module)
from ..domain.quantity import en_number, parse_zh
from ..models import Answer, Citation
from ..places import english_name
from ..text.redact import redact
from .prompts import load_template
from .verification import (  # noqa: F401  (re-exported: the public verification API)
    KINDS, LIST_KINDS, MAX_EVIDENCE, MAX_EVIDENCE_CHARS, MAX_QUOTE_CHARS, Verification, required_places, short_quote,
    code_lines, evidence_for, language_ok, normalize, numbers_of, resolve_kind, scope_notes, split_sentences, verify,
)

if TYPE_CHECKING:
    from llama_index.core.base.llms.types import ChatMessage

log = logging.getLogger(__name__)


# ---- prompt --------------------------------------------------------------------------------------------


def _label(c: Citation, lang: str, note: bool = False) -> str:
    year = str(c.year) if c.year else ("年份不详" if lang == "zh" else "year unknown")
    if lang == "zh":
        return f"{c.place or c.source} {year}" + ("(不同口径)" if note else "")
    who = f"{english_name(c.place)} ({c.place or c.source})" if c.place else c.source
    return f"{who} {year}" + (" (different scope)" if note else "")


def format_evidence(items: list[Citation], lang: str, notes: set[int] = frozenset()) -> str:
    return "\n".join(f"[{c.key}] {_label(c, lang, c.key in notes)}: {short_quote(c.quote)}{_in_english(c.quote, lang)}"
                     for c in items)


def _in_english(quote: str, lang: str) -> str:
    """For an English answer, the quote's 万/亿 figures in English digits (57.95万件 = 579,500): a small
    model otherwise reads 万 as million; verification still checks every figure by value."""
    if lang != "en":
        return ""
    said = [f"{q.text} = {en_number(q)[0]}" for q in parse_zh(short_quote(quote)) if q.magnitude in ("万", "亿")]
    return f" (in English: {'; '.join(said)})" if said else ""


def build_messages(question: str, lang: str, extractive: Answer, kind: str,
                   evidence: list[Citation] | None = None, prompts_dir: Path | None = None) -> list[ChatMessage]:
    lang = "en" if lang == "en" else "zh"
    evidence = evidence_for(extractive, kind) if evidence is None else evidence
    notes = scope_notes(extractive) if kind in LIST_KINDS else set()
    values = {"question": question.strip(), "evidence": format_evidence(evidence, lang, notes)}
    if kind in LIST_KINDS:
        places = required_places(extractive)
        head, tail = code_lines(extractive)
        values["places"] = ("、".join(places) if lang == "zh" else
                            ", ".join(f"{english_name(p)} ({p})" for p in places)) or ("(无)" if lang == "zh" else "(none)")
        values["conclusion"] = " ".join(head + tail) or ("(无)" if lang == "zh" else "(none)")
        name = f"list_{lang}"
    else:
        name = f"answer_{lang}"
    system, user = load_template(name, prompts_dir).render(**values)
    return _chat(system, user)



# ---- entry points ----------------------------------------------------------------------------------------
def prime(llm, lang: str = "zh", kind: str = "lookup") -> None:
    """Evaluate the template's fixed system prompt once so the local model's prompt cache holds it: the
    first question of that language then starts ~150 prompt tokens later (~4-5 s sooner on 2 cores).
    Only for the in-process model (a remote endpoint would be charged for it); errors are only logged."""
    from .backends import LocalGGUF

    if not isinstance(llm, LocalGGUF):
        return
    name = f"{'list' if kind in LIST_KINDS else 'answer'}_{'en' if lang == 'en' else 'zh'}"
    template = load_template(name)
    system, _ = template.render(**{v: "" for v in template.variables})
    try:
        llm.chat(_chat(system, ""),
                 max_tokens=1)
    except Exception as err:
        log.warning("could not prime the local model: %s", err)


def _describe(err: BaseException, llm) -> str:
    try:
        import openai

        if isinstance(err, openai.OpenAIError):
            from .backends import describe_openai_error

            return describe_openai_error(err, getattr(llm, "api_base", None))
    except ImportError:
        pass
    return redact(str(err).splitlines()[0]) if str(err) else type(err).__name__


def _skip(extractive: Answer, llm) -> bool:
    return llm is None or extractive.abstained or not extractive.citations


def _finish(question, lang, extractive, text, kind, given, texts, corpus_places) -> tuple[Answer, Verification]:
    try:
        v = verify(question, lang, extractive, text, kind, given, texts, corpus_places)
    except Exception:  # a bug in a check must never let unverified text through
        log.exception("verifying the generated answer failed; showing the extractive answer")
        return extractive, Verification(answer=None, reason="verification error")
    for sent, why in v.dropped:
        log.info("generated sentence dropped (%s): %s", why, sent)
    if v.answer is None:
        log.info("generated answer rejected (%s); showing the extractive answer", v.reason)
        return extractive, v
    return v.answer, v


def generate(question: str, lang: str, extractive: Answer, llm, kind: str | None = None, *,
             texts: dict[str, str] | None = None, corpus_places: list[str] | None = None,
             on_error=None) -> Answer:
    """The extractive answer rephrased by `llm` and verified; the extractive answer itself whenever that fails.

    kind: lookup/open/meta/list/count/compare (default: extractive.route, else lookup).
    texts: report texts by id (optional) for the final check_answer; corpus_places: every place in the corpus
    (optional) so an added place is recognised even if the extractive answer never mentions it.
    on_error(reason): called when the model itself failed (not when its answer was rejected)."""
    if _skip(extractive, llm):
        return extractive
    kind = resolve_kind(extractive, kind)
    given = evidence_for(extractive, kind, log_skipped=True)
    if not given:
        return extractive
    messages = build_messages(question, lang, extractive, kind, given)
    try:
        text = llm.chat(messages).message.content or ""
    except Exception as err:  # the verified extractive answer is still right; say why in the log
        reason = _describe(err, llm)
        log.warning("LLM unavailable (%s); showing the extractive answer", reason)
        if on_error is not None:
            on_error(reason)
        return extractive
    return _finish(question, lang, extractive, text, kind, given, texts, corpus_places)[0]


def generate_stream(question: str, lang: str, extractive: Answer, llm, kind: str | None = None, *,
                    texts: dict[str, str] | None = None, corpus_places: list[str] | None = None) -> Iterator[dict]:
    """Events: {"type": "evidence", "citations": [Citation…]} at once (extractive numbering), then
    {"type": "token", "text": …} while the LLM writes (unverified!), then {"type": "answer", "answer": Answer,
    "generated": bool, "reason": str | None}: the verified answer, which may differ from the streamed tokens."""
    yield {"type": "evidence", "citations": list(extractive.citations)}
    if _skip(extractive, llm):
        yield {"type": "answer", "answer": extractive, "generated": False, "reason": None}
        return
    kind = resolve_kind(extractive, kind)
    given = evidence_for(extractive, kind, log_skipped=True)
    if not given:
        yield {"type": "answer", "answer": extractive, "generated": False, "reason": "no evidence fit to show the LLM"}
        return
    messages = build_messages(question, lang, extractive, kind, given)
    parts: list[str] = []
    try:
        for chunk in llm.stream_chat(messages):
            if chunk.delta:
                parts.append(chunk.delta)
                yield {"type": "token", "text": chunk.delta}
    except Exception as err:
        reason = _describe(err, llm)
        log.warning("LLM unavailable (%s); showing the extractive answer", reason)
        yield {"type": "answer", "answer": extractive, "generated": False, "reason": reason, "failed": True}
        return
    answer, v = _finish(question, lang, extractive, "".join(parts), kind, given, texts, corpus_places)
    yield {"type": "answer", "answer": answer, "generated": v.answer is not None, "reason": v.reason}


def _chat(system: str, user: str) -> "list[ChatMessage]":
    # imported here: llama-index costs seconds to import, and only a phrased answer needs it
    from llama_index.core.base.llms.types import ChatMessage, MessageRole

    return [ChatMessage(role=MessageRole.SYSTEM, content=system), ChatMessage(role=MessageRole.USER, content=user)]


def complete(answer: Answer) -> bool:
    """A lookup answered in full by code: every line is a cited figure or its evidence, nothing is "not stated",
    hedged or of another scope. Phrasing cannot add to it, so the local model is not waited for."""
    lines = answer.lines
    return (answer.route == "lookup" and not answer.abstained and any(ln.role == "lead" for ln in lines)
            and all(ln.role in ("lead", "evidence") and ln.keys and not ln.scope_differs for ln in lines))
