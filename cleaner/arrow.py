"""Clean a column of Arrow data: the batch function any engine can call (Spark's mapInArrow,
Ray Data's map_batches, Dask, Hugging Face `datasets.map(batched=True)`).

Needs the `arrow` extra (pyarrow). Input: a Table or RecordBatch with a text column (string, or
binary read as `clean_bytes` reads a file) and, optionally, url and outlet columns. Output: the
same, schema metadata kept (a pandas index survives the round trip), with `clean_text`, a
`metadata` struct and `clean_error` appended. The struct's type is `output_schema(fields)`,
fixed whatever the rows hold, so shards always agree. A row that cannot be cleaned (binary in a
text column, an unknown outlet, a url that is no string) has null text and metadata and its
problem in `clean_error`: one bad row never costs the batch, as one bad record never costs a
JSONL stream.
"""

from __future__ import annotations

import types
from dataclasses import is_dataclass
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

from . import default_cleaner
from .batch import failed
from .budget import DEFAULT_SECONDS, time_limit
from .result import Metadata, Result, field_types
from .selection import Fields, metadata_keys, selected

if TYPE_CHECKING:
    import pyarrow as pa

    from .pipeline import Cleaner

TEXT_OUT = "clean_text"
METADATA_OUT = "metadata"
ERROR_OUT = "clean_error"


def _optional(annotation: Any) -> Any:
    """`X | None` as X."""
    if get_origin(annotation) in (Union, types.UnionType):
        return next(a for a in get_args(annotation) if a is not type(None))
    return annotation


def _arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a result field. A dict (`removed_by_kind`) is a list of key/value
    structs, which datasets and Spark both read (datasets has no map type)."""
    import pyarrow as pa

    annotation, origin = _optional(annotation), get_origin(_optional(annotation))
    args = get_args(annotation)
    if isinstance(annotation, type) and is_dataclass(annotation):
        return pa.struct([pa.field(n, _arrow_type(t)) for n, t in field_types(annotation).items()])
    if origin in (list, tuple):
        return pa.list_(_arrow_type(args[0]))
    if origin is dict:
        pair = [("key", _arrow_type(args[0])), ("value", _arrow_type(args[1]))]
        return pa.list_(pa.struct(pair))
    scalars = {str: pa.string(), int: pa.int64(), bool: pa.bool_(), float: pa.float64()}
    return pa.string() if origin is Literal else scalars[annotation]


def _arrow_value(annotation: Any, value: Any) -> Any:
    """A JSON-ready value shaped for `_arrow_type(annotation)`: dicts become key/value lists."""
    annotation = _optional(annotation)
    if value is None:
        return None
    if isinstance(annotation, type) and is_dataclass(annotation):
        return {
            n: _arrow_value(t, value[n]) for n, t in field_types(annotation).items() if n in value
        }
    if get_origin(annotation) is dict:
        return [{"key": k, "value": v} for k, v in value.items()]
    return value


def metadata_type(fields: Fields = "all") -> pa.StructType:
    """The `metadata` column's struct type for a choice of `fields` ("core" or "all")."""
    import pyarrow as pa

    keys = metadata_keys(fields)
    return pa.struct([pa.field(k, _arrow_type(field_types(Metadata)[k])) for k in keys])


def output_schema(fields: Fields = "all") -> pa.Schema:
    """The columns `clean_batch` appends: `clean_text`, `metadata` unless fields="text", and
    `clean_error` (null for a row cleaned)."""
    import pyarrow as pa

    columns = [pa.field(TEXT_OUT, pa.string())]
    if metadata_keys(fields):
        columns.append(pa.field(METADATA_OUT, metadata_type(fields)))
    return pa.schema([*columns, pa.field(ERROR_OUT, pa.string())])


def output_features(fields: Fields = "all") -> Any:
    """The appended columns as `datasets.Features`, for `Dataset.map(..., features=...)`."""
    import datasets

    return datasets.Features.from_arrow_schema(output_schema(fields))


