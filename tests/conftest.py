from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.model import Block
from cleaner.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner()


def blocks_of(*paragraphs: str) -> list[Block]:
    """Blocks from paragraphs separated by blank lines, as a document would give them."""
    return segment("\n\n".join(paragraphs))
