"""JSONL records: one document per line in, one result per line out.

An input record is a JSON object with `text` or `html` and, optionally, `id`, `url` and
`outlet`. The output record carries the `id` back with the canonical `text` and `metadata`.
A malformed line is a `RecordError` naming its line number; the caller skips or stops.

A stream is read as bytes, a line at a time and never more than the size limit of one line,
so a line without end (`/dev/zero`) costs bounded memory; one with no end within PASS_OVER_LIMIT
bytes ends the reading of its input, in bounded time. A byte-order mark says UTF-8, UTF-16
or UTF-32; bytes that are not valid UTF-8 and lone surrogates (`"\\udc80"`) become U+FFFD
with a warning in the record's metadata. What JSON itself forbids (`NaN`, `Infinity`), what
Python's reader refuses (numbers of thousands of digits, nesting thousands deep) and what
could not be written back (an id nested too deeply) is a malformed line.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

from .encoding import surrogates_warning, without_surrogates
from .names import shown
from .packs import PackError
from .pipeline import Cleaner
from .read import InputError
from .selection import metadata_keys

CONTENT_KEYS = ("text", "html")
SKIP_CHUNK = 2**20  # bytes read at a time while passing over a line that is too long
ID_SHOWN_CHARS = 80  # of a record's id in a message
# How far a line too long to hold is passed over in search of its end before the rest of its
# input is given up: far past any record, and a few seconds of reading.
PASS_OVER_LIMIT = 2**30
# Byte-order marks of a whole stream; without one a stream is UTF-8.
_STREAM_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class RecordError(ValueError):
    """A JSONL line that is no record; `line` is its number, `problem` what is wrong."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Record:
    line: int
    content: str
    html: bool | None = (
        None  # True for an "html" record; a "text" one is told by its first characters
    )
    id: Any = None
    url: str | None = None
    outlet: str | None = None
    warnings: tuple[str, ...] = ()  # what reading the line had to mend

    @property
    def id_json(self) -> str:
        return _id_json(self.id)

    @property
    def id_shown(self) -> str:
        """The id as a message shows it: escaped as a file name is, and cut short (a 2 MB id
        made a 2 MB line on stderr)."""
        text = self.id_json
        return shown(text if len(text) <= ID_SHOWN_CHARS else f"{text[:ID_SHOWN_CHARS]}…")


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def _mended(value: Any, mended: list[int]) -> Any:
    """A string with its surrogates (not Unicode, cannot be written as UTF-8) as U+FFFD."""
    if isinstance(value, str):
        value, count = without_surrogates(value)
        mended[0] += count
    return value


