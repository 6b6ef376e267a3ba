"""`clean rules …` end to end: list, check, test (and how a failure reads), and a new outlet
from `clean rules new` through edits, `check` and `test` to cleaning its documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import main
from cleaner.cli.rules import app as rules_app
from cleaner.packs.sources import ENV_VAR

from .conftest import ROOT

runner = CliRunner()
PARAGRAPHS = (
    "The town council voted on Monday to rebuild the old harbour wall before the winter storms arrive.",
    "Work is expected to start next month and to last until the end of the year, the council said.",
)


@pytest.fixture(autouse=True)
def _from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv(ENV_VAR, raising=False)


def invoke(*args: str):
    return runner.invoke(rules_app, list(args))


def test_list_shows_each_pack_and_where_it_comes_from(tmp_path: Path) -> None:
    (tmp_path / "local.yaml").write_text(
        "id: local\nname: Local News\ndomains: [local.example]\n", encoding="utf-8"
    )
    result = invoke("list", "--rules", str(tmp_path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "NAME", "DOMAINS", "RULES", "EXAMPLES", "FROM"]
    vice = next(line for line in lines if line.startswith("vice "))
    assert vice.split()[1:4] == ["VICE", "vice.com", "5"] and vice.endswith(
        "built-in: rules/vice.yaml"
    )
    local = next(line for line in lines if line.startswith("local "))
    assert "local.example" in local and f"--rules: {tmp_path / 'local.yaml'}" in local


def test_check_passes_the_builtin_packs() -> None:
    result = invoke("check")
    assert result.exit_code == 0 and result.stdout == ""
    assert f"{len(list((ROOT / 'rules').glob('*.yaml')))} packs valid" in result.stderr


def test_check_reports_every_broken_pack_at_once(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\nname: A\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "id: b\nname: B\ndomains: [b.example]\nextra: 1\n", encoding="utf-8"
    )
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 1
    assert [line.split(": ", 1)[0].rsplit("/", 1)[-1] for line in result.stdout.splitlines()] == [
        "a.yaml:1:1",
        "b.yaml:4:1",
    ]
    assert "2 problems" in result.stderr


def test_check_of_a_folder_holding_no_pack_fails(tmp_path: Path) -> None:
    """`clean rules check EMPTYDIR` said `10 packs valid`, exit 0: the wrong folder passed."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "draft.txt").write_text("id: x\n", encoding="utf-8")
    result = invoke("check", str(tmp_path / "empty"), str(tmp_path / "notes"))
    assert result.exit_code == 1
    for name in ("empty", "notes"):
        assert f"{tmp_path / name}: no packs found in this folder" in result.stdout
    assert "2 problems" in result.stderr


def test_check_of_the_builtin_folder_by_name_passes() -> None:
    """Its packs are read once, as built-in: the folder still holds packs."""
    result = invoke("check", "rules")
    assert result.exit_code == 0 and result.stdout == ""


def test_test_runs_every_example_of_the_builtin_packs() -> None:
    result = invoke("test")
    assert result.exit_code == 0, result.output
    assert "vice: 3 of 3 examples passed" in result.stdout
    assert "warning" not in result.stderr


def test_a_failing_example_shows_what_was_expected_and_what_came_out(tmp_path: Path) -> None:
    fixture = tmp_path / "story.txt"
    fixture.write_text(f"{PARAGRAPHS[0]}\n\nKeep me\n", encoding="utf-8")
    (tmp_path / "story.expected.txt").write_text(f"{PARAGRAPHS[0]}\n\nKeep me\n", encoding="utf-8")
    (tmp_path / "greedy.yaml").write_text(
        "id: greedy\nname: Greedy\ndomains: [greedy.example]\n"
        "rules:\n  - {id: too-much, kind: promo, action: drop, text: Keep me}\n"
        "examples:\n"
        f'  - name: drops what it should keep\n    input: "{PARAGRAPHS[0]}\\n\\nKeep me\\n"\n    keep: [Keep me]\n'
        "  - fixture: story.txt\n",
        encoding="utf-8",
    )
    result = invoke("test", "greedy", "--rules", str(tmp_path))
    assert result.exit_code == 1
    out = result.stdout
    assert "greedy.yaml:7: FAILED greedy example 'drops what it should keep'" in out
    assert "keep 'Keep me' is missing from the output" in out and f"  | {PARAGRAPHS[0]}" in out
    assert "greedy.yaml:10: FAILED greedy example 'story.txt'" in out
    assert "the output differs from" in out and "-Keep me" in out
    assert "greedy: 0 of 2 examples passed" in out


def test_test_refuses_an_unknown_pack_id() -> None:
    result = invoke("test", "nope")
    assert result.exit_code == 2 and "no rule pack with id 'nope'" in result.stderr


def test_new_refuses_a_taken_id_and_a_bad_one(tmp_path: Path) -> None:
    assert (
        "already used by rules/vice.yaml"
        in invoke("new", "vice", "-o", str(tmp_path / "v.yaml")).stderr
    )
    assert invoke("new", "Not Valid", "-o", str(tmp_path / "n.yaml")).exit_code == 2


FOOTER_RULE = """\
  - id: footer
    kind: footer
    action: cut-footer
    from: '^More from Acme News$'
"""
FOOTER_EXAMPLE = f"""\
  - name: footer links to the end
    input: |
      {PARAGRAPHS[0]}

      More from Acme News

      Harbour festival returns
    keep: [rebuild the old harbour wall]
    drop: [More from Acme News, Harbour festival returns]
    rules: [footer]
"""
SIGNATURE = "detect:\n  - pattern: '^© \\d{4} Acme News Ltd\\.$'\n    weight: 3\n"


