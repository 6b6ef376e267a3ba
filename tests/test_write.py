"""The write stage: a link is written through, a device or pipe written into, neither replaced."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from cleaner.write import atomic_write


def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.jsonl").write_text("old\n", encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to(tmp_path / "real.jsonl")
    atomic_write(tmp_path / "link.jsonl", "new\n")
    assert (tmp_path / "link.jsonl").is_symlink()
    assert (tmp_path / "real.jsonl").read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.jsonl", "real.jsonl"]


def test_a_pipe_is_written_into_not_replaced_by_a_file(tmp_path: Path) -> None:
    """As `-o /dev/stdout` is: the rename of a temporary file over it replaced the system's
    /dev/stdout link with a regular file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    read: list[str] = []
    reader = threading.Thread(
        target=lambda: read.append(fifo.read_text(encoding="utf-8")), daemon=True
    )
    reader.start()
    atomic_write(fifo, "through the pipe\n")
    reader.join(timeout=10)
    assert read == ["through the pipe\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
