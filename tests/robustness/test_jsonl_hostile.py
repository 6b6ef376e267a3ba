"""One JSONL record never kills the stream (issue 13, items 2 and 11): hostile records among good
ones, to stdout and to a file; streams with a BOM or in UTF-16; a line over --max-bytes."""

from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cleaner import records
from cleaner.cli import app

runner = CliRunner()
ARTICLE = "The council approved the budget on Tuesday after a long debate about the harbour."
GOOD = json.dumps({"id": "good", "text": ARTICLE})
HOSTILE = {
    "lone surrogate": b'{"id": "s", "text": "Caf\\udc80 ' + ARTICLE.encode() + b'"}',
    "5,000-digit number": b'{"id": ' + b"9" * 5000 + b', "text": "x"}',
    "nested 100,000 deep": b'{"id": 1, "text": "x", "extra": '
    + b"[" * 100_000
    + b"]" * 100_000
    + b"}",
    "bad url": b'{"id": "u", "url": "http://[::1", "text": "' + ARTICLE.encode() + b'"}',
    "invalid UTF-8 byte": b'{"id": "b", "text": "Caf\xe9 ' + ARTICLE.encode() + b'"}',
    "NaN": b'{"id": NaN, "text": "x"}',
    "Infinity": b'{"id": 1, "text": "x", "score": -Infinity}',
}


def _stream() -> bytes:
    lines = []
    for i in range(100):
        lines.append(json.dumps({"id": i, "text": ARTICLE}).encode())
        if i % 14 == 0 and i // 14 < len(HOSTILE):
            lines.append(list(HOSTILE.values())[i // 14])
    return b"\n".join(lines) + b"\n"


def _good_ids(lines: list[str]) -> list[object]:
    return [
        record["id"]
        for record in map(json.loads, lines)
        if "text" in record and isinstance(record["id"], int)
    ]


@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "-o"])
def test_hostile_records_cost_only_themselves(tmp_path: Path, to_file: bool) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(_stream())
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["--jsonl", str(src), *(["-o", str(out)] if to_file else [])])
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = out.read_text(encoding="utf-8").splitlines() if to_file else result.stdout.splitlines()
    assert _good_ids(lines) == list(range(100))
    by_id = {record["id"]: record for record in map(json.loads, lines)}
    assert (
        by_id["s"]["text"].startswith("Caf\ufffd")
        and "U+FFFD" in by_id["s"]["metadata"]["warnings"][0]
    )
    assert by_id["b"]["text"].startswith("Caf\ufffd") and by_id["u"]["text"] == ARTICLE + "\n"
    assert "NaN is not JSON" in result.stderr and "-Infinity is not JSON" in result.stderr
    assert "nested too deeply" in result.stderr and "4300" in result.stderr
    assert "NaN" not in "".join(lines).replace('"NaN', "")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_a_stream_with_a_byte_order_mark_is_read(encoding: str) -> None:
    data = "".join(json.dumps({"id": i, "text": ARTICLE}) + "\n" for i in range(3)).encode(encoding)
    assert data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE))
    result = runner.invoke(app, ["--jsonl", "-"], input=data)
    assert result.exit_code == 0, result.stderr
    assert _good_ids(result.stdout.splitlines()) == [0, 1, 2]


def test_a_line_over_max_bytes_is_reported_and_skipped_without_being_held() -> None:
    big = json.dumps({"id": "big", "text": ARTICLE * 100})
    result = runner.invoke(
        app, ["--jsonl", "-", "--max-bytes", "1000"], input=f"{GOOD}\n{big}\n{GOOD}\n"
    )
    assert result.exit_code == 1 and "-:2: over the --max-bytes limit of 1,000" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["good", "good"]