def test_a_new_outlet_from_scaffold_to_cleaned_documents(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    pack = packs / "acme-news.yaml"
    created = invoke(
        "new", "acme-news", "--name", "Acme News", "--domain", "acme-news.example", "-o", str(pack)
    )
    assert created.exit_code == 0, created.output
    assert invoke("check", str(pack)).exit_code == 0
    assert invoke("test", "acme-news", "--rules", str(packs)).exit_code == 0

    text = pack.read_text(encoding="utf-8")
    text = text.replace("disable: []\n", SIGNATURE + "disable: []\n").replace(
        "# Small cases", FOOTER_RULE + "# Small cases"
    )
    pack.write_text(text + FOOTER_EXAMPLE, encoding="utf-8")
    checked = invoke("check", str(pack))
    assert checked.exit_code == 0, checked.output
    tested = invoke("test", "acme-news", "--rules", str(packs))
    assert tested.exit_code == 0, tested.output
    assert "acme-news: 2 of 2 examples passed" in tested.stdout

    doc = tmp_path / "in" / "harbour.txt"
    doc.parent.mkdir()
    doc.write_text(
        f"{PARAGRAPHS[0]}\n\nAdvertisement\n\n{PARAGRAPHS[1]}\n\nMore from Acme News\n\nHarbour festival returns\n\n© 2024 Acme News Ltd.\n",
        encoding="utf-8",
    )
    with pytest.raises(SystemExit) as done:
        main([str(doc), "-o", str(tmp_path / "out"), "--rules", str(packs)])
    assert done.value.code == 0
    assert (tmp_path / "out" / "harbour.txt").read_text(
        encoding="utf-8"
    ) == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n"
    meta = json.loads((tmp_path / "out" / "harbour.json").read_text(encoding="utf-8"))
    assert meta["outlet"]["id"] == "acme-news" and meta["outlet"]["detected_by"] == "signature"
    assert {r["rule"] for r in meta["removed"]} == {"acme-news.ad-marker", "acme-news.footer"}


def test_a_missing_fixture_is_a_failure_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "lost.yaml").write_text(
        "id: lost\nname: Lost\ndomains: [lost.example]\nexamples:\n  - fixture: nowhere.txt\n",
        encoding="utf-8",
    )
    result = invoke("test", "lost", "--rules", str(tmp_path))
    assert result.exit_code == 1 and "nowhere.txt: no such file" in result.stdout
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_fixture_too_large_for_clean_is_a_failure_read_no_further(tmp_path: Path) -> None:
    """A 300 MB (sparse) fixture took 27 s and 3 GB; `clean` would refuse it unread."""
    from cleaner.budget import DEFAULT_MAX_BYTES

    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)
    (tmp_path / "big.yaml").write_text(
        "id: big\nname: Big\ndomains: [big.example]\nexamples:\n  - fixture: huge.txt\n",
        encoding="utf-8",
    )
    result = invoke("test", "big", "--rules", str(tmp_path))
    assert result.exit_code == 1 and "bytes, over the --max-bytes limit" in result.stdout


def test_a_fixture_example_passes_when_the_text_matches_its_expected_file(tmp_path: Path) -> None:
    (tmp_path / "fixtures").mkdir()
    (tmp_path / "fixtures" / "mug.txt").write_text(
        f"{PARAGRAPHS[0]}\n\nBuy our mug\n\n{PARAGRAPHS[1]}\n", encoding="utf-8"
    )
    (tmp_path / "fixtures" / "mug.expected.txt").write_text(
        f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n", encoding="utf-8"
    )
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "mugs.yaml").write_text(
        "id: mugs\nname: Mugs\ndomains: [mugs.example]\nrules:\n  - {id: mug, kind: promo, action: drop, text: Buy our mug}\n"
        "examples:\n  - fixture: ../fixtures/mug.txt\n    drop: [Buy our mug]\n    rules: [mug]\n",
        encoding="utf-8",
    )
    result = invoke("test", "mugs", "--rules", str(tmp_path / "packs"))
    assert result.exit_code == 0, result.output
    assert "mugs: 1 of 1 examples passed" in result.stdout


def test_suggest_replaces_an_existing_file_only_with_force_and_never_a_sample(
    tmp_path: Path,
) -> None:
    samples = [tmp_path / f"s{i}.txt" for i in range(3)]
    for sample in samples:
        sample.write_text(
            "Masthead of the outlet\n\nA different story each time, told in full.\n",
            encoding="utf-8",
        )
    pack = tmp_path / "finished.yaml"
    pack.write_text("a finished pack\n", encoding="utf-8")
    args = ["suggest", "--outlet", "town", *map(str, samples), "-o"]
    refused = runner.invoke(rules_app, [*args, str(pack)])
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert pack.read_text(encoding="utf-8") == "a finished pack\n"
    assert runner.invoke(rules_app, [*args, str(pack), "--force"]).exit_code == 0
    assert pack.read_text(encoding="utf-8").startswith("# Draft rule pack")
    assert runner.invoke(rules_app, [*args, str(samples[0]), "--force"]).exit_code == 2
    assert samples[0].read_text(encoding="utf-8").startswith("Masthead")
