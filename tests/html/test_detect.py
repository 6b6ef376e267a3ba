from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.html.detect import has_html_suffix, is_html, looks_like_html

from .conftest import FIXTURES


@pytest.mark.parametrize("name", ["page.html", "PAGE.HTM", "a/b/page.xhtml", Path("x.shtml")])
def test_html_suffixes(name: str | Path) -> None:
    assert has_html_suffix(name)


@pytest.mark.parametrize("name", ["article.txt", "notes.md", "html", "page.html.txt"])
def test_other_suffixes(name: str) -> None:
    assert not has_html_suffix(name)


@pytest.mark.parametrize(
    "content",
    [
        "<!DOCTYPE html><html><body>x</body></html>",
        "<!doctype HTML>\n<html>",
        '\ufeff  \n<html lang="en">',
        '<?xml version="1.0"?>\n<!-- saved by a browser -->\n<html>',
        b"<html><head></head></html>",
        "<HTML>",
    ],
)
def test_html_content_is_sniffed(content: str | bytes) -> None:
    assert looks_like_html(content)


@pytest.mark.parametrize(
    "content",
    [
        "Scraped article text.\n\nIt mentions <html> further down.",
        "<p>A fragment is not a page</p>",
        "<htmlfoo>",
        "# Markdown heading\n\n<html>",
        b"",
    ],
)
def test_text_content_is_not_html(content: str | bytes) -> None:
    assert not looks_like_html(content)


def test_is_html_by_name_or_content() -> None:
    page = (FIXTURES / "article.html").read_bytes()
    assert is_html(page)
    assert is_html(page, "saved.txt")  # the content decides when the name does not
    assert is_html("<p>A fragment</p>", "page.htm")  # the extension decides when there is one …
    assert not is_html("plain text", "page.htm")  # … and some markup: text saved as .htm is text
    assert not is_html("<html>\n\n# Markdown under a stray tag\n\nText.", "notes.md")
    assert not is_html("plain text", "article.txt")
    assert not is_html("plain text")