def test_a_missing_file_among_inputs_costs_only_itself(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(GOOD + "\n", encoding="utf-8")
    args = [
        "--jsonl",
        str(tmp_path / "a.jsonl"),
        str(tmp_path / "missing.jsonl"),
        str(tmp_path / "a.jsonl"),
    ]
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1 and "missing.jsonl: No such file or directory" in result.stderr
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_a_device_is_refused() -> None:
    result = runner.invoke(app, ["--jsonl", "/dev/zero"])
    assert result.exit_code == 1 and "/dev/zero: is not a file or a pipe" in result.stderr


def test_the_output_never_replaces_an_input(tmp_path: Path) -> None:
    src = tmp_path / "x.jsonl"
    src.write_text(GOOD + "\n", encoding="utf-8")
    result = runner.invoke(app, ["--jsonl", str(src), "-o", str(src)])
    assert result.exit_code == 2 and "is the input" in result.stderr
    assert src.read_text(encoding="utf-8") == GOOD + "\n"


def test_the_output_never_replaces_the_file_on_stdin(tmp_path: Path) -> None:
    """`clean --jsonl - -o f.jsonl < f.jsonl` emptied f.jsonl: stdin is a file too."""
    src = tmp_path / "x.jsonl"
    src.write_text(GOOD + "\n", encoding="utf-8")
    clean = Path(sys.executable).with_name("clean")
    with src.open("rb") as stdin:
        args = [str(clean), "--jsonl", "-", "-o", str(src)]
        result = subprocess.run(args, stdin=stdin, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "is the input read on stdin" in result.stderr
    assert src.read_text(encoding="utf-8") == GOOD + "\n"


class _Endless(io.RawIOBase):
    """`cat /dev/zero`: NUL bytes with no line end, ever; reading past `most` bytes is a
    failure of the reader (it would never have stopped), not a hang of the test."""

    def __init__(self, most: int) -> None:
        self.given, self.most = 0, most

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.given > self.most:
            raise AssertionError(f"read {self.given:,} bytes of an endless line and went on")
        view = memoryview(buffer).cast("B")
        view[:] = bytes(len(view))
        self.given += len(view)
        return len(view)


def test_an_endless_line_ends_its_input_with_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """`cat /dev/zero | clean --jsonl -` passed over the line for ever, in bounded memory but
    without end: what follows a line with no end within PASS_OVER_LIMIT bytes is not read."""
    monkeypatch.setattr(records, "PASS_OVER_LIMIT", 10 * 2**20, raising=False)
    endless = _Endless(most=100 * 2**20)
    found = list(records.lines(io.BufferedReader(endless), max_bytes=1000))
    assert len(found) == 1 and isinstance(found[0], records.RecordError)
    assert found[0].line == 1 and "no line end within 10,485,760 bytes" in found[0].problem
    assert endless.given <= 12 * 2**20


def _pour_zeros(fifo: Path, most: int) -> None:
    """Feed `fifo` NUL bytes until its reader leaves or `most` bytes have gone in."""
    with fifo.open("wb") as sink:
        try:
            for _ in range(most // 2**16):
                sink.write(bytes(2**16))
        except BrokenPipeError:  # the reader stopped: what the fix is for
            pass


def test_an_endless_pipe_costs_only_itself(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The input with no line end is reported by name; the file after it is still cleaned."""
    monkeypatch.setattr(records, "PASS_OVER_LIMIT", 10 * 2**20, raising=False)
    fifo, good = tmp_path / "zeros.jsonl", tmp_path / "good.jsonl"
    os.mkfifo(fifo)
    good.write_text(GOOD + "\n", encoding="utf-8")
    threading.Thread(target=_pour_zeros, args=(fifo, 100 * 2**20), daemon=True).start()
    result = runner.invoke(app, ["--jsonl", str(fifo), str(good), "--max-bytes", "1000"])
    assert result.exit_code == 1
    assert "zeros.jsonl:1: over the --max-bytes limit of 1,000 with no line end" in result.stderr
    assert "the rest of the input is not read" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["good"]
