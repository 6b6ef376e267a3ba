"""Pack rules, each on a small case of its own, and the loader's refusal of broken packs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cleaner.model import Document
from cleaner.packs import Pack, PackError, PackSet, apply_pack, builtin_rules_dir, load_pack
from cleaner.patterns import repeat_product

from .conftest import document_of

BODY = [
    "First paragraph of the story, which is long enough.",
    "Second paragraph of the story, also long enough.",
]


def run_pack(rules: list[dict], *paragraphs: str) -> Document:
    pack = Pack.model_validate(
        {"id": "test", "name": "Test", "domains": ["test.example"], "rules": rules}
    )
    doc = document_of(*paragraphs)
    apply_pack(pack, doc)
    return doc


def marks(doc: Document) -> list[tuple[str, str | None] | None]:
    return [(b.mark.rule, b.mark.field) if b.mark else None for b in doc.blocks]


def test_drop_by_exact_text() -> None:
    doc = run_pack(
        [{"id": "ad", "kind": "advertisement", "action": "drop", "text": "ADVERTISEMENT"}],
        "ADVERTISEMENT",
        *BODY,
        "ADVERTISEMENT here",
    )
    assert marks(doc) == [("test.ad", None), None, None, None]


def test_drop_by_regex() -> None:
    doc = run_pack(
        [{"id": "promo", "kind": "promo", "action": "drop", "pattern": "^Sign up"}],
        BODY[0],
        "Sign up for our briefing",
        BODY[1],
    )
    assert marks(doc) == [None, ("test.promo", None), None]


def test_move_by_position_counts_blocks_still_in_the_text() -> None:
    rules = [
        {"id": "ad", "kind": "advertisement", "action": "drop", "text": "AD"},
        {"id": "title", "kind": "headline", "action": "move", "to": "title", "at": 1},
        {"id": "dek", "kind": "subtitle", "action": "move", "to": "subtitle", "at": 1},
        {
            "id": "last",
            "kind": "credit",
            "action": "move",
            "to": "credit",
            "at": -1,
            "pattern": "^Photo",
        },
    ]
    doc = run_pack(rules, "AD", "The Headline", "The dek", *BODY, "Photo: X")
    assert marks(doc) == [
        ("test.ad", None),
        ("test.title", "title"),
        ("test.dek", "subtitle"),
        None,
        None,
        ("test.last", "credit"),
    ]


def test_position_and_pattern_must_both_hold() -> None:
    doc = run_pack(
        [
            {
                "id": "title",
                "kind": "headline",
                "action": "move",
                "to": "title",
                "at": 1,
                "pattern": "^.{1,20}$",
            }
        ],
        *BODY,
    )
    assert marks(doc) == [None, None]


def test_raw_match_sees_markdown() -> None:
    rule = {
        "id": "bold",
        "kind": "caption",
        "action": "move",
        "to": "caption",
        "raw": True,
        "pattern": r"\*\*[^*]+\*\*$",
    }
    doc = run_pack([rule], "A caption. **Credit**", *BODY)
    assert marks(doc) == [("test.bold", "caption"), None, None]


def test_cut_header_to_the_last_marker() -> None:
    rule = {"id": "head", "kind": "header", "action": "cut-header", "until": "^Subscribe$"}
    doc = run_pack([rule], "Masthead", "Subscribe", "Menu", "Subscribe", *BODY)
    assert marks(doc) == [("test.head", None)] * 4 + [None, None]


def test_cut_header_exclusive_and_within() -> None:
    rule = {
        "id": "head",
        "kind": "header",
        "action": "cut-header",
        "until": "^Story$",
        "inclusive": False,
        "within": 3,
    }
    doc = run_pack([rule], "Masthead", "Story", *BODY, "Story")
    assert marks(doc) == [("test.head", None), None, None, None, None]


def test_cut_footer_from_the_first_marker_after_the_body() -> None:
    rule = {"id": "foot", "kind": "footer", "action": "cut-footer", "from": "^Your Globe$"}
    doc = run_pack([rule], "Your Globe", *BODY, "Your Globe", "Follow us")
    assert marks(doc) == [None, None, None, ("test.foot", None), ("test.foot", None)]


def test_replace_inside_blocks_records_an_edit() -> None:
    rule = {"id": "tag", "kind": "markup", "action": "replace", "pattern": r"\s*\[AD\]", "with": ""}
    doc = run_pack([rule], BODY[0] + " [AD]", "[AD]", BODY[1])
    assert doc.blocks[0].text == BODY[0]
    assert marks(doc) == [None, ("test.tag", None), None]
    assert [(e.rule, e.text) for e in doc.edits] == [("test.tag", " [AD]")]


def test_builtin_packs_load() -> None:
    packs = PackSet.load()
    assert {"themoscowtimes", "vice", "bloomberg", "theglobeandmail"} <= set(packs.packs)


BROKEN = {
    "unknown key": {"id": "x", "name": "X", "domains": ["x.com"], "colour": "red"},
    "typo in a rule key": {
        "id": "x",
        "name": "X",
        "domains": ["x.com"],
        "rules": [{"id": "a", "kind": "promo", "action": "drop", "patern": "x"}],
    },
    "bad regex": {
        "id": "x",
        "name": "X",
        "domains": ["x.com"],
        "rules": [{"id": "a", "kind": "promo", "action": "drop", "pattern": "(unclosed"}],
    },
    "unknown action": {
        "id": "x",
        "name": "X",
        "domains": ["x.com"],
        "rules": [{"id": "a", "kind": "promo", "action": "delete", "text": "x"}],
    },
    "duplicate rule id": {
        "id": "x",
        "name": "X",
        "domains": ["x.com"],
        "rules": [{"id": "a", "kind": "promo", "action": "drop", "text": "x"}] * 2,
    },
    "no detection": {"id": "x", "name": "X"},
    "rule without condition": {
        "id": "x",
        "name": "X",
        "domains": ["x.com"],
        "rules": [{"id": "a", "kind": "promo", "action": "drop"}],
    },
    "unknown field": {
        "id": "x",
        "name": "X",
        "domains": ["x.com"],
        "rules": [{"id": "a", "kind": "promo", "action": "move", "to": "headline", "text": "x"}],
    },
    "bad id": {"id": "X Y", "name": "X", "domains": ["x.com"]},
    "unknown heuristic": {
        "id": "x",
        "name": "X",
        "domains": ["x.com"],
        "disable": ["generic.nope"],
    },
}


@pytest.mark.parametrize("data", BROKEN.values(), ids=BROKEN.keys())
def test_broken_pack_is_refused_with_its_file_named(tmp_path: Path, data: dict) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(PackError, match="broken.yaml"):
        load_pack(path)


def test_two_packs_claiming_one_domain_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "id: mine\nname: Mine\ndomains: [vice.com]\n", encoding="utf-8"
    )
    with pytest.raises(PackError, match="vice.com"):
        PackSet.load([tmp_path])


def test_yaml_object_tags_are_not_executed(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("id: !!python/object/apply:os.system ['true']\nname: X\n", encoding="utf-8")
    with pytest.raises(PackError, match="not valid YAML"):
        load_pack(path)


def test_builtin_packs_validate_against_the_exported_json_schema() -> None:
    import json

    import jsonschema

    schema = json.loads((builtin_rules_dir() / "pack.schema.json").read_text(encoding="utf-8"))
    for path in sorted(builtin_rules_dir().glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError, match="colour"):
        jsonschema.validate({"id": "x", "name": "X", "domains": ["x.com"], "colour": "red"}, schema)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "id: x\nname: X\ndomains: [x.com]\ndetect:\n  - {pattern: a, weight: '3'}\n",
            ":5:18: detect[0].weight: input should be a valid integer, got '3'",
        ),
        (
            "id: x\nname: X\ndomains: &d [x.com, *d]\n",
            ":3:10: domains[1]: an alias refers to a node that contains it",
        ),
        ("id: x\nname: X\n[a]: 1\ndomains: [x.com]\n", ":3:1: a key must be a plain name"),
        (
            "id: x\nname: X\ndomains: [x.com]\nexamples:\n  - {name: both, input: a, fixture: b.txt}\n",
            ":5:5: examples[0]: an example needs exactly one of `input` or `fixture`",
        ),
    ],
    ids=["no type coercion", "recursive alias", "list as key", "example with input and fixture"],
)
def test_more_mistakes_point_at_their_line(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert expected in str(caught.value)


@pytest.mark.parametrize(
    ("pattern", "product"),
    [
        ("(?:(?:(?:a{1000}){1000}){1000})", 10**9),
        ("(?:x{2,5}y){3,}", 15),  # the larger bound counts; an open one its lower
        ("(?:a{3}|b{7}){2}", 14),
        ("[{(]x{5}", 5),  # brackets inside a class open no group
        (r"\(a{9}\){9}", 9),  # nor escaped ones
        ("a{65535}", 65535),
        ("foo{bar}", 1),
    ],
)
def test_nested_counted_repeats_are_multiplied_before_compiling(pattern: str, product: int) -> None:
    assert repeat_product(pattern) == product
