"""Shell manners, as ripgrep and ruff have them: stdin read when piped, usage errors on stderr,
a quiet end on a closed pipe, -q, -v, -V, completion, flags shown as flags, a count-and-rate bar
for --jsonl on a terminal, and output folders passed over when walking inputs."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.version import __version__

from .conftest import ROOT, SEEDS, expected_text

CLEAN = Path(sys.executable).with_name("clean")
SEED = SEEDS[4]


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLEAN), *args],
        input=None if stdin is None else stdin.decode(),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def _on_a_terminal(*args: str, stdin_tty: bool = True) -> tuple[int, str]:
    """Run with stderr (and stdin, unless told) on a pseudo-terminal: its exit code and what
    the terminal showed."""
    leader, follower = pty.openpty()
    stdin = follower if stdin_tty else subprocess.DEVNULL
    process = subprocess.Popen(
        [str(CLEAN), *args],
        stdin=stdin,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "100"},
    )
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        try:
            chunk = os.read(leader, 65536) if ready else b""
        except OSError:  # the terminal's other side closed: the run ended
            chunk = b""
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return process.wait(timeout=60), shown.decode("utf-8", "replace")


def test_piped_stdin_needs_no_dash() -> None:
    done = _run(stdin=SEED.read_bytes())
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected_text(SEED.stem)


def test_no_input_on_a_terminal_is_a_usage_error_on_stderr() -> None:
    code, shown = _on_a_terminal()
    assert code == 2 and "no input" in shown


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    records = tmp_path / "in.jsonl"
    text = SEED.read_text(encoding="utf-8")
    records.write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in range(300)))
    script = f"'{CLEAN}' --jsonl '{records}' -j 1 | head -c 100 >/dev/null; echo ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip() == "0" and done.stderr == ""


def test_quiet_verbose_and_version(tmp_path: Path) -> None:
    quiet = _run(str(SEED), "-o", str(tmp_path / "q"), "-q")
    assert quiet.returncode == 0 and quiet.stderr == ""
    loud = _run(str(SEED), "-o", str(tmp_path / "v"), "-v")
    assert f"{SEED.name} -> " in loud.stderr and "1 file cleaned" in loud.stderr
    assert _run("-V").stdout == f"cleaner {__version__}\n"


def test_completion_and_flags_shown_as_flags() -> None:
    assert "_CLEAN_COMPLETE" in _run("--completion", "bash").stdout
    asked = {
        **os.environ,
        "_CLEAN_COMPLETE": "complete_bash",
        "COMP_WORDS": "clean --fail",
        "COMP_CWORD": "1",
    }
    offered = subprocess.run([str(CLEAN)], env=asked, capture_output=True, text=True, timeout=60)
    assert "--fail-fast" in offered.stdout
    shown = _run("--help").stdout
    assert "--fail-fast" in shown and "<bool>" not in shown


@pytest.mark.parametrize(
    "command", [("rules",), ("rules", "suggest"), ("rules", "list"), ("explain",)]
)
def test_subcommands_show_flags_as_flags(command: tuple[str, ...]) -> None:
    shown = _run(*command, "--help").stdout
    assert "--help" in shown and "<bool>" not in shown
    assert _run(*command, "-h").stdout == shown


def test_jsonl_shows_a_count_and_rate_on_a_terminal(tmp_path: Path) -> None:
    records = tmp_path / "in.jsonl"
    text = SEED.read_text(encoding="utf-8")  # long enough for the bar to be drawn at least once
    records.write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in range(100)))
    code, shown = _on_a_terminal(
        "--jsonl", str(records), "-o", str(tmp_path / "out.jsonl"), "-j", "1", stdin_tty=False
    )
    assert code == 0 and "records" in shown and "it/s" in shown


def test_the_output_folder_is_not_an_input(tmp_path: Path) -> None:
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"))
    for _ in range(2):  # the second run finds out/a.txt inside scraped/ and passes over it
        done = _run(str(folder), "-o", str(folder / "out"))
        assert done.returncode == 0, done.stderr
        assert "1 file cleaned" in done.stderr
    assert not (folder / "out" / "out").exists()


@pytest.mark.parametrize("args", [("-",), ("--jsonl", "-")])
def test_a_closed_stdout_is_a_usage_error_not_a_traceback(args: tuple[str, ...]) -> None:
    """With stdout closed (`>&-`) the run ended in an AttributeError after cleaning."""
    record = json.dumps({"id": 1, "text": "The council met on Tuesday and approved the budget."})
    given = record if "--jsonl" in args else "The council met on Tuesday and approved the budget."
    done = subprocess.run(
        [str(CLEAN), *args],
        input=given + "\n",
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2 and "standard output is closed" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_closed_stdin_fails_alone(tmp_path: Path) -> None:
    """With stdin closed (`<&-`) `-` ended in an AttributeError, and the records of the other
    inputs were lost with it."""
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": 1, "text": "The council met on Tuesday."}) + "\n")
    out = tmp_path / "out.jsonl"
    for args in (["-"], ["--jsonl", str(good), "-", "-o", str(out)]):
        done = subprocess.run(
            [str(CLEAN), *args],
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=lambda: os.close(0),
        )
        assert done.returncode == 1 and "-: standard input is closed" in done.stderr
        assert "Traceback" not in done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == 1


def test_jsonl_from_stdin_to_a_file_needs_no_stdout(tmp_path: Path) -> None:
    """`clean --jsonl - -o FILE >&-` writes FILE: only output bound for stdout needs it."""
    record = json.dumps({"id": 1, "text": "The council met on Tuesday and approved the budget."})
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [str(CLEAN), "--jsonl", "-", "-o", str(out)],
        input=record + "\n",
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == 1


@pytest.mark.parametrize(
    "args",
    [
        ("explain", str(SEED)),
        ("rules", "list"),
        ("rules", "check"),
        ("rules", "test"),
        ("rules", "suggest", "--outlet", "x", str(SEEDS[0]), str(SEEDS[1])),
        ("--version",),
        ("--help",),
        ("--completion", "bash"),
    ],
)
def test_every_command_writing_to_a_closed_stdout_is_a_usage_error(args: tuple[str, ...]) -> None:
    """`>&-` before the start: explain, rules list and --version exited 0 having written nothing,
    rules suggest ended in a traceback; now each stops as `clean -` does, before any work."""
    done = subprocess.run(
        ["bash", "-c", '"$@" >&-', "bash", str(CLEAN), *args],
        check=False,
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 2, done.stderr
    assert "standard output is closed" in done.stderr and "Traceback" not in done.stderr


def _run_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLEAN), *args], capture_output=True, text=True, cwd=folder, timeout=120
    )


def test_dash_as_output_folder_is_a_usage_error_not_a_folder_named_dash(tmp_path: Path) -> None:
    """`clean page.txt -o -` wrote ./-/page.txt: `-` means stdout everywhere else."""
    done = _run_in(tmp_path, str(SEED), "-o", "-")
    assert done.returncode == 2 and "clean - < FILE" in done.stderr
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("rules", "suggest", "--outlet", "x", str(SEEDS[0]), str(SEEDS[1]), "-o", "-"),
        ("rules", "new", "made-up-outlet", "-o", "-"),
    ],
)
def test_rules_writing_a_pack_to_dash_write_stdout(tmp_path: Path, args: tuple[str, ...]) -> None:
    """`rules suggest -o -` wrote a file named `-`."""
    done = _run_in(tmp_path, *args)
    assert done.returncode == 0, done.stderr
    assert "outlet:" in done.stdout or "id:" in done.stdout
    assert not (tmp_path / "-").exists()
