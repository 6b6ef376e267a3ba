"""`clean --jsonl`: records in, records out, in order, malformed lines reported or fatal."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app

from .conftest import SEEDS

runner = CliRunner()
ARTICLE = "ADVERTISEMENT\n\nThe council approved the budget on Tuesday after a long debate."


def _lines(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_stdin_to_stdout_one_record_per_input() -> None:
    html = "<!doctype html><html><body><p>Words of an article that is long enough to be one.</p></body></html>"
    result = runner.invoke(
        app, ["--jsonl", "-"], input=_lines({"id": "a", "text": ARTICLE}, {"id": "b", "html": html})
    )
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    assert out[0]["text"] == "The council approved the budget on Tuesday after a long debate.\n"
    assert out[1]["text"] == "Words of an article that is long enough to be one.\n"
    assert out[0]["metadata"]["removed"][0]["rule"] == "generic.advertisement"


def test_a_malformed_line_is_reported_with_its_number_and_skipped(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        _lines({"id": 1, "text": ARTICLE}, "{oops", {"id": 3, "text": ARTICLE}), encoding="utf-8"
    )
    result = runner.invoke(app, ["--jsonl", str(src), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    assert f"{src}:2: not valid JSON" in result.stderr
    out = [
        json.loads(line)
        for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [o["id"] for o in out] == [1, 3]
    assert out[0]["metadata"]["source"] == f"{src}:1"


def test_strict_stops_at_the_first_malformed_line_and_keeps_the_records_before_it(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        _lines({"id": 1, "text": ARTICLE}, "[1]", {"id": 3, "text": ARTICLE}), encoding="utf-8"
    )
    result = runner.invoke(
        app, ["--jsonl", "--strict", str(src), "-o", str(tmp_path / "out.jsonl")]
    )
    assert result.exit_code == 1 and "must be a JSON object" in result.stderr
    assert (
        "stopped at the first malformed line (--strict); 1 record before it written"
        in result.stderr
    )
    out = [
        json.loads(line)
        for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [o["id"] for o in out] == [1] and not list(tmp_path.glob(".out.jsonl*"))


def test_a_record_that_cannot_be_cleaned_keeps_its_place_with_an_error() -> None:
    result = runner.invoke(
        app,
        ["--jsonl", "-"],
        input=_lines({"id": 1, "text": ARTICLE, "outlet": "nope"}, {"id": 2, "text": ARTICLE}),
    )
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1 and [o["id"] for o in out] == [1, 2]
    assert "no rule pack with id 'nope'" in out[0]["error"] and "text" in out[1]


def test_two_jobs_keep_the_input_order(tmp_path: Path) -> None:
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS] * 20
    src = tmp_path / "in.jsonl"
    src.write_text(_lines(*({"id": i, "text": t} for i, t in enumerate(texts))), encoding="utf-8")
    one = runner.invoke(app, ["--jsonl", str(src), "-j", "1"]).stdout
    two = runner.invoke(app, ["--jsonl", str(src), "-j", "2"]).stdout
    assert one == two and [json.loads(line)["id"] for line in two.splitlines()] == list(
        range(len(texts))
    )


def test_files_with_two_jobs_match_one_job(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"{i:02d}.txt").write_text(
            SEEDS[i % len(SEEDS)].read_text(encoding="utf-8"), encoding="utf-8"
        )
    for jobs in ("1", "2"):
        assert (
            runner.invoke(app, [str(src), "-o", str(tmp_path / f"out{jobs}"), "-j", jobs]).exit_code
            == 0
        )
    for out in sorted((tmp_path / "out1").iterdir()):
        assert out.read_bytes() == (tmp_path / "out2" / out.name).read_bytes()


@pytest.mark.parametrize(
    ("asked", "items", "workers"),
    [(200, None, 4), (None, None, 4), (200, 3, 3), (2, 100, 2), (None, 0, 1), (1, None, 1)],
)
def test_workers_are_bounded_by_the_cores_and_the_inputs(
    monkeypatch: pytest.MonkeyPatch, asked: int | None, items: int | None, workers: int
) -> None:
    """`-j 200` started 200 workers of 100 MB and more each, on any machine."""
    from cleaner import parallel

    monkeypatch.setattr(parallel, "usable_cores", lambda: 4)
    assert parallel.worker_count(asked, items) == workers


@pytest.mark.parametrize("jsonl", [False, True])
def test_jobs_past_the_cores_start_no_more_workers_than_the_cores(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, jsonl: bool
) -> None:
    from cleaner import parallel
    from cleaner.cli import stream

    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    given: list[int] = []

    def ordered_map(fn: object, items: Iterable[object], jobs: int, *rest: object) -> Iterator:
        given.append(jobs)
        return iter([])

    monkeypatch.setattr(parallel, "ordered_map", ordered_map)
    monkeypatch.setattr(stream, "ordered_map", ordered_map)
    (tmp_path / "in").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "in" / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text(_lines({"id": 1, "text": ARTICLE}), encoding="utf-8")
    args = ["--jsonl", str(src)] if jsonl else [str(tmp_path / "in"), "-o", str(tmp_path / "out")]
    runner.invoke(app, [*args, "-j", "200"])
    assert given == [2]


def test_dash_as_the_output_file_is_stdout(tmp_path: Path) -> None:
    """`-o -` writes to stdout as no -o does, and never a file named `-`."""
    src = tmp_path / "in.jsonl"
    src.write_text(_lines({"id": 1, "text": ARTICLE}), encoding="utf-8")
    given = runner.invoke(app, ["--jsonl", str(src), "-o", "-"])
    omitted = runner.invoke(app, ["--jsonl", str(src)])
    assert given.exit_code == 0 and given.stdout == omitted.stdout
    assert json.loads(given.stdout)["id"] == 1 and not (Path.cwd() / "-").exists()


def test_a_folder_as_the_output_file_is_refused_before_any_work(tmp_path: Path) -> None:
    """It was found only at the end, every record cleaned, as a temporary file's error."""
    result = runner.invoke(
        app, ["--jsonl", "-", "-o", str(tmp_path)], input=_lines({"id": 1, "text": ARTICLE})
    )
    assert result.exit_code == 2 and f"-o {tmp_path} is a folder" in result.stderr


def test_an_id_in_a_message_is_escaped_and_cut_short() -> None:
    """The output line keeps the id whole; stderr shows it as it shows a file name."""
    ids = ["\u202eevil\x9b", "x" * 100_000]
    records = [{"id": i, "text": ARTICLE, "outlet": "nope"} for i in ids]
    result = runner.invoke(app, ["--jsonl", "-"], input=_lines(*records))
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ids
    assert 'record "\\u202eevil\\x9b": line 1:' in result.stderr
    assert max(map(len, result.stderr.splitlines())) < 300
