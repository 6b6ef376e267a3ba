"""What the fuzzer (scripts/fuzz.py) feeds its inputs to, and the suite replays its corpus
through (test_fuzz_corpus.py): each target takes bytes and may refuse them (InputError), but
never raise anything else, never take longer than HANG_SECONDS and always write valid output."""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from cleaner import Cleaner, batch, records
from cleaner.budget import OutOfTime, time_limit
from cleaner.inputs import plan
from cleaner.read import InputError
from cleaner.write import atomic_write

CORPUS = Path(__file__).resolve().parent / "corpus"
HANG_SECONDS = 20.0
MAX_LINE_BYTES = 2**20
GOOD = "Good article text in a paragraph of its own, long enough to be kept by the cleaner.\n"
_CLEANER = Cleaner()


class FuzzFailure(Exception):
    """An input that broke a target: kept with the target's name for the corpus."""

    def __init__(self, target: str, data: bytes, cause: BaseException) -> None:
        super().__init__(f"{target}: {type(cause).__name__}: {cause}")
        self.target, self.data = target, data


def _text(data: bytes) -> None:
    _CLEANER.clean_bytes(data, source="x.txt").model_dump_json()


def _html(data: bytes) -> None:
    _CLEANER.clean_bytes(data, source="x.html").model_dump_json()


def _refuse(name: str) -> None:
    raise ValueError(f"{name} in an output line")


def _jsonl(data: bytes) -> None:
    batch.init_worker(batch.Work(_CLEANER))
    for item in records.read(records.lines(io.BytesIO(data), MAX_LINE_BYTES)):
        if isinstance(item, records.Record):
            line, _ = batch.clean_record((item, "in.jsonl"))
            json.loads(line.encode("utf-8"), parse_constant=_refuse)


def _name(data: bytes) -> None:
    """A file named with the bytes (as far as a name can hold them) is cleaned and written."""
    name = data.replace(b"/", b"_").replace(b"\0", b"_")[:200].lstrip(b".") or b"x"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / os.fsdecode(name + b".txt")
        path.write_text(GOOD, encoding="utf-8")
        batch.init_worker(batch.Work(_CLEANER))
        for job in plan([folder]).jobs:
            outcome = batch.clean_file(job.path)
            assert not isinstance(outcome, str), outcome
            atomic_write(
                Path(folder) / "out" / job.out_stem.with_suffix(".json"), outcome.metadata_json
            )
            json.loads(outcome.metadata_json)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "text": _text,
    "html": _html,
    "jsonl": _jsonl,
    "name": _name,
}


def run_target(target: str, data: bytes) -> None:
    """Feed `data` to `target`; FuzzFailure for anything but a refusal."""
    try:
        with time_limit(HANG_SECONDS):
            TARGETS[target](data)
    except InputError:
        pass
    except (Exception, OutOfTime) as err:  # noqa: BLE001 - every other exception is a finding
        raise FuzzFailure(target, data, err) from err
