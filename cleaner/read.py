"""Read stage: bytes in, decoded text out, with the encoding that was used."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from .model import Document

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Tried in order when there is no BOM; latin-1 decodes anything, so it closes the list.
FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")


class InputError(Exception):
    """An input that cannot be cleaned; the message names the problem, the caller names the file."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name), honouring a BOM first and falling back to cp1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise InputError(f"starts with a {encoding} byte-order mark but does not decode: {err}") from err
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file (NUL bytes), not text")
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def read_bytes(data: bytes, source: str | None, url: str | None = None) -> Document:
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(source=source, text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest(), url=url)


def read_path(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except IsADirectoryError as err:
        raise InputError("is a folder, not a file") from err
    except FileNotFoundError as err:
        raise InputError("no such file") from err
    except PermissionError as err:
        raise InputError("permission denied") from err
    return read_bytes(data, str(path))
