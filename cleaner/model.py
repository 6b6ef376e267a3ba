"""The data that flows through the pipeline: blocks of source text and the marks put on them.

Stages never delete text. They put a `Mark` on a `Block`; the canonical text is built from the
unmarked blocks and every marked block becomes a removal record in the metadata.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .html.meta import PageMeta
    from .html.route import Extraction

# Where a moved block goes in the metadata. A mark without a field is a plain drop.
Field = Literal[
    "title",
    "alternate_title",
    "subtitle",
    "byline",
    "date",
    "caption",
    "credit",
    "related",
    "link",
    "url",
]

# What a removed block was: the closed vocabulary of kinds for heuristics and pack rules alike,
# so `removed_by_kind` adds up across packs and a typo in a pack is caught when it loads.
KINDS: dict[str, str] = {
    "header": "the top of the page: masthead, menus, banners (what a cut-header takes)",
    "footer": "the end of the page: link lists, legal lines (what a cut-footer takes)",
    "navigation": "menus, breadcrumbs, skip links",
    "paywall": "subscription and metered-access banners, sign-in prompts",
    "cookie": "cookie notices",
    "advertisement": 'ad markers ("Advertisement", "Story continues below")',
    "promo": "newsletter, app and subscription promotions",
    "social": "share and follow buttons",
    "embed": "embedded posts and players: a tweet, a video player",
    "copyright": "copyright and legal lines",
    "disclosure": "affiliate and sponsorship disclosures",
    "author-bio": "a note about the author",
    "related": 'links to other stories ("READ:", "Most read")',
    "url": "addresses: the page's own, bare links",
    "script": "inline code: JavaScript, CSS, JSON",
    "comments": "reader comments",
    "caption": "photo captions and image text",
    "credit": "photo credits",
    "headline": "the headline and its repeats",
    "subtitle": "the dek or standfirst",
    "byline": "the byline",
    "dateline": "the date line",
    "markup": "scraper leftovers inside a paragraph (what replace rules take)",
    "duplicate": "a paragraph printed twice",
    "separator": "a rule or section break, a line with no words (`---`, `* * *`)",
    "boilerplate": "any other furniture (the body model's removals)",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """Why a block left the article text: its kind, the rule id, and where it went (if anywhere)."""

    kind: str
    rule: str
    field: Field | None = None


@dataclass(slots=True)
class Block:
    """A paragraph (or a stand-alone line) of the source with its 1-based line span.

    `raw` is the source text of the block (wrapped lines joined by a space); `text` is the same
    with inline markdown removed and whitespace normalised, which is what rules match against.
    `listing`: a line of a code listing the writer fenced (see `segment`), taken as it stands.
    """

    index: int
    start: int
    end: int
    raw: str
    text: str
    mark: Mark | None = None
    listing: bool = False

    @property
    def kept(self) -> bool:
        return self.mark is None


@dataclass(slots=True)
class Edit:
    """A replacement inside a kept block (pack `replace` rules): what text went, by which rule."""

    kind: str
    rule: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Document:
    """One input on its way through the pipeline."""

    source: str | None
    text: str
    encoding: str
    sha256: str
    url: str | None = None
    html: bool = False  # an HTML page: `text` is its markup until the extract step replaces it
    page: PageMeta | None = None  # what an HTML page states about itself
    extraction: Extraction | None = None  # how an HTML page's article was found
    blocks: list[Block] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def kept(self) -> list[Block]:
        return [b for b in self.blocks if b.mark is None]

    def moved(self, name: Field) -> list[Block]:
        return [b for b in self.blocks if b.mark is not None and b.mark.field == name]
