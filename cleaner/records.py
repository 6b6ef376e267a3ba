"""JSONL records: one document per line in, one result per line out.

An input record is a JSON object with `text` or `html` and, optionally, `id`, `url` and
`outlet`. The output record carries the `id` back with the canonical `text` and `metadata`.
A malformed line is a `RecordError` naming its line number; the caller skips or stops.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .packs import PackError
from .pipeline import Cleaner
from .read import InputError

CONTENT_KEYS = ("text", "html")


class RecordError(ValueError):
    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Record:
    line: int
    content: str
    html: bool | None = None  # True for an "html" record; a "text" one is told by its first characters
    id: Any = None
    url: str | None = None
    outlet: str | None = None


def parse(line: str, number: int) -> Record:
    """One JSONL line as a Record, or RecordError saying what is wrong with it."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise RecordError(number, f"not valid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(data, dict):
        raise RecordError(number, f"a record must be a JSON object, not {type(data).__name__}")
    given = next((k for k in CONTENT_KEYS if k in data), None)
    content = data[given] if given else None
    if not isinstance(content, str):
        raise RecordError(number, 'a record needs a string "text" or "html"')
    for key in ("url", "outlet"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise RecordError(number, f'"{key}" must be a string')
    return Record(number, content, True if given == "html" else None, data.get("id"), data.get("url"), data.get("outlet"))


def read(lines: Iterable[str]) -> Iterator[Record | RecordError]:
    """Records of a JSONL stream, lazily, with errors in their place; blank lines are skipped."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                yield parse(line, number)
            except RecordError as err:
                yield err


def clean(cleaner: Cleaner, record: Record, source: str | None = None) -> tuple[str, str | None]:
    """The output record as a JSONL line, with id, text and metadata (source is `NAME:LINE` when
    a name is given), and None. A record that cannot be cleaned (binary content, an unknown
    outlet) gets a line with an `error` instead, also returned as the second item, so one bad
    record never stops a stream and every input still has its output line."""
    where = f"{source}:{record.line}" if source else None
    try:
        result = cleaner.clean_text(record.content, url=record.url, outlet=record.outlet, source=where, html=record.html)
    except (InputError, PackError) as err:
        problem = f"line {record.line}: {err}"
        return f'{{"id":{_json(record.id)},"error":{_json(problem)}}}\n', problem
    # pydantic writes the metadata's JSON itself: a third of the time of a dict through json.dumps
    return f'{{"id":{_json(record.id)},"text":{_json(result.text)},"metadata":{result.metadata.model_dump_json()}}}\n', None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
