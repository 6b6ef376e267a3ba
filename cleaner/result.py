"""What the cleaner returns: the canonical text and its metadata. These types are the output
schema; `schema/metadata.schema.json` is generated from them.

They are plain dataclasses, not pydantic models: a document has some 200 removal records, and
validating each as a model cost 3.5 µs (0.5 µs now) for values the pipeline builds itself.
pydantic-core still writes their JSON and their schema, so both are byte for byte what the
models gave, and `model_dump` / `model_dump_json` stay (README: *Choices*).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, dataclass_transform, get_type_hints

from pydantic import ConfigDict, Field, TypeAdapter

T = TypeVar("T")
Route = Literal["pack-body", "block-model", "readability", "trafilatura", "live-blog", "none"]
IncEx = set[str] | dict[str, Any] | None


@dataclass_transform(kw_only_default=True, field_specifiers=(field,))
def _record(cls: type[T]) -> type[T]:
    """A slotted, keyword-only dataclass whose JSON Schema reads as a model's did: extra keys
    forbidden, the docstring as description (pydantic gives a plain dataclass none, since its
    docstring may be the generated signature)."""
    config = ConfigDict(extra="forbid")
    if cls.__doc__:
        config["json_schema_extra"] = {"description": inspect.cleandoc(cls.__doc__)}
    setattr(cls, "__pydantic_config__", config)
    return dataclass(slots=True, kw_only=True)(cls)


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def _adapter(cls: type) -> TypeAdapter[Any]:
    """Built on first use: building one takes milliseconds that `clean --help` need not pay."""
    if cls not in _ADAPTERS:
        _ADAPTERS[cls] = TypeAdapter(cls)
    return _ADAPTERS[cls]


@cache
def field_types(cls: type) -> dict[str, Any]:
    """A record's fields and their types (`X | None` kept, descriptions dropped), in order."""
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] for f in fields(cls)}


class Dumped:
    """pydantic's dump methods, which the results had as models and callers use."""

    __slots__ = ()

    def model_dump(
        self, *, mode: Literal["json", "python"] = "python", include: IncEx = None
    ) -> dict[str, Any]:
        """The record as a dict (`mode="json"`: JSON-ready values, tuples as lists)."""
        dumped: dict[str, Any] = _adapter(type(self)).dump_python(self, mode=mode, include=include)
        return dumped

    def model_dump_json(self, *, indent: int | None = None, include: IncEx = None) -> str:
        """The record's JSON, as `clean --format json` and the NAME.json files write it."""
        return _adapter(type(self)).dump_json(self, indent=indent, include=include).decode()


@_record
class Outlet(Dumped):
    id: str
    name: str
    detected_by: Literal["forced", "url", "site_name", "signature"]
    evidence: Annotated[list[str], Field(description="why this outlet was chosen")] = field(
        default_factory=list
    )


@_record
class Image(Dumped):
    caption: str | None = None
    credit: str | None = None
    url: Annotated[
        str | None, Field(description="the picture: an HTML page's og:image or <img>")
    ] = None


@_record
class Related(Dumped):
    title: str
    url: str | None = None


@_record
class Removal(Dumped):
    """One piece of the input that is not in the text: dropped, or moved to a metadata field."""

    kind: Annotated[str, Field(description="what it was: paywall, caption, navigation, …")]
    rule: Annotated[
        str, Field(description="id of the pack rule (`outlet.rule`) or heuristic (`generic.name`)")
    ]
    lines: Annotated[tuple[int, int], Field(description="first and last source line, 1-based")]
    text: str
    moved_to: Annotated[
        str | None, Field(description="metadata field it went to, if it was moved")
    ] = None


@_record
class Extraction(Dumped):
    """How an HTML page's article text was found (see `cleaner.html.route`)."""

    route: Route
    reason: Annotated[str, Field(description="the evidence that chose this route")]


@_record
class Counts(Dumped):
    words: int
    paragraphs: int
    input_chars: int
    output_chars: int


@_record
class Metadata(Dumped):
    """What the document states about itself, and every piece removed from it (README:
    *Output formats*; `docs/field-mapping.md` maps the fields to schema.org and trafilatura)."""

    source: Annotated[str | None, Field(description="input path, or null for stdin and API input")]
    source_sha256: str
    encoding: str
    outlet: Outlet | None
    title: str | None
    alternate_titles: list[str]
    subtitle: str | None
    authors: list[str]
    author_roles: Annotated[
        list[str | None],
        Field(
            description="each author's role as the byline states it (null where it states none); "
            "empty when it states no role"
        ),
    ] = field(default_factory=list)
    agency: str | None
    published: Annotated[
        str | None, Field(description="ISO 8601 date, only when the document states it")
    ]
    url: str | None
    site_name: Annotated[str | None, Field(description="from an HTML page's metadata")] = None
    language: Annotated[
        str | None,
        Field(
            description="an HTML page's own (`lang`, `og:locale`); for text, guessed from stopwords",
        ),
    ] = None
    description: Annotated[str | None, Field(description="from an HTML page's metadata")] = None
    extraction: Annotated[
        Extraction | None, Field(description="how an HTML page's article was found; null for text")
    ] = None
    links: list[str]
    related: list[Related]
    images: list[Image]
    counts: Counts
    removed: list[Removal]
    removed_by_kind: dict[str, int]
    text_sha256: str
    cleaner_version: str
    warnings: list[str] = field(default_factory=list)


@_record
class Result(Dumped):
    """A cleaned document: its canonical text and its metadata."""

    text: str
    metadata: Metadata
