"""Write a drafted pack (from `suggest.analyse`) as commented YAML. Each rule says how often it
was seen so the author can judge it; `yaml.dump` cannot write comments, so this writes text.
A number that differs between samples is matched as any number, and a year as any year, since
next year's pages print another. The draft includes one example exercising all its rules, so it
passes `check` and `test`."""

from __future__ import annotations

import json
import os

import regex

from ..detect import MIN_SCORE
from ..packs.schema import HeaderRule
from .suggest import TOKENS, Findings, Seen

EXACT_TEXT_CHARS = 120  # a longer block is matched by a regex on its first words
PREFIX_CHARS = 60
MIN_PREFIX_CHARS = 30  # the first words are cut at a space only when that leaves this much
RULE_ID_WORDS = 4  # a drop rule's id is made of the first words of its text
RULE_ID_MAX_CHARS = 40
HEADER_ROOM = 2  # a long header's `within` allows this many times the longest header seen
YEAR = regex.compile(r"(?:19|20)\d\d")
CRUMB_END = regex.compile(r" [›»>/] $")  # a prefix that is a breadcrumb's first crumb
KIND_HINTS = (
    ("advertisement", regex.compile(r"\badvert|\bsponsor|^ad$", regex.IGNORECASE)),
    ("promo", regex.compile(r"newsletter|sign up|subscri|podcast|download", regex.IGNORECASE)),
    ("social", regex.compile(r"\bshare\b|\bfollow\b|facebook|twitter", regex.IGNORECASE)),
    ("navigation", regex.compile(r"\bskip to\b|\bmenu\b|\bhome\b", regex.IGNORECASE)),
    ("related", regex.compile(r"^(read|related|see also|more)\b", regex.IGNORECASE)),
)
DEFAULT_KIND = "boilerplate"
EXAMPLE_BODY = (
    "The first paragraph of the article stays in the text, as every paragraph of the story should.",
    "The second paragraph of the article stays as well, once the furniture around it has gone.",
)


def quote(text: str) -> str:
    """A YAML scalar for any string: single-quoted, or JSON-style where that cannot hold it."""
    return (
        "'" + text.replace("'", "''") + "'"
        if text.isprintable()
        else json.dumps(text, ensure_ascii=False)
    )


def _shown(text: str) -> str:
    """The text a rule matches on: the whole block, or the first words of a long one."""
    if len(text) <= EXACT_TEXT_CHARS:
        return text
    head = text[:PREFIX_CHARS]
    space = head.rfind(" ")
    return head[:space] if space >= MIN_PREFIX_CHARS else head


def _escape(text: str) -> str:
    return regex.escape(text, special_only=True, literal_spaces=True)


def _general(tokens: tuple[str, ...]) -> str:
    """One token of every variant of a line, as a pattern: itself when they agree and it is no
    year, any year, any number, or the word in the singular or the plural."""
    if all(YEAR.fullmatch(t) for t in tokens):
        return r"\d{4}"
    if len(set(tokens)) == 1:
        return _escape(tokens[0])
    if tokens[0].isdigit():
        return r"\d+"
    stem = os.path.commonprefix(tokens)
    endings = sorted({t[len(stem) :] for t in tokens})
    either = "s?" if endings == ["", "s"] else f"(?:{'|'.join(map(_escape, endings))})"
    return _escape(stem) + either


def _anchored(seen: Seen) -> str:
    """A pattern for the line in all its variants: the whole line, or its first words."""
    shown = _shown(seen.text)
    lines = [TOKENS.findall(v) for v in sorted(seen.variants)]
    whole, count = "", 0  # the tokens of the first variant that fit in what is shown
    for token in TOKENS.findall(seen.text):
        if not shown.startswith(whole + token):
            break
        whole, count = whole + token, count + 1
    pattern = "".join(_general(tokens) for tokens in list(zip(*lines))[:count])
    pattern += _escape(shown[len(whole) :])
    return f"^{pattern}$" if shown == seen.text else f"^{pattern}"


def _note(seen: Seen, total: int) -> str:
    times = f", {seen.count} times" if seen.count > len(seen.samples) else ""
    return f"seen in {len(seen.samples)} of {total} samples{times}"


def _rule_id(text: str, taken: set[str]) -> str:
    words = regex.findall(r"[a-z0-9]+", text.casefold())[:RULE_ID_WORDS] or ["drop"]
    base = "-".join(words)[:RULE_ID_MAX_CHARS].strip("-")
    rule_id, n = base, 2
    while rule_id in taken:
        rule_id, n = f"{base}-{n}", n + 1
    taken.add(rule_id)
    return rule_id


def _kind(text: str) -> str:
    return next((kind for kind, pattern in KIND_HINTS if pattern.search(text)), DEFAULT_KIND)


