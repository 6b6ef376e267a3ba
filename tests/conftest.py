from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

# The suite tests the source, whatever compiled build the machine has: some tests replace module
# attributes, which compiled callers would not see. tests/test_compiled.py compares the build.
os.environ["CLEANER_COMPILED"] = "0"

from cleaner import Cleaner  # noqa: E402
from cleaner.model import Block, Document  # noqa: E402
from cleaner.segment import segment  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXPECTED = ROOT / "tests" / "expected"  # the reviewed outputs of the seeds


def expected_text(stem: str) -> str:
    """The reviewed cleaned text of the seed named `stem`."""
    return (EXPECTED / f"{stem}.txt").read_text(encoding="utf-8")


def load_script(name: str, module_name: str | None = None) -> ModuleType:
    """A module of scripts/ (not a package), registered so its dataclasses can find it; the
    scripts import each other, so their folder goes on the path."""
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    if module_name is None and name in sys.modules:  # imported already by another script
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(
        module_name or name, ROOT / "scripts" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner()


def blocks_of(*paragraphs: str) -> list[Block]:
    """Blocks from paragraphs separated by blank lines, as a document would give them."""
    return segment("\n\n".join(paragraphs))


def document_of(*paragraphs: str) -> Document:
    """A document of paragraphs separated by blank lines, segmented, for a stage to mark."""
    text = "\n\n".join(paragraphs)
    return Document(source=None, text=text, encoding="utf-8", sha256="", blocks=segment(text))
