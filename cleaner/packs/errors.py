"""Problems found in rule packs, each pinned to a file, line and column so an author can jump
straight to the mistake (`rules/x.yaml:12:5: rules[2].pattern: invalid regex …`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# A location inside a pack's data: mapping keys and list indexes, outermost first.
Loc = tuple[str | int, ...]


def display_path(path: Path | str) -> str:
    """The path relative to the working folder when it lies below it: short and clickable."""
    if isinstance(path, str):  # not a file: an entry point, say
        return path
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


def where(loc: Loc) -> str:
    """`("rules", 2, "pattern")` -> `rules[2].pattern`, the way an author reads a pack."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


@dataclass(frozen=True)
class Problem:
    """One mistake: where it is (1-based line and column; 0 for the file as a whole) and what
    is wrong."""

    path: Path | str
    message: str
    line: int = 0
    column: int = 0
    loc: Loc = ()

    def __str__(self) -> str:
        position = f":{self.line}:{self.column}" if self.line else ""
        inside = f"{where(self.loc)}: " if self.loc else ""
        return f"{display_path(self.path)}{position}: {inside}{self.message}"


class PackError(Exception):
    """A pack (or a set of packs) that cannot be used; every problem names its file and line."""

    def __init__(self, problems: list[Problem] | str) -> None:
        self.problems = [] if isinstance(problems, str) else list(problems)
        super().__init__(
            problems if isinstance(problems, str) else "\n".join(map(str, self.problems))
        )
