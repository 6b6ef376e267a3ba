"""`clean rules new ID`: a commented starting pack that already passes `check` and `test`, so
an author edits something that works instead of starting from an empty file."""

from __future__ import annotations

from .draft import quote

PLACEHOLDER_TLD = "example"  # reserved: a placeholder domain can never match a real URL


def default_name(outlet_id: str) -> str:
    return outlet_id.replace("-", " ").title()


def scaffold(outlet_id: str, name: str, domains: list[str]) -> str:
    """The pack text; `domains` may be empty, then a placeholder domain keeps it detectable."""
    hosts = ", ".join(domains or [f"{outlet_id}.{PLACEHOLDER_TLD}"])
    return f"""\
# {name}. Say here what a scraped page of this outlet looks like: what it opens with, what sits
# between paragraphs, how it ends. The guide: docs/writing-a-rule-pack.md.
format: 1
id: {outlet_id}
name: {quote(name)}
domains: [{hosts}]  # a URL on these hosts picks this pack
# Without a URL, signatures detect the outlet: regexes searched in each block's text, whose
# weights add up; 3 points detect. Use lines every page of the outlet prints, e.g.
# detect:
#   - pattern: '^© \\d{{4}} Example News Ltd\\.$'
#     weight: 3
# Generic heuristics this outlet does not want, by id (see the README), e.g. [generic.duplicate].
disable: []
# Applied in order. Each rule has an id, a kind (what the block is) and an action: drop (by
# `text`, `pattern` or position `at`), move (`to:` title, subtitle, byline, date, caption, credit,
# related, link, url), cut-header (`until`), cut-footer (`from`) or replace (`pattern`, `with`).
rules:
  - id: ad-marker
    kind: advertisement
    action: drop
    text: Advertisement
# Small cases this pack must handle, run by `clean rules test {outlet_id}` with the pack forced:
# every `keep` string must be in the cleaned text, no `drop` string may be, every rule in
# `rules` must fire. A `fixture: path/NAME.txt` example compares with NAME.expected.txt instead.
examples:
  - name: ad marker between paragraphs
    input: |
      The first paragraph of the story, long enough to read as article text in a newspaper.

      Advertisement

      The second paragraph of the story, which has to stay in the cleaned text as well.
    keep: [The first paragraph of the story, The second paragraph of the story]
    drop: [Advertisement]
    rules: [ad-marker]
"""
