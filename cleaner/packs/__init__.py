"""Per-outlet rule packs: schema, loading, and applying a pack's rules to blocks."""

from .apply import apply_pack
from .errors import PackError, Problem
from .loader import LoadedPack, PackSet, load_pack, read_pack
from .schema import Example, Pack
from .sources import builtin_rules_dir

__all__ = [
    "Example",
    "LoadedPack",
    "Pack",
    "PackError",
    "PackSet",
    "Problem",
    "apply_pack",
    "builtin_rules_dir",
    "load_pack",
    "read_pack",
]
