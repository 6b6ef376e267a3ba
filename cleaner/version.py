from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "scraped-news-cleaner"  # its name on the package index; `cleaner` is taken

try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0+unknown"
