"""Where a draft's cuts stand (`cleaner.authoring.cuts`): on the line every sample prints at
the edge, on what those lines start with when they vary, else on a line every sample prints."""

from __future__ import annotations

from cleaner.authoring.cuts import common_prefix, find_cut


def test_the_common_prefix_stops_at_the_first_separator() -> None:
    assert common_prefix(["Home › News › Politics", "Home › Culture"]) == "Home › "
    assert common_prefix(["Topics: Housing · Council", "Topics: Jobs"]) == "Topics: "
    assert common_prefix(["Sports", "Local"]) == ""
    assert common_prefix(["[Sports]", "[Local]"]) == ""  # no word before the separator
    assert common_prefix(["Home News", "Home Sport"]) == ""  # no punctuation after it


SAMPLES = [
    ["Masthead", "Sign in", "You have 3 free stories left", "Sports", "Headline one", "Body"],
    ["Masthead", "Sign in", "You have 1 free story left", "Local", "Headline two", "Body"],
    ["Masthead", "Sign in", "Culture", "Headline three", "Body"],
]
RECURRING = {"Masthead", "Sign in", "You have # free stories left"}


def key(text: str) -> str:
    return "You have # free stories left" if text.startswith("You have") else text


def recurring(text: str) -> bool:
    return key(text) in RECURRING


def test_an_edge_that_varies_anchors_on_a_line_every_sample_prints() -> None:
    starts = [4, 4, 3]  # each sample's headline
    edges = [s - 1 for s in starts]
    cut = find_cut(SAMPLES, edges, [range(s - 1, -1, -1) for s in starts], key, recurring, bool)
    # The banner is nearer the headline, but a free story has none: "Sign in" is on every page.
    assert cut is not None and (cut.text, cut.prefix, cut.places) == ("Sign in", "", [1, 1, 1])


def test_an_edge_every_sample_prints_is_the_anchor() -> None:
    edges = [1, 1, 1]
    cut = find_cut(SAMPLES, edges, [range(1, -1, -1)] * 3, key, recurring, bool)
    assert cut is not None and (cut.text, cut.prefix, cut.places) == ("Sign in", "", [1, 1, 1])


def test_edges_that_start_alike_anchor_on_their_prefix() -> None:
    samples = [["Body", "Topics: Jobs", "Footer"], ["Body", "Topics: Housing", "Footer"]]
    cut = find_cut(samples, [1, 1], [range(1, 3)] * 2, str, lambda t: t == "Footer", bool)
    assert cut is not None and (cut.prefix, cut.places) == ("Topics: ", [1, 1])


def test_no_edge_no_cut() -> None:
    assert find_cut(SAMPLES, [None, None, None], [range(0)] * 3, key, recurring, bool) is None


def test_among_lines_every_sample_prints_one_no_banner_rule_removes_is_preferred() -> None:
    samples = [["Menu end", "Already a member? Log in", label, "Headline"] for label in SECTIONS]
    searches = [range(2, -1, -1)] * 3
    furniture = {"Menu end", "Already a member? Log in"}.__contains__
    cut = find_cut(samples, [2, 2, 2], searches, str, furniture, bool)
    assert cut is not None and cut.text == "Already a member? Log in"  # the nearest
    steady = find_cut(samples, [2, 2, 2], searches, str, furniture, "Menu end".__eq__)
    assert steady is not None and steady.text == "Menu end"


SECTIONS = ("Sports", "Local", "Arts")
