"""HTML input: article text and page metadata from a raw HTML page.

    >>> from cleaner.html.page import extract_html
    >>> page = extract_html(open("page.html", "rb").read(), url="https://example.com/a")
    >>> page.text, page.meta.title, page.meta.authors, page.meta.published

Bytes are decoded with the charset the page declares (`decode.py`), markup no parser should be
handed is tamed (`guard.py`), and the page is parsed once, with lexbor. Its metadata is read
first (`meta.py` documents the order of precedence of the sources); then the pre-pass deletes
code, furniture, hidden elements, widget forms, comment threads and the caller's `remove`
selectors (`prune.py`), the rest is cut into text blocks (`blocks.py`), and `route.py` chooses
the article: the blocks under the `body` selector when it matches, else the blocks a fitted
model keeps, or an extractor's text when a fitted selector expects it to be better.

The package itself imports nothing: decoding and detecting a page (`decode.py`, `detect.py`,
`guard.py`) belong to the read stage, below everything else here.
"""