def parse(line: str, number: int) -> Record:
    """One JSONL line as a Record, or RecordError saying what is wrong with it."""
    try:
        data = json.loads(line, parse_constant=_refuse_constant)
    except json.JSONDecodeError as err:
        raise RecordError(number, f"not valid JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:
        raise RecordError(number, "not valid JSON here: nested too deeply") from None
    except ValueError as err:  # NaN, Infinity; an integer of more than 4,300 digits
        raise RecordError(number, f"not valid JSON here ({err})") from None
    if not isinstance(data, dict):
        raise RecordError(number, f"a record must be a JSON object, not {type(data).__name__}")
    given = next((k for k in CONTENT_KEYS if k in data), None)
    content = data[given] if given else None
    if not isinstance(content, str):
        raise RecordError(number, 'a record needs a string "text" or "html"')
    for key in ("url", "outlet"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise RecordError(number, f'"{key}" must be a string')
    try:
        _id_json(data.get("id"))
    except RecursionError:
        raise RecordError(number, '"id" cannot be written back: nested too deeply') from None
    except ValueError:  # 1e400 reads as an infinite float, which JSON cannot write
        raise RecordError(number, '"id" cannot be written back: a number past range') from None
    mended = [0]
    content, url, outlet = (
        _mended(v, mended) for v in (content, data.get("url"), data.get("outlet"))
    )
    warnings = (surrogates_warning(mended[0]),) if mended[0] else ()
    html = True if given == "html" else None
    return Record(number, content, html, data.get("id"), url, outlet, warnings)


def read(lines: Iterable[str | RecordError]) -> Iterator[Record | RecordError]:
    """Records of a JSONL stream, lazily, with errors in their place; blank lines are skipped."""
    for number, line in enumerate(lines, start=1):
        if isinstance(line, RecordError):
            yield line
        elif line.strip():
            try:
                yield parse(line, number)
            except RecordError as err:
                yield err


def lines(stream: BinaryIO, max_bytes: int) -> Iterator[str | RecordError]:
    """A binary stream's lines as text, each at most `max_bytes` long: a longer one is passed
    over in pieces, never held, and stands as a RecordError in its place. Bytes that are not
    valid UTF-8 stay as surrogates for `parse` to mend."""
    if not hasattr(stream, "peek"):  # a BytesIO, say
        stream = io.BufferedReader(cast(io.RawIOBase, stream))
    head = stream.peek(4)[:4]
    encoding = next((name for bom, name in _STREAM_BOMS if head.startswith(bom)), None)
    if encoding in ("utf-16", "utf-32"):
        text = io.TextIOWrapper(stream, encoding, errors="replace", newline="\n")
        yield from _limited(text.readline, max_bytes, "\n", str)
        return
    if encoding:
        stream.read(len(codecs.BOM_UTF8))
    yield from _limited(
        stream.readline, max_bytes, b"\n", lambda line: line.decode("utf-8", "surrogateescape")
    )


def _limited(
    readline: Callable[[int], Any], max_bytes: int, newline: Any, decode: Callable[[Any], str]
) -> Iterator[str | RecordError]:
    number = 0
    while line := readline(max_bytes + 1):
        number += 1
        if len(line) <= max_bytes or line.endswith(newline):
            yield decode(line)
            continue
        over = f"over the --max-bytes limit of {max_bytes:,}"
        if not _passed_over(readline, newline):
            end = f"with no line end within {PASS_OVER_LIMIT:,} bytes after it"
            yield RecordError(number, f"{over} {end}; the rest of the input is not read")
            return
        yield RecordError(number, over)


def _passed_over(readline: Callable[[int], Any], newline: Any) -> bool:
    """Read on to the end of a line too long to hold; False when none comes within
    PASS_OVER_LIMIT, since a stream without line ends (`cat /dev/zero`) would never end."""
    passed = 0
    while passed < PASS_OVER_LIMIT:
        rest = readline(SKIP_CHUNK)
        if not rest or rest.endswith(newline):
            return True
        passed += len(rest)
    return False


def clean(
    cleaner: Cleaner, record: Record, source: str | None = None, fields: str = "all"
) -> tuple[str, str | None]:
    """The output record as a JSONL line, with id, text and the metadata `fields` asks for
    (`cleaner.selection`; source is `NAME:LINE` when a name is given), and None. A record that
    cannot be cleaned (binary content, an unknown outlet) gets a line with an `error` instead,
    also returned as the second item, so one bad record never stops a stream and every input
    still has its output line."""
    where = f"{source}:{record.line}" if source else None
    try:
        result = cleaner.clean_text(
            record.content, url=record.url, outlet=record.outlet, source=where, html=record.html
        )
    except (InputError, PackError) as err:
        return error_line(record, str(err))
    result.metadata.warnings.extend(record.warnings)
    # pydantic writes the metadata's JSON itself: a third of the time of a dict through json.dumps
    keys = metadata_keys(fields)
    chosen = None if fields == "all" else set(keys)  # "all": exactly the bytes it always wrote
    metadata = f',"metadata":{result.metadata.model_dump_json(include=chosen)}' if keys else ""
    return f'{{"id":{record.id_json},"text":{_json(result.text)}{metadata}}}\n', None


def error_line(record: Record, problem: str) -> tuple[str, str]:
    """The output line of a record that could not be cleaned, and its problem."""
    problem = f"line {record.line}: {problem}"
    return f'{{"id":{record.id_json},"error":{_json(problem)}}}\n', problem


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _id_json(value: Any) -> str:
    """An id as given, as JSON that can be written: with ASCII escapes when it holds what UTF-8
    cannot carry (a lone surrogate)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, separators=(",", ":"))
    return text
