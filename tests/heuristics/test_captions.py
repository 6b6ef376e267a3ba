from __future__ import annotations

import pytest

from cleaner.heuristics import lexicon, run
from cleaner.heuristics.captions import CAPTION, CAPTION_ABOVE, CREDIT, is_credit, split_credit

from ..conftest import blocks_of

ARTICLE = "The council voted on Tuesday to approve the budget, which includes new funding for libraries and parks."
CREDITS = [
    "(Image: © NASA/ESA/K. Retherford/SWRI)",
    "HANDOUT/AFP/Getty Images",
    "Mikhail Metzel / TASS",
    "Photo: Jane Doe",
    "Fred Lum/The Globe and Mail",
    "Valery Sharifulin via Getty Images",
    "PHOTO: SUPPLIED / SALTWATER NIGHTS INC.",
    "Illustration by Sam Manchester/The New York Times",
    "Photographs by Mae Lindholm",
    "Foto: Festival de Títeres",
    "Bild: Stadtarchiv",
    "Beeld: Wind aan de Dijk",
    "Fot. Piotr Kurek / Kurier Nadwiślański",
]
NOT_CREDITS = [
    "The Globe and Mail",
    "Getty Images said on Monday it would cut jobs.",
    "Putin / Lukashenko talks",
    "and/or",
    "Photos by readers show how far the water reached",
    "Photo by photo, the album tells the town's story.",
]


@pytest.mark.parametrize("text", CREDITS)
def test_credits(text: str) -> None:
    assert is_credit(text, lexicon())


@pytest.mark.parametrize("text", NOT_CREDITS)
def test_not_credits(text: str) -> None:
    assert not is_credit(text, lexicon())


@pytest.mark.parametrize(
    ("raw", "caption", "credit"),
    [
        (
            "Putin meets Lukashenko in Sochi. Mikhail Metzel / TASS",
            "Putin meets Lukashenko in Sochi.",
            "Mikhail Metzel / TASS",
        ),
        (
            "Officers clash with protesters. Photo: Valery Sharifulin\\TASS via Getty Images",
            "Officers clash with protesters.",
            "Valery Sharifulin\\TASS via Getty Images",
        ),
        (
            "Declan Rice po vítězství na Aston Ville. | Foto: Reuters",
            "Declan Rice po vítězství na Aston Ville.",
            "Reuters",
        ),
        (
            "Zraszacze pracowały w sadach przez całą noc. Fot. archiwum prywatne",
            "Zraszacze pracowały w sadach przez całą noc.",
            "archiwum prywatne",
        ),
        (
            "Een impressie van de vier turbines, gezien vanaf de Kolkweg. Beeld: Wind aan de Dijk",
            "Een impressie van de vier turbines, gezien vanaf de Kolkweg.",
            "Wind aan de Dijk",
        ),
        (
            "Un momento del montaje en la edición de 2023. Foto: Festival de Títeres",
            "Un momento del montaje en la edición de 2023.",
            "Festival de Títeres",
        ),
        (
            "The dual-write setup we ran for eleven weeks. Illustration: Stackwise",
            "The dual-write setup we ran for eleven weeks.",
            "Stackwise",
        ),
        (
            "Jean-Marc Pelissier devant son hangar, le 20 août 2024. © Claire Dubois / L'Horizon",
            "Jean-Marc Pelissier devant son hangar, le 20 août 2024.",
            "© Claire Dubois / L'Horizon",
        ),
        (
            "The meeting took place in Sochi. **Kremlin.ru**",
            "The meeting took place in Sochi.",
            "Kremlin.ru",
        ),
        (
            "Protesters have worn masks (Image: GETTY )",
            "Protesters have worn masks",
            "Image: GETTY",
        ),
        (
            "US troops remain in Afghanistan [File: Reuters]",
            "US troops remain in Afghanistan",
            "File: Reuters",
        ),
        (
            "The WeWork logo outside a space in New York.Reuters",
            "The WeWork logo outside a space in New York.",
            "Reuters",
        ),
        (
            "Picketers walk outside the garage on Monday. (Ledger photo / Marc-André Lapointe)",
            "Picketers walk outside the garage on Monday.",
            "Ledger photo / Marc-André Lapointe",
        ),
        (
            "The new wing will open in March. (Supplied)",
            "The new wing will open in March.",
            "Supplied",
        ),
        (
            "Crews cleared the debris overnight. (KVTR)",
            "Crews cleared the debris overnight.",
            "KVTR",
        ),
        (
            "Lanterns drift past the bridge. (Photo by Dana Kowalczyk)",
            "Lanterns drift past the bridge.",
            "Photo by Dana Kowalczyk",
        ),
        (
            "Aldous Penhallow with his 1979 logbook. Photo by Neve Hale / Fennimore Street Radio",
            "Aldous Penhallow with his 1979 logbook.",
            "Photo by Neve Hale / Fennimore Street Radio",
        ),
    ],
)
def test_caption_with_trailing_credit_is_split(raw: str, caption: str, credit: str) -> None:
    block = blocks_of(raw)[0]
    assert split_credit(block.raw, block.text, lexicon()) == (caption, credit)


