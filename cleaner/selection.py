"""How much of a result an output carries (`fields`, `--fields`): the text alone, the text with
the core metadata, or everything. The `removed` list is most of the metadata's size (95% on the
seeds), so a corpus builder that needs no audit trail asks for `core`."""

from __future__ import annotations

from typing import Any, Literal, get_args

from .result import Metadata, field_types

Fields = Literal["all", "core", "text"]
FIELDS: tuple[str, ...] = get_args(Fields)
# What describes the article itself: what corpora filter, group and deduplicate on.
CORE = (
    "outlet",
    "title",
    "subtitle",
    "authors",
    "agency",
    "published",
    "url",
    "language",
    "site_name",
    "images",
    "counts",
    "text_sha256",
    "warnings",
)


def metadata_keys(fields: str) -> tuple[str, ...]:
    """The metadata fields an output with `fields` carries; ValueError for an unknown choice."""
    if fields not in FIELDS:
        raise ValueError(f"fields must be one of {', '.join(FIELDS)}, not {fields!r}")
    return {"all": tuple(field_types(Metadata)), "core": CORE, "text": ()}[fields]


def selected(metadata: Metadata, fields: str) -> dict[str, Any] | None:
    """The chosen part of `metadata` as JSON-ready values; None when only the text is wanted."""
    keys = metadata_keys(fields)
    return metadata.model_dump(mode="json", include=set(keys)) if keys else None
