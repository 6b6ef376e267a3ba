"""The rule-pack schema. Strict: unknown keys, wrong types and bad regexes are errors, never
silently ignored, so a typo in a pack fails loudly when the pack is loaded."""

from __future__ import annotations

from typing import Annotated, Literal, Union

import regex
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)

from ..model import Field as MetaField

PACK_FORMAT = 1


def _compile(value: object) -> regex.Pattern[str]:
    if isinstance(value, regex.Pattern):
        return value
    if not isinstance(value, str):
        raise ValueError("a regex must be a string")
    try:
        return regex.compile(value, regex.UNICODE)
    except regex.error as err:
        raise ValueError(f"invalid regex {value!r}: {err}") from err


Regex = Annotated[
    regex.Pattern,
    BeforeValidator(_compile),
    PlainSerializer(lambda p: p.pattern, return_type=str),
    WithJsonSchema({"type": "string", "format": "regex"}),
]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
Kind = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$", max_length=32)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True, populate_by_name=True)


class Signature(Strict):
    """A regex searched in each block's text; its weight counts once towards the outlet's score."""

    pattern: Regex
    weight: int = Field(2, ge=1, le=10)


class Matcher(Strict):
    """Which blocks a drop or move rule takes: exact text, a regex, a position, or several (all must hold)."""

    text: str | None = None
    pattern: Regex | None = None
    at: int | None = Field(None, description="1-based position among blocks not dropped so far; negative counts from the end")
    raw: bool = Field(False, description="match the source text with its markdown instead of the plain text")

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


Rule = Annotated[Union[DropRule, MoveRule, HeaderRule, FooterRule, ReplaceRule], Field(discriminator="action")]


class Pack(Strict):
    format: Literal[1] = PACK_FORMAT
    id: Id
    name: str = Field(min_length=1)
    domains: list[Annotated[str, Field(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$")]] = Field(default_factory=list)
    detect: list[Signature] = Field(default_factory=list)
    disable: list[str] = Field(default_factory=list, description="ids of generic heuristics to switch off")
    rules: list[Rule] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> Pack:
        if not self.domains and not self.detect:
            raise ValueError("a pack needs `domains` or `detect` signatures, or it can never be detected")
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id!r}")
            seen.add(rule.id)
        return self

    def rule_id(self, rule: RuleBase) -> str:
        return f"{self.id}.{rule.id}"
