"""`clean rules suggest` on three Globe and Mail style documents, built from the outlet's real
furniture around three different articles: the draft proposes the furniture, never an
article sentence, and passes `check` and `test` as it stands."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli.rules import app as rules_app
from cleaner.packs import PackSet, read_pack
from cleaner.authoring.draft import render
from cleaner.packs.sources import ENV_VAR
from cleaner.authoring.suggest import analyse

from .conftest import ROOT

runner = CliRunner()
FIXTURE = ROOT / "tests" / "outlets" / "theglobeandmail" / "office-conversion.txt"
AD_MARKER = "Story continues below advertisement"
ARTICLES = (
    (
        "Ontario will build three hospitals in the Greater Toronto Area over the next decade, the province announced on Tuesday.",
        "The hospitals, in Brampton, Pickering and Vaughan, are expected to add about 1,200 beds to a crowded system.",
        "“We are building for the population we will have, not the one we had,” the Health Minister said.",
        "Opposition critics asked whether the province could find enough nurses to staff the new wards.",
    ),
    (
        "The Bank of Canada held its key interest rate steady on Wednesday, citing signs that inflation is cooling.",
        "Economists had widely predicted the decision, although some had argued for a cut to support housing.",
        "The central bank said it would watch wage growth closely before deciding on its next move.",
        "Markets reacted calmly, with the Canadian dollar little changed against its U.S. counterpart.",
    ),
    (
        "Vancouver’s city council voted on Thursday to allow six-storey apartment buildings on transit corridors.",
        "Supporters said the change would add thousands of homes within walking distance of rapid transit.",
        "Residents of several neighbourhoods spoke against the plan during a hearing that lasted twelve hours.",
        "The new rules take effect in January.",
    ),
)


def furniture() -> tuple[str, str]:
    """The fixture's masthead and banner (down to its script), and everything from the promo on."""
    source = FIXTURE.read_text(encoding="utf-8")
    header = source[: source.index("\n\nOffice towers")]
    footer = source[source.index("Our Morning Update") :]
    return header, footer


