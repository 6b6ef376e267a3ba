"""The Arrow batch function, and PySpark running it for real in local[2] mode."""

from __future__ import annotations

import json
import os
import sys

import pyarrow as pa
import pytest

from cleaner import Cleaner
from cleaner.arrow import clean_batch

from .conftest import SEEDS

TEXTS = [seed.read_text(encoding="utf-8") for seed in SEEDS]


def test_clean_batch_appends_text_and_metadata(cleaner: Cleaner) -> None:
    batch = pa.RecordBatch.from_pydict({"id": list(range(len(TEXTS))) + [99], "text": TEXTS + [None]})
    out = clean_batch(batch, cleaner)
    assert out.schema.names == ["id", "text", "clean_text", "metadata"]
    rows = out.to_pylist()
    for row, text in zip(rows, TEXTS):
        expected = cleaner.clean_text(text)
        assert row["clean_text"] == expected.text
        assert json.loads(row["metadata"]) == expected.metadata.model_dump(mode="json")
    assert rows[-1]["clean_text"] is None


def test_url_column_picks_the_pack(cleaner: Cleaner) -> None:
    batch = pa.RecordBatch.from_pydict({"text": ["Some article text here."], "url": ["https://www.vice.com/x"]})
    assert json.loads(clean_batch(batch, cleaner).to_pylist()[0]["metadata"])["outlet"]["id"] == "vice"


@pytest.fixture(scope="module")
def spark():
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("cleaner-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_output_equals_the_single_process_output(spark, cleaner: Cleaner) -> None:
    from cleaner.spark import clean_dataframe

    rows = [(i, text, None) for i, text in enumerate(TEXTS * 4)]
    df = spark.createDataFrame(rows, "id long, text string, url string").repartition(2)
    got = {r["id"]: (r["clean_text"], r["metadata"]) for r in clean_dataframe(df).collect()}
    assert len(got) == len(rows)
    for i, text, _ in rows:
        expected = cleaner.clean_text(text)
        assert got[i][0] == expected.text
        assert json.loads(got[i][1]) == expected.metadata.model_dump(mode="json")
