"""Load rule packs from every source into one `PackSet`, checking them against each other.

Each file is parsed, validated and compiled once per process: the result is cached by path,
modification time and size, so building many `Cleaner`s (or a thousand packs) stays cheap, and
an edited pack is read again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import PackError, Problem, display_path
from .schema import Pack
from .sources import pack_files, pack_sources
from .validate import validate
from .yamltree import Tree, read_tree


@dataclass(frozen=True)
class LoadedPack:
    """A valid pack with the file it came from and the positions of its keys."""

    pack: Pack
    tree: Tree
    source: str = ""  # the label of the source that loaded it (`built-in`, `--rules`, …); empty when read alone

    @property
    def path(self) -> Path:
        return self.tree.path


_CACHE: dict[tuple[Path, int, int], LoadedPack | PackError] = {}


def read_pack(path: Path) -> LoadedPack:
    """Parse and validate one pack file (cached); a broken one raises PackError."""
    try:
        stat = path.stat()
        key = (path.resolve(), stat.st_mtime_ns, stat.st_size)
    except OSError as err:
        raise PackError([Problem(path, f"cannot read: {err.strerror or err}")]) from None
    if key not in _CACHE:
        try:
            tree = read_tree(path)
            _CACHE[key] = LoadedPack(validate(tree), tree)
        except PackError as err:
            _CACHE[key] = err
    cached = _CACHE[key]
    if isinstance(cached, PackError):
        raise cached
    return cached


def load_pack(path: Path) -> Pack:
    return read_pack(path).pack


def _claims(
    loaded: LoadedPack, taken_ids: dict[str, LoadedPack], taken_domains: dict[str, LoadedPack]
) -> list[Problem]:
    """Problems if this pack claims an outlet id or a domain an earlier pack already has."""
    pack, tree = loaded.pack, loaded.tree
    problems = []
    if (other := taken_ids.get(pack.id)) is not None:
        problems.append(
            tree.problem(
                ("id",),
                f"outlet id {pack.id!r} is already defined in {display_path(other.path)} ({other.source})",
            )
        )
    for index, domain in enumerate(pack.domains):
        if (other := taken_domains.get(domain)) is not None:
            message = f"domain {domain!r} is already claimed by pack {other.pack.id!r} in {display_path(other.path)} ({other.source})"
            problems.append(tree.problem(("domains", index), message))
    return problems


@dataclass(frozen=True)
class PackSet:
    """The loaded packs by outlet id, each with the file and source it came from."""

    loaded: dict[str, LoadedPack]

    @classmethod
    def load(cls, dirs: Sequence[Path] = ()) -> PackSet:
        """Built-in packs, entry points, `$CLEANER_RULES`, then `dirs`; any problem raises."""
        packs, problems = cls.collect(dirs)
        if problems:
            raise PackError(problems)
        return packs

    @classmethod
    def collect(cls, dirs: Sequence[Path] = ()) -> tuple[PackSet, list[Problem]]:
        """Every pack that loads, and every problem of the others (for `clean rules check`)."""
        sources, problems = pack_sources(dirs)
        files, missing = pack_files(sources)
        problems += missing
        loaded: dict[str, LoadedPack] = {}
        domains: dict[str, LoadedPack] = {}
        for source, path in files:
            try:
                entry = read_pack(path)
            except PackError as err:
                problems.extend(err.problems)
                continue
            entry = replace(entry, source=source.label)
            clashes = _claims(entry, loaded, domains)
            problems.extend(clashes)
            if not clashes:
                loaded[entry.pack.id] = entry
                domains.update(dict.fromkeys(entry.pack.domains, entry))
        return cls(loaded), problems

    @property
    def packs(self) -> dict[str, Pack]:
        return {pack_id: entry.pack for pack_id, entry in self.loaded.items()}

    def __iter__(self) -> Iterator[Pack]:
        return (entry.pack for entry in self.loaded.values())

    def __len__(self) -> int:
        return len(self.loaded)

    def entry(self, outlet_id: str) -> LoadedPack:
        try:
            return self.loaded[outlet_id]
        except KeyError:
            known = ", ".join(sorted(self.loaded)) or "none"
            raise PackError(f"no rule pack with id {outlet_id!r} (known: {known})") from None

    def get(self, outlet_id: str) -> Pack:
        return self.entry(outlet_id).pack
