"""An archive's capture banner above an archived page's dump goes, and opens no article."""

from __future__ import annotations

from cleaner import clean
from cleaner.heuristics import lexicon
from cleaner.heuristics.archive import ARCHIVE_BANNER

from ..conftest import blocks_of

BANNER = [
    "12 captures",
    "16 Mar 2009 - 05 Oct 2016",
    "About this capture",
    "COLLECTED BY",
    "Organization: Alexa Crawls",
    "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
    "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
    "embargo period.",
    "Collection: alexa_web_2009",
    "this data is currently not publicly accessible.",
    "TIMESTAMPS",
]
HEADLINE = "Two arrested in raid on city technology offices"
LEAD = (
    "Federal agents arrested a city government worker and another man on Thursday while they "
    "searched the offices of the city's chief technology officer, officials said."
)
MORE = (
    "The head of that office recently left to take a White House technology post, and the "
    "city said it was cooperating with the investigation in every way it could."
)


def _banner(*lines: str) -> list[str]:
    blocks = blocks_of(*lines)
    return [b.text for b in ARCHIVE_BANNER.find(blocks, lexicon())]


def test_the_banner_is_found_from_its_capture_count_to_its_timestamps() -> None:
    found = _banner("Apr", "2009", *BANNER, "Home", "World", HEADLINE, LEAD, MORE)
    # the dump's lower-case line continues the label above it (segmentation joins them)
    assert found == [*BANNER[:6], f"{BANNER[6]} {BANNER[7]}", "TIMESTAMPS"]


def test_a_banner_without_timestamps_ends_after_its_last_description() -> None:
    described = [*BANNER[:6], "Collection: Hurricane Katrina", "Data related to the storm."]
    assert _banner(*described, "Home", "World", HEADLINE, LEAD, MORE) == described


def test_the_headline_is_the_article_s_not_the_banner_s_label() -> None:
    result = clean("\n".join([*BANNER, "Home", "World", HEADLINE, LEAD, MORE]))
    assert result.metadata.title == HEADLINE
    assert "Alexa" not in result.text
    assert {r.rule for r in result.metadata.removed if "Alexa" in r.text} == {
        "generic.archive-banner"
    }


def test_collected_by_in_an_article_is_no_banner() -> None:
    blocks = blocks_of(HEADLINE, "Collected by", "Organization: City Hall", LEAD, MORE)
    assert list(ARCHIVE_BANNER.find(blocks, lexicon())) == []
