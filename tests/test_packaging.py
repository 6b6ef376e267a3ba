"""What `uv run clean …` installs is what cleaning imports, and nothing of the engines, the
evaluation or the tests; the distribution has a name of its own on the package index."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from cleaner.version import DISTRIBUTION

from .conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# The engine adapters import their engine when called, from the extra that names it.
ENGINE_MODULES = {"arrow.py", "spark.py"}
PART_OF = {"pydantic_core": "pydantic"}  # pinned exactly by pydantic, which we declare
HEAVY = {"pyspark", "pyarrow", "pandas", "pytest", "hypothesis", "lightgbm", "ray", "dask"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=\[; ]", requirement, maxsplit=1)[0].lower()


def _imported(path: str) -> set[str]:
    """Top-level modules a file imports outside `if TYPE_CHECKING:` and function bodies."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_runtime_dependencies_are_light() -> None:
    runtime = {_name(r) for r in PROJECT["project"]["dependencies"]}
    assert not runtime & HEAVY
    assert PROJECT["tool"]["uv"]["default-groups"] == []


def test_every_module_cleaning_imports_is_a_declared_dependency() -> None:
    runtime = {_name(r) for r in PROJECT["project"]["dependencies"]}
    owners = packages_distributions()
    for path in (ROOT / "cleaner").rglob("*.py"):
        if path.name in ENGINE_MODULES:
            continue
        for module in _imported(str(path.relative_to(ROOT))) - set(sys.stdlib_module_names):
            if module in {"cleaner", "__future__"}:
                continue
            module = PART_OF.get(module, module)
            dists = {d.lower().replace("_", "-") for d in owners.get(module, [module])}
            assert dists & runtime, f"{path.name} imports {module}, not a runtime dependency"


def test_the_distribution_name_is_ours() -> None:
    assert PROJECT["project"]["name"] == DISTRIBUTION != "cleaner"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "cleaner[" not in readme  # an install line naming the other project
