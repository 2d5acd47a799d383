"""The package layout keeps its promises: docs/ARCHITECTURE.md's 'where to change' table points at
files and names that exist, modules stay small, and no module imports another's private names."""
import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "assistant"
ARCH = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")


def _where_to_change() -> list[tuple[str, str, str]]:
    table = ARCH.split("## Where to change", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[1].startswith(("assistant/", "prompts/")):
            rows.append((cells[0], cells[1], cells[2].strip("`")))
    return rows


def test_where_to_change_table_covers_the_usual_changes():
    topics = {topic for topic, _, _ in _where_to_change()}
    for needed in ("a junk pattern", "chunking", "an indicator", "a prompt", "the answer format", "the web page"):
        assert needed in topics


@pytest.mark.parametrize("topic,path,name", _where_to_change())
def test_where_to_change_points_at_real_code(topic, path, name):
    file = ROOT / path
    assert file.is_file(), f"{topic}: {path} does not exist"
    if name:
        tree = ast.parse(file.read_text(encoding="utf-8"))
        defined = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
        defined |= {t.id for n in ast.walk(tree) if isinstance(n, (ast.Assign, ast.AnnAssign))
                    for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
        assert name in defined, f"{topic}: {name} is not defined in {path}"


def test_every_subpackage_is_in_the_architecture_tree():
    for sub in sorted(p for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        assert f"  {sub.name}/" in ARCH, f"assistant/{sub.name}/ is missing from docs/ARCHITECTURE.md"
        for module in sorted(sub.glob("*.py")):
            if module.name != "__init__.py":
                assert module.name in ARCH, f"assistant/{sub.name}/{module.name} is missing from docs/ARCHITECTURE.md"


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in _modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long


def test_tests_mirror_the_package():
    for sub in sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        assert any((ROOT / "tests" / sub).glob("test_*.py")), f"tests/{sub}/ has no tests"


def test_no_private_names_imported_across_modules():
    bad = []
    for p in _modules() + sorted((ROOT / "tests").rglob("*.py")):  # tests go through public seams too
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("assistant")):
                bad += [f"{p.relative_to(ROOT)}: {a.name}" for a in node.names
                        if re.match(r"_[a-z]", a.name)]
    assert not bad


# The package's parts, lowest first: each may import only parts listed before it (and itself).
LAYERS = ["domain", "errors", "settings", "models", "text", "places", "validate", "facts", "store", "ingest",
          "understand", "reading", "render", "handlers", "checks", "engine", "llm", "assistant", "evaluation", "web",
          "cli", "__main__", "__init__"]


def _part(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imported_parts(path: Path) -> set[str]:
    """The package parts a module imports, function-level (lazy) imports included."""
    out = set()
    depth = len(path.relative_to(PACKAGE).parts) - 1  # 0 for assistant/x.py, 1 for assistant/sub/x.py
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level - 1 > depth:
                    continue
                base = list(path.relative_to(PACKAGE).parts[:depth - (node.level - 1)])
                target = base + (node.module.split(".") if node.module else [])
                names = [target] if node.module else [base + [a.name] for a in node.names]
            elif (node.module or "").startswith("assistant."):
                names = [node.module.split(".")[1:]]
            else:
                continue
            out |= {t[0] for t in names if t}
    return out


def test_the_import_graph_points_one_way():
    """A part imports only the parts below it: the graph is acyclic and in LAYERS order."""
    rank = {name: i for i, name in enumerate(LAYERS)}
    bad = []
    for path in _modules():
        part = _part(path)
        assert part in rank, f"{part} is not placed in LAYERS"
        for other in _imported_parts(path) - {part}:
            if other in rank and rank[other] > rank[part]:
                bad.append(f"{path.relative_to(ROOT)} ({part}) imports {other}")
    assert not bad, bad
