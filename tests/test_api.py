"""The Python API: typed results, a Cleaner shared by threads, pickled to workers."""

from __future__ import annotations

import importlib
import json
import pickle
import pkgutil
from pathlib import Path
from concurrent.futures import ThreadPoolExecutor

import pytest

import cleaner
from cleaner import Cleaner, Result, clean
from cleaner.heuristics import MEMOS
from cleaner.packs import PackSet

from .conftest import ROOT, SEEDS


def test_clean_returns_a_typed_result() -> None:
    result = clean(
        "ADVERTISEMENT\n\nThe council approved the budget on Tuesday after a long debate."
    )
    assert isinstance(result, Result)
    assert result.text == "The council approved the budget on Tuesday after a long debate.\n"
    assert [(r.kind, r.rule) for r in result.metadata.removed] == [
        ("advertisement", "generic.advertisement")
    ]


@pytest.mark.parametrize("given", [None, b"The council met.", 3])
def test_text_that_is_no_str_is_a_type_error_naming_what_was_given(
    cleaner: Cleaner, given: object
) -> None:
    with pytest.raises(TypeError, match=f"clean_text takes a str, not {type(given).__name__}"):
        cleaner.clean_text(given)  # type: ignore[arg-type]


@pytest.mark.parametrize("given", [None, "The council met.", 3])
def test_bytes_that_are_no_bytes_are_a_type_error_naming_what_was_given(
    cleaner: Cleaner, given: object
) -> None:
    """An int was read as that many NUL bytes and called binary; a str got Python's "string
    argument without an encoding"."""
    with pytest.raises(TypeError, match=f"clean_bytes takes bytes, not {type(given).__name__}"):
        cleaner.clean_bytes(given)  # type: ignore[arg-type]


def test_results_dump_and_pickle_as_the_models_did(cleaner: Cleaner) -> None:
    """Results are dataclasses now (cheaper than models by 3 µs a removal record): what callers
    used of the models, the dump methods with their options, still works."""
    result = cleaner.clean_file(SEEDS[0])
    assert pickle.loads(pickle.dumps(result)) == result
    removal = result.metadata.removed[0]
    assert removal.model_dump()["lines"] == removal.lines == (1, 2)
    assert json.loads(result.model_dump_json(indent=2)) == result.model_dump(mode="json")
    assert set(result.metadata.model_dump(include={"title", "counts"})) == {"title", "counts"}


def test_one_cleaner_serves_many_threads(cleaner: Cleaner) -> None:
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS] * 8
    expected = [cleaner.clean_text(t).text for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(lambda t: cleaner.clean_text(t).text, texts)) == expected


def test_a_pickled_cleaner_cleans_the_same(cleaner: Cleaner) -> None:
    copy = pickle.loads(pickle.dumps(cleaner))
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        assert copy.clean_text(text) == cleaner.clean_text(text)


def test_memos_are_emptied_before_each_document() -> None:
    """What was cleaned before leaves nothing in the per-text memos for the next document (a
    benchmark that repeats documents must not time the memo). With no pack, every heuristic and
    the body model run on the text, and the route's measures on the HTML page: every memo is
    used by one of them (the duplicate check's only on a text with a paragraph twice as long as
    most, as this seed has)."""
    cleaner = Cleaner(packs=PackSet({}))
    seed = SEEDS[2].read_text(encoding="utf-8")
    page = (ROOT / "tests" / "html" / "fixtures" / "article.html").read_text(encoding="utf-8")
    documents = [(seed, False), (page, True)]
    used = []
    for document, other in (documents, documents[::-1]):
        for memo in MEMOS:
            memo.cache_clear()
        cleaner.clean_text(document[0], html=document[1])
        alone = [memo.cache_info().currsize for memo in MEMOS]
        cleaner.clean_text(other[0], html=other[1])
        cleaner.clean_text(document[0], html=document[1])
        assert [memo.cache_info().currsize for memo in MEMOS] == alone
        used.append(alone)
    assert all(map(any, zip(*used)))


def test_every_bounded_memo_of_the_package_is_emptied_per_document() -> None:
    """A per-text memo left out of MEMOS would carry one document's results into the next."""
    memos = {
        f"{obj.__module__}.{name}"
        for info in pkgutil.walk_packages(cleaner.__path__, "cleaner.")
        for name, obj in vars(importlib.import_module(info.name)).items()
        if getattr(obj, "__module__", "").startswith("cleaner.")
        and hasattr(obj, "cache_parameters")
        and obj.cache_parameters()["maxsize"] is not None  # @cache tables load once per process
    }
    assert memos == {f"{memo.__module__}.{memo.__name__}" for memo in MEMOS}


def test_rules_dirs_refuses_one_bare_path() -> None:
    """A string would be read letter by letter as folders named r, u, l…"""
    for bare in ("rules", Path("rules")):
        with pytest.raises(TypeError, match="rules_dirs takes a list"):
            Cleaner(rules_dirs=bare)  # type: ignore[arg-type]


def test_the_readme_shows_clean_text_and_says_clean_reads_cleaner_rules() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "cleaner.clean_text(" in readme
    assert "`clean()` uses the installed packs" in readme and "$CLEANER_RULES" in readme
    assert "$CLEANER_RULES" in (clean.__doc__ or "")


@pytest.mark.parametrize("html", (False, True))
def test_a_lone_surrogate_in_a_string_becomes_a_replacement_character(html: bool) -> None:
    """It raised UnicodeEncodeError from inside the reader: no text can hold one, but a string
    from JSON or another library may."""
    body = "The council met on Tuesday \ud800 and voted for the new budget of the city."
    result = Cleaner().clean_text(f"<p>{body}</p>" if html else body)
    assert "Tuesday \ufffd and voted" in result.text
    assert (
        "1 character not valid Unicode (bad UTF-8 bytes, lone surrogates) became U+FFFD"
        in result.metadata.warnings
    )


def test_a_lone_surrogate_in_a_url_becomes_a_replacement_character() -> None:
    """The metadata held it as given, and could not be written as JSON."""
    body = "The council met on Tuesday and voted for the new budget of the city."
    for result in (
        Cleaner().clean_text(body, url="https://example.com/\ud800"),
        Cleaner().clean_bytes(body.encode(), url="https://example.com/\udc80"),
    ):
        assert result.metadata.url == "https://example.com/\ufffd"
        assert "1 character not valid Unicode" in result.metadata.warnings[0]
        assert "example.com/\ufffd" in result.metadata.model_dump_json()


def test_any_bytes_like_object_is_cleaned_as_bytes() -> None:
    data = b"The council met on Tuesday and voted for the new budget of the city."
    for given in (bytearray(data), memoryview(data)):
        assert Cleaner().clean_bytes(given).text == Cleaner().clean_bytes(data).text
