"""JSONL records: parsing, errors with line numbers, and the parallel map keeping order."""

from __future__ import annotations

import json

import pytest

from cleaner import Cleaner
from cleaner import batch, records
from cleaner.parallel import ordered_map

from .conftest import SEEDS


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"id": 1}', 'needs a string "text" or "html"'),
        ('{"text": 5}', 'needs a string "text" or "html"'),
        ('{"text": "x", "url": 3}', '"url" must be a string'),
        # read as a float it is infinite, and would be written back as Infinity, which is no JSON
        ('{"id": 1e400, "text": "x"}', '"id" cannot be written back: a number past range'),
        ('{"id": [1, -1e999], "text": "x"}', '"id" cannot be written back: a number past range'),
    ],
)
def test_malformed_lines_name_their_line(line: str, problem: str) -> None:
    with pytest.raises(records.RecordError, match=f"line 7: .*{problem}"):
        records.parse(line, 7)


def test_read_keeps_errors_in_place_and_skips_blank_lines() -> None:
    lines = [
        '{"id": "a", "text": "One."}',
        "",
        "oops",
        '{"id": "b", "html": "<p>Two.</p>", "url": "https://x.org/"}',
    ]
    out = list(records.read(lines))
    assert [type(r).__name__ for r in out] == ["Record", "RecordError", "Record"]
    assert out[1].line == 3 and out[2].url == "https://x.org/" and out[2].content == "<p>Two.</p>"


def test_clean_record_carries_id_text_and_metadata(cleaner: Cleaner) -> None:
    record = records.parse(
        json.dumps({"id": 42, "text": "ADVERTISEMENT\n\nThe vote was held on Monday night."}), 1
    )
    line, problem = records.clean(cleaner, record, "in.jsonl")
    out = json.loads(line)
    assert (
        problem is None
        and line.endswith("}\n")
        and out["id"] == 42
        and out["text"] == "The vote was held on Monday night.\n"
    )
    assert out["metadata"]["source"] == "in.jsonl:1"


def _double(x: int) -> int:
    return 2 * x


@pytest.mark.parametrize("jobs", [1, 2])
def test_ordered_map_keeps_input_order(jobs: int) -> None:
    assert list(ordered_map(_double, range(1000), jobs)) == [2 * x for x in range(1000)]


def test_two_workers_clean_exactly_as_one(cleaner: Cleaner) -> None:
    recs = [
        records.Record(i, seed.read_text(encoding="utf-8"), id=i)
        for i, seed in enumerate(SEEDS * 20)
    ]
    items = [(r, None) for r in recs]
    work = batch.Work(cleaner)
    one = list(
        ordered_map(batch.clean_record, items, 1, batch.init_worker, (work,), batch.record_lost)
    )
    two = list(
        ordered_map(batch.clean_record, items, 2, batch.init_worker, (work,), batch.record_lost)
    )
    assert one == two and [json.loads(line)["id"] for line, _ in two] == list(range(len(recs)))


@pytest.mark.parametrize(
    ("key", "text"), [("html", "The vote was held on Monday night.\n"), ("text", "")]
)
def test_the_content_key_says_whether_a_record_is_html(
    cleaner: Cleaner, key: str, text: str
) -> None:
    """An "html" record is a page even without a doctype; a "text" one is told by how it opens,
    and markup in a text is no article."""
    record = records.parse(
        json.dumps({key: "<div><p>The vote was held on Monday night.</p></div>"}), 1
    )
    assert json.loads(records.clean(cleaner, record)[0])["text"] == text


def test_a_lone_surrogate_is_told_in_the_same_words_from_jsonl_and_from_a_string(
    cleaner: Cleaner,
) -> None:
    """records and clean_text mend the same thing, a lone surrogate in a string, and said so in
    two wordings."""
    text = "The council met on Tuesday \udc80 and voted for the new budget of the city."
    line, _ = records.clean(cleaner, records.parse(json.dumps({"id": 1, "text": text}), 1))
    from_jsonl = [w for w in json.loads(line)["metadata"]["warnings"] if "U+FFFD" in w]
    from_string = [w for w in cleaner.clean_text(text).metadata.warnings if "U+FFFD" in w]
    assert (
        from_jsonl
        == from_string
        == ["1 character not valid Unicode (bad UTF-8 bytes, lone surrogates) became U+FFFD"]
    )