@pytest.fixture()
def samples(tmp_path: Path) -> list[Path]:
    header, footer = furniture()
    paths = []
    for number, paragraphs in enumerate(ARTICLES):
        body = [*paragraphs[:2], AD_MARKER, *paragraphs[2:]]
        path = tmp_path / f"globe-{number}.txt"
        path.write_text("\n\n".join([header, *body, footer]), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(autouse=True)
def _no_extra_packs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_draft_proposes_the_furniture_and_no_article_sentence(
    tmp_path: Path, samples: list[Path]
) -> None:
    result = runner.invoke(
        rules_app,
        ["suggest", "--outlet", "globe-draft", "--name", "Globe Draft", *map(str, samples)],
    )
    assert result.exit_code == 0, result.output
    draft = result.stdout
    assert "action: cut-header" in draft and "until: '^var select=\\{root:" in draft
    assert AD_MARKER not in draft.split("examples:")[0]  # the generic layer removes it
    assert "# seen in 3 of 3 samples" in draft
    assert (
        "action: cut-footer" in draft
        and "from: '^Our Morning Update and Evening Update newsletters are'" in draft
    )
    assert "- pattern: '^The Globe and Mail$'" in draft
    for sentence in (s for article in ARTICLES for s in article):
        assert sentence not in draft and sentence[:40] not in draft


def test_the_draft_passes_check_and_its_own_example(tmp_path: Path, samples: list[Path]) -> None:
    out = tmp_path / "packs" / "globe-draft.yaml"
    result = runner.invoke(
        rules_app, ["suggest", "--outlet", "globe-draft", *map(str, samples), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert read_pack(out).pack.id == "globe-draft"
    tested = runner.invoke(rules_app, ["test", "globe-draft", "--rules", str(out.parent)])
    assert tested.exit_code == 0, tested.output
    assert "warning" not in tested.stderr  # the example fires every drafted rule


def test_a_block_repeated_in_one_sample_is_proposed_unless_it_reads_like_prose(
    tmp_path: Path,
) -> None:
    prose = (
        "The minister said the plan would be presented to the cabinet before the end of the year."
    )
    texts = [
        f"Intro about {topic}.\n\nPartner picks\n\n{prose}\n\nPartner picks\n\n{prose}\n"
        for topic in ("the harbour", "the school")
    ]
    paths = []
    for number, text in enumerate(texts):
        paths.append(tmp_path / f"s{number}.txt")
        other = text.replace(prose, "Paragraph of another story.")
        paths[-1].write_text(text if number == 0 else other, encoding="utf-8")
    draft = runner.invoke(rules_app, ["suggest", "--outlet", "tiny", *map(str, paths)]).stdout
    assert "text: 'Partner picks'" in draft and "seen in 2 of 2 samples, 4 times" in draft
    assert prose not in draft


def test_suggest_needs_two_samples_and_readable_ones(tmp_path: Path, samples: list[Path]) -> None:
    assert runner.invoke(rules_app, ["suggest", "--outlet", "x", str(samples[0])]).exit_code == 2
    missing = runner.invoke(
        rules_app, ["suggest", "--outlet", "x", str(samples[0]), str(tmp_path / "nope.txt")]
    )
    assert missing.exit_code == 1 and "nope.txt: no such file" in missing.stderr


def test_builtin_packs_still_load_beside_a_draft(tmp_path: Path, samples: list[Path]) -> None:
    out = tmp_path / "globe-draft.yaml"
    runner.invoke(
        rules_app, ["suggest", "--outlet", "globe-draft", *map(str, samples), "-o", str(out)]
    )
    packs, problems = PackSet.collect([out])
    assert problems == [] and {"globe-draft", "theglobeandmail"} <= set(packs.loaded)


def test_a_background_paragraph_repeated_in_two_samples_is_never_proposed(tmp_path: Path) -> None:
    background = (
        "The factory opened in 1912 and at its peak employed more than a thousand people, "
        "most of them from the streets around the site."
    )
    stories = (
        "The council voted to close the road.",
        "The mill will be sold in the spring.",
        "The union said it would fight the plan.",
    )
    samples = []
    for i, story in enumerate(stories):
        path = tmp_path / f"s{i}.txt"
        extra = f"\n\n{background}" if i < 2 else ""
        path.write_text(
            f"THE TOWN HERALD\n\n{story} More follows here about it.{extra}\n\nAdvertisement\n",
            encoding="utf-8",
        )
        samples.append(path)
    draft = render(analyse(samples, "town"), "town", "The Town Herald", [])
    assert "Advertisement" in draft and "The factory opened in 1912" not in draft


def _write(folder: Path, texts: list[str]) -> list[Path]:
    paths = [folder / f"s{i}.txt" for i in range(len(texts))]
    for path, text in zip(paths, texts):
        path.write_text(text, encoding="utf-8")
    return paths


def test_lines_that_differ_in_their_numbers_are_one_rule_and_a_year_is_any_year(
    tmp_path: Path,
) -> None:
    """Issue 14 item 14: a banner whose count changes (and its singular) is one rule matching
    any count; a year in a signature is any year, and the draft still passes its example."""
    banners = [
        "You can read 3 more stories this month",
        "You can read 1 more story this month",
        "You can read 12 more stories this month",
    ]
    texts = [
        f"QUAYSIDE POST\n\n{story[0]}\n\n{banner}\n\n{story[1]}\n\nQuayside Post Ltd, 2024\n"
        for banner, story in zip(banners, ARTICLES)
    ]
    out = tmp_path / "packs" / "quayside.yaml"
    out.parent.mkdir()
    draft = render(analyse(_write(tmp_path, texts), "quayside"), "quayside", "Quayside", [])
    out.write_text(draft, encoding="utf-8")
    pack = read_pack(out).pack
    reads = [r for r in pack.rules if "read" in r.id]
    assert len(reads) == 1 and reads[0].pattern is not None
    assert all(reads[0].pattern.search(b) for b in banners)
    assert [s.pattern.pattern for s in pack.detect if "Ltd" in s.pattern.pattern] == [
        r"^Quayside Post Ltd, \d{4}$"
    ]
    tested = runner.invoke(rules_app, ["test", "quayside", "--rules", str(out.parent)])
    assert tested.exit_code == 0, tested.output


def test_no_rule_for_what_the_generic_layer_removes_nor_a_byline_or_a_comment_time(
    tmp_path: Path,
) -> None:
    """Issue 14 item 14: the generic layer already removes a skip link and an ad marker beside a
    pack, and moves a byline; a comment's time goes with the comments. None gets a rule."""
    texts = [
        f"Skip to main content\n\nPartner picks\n\n{story[0]}\n\nAdvertisement\n\n{story[1]}\n\n"
        f"By Ines Calloway\n\n{story[2]}\n\nComments\n\nharbourfan\n3 May 2024, 9:15am\nGreat.\n\n"
        f"quaywatcher\n3 May 2024, 9:15am\nAgreed.\n\nQuayside Post Ltd\n"
        for story in ARTICLES
    ]
    draft = render(analyse(_write(tmp_path, texts), "quayside"), "quayside", "Quayside", [])
    rules = draft.split("\nrules:")[1].split("examples:")[0]  # detection may use any of them
    assert "Partner picks" in rules
    for line in ("Skip to main content", "Advertisement", "By Ines Calloway", "9:15am"):
        assert line not in rules
