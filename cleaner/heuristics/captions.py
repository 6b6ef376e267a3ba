"""Photo captions and credits: "HANDOUT/AFP/Getty Images", "Photo: X via Getty Images",
"Name / TASS", and captions that end in their credit or stand right above one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from ..inline import plain
from ..model import Block
from ..lexicon import Lexicon
from .base import Heuristic, kept
from .bylines import is_byline
from .classify import is_prose

CAPTION_MAX_CHARS = 400
CAPTION_MAX_SENTENCES = 2  # a paragraph of more, above a picture's credit, is the article's
CREDIT_MAX_CHARS = 120
GLUED_TAIL_CHARS = 40

_LABELLED_CREDIT = regex.compile(
    r"^\(?(?:(?:photo(?:graph)?s?|image|picture|illustration|credit|photo credit|image credit|video"
    r"|foto(?:s|graf[ií]a)?|imagen|bild|beeld)(?:\s+by)?\s*[:|]"
    r"|fot\.)\s*\S.*$",  # "Fot. X": Polish
    regex.IGNORECASE,
)
# A dump's stand-in for a picture, with its caption inside or after it: "[Image: X]", "[Image] X".
_PLACEHOLDER = regex.compile(
    r"^\[(?:image|photo|picture|img|foto|bild|imagen|immagine|zdjęcie)"
    r"(?:\s*:\s*(?P<inside>[^\]]*)\]|\]\s*(?P<after>.*))$",
    regex.IGNORECASE,
)
# "Photograph by X", "Illustration by X": without a label's colon, a credit is no sentence.
_BY_NAME = r"(?:photo(?:graph)?s?|images?|pictures?|illustrations?|videos?)\s+by\s+(?-i:\p{Lu})"
_CREDIT_BY = regex.compile(rf"^\(?{_BY_NAME}", regex.IGNORECASE)
# A sentence's end, not an initial's or a title's: "U.S. Sen. Tammy Duckworth, D-Ill., …".
_SENTENCE_END = regex.compile(
    r"(?<!\b(?:\p{Lu}|Sens?|Reps?|Gov|Gen|Lt|Col|Capt|Sgt|Mrs?|Ms|Dr|St|Mt|Ft|Jan|Feb|Aug|Sept?"
    r"|Oct|Nov|Dec|Inc|Co|Corp|Jr|Sr|No|vs))[.!?][\"”’)]?(?:\s+(?=\p{Lu})|$)"
)
_SLASHED = regex.compile(r"^[\p{L}][\p{L}\p{M}.'’& -]*(?:\s*[/\\|]\s*[\p{L}][\p{L}\p{M}.'’& -]*)+$")
_SLASH_MARKS = frozenset("/\\|")
_VIA = regex.compile(r"^\S.{1,80}\svia\s+\S.{1,40}$")
# Credits that end a caption: "… Sochi. **Kremlin.ru**", "… Photo: X via Getty", "… Name / TASS".
_TRAILING_BOLD = regex.compile(r"^(?P<caption>.+?[.!?”\"’)])\s*\*\*(?P<credit>[^*]{2,80})\*\*\s*$")
_TRAILING_LABEL = regex.compile(
    r"^(?P<caption>.+?)\s+(?:photo(?:graph)?s?|image|picture|credit)\s*:\s*(?P<credit>\S.{1,100})$"
    # Labels that are everyday words too ("ein düsteres Bild: …", "a clear illustration: …")
    # follow a caption's last sentence and head a name, not a sentence.
    r"|^(?P<caption>.+?[.!?”\"’)])\s+(?:\|\s*)?"  # "… Aston Ville. | Foto: Reuters"
    r"(?:illustration|foto(?:graf[ií]a)?|imagen|bild|beeld)\s*:\s*"
    r"(?P<credit>\S.{0,98}[^.!?])$"
    r"|^(?P<caption>.+?[.!?”\"’)])\s+fot\.\s*(?P<credit>\S.{1,100})$",
    regex.IGNORECASE,
)
# "… on 20 August. © Claire Dubois / L'Horizon": a copyright sign after the caption's last sentence.
_TRAILING_COPYRIGHT = regex.compile(r"^(?P<caption>.+?[.!?”\"’)])\s+(?P<credit>©\s*\S.{1,80})$")
# "… in size (Image: GETTY )", "… a rabbitCredit: Getty", "… 2001 [File: Reuters]", "(AP Photo/X)".
# An agency is a whole word, AP and AFP in capitals: "(Apple? …)", "(Approach …)" are none.
_TRAILING_TAG = regex.compile(
    r"^(?P<caption>.+?)\s*(?:\((?P<credit>(?:image|photo|picture|pic|credit|source)s?:\s*[^)]{1,60}"
    r"|(?:(?-i:AP|AFP)|Reuters|Getty)\b[^)]{0,60})\)"
    r"|\[(?P<credit2>(?:file|photo|image):?\s*[^\]]{1,80})\]|(?<=\S)(?P<credit3>Credit:\s*.{2,60}))$",
    regex.IGNORECASE,
)
# "… on Monday. (Ledger photo / Jane Roe)", "(Photo by X)", "(Supplied)", "(Courtesy of X)",
# "(KVTR)": a credit in brackets after the caption's last sentence.
_TRAILING_PAREN = regex.compile(
    r"^(?P<caption>.+?[.!?”\"’])\s*\((?P<credit>(?:[^()/]{1,40}\s)?(?:photo|photograph|image|picture)s?"
    r"\s*(?:/|by\b)\s*[^()]{1,60}|supplied|submitted|handout|file(?: photo)?|courtesy(?: of)?\s[^()]{1,60}"
    r"|(?-i:\p{Lu}[\p{Lu}\d&.-]{1,11}))\)$",
    regex.IGNORECASE,
)
# "… with his 1979 logbook. Photo by Jane Roe / Station": a credit "by" a name, after a sentence;
# no comma or colon in it ("Photographs by Dorothea Lange, on loan from …, include:" goes on).
_TRAILING_BY = regex.compile(
    rf"^(?P<caption>.+?[.!?”\"’)])\s+(?P<credit>{_BY_NAME}[^.!?,:;]{{1,80}})$", regex.IGNORECASE
)
_TRAILING_SLASH = regex.compile(
    r"^(?P<caption>.+?[.!?”\"’)])\s+(?P<credit>\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3}\s*[/\\]\s*\S.{0,60})$"
)


def placeholder_caption(text: str) -> str:
    """The caption a picture's placeholder holds ("[Image: X]", "[Image] X": X); other text as
    it is."""
    m = _PLACEHOLDER.match(text)
    return (m["inside"] or m["after"] or "").strip() if m else text


def is_credit(text: str, lex: Lexicon) -> bool:
    """A whole block that is only a photo credit."""
    if len(text) > CREDIT_MAX_CHARS:
        return False
    if _LABELLED_CREDIT.match(text):  # "PHOTO: SUPPLIED / SALTWATER NIGHTS INC." ends in a stop
        return True
    if text.endswith((".", "?", "!")):
        return False
    if _CREDIT_BY.match(text):
        return True
    if (not _SLASH_MARKS.isdisjoint(text) and _SLASHED.match(text)) or (
        "via" in text and _VIA.match(text)
    ):
        return lex.agency.search(text) is not None and _agency_covers(text, lex)
    return False


def _agency_covers(text: str, lex: Lexicon) -> bool:
    """An agency must be one of the slash- or via-separated parts, not a word inside a sentence."""
    parts = regex.split(r"\s*[/\\|]\s*|\s+via\s+", text)
    return any(lex.agency.fullmatch(part.strip()) for part in parts)


def split_credit(raw: str, text: str, lex: Lexicon) -> tuple[str, str] | None:
    """(caption, credit) when a block is a caption ending in its credit, else None. Each credit
    form is tried only when the block has what it needs (bold, brackets at the end, a label's
    colon, a slash, an agency's name at the end): most paragraphs have none of them."""
    if len(text) > CAPTION_MAX_CHARS:
        return None
    if "**" in raw and (m := _TRAILING_BOLD.match(raw.strip())):
        return plain(m["caption"]), plain(m["credit"])
    if (text.endswith((")", "]")) or "credit:" in text.lower()) and (
        m := _TRAILING_TAG.match(text)
    ):
        return m["caption"].strip(), next(
            c for c in (m["credit"], m["credit2"], m["credit3"]) if c
        ).strip()
    if "©" in text and (m := _TRAILING_COPYRIGHT.match(text)):
        return m["caption"].strip(), m["credit"].strip()
    if text.endswith(")") and (m := _TRAILING_PAREN.match(text)):
        return m["caption"].strip(), m["credit"].strip()
    if (":" in text or "fot." in text.casefold()) and (m := _TRAILING_LABEL.match(text)):
        return m["caption"].strip(), m["credit"].strip()
    if " by " in text and (m := _TRAILING_BY.match(text)):
        return m["caption"].strip(), m["credit"].strip()
    if (
        ("/" in text or "\\" in text)
        and (m := _TRAILING_SLASH.match(text))
        and _agency_covers(m["credit"], lex)
    ):
        return m["caption"].strip(), m["credit"].strip()
    return _glued_agency(text, lex) if text.endswith(lex.agencies) else None


def _glued_agency(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """ "… in New York.Reuters": a dump that lost the space between a caption and its agency."""
    last = None
    for last in lex.agency.finditer(text, max(0, len(text) - GLUED_TAIL_CHARS)):
        pass
    if (
        last is None
        or last.end() != len(text)
        or not text[: last.start()].endswith((".", "!", "?", "”"))
    ):
        return None
    return text[: last.start()].strip(), last.group(0)


def find_credits(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    return (b for b in kept(blocks) if is_credit(b.text, lex))


def find_captions(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """Captions that carry their credit."""
    return (b for b in kept(blocks) if split_credit(b.raw, b.text, lex))


def find_captions_above(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """Short blocks standing right above a credit (in a dump, the photo's caption and credit
    follow each other wherever the photo stood); not a byline, which a lead photo's credit
    may follow, nor a paragraph of prose of more than CAPTION_MAX_SENTENCES sentences (a
    how-to's step above its picture)."""
    for block, below in zip(blocks, blocks[1:]):
        if (
            block.mark is None
            and below.mark
            and below.mark.field == "credit"
            and len(block.text) <= CAPTION_MAX_CHARS
            and not is_byline(block.text)
            and not _paragraph(block, lex)
        ):
            yield block


def _paragraph(block: Block, lex: Lexicon) -> bool:
    """Prose of more than CAPTION_MAX_SENTENCES sentences: a caption is one or two."""
    sentences = len(_SENTENCE_END.findall(block.text))
    return sentences > CAPTION_MAX_SENTENCES and is_prose(block, lex)


CREDIT = Heuristic("generic.credit", "credit", find_credits, field="credit")
CAPTION = Heuristic("generic.caption", "caption", find_captions, field="caption")
CAPTION_ABOVE = Heuristic(
    "generic.caption-above-credit", "caption", find_captions_above, field="caption"
)
