"""The question file (eval/README.md): its schema, validated line by line."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, ValidationError, model_validator

Kind = Literal["lookup", "list", "count", "compare", "open", "unanswerable"]
KINDS: tuple[str, ...] = ("lookup", "list", "count", "compare", "open", "unanswerable")


# ---- question file -------------------------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldValue(_Strict):
    value: StrictInt | StrictFloat  # a string "21.6" is a writer's mistake, not a number
    unit: str
    approx: Literal[True] | None = None


class GoldAnswer(_Strict):
    values: list[GoldValue] = []
    places: list[str] = []
    must_include: list[str] = []
    abstain: bool = False


class Evidence(_Strict):
    source: str
    quote: str = Field(min_length=1, pattern=r"^[^\n]*$")  # one line, copied from the report


class EvalQuestion(_Strict):
    id: str
    question: str
    lang: Literal["zh", "en"]
    kind: Kind
    answer: GoldAnswer
    evidence: list[Evidence]

    @model_validator(mode="after")
    def _shape_fits_kind(self):
        a, k = self.answer, self.kind
        problem = {
            "lookup": len(a.places) != 1 or not (a.values or a.must_include),
            "list": not a.places,
            "count": len(a.values) != 1 or a.values[0].value != len(a.places),
            "compare": len(a.places) != 1 or len(a.values) < 2,
            "open": not a.must_include,
            "unanswerable": not a.abstain,
        }[k]
        if problem:
            raise ValueError(f"answer shape does not fit kind '{k}' (see eval/README.md)")
        return self


def load_questions(path: str | Path) -> list[EvalQuestion]:
    """Parse and validate a question file; a bad line raises ValueError naming path:line."""
    out: list[EvalQuestion] = []
    seen: set[str] = set()
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            q = EvalQuestion.model_validate(json.loads(line))
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}:{n}: not valid JSON ({e.msg})") from None
        except ValidationError as e:
            err = e.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "object"
            raise ValueError(f"{path}:{n}: {where}: {err['msg']}") from None
        if q.id in seen:
            raise ValueError(f"{path}:{n}: duplicate id {q.id}")
        seen.add(q.id)
        out.append(q)
    return out
