"""The package's shape, checked on every run: data flows one way through layers, no import cycle,
no module over MAX_LINES.

Every `import` that runs counts, those inside functions too (they are dependencies all the same);
only imports under `if TYPE_CHECKING:` do not. Importing `a.b.c` runs `a` and `a.b` first, so those
count as well. A module no layer names fails the test until it is given one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cleaner"
MAX_LINES = 300
# Lowest first; a module may import its own layer and those below. Names are relative to
# `cleaner`; the longest matching prefix decides ("html.route" over "html").
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "core",
        (
            "model",
            "result",
            "inline",
            "names",
            "urls",
            "patterns",
            "budget",
            "dates",
            "version",
            "trees",
            "encoding",
            "stoplists",
            "code_signals",
            "prefilter",
            "prefilter_syntax",
            "compiled",
            "cores",
        ),
    ),
    ("read", ("read", "html", "html.decode", "html.detect", "html.guard")),
    ("segment", ("segment", "canonical")),
    (
        "features",
        (
            "lexicon",
            "features",
            "html.blocks",
            "html.features",
            "html.routes",
            "html.jsonld",
            "html.prune",
            "html.liveblog",
        ),
    ),
    ("rules", ("heuristics", "packs", "html.route", "detect")),
    (
        "metadata",
        ("metadata", "html.meta", "html.sources", "html.headline", "html.page", "explain"),
    ),
    ("pipeline", ("pipeline",)),
    ("authoring", ("authoring",)),
    (
        "interfaces",
        (
            "",
            "cli",
            "batch",
            "records",
            "arrow",
            "spark",
            "parallel",
            "inputs",
            "write",
            "selection",
        ),
    ),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _runtime_imports(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
            continue
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child
        yield from _runtime_imports(child)


def _targets(name: str, node: ast.Import | ast.ImportFrom, is_package: bool) -> Iterator[str]:
    """Module names (relative to `cleaner`) that `node`, in module `name`, imports."""
    if isinstance(node, ast.Import):
        roots = [a.name for a in node.names]
    elif node.level == 0:
        roots = [f"{node.module}.{a.name}" for a in node.names]
    else:
        base = [p for p in name.split(".") if p]
        base = base if is_package else base[:-1]
        base = base[: len(base) - (node.level - 1)] + ([node.module] if node.module else [])
        roots = [".".join(["cleaner", *base, a.name]) for a in node.names]
    for root in roots:
        if root.split(".")[0] != "cleaner":
            continue
        parts = root.split(".")[1:]
        for end in range(len(parts) + 1):  # `a.b.c` runs `a` and `a.b`; `c` may be a name
            if (target := ".".join(parts[:end])) in MODULES:
                yield target


@cache
def imports(name: str) -> frozenset[str]:
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {
        t for node in _runtime_imports(tree) for t in _targets(name, node, path.stem == "__init__")
    }
    # A module's own packages run before it: they are no dependency of it.
    return frozenset(t for t in found if t != name and t != "" and not name.startswith(f"{t}."))


def layer_of(name: str) -> int:
    """The layer of the longest prefix that names module `name` ("" is the package itself)."""
    matches = [
        (len(prefix), i)
        for i, (_, prefixes) in enumerate(LAYERS)
        for prefix in prefixes
        if name == prefix or (prefix and name.startswith(f"{prefix}."))
    ]
    assert matches, f"cleaner.{name} is in no layer: give it one in LAYERS"
    return max(matches)[1]


def test_every_import_goes_down_or_across() -> None:
    upward = [
        f"cleaner.{m} ({LAYERS[layer_of(m)][0]}) imports cleaner.{t} ({LAYERS[layer_of(t)][0]})"
        for m in sorted(MODULES)
        for t in sorted(imports(m))
        if layer_of(t) > layer_of(m)
    ]
    assert not upward, "\n".join(upward)


def find_cycle(graph: dict[str, frozenset[str]]) -> list[str] | None:
    """One cycle of `graph`, as the modules along it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    return next((c for n in sorted(graph) if n not in state and (c := visit(n))), None)


def test_no_import_cycle() -> None:
    cycle = find_cycle({m: imports(m) for m in MODULES})
    assert cycle is None, " -> ".join(f"cleaner.{m}" for m in cycle)


def test_find_cycle_finds_one() -> None:
    graph = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset()}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": frozenset({"b"}), "b": frozenset()}) is None


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_size(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"cleaner.{name} has {lines} lines: split it"
