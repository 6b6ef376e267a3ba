"""The installed distribution's version, read on first use: importlib.metadata costs about 50 ms
at start-up, a tenth of `clean --help`, which never shows it."""

from __future__ import annotations

from functools import cache

DISTRIBUTION = "scraped-news-cleaner"  # its name on the package index; `cleaner` is taken


@cache
def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return "0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return package_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
