"""Nothing one input does can cost the others (issue 13, items 1 and 2): each failure class
found is put into a batch among good inputs, and every good output must still be written."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import parallel
from cleaner.cli import app

runner = CliRunner()
GOOD = "Good article text in a paragraph of its own, long enough to be kept by the cleaner.\n"
BODY = (
    "<body><article><p>"
    + "Words of the article, which go on long enough to be kept. " * 8
    + "</p></article></body>"
)
HOSTILE_FILES = {
    "base64.html": f'<html><head><meta charset="base64"></head>{BODY}</html>',
    "punycode.html": f'<html><head><meta charset="punycode"></head>{BODY}</html>',
    "canonical.html": f'<html><head><link rel="canonical" href="http://[::1"></head>{BODY}</html>',
    "original-url.txt": f"Original url: http://[::1\n\n{GOOD}",
    "deep-json-ld.html": f'<html><head><script type="application/ld+json">{"[" * 100_000}{"]" * 100_000}</script></head>{BODY}</html>',
}


def _batch(folder: Path, goods: int = 3) -> list[str]:
    folder.mkdir()
    for i in range(goods):
        (folder / f"good{i}.txt").write_text(GOOD, encoding="utf-8")
    for name, content in HOSTILE_FILES.items():
        (folder / name).write_text(content, encoding="utf-8")
    (folder / os.fsdecode(b"not-utf8-\xff.txt")).write_text(GOOD, encoding="utf-8")
    return sorted(os.fsdecode(p) for p in os.listdir(folder))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_hostile_file_is_cleaned_or_reported_and_the_batch_goes_on(
    tmp_path: Path, jobs: str
) -> None:
    names = _batch(tmp_path / "in", goods=40)  # over one chunk, so two jobs use workers
    too_long = str(tmp_path / ("x" * 300 + ".txt"))
    result = runner.invoke(
        app, [str(tmp_path / "in"), too_long, "-o", str(tmp_path / "out"), "-j", jobs]
    )
    assert "Traceback" not in result.output
    assert result.stderr.count("error: ") == 1 and "File name too long" in result.stderr, (
        result.stderr
    )
    assert result.exit_code == 1
    written = {os.fsdecode(p.name) for p in (tmp_path / "out").iterdir()}
    assert written == {str(Path(n).with_suffix(s)) for n in names for s in (".txt", ".json")}
    metadata = json.loads(
        (tmp_path / "out" / os.fsdecode(b"not-utf8-\xff.json")).read_text(encoding="utf-8")
    )
    assert metadata["source"].endswith("not-utf8-\\xff.txt")
    for name in HOSTILE_FILES:
        assert (tmp_path / "out" / name).with_suffix(".txt").read_text(encoding="utf-8").strip(), (
            name
        )


def test_a_url_that_cannot_be_read_is_no_url() -> None:
    result = runner.invoke(app, ["-", "--url", "http://[::1"], input=GOOD)
    assert result.exit_code == 0 and result.stdout == GOOD


def _die_once(marker: str) -> int:
    """Kill this worker the first time it meets item 40, as the OOM killer would."""
    path = Path(marker)
    if not path.exists():
        path.write_text("killed once", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGKILL)
    return 0


def _poison(x: int) -> int:
    if x == 40:
        os.kill(os.getpid(), signal.SIGKILL)
    if x == 41:
        raise RecursionError("maximum recursion depth exceeded")
    return 2 * x


def _lost(x: int, problem: str) -> str:
    return f"{x}: {problem}"


def test_an_item_that_kills_its_worker_twice_is_reported_and_the_rest_are_mapped() -> None:
    out = list(parallel.ordered_map(_poison, range(200), 2, lost=_lost))
    assert out[40] == "40: its worker process died (signal 9)"
    assert out[41] == "41: RecursionError: maximum recursion depth exceeded"
    assert [x for i, x in enumerate(out) if i not in (40, 41)] == [
        2 * i for i in range(200) if i not in (40, 41)
    ]


def test_a_worker_killed_once_costs_nothing(tmp_path: Path) -> None:
    marker = str(tmp_path / "marker")
    items = [marker if i == 40 else str(tmp_path / "never") for i in range(100)]
    (tmp_path / "never").write_text("", encoding="utf-8")
    assert list(parallel.ordered_map(_die_once, items, 2, lost=_lost)) == [0] * 100


def _slow(x: int) -> int:
    if x == 5:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        while True:  # stuck where no timer reaches
            pass
    return x


def test_an_item_past_the_hard_time_limit_is_killed_and_reported() -> None:
    out = list(parallel.ordered_map(_slow, range(64), 2, lost=_lost, limit=0.5))
    assert out[5] == "5: took longer than the time limit of 0.5 s"
    assert out[:5] + out[6:] == [x for x in range(64) if x != 5]
