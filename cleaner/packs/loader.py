"""Find, parse and validate rule packs: the built-in `rules/` folder plus any the user adds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..heuristics import heuristic_ids
from .schema import Pack

PACK_SUFFIXES = (".yaml", ".yml")


class PackError(Exception):
    """A pack that cannot be used; the message names the file and the problem."""


def builtin_rules_dir() -> Path:
    """`cleaner/_rules` in an installed wheel, the repository's `rules/` in a checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


def _describe(err: ValidationError) -> str:
    lines = []
    for e in err.errors():
        where = ".".join(str(part) for part in e["loc"]) or "(top level)"
        lines.append(f"  {where}: {e['msg']}")
    return "\n".join(lines)


def load_pack(path: Path) -> Pack:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise PackError(f"{path}: cannot read: {err}") from err
    except yaml.YAMLError as err:
        raise PackError(f"{path}: not valid YAML: {err}") from err
    if not isinstance(data, dict):
        raise PackError(f"{path}: a pack must be a YAML mapping, not {type(data).__name__}")
    try:
        pack = Pack.model_validate(data)
    except ValidationError as err:
        raise PackError(f"{path}: invalid pack:\n{_describe(err)}") from err
    unknown = sorted(set(pack.disable) - heuristic_ids())
    if unknown:
        raise PackError(f"{path}: `disable` names unknown heuristics: {', '.join(unknown)}")
    return pack


@dataclass(frozen=True)
class PackSet:
    """The loaded packs, by id, with the file each came from."""

    packs: dict[str, Pack]
    origins: dict[str, Path]

    @classmethod
    def load(cls, dirs: Sequence[Path] = ()) -> PackSet:
        packs: dict[str, Pack] = {}
        origins: dict[str, Path] = {}
        domains: dict[str, str] = {}
        for path in _pack_files([builtin_rules_dir(), *dirs]):
            pack = load_pack(path)
            if pack.id in packs:
                raise PackError(f"{path}: outlet id {pack.id!r} is already defined in {origins[pack.id]}")
            for domain in pack.domains:
                if domain in domains:
                    raise PackError(f"{path}: domain {domain!r} is already claimed by pack {domains[domain]!r}")
                domains[domain] = pack.id
            packs[pack.id] = pack
            origins[pack.id] = path
        return cls(packs, origins)

    def __iter__(self):
        return iter(self.packs.values())

    def get(self, outlet_id: str) -> Pack:
        try:
            return self.packs[outlet_id]
        except KeyError:
            known = ", ".join(sorted(self.packs)) or "none"
            raise PackError(f"no rule pack with id {outlet_id!r} (known: {known})") from None


def _pack_files(dirs: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for folder in dirs:
        if not folder.is_dir():
            raise PackError(f"{folder}: rules folder does not exist")
        files.extend(sorted(p for p in folder.iterdir() if p.suffix in PACK_SUFFIXES and p.is_file()))
    return files
