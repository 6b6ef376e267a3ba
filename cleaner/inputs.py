"""Which files a command line names, and where each one's outputs go.

Outputs mirror the inputs' paths below their common parent folder, so `clean seeds/*.txt`
writes flat names while two `x.txt` from different folders land in different subfolders.

A folder is searched as ripgrep searches one: symbolic links inside it are followed only while
they stay inside it (`follow_links` allows the others), each folder is entered once, and every
entry with an input's suffix that cannot be cleaned (a pipe, a broken link, a link loop, a link
out of the folder) is reported, as is a subfolder that cannot be read. A path that cannot even
be looked at (a name over 255 bytes) is reported as that path's problem; nothing stops the rest.
"""

from __future__ import annotations

import glob
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

INPUT_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class Job:
    path: Path
    out_stem: Path  # output path without suffix, relative to the output folder

    def outputs(self, out_dir: Path) -> tuple[Path, Path]:
        """The text and metadata files this job writes into `out_dir`."""
        stem = out_dir / self.out_stem
        return stem.with_name(f"{stem.name}.txt"), stem.with_name(f"{stem.name}.json")

    def refusal(self, out_dir: Path, inputs: set[Path]) -> str | None:
        """Why the job may not write its outputs (`inputs`: every job's, resolved): one would
        overwrite an input, or lead out of `out_dir` through a symbolic link left in it."""
        written = {p.resolve() for p in self.outputs(out_dir)}
        if written & inputs:
            return "would overwrite an input; choose another -o folder"
        root = out_dir.resolve()
        if any(root not in p.parents for p in written):
            return "is a symbolic link out of the -o folder; remove it"
        return None


@dataclass
class Plan:
    jobs: list[Job]
    errors: list[tuple[str, str]]  # (path as given, problem)


def _problem(err: OSError) -> str:
    return "permission denied" if isinstance(err, PermissionError) else err.strerror or str(err)


@dataclass
class _Scan:
    """One folder's search: the files found, and what could not be taken."""

    root: Path  # resolved
    follow_links: bool
    found: list[Path] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    seen: set[tuple[int, int]] = field(default_factory=set)  # folders entered, by device and inode

    def _inside(self, target: Path) -> bool:
        return target == self.root or self.root in target.parents

    def link(self, path: Path) -> Path | None:
        """Where a link leads, if it may be followed; otherwise the reason is recorded."""
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            self.errors.append((str(path), "is a broken symbolic link"))
            return None
        except (OSError, RuntimeError):  # RuntimeError: a loop, on older Pythons
            self.errors.append((str(path), "is a symbolic link loop"))
            return None
        if not self.follow_links and not self._inside(target):
            self.errors.append(
                (
                    str(path),
                    f"is a symbolic link out of the folder (to {target}); --follow-links cleans it",
                )
            )
            return None
        return target

    def folder(self, folder: Path) -> None:
        pending = [folder]
        while pending:
            current = pending.pop()
            try:
                info = current.stat()
                if (info.st_dev, info.st_ino) in self.seen:
                    continue
                self.seen.add((info.st_dev, info.st_ino))
                entries = sorted(os.scandir(current), key=lambda e: e.name, reverse=True)
            except OSError as err:
                self.errors.append((str(current), f"folder cannot be read: {_problem(err)}"))
                continue
            for entry in entries:
                pending.extend(self._entry(Path(entry.path), entry.name))

    def _entry(self, path: Path, name: str) -> list[Path]:
        """The subfolder to search, if `path` is one; files are taken or reported here."""
        wanted = Path(name).suffix.lower() in INPUT_SUFFIXES
        try:
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                if (target := self.link(path) if wanted or self._is_dir(path) else None) is None:
                    return []
                mode = target.stat().st_mode
        except OSError as err:
            self.errors.append((str(path), _problem(err)))
            return []
        if stat.S_ISDIR(mode):
            return [path]
        if wanted and stat.S_ISREG(mode):
            self.found.append(path)
        elif wanted:
            self.errors.append((str(path), "is not a regular file (a pipe, device or socket)"))
        return []

    @staticmethod
    def _is_dir(path: Path) -> bool:
        try:
            return path.is_dir()
        except OSError:
            return False


