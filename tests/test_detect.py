from __future__ import annotations

from pathlib import Path

from cleaner.detect import detect
from cleaner.packs import PackSet
from cleaner.segment import segment

PACKS = PackSet.load()


def outlet(text: str, url: str | None = None) -> str | None:
    match = detect(segment(text), PACKS, url)
    return match.pack.id if match else None


def test_known_url_decides() -> None:
    assert outlet("Anything at all.", url="https://www.vice.com/en/article/x") == "vice"
    assert outlet("Anything at all.", url="https://news.bloomberg.com/a") == "bloomberg"


def test_lookalike_host_is_not_the_outlet() -> None:
    assert outlet("Anything at all.", url="https://notvice.com/a") is None


def test_signatures_detect() -> None:
    assert outlet("Body.\n\n©2021 Bloomberg L.P.") == "bloomberg"


def test_a_link_or_a_mention_alone_does_not_detect() -> None:
    text = "Bloomberg reported Sunday that talks had stalled.\n\nhttps://www.bloomberg.com/news/articles/x"
    assert outlet(text) is None


def test_plain_text_detects_nothing() -> None:
    assert outlet("Just an article.\n\nWith two paragraphs.") is None


def test_a_tie_detects_nothing(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(
            f"id: tie-{name}\nname: Tie {name}\ndetect:\n  - pattern: '^Shared footer$'\n    weight: 5\n",
            encoding="utf-8",
        )
    packs = PackSet.load([tmp_path])
    assert detect(segment("Body.\n\nShared footer"), packs, None) is None


def _one_signature(tmp_path: Path, pattern: str) -> PackSet:
    (tmp_path / "p.yaml").write_text(
        f"id: p\nname: P\ndetect:\n  - pattern: '{pattern}'\n    weight: 5\n", encoding="utf-8"
    )
    return PackSet.load([tmp_path])


def test_a_signature_is_matched_within_one_block(tmp_path: Path) -> None:
    """Signatures are searched over the whole page at once; a match across two blocks is none."""
    packs = _one_signature(tmp_path, r"Globe\s+Staff")
    assert detect(segment("By the Globe\n\nStaff writers report."), packs, None) is None
    match = detect(segment("By the Globe\n\nStaff writers report.\n\nGlobe Staff"), packs, None)
    assert match is not None and match.evidence == ["signature 'Globe\\s+Staff' at line 5 (+5)"]


def test_signatures_that_read_the_edges_of_a_block_match_as_in_one_block(tmp_path: Path) -> None:
    """A negative lookahead at a block's end sees nothing after it, not the next block."""
    packs = _one_signature(tmp_path, r"Reuters(?!\s)")
    assert detect(segment("Body.\n\nReuters\n\nMore body."), packs, None) is not None
    packs = _one_signature(tmp_path, r"\AReuters$")
    assert detect(segment("Body.\n\nReuters"), packs, None) is not None
