"""The worked example in docs/writing-a-rule-pack.md stays true: the draft it shows is what
`clean rules suggest` prints for its three samples, and the finished pack it shows passes
`check` and `test`, reports its mistakes as shown, and cleans the samples."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli.rules import app as rules_app
from cleaner.packs.sources import ENV_VAR

from .conftest import ROOT

runner = CliRunner()
GUIDE = (ROOT / "docs" / "writing-a-rule-pack.md").read_text(encoding="utf-8")
FOLDER = ROOT / "docs" / "harbour-gazette"
PACK = FOLDER / "harbour-gazette.yaml"
SAMPLES = sorted(FOLDER.glob("*.txt"))
DRAFT, FINISHED = re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)[:2]


@pytest.fixture(autouse=True)
def _no_extra_packs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_the_guide_shows_the_draft_suggest_writes() -> None:
    args = [
        "suggest",
        "--outlet",
        "harbour-gazette",
        "--name",
        "The Harbour Gazette",
        "--domain",
        "harbourgazette.example",
    ]
    result = runner.invoke(rules_app, [*args, *map(str, SAMPLES)])
    assert len(SAMPLES) == 3 and result.exit_code == 0
    assert result.stdout == DRAFT


def test_the_guide_shows_the_finished_pack_which_passes_check_and_test() -> None:
    assert PACK.read_text(encoding="utf-8") == FINISHED
    assert runner.invoke(rules_app, ["check", str(PACK)]).exit_code == 0
    tested = runner.invoke(rules_app, ["test", "harbour-gazette", "--rules", str(PACK)])
    assert tested.exit_code == 0, tested.output
    assert (
        "harbour-gazette: 3 of 3 examples passed" in tested.stdout
        and "warning" not in tested.stderr
    )


def test_the_mistakes_shown_are_reported_as_shown(tmp_path: Path) -> None:
    broken = tmp_path / "harbour-gazette.yaml"
    text = FINISHED.replace("    pattern: '^.{1,120}", "    patern: '^.{1,120}").replace(
        "'^Sign up for Morning Tide\\b'", "'^Sign up for (Morning Tide'"
    )
    broken.write_text(text, encoding="utf-8")
    result = runner.invoke(rules_app, ["check", str(broken)])
    shown = re.search(r"```text\n(harbour-gazette.yaml.*?)```", GUIDE, re.S)
    assert shown and result.stdout == shown[1].replace("harbour-gazette.yaml", str(broken))


def test_the_finished_pack_cleans_the_samples(tmp_path: Path) -> None:
    shutil.copy(PACK, tmp_path)
    cleaner = Cleaner(rules_dirs=[tmp_path])
    for sample in SAMPLES:
        result = cleaner.clean_file(sample)
        assert result.metadata.outlet is not None and result.metadata.outlet.id == "harbour-gazette"
        assert result.metadata.title and result.metadata.title not in result.text
        for furniture in (
            "Subscribe from",
            "Advertisement",
            "Morning Tide",
            "Share this article",
            "© 2024",
        ):
            assert furniture not in result.text


def test_the_guide_walks_through_a_new_outlet_and_lists_the_kinds_and_what_at_counts() -> None:
    from cleaner.model import KINDS
    from cleaner.packs import load_pack

    walk = GUIDE[GUIDE.index("## From `suggest` to exact output") : GUIDE.index("## Reference")]
    pack = load_pack(ROOT / "rules" / "brackenford-herald.yaml")
    assert all(f"`{rule.id}`" in walk for rule in pack.rules)
    for command in (
        "clean rules suggest",
        "clean rules check",
        "clean rules test",
        "clean explain",
    ):
        assert command in walk
    assert all(f"| `{kind}` |" in GUIDE for kind in KINDS)
    assert "**still in the text when the rule runs**" in GUIDE