def jsonl_features(fields: Fields = "all", id_type: str = "string") -> Any:
    """`datasets.Features` of `clean --jsonl --fields FIELDS` output records, for
    `load_dataset("json", data_files=shards, features=...)`: shards whose rows differ (one whose
    `outlet` is always null) then load as one. `id_type`: a `datasets.Value` dtype."""
    import datasets

    record = {
        "id": datasets.Value(id_type),
        "text": datasets.Value("string"),
        "error": datasets.Value("string"),
    }
    if metadata_keys(fields):
        metadata = dict(datasets.Features.from_arrow_schema(output_schema(fields))[METADATA_OUT])
        for key in metadata:  # a JSON object with keys of its own: kept as JSON
            if get_origin(_optional(field_types(Metadata)[key])) is dict:
                metadata[key] = datasets.Json()
        record[METADATA_OUT] = metadata
    return datasets.Features(record)


def clean_batch(
    data: pa.Table | pa.RecordBatch,
    cleaner: Cleaner | None = None,
    *,
    fields: Fields = "all",
    text_column: str = "text",
    url_column: str | None = "url",
    outlet_column: str | None = "outlet",
    seconds: float | None = DEFAULT_SECONDS,
) -> Any:
    """`data` (a Table or RecordBatch, returned as the same) with the `output_schema(fields)`
    columns appended and its schema metadata kept; absent url/outlet columns are ignored, a
    null text gives null outputs and a row that cannot be cleaned its problem in `clean_error`,
    one that takes longer than `seconds` too (`clean`'s default limit; None for none; in a
    process's main thread only, as `budget` says). Columns of those names already in `data`
    are a ValueError: they would be doubled."""
    import pyarrow as pa

    cleaner = cleaner or default_cleaner()
    appended = output_schema(fields)
    names = data.schema.names
    taken = [name for name in appended.names if name in names]
    if taken:
        raise ValueError(f"the data already has column(s) {', '.join(taken)}; rename them first")
    texts = data.column(text_column).to_pylist()
    none = [None] * len(texts)
    urls = data.column(url_column).to_pylist() if url_column in names else none
    outlets = data.column(outlet_column).to_pylist() if outlet_column in names else none
    cleaned: list[str | None] = []
    metadata: list[Any] = []
    errors: list[str | None] = []
    for row, (text, url, outlet) in enumerate(zip(texts, urls, outlets)):
        result = None if text is None else _clean_row(cleaner, text, url, outlet, seconds)
        done = result if isinstance(result, Result) else None
        cleaned.append(done.text if done else None)
        chosen = selected(done.metadata, fields) if done else None
        metadata.append(_arrow_value(Metadata, chosen))  # a part: fields it lacks are skipped
        errors.append(f"row {row}: {result}" if isinstance(result, str) else None)
    columns = [*data.columns, pa.array(cleaned, pa.string())]
    if METADATA_OUT in appended.names:
        columns.append(pa.array(metadata, appended.field(METADATA_OUT).type))
    columns.append(pa.array(errors, pa.string()))
    schema = pa.schema([*data.schema, *appended], metadata=data.schema.metadata)
    kind = pa.Table if isinstance(data, pa.Table) else pa.RecordBatch
    return kind.from_arrays(columns, schema=schema)


def _clean_row(
    cleaner: Cleaner, text: Any, url: Any, outlet: Any, seconds: float | None
) -> Result | str:
    """A row's result, or what is wrong with it (`batch.failed`'s words)."""
    if not isinstance(text, (str, bytes)):
        return f"text must be a string, not {type(text).__name__}"
    for name, value in (("url", url), ("outlet", outlet)):
        if value is not None and not isinstance(value, str):
            return f"{name} must be a string, not {type(value).__name__}"
    try:
        with time_limit(seconds):
            if isinstance(text, bytes):
                return cleaner.clean_bytes(text, url=url, outlet=outlet)
            return cleaner.clean_text(text, url=url, outlet=outlet)
    except Exception as err:  # noqa: BLE001 - one row's failure is that row's answer
        return failed(err)


__all__ = [
    "ERROR_OUT",
    "METADATA_OUT",
    "TEXT_OUT",
    "clean_batch",
    "jsonl_features",
    "metadata_type",
    "output_features",
    "output_schema",
]
