"""What the cleaner returns: the canonical text and its metadata. These models are the output
schema; `schema/metadata.schema.json` is generated from them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Outlet(Model):
    id: str
    name: str
    detected_by: Literal["forced", "url", "site_name", "signature"]
    evidence: list[str] = Field(default_factory=list, description="why this outlet was chosen")


class Image(Model):
    caption: str | None = None
    credit: str | None = None
    url: str | None = Field(None, description="the picture: an HTML page's og:image or <img>")


class Related(Model):
    title: str
    url: str | None = None


class Removal(Model):
    """One piece of the input that is not in the text: dropped, or moved to a metadata field."""

    kind: str = Field(description="what it was: paywall, caption, navigation, …")
    rule: str = Field(description="id of the pack rule (`outlet.rule`) or heuristic (`generic.name`)")
    lines: tuple[int, int] = Field(description="first and last source line, 1-based")
    text: str
    moved_to: str | None = Field(None, description="metadata field it went to, if it was moved")


class Extraction(Model):
    """How an HTML page's article text was found (see `cleaner.html.route`)."""

    route: Literal["pack-body", "block-model", "readability", "trafilatura", "none"]
    reason: str = Field(description="the evidence that chose this route")


class Counts(Model):
    words: int
    paragraphs: int
    input_chars: int
    output_chars: int


class Metadata(Model):
    """What the document states about itself, and every piece removed from it (README:
    *Output formats*; `docs/field-mapping.md` maps the fields to schema.org and trafilatura)."""

    source: str | None = Field(description="input path, or null for stdin and API input")
    source_sha256: str
    encoding: str
    outlet: Outlet | None
    title: str | None
    alternate_titles: list[str]
    subtitle: str | None
    authors: list[str]
    author_roles: list[str | None] = Field(
        default_factory=list, description="each author's role as the byline states it (null where it states none); "
        "empty when it states no role")
    agency: str | None
    published: str | None = Field(description="ISO 8601 date, only when the document states it")
    url: str | None
    site_name: str | None = Field(None, description="from an HTML page's metadata")
    language: str | None = Field(
        None,
        description="an HTML page's own (`lang`, `og:locale`); for text, guessed from stopwords",
    )
    description: str | None = Field(None, description="from an HTML page's metadata")
    extraction: Extraction | None = Field(None, description="how an HTML page's article was found; null for text")
    links: list[str]
    related: list[Related]
    images: list[Image]
    counts: Counts
    removed: list[Removal]
    removed_by_kind: dict[str, int]
    text_sha256: str
    cleaner_version: str
    warnings: list[str] = Field(default_factory=list)


class Result(Model):
    """A cleaned document: its canonical text and its metadata."""

    text: str
    metadata: Metadata
