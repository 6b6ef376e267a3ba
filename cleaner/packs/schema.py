"""The rule-pack schema. Strict: unknown keys, wrong types and bad regexes are errors, never
silently ignored, so a typo in a pack fails loudly when the pack is loaded. Checks that span
several fields (duplicate rule ids, detectability) live in `validate.py`, where they can point
at the offending line. `rules/pack.schema.json` is generated from these models."""

from __future__ import annotations

from difflib import get_close_matches
from typing import Annotated, Final, Literal, Union, get_args

import regex
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ..model import KINDS
from ..patterns import repeat_product
from ..model import Field as MetaField

PACK_FORMAT: Final = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
DOMAIN_PATTERN = r"^[a-z0-9.-]+\.[a-z]{2,}$"
# In an example, a rule of the pack by its own id, or any rule by its full id (`generic.caption`).
RULE_REF_PATTERN = r"^([a-z0-9][a-z0-9-]*\.)?[a-z0-9][a-z0-9-]*$"
# Compiling costs time and memory with a pattern's length (a 2 MB alternation: 46 s, 690 MB,
# on every run); the longest built-in pattern is a few hundred characters.
MAX_PATTERN_CHARS = 10_000
# Counted repeats nested in one another are compiled out: (?:(?:a{1000}){1000}){1000} is 30
# characters and took all 24 GB; products up to 100,000 compiled in under 50 MB.
MAX_REPEAT_PRODUCT = 100_000


def _compile(value: object) -> regex.Pattern[str]:
    if isinstance(value, regex.Pattern):
        return value
    if not isinstance(value, str):
        raise ValueError("a regex must be a string")
    if len(value) > MAX_PATTERN_CHARS:
        limit = f"over the limit of {MAX_PATTERN_CHARS:,}"
        raise ValueError(f"regex of {len(value):,} characters, {limit}")
    if (product := repeat_product(value)) > MAX_REPEAT_PRODUCT:
        limit = f"over the limit of {MAX_REPEAT_PRODUCT:,}"
        raise ValueError(f"regex whose nested counted repeats multiply to {product:,}, {limit}")
    try:
        return regex.compile(value, regex.UNICODE)
    except regex.error as err:
        raise ValueError(f"invalid regex {value!r}: {err}") from err


def template_error(pattern: regex.Pattern[str], template: str) -> str | None:
    """Why `template` cannot replace a match of `pattern` (a group it lacks, a bad escape), or
    None. regex reads a template only when something matches, so it is tried on a pattern with
    the same groups that matches the empty string."""
    names = {number: name for name, number in pattern.groupindex.items()}
    probe = "".join(
        f"(?P<{names[i]}>)" if i in names else "()" for i in range(1, pattern.groups + 1)
    )
    try:
        regex.compile(probe).match("").expand(template)  # type: ignore[union-attr]
    except (regex.error, IndexError) as err:
        return str(err)
    return None


Regex = Annotated[
    regex.Pattern,
    BeforeValidator(_compile),
    PlainSerializer(lambda p: p.pattern, return_type=str),
    WithJsonSchema({"type": "string", "format": "regex"}),
]


def selector_error(selector: str) -> str | None:
    """Why lexbor cannot use a CSS selector, or None. Packs sit below the HTML stage, so they ask
    selectolax itself; it loads only for packs with an html: section."""
    from selectolax.lexbor import LexborHTMLParser, SelectolaxError

    try:
        LexborHTMLParser("").css(selector)
    except SelectolaxError as err:
        return str(err)
    return None


def _check_selector(value: str) -> str:
    if problem := selector_error(value):
        raise ValueError(f"invalid CSS selector {value!r}: {problem}")
    return value


CssSelector = Annotated[str, Field(min_length=1), AfterValidator(_check_selector)]
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]


def _known_kind(value: str) -> str:
    if value in KINDS:
        return value
    guess = get_close_matches(value, KINDS, n=1)
    hint = f"did you mean {guess[0]!r}? " if guess else ""
    raise ValueError(f"unknown kind {value!r}; {hint}kinds: {', '.join(KINDS)}")


Kind = Annotated[
    str, AfterValidator(_known_kind), WithJsonSchema({"type": "string", "enum": list(KINDS)})
]


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,
        arbitrary_types_allowed=True,
        populate_by_name=True,
    )


class Signature(Strict):
    """A regex searched in each block's text; its weight counts once towards the outlet's score."""

    pattern: Regex
    weight: int = Field(2, ge=1, le=10)


