"""Read stage: bytes in, decoded text out, with the encoding that was used.

Crawlers hand over whatever they fetched, so reading keeps going where it can and says what it
did: a BOM decides the encoding; UTF-16 without one is known by its NUL bytes; UTF-8 with a few
broken bytes stays UTF-8 and reads those bytes as cp1252; anything else is charset-normalizer's
guess, cp1252 whenever cp1252 may have written it. Mojibake is
repaired and stray control characters dropped, each noted in the warnings. Only binary files,
files over the size limit and paths that are not regular files are refused.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from .encoding import (
    CP1252_FALLBACK,
    InputError,
    decode,
    surrogates_warning,
    without_surrogates,
)
from .html.decode import decode_html
from .html.detect import is_html
from .html.guard import tame
from .model import Document
from .names import shown

__all__ = ["CP1252_FALLBACK", "InputError", "decode", "read_bytes", "read_path"]


def read_bytes(
    data: bytes,
    source: str | None,
    url: str | None = None,
    html: bool | None = None,
    known: str | None = None,
) -> Document:
    """A Document of `data`; an HTML page (by its name's suffix or its first bytes, unless `html`
    says) is decoded with the charset it declares, or with `known`, the encoding of bytes the
    caller made from a string, and marked for the extract step. Lone surrogates in `url` (a
    string from argv or JSON may hold them; the metadata's JSON cannot) become U+FFFD with a
    warning."""
    warnings: list[str] = []
    url, mended = without_surrogates(url) if url else (url, 0)
    if mended:
        warnings.append(surrogates_warning(mended))
    html = is_html(data, source) if html is None else html
    text, encoding = decode_html(data, warnings, known) if html else decode(data, warnings)
    text = tame(text, warnings) if html else text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        warnings.append("the input is only whitespace" if text else "the input is empty")
    sha256 = hashlib.sha256(data).hexdigest()
    return Document(
        source=source,
        text=text,
        encoding=encoding,
        sha256=sha256,
        url=url,
        html=html,
        warnings=warnings,
    )


def read_path(path: Path, max_bytes: int | None = None) -> Document:
    """Read a regular file, refusing one over `max_bytes` before reading it, and reading no more
    than that of one whose size the system does not tell (`/proc` files say 0). Pipes and
    devices are refused: reading them could block or never end. The file is opened without
    blocking and checked once open, so a path swapped for a pipe meanwhile is refused too."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(
            "is a broken symbolic link" if path.is_symlink() else "no such file"
        ) from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as err:  # a symlink loop, a name too long, …
        raise InputError(err.strerror or str(err)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):  # checked before fdopen, which refuses a folder itself
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a folder, not a file")
        raise InputError("is not a regular file (a pipe, device or socket)")
    with os.fdopen(fd, "rb") as handle:
        if max_bytes is not None and info.st_size > max_bytes:
            raise InputError(
                f"is {info.st_size:,} bytes, over the --max-bytes limit of {max_bytes:,}"
            )
        try:
            data = handle.read(-1 if max_bytes is None else max_bytes + 1)
        except OSError as err:
            raise InputError(err.strerror or str(err)) from None
    if max_bytes is not None and len(data) > max_bytes:
        said = f"its size said {info.st_size:,}"
        raise InputError(f"is over the --max-bytes limit of {max_bytes:,} ({said})")
    return read_bytes(data, shown(path))
