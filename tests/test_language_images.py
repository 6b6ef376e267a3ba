"""Metadata people expect: a language for text input, the URLs of images, and a documented
mapping of our fields to schema.org's NewsArticle and trafilatura's."""

from __future__ import annotations

import re

from cleaner import Cleaner
from cleaner.result import Metadata, field_types

from .conftest import ROOT, SEEDS

PAGE = """<!doctype html><html><head><title>Bridge</title>
<meta property="og:image" content="/img/lead.jpg">
<link rel="canonical" href="https://coastal.example/news/bridge">
</head><body><article><h1>Bridge</h1>
<p>The harbour bridge reopened on Sunday after two years of repairs, and the first cars crossed
it early in the morning while crowds watched from both banks of the river.</p>
<figure><img src="cars.jpg"><figcaption>Cars on the bridge. <span class="credit">Ann Lee</span>
</figcaption></figure>
<p>The council said the work had cost far more than planned, and that the bridge would be
inspected again next year before the summer season brings its heavier traffic.</p>
</article></body></html>"""

NEWS = {
    "de": "Die Regierung hat am Montag beschlossen, dass die neuen Regeln für alle Schulen in "
    "dem Land gelten sollen, und die Lehrer sind mit dem Plan nicht zufrieden.",
    "fr": "Le gouvernement a décidé lundi que les nouvelles règles seront appliquées dans toutes "
    "les écoles du pays, et les enseignants ne sont pas satisfaits de ce projet.",
    "es": "El gobierno decidió el lunes que las nuevas normas se aplicarán en todas las escuelas "
    "del país, y los profesores no están contentos con el plan que se ha presentado.",
}


def test_text_input_gets_its_language(cleaner: Cleaner) -> None:
    assert cleaner.clean_file(SEEDS[4]).metadata.language == "en"
    for code, text in NEWS.items():
        assert cleaner.clean_text(text).metadata.language == code


def test_too_few_words_tell_no_language(cleaner: Cleaner) -> None:
    assert cleaner.clean_text("Putin, Lukashenko").metadata.language is None


def test_images_carry_their_urls_the_lead_image_first(cleaner: Cleaner) -> None:
    images = cleaner.clean_text(PAGE).metadata.images
    assert [(i.url, i.caption, i.credit) for i in images] == [
        ("https://coastal.example/img/lead.jpg", None, None),
        ("https://coastal.example/news/cars.jpg", "Cars on the bridge.", "Ann Lee"),
    ]


def test_every_field_is_mapped_to_schema_org_and_trafilatura() -> None:
    doc = (ROOT / "docs" / "field-mapping.md").read_text(encoding="utf-8")
    mapped = set(re.findall(r"^\| `([a-z_0-9]+)`", doc, re.MULTILINE))
    assert mapped == set(field_types(Metadata))
