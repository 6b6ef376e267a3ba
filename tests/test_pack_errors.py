"""The broken-pack corpus: every kind of mistake an author makes gives one clear error naming
the file, line and column, never a traceback. Each file's first line states what it expects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import main
from cleaner.cli.rules import app as rules_app
from cleaner.packs import PackError, PackSet, load_pack
from cleaner.packs.sources import ENV_VAR

from .conftest import ROOT

BROKEN = sorted((ROOT / "tests" / "packs" / "broken").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+:\d+): (.+)$")
runner = CliRunner()


def expectation(path: Path) -> str:
    """`FILE:LINE:COLUMN: message` as `clean rules check` must print it."""
    first = path.read_bytes().split(b"\n", 1)[0].decode("utf-8")
    match = EXPECT.match(first)
    assert match, f"{path.name} lacks its `# expect: LINE:COLUMN: message` line"
    return f"{path.relative_to(ROOT).as_posix()}:{match[1]}: {match[2]}"


@pytest.fixture(autouse=True)
def _from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_the_corpus_has_at_least_a_dozen_kinds_of_mistake() -> None:
    assert len(BROKEN) >= 12


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_check_reports_exactly_one_error_with_its_position(path: Path) -> None:
    result = runner.invoke(rules_app, ["check", str(path.relative_to(ROOT))])
    assert result.exit_code == 1
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert result.stdout.splitlines() == [expectation(path)]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "path",
    [
        p
        for p in BROKEN
        if not p.stem.startswith("duplicate-outlet") and not p.stem.startswith("duplicate-domain")
    ],
    ids=lambda p: p.stem,
)
def test_loading_alone_raises_pack_error_with_the_same_message(path: Path) -> None:
    with pytest.raises(PackError) as caught:
        load_pack(path.relative_to(ROOT))
    assert str(caught.value) == expectation(path)


def test_clean_with_a_broken_rules_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.yaml").write_text(
        "id: bad\nname: Bad\ndomains: [bad.example]\nrules:\n  - {id: a, kind: promo, action: drop, pattern: '(('}\n"
    )
    with pytest.raises(SystemExit) as done:
        main(["--rules", str(tmp_path), "-"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "bad.yaml:5:40: rules[0].pattern: invalid regex '(('" in err and "Traceback" not in err


def test_an_entry_named_as_a_pack_that_is_no_file_is_an_error(tmp_path: Path) -> None:
    """A broken link or a folder named x.yaml was passed over in silence."""
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (tmp_path / "folder.yml").mkdir()
    with pytest.raises(PackError) as raised:
        PackSet.load([tmp_path])
    shown = str(raised.value)
    assert "gone.yaml: is named as a pack but is no file" in shown and "folder.yml" in shown
