"""Where rule packs come from, in the order they are loaded:

1. built-in: the repository's `rules/` (`cleaner/_rules` in an installed wheel);
2. entry points in the `cleaner.packs` group, so another package can ship packs;
3. the folders in `$CLEANER_RULES` (separated like PATH);
4. folders (or single files) given with `--rules`.

No source overrides another: an outlet id or domain claimed twice is an error naming both files.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path

from .errors import Problem

ENV_VAR = "CLEANER_RULES"
ENTRY_POINT_GROUP = "cleaner.packs"
PACK_SUFFIXES = (".yaml", ".yml")
BUILTIN = "built-in"


@dataclass(frozen=True)
class Source:
    """A folder or file of packs and how it was named (shown by `clean rules list`)."""

    label: str
    path: Path


def builtin_rules_dir() -> Path:
    """`cleaner/_rules` in an installed wheel, the repository's `rules/` in a checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


def _entry_point_sources() -> tuple[list[Source], list[Problem]]:
    """Each entry point names a folder, or a callable that returns one."""
    sources: list[Source] = []
    problems: list[Problem] = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            target = point.load()
            folder = Path(target() if callable(target) else target)
        except Exception as err:  # a broken plug-in is reported, never a traceback
            problems.append(
                Problem(f"entry point {point.name} = {point.value}", f"cannot load: {err}")
            )
            continue
        sources.append(Source(f"entry point {point.name}", folder))
    return sources, problems


def pack_sources(extra: Sequence[Path] = ()) -> tuple[list[Source], list[Problem]]:
    """Every source in load order, with problems met while finding them."""
    plugins, problems = _entry_point_sources()
    env = [
        Source(f"${ENV_VAR}", Path(p)) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p
    ]
    return [
        Source(BUILTIN, builtin_rules_dir()),
        *plugins,
        *env,
        *(Source("--rules", Path(p)) for p in extra),
    ], problems


def packs_in(folder: Path) -> list[Path]:
    """The entries of a folder named as pack files, sorted by name (its subfolders are not
    searched); `pack_files` refuses those that are no file."""
    return sorted(p for p in folder.iterdir() if p.suffix in PACK_SUFFIXES)


def pack_files(sources: Sequence[Source]) -> tuple[list[tuple[Source, Path]], list[Problem]]:
    """The pack files of each source, sorted by name; a file reached twice is read once."""
    files: list[tuple[Source, Path]] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for source in sources:
        if source.path.is_dir():
            found = packs_in(source.path)
        elif source.path.is_file():
            found = [source.path]
        else:
            problems.append(
                Problem(source.path, f"rules folder does not exist (from {source.label})")
            )
            continue
        for path in found:
            if not path.is_file():  # was passed over in silence
                problems.append(Problem(path, "is named as a pack but is no file (a broken link?)"))
            elif (resolved := path.resolve()) not in seen:
                seen.add(resolved)
                files.append((source, path))
    return files, problems
