"""Memory bounded by the input (issue 13, item 6), checked by what is refused or read, never by
measuring; `scripts/memory.py` measures the factor."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import read, segment
from cleaner.cli import app
from cleaner.read import InputError

runner = CliRunner()
GOOD = "Good article text in a paragraph of its own, long enough to be kept by the cleaner.\n"


def test_a_document_of_more_blocks_than_the_limit_is_refused_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(segment, "MAX_BLOCKS", 1000)
    (tmp_path / "many.txt").write_text("a.\n\n" * 1001, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(
        app, [str(tmp_path / "many.txt"), str(tmp_path / "good.txt"), "-o", str(tmp_path / "out")]
    )
    assert (
        result.exit_code == 1
        and "many.txt: has more than 1,000 paragraphs and lines" in result.stderr
    )
    assert (tmp_path / "out" / "good.txt").read_text(encoding="utf-8") == GOOD
    assert segment.segment("a.\n\n" * 1000)[-1].index == 999


class _Endless:
    """A file that says its size is 0 and never ends, as `/proc` files and devices can."""

    read_sizes: list[int] = []

    def __init__(self, fd: int, mode: str) -> None:
        self.fd = fd

    def __enter__(self) -> _Endless:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def read(self, size: int = -1) -> bytes:
        self.read_sizes.append(size)
        assert size >= 0, "an endless file read whole"
        return b"x" * size


def test_max_bytes_bounds_what_is_read_from_a_file_whose_size_is_unknown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(read.os, "fdopen", _Endless)
    with pytest.raises(InputError, match="over the --max-bytes limit of 100 .its size said 0"):
        read.read_path(Path("/proc/self/environ"), max_bytes=100)
    assert _Endless.read_sizes == [101]


def test_a_proc_file_over_max_bytes_is_refused() -> None:
    result = runner.invoke(
        app, ["/proc/self/status", "-o", "/tmp/never-written", "--max-bytes", "10"]
    )
    assert result.exit_code == 1 and "over the --max-bytes limit of 10" in result.stderr
