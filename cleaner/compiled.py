"""An optional compiled build of the hot modules (#16): mypyc's extension modules, which
`scripts/build_compiled.py` writes into a folder of their own named by a hash of every source
file of the package (`source_key`). At import, `install` looks for the folder of today's sources
and, when it is there, imports the modules it lists from it; anything else runs as source.

Nothing compiled ever lies beside a `.py` in the package, so an edited source cannot be shadowed
by older compiled code: the edit changes the hash, no folder has the new name, and the plain
source runs until the build is made again. The hash covers every module, not only the compiled
ones, since mypyc binds calls and `Final` values across modules when it compiles. A folder is
used whole or not at all: compiled modules call one another directly. CLEANER_COMPILED=0 switches
the build off; CLEANER_COMPILED=DIR looks for builds in DIR rather than the user's cache.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import sysconfig
from importlib.machinery import ModuleSpec
from pathlib import Path

ENV = "CLEANER_COMPILED"
MANIFEST = "manifest.json"
PACKAGE = Path(__file__).resolve().parent
_installed: dict[str, Path] = {}
# What scripts/build_compiled.py compiles, under the package: where the text path spends its
# Python time, and what compiles cleanly. Left out: the modules whose functions scripts/stages.py
# times by replacing them (a compiled caller would not see the replacement: `pipeline`, `body`,
# `base`), those that find data beside their own file (`lexicon`: a compiled module's file is in
# the build's folder), the numpy-bound ones (`trees`: little Python time to save) and all that is
# off the text path. The test suite runs the source (tests/conftest.py), so its replacements hold.
MODULES = (
    "features.py",
    "segment.py",
    "stoplists.py",
    "inline.py",
    "code_signals.py",
    "canonical.py",
    "dates.py",
    "heuristics/repeats.py",
    "heuristics/classify.py",
    "heuristics/head.py",
    "heuristics/headline.py",
    "heuristics/archive.py",
    "heuristics/captions.py",
    "heuristics/furniture.py",
    "heuristics/fields.py",
    "heuristics/sections.py",
    "heuristics/code.py",
    "heuristics/bylines.py",
)


def root() -> Path | None:
    """The folder that holds the builds, one subfolder each, or None when switched off."""
    value = os.environ.get(ENV, "")
    if value == "0":
        return None
    if value:
        return Path(value)
    try:
        cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except RuntimeError:  # no home folder to be found: no cache either
        return None
    return Path(cache) / "scraped-news-cleaner" / "compiled"


def source_key(package: Path = PACKAGE) -> str:
    """A hash of every `.py` under `package` (path and bytes) and of the interpreter's ABI:
    the name of the one build that may run with these sources on this Python."""
    digest = hashlib.sha256()
    abi = f"{sys.version}\0{sysconfig.get_config_var('EXT_SUFFIX')}\0"
    digest.update(abi.encode())
    for path in sorted(package.rglob("*.py")):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(package).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:32]


def build_folder(base: Path | None = None) -> Path | None:
    """The folder of the build of today's sources, when `base` (default `root()`) has one."""
    base = base if base is not None else root()
    try:
        if base is None or not base.is_dir():
            return None
        folder = base / source_key()
        return folder if (folder / MANIFEST).is_file() else None
    except OSError:  # a cache that cannot be looked at (a name too long, no permission)
        return None


class _Finder:
    """Finds the compiled modules of one build, by full name, in its folder: the package's
    modules and mypyc's shared library, which they import by its top-level name."""

    def __init__(self, paths: dict[str, Path]) -> None:
        self.paths = paths

    def find_spec(self, name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if (file := self.paths.get(name)) is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(name, str(file))
        return importlib.util.spec_from_file_location(name, file, loader=loader)


def install() -> dict[str, Path]:
    """Puts the build of today's sources, when there is one, before the source on the import
    path; the modules it serves, with their files (empty when the plain source runs). Called
    by the package before it imports any module a build may hold."""
    if _installed or (folder := build_folder()) is None:
        return _installed
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        paths = {name: folder / file for name, file in manifest["modules"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return _installed  # a build being written, or damaged: the source runs
    if manifest.get("key") != folder.name or not all(p.is_file() for p in paths.values()):
        return _installed
    if any(name in sys.modules for name in paths):
        return _installed  # too late: a module already runs as source, and they go together
    finder = _Finder(paths)
    sys.meta_path.insert(0, finder)
    try:  # mypyc's shared library, which every compiled module loads first: can it load here?
        for name in paths:
            if not name.startswith(f"{__package__}."):
                importlib.import_module(name)
    except ImportError:  # built against something this environment lacks: the source runs
        sys.meta_path.remove(finder)
        return _installed
    _installed.update(paths)
    return _installed


def active() -> bool:
    """Whether the compiled modules are in use in this process."""
    return bool(_installed)
