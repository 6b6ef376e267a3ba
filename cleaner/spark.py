"""PySpark: clean a DataFrame's text column on the cluster (the `spark` extra).

    from cleaner.spark import clean_dataframe
    cleaned = clean_dataframe(spark.read.json("articles.jsonl"))   # + clean_text, metadata

Batches go through `cleaner.arrow.clean_batch` inside `mapInArrow`, so rows equal what the
single-process cleaner gives. Each Python worker process builds its Cleaner once and keeps it
for every partition it is handed (Spark reuses its Python workers). The executors must run a
Python that has this package: set `PYSPARK_PYTHON` to the environment's interpreter.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .arrow import clean_batch, output_schema
from .selection import Fields

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame

    from .pipeline import Cleaner

_CLEANERS: dict[tuple[str, ...], Cleaner] = {}  # per worker process, by rules folders


def worker_cleaner(rules_dirs: tuple[str, ...]) -> Cleaner:
    """This process's Cleaner for `rules_dirs`, built on first use: packs compile once."""
    if rules_dirs not in _CLEANERS:
        from .pipeline import Cleaner

        _CLEANERS[rules_dirs] = Cleaner(rules_dirs=rules_dirs)
    return _CLEANERS[rules_dirs]


def clean_dataframe(
    df: DataFrame,
    fields: Fields = "all",
    text_column: str = "text",
    url_column: str | None = "url",
    outlet_column: str | None = "outlet",
    rules_dirs: Sequence[str | os.PathLike[str]] = (),
) -> DataFrame:
    """`df` with `clean_text`, (unless fields="text") a `metadata` struct, and `clean_error`
    (a row's problem, null when it was cleaned) appended."""
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StructType

    appended = from_arrow_schema(output_schema(fields))
    schema = StructType([*df.schema.fields, *appended.fields])
    dirs = tuple(str(d) for d in rules_dirs)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        cleaner = worker_cleaner(dirs)
        for batch in batches:
            yield clean_batch(
                batch,
                cleaner,
                fields=fields,
                text_column=text_column,
                url_column=url_column,
                outlet_column=outlet_column,
            )

    return df.mapInArrow(run, schema)


__all__ = ["clean_dataframe", "worker_cleaner"]
