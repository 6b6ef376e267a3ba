"""cleaner: boilerplate-stripping cleaner for scraped news articles.

>>> from cleaner import clean
>>> result = clean(open("seeds/004_904d19f1e7a1825b.txt").read())
>>> result.metadata.title
'Putin Backs Lukashenko as Belarus Leader Vows Closer Ties'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import compiled

compiled.install()  # the compiled build of these sources, when one was made (#16)

if TYPE_CHECKING:
    __version__: str
    from .budget import OutOfTime
    from .packs import PackError
    from .pipeline import Cleaner
    from .read import InputError
    from .records import RecordError
    from .result import Metadata, Result

_LAZY = {
    "Cleaner": "pipeline",
    "Metadata": "result",
    "Result": "result",
    # what cleaning raises: an input refused, a pack that does not load, a time limit run out,
    # a JSONL line that is no record
    "InputError": "read",
    "PackError": "packs",
    "OutOfTime": "budget",
    "RecordError": "records",
    "__version__": "version",
}
_default: Cleaner | None = None


def __getattr__(name: str) -> Any:
    """The pipeline loads on first use, so `import cleaner` (and `clean --help`) stays quick."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The lazy names too, so `dir(cleaner)` and `help(cleaner)` list what the package offers."""
    return sorted({*globals(), *__all__})


def default_cleaner() -> Cleaner:
    """The Cleaner with the installed packs (built-in, entry points and the folders named in
    `$CLEANER_RULES` when it is first built, as the `clean` command has them), built on first
    use and shared after that."""
    global _default
    if _default is None:
        from .pipeline import Cleaner

        _default = Cleaner()
    return _default


def clean(text: str, *, url: str | None = None, outlet: str | None = None) -> Result:
    """Clean one document (text, or an HTML page as text) with the installed packs: the
    built-in ones, those of entry points and those of `$CLEANER_RULES` (see `default_cleaner`);
    `Cleaner(packs=…)` picks packs of your own."""
    return default_cleaner().clean_text(text, url=url, outlet=outlet)


__all__ = [
    "Cleaner",
    "InputError",
    "Metadata",
    "OutOfTime",
    "PackError",
    "RecordError",
    "Result",
    "__version__",
    "clean",
    "default_cleaner",
]