class Matcher(Strict):
    """Which blocks a drop or move rule takes: exact text, a regex, a position, or several (all must hold)."""

    text: str | None = None
    pattern: Regex | None = None
    at: int | None = Field(
        None,
        description=(
            "1-based position among the blocks still in the text (not dropped or moved by an"
            " earlier rule); negative counts from the end"
        ),
    )
    raw: bool = Field(
        False, description="match the source text with its markdown instead of the plain text"
    )

    @model_validator(mode="after")
    def _needs_a_condition(self) -> Matcher:
        if self.text is None and self.pattern is None and self.at is None:
            raise ValueError("a rule needs at least one of `text`, `pattern` or `at`")
        if self.at == 0:
            raise ValueError("`at` counts from 1 (or from -1 at the end)")
        return self


class RuleBase(Strict):
    id: Id
    kind: Kind
    note: str | None = None


class DropRule(RuleBase, Matcher):
    action: Literal["drop"]


class MoveRule(RuleBase, Matcher):
    action: Literal["move"]
    to: MetaField


class HeaderRule(RuleBase):
    """Cut everything from the top down to the last block matching `until` among the first `within`."""

    action: Literal["cut-header"]
    until: Regex
    within: int = Field(60, ge=1)
    inclusive: bool = True


class FooterRule(RuleBase):
    """Cut everything from the first block matching `from` (after at least `after` blocks) to the end."""

    action: Literal["cut-footer"]
    from_: Regex = Field(alias="from")
    after: int = Field(1, ge=0)


class ReplaceRule(RuleBase):
    """Replace text inside blocks by regex; a block left empty is dropped."""

    action: Literal["replace"]
    pattern: Regex
    with_: str = Field("", alias="with")

    @field_validator("with_")
    @classmethod
    def _fits_pattern(cls, template: str, info: ValidationInfo) -> str:
        if (pattern := info.data.get("pattern")) is not None and (
            problem := template_error(pattern, template)
        ):
            raise ValueError(
                f"replacement '{template}' does not fit pattern '{pattern.pattern}': {problem}"
            )
        return template


Rule = Annotated[
    Union[DropRule, MoveRule, HeaderRule, FooterRule, ReplaceRule], Field(discriminator="action")
]
RULE_TYPES: tuple[type[RuleBase], ...] = get_args(get_args(Rule)[0])
ACTIONS: tuple[str, ...] = tuple(
    get_args(t.model_fields["action"].annotation)[0] for t in RULE_TYPES
)


class Example(Strict):
    """A small case the pack must handle: an inline `input` with strings that must stay (`keep`)
    or go (`drop`), or a `fixture` file whose cleaned text must equal `NAME.expected.txt` beside
    it. `rules` lists rule ids that must fire. Run with the pack forced."""

    name: str | None = Field(None, min_length=1)
    input: str | None = Field(None, min_length=1)
    fixture: str | None = Field(None, min_length=1, description="path relative to the pack file")
    keep: list[str] = Field(
        default_factory=list, description="strings that must be in the cleaned text"
    )
    drop: list[str] = Field(
        default_factory=list,
        description="strings of the input that must not be in the cleaned text",
    )
    rules: list[Annotated[str, Field(pattern=RULE_REF_PATTERN)]] = Field(
        default_factory=list,
        description="rule ids that must fire: this pack's own (`ad-marker`) or full (`generic.caption`)",
    )

    @model_validator(mode="after")
    def _one_source(self) -> Example:
        if (self.input is None) == (self.fixture is None):
            raise ValueError("an example needs exactly one of `input` or `fixture`")
        if self.input is not None and not (self.name and (self.keep or self.drop or self.rules)):
            raise ValueError(
                "an inline example needs a `name` and at least one of `keep`, `drop` or `rules`"
            )
        return self

    @property
    def label(self) -> str:
        return self.name or str(self.fixture)


class HtmlRules(Strict):
    """For HTML input: elements that are never article text, and where the article body is."""

    remove: list[CssSelector] = Field(
        default_factory=list, description="CSS selectors of elements to delete before extraction"
    )
    body: CssSelector | None = Field(
        None, description="CSS selector of the article body, when the outlet's markup has one"
    )


class Pack(Strict):
    """One outlet's rules: how to recognise its documents and which blocks are its furniture."""

    model_config = ConfigDict(title="cleaner rule pack")

    format: Literal[1] = Field(PACK_FORMAT, description="pack format version")
    id: Id
    name: str = Field(min_length=1)
    domains: list[Annotated[str, Field(pattern=DOMAIN_PATTERN)]] = Field(default_factory=list)
    detect: list[Signature] = Field(default_factory=list)
    disable: list[str] = Field(
        default_factory=list, description="ids of generic heuristics to switch off"
    )
    rules: list[Rule] = Field(default_factory=list)
    html: HtmlRules = Field(default_factory=HtmlRules)
    examples: list[Example] = Field(default_factory=list)

    def rule_id(self, rule: RuleBase) -> str:
        return f"{self.id}.{rule.id}"

    def full_rule_id(self, ref: str) -> str:
        """An example's rule reference as the id removal records carry."""
        return ref if "." in ref else f"{self.id}.{ref}"
