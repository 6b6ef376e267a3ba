"""Whether a text reads as code (inline JavaScript, CSS, JSON) rather than prose: symbols rare in
prose plus distinct code signals. Segmentation asks it of lines (a script line never joins a
paragraph) and `heuristics.code` of blocks, so it sits below both; `heuristics.code` also asks
whether a block is HTML markup dumped as text."""

from __future__ import annotations

import re
from collections.abc import Sequence

import regex

from .prefilter import prefilter

# Characters rare in prose and common in code; a block needs this share of them plus signals.
CODE_SYMBOLS = "{}[]();=<>|&$\\"
_CODE_SYMBOL = re.compile(
    f"[{re.escape(CODE_SYMBOLS)}]"
)  # the standard module scans a class fastest
MIN_SYMBOL_SHARE = 0.03
MIN_SIGNALS = 2  # with fewer symbols, this many distinct signals still make it code

# Each signal with a substring all its matches contain: a cheap test that spares most searches.
# The CSS rule, with no literal to start from, is slowest on long script lines: it comes last.
_SIGNALS = tuple(
    (needed, regex.compile(p))
    for needed, p in (
        ("function", r"\bfunction\s*[\w$]*\s*\("),
        ("=", r"\b(?:var|let|const)\s+[\w$]+\s*="),
        (".", r"\b(?:window|document|console|JSON|Math)\.\w+"),
        ("=>", r"=>\s*[{(\w]"),
        ("", r"[;{}]\s*(?:if|for|while|return|try)\b"),
        ("(", r"\w\(\s*\)\s*[;{]"),
        # A statement ended by a semicolon: a call, `f(x);`, `a.b({c: d});`, or a line's last
        # `…x);`. In prose a bracket opens after a space and the sentence goes on after it.
        (";", r"[\w$]\((?:[^()]|\([^()]*\))*\)\s*;|[\w\]'\"]\s*\)\s*;\s*$"),
        ("@", r"@(?:media|font-face|import|keyframes)\b"),
        ('"', r"^\s*[{\[]\s*\"[\w@$-]+\"\s*:"),
        ('"@', r"\"@(?:context|type)\"\s*:"),
        # An object literal with a quoted key inside a line: `f({"mode":"iframe", …})`.
        ('"', r"[\w$]\(\s*\{\s*\"[\w@$-]+\"\s*:|:\s*\{\s*\"[\w@$-]+\"\s*:"),
        ("({", r"[\w$]\(\s*\{\s*$"),  # a call that opens an object literal: `Widget.init({`
        ("<", r"<\/?(?:script|style|div|span|iframe)\b"),
        ("", r"\b(?:googletag|dataLayer|gtag|fbq|_gaq)\b"),
        ("typeof", r"\btypeof\s*\(?\s*[\w$]"),
        ("{", r"\)\s*\{\s*$"),  # a block opened at the end of the line: `if (…) {`
        ("", r"[\w$)\]'\"]\s*(?:&&|[=!]==?)\s*[\w$(!'\"]"),
        ("{", r"(?:^|[}\s])[.#]?[\w-]+(?:\s*[,>]\s*[.#]?[\w-]+)*\s*\{\s*[\w-]+\s*:[^}]*\}"),
    )
)
# With the `fast` extra, one hyperscan scan says which signals may occur in a line (#16).
_PREFILTER = prefilter(_SIGNALS[0][1].flags, [signal.pattern for _, signal in _SIGNALS])


def _candidates(text: str) -> Sequence[tuple[str, regex.Pattern[str]]]:
    """The signals that may occur in `text`: all of them without the prefilter."""
    if _PREFILTER is None:
        return _SIGNALS
    hits = _PREFILTER.hits(text)
    return [signal for i, signal in enumerate(_SIGNALS) if i in hits]


_BRACKETS_ONLY = regex.compile(
    r"^[\s{}()\[\];,]+$"
)  # the closing "});" of a script split over lines
_JSON = regex.compile(r"^\s*[\[{].*[\]}]\s*$", regex.DOTALL)
JSON_MIN_KEYS = 3
# A text that declares a variable, or is one assignment, is a statement however much prose its
# string holds: `var ArticleBlurb = "…";`, `google_ad_height = 250;`. Prose opens a sentence
# with "Let", capitalised, and no sentence opens with a name and "=" and ends with ";".
_STATEMENT = regex.compile(
    r"^\s*(?:(?:var|let|const)\s+[\w$.]+\s*=(?!=)|[A-Za-z_$][\w$.]*\s*[-+*/|&]?=\s*[^=\s].*;\s*$)"
)


def looks_like_code(text: str) -> bool:
    if not _CODE_SYMBOL.search(text):  # every signal needs one of them; most prose has none
        return False
    if _BRACKETS_ONLY.match(text) or _STATEMENT.match(text):
        return True
    if _JSON.match(text) and text.count('":') >= JSON_MIN_KEYS:
        return True
    signals = 0
    for needed, signal in _candidates(text):
        if needed in text and signal.search(text):
            signals += 1
            if signals >= MIN_SIGNALS:
                return True
    return signals > 0 and sum(map(text.count, CODE_SYMBOLS)) >= MIN_SYMBOL_SHARE * len(text)


# HTML that a scraper dumped as text (a template, a JSON string holding another story): a line
# that opens with a tag, or an anchor element whole with its attributes, `<a href="…">…</a>`.
# A tag may be quoted in prose; neither of these stands in an article's text.
_MARKUP = regex.compile(
    r"^\s*</?(?:p|li|ul|ol|div|span|a|img|br|h[1-6]|table|tr|td)\b[^<>]*>"
    r"|<a\s[^<>]*>[^<>]*</a\s*>",
    regex.IGNORECASE,
)


def looks_like_markup(text: str) -> bool:
    return "<" in text and _MARKUP.search(text) is not None
