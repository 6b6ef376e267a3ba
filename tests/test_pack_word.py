"""A pack's word is final (issue 14): what it disables stays off through settling, its cut rules
say when they did nothing, `at:` counts the blocks still in the text, a `replace` records what
it took, and its kinds are a closed vocabulary."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.explain import explain
from cleaner.heuristics import heuristics
from cleaner.model import KINDS
from cleaner.packs import PackError, PackSet
from cleaner.read import read_bytes

from .conftest import ROOT

PARAGRAPH = (
    "The council met on Tuesday and voted to approve the plan after a long debate in the chamber."
)
OTHER = "Residents who opposed the scheme said they would now consider a legal challenge to the decision."


def _cleaner(tmp_path: Path, rules: str, disable: str = "[]") -> Cleaner:
    (tmp_path / "town.yaml").write_text(
        f"format: 1\nid: town\nname: Town\ndomains: [town.example]\ndisable: {disable}\nrules:\n{rules}",
        encoding="utf-8",
    )
    return Cleaner(packs=PackSet.load([tmp_path]))


@pytest.mark.parametrize(
    "heuristic, furniture",
    [
        ("generic.duplicate", OTHER),
        ("generic.navigation", "Skip to main content"),
        ("generic.promo", "Share this article"),
    ],
)
def test_a_disabled_heuristic_stays_off_when_the_output_is_settled(
    tmp_path: Path, heuristic: str, furniture: str
) -> None:
    rules = "  - {id: ad, kind: advertisement, action: drop, text: Advertisement}\n"
    cleaner = _cleaner(tmp_path, rules, f"[{heuristic}]")
    text = f"{PARAGRAPH}\n\nAdvertisement\n\n{furniture}\n\n{OTHER}\n\n{PARAGRAPH}\n"
    result = cleaner.clean_text(text, outlet="town")
    assert furniture in result.text
    assert heuristic not in {r.rule for r in result.metadata.removed}


HEADER = (
    "  - {id: masthead, kind: header, action: cut-header, until: '^Subscribe for £1 a week$'}\n"
)
FOOTER = "  - {id: footer, kind: footer, action: cut-footer, from: '^More from Town$'}\n"


def test_a_cut_rule_whose_anchor_is_missing_warns_in_the_result_and_in_explain(
    tmp_path: Path,
) -> None:
    cleaner = _cleaner(tmp_path, HEADER + FOOTER)
    text = f"Home\n\n{PARAGRAPH}\n\n{OTHER}\n"
    result = cleaner.clean_text(text, outlet="town")
    warned = [w for w in result.metadata.warnings if w.startswith("rule town.")]
    assert [w.split()[1] for w in warned] == ["town.masthead", "town.footer"]
    doc = read_bytes(text.encode("utf-8"), None)
    shown = explain(doc, cleaner.mark(doc, "town")).plain
    assert "warning: rule town.masthead cut nothing" in shown
    found = cleaner.clean_text(
        f"Subscribe for £1 a week\n\n{text}\n\nMore from Town\n", outlet="town"
    )
    assert not [w for w in found.metadata.warnings if w.startswith("rule town.")]


def test_at_counts_the_blocks_still_in_the_text(tmp_path: Path) -> None:
    """Both a dropped block and a moved one are out of the text: the next `at: 1` is the block
    after them, what the author sees there."""
    rules = (
        "  - {id: ad, kind: advertisement, action: drop, text: Advertisement}\n"
        "  - {id: headline, kind: headline, action: move, to: title, at: 1}\n"
        "  - {id: dek, kind: subtitle, action: move, to: subtitle, at: 1}\n"
    )
    cleaner = _cleaner(tmp_path, rules)
    result = cleaner.clean_text(
        f"Advertisement\n\nCouncil backs plan\n\nA long night\n\n{PARAGRAPH}\n", outlet="town"
    )
    assert (result.metadata.title, result.metadata.subtitle) == (
        "Council backs plan",
        "A long night",
    )
    assert result.text == PARAGRAPH + "\n"


@pytest.mark.parametrize(
    "pattern, template, block, taken, kept",
    [
        (r"\s*\[tracking\]", "", f"{PARAGRAPH} [tracking]", " [tracking]", PARAGRAPH),
        (
            r"(\d+) free articles left",
            r"\1 left",
            f"Only 3 free articles left. {OTHER}",
            "free articles ",
            f"Only 3 left. {OTHER}",
        ),
        (r"^Sponsored: .*$", "", "Sponsored: Buy a sofa", "Sponsored: Buy a sofa", None),
    ],
)
def test_a_replace_records_exactly_the_text_it_removed(
    tmp_path: Path, pattern: str, template: str, block: str, taken: str, kept: str | None
) -> None:
    rules = f"  - {{id: strip, kind: markup, action: replace, pattern: '{pattern}', with: '{template}'}}\n"
    cleaner = _cleaner(tmp_path, rules)
    result = cleaner.clean_text(f"{block}\n\n{OTHER}\n", outlet="town")
    [removal] = [r for r in result.metadata.removed if r.rule == "town.strip"]
    assert removal.text == taken
    assert result.text.split("\n\n")[0].strip() == (kept or OTHER)


def test_a_replace_that_would_lengthen_the_text_is_skipped_with_a_warning(tmp_path: Path) -> None:
    """A template repeating its groups multiplied the text rule after rule (three such rules
    made 117 MB of 119 bytes); a replace rule takes text out, so this one fails here alone."""
    copies = "\\\\g<2>" * 100
    rules = (
        "  - {id: grow, kind: markup, action: replace, pattern: '(?s)^(.)(.*)$',"
        f" with: '{copies}'}}\n"
        "  - {id: strip, kind: markup, action: replace, pattern: '\\s*\\[tracking\\]'}\n"
    )
    cleaner = _cleaner(tmp_path, rules)
    result = cleaner.clean_text(f"{PARAGRAPH} [tracking]\n\n{OTHER}\n", outlet="town")
    assert result.text == f"{PARAGRAPH}\n\n{OTHER}\n"
    warnings = result.metadata.warnings
    assert any("town.grow skipped" in w and "takes text out" in w for w in warnings)


def test_a_kind_outside_the_vocabulary_fails_to_load_with_a_suggestion(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        _cleaner(tmp_path, "  - {id: ad, kind: advertisment, action: drop, text: Advertisement}\n")
    assert "unknown kind 'advertisment'; did you mean 'advertisement'?" in str(caught.value)


def test_every_generic_heuristic_has_a_kind_of_the_vocabulary() -> None:
    assert {h.kind for h in heuristics()} <= set(KINDS)


def test_the_body_model_never_undoes_a_pack_not_even_when_the_output_is_settled(
    tmp_path: Path,
) -> None:
    """The pack here takes only the ad markers and leaves the menus, comments and lists alone:
    its word is final, so no pass of the body model removes what it kept (with no pack, the
    model takes dozens of those blocks)."""
    rules = "  - {id: ad, kind: advertisement, action: drop, text: Advertisement}\n"
    page = (
        ROOT / "tests" / "outlets" / "brackenford-herald" / "brackenford-town-clinch-promotion.txt"
    )
    assert "generic.outside-body" in {
        r.rule for r in Cleaner(packs=PackSet({})).clean_file(page).metadata.removed
    }
    result = _cleaner(tmp_path, rules).clean_file(page, outlet="town")
    assert "generic.outside-body" not in {r.rule for r in result.metadata.removed}
