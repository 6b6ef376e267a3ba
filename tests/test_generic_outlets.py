"""The generic layer on a new outlet's page dumps (issue 14): mixed hard wrapping, a date line
above a script line, metered paywall banners, list markers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.packs import PackSet
from cleaner.segment import segment

from .conftest import ROOT

WRAPPED = (
    "Brackenford Town will play in the National League North next season after Kieran\n"
    "Doherty’s header four minutes into stoppage time secured a dramatic 2–1 win over\n"
    "Halsey United in front of a record crowd of 4,812 at Ashby Lane on Saturday\n"
    "afternoon.\n"
)
UNWRAPPED = "The victory means the Reds finish the season with 94 points, three clear of second-placed Morton Vale."
PROSE = (
    "The council said that it would look again at the plan in the spring, and that people who live "
    "near the river would be asked what they think of it before any of the work starts."
)
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
    for banner in (
        "You have 1 free article left this month. Subscribe for £1 a week – cancel anytime.",
        "You have 4 free stories left this month. Subscribe for $1 a week",
    ):
        result = NO_PACK.clean_text(f"{banner}\n\n{UNWRAPPED}\n")
        assert [r.kind for r in result.metadata.removed] == ["paywall"]


def test_list_bullets_go_and_numbered_items_keep_their_numbers() -> None:
    """A bullet is layout; an item's number is the order of the steps, text a reader sees."""
    text = f"{UNWRAPPED}\n\n* Masks are free.\n\n1. Opening a ward by September.\n\n3. Stay hydrated\n\nIt is the first promotion since 1998 for the club.\n"
    assert NO_PACK.clean_text(text).text.split("\n\n")[1:4] == [
        "Masks are free.",
        "1. Opening a ward by September.",
        "3. Stay hydrated",
    ]


@pytest.mark.parametrize(
    "byline, authors, roles",
    [
        ("By Helen Marsh, Political Correspondent", ["Helen Marsh"], ["Political Correspondent"]),
        (
            "By Eleanor Fitch, Arts Reporter, and Sam Whitlock, Chief Photographer",
            ["Eleanor Fitch", "Sam Whitlock"],
            ["Arts Reporter", "Chief Photographer"],
        ),
        ("By Anna Malpas and Tom Okafor", ["Anna Malpas", "Tom Okafor"], []),
    ],
)
def test_a_job_title_in_the_byline_is_the_author_s_role_not_an_author(
    byline: str, authors: list[str], roles: list[str]
) -> None:
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
    menu = "".join(
        f"* [{w}](https://x.example/{w})\n"
        for w in ("Local", "Sports", "Opinion", "Arts", "Business")
    )
    text = (
        f"{menu}\n[Search](https://x.example/s) | [Sign In](https://x.example/i)\n\n"
        "# Volunteer divers have pulled a million urchins. The kelp is coming back.\n\n"
        "Three years after a collapse, a volunteer-led restoration project is showing results.\n\n"
        f"**By [Rosa Delgado](https://x.example/rd), Environment Reporter**\n\n{PROSE}\n\n{UNWRAPPED}\n"
    )
    meta = NO_PACK.clean_text(text).metadata
    assert meta.title == "Volunteer divers have pulled a million urchins. The kelp is coming back."
    assert (
        meta.subtitle
        == "Three years after a collapse, a volunteer-led restoration project is showing results."
    )
    assert (meta.authors, meta.author_roles) == (["Rosa Delgado"], ["Environment Reporter"])


HEAD_FIELDS = ("title", "subtitle", "authors", "author_roles", "published")
OUTLETS = ROOT / "tests" / "outlets"
MADE_UP = sorted(
    p
    for folder in (
        "brackenford-herald",
        "meridian-coast-post",
        "harlow-ledger",
        "kvtr-news",
        "wyndarra-examiner",
        "ardcullen-echo",
    )
    for p in (OUTLETS / folder).glob("*")
    if ".expected." not in p.name
)


@pytest.mark.parametrize("path", MADE_UP, ids=lambda p: p.stem)
def test_with_no_pack_a_made_up_outlet_s_dump_is_exact_and_its_head_is_in_its_fields(
    path: Path,
) -> None:
    """Issue 14 item 9: no paragraph lost, and the head the dump states in the fields."""
    result = NO_PACK.clean_file(path)
    stem = path.with_suffix("")
    assert result.text == stem.with_suffix(".expected.txt").read_text(encoding="utf-8")
    expected = json.loads(stem.with_suffix(".expected.json").read_text(encoding="utf-8"))
    meta = result.metadata.model_dump()
    fields = [k for k in HEAD_FIELDS if k in expected]
    assert {k: meta[k] for k in fields} == {k: expected[k] for k in fields}
    assert meta["alternate_titles"] == []


HEADLINE = "Harbour ferry fares to double from June as operator cites fuel costs"
DEK = "Commuters from the island face paying more than £9 a day, the operator’s price list shows"


@pytest.mark.parametrize("crumbs", ["Home › News › Transport", "Home » Local", "News > Ferries"])
def test_a_breadcrumb_trail_is_navigation_never_a_headline(crumbs: str) -> None:
    text = f"{crumbs}\n\n{HEADLINE}\n\nBy Ruth Okonjo, Ferry Reporter\n\n{PROSE}\n\n{UNWRAPPED}"
    meta = NO_PACK.clean_text(text).metadata
    assert (meta.title, meta.alternate_titles) == (HEADLINE, [])
    assert [r.rule for r in meta.removed if r.text == crumbs] == ["generic.navigation"]


@pytest.mark.parametrize("dateline", ["Friday 7 June 2024 09:10 BST", ""])
def test_the_summary_line_under_the_headline_is_the_dek_never_the_title(dateline: str) -> None:
    """The dek echoes the lead more than the headline does, and stands nearer the article."""
    lede = (
        "Commuters from the island face paying more than £9 a day from June, after the "
        "operator said fuel costs had doubled and the fares would rise for every crossing."
    )
    text = f"Menu\n\n{HEADLINE}\n\n{DEK}\n\nBy Ruth Okonjo\n{dateline}\n\n{lede}\n\n{PROSE}\n"
    meta = NO_PACK.clean_text(text).metadata
    assert (meta.title, meta.subtitle, meta.alternate_titles) == (HEADLINE, DEK, [])


def test_a_kicker_above_the_headline_stays_an_alternate_headline_not_the_title() -> None:
    text = f"Ferry fares row\n\n{HEADLINE}\n\nBy Ruth Okonjo\n\n{PROSE}\n\n{UNWRAPPED}\n"
    assert NO_PACK.clean_text(text).metadata.title == HEADLINE


def test_a_dek_that_reads_as_a_sentence_does_not_hide_the_byline_and_date_below_it() -> None:
    dek = "The operator said fuel costs had doubled since last year and it had no other choice."
    text = (
        f"# {HEADLINE}\n\n{dek}\n\n**By Ruth Okonjo, Transport Reporter**\n\n"
        "Updated June 8, 2024 at 9:40 a.m. | Published June 7, 2024 at 6:20 p.m.\n\n"
        f"{PROSE}\n\n{UNWRAPPED}\n"
    )
    meta = NO_PACK.clean_text(text).metadata
    assert (meta.subtitle, meta.authors) == (dek, ["Ruth Okonjo"])
    assert meta.author_roles == ["Transport Reporter"]
    assert meta.published == "2024-06-07"  # first publication, not the update stated first