def _expand(
    arg: str, follow_links: bool, skip: Path | None = None
) -> tuple[list[Path], list[tuple[str, str]]]:
    path = Path(arg)
    try:
        if path.is_dir():
            scan = _Scan(path.resolve(), follow_links)
            if skip is not None and skip.is_dir() and not path.samefile(skip):
                info = skip.stat()
                scan.seen.add((info.st_dev, info.st_ino))  # walked already, as it were
            scan.folder(path)
            found = sorted(scan.found)
            if not found and not scan.errors:
                kinds = f"{', '.join(INPUT_SUFFIXES[:-1])} or {INPUT_SUFFIXES[-1]}"
                return [], [(arg, f"folder has no {kinds} files")]
            return found, scan.errors
        if path.exists():
            return [path], []
        if path.is_symlink():
            return [], [(arg, "is a broken symbolic link")]
    except OSError as err:  # a name too long, a folder on the way that cannot be read
        return [], [(arg, _problem(err))]
    if glob.has_magic(arg):
        return _glob(arg, follow_links)
    return [], [(arg, "no such file or folder")]


def _glob(arg: str, follow_links: bool) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files a pattern matches, found as a folder walk finds them: `**` enters no linked
    folder (`glob.glob` does, and a link to `/` walked the whole machine), a link to a file out
    of the pattern's fixed folder is refused, and hidden names match only a pattern's dot."""
    parts = Path(arg).parts
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    base, pattern = Path(*parts[:fixed]) if fixed else Path(), Path(*parts[fixed:])
    hidden = any(part.startswith(".") for part in pattern.parts)
    try:
        scan = _Scan(base.resolve(), follow_links)
        matched = sorted(base.glob(str(pattern)))
        found = [
            p
            for p in matched
            if (hidden or not any(n.startswith(".") for n in p.relative_to(base).parts))
            and (not p.is_symlink() or scan.link(p) is not None)
            and p.is_file()
        ]
    except (OSError, ValueError) as err:  # ValueError: a pattern pathlib refuses ("a/**b")
        return [], [(arg, _problem(err) if isinstance(err, OSError) else str(err))]
    if not found and not scan.errors:
        return [], [(arg, "pattern matches no file")]
    return found, scan.errors


def _out_stem(relative: Path) -> Path:
    """The output path less its suffix: the name less its last suffix only ("report.2023.txt"
    gives report.2023.txt and .json); a name that is all suffix ("..txt") stays whole, so no
    output lands beside the folder instead of in it."""
    return relative.with_name(relative.stem if relative.stem not in (".", "..") else relative.name)


def plan(args: list[str], follow_links: bool = False, skip: Path | None = None) -> Plan:
    """The jobs for `args` (files, folders, globs) and the problems found; a folder walk passes
    over `skip` (the output folder, so a second run never cleans the first one's outputs)."""
    paths: dict[Path, Path] = {}  # resolved -> as given
    errors: list[tuple[str, str]] = []
    for arg in args:
        found, problems = _expand(arg, follow_links, skip)
        errors.extend(problems)
        for p in found:
            paths.setdefault(p.resolve(), p)
    if not paths:
        return Plan([], errors)
    root = Path(os.path.commonpath([p.parent for p in paths]))
    jobs: list[Job] = []
    taken: dict[Path, Path] = {}
    for resolved, given in paths.items():
        stem = _out_stem(resolved.relative_to(root))
        if stem in taken:
            errors.append((str(given), f"output name {stem}.txt is already taken by {taken[stem]}"))
            continue
        taken[stem] = given
        jobs.append(Job(given, stem))
    return Plan(jobs, errors)
