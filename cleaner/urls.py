"""URLs as documents state them: anything at all, so reading one never raises.

`urllib.parse` raises ValueError for some strings (`http://[::1`, a bad port); a URL that
cannot be read names no host, and the document is treated as having no known URL.
"""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin, urlsplit


def hostname(url: str) -> str | None:
    """The URL's host, in lower case, or None when it has none or cannot be read."""
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def resolved(url: str, base: str | None) -> str | None:
    """`url` resolved against `base`, without its #fragment; None when either cannot be read."""
    try:
        return urldefrag(urljoin(base, url) if base else url).url
    except ValueError:
        return None
