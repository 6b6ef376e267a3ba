"""Per-outlet rule packs: schema, loading, and applying a pack's rules to blocks."""

from .apply import apply_pack
from .loader import PackError, PackSet, builtin_rules_dir, load_pack
from .schema import Pack

__all__ = ["Pack", "PackError", "PackSet", "apply_pack", "builtin_rules_dir", "load_pack"]