def test_sentence_ending_in_a_slash_phrase_is_not_a_caption() -> None:
    block = blocks_of("The vote was 12 to 3. Council members and/or staff")[0]
    assert split_credit(block.raw, block.text, lexicon()) is None


@pytest.mark.parametrize(
    "text",
    [
        "Der Bericht zeichnet ein düsteres Bild: Besonders betroffen sind Bau, Handel und Gastgewerbe.",
        "La encuesta deja una imagen: los jóvenes leen más que sus padres.",
        "The study offers a clear illustration: prices rose 40 percent in a year.",
        "The mayor spoke on Monday. Photos by the council show the damage to the pier.",
        "The mayor spoke on Monday. Photos by Council staff show the damage to the pier.",
        "The museum will show the prints from May. Photographs by Dorothea Lange, on loan from "
        "the Library of Congress, include:",
    ],
)
def test_a_sentence_with_a_label_word_and_a_colon_is_no_caption(text: str) -> None:
    block = blocks_of(text)[0]
    assert split_credit(block.raw, block.text, lexicon()) is None


def test_short_block_above_a_credit_is_its_caption() -> None:
    blocks = blocks_of(
        ARTICLE,
        "Putin, right, shakes hands with Lukashenko.",
        "HANDOUT/AFP/Getty Images",
        ARTICLE + " Again.",
    )
    run(blocks)
    assert [b.mark.rule if b.mark else None for b in blocks] == [
        None,
        CAPTION_ABOVE.id,
        CREDIT.id,
        None,
    ]


def test_a_paragraph_of_prose_above_a_credit_is_no_caption() -> None:
    """A how-to's steps each stand above their picture's credit: they were all taken for
    captions, and the article went to the metadata (readability-ehow-2, page F1 0.37)."""
    step = (
        "Avoid canned drinks, which guests often open but then leave on a table half full. "
        "Serve pitchers of tap water with lemon and cucumber slices, or sliced strawberries, "
        "for a drink that is both cheap and refreshing. It costs far less than soda and it "
        "looks better on the table."
    )
    blocks = blocks_of(ARTICLE, step, "Mark Stout/iStock/Getty Images", ARTICLE + " Again.")
    run(blocks)
    assert [b.mark.rule if b.mark else None for b in blocks] == [None, None, CREDIT.id, None]


def test_a_sentence_with_brackets_at_its_end_is_no_caption() -> None:
    for text in (
        "The council voted to approve the plan (a first for the city).",
        "The mayor said the vote was close. (The council has 13 members.)",
        "The agency said it would respond (nasa)",
        # An agency's name must be a whole word, AP and AFP in capitals.
        "It would need a sponsor I already love (Apple? Adobe? Google? Anyone interested?)",
        "Tactic #2: Always Appeal to Self-Interest (Approach your target)",
    ):
        block = blocks_of(text)[0]
        assert split_credit(block.raw, block.text, lexicon()) is None


def test_a_byline_above_a_lead_photos_credit_is_no_caption() -> None:
    blocks = blocks_of("By Tim Cashmere - January 16 2008", "Photo by Ros O'Gorman", ARTICLE)
    run(blocks)
    assert [b.mark.rule if b.mark else None for b in blocks[:2]] == ["generic.byline", CREDIT.id]
