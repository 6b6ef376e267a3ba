"""Properties of the whole cleaner, on arbitrary Unicode text and on random mixes of real
furniture (what the seeds and the packs' examples lose) and real article paragraphs:
it never raises, every output word comes from the input, the kept and removed blocks together
account for every line of the input, and its output is idempotent.

CI runs the "ci" profile (2,000 examples a property, derandomised so a run is repeatable);
`HYPOTHESIS_PROFILE=explore` draws 20,000 fresh ones to hunt for new failures."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, Result
from cleaner.canonical import canonical_text
from cleaner.detect import OutletMatch
from cleaner.model import Document
from cleaner.read import InputError, read_bytes

from ..conftest import SEEDS, expected_text

settings.register_profile(
    "ci",
    max_examples=2000,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "explore", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# What the documented normalisations take out of the input: invisible characters (zero-width,
# BOM, soft hyphen) and markdown markup; a word of the output may close up around them.
_INVISIBLE = regex.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_MARKUP = str.maketrans("", "", "*_[]()#\\!<>`")
_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")

# Cleaning an output again returns it unchanged; these once did not, each for a bug since fixed:
IDEMPOTENCE_REGRESSIONS = {
    # segment.py joined "A" and "b" across the blank line canonical.py put between them.
    "stray-blank join": "A\nb\n",
    # heuristics: the alternate headline kept under a heading title became the output's headline.
    "kept alternate headline": "# Putin Backs Lukashenko as Belarus Leader Vows Closer Ties\nPutin Doubles Down on Belarus Ally, Wary of Protest Contagion\n",
    # inline.py: an escaped backslash became one backslash, which escaped the "$" the next time.
    "escaped backslash": "Price \\\\$5 today.\n",
    # heuristics/code.py read only the raw block: "[\u200b]" is no code, the "[]" it leaves is.
    "invisible characters hide code": "[\u200b]\n",
    # read.py kept U+001F, a space to str.split but not to regex's \s: "0 #" lost its "#" the next time.
    "information separator": "0\x1f#",
    # read.py looked for mojibake before taking out control characters, so "Â¡" was repaired
    # only the second time.
    "control character inside mojibake": "A line of text with \u00c2\x07\u00a1 inside it.\n",
    # read.py repaired mojibake over the whole text, so a neighbour that cleaning then removed
    # (a no-break space) or joined (the next line) swayed whether ftfy repaired it.
    "mojibake beside a no-break space": "\xa0\u00c2\u00a1",
    "mojibake after a soft hyphen": "\xad\u00c2\u00a1",
    "mojibake split by a control character": "# Putin Backs Lukashenko as Belarus Leader Vows Closer Ties\n\x91\u00c2\x1f\u00a1\n",
    "mojibake in a line joined to the next": "# Putin Backs Lukashenko as Belarus Leader Vows Closer Ties\n\u00d3\u00e6\x8a\na\n",
    # canonical.py joined "*0" and "a*" into one paragraph, which read back as emphasis.
    "emphasis across a join": "*0\na*\n",
    # Removing the head made the next short line the output's headline (fixed by Cleaner.settle).
    "exposed headline": "# Putin Backs Lukashenko as Belarus Leader Vows Closer Ties\n"
    "# Putin Backs Lukashenko as Belarus Leader Vows Closer Ties\nBuild your personal news feed\n"
    "2. Check your Following feed daily, and never miss an article. Access your Following feed from your "
    "account menu at the top right corner of every page.\n",
}

cleaner = Cleaner()


def _samples() -> tuple[list[str], list[str]]:
    """(furniture, paragraphs): blocks the cleaner removes from the seeds and the packs'
    examples' `drop` strings; the paragraphs of the seeds' expected texts."""
    furniture = sorted(
        {r.text for seed in SEEDS for r in cleaner.clean_file(seed).metadata.removed}
    )
    furniture += [
        drop for pack in cleaner.packs for example in pack.examples for drop in example.drop
    ]
    paragraphs = [p for seed in SEEDS for p in expected_text(seed.stem).split("\n\n")]
    return furniture, [p.strip() for p in paragraphs if p.strip()]


def _pages() -> st.SearchStrategy[str]:
    furniture, paragraphs = _samples()
    line = st.one_of(st.sampled_from(furniture), st.sampled_from(paragraphs), st.text(max_size=40))
    gap = st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n\r\n"])
    return st.lists(st.tuples(line, gap), min_size=1, max_size=25).map(
        lambda parts: "".join(f"{a}{b}" for a, b in parts)
    )


PAGES = _pages()


def _clean(text: str) -> tuple[Document, Result] | None:
    """The document as marked and its result; None only when the input is refused as binary
    (arbitrary text can be a fifth control characters)."""
    try:
        doc = read_bytes(text.encode("utf-8"), None)
    except InputError as err:
        assert str(err).startswith("looks like a binary file")
        return None
    return doc, cleaner.clean_document(doc)


def _idempotent(text: str) -> None:
    """Cleaning the output again changes nothing. A pack's page is cleaned again as the settling
    passes clean it, as a text of no outlet with the heuristics its pack leaves out still left
    out: the pack's word is final (issue 14), and its output no longer names the outlet."""
    if not (cleaned := _clean(text)):
        return
    doc, result = cleaned
    if result.metadata.outlet is None:
        again = _clean(result.text)
        assert again is not None and again[1].text == result.text
        return
    match = OutletMatch(cleaner.packs.get(result.metadata.outlet.id), "forced")
    output = read_bytes(result.text.encode("utf-8"), None)
    cleaner.mark_output(output, Cleaner.disabled(doc, match))
    assert canonical_text(output.kept()) == result.text


def _words_from_input(text: str) -> None:
    """Each run of letters, digits and marks in the output is in the input, once invisible
    characters and markdown markup are taken out of both."""
    if cleaned := _clean(text):
        doc, result = cleaned
        source = unicodedata.normalize("NFC", _INVISIBLE.sub("", doc.text).translate(_MARKUP))
        for word in _WORD.findall(unicodedata.normalize("NFC", result.text.translate(_MARKUP))):
            assert word in source, word


def _blocks_cover_input(text: str) -> None:
    """Every non-blank line is in a block; each block is in the text or is a removal record."""
    if cleaned := _clean(text):
        doc, result = cleaned
        lines = doc.text.split("\n")
        covered = {
            n for b in doc.blocks for n in range(b.start, b.end + 1)
        }  # a block may span a stray blank line
        assert covered >= {n for n, line in enumerate(lines, start=1) if line.strip()}
        marked = [((b.start, b.end), b.raw) for b in doc.blocks if b.mark is not None]
        assert [(r.lines, r.text) for r in result.metadata.removed][: len(marked)] == marked
        assert result.text == canonical_text(doc.kept())


CHECKS = [
    pytest.param(_words_from_input, id="words come from the input"),
    pytest.param(_blocks_cover_input, id="blocks cover the input"),
    pytest.param(_idempotent, id="idempotent"),
]


@pytest.mark.parametrize("check", CHECKS)
@PROFILE
@given(text=st.text())
def test_on_arbitrary_text(check: Callable[[str], None], text: str) -> None:
    check(text)


@pytest.mark.parametrize("check", CHECKS)
@PROFILE
@given(text=PAGES)
def test_on_pages(check: Callable[[str], None], text: str) -> None:
    check(text)


@pytest.mark.parametrize(
    "text", IDEMPOTENCE_REGRESSIONS.values(), ids=IDEMPOTENCE_REGRESSIONS.keys()
)
def test_idempotence_regressions(text: str) -> None:
    _idempotent(text)
