"""Write stage: outputs appear whole or not at all (temporary file, then rename).

A run killed mid-write leaves at most a hidden `.NAME.….tmp` beside the outputs, never a
half-written NAME.txt or NAME.json, so an output that exists is complete (`--skip-existing`
relies on it). The data is synced before the rename, so that holds after a machine crash too;
it costs about 0.6 ms a file here. A symbolic link is written through, and a device or a pipe
(`-o /dev/stdout`) is written into, never replaced; `clean` refuses first an output that a link
left in its -o folder would take out of it (`inputs.Job.refusal`)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

NEW_FILE_MODE = 0o666  # less the umask, as for any file a program creates
TEMP_TOKEN_BYTES = 6
NAME_MAX_BYTES = 255  # the longest file name most file systems take
# What a temporary name adds to the output's: ".", "." + the token and ".tmp".
_TEMP_EXTRA_BYTES = 1 + 1 + 2 * TEMP_TOKEN_BYTES + 4


def atomic_write(path: Path, data: str) -> None:
    with atomic_stream(path) as handle:
        handle.write(data)


def _shortened(name: str) -> str:
    """`name` cut so that its temporary name fits in NAME_MAX_BYTES: an output named with 236 to
    255 bytes can still be written (the token keeps the temporary name unique)."""
    encoded = os.fsencode(name)
    room = NAME_MAX_BYTES - _TEMP_EXTRA_BYTES
    return name if len(encoded) <= room else os.fsdecode(encoded[:room])  # any bytes make a name


@contextmanager
def atomic_stream(path: Path) -> Iterator[TextIO]:
    """A file to write into that appears under `path` only once it is complete, and on disk:
    its data is synced before the rename, so even a crash of the machine cannot leave the new
    name on a file whose data never reached the disk."""
    if path.is_symlink():  # written where it points, as any program writing to it would
        path = path.resolve()
    if path.exists() and not path.is_file() and not path.is_dir():
        # A device or a pipe (`-o /dev/stdout`): written into, never replaced by a rename.
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{_shortened(path.name)}.{secrets.token_hex(TEMP_TOKEN_BYTES)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
