"""Prompt templates in prompts/*.txt, validated: every placeholder declared, every declared variable used.

File format (UTF-8)::

    # comment lines before the header are ignored
    variables: question, evidence
    [system]
    …text with {question}-style placeholders ({{ and }} for literal braces)…
    [user]
    …

Rendering with a missing or an unknown variable raises TemplateError naming the template and the variable.
"""
from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, model_validator

from ..errors import FazhiError

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"
_SECTIONS = ("system", "user")


class TemplateError(FazhiError):
    """A prompt template is malformed, or rendered with a missing/unknown variable."""


def placeholders(text: str) -> set[str]:
    out = set()
    for _, field, spec, conv in string.Formatter().parse(text):
        if field is None:
            continue
        if not field.isidentifier() or spec or conv:
            raise ValueError(f"placeholder {{{field}}} must be a plain name (no attributes, indexes or formats)")
        out.add(field)
    return out


class PromptTemplate(BaseModel):
    name: str
    variables: tuple[str, ...]
    system: str
    user: str

    @model_validator(mode="after")
    def _declared_equals_used(self) -> "PromptTemplate":
        try:
            used = placeholders(self.system) | placeholders(self.user)
        except ValueError as err:
            raise TemplateError(f"prompt template '{self.name}': {err}") from None
        declared = set(self.variables)
        if undeclared := sorted(used - declared):
            raise TemplateError(f"prompt template '{self.name}' uses undeclared variable '{undeclared[0]}'; "
                                f"add it to its 'variables:' line")
        if unused := sorted(declared - used):
            raise TemplateError(f"prompt template '{self.name}' declares variable '{unused[0]}' but never uses it")
        return self

    def render(self, **values: str) -> tuple[str, str]:
        """(system, user) with every declared variable filled; values are inserted as plain text."""
        for var in self.variables:
            if var not in values:
                raise TemplateError(f"prompt template '{self.name}' needs variable '{var}'")
        for var in values:
            if var not in self.variables:
                raise TemplateError(f"prompt template '{self.name}' has no variable '{var}' "
                                    f"(declared: {', '.join(self.variables)})")
        clean = {k: str(v) for k, v in values.items()}
        return self.system.format(**clean).strip(), self.user.format(**clean).strip()


def parse_template(name: str, text: str) -> PromptTemplate:
    variables: tuple[str, ...] | None = None
    parts: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if current is None and (not stripped or stripped.startswith("#")):
            continue
        if current is None and stripped.lower().startswith("variables:"):
            variables = tuple(v.strip() for v in stripped.split(":", 1)[1].split(",") if v.strip())
            continue
        if stripped.startswith("[") and stripped.endswith("]") and stripped[1:-1] in _SECTIONS:
            current = stripped[1:-1]
            if current in parts:
                raise TemplateError(f"prompt template '{name}' has two [{current}] sections")
            parts[current] = []
            continue
        if current is None:
            raise TemplateError(f"prompt template '{name}': text before the first [system]/[user] section: {stripped[:40]!r}")
        parts[current].append(line)
    if variables is None:
        raise TemplateError(f"prompt template '{name}' has no 'variables:' line")
    for section in _SECTIONS:
        if not "\n".join(parts.get(section, [])).strip():
            raise TemplateError(f"prompt template '{name}' has no [{section}] section")
    return PromptTemplate(name=name, variables=variables, system="\n".join(parts["system"]),
                          user="\n".join(parts["user"]))


@lru_cache(maxsize=None)
def _load(path: str) -> PromptTemplate:
    p = Path(path)
    return parse_template(p.stem, p.read_text(encoding="utf-8"))


def load_template(name: str, directory: Path | None = None) -> PromptTemplate:
    """prompts/<name>.txt, parsed and validated once per process."""
    path = Path(directory or PROMPTS_DIR) / f"{name}.txt"
    if not path.is_file():
        raise TemplateError(f"prompt template '{name}' not found at {path}")
    return _load(str(path))


def available(directory: Path | None = None) -> list[str]:
    return sorted(p.stem for p in Path(directory or PROMPTS_DIR).glob("*.txt"))
