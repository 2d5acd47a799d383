"""The caller's question and filters checked once, at the API's edge: one InputError line naming the
problem and the fix, so nothing malformed reaches the pipeline (CLI, web and Python API share these)."""
from __future__ import annotations

from .errors import InputError
from .domain.indicators import Indicator
from .models import ReportMeta
from .places import PlaceIndex
from .text.script import to_simplified


def _text(value: str, what: str, fix: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (pasted half of an emoji, a bad terminal)
        raise InputError(f"{what} contains characters that are not valid text (e.g. a lone surrogate); {fix}") from None


def question(text, max_chars: int) -> str:
    if not isinstance(text, str):
        raise InputError(f"the question must be text, got {type(text).__name__}; e.g. ask('平罗县败诉率是多少?')")
    if not text.strip():
        raise InputError("the question is empty; type a question, e.g. 平罗县2023年行政诉讼败诉率是多少?")
    _text(text, "the question", "retype or paste it again")
    if len(text) > max_chars:
        raise InputError(f"the question is {len(text)} characters, over the {max_chars} "
                         f"limit; shorten it (or raise FAZHI_MAX_QUESTION_CHARS)")
    return text.strip()


def places(place, index: PlaceIndex) -> list[str]:
    """Filter names as the user typed them (平罗, Pingluo, 平罗县) → full corpus place names."""
    out: list[str] = []
    if place is not None and not isinstance(place, (str, list, tuple)):
        raise InputError(f"place must be a place name or a list of names, got {type(place).__name__}; "
                         f"e.g. place='平罗县'")
    for p in [place] if isinstance(place, str) else (place or []):
        if not isinstance(p, str) or not p.strip():
            raise InputError(f"place names must be non-empty text, got {p!r:.40}; e.g. place='平罗县'")
        _text(p, "the place name", "retype it")
        matches = [p] if p in index.places else index.find(p)
        if not matches:
            raise InputError(f"unknown place '{p}'; places in the corpus: {'、'.join(index.places) or '(none)'}")
        out.extend(m for m in matches if m not in out)
    return out


def year(value, metas: dict[str, ReportMeta]) -> None:
    if value is not None:
        years = sorted({m.year for m in metas.values() if m.year})
        if not isinstance(value, int) or isinstance(value, bool) or value not in years:
            raise InputError(f"no report covers year {value!r:.20}; years in the corpus: "
                             f"{', '.join(map(str, years)) or '(none)'}")


def history(turns) -> str | None:
    """The earlier question a follow-up leans on: the last turn's standalone question (or its question).
    Turns are Answers or {"question", "answer"} objects (a whole `fazhi ask --json` answer is one)."""
    if turns is None:
        return None
    if not isinstance(turns, (list, tuple)):
        raise InputError(f"history must be a list of earlier turns, got {type(turns).__name__}; "
                         f'e.g. [{{"question": "平罗县2023年行政复议收案多少件?", "answer": "…"}}]')
    for n, turn in enumerate(reversed(turns), 1):
        data = turn.model_dump() if hasattr(turn, "model_dump") else turn
        if not isinstance(data, dict):
            raise InputError(f"history turn {len(turns) - n + 1} is {type(turn).__name__}, not an object; "
                             f'give {{"question": …, "answer": …}}')
        text = data.get("standalone_question") or data.get("question")
        if isinstance(text, str) and text.strip():
            _text(text, "a history question", "retype it")
            return to_simplified(text.strip())
    return None


def indicator(value) -> Indicator | None:
    """An indicator filter given as a member or its name (litigation_defeat_rate)."""
    if value is None or isinstance(value, Indicator):
        return value
    if not isinstance(value, str):
        raise InputError(f"indicator must be a name such as litigation_defeat_rate, got {type(value).__name__}")
    try:
        return Indicator(value)
    except ValueError:
        names = ", ".join(i.value for i in Indicator)
        raise InputError(f"unknown indicator '{value}'; choose one of: {names}") from None
