"""cleaner: boilerplate-stripping cleaner for scraped news articles.

    >>> from cleaner import clean
    >>> result = clean(open("seeds/004_904d19f1e7a1825b.txt").read())
    >>> result.metadata.title
    'Putin Backs Lukashenko as Belarus Leader Vows Closer Ties'
"""

from __future__ import annotations

from functools import cache

from .pipeline import Cleaner
from .result import Metadata, Result
from .version import __version__


@cache
def _default() -> Cleaner:
    return Cleaner()


def clean(text: str, *, url: str | None = None, outlet: str | None = None) -> Result:
    """Clean one document with the built-in packs."""
    return _default().clean_text(text, url=url, outlet=outlet)


__all__ = ["Cleaner", "Metadata", "Result", "__version__", "clean"]
