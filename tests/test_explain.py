"""`clean explain`: the document with each removed or moved block marked by kind and rule id,
after the outlet and its evidence; plain markers when piped."""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli.explain import app as explain_app
from cleaner.explain import explain
from cleaner.packs.sources import ENV_VAR
from cleaner.read import read_path

from .conftest import ROOT, SEEDS

runner = CliRunner()
GLOBE_SEED = ROOT / "seeds" / "003_04ef3b2ecf2ddbd4.txt"


@pytest.fixture(autouse=True)
def _no_extra_packs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_every_removal_is_marked_at_its_line_with_kind_and_rule(
    cleaner: Cleaner, seed: Path
) -> None:
    result = runner.invoke(explain_app, [str(seed)])
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout  # no colour codes when piped
    meta = cleaner.clean_file(seed).metadata
    for record in meta.removed:
        marker = (
            f"[> {record.kind} {record.rule} -> {record.moved_to}]"
            if record.moved_to
            else f"[- {record.kind} {record.rule}]"
        )
        assert f"{record.lines[0]:>5} {marker} " in result.stdout
    moved = sum(1 for r in meta.removed if r.moved_to)
    assert (
        f" kept, {len(meta.removed) - moved} removed, {moved} moved ("
        in result.stdout.splitlines()[-1]
    )


def test_globe_seed_names_the_outlet_the_evidence_and_the_rules() -> None:
    lines = runner.invoke(explain_app, [str(GLOBE_SEED)]).stdout.splitlines()
    assert lines[0] == "outlet: theglobeandmail (The Globe and Mail), signature, score 7"
    assert "  evidence: signature '^The Globe and Mail$' at line 2 (+2)" in lines
    assert "    1 [- header theglobeandmail.subscription-header] Skip to main content" in lines
    assert (
        "   31 [- advertisement theglobeandmail.ad-marker] Story continues below advertisement"
        in lines
    )
    assert any(
        line.startswith("   25 The Kremlin threw its full backing") for line in lines
    )  # kept: plain


def test_forced_outlet_and_edits_are_shown(tmp_path: Path) -> None:
    (tmp_path / "tags.yaml").write_text(
        "id: tags\nname: Tags\ndomains: [tags.example]\n"
        "rules:\n  - {id: tag, kind: markup, action: replace, pattern: '\\s*\\[AD\\]'}\n",
        encoding="utf-8",
    )
    doc = tmp_path / "doc.txt"
    doc.write_text(
        "A paragraph of the article that carries a tag [AD] in the middle of its text.\n",
        encoding="utf-8",
    )
    out = runner.invoke(
        explain_app, [str(doc), "--outlet", "tags", "--rules", str(tmp_path)]
    ).stdout
    assert out.splitlines()[0] == "outlet: tags (Tags), forced"
    assert "      [~ markup tags.tag] removed ' [AD]'" in out


def test_no_outlet_says_so(cleaner: Cleaner) -> None:
    doc = read_path(SEEDS[0])
    doc.text = "Just an article.\n\nWith two paragraphs.\n"
    assert explain(doc, cleaner.mark(doc)).plain.startswith("outlet: none detected")


def test_unreadable_file_and_unknown_outlet(tmp_path: Path) -> None:
    assert runner.invoke(explain_app, [str(tmp_path / "nope.txt")]).exit_code == 1
    assert runner.invoke(explain_app, [str(GLOBE_SEED), "--outlet", "nope"]).exit_code == 2


def test_markers_are_coloured_on_a_terminal(cleaner: Cleaner) -> None:
    doc = read_path(GLOBE_SEED)
    console = Console(
        file=io.StringIO(), force_terminal=True, color_system="standard", soft_wrap=True
    )
    console.print(explain(doc, cleaner.mark(doc)))
    coloured = console.file.getvalue()
    assert "\x1b[1;31m[- header theglobeandmail.subscription-header]" in coloured


def test_explain_reads_no_more_than_clean_would(tmp_path: Path, monkeypatch) -> None:
    """`clean explain - < /dev/zero` grew without bound: stdin and files are read as `clean`
    reads them, up to its default --max-bytes."""
    monkeypatch.setattr("cleaner.cli.explain.DEFAULT_MAX_BYTES", 1_000)
    result = runner.invoke(explain_app, ["-"], input="The council met. " * 100)
    assert result.exit_code == 1 and "-: over the --max-bytes limit of 1,000" in result.stderr
    big = tmp_path / "big.txt"
    big.write_text("The council met. " * 100, encoding="utf-8")
    result = runner.invoke(explain_app, [str(big)])
    assert result.exit_code == 1 and "over the --max-bytes limit of 1,000" in result.stderr
    result = runner.invoke(explain_app, ["-"], input="The council met on Tuesday.\n")
    assert result.exit_code == 0 and "The council met on Tuesday." in result.stdout


def test_explain_runs_under_clean_s_default_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """`clean explain` had no time limit at all, where `clean` has DEFAULT_SECONDS."""
    from cleaner.budget import DEFAULT_SECONDS, time_limit

    given: list[float | None] = []

    def recorded(seconds: float | None) -> Any:
        given.append(seconds)
        return time_limit(seconds)

    monkeypatch.setattr("cleaner.cli.explain.time_limit", recorded, raising=False)
    result = runner.invoke(explain_app, [str(GLOBE_SEED)])
    assert result.exit_code == 0 and given == [DEFAULT_SECONDS]


def test_a_document_out_of_time_fails_naming_its_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def stuck(self: Cleaner, doc: object, outlet: str | None = None) -> None:
        """Marking that would take 20 s, in steps the time limit can interrupt."""
        for _ in range(2000):
            time.sleep(0.01)

    monkeypatch.setattr(Cleaner, "mark", stuck)
    result = runner.invoke(explain_app, [str(GLOBE_SEED), "--time-limit", "0.05"])
    assert result.exit_code == 1, result.output
    assert f"{GLOBE_SEED}: took longer than the time limit of 0.05 s" in result.stderr
