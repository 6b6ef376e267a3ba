"""A typed, discoverable API: paths as strings or PathLike, a clear error for a bare string of
rules folders, public exceptions and names listed, docstrings everywhere, mypy clean."""

from __future__ import annotations

import inspect
import subprocess
import sys
from types import ModuleType

import pytest

import cleaner
from cleaner import Cleaner

from .conftest import ROOT, SEEDS


def test_clean_file_takes_a_string_path(cleaner: Cleaner) -> None:
    assert cleaner.clean_file(str(SEEDS[4])).text == cleaner.clean_file(SEEDS[4]).text


def test_a_bare_string_of_rules_folders_is_refused() -> None:
    with pytest.raises(TypeError, match=r"rules_dirs=\['my-packs'\]"):
        Cleaner(rules_dirs="my-packs")


def test_rules_folders_may_be_strings(tmp_path) -> None:
    assert Cleaner(rules_dirs=[str(tmp_path)]).packs.get("vice").id == "vice"


def test_public_names_and_exceptions_are_listed() -> None:
    for name in (
        "Cleaner",
        "Result",
        "Metadata",
        "InputError",
        "PackError",
        "OutOfTime",
        "RecordError",
    ):
        assert name in dir(cleaner) and name in cleaner.__all__
        assert getattr(cleaner, name).__module__.startswith("cleaner.")
    for name in ("InputError", "PackError", "OutOfTime", "RecordError"):
        assert issubclass(getattr(cleaner, name), Exception)


def _public(module: ModuleType) -> list[object]:
    items = [getattr(module, name) for name in module.__all__ if name != "__version__"]
    methods = [
        m
        for cls in items
        if inspect.isclass(cls) and cls.__module__.startswith("cleaner")
        for n, m in vars(cls).items()
        if callable(m) and not n.startswith("_")
    ]
    return items + methods


@pytest.mark.parametrize("module_name", ["cleaner", "cleaner.arrow", "cleaner.spark"])
def test_every_public_callable_has_a_docstring(module_name: str) -> None:
    module = __import__(module_name, fromlist=["_"])
    missing = [
        getattr(f, "__qualname__", f) for f in _public(module) if callable(f) and not f.__doc__
    ]
    assert not missing


def test_mypy_finds_no_error() -> None:
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]
