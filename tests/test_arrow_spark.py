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
    assert out.schema.names == ["id", "text", "clean_text", "metadata", "clean_error"]
    rows = out.to_pylist()
    for row, text in zip(rows, TEXTS):
        expected = cleaner.clean_text(text)
        assert row["clean_text"] == expected.text
        assert row["metadata"] == as_arrow(expected.metadata.model_dump(mode="json"))
    assert rows[-1]["clean_text"] is None and rows[-1]["metadata"] is None
    assert [row["clean_error"] for row in rows] == [None] * len(rows)


def test_a_row_that_cannot_be_cleaned_fails_alone(cleaner: Cleaner) -> None:
    """Binary in a text column, an unknown outlet, a url that is no string: each is that row's
    `clean_error`, and the rows around it are cleaned. Before, the first raised out of the
    batch and took its other rows with it (in Spark, the task and then the job)."""
    table = pa.table(
        {
            "text": [TEXTS[0], "\x00\x01\x02" * 200, TEXTS[1], TEXTS[2], TEXTS[3]],
            "url": [None, None, None, None, None],
            "outlet": [None, None, "no-such-outlet", None, None],
        }
    )
    rows = clean_batch(table, cleaner).to_pylist()
    errors = [row["clean_error"] for row in rows]
    assert errors[0] is None and errors[3] is None and errors[4] is None
    assert errors[1].startswith("row 1: ") and "binary" in errors[1]
    assert errors[2].startswith("row 2: no rule pack with id 'no-such-outlet'")
    assert rows[1]["clean_text"] is None and rows[1]["metadata"] is None
    assert rows[3]["clean_text"] == cleaner.clean_text(TEXTS[2]).text
    wrong = clean_batch(pa.table({"text": [TEXTS[0], TEXTS[1]], "url": [7, None]}), cleaner)
    assert wrong.column("clean_error").to_pylist() == ["row 0: url must be a string, not int", None]


def test_a_row_over_the_time_limit_fails_alone(cleaner: Cleaner) -> None:
    """A row that takes too long is that row's error, as a file or record is in `clean`."""
    rows = clean_batch(pa.table({"text": TEXTS[:1]}), cleaner, seconds=1e-6).to_pylist()
    assert rows[0]["clean_text"] is None
    assert rows[0]["clean_error"].startswith("row 0: took longer than the time limit")
    rows = clean_batch(pa.table({"text": TEXTS[:1]}), cleaner, seconds=None).to_pylist()
    assert rows[0]["clean_error"] is None


def test_a_binary_text_column_is_read_as_bytes(cleaner: Cleaner) -> None:
    """Parquet often stores text as binary: each value is decoded as a file's bytes are."""
    out = clean_batch(pa.table({"text": pa.array([TEXTS[0].encode()], pa.binary())}), cleaner)
    assert out.column("clean_text").to_pylist() == [cleaner.clean_bytes(TEXTS[0].encode()).text]


def test_columns_the_batch_would_double_are_refused(cleaner: Cleaner) -> None:
    """Cleaning a batch twice, or one with a `metadata` column of its own, gave two columns of
    one name, which Arrow then refuses to look up."""
    once = clean_batch(pa.table({"text": TEXTS[:1]}), cleaner, fields="text")
    with pytest.raises(ValueError, match="already has column\\(s\\) clean_text, clean_error"):
        clean_batch(once, cleaner, fields="text")
    with pytest.raises(ValueError, match="column\\(s\\) metadata"):
        clean_batch(pa.table({"text": TEXTS[:1], "metadata": [1]}), cleaner)


def test_a_table_keeps_every_row_and_its_schema_metadata(cleaner: Cleaner) -> None:
    table = pa.concat_tables([pa.table({"text": TEXTS[:2]}), pa.table({"text": TEXTS[2:]})])
    table = table.replace_schema_metadata({b"pandas": b"{}"})
    out = clean_batch(table, cleaner, fields="text")
    assert isinstance(out, pa.Table) and out.num_rows == len(TEXTS)  # every chunk, not the first
    assert out.schema.metadata == {b"pandas": b"{}"}
    assert out.column("clean_text").to_pylist() == [cleaner.clean_text(t).text for t in TEXTS]


def test_fields_choose_how_much_metadata(cleaner: Cleaner) -> None:
    batch = pa.RecordBatch.from_pydict({"text": TEXTS[:1]})
    names = clean_batch(batch, cleaner, fields="text").schema.names
    assert names == ["text", "clean_text", "clean_error"]
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
