"""The generic layer on a new outlet's page dumps (issue 14): mixed hard wrapping, a date line
above a script line, metered paywall banners, list markers."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.packs import PackSet
from cleaner.segment import segment

WRAPPED = (
    "Brackenford Town will play in the National League North next season after Kieran\n"
    "Doherty’s header four minutes into stoppage time secured a dramatic 2–1 win over\n"
    "Halsey United in front of a record crowd of 4,812 at Ashby Lane on Saturday\n"
    "afternoon.\n"
)
UNWRAPPED = "The victory means the Reds finish the season with 94 points, three clear of second-placed Morton Vale."
PROSE = ("The council said that it would look again at the plan in the spring, and that people who live "
         "near the river would be asked what they think of it before any of the work starts.")
NO_PACK = Cleaner(packs=PackSet({}))


def test_a_hard_wrapped_paragraph_is_one_block_in_a_dump_that_wraps_nothing_else() -> None:
    text = f"{PROSE}\n\n{WRAPPED}\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n"
    assert [(b.start, b.end) for b in segment(text)] == [(1, 1), (3, 6), (8, 8), (10, 10), (12, 12)]


def test_lines_of_a_menu_or_a_headline_list_stay_apart() -> None:
    menu = "News\nPolitics\nBusiness\n"
    headlines = (
        "Pictures: Brackenford Carnival returns in style\n"
        "Lenn Valley bypass: public inquiry to open in September\n"
        "Obituary: Joan Haddow, headteacher who taught three generations\n"
    )
    byline = "By Jamie Colquhoun, Chief Sports Writer Of The Brackenford Herald In Wexmoor\nSaturday 27 April\n"
    assert len(segment(f"{menu}\n{headlines}\n{byline}")) == 8


def test_a_date_line_above_a_script_line_stays_a_date() -> None:
    text = (
        "Brackenford Town clinch promotion at Ashby Lane\n\nThursday 14 March 2024\n\n"
        'window.dataLayer = window.dataLayer || []; window.dataLayer.push({"event":"view"});\n\n'
        f"{UNWRAPPED}\n\n{UNWRAPPED} It is the first since 1998.\n"
    )
    result = NO_PACK.clean_text(text)
    assert result.metadata.published == "2024-03-14"
    assert [r.rule for r in result.metadata.removed if "dataLayer" in r.text] == ["generic.script"]


def test_a_metered_paywall_banner_is_paywall() -> None:
    for banner in ("You have 1 free article left this month. Subscribe for £1 a week – cancel anytime.",
                   "You have 4 free stories left this month. Subscribe for $1 a week"):
        result = NO_PACK.clean_text(f"{banner}\n\n{UNWRAPPED}\n")
        assert [r.kind for r in result.metadata.removed] == ["paywall"]


def test_list_bullets_and_the_numbers_of_sentence_items_go_but_a_numbered_heading_keeps_its_number() -> None:
    text = f"{UNWRAPPED}\n\n* Masks are free.\n\n1. Opening a ward by September.\n\n3. Stay hydrated\n\nIt is the first promotion since 1998 for the club.\n"
    assert NO_PACK.clean_text(text).text.split("\n\n")[1:4] == [
        "Masks are free.", "Opening a ward by September.", "3. Stay hydrated"]


@pytest.mark.parametrize("byline, authors, roles", [
    ("By Helen Marsh, Political Correspondent", ["Helen Marsh"], ["Political Correspondent"]),
    ("By Eleanor Fitch, Arts Reporter, and Sam Whitlock, Chief Photographer",
     ["Eleanor Fitch", "Sam Whitlock"], ["Arts Reporter", "Chief Photographer"]),
    ("By Anna Malpas and Tom Okafor", ["Anna Malpas", "Tom Okafor"], []),
])
def test_a_job_title_in_the_byline_is_the_author_s_role_not_an_author(
        byline: str, authors: list[str], roles: list[str]) -> None:
    text = f"Council approves the riverside homes plan\n\n{byline}\n\n{PROSE}\n\n{UNWRAPPED}\n"
    meta = NO_PACK.clean_text(text).metadata
    assert (meta.authors, meta.author_roles) == (authors, roles)


def test_an_ad_line_or_a_newsletter_promo_is_furniture_never_a_headline() -> None:
    text = (
        f"{PROSE}\n\nStory continues after this ad\n\n{UNWRAPPED}\n\n### Get the Coast Daily newsletter\n\n"
        "Morning headlines from Port Alder, free in your inbox at 6 a.m. [Sign up](https://x.example/n)\n\n"
        "Enter your email address\n"
    )
    meta = NO_PACK.clean_text(text).metadata
    assert meta.alternate_titles == [] and meta.title is None
    assert [r.kind for r in meta.removed] == ["advertisement", "promo", "promo", "promo"]


def test_a_markdown_headline_below_the_menus_is_the_title_and_the_line_under_it_the_dek() -> None:
    menu = "".join(f"* [{w}](https://x.example/{w})\n" for w in ("Local", "Sports", "Opinion", "Arts", "Business"))
    text = (
        f"{menu}\n[Search](https://x.example/s) | [Sign In](https://x.example/i)\n\n"
        "# Volunteer divers have pulled a million urchins. The kelp is coming back.\n\n"
        "Three years after a collapse, a volunteer-led restoration project is showing results.\n\n"
        f"**By [Rosa Delgado](https://x.example/rd), Environment Reporter**\n\n{PROSE}\n\n{UNWRAPPED}\n"
    )
    meta = NO_PACK.clean_text(text).metadata
    assert meta.title == "Volunteer divers have pulled a million urchins. The kelp is coming back."
    assert meta.subtitle == "Three years after a collapse, a volunteer-led restoration project is showing results."
    assert (meta.authors, meta.author_roles) == (["Rosa Delgado"], ["Environment Reporter"])
