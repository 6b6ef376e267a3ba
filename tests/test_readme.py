"""The README's set-up commands are the ones CI runs."""

from __future__ import annotations

import re

from .conftest import ROOT


def _commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"))


def test_readme_opens_with_the_run_and_test_commands() -> None:
    run, test = _commands()[:2]
    assert run.endswith("clean seeds/*.txt -o out/")
    assert test.endswith("pytest")
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
