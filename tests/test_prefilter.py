"""The hyperscan prefilter (#16) changes no result: every lexicon set and the code signals answer
the same with it as on the plain `regex` path, over the heuristics' own examples, the seeds' lines,
text built from the patterns' words, and what case folding and the byte mapping make hard (the
Kelvin sign is a `k` to `regex`; beyond ASCII the scanned text has `?`). Both paths run in CI:
the dev group installs hyperscan, and CLEANER_PREFILTER=0 switches it off."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

import pytest
import regex
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import code_signals
from cleaner.lexicon import FLAGS, LEXICON_FILE, AnyOf, lexicon
from cleaner.prefilter import Prefilter, available
from cleaner.prefilter_syntax import Unsupported, translate

from .conftest import ROOT, SEEDS
from .heuristics.test_code import CODE, PROSE
from .heuristics.test_furniture import CASES

pytest.importorskip("hyperscan", reason="the dev group installs it: the prefilter is tested")

DATA = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
SETS = {
    **{f"furniture.{name}": entry["patterns"] for name, entry in DATA["furniture"].items()},
    **{key: DATA[key] for key in ("comment_start", "comment_heading", "related_heading")},
    **{key: DATA[key] for key in ("self_url_labels", "job_titles")},
    "every furniture pattern": [p for e in DATA["furniture"].values() for p in e["patterns"]],
}
HARD = [
    "",
    "\n",
    "Advertisement\n",
    "ADVERTISEMENT",
    "Coo\u212aies: we use cookies to improve your browser experience",  # the Kelvin sign
    "\u017fhare this",  # long s
    "L\u0130KE · REPLY",  # dotted capital I
    "Share this: \u2192 Facebook",
    "© 2024 The Gazette. All rights reserved.",
    "Copyright © Société Générale",
    "News › Politique › Élections",
    "Ça | Été | Noël | Œuvres | Ünïcode",
    "Advertisement — Scroll to continue",
    "é ad é",
    "Read more…",
    "By Jane Doe, staff writer",
    "\x00\x1f\x7f\x80\xff\ud800",
    "x" * 100_000,
    "Subscribe now " * 5_000,
]
SEED_LINES = [line for path in SEEDS for line in path.read_text(encoding="utf-8").splitlines()]
EXAMPLES = [text for _, _, texts in CASES for text in texts] + CODE + PROSE
STRINGS = HARD + EXAMPLES + SEED_LINES
# Words and marks of the patterns themselves, so that built text often matches.
PIECES = sorted(
    {w for ps in SETS.values() for p in ps for w in regex.findall(r"[a-z]{2,}", p)}
    | set(" |·•›»>:.-—$£€©0123456789\n’'\u212a\u017f\u0130éÉ{}();=<>\"@#[]")
)


def _both(patterns: list[str]) -> tuple[AnyOf, AnyOf]:
    """The set on the plain path, and the same set with a prefilter of its own."""
    return AnyOf.of(patterns), AnyOf.of(patterns, Prefilter(FLAGS))


@pytest.mark.parametrize("name", SETS)
def test_every_lexicon_set_answers_alike_with_the_prefilter(name: str) -> None:
    plain, fast = _both(SETS[name])
    for text in STRINGS:
        for variant in (text, text.upper(), text.lower(), text.swapcase()):
            assert plain.search(variant) == fast.search(variant), (name, variant[:80])
            assert plain.match(variant) == fast.match(variant), (name, variant[:80])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join)
    | st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
    | st.text(max_size=200)
)
def test_built_text_answers_alike(text: str) -> None:
    for patterns in SETS.values():
        plain, fast = _cached_pair(tuple(patterns))
        assert plain.search(text) == fast.search(text)
        assert plain.match(text) == fast.match(text)
    assert _looks_like_code(text, None) == _looks_like_code(text, _signal_filter())


_PAIRS: dict[tuple[str, ...], tuple[AnyOf, AnyOf]] = {}


def _cached_pair(patterns: tuple[str, ...]) -> tuple[AnyOf, AnyOf]:
    """Built once per set: hypothesis calls the test hundreds of times."""
    return _PAIRS.setdefault(patterns, _both(list(patterns)))


def _signal_filter() -> Prefilter:
    flags = code_signals._SIGNALS[0][1].flags
    return Prefilter(flags, [signal.pattern for _, signal in code_signals._SIGNALS])


def _looks_like_code(text: str, prefilter: Prefilter | None) -> bool:
    saved = code_signals._PREFILTER
    code_signals._PREFILTER = prefilter
    try:
        return code_signals.looks_like_code(text)
    finally:
        code_signals._PREFILTER = saved


def test_the_code_signals_answer_alike_with_the_prefilter() -> None:
    fast = _signal_filter()
    for text in STRINGS:
        assert _looks_like_code(text, None) == _looks_like_code(text, fast), text[:80]
    assert any(_looks_like_code(text, fast) for text in CODE)  # it does find code


def test_the_shipped_lexicon_and_code_signals_use_it() -> None:
    assert available()
    assert lexicon().furniture_unions[0].prefilter is not None
    assert code_signals._PREFILTER is not None


def test_case_folding_beyond_ascii_is_kept() -> None:
    """`regex` lets `k` match the Kelvin sign: the loosened class must admit the `?` it becomes."""
    assert "\\x3f" in translate("k", FLAGS)
    assert "\\x3f" not in translate("k", regex.UNICODE)  # case-sensitive: no folding
    assert "\\x3f" not in translate(";", FLAGS)
    assert translate("é", regex.UNICODE) == "[\\x3f]"
    fast = AnyOf.of(["^cookies$"], Prefilter(FLAGS))
    assert fast.search("coo\u212aies") and not fast.search("coolies")


def test_assertions_are_dropped_not_misread() -> None:
    """Next to a `?` that stands for a letter, hyperscan would see a word boundary `regex` does
    not, and none where `regex` does: assertions other than the ends are dropped."""
    for pattern in (r"café\b", r"\bad\b", r"(?<=é)t(?!x)", r"^\s*end$"):
        plain, fast = _both([pattern])  # one each: another's hit would hide a miss
        for text in ("café au lait", "cafés", "éad", "é ad é", "ét", "étx", " end\n", "ending"):
            assert plain.search(text) == fast.search(text), (pattern, text)


def test_a_case_sensitive_part_of_a_caseless_pattern_is_loosened_not_left_out() -> None:
    """`(?-i:…)` in a pattern matched without case: read without case, it matches more."""
    pattern = r"^(?-i:\p{Lu}\w+ \p{Lu}\w+) writes about"
    assert translate(pattern, FLAGS)  # taken by hyperscan, not left to `regex`
    plain, fast = _both([pattern])
    for text in ("Owen Prideaux writes about rivers", "owen prideaux writes about", "He writes"):
        assert plain.search(text) == fast.search(text), text
    with pytest.raises(Unsupported):  # a case-sensitive pattern's caseless part would match less
        translate(r"(?i:x)", FLAGS & ~regex.IGNORECASE)


def test_what_hyperscan_cannot_take_is_left_to_regex() -> None:
    for pattern in (r"(\w)\1", r"(?i)x", r"(?-i)x", r"\X", r"a(?(1)b|c)"):
        with pytest.raises(Unsupported):
            translate(pattern, FLAGS)
    plain, fast = _both([r"(\w)\1 again", "^cookies$"])
    for text in ("oo again", "no again", "cookies", "cookie"):
        assert plain.search(text) == fast.search(text)


def test_it_survives_pickling_as_the_engines_ship_it() -> None:
    fast = pickle.loads(pickle.dumps(AnyOf.of(["^share this$"], Prefilter(FLAGS))))
    assert fast.search("Share this") and not fast.search("Share that")


def _cleaned(prefilter: str) -> str:
    """Every seed cleaned in a fresh process, with the prefilter on ("1") or off ("0")."""
    script = (
        "import json, sys; from pathlib import Path; from cleaner import Cleaner; "
        "from cleaner.prefilter import available; c = Cleaner(); "
        "print(json.dumps([available()] + [c.clean_file(Path(p)).model_dump_json() "
        "for p in sys.argv[1:]]))"
    )
    env = {**os.environ, "CLEANER_PREFILTER": prefilter}
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, SEEDS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout


def test_the_seeds_clean_alike_with_and_without_the_prefilter() -> None:
    on, off = json.loads(_cleaned("1")), json.loads(_cleaned("0"))
    assert on[0] is True and off[0] is False  # each path was the one asked for
    assert on[1:] == off[1:]
