"""Write stage: outputs appear whole or not at all (temporary file, then rename).

A run killed mid-write leaves at most a hidden `.NAME.….tmp` beside the outputs, never a
half-written NAME.txt or NAME.json, so an output that exists is complete (`--skip-existing`
relies on it)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

NEW_FILE_MODE = 0o666  # less the umask, as for any file a program creates
TEMP_TOKEN_BYTES = 6


def atomic_write(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(TEMP_TOKEN_BYTES)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_stream(path: Path) -> Iterator[TextIO]:
    """A file to write a stream into that appears under `path` only once it is complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(TEMP_TOKEN_BYTES)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
