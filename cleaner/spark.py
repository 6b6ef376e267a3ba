"""PySpark: clean a DataFrame's text column on the cluster (the `spark` extra).

    from cleaner.spark import clean_dataframe
    cleaned = clean_dataframe(spark.read.json("articles.jsonl"))   # + clean_text, metadata

Each partition builds one Cleaner (the packs are compiled once per executor process) and
cleans Arrow batches through `cleaner.arrow.clean_batch` inside `mapInArrow`, so rows equal
what the single-process cleaner gives.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .arrow import METADATA_OUT, TEXT_OUT, clean_batch

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame


def clean_dataframe(
    df: DataFrame,
    text_column: str = "text",
    url_column: str | None = "url",
    outlet_column: str | None = "outlet",
    rules_dirs: Sequence[Path] = (),
) -> DataFrame:
    """`df` with `clean_text` and `metadata` (JSON string) columns appended."""
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType([*df.schema.fields, StructField(TEXT_OUT, StringType()), StructField(METADATA_OUT, StringType())])
    dirs = [str(d) for d in rules_dirs]

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from .pipeline import Cleaner

        cleaner = Cleaner(rules_dirs=[Path(d) for d in dirs])
        for batch in batches:
            yield clean_batch(batch, cleaner, text_column, url_column, outlet_column)

    return df.mapInArrow(run, schema)
