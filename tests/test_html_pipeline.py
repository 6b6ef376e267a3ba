"""HTML through the whole pipeline: outlet from the page, the pack's html: selectors, metadata."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli import app
from cleaner.packs import PackSet

from .conftest import ROOT, expected_text

PAGE = ROOT / "tests" / "outlets" / "theglobeandmail" / "kremlin-loan.html"
SEED_TEXT = expected_text("003_04ef3b2ecf2ddbd4")
LINK = "Opinion: The West must not look away"


def test_a_page_built_around_a_seed_comes_out_as_the_seed(cleaner: Cleaner) -> None:
    result = cleaner.clean_bytes(PAGE.read_bytes(), source=str(PAGE))
    assert result.text == SEED_TEXT
    meta = result.metadata
    assert meta.outlet is not None and (meta.outlet.id, meta.outlet.detected_by) == (
        "theglobeandmail",
        "site_name",
    )
    assert (meta.title, meta.authors, meta.published, meta.language) == (
        "Kremlin throws full backing behind Lukashenko with $1.5-billion loan",
        ["Mark MacKinnon"],
        "2020-09-14",
        "en",
    )
    assert [(i.caption[:24], i.credit) for i in meta.images] == [
        ("Russian President Vladim", "HANDOUT/AFP/Getty Images")
    ]


def test_the_packs_html_selectors_remove_what_only_the_outlet_marks() -> None:
    without_packs = Cleaner(packs=PackSet({}))
    assert LINK in without_packs.clean_bytes(PAGE.read_bytes()).text


def test_html_is_recognised_by_content_on_stdin() -> None:
    result = CliRunner().invoke(app, ["-", "-f", "json"], input=PAGE.read_bytes())
    data = json.loads(result.stdout)
    assert data["text"] == SEED_TEXT and data["metadata"]["site_name"] == "The Globe and Mail"


def test_a_url_on_the_page_or_from_the_caller_names_the_outlet(cleaner: Cleaner) -> None:
    html = "<!doctype html><html><head><link rel=canonical href='https://www.vice.com/en/article/x'></head><body><p>Words of an article that is long enough to be one.</p></body></html>"
    meta = cleaner.clean_text(html).metadata
    assert meta.outlet is not None and (meta.outlet.id, meta.outlet.detected_by) == ("vice", "url")
    assert meta.url == "https://www.vice.com/en/article/x"


def test_a_page_handed_over_as_a_string_is_not_decoded_again(cleaner: Cleaner) -> None:
    """A string is already text: a page in it that declares windows-1252 keeps its accents."""
    page = '<html><head><meta charset="windows-1252"><title>Café</title></head><body><p>The Café reopened on Sunday after two years of work.</p></body></html>'
    result = cleaner.clean_text(page)
    assert result.metadata.encoding == "utf-8" and "The Café reopened" in result.text
