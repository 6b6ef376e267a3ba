"""Fuzz the cleaner with hostile inputs for a fixed time: deep nesting, huge counts, invalid
code points and bytes, odd file names, as text, HTML and JSONL records. Any exception other
than the cleaner's own refusal (InputError), any input over the time limit (a hang) and any
growth of memory past the warm-up (a leak) is a failure; each failing input is saved to
tests/robustness/corpus/, which the suite replays (tests/robustness/test_fuzz_corpus.py).

    uv run python scripts/fuzz.py [SECONDS]     # default 600
"""

from __future__ import annotations

import hashlib
import resource
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.robustness.fuzz_targets import CORPUS, TARGETS, FuzzFailure, run_target  # noqa: E402

ROUND_EXAMPLES = 200
DEFAULT_SECONDS = 600.0
LEAK_MB = 200  # peak memory may grow this much past the first minute before it is a leak
WARM_UP_SECONDS = 60.0

_UNITS = [
    "[a](",
    "<http://",
    "*_",
    "a.\n\n",
    "[",
    "]",
    "<div>",
    "</div>",
    '{"a":',
    "[[",
    "\\",
    "#",
    "a.b.",
    "\x1b[1m",
    "\u202e",
    "\ud800",
    "\udc80",
    "\x00",
    "\r",
    "\t",
    "é",
    "Ã©",
    "\ufeff",
    "<p a=1 ",
    "Original url: http://[::1\n",
    '<meta charset="base64">',
    "http://",
    "**x**",
    "`",
    "|",
]
_PREFIXES = [
    "",
    "<html><body>",
    '<!doctype html><html><head><script type="application/ld+json">',
    '<html><head><meta charset="punycode"></head><body>',
    "\ufeff",
    "By Anna for AFP\n\n",
]


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """A prefix, then units repeated up to thousands of times, mixed with arbitrary text."""
    parts = [draw(st.sampled_from(_PREFIXES))]
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(_UNITS)) * draw(st.integers(1, 20_000)))
        else:
            parts.append(draw(st.text(max_size=200)))
    return "".join(parts)


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


DOCUMENTS = st.one_of(
    st.binary(max_size=4000),
    st.builds(
        _encoded,
        hostile_text(),
        st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "shift_jis"]),
    ),
)
TARGET_NAMES = st.sampled_from(sorted(TARGETS))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _save(target: str, data: bytes) -> Path:
    CORPUS.mkdir(parents=True, exist_ok=True)
    path = CORPUS / f"{target}-{hashlib.sha256(data).hexdigest()[:16]}.bin"
    path.write_bytes(data)
    return path


def _round(seed: int, found: list[Path], count: list[int]) -> None:
    @settings(
        max_examples=ROUND_EXAMPLES,
        deadline=None,
        database=None,
        report_multiple_bugs=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(target=TARGET_NAMES, data=DOCUMENTS)
    def check(target: str, data: bytes) -> None:
        count[0] += 1
        run_target(target, data)

    check._hypothesis_internal_use_seed = seed  # type: ignore[attr-defined]
    try:
        check()
    except FuzzFailure as failure:  # hypothesis re-raises the smallest failing input's error
        found.append(_save(failure.target, failure.data))
        print(f"FAILURE {failure} -> {found[-1]}", flush=True)


def main(seconds: float) -> int:
    start = time.monotonic()
    found: list[Path] = []
    count, seed, settled_mb = [0], 0, None
    while time.monotonic() - start < seconds:
        _round(seed, found, count)
        seed += 1
        if settled_mb is None and time.monotonic() - start > WARM_UP_SECONDS:
            settled_mb = _peak_mb()
    grown = _peak_mb() - (settled_mb or _peak_mb())
    took = time.monotonic() - start
    print(
        f"{count[0]:,} inputs in {took:.0f} s ({count[0] / took:.1f}/s), {len(found)} failures, "
        f"peak RSS {_peak_mb():.0f} MB ({grown:+.0f} MB after the first {WARM_UP_SECONDS:.0f} s)"
    )
    return 1 if found or grown > LEAK_MB else 0


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SECONDS))