def _identity(outlet: str, name: str, domains: list[str], findings: Findings) -> list[str]:
    lines = ["format: 1", f"id: {outlet}", f"name: {quote(name)}"]
    if domains:
        lines.append(f"domains: [{', '.join(domains)}]")
    elif findings.signatures:
        lines.append("domains: []  # add the outlet's domains: a URL on them picks this pack")
    else:
        lines.append(
            f"domains: [{outlet}.example]  # nothing recurs to detect it by: put the real domain here"
        )
    if findings.signatures:
        weight = (
            MIN_SCORE if len(findings.signatures) == 1 else -(-MIN_SCORE // 2)
        )  # one alone, or any two
        lines.append(f"detect:  # the most distinctive recurring lines; {MIN_SCORE} points detect")
        for seen in findings.signatures:
            pattern = quote(_anchored(seen))
            lines += [
                f"  # {_note(seen, findings.total)}",
                f"  - pattern: {pattern}",
                f"    weight: {weight}",
            ]
    return lines


def _cut(rule_id: str, action: str, key: str, pattern: str, comment: str) -> list[str]:
    return [
        f"  # {comment}",
        f"  - id: {rule_id}",
        f"    kind: {rule_id}",
        f"    action: {action}",
        f"    {key}: {quote(pattern)}",
    ]


def _anchor(findings: Findings, seen: Seen, prefix: str, where: str) -> tuple[str, str]:
    """A cut's pattern and the comment saying where it stands. A breadcrumb's first crumb is any
    crumb: three samples from one section agree on `News › `, the next page says `Sport › `."""
    total = findings.total
    if prefix and (crumb := CRUMB_END.search(prefix)):
        separator = _escape(crumb[0].strip())
        return (
            f"^[^{separator}]{{1,40}} {separator} ",
            f"{where}, at a breadcrumb in {total} of {total} samples ({_shown(seen.text)}).",
        )
    if prefix:
        return (
            f"^{_escape(prefix)}",
            f"{where}, at a line starting so in {total} of {total} samples.",
        )
    return _anchored(seen), f"{where}, here ({_note(seen, total)})."


def _header(findings: Findings, header: Seen) -> list[str]:
    """The cut of everything above the article's head."""
    where = "The page head ends above the headline"
    pattern, comment = _anchor(findings, header, findings.header_prefix, where)
    if findings.header_gap:
        shown = ", ".join(quote(text) for text in findings.header_gap)
        comment += f"\n  # Lines that vary stay between the cut and the headline: {shown}."
    lines = _cut("header", "cut-header", "until", pattern, comment)
    if findings.header_within >= HeaderRule.model_fields["within"].default:
        lines.append(f"    within: {findings.header_within * HEADER_ROOM}")
    return lines


def _footer(findings: Findings, footer: Seen) -> list[str]:
    """The cut of everything below the article's last paragraph."""
    where = "The page foot starts below the article"
    pattern, comment = _anchor(findings, footer, findings.footer_prefix, where)
    return _cut("footer", "cut-footer", "from", pattern, comment)


def _rules(findings: Findings) -> tuple[list[str], list[tuple[str, str]]]:
    """The rule lines, and (rule id, matched text) pairs for the example."""
    lines, used, taken = ["rules:"], [], {"header", "footer"}
    if findings.header:
        lines += _header(findings, findings.header)
        used.append(("header", _shown(findings.header.text)))
    for seen in findings.drops:
        rule_id = _rule_id(seen.text, taken)
        pattern = _anchored(seen)
        literal = pattern == f"^{_escape(seen.text)}$"
        match = f"text: {quote(seen.text)}" if literal else f"pattern: {quote(pattern)}"
        lines += [
            f"  # {_note(seen, findings.total)}",
            f"  - id: {rule_id}",
            f"    kind: {_kind(seen.text)}",
            "    action: drop",
            f"    {match}",
        ]
        used.append((rule_id, _shown(seen.text)))
    if findings.footer:
        lines += _footer(findings, findings.footer)
        used.append(("footer", _shown(findings.footer.text)))
    return (lines if used else ["rules: []"]), used


def _example(used: list[tuple[str, str]]) -> list[str]:
    """One example: the header text, two article paragraphs with the drops between them, the footer."""
    head = [text for rule_id, text in used if rule_id == "header"]
    middle = [text for rule_id, text in used if rule_id not in ("header", "footer")]
    foot = [text for rule_id, text in used if rule_id == "footer"]
    blocks = [*head, EXAMPLE_BODY[0], *middle, EXAMPLE_BODY[1], *foot]
    body = "\n\n".join(blocks).split("\n")
    return [
        "examples:",
        "  - name: the furniture these samples share, around two made-up paragraphs",
        "    input: |",
        *(f"      {line}" if line else "" for line in body),
        "    keep:",
        *(f"      - {quote(text)}" for text in EXAMPLE_BODY),
        "    drop:",
        *(f"      - {quote(text)}" for _, text in used),
        f"    rules: [{', '.join(rule_id for rule_id, _ in used)}]",
    ]


def render(findings: Findings, outlet: str, name: str, domains: list[str]) -> str:
    """The draft pack as YAML text."""
    intro = [
        f"# Draft rule pack for {name}, from {findings.total} samples (`clean rules suggest`).",
        "# Each rule below is furniture the samples share. Review every one: delete what is article",
        "# text, fix kinds and ids, add examples; then run `clean rules check` and `clean rules test`.",
    ]
    rules, used = _rules(findings)
    example = _example(used) if used else []
    return (
        "\n".join(
            [
                *intro,
                *_identity(outlet, name, domains or findings.domains, findings),
                *rules,
                *example,
            ]
        )
        + "\n"
    )
