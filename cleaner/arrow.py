"""Clean a column of Arrow data: the batch function any engine can call (Spark's mapInArrow,
Ray Data's map_batches, Dask, Hugging Face `datasets.map(batched=True)` through pyarrow).

Needs the `arrow` extra (pyarrow). Input: a text column and, optionally, url and outlet
columns. Output: the same batch with `clean_text` and `metadata` (JSON) columns appended.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from . import default_cleaner

if TYPE_CHECKING:
    import pyarrow as pa

    from .pipeline import Cleaner

TEXT_OUT = "clean_text"
METADATA_OUT = "metadata"


def clean_batch(
    batch: pa.RecordBatch,
    cleaner: Cleaner | None = None,
    text_column: str = "text",
    url_column: str | None = "url",
    outlet_column: str | None = "outlet",
) -> pa.RecordBatch:
    """`batch` with `clean_text` and `metadata` appended; absent url/outlet columns are ignored."""
    import pyarrow as pa

    cleaner = cleaner or default_cleaner()
    names = batch.schema.names
    texts = batch.column(text_column).to_pylist()
    urls = batch.column(url_column).to_pylist() if url_column in names else [None] * len(texts)
    outlets = batch.column(outlet_column).to_pylist() if outlet_column in names else [None] * len(texts)
    cleaned, metadata = [], []
    for text, url, outlet in zip(texts, urls, outlets):
        if text is None:
            cleaned.append(None)
            metadata.append(None)
            continue
        result = cleaner.clean_text(text, url=url, outlet=outlet)
        cleaned.append(result.text)
        metadata.append(json.dumps(result.metadata.model_dump(mode="json"), ensure_ascii=False, sort_keys=True))
    columns = [*batch.columns, pa.array(cleaned, pa.string()), pa.array(metadata, pa.string())]
    return pa.RecordBatch.from_arrays(columns, names=[*names, TEXT_OUT, METADATA_OUT])
