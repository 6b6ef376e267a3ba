"""The route selector's evidence of where an extractor and the block model differ."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cleaner.html.features import BLOCK_FEATURES
from cleaner.html.routes import ROUTE_FEATURES, pick, route_features

ARTICLE = [
    "The council voted on Tuesday to close the old harbour bridge for repairs next spring.",
    "Engineers found corrosion in two of the bridge's supports during an inspection in May.",
    "Drivers will be sent over the ring road while the work goes on, the council said.",
]
GALLERY = [
    "A heron stands in the shallows below the bridge at dawn, seen from the east bank.",
    "Fishing boats leave the harbour under a grey sky on the first morning of the season.",
]
TEXTS = ARTICLE + GALLERY
_WORDS, _LINKS = BLOCK_FEATURES.index("log_words"), BLOCK_FEATURES.index("link_density")


def rows(links: float = 0.0) -> np.ndarray:
    table = np.zeros((len(TEXTS), len(BLOCK_FEATURES)))
    table[:, _WORDS] = np.log1p([len(t.split()) for t in TEXTS])
    table[len(ARTICLE) :, _LINKS] = links
    return table


def evidence(extractor: str, scores: list[float], links: float = 0.0) -> dict[str, float]:
    scored = np.array(scores)
    values = route_features(TEXTS, rows(links), scored >= 0.5, extractor, extractor, scored)
    return dict(zip(ROUTE_FEATURES, values))


def test_blocks_only_the_extractor_took_are_described_by_the_models_scores() -> None:
    """An extractor that took a gallery the model scored low differs from one that took
    paragraphs the model was unsure of: the scores of the blocks only it took tell them apart."""
    gallery = evidence("\n".join(TEXTS), [0.9, 0.9, 0.9, 0.05, 0.1], links=0.6)
    assert gallery["only_score_readability"] < 0.1
    assert gallery["only_links_readability"] == 0.6
    assert 0.3 < gallery["only_share_readability"] < 0.5
    unsure = evidence("\n".join(TEXTS), [0.9, 0.9, 0.9, 0.45, 0.4])
    assert unsure["only_score_readability"] > 0.4
    assert unsure["only_links_readability"] == 0.0


def test_kept_blocks_an_extractor_left_out_and_text_from_outside_the_blocks() -> None:
    """An extractor that left out the article the model kept with confidence, or whose text
    stands in no block of the pruned page (pruning removed it), shows it in its evidence."""
    partial = evidence("\n".join(GALLERY), [0.95, 0.9, 0.85, 0.6, 0.6])
    assert partial["dropped_score_trafilatura"] > 0.8
    assert partial["only_share_trafilatura"] == 0.0
    assert partial["in_blocks_trafilatura"] == 1.0
    elsewhere = "A text that no block of the pruned page holds, found by the extractor elsewhere."
    assert evidence(elsewhere, [0.9] * 5)["in_blocks_trafilatura"] == 0.0
    assert evidence("", [0.9] * 5)["in_blocks_trafilatura"] == 0.0


@dataclass(frozen=True)
class Fixed:
    """A route forest that gives every page the same probability."""

    probability: float

    def predict(self, rows: np.ndarray) -> np.ndarray:
        return np.full(len(rows), self.probability)


def test_an_extractor_holding_the_kept_blocks_yields_to_one_that_differs() -> None:
    """readability's text is the kept article, trafilatura's adds the gallery: when both are
    preferred, only trafilatura is an alternative; alone, readability still wins."""
    scores = np.array([0.9, 0.9, 0.9, 0.2, 0.2])
    texts = {"readability": "\n".join(ARTICLE), "trafilatura": "\n".join(TEXTS)}
    found = route_features(TEXTS, rows(), scores >= 0.5, *texts.values(), scores)

    def chosen(readability: float, trafilatura: float, found_texts: dict | None = None):
        forests = {"readability": Fixed(readability), "trafilatura": Fixed(trafilatura)}
        return pick(forests, found, texts | (found_texts or {}))[0]

    assert chosen(0.8, 0.6) == "trafilatura"
    assert chosen(0.8, 0.4) == "readability"
    assert chosen(0.4, 0.3) is None
    assert chosen(0.4, 0.9, {"trafilatura": ""}) is None  # an extractor that found nothing
    best, preference, _ = pick({"readability": Fixed(0.7)}, found, texts)
    assert best == "readability" and preference == {"readability": 0.7}


def test_an_extractor_that_only_cuts_the_kept_blocks_yields_to_one_with_other_text() -> None:
    """readability keeps the first of the kept paragraphs, trafilatura the gallery the model
    scored low: readability finds nothing the model missed, so trafilatura is the alternative
    (l3s-gn1-4e9a3cb3, where trafilatura alone had the article); alone, readability still wins."""
    scores = np.array([0.9, 0.9, 0.9, 0.2, 0.2])
    texts = {"readability": ARTICLE[0], "trafilatura": "\n".join(GALLERY)}
    found = route_features(TEXTS, rows(), scores >= 0.5, *texts.values(), scores)

    def chosen(readability: float, trafilatura: float) -> str | None:
        forests = {"readability": Fixed(readability), "trafilatura": Fixed(trafilatura)}
        return pick(forests, found, texts)[0]

    assert chosen(0.8, 0.6) == "trafilatura"
    assert chosen(0.8, 0.4) == "readability"


def test_a_shorter_text_does_not_replace_the_one_the_blocks_and_an_extractor_agree_on() -> None:
    """readability keeps the article the blocks keep, trafilatura only its first paragraph:
    however sure the selector is of trafilatura, the blocks stay, and the reason says why."""
    scores = np.array([0.9, 0.9, 0.9, 0.2, 0.2])
    texts = {"readability": "\n".join(ARTICLE), "trafilatura": ARTICLE[0]}
    found = route_features(TEXTS, rows(), scores >= 0.5, *texts.values(), scores)
    forests = {"readability": Fixed(0.2), "trafilatura": Fixed(0.9)}
    best, _, overruled = pick(forests, found, texts)
    assert best is None
    assert overruled == "trafilatura would cut the text the kept blocks and readability agree on"
    # Without an extractor agreeing with the blocks, the selector's choice stands.
    best, _, overruled = pick({"trafilatura": forests["trafilatura"]}, found, texts)
    assert best == "trafilatura" and overruled == ""


def test_nearly_empty_kept_blocks_give_way_to_an_extractor_that_found_the_article() -> None:
    """The model keeps only a gallery caption (16 words) where both extractors found more: however
    unsure the selector is of them, the likelier one's text is the article; with kept blocks
    of NEARLY_EMPTY words or more, or extractors that found no more, the blocks stay."""
    scores = np.array([0.2, 0.2, 0.2, 0.9, 0.2])
    texts = {"readability": "\n".join(ARTICLE), "trafilatura": "\n".join(TEXTS)}
    found = route_features(TEXTS, rows(), scores >= 0.5, *texts.values(), scores)
    forests = {"readability": Fixed(0.3), "trafilatura": Fixed(0.1)}
    best, _, reason = pick(forests, found, texts)
    assert best == "readability" and reason == "the kept blocks hold under 20 words"
    short = {"readability": GALLERY[0], "trafilatura": GALLERY[0]}
    found = route_features(TEXTS, rows(), scores >= 0.5, *short.values(), scores)
    assert pick(forests, found, short)[0] is None
    scores = np.array([0.9, 0.2, 0.2, 0.9, 0.2])  # 31 words kept
    found = route_features(TEXTS, rows(), scores >= 0.5, *texts.values(), scores)
    assert pick(forests, found, texts)[0] is None
