"""Names of inputs as they are shown: in messages, on a terminal, in metadata.

To the system a file name is bytes. One that is not UTF-8 reaches Python with surrogate escapes,
which cannot be written as UTF-8 (JSON, a UTF-8 terminal), and a name can hold terminal escape
sequences or bidi controls that would rewrite what a terminal shows. Such characters are shown
as backslash escapes (`\\x1b`, `\\xff`, `\\u202e`); the file itself keeps its name.
"""

from __future__ import annotations

import os
import re

# Control characters (C0, DEL, C1), bidi controls and marks, and the surrogates that stand for
# bytes that are not UTF-8.
_UNSHOWABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_ESCAPED_BYTES = range(0xDC80, 0xDD00)  # how "surrogateescape" holds the bytes 0x80-0xff


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(name: str | os.PathLike[str]) -> str:
    """`name` safe to print and to write as UTF-8; unchanged when it already is."""
    text = os.fspath(name)
    return (
        _UNSHOWABLE.sub(_escape, text) if not text.isascii() or _UNSHOWABLE.search(text) else text
    )
