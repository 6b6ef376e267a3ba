"""Packs from elsewhere (entry points, $CLEANER_RULES, --rules), checked against each other in
load order; each file parsed once per process; a thousand packs load and detect correctly."""

from __future__ import annotations

import os
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from cleaner.detect import detect
from cleaner.packs import PackError, PackSet, loader, read_pack, sources
from cleaner.segment import segment

from .conftest import load_script

pack_scaling = load_script("pack_scaling")


def write_pack(folder: Path, outlet: str, domain: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{outlet}.yaml"
    path.write_text(
        f"id: {outlet}\nname: {outlet.title()}\ndomains: [{domain or outlet + '.example'}]\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(autouse=True)
def _no_environment_packs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(sources.ENV_VAR, raising=False)


def plugin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str, body: str) -> None:
    """An installed package's entry point in the `cleaner.packs` group, faked."""
    (tmp_path / "fake_plugin.py").write_text(body, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    point = EntryPoint(name="fake", value=value, group=sources.ENTRY_POINT_GROUP)
    monkeypatch.setattr(
        sources, "entry_points", lambda group: [point] if group == sources.ENTRY_POINT_GROUP else []
    )


def test_environment_variable_adds_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    write_pack(tmp_path / "one", "env-one")
    write_pack(tmp_path / "two", "env-two")
    monkeypatch.setenv(
        sources.ENV_VAR, os.pathsep.join([str(tmp_path / "one"), str(tmp_path / "two")])
    )
    packs = PackSet.load()
    assert packs.entry("env-one").source == packs.entry("env-two").source == "$CLEANER_RULES"
    assert packs.entry("vice").source == "built-in"


@pytest.mark.parametrize("target", ["PACKS", "packs"], ids=["a folder", "a callable"])
def test_entry_point_adds_a_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, target: str
) -> None:
    folder = tmp_path / "shipped"
    write_pack(folder, "plugged")
    plugin(
        monkeypatch,
        tmp_path,
        f"fake_plugin:{target}",
        f"PACKS = {str(folder)!r}\ndef packs():\n    return PACKS\n",
    )
    assert PackSet.load().entry("plugged").source == "entry point fake"


def test_a_broken_entry_point_is_a_problem_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plugin(monkeypatch, tmp_path, "fake_plugin:MISSING", "")
    with pytest.raises(PackError, match=r"entry point fake = fake_plugin:MISSING: cannot load"):
        PackSet.load()


def test_later_sources_cannot_override_earlier_ones(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write_pack(tmp_path / "env", "env-news", "env.example")
    write_pack(tmp_path / "cli", "env-news", "cli.example")
    monkeypatch.setenv(sources.ENV_VAR, str(tmp_path / "env"))
    with pytest.raises(PackError) as caught:
        PackSet.load([tmp_path / "cli"])
    assert str(caught.value).endswith(
        f"outlet id 'env-news' is already defined in {tmp_path / 'env' / 'env-news.yaml'} ($CLEANER_RULES)"
    )
    assert str(caught.value).startswith(str(tmp_path / "cli" / "env-news.yaml") + ":1:1: id:")


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    path = write_pack(tmp_path, "twice")
    assert "twice" in PackSet.load([tmp_path, path]).loaded


def test_each_file_is_parsed_once_until_it_changes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write_pack(tmp_path, "cached")
    calls: list[Path] = []
    real = loader.read_tree
    monkeypatch.setattr(loader, "read_tree", lambda p: calls.append(p) or real(p))
    first = read_pack(path)
    PackSet.load([tmp_path])
    assert read_pack(path) is first and calls == [path]
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Cached", "name: Cached Again"),
        encoding="utf-8",
    )
    assert read_pack(path).pack.name == "Cached Again" and len(calls) == 2


def test_a_thousand_packs_load_and_detect(tmp_path: Path) -> None:
    pack_scaling.write_packs(tmp_path, 1000)
    packs = PackSet.load([tmp_path])
    assert len(packs) == 1000 + len(PackSet.load().packs)
    body = "A first paragraph of the article.\n\nA second paragraph of the article."
    match = detect(segment(f"{body}\n\n© 2024 Outlet 617 Ltd."), packs, None)
    assert match is not None and match.pack.id == pack_scaling.pack_id(617)
    by_url = detect(segment(body), packs, f"https://www.{pack_scaling.pack_id(42)}.example/news/1")
    assert by_url is not None and by_url.pack.id == pack_scaling.pack_id(42)
