"""The Arrow batch function and its published schema, and PySpark running it for real in
local[2] mode."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from cleaner import Cleaner
from cleaner.arrow import clean_batch, jsonl_features, output_schema
from cleaner.cli import app
from cleaner.selection import CORE

from .conftest import SEEDS

TEXTS = [seed.read_text(encoding="utf-8") for seed in SEEDS]


def as_arrow(metadata: dict[str, Any]) -> dict[str, Any]:
    """A metadata dump as the struct column holds it: a dict field as key/value pairs."""
    kinds = metadata.get("removed_by_kind")
    if kinds is None:
        return metadata
    return {**metadata, "removed_by_kind": [{"key": k, "value": v} for k, v in kinds.items()]}


def test_clean_batch_appends_text_and_metadata(cleaner: Cleaner) -> None:
    batch = pa.RecordBatch.from_pydict(
        {"id": list(range(len(TEXTS))) + [99], "text": TEXTS + [None]}
    )
    out = clean_batch(batch, cleaner)
    assert isinstance(out, pa.RecordBatch)
    assert out.schema.names == ["id", "text", "clean_text", "metadata"]
    rows = out.to_pylist()
    for row, text in zip(rows, TEXTS):
        expected = cleaner.clean_text(text)
        assert row["clean_text"] == expected.text
        assert row["metadata"] == as_arrow(expected.metadata.model_dump(mode="json"))
    assert rows[-1]["clean_text"] is None and rows[-1]["metadata"] is None


def test_a_table_keeps_every_row_and_its_schema_metadata(cleaner: Cleaner) -> None:
    table = pa.concat_tables([pa.table({"text": TEXTS[:2]}), pa.table({"text": TEXTS[2:]})])
    table = table.replace_schema_metadata({b"pandas": b"{}"})
    out = clean_batch(table, cleaner, fields="text")
    assert isinstance(out, pa.Table) and out.num_rows == len(TEXTS)  # every chunk, not the first
    assert out.schema.metadata == {b"pandas": b"{}"}
    assert out.column("clean_text").to_pylist() == [cleaner.clean_text(t).text for t in TEXTS]


def test_fields_choose_how_much_metadata(cleaner: Cleaner) -> None:
    batch = pa.RecordBatch.from_pydict({"text": TEXTS[:1]})
    assert clean_batch(batch, cleaner, fields="text").schema.names == ["text", "clean_text"]
    core = clean_batch(batch, cleaner, fields="core").column("metadata").to_pylist()[0]
    assert list(core) == list(CORE) and "removed" not in core
    with pytest.raises(ValueError, match="fields must be one of"):
        clean_batch(batch, cleaner, fields="most")  # type: ignore[arg-type]


def test_shards_agree_on_the_published_schema(cleaner: Cleaner) -> None:
    """A shard without any outlet (all null) has the same types as one with outlets."""
    nothing = clean_batch(
        pa.table({"text": ["Plain text of no known outlet, nothing more."]}), cleaner
    )
    vice = clean_batch(
        pa.table({"text": ["Some text."], "url": ["https://www.vice.com/x"]}), cleaner
    )
    assert nothing.schema.field("metadata") == vice.schema.field("metadata")
    assert nothing.schema.field("metadata").type == output_schema().field("metadata").type
    assert vice.column("metadata").to_pylist()[0]["outlet"]["id"] == "vice"


@pytest.mark.parametrize("fields", ["all", "core", "text"])
def test_jsonl_shards_load_as_one_dataset(fields: str, tmp_path: Path) -> None:
    import datasets
    from typer.testing import CliRunner

    shards = []
    for name, url in (("a", None), ("b", "https://www.vice.com/x")):
        records = tmp_path / f"{name}.jsonl"
        records.write_text(
            json.dumps({"id": name, "text": "Some article text.", "url": url}) + "\n"
        )
        shards.append(str(tmp_path / f"{name}.out.jsonl"))
        done = CliRunner().invoke(
            app, ["--jsonl", str(records), "-o", shards[-1], "--fields", fields, "-j", "1"]
        )
        assert done.exit_code == 0, done.output
    ds = datasets.load_dataset(
        "json",
        data_files=shards,
        features=jsonl_features(fields),
        split="train",
        cache_dir=str(tmp_path / "cache"),
    )
    assert ds["id"] == ["a", "b"]
    if fields != "text":
        assert [m["outlet"] and m["outlet"]["id"] for m in ds["metadata"]] == [None, "vice"]


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
    got = {
        r["id"]: (r["clean_text"], r["metadata"].asDict(recursive=True))
        for r in clean_dataframe(df).collect()
    }
    assert len(got) == len(rows)
    for i, text, _ in rows:
        expected = cleaner.clean_text(text)
        assert got[i][0] == expected.text
        assert got[i][1] == as_arrow(expected.metadata.model_dump(mode="json"))


def test_each_worker_process_builds_its_cleaner_once() -> None:
    from cleaner.spark import worker_cleaner

    assert worker_cleaner(()) is worker_cleaner(())
