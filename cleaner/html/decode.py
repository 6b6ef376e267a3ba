"""HTML bytes to text, honouring the charset the page declares.

Lexbor reads bytes as UTF-8 whatever the page says, so a `windows-1252` or `shift_jis` page
must be decoded first. A byte-order mark decides, then the `<meta charset>` (or `http-equiv`
content type) in the page's first bytes, then the plain-text reader's UTF-8 and cp1252 fallbacks.
"""

from __future__ import annotations

import codecs
import re

from ..encoding import BOMS, decode

SNIFF_BYTES = 4096
_BOMS = tuple(bom for bom, _, _ in BOMS)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Labels browsers read as windows-1252, its superset (WHATWG Encoding Standard).
_AS_CP1252 = frozenset({"ascii", "iso8859-1"})
# Python text codecs that are no web charset (browsers ignore such a declaration too).
_NOT_CHARSETS = frozenset({"punycode", "idna", "unicode-escape", "raw-unicode-escape", "utf-7"})
_PROBE = b'<meta charset="'  # as every charset a page can declare itself in reads it


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset the page declares, if it names one Python knows."""
    if not (m := _CHARSET.search(data[:SNIFF_BYTES])):
        return None
    try:
        codec = codecs.lookup(m.group(1).decode("ascii"))
    except LookupError:
        return None
    if not getattr(codec, "_is_text_encoding", True) or codec.name in _NOT_CHARSETS:  # base64…
        return None
    if _PROBE.decode(codec.name, "replace") != _PROBE.decode("ascii"):
        # A declaration read as ASCII bytes is in no charset that reads them otherwise (UTF-16,
        # UTF-32, EBCDIC's cp037): the page is not in it. Browsers take UTF-8 there too.
        return "utf-8"
    return "cp1252" if codec.name in _AS_CP1252 else codec.name


def decode_html(
    data: bytes, warnings: list[str] | None = None, known: str | None = None
) -> tuple[str, str]:
    """(text, encoding used) of an HTML page's bytes; what the fallbacks had to mend is
    appended to `warnings`. `known` is the bytes' encoding when the caller made them (a page
    handed over as a string), which the page's own declaration must not override."""
    if not data.startswith(_BOMS):
        # The declared charset, then UTF-8 (most pages are, declared or not), each tried once.
        for charset in dict.fromkeys(filter(None, (known or declared_charset(data), "utf-8"))):
            try:
                return data.decode(charset), charset
            except UnicodeError:
                continue  # a wrong declaration: the plain-text fallbacks decide
    return decode(data, warnings)
