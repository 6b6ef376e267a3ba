"""A time limit for cleaning one document, so that no input can hold a batch up.

Every built-in pattern is meant to run in linear time, and pack patterns have budgets of their
own (`packs.apply`); this limit is the net under both, for whatever slips through. It is a
SIGALRM timer, which interrupts pure Python and both regex engines alike; it applies in a
process's main thread (the CLI and its workers) and is a no-op elsewhere (threads, Windows).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_MAX_BYTES = 50 * 2**20  # far above any article; keeps one input's memory bounded
DEFAULT_SECONDS = 120.0  # a 50 MB single-line dump cleans in about 20 s here
# A worker still busy this long after the limit is stuck where the timer cannot reach (C code
# that never returns to Python): `parallel` kills it.
KILL_AFTER_SECONDS = 30.0
MAX_SECONDS = 1e6  # about 11 days; a longer limit (inf) is none, where the timer would overflow


class OutOfTime(Exception):
    """A document that took longer than its time limit."""


def hard_limit(seconds: float | None) -> float | None:
    """When a worker on one input is killed, for a time limit of `seconds`."""
    seconds = _bounded(seconds)
    return None if seconds is None else seconds + KILL_AFTER_SECONDS


def _bounded(seconds: float | None) -> float | None:
    """`seconds` as a limit the timer can keep: None for none (0, None, NaN, over MAX_SECONDS)."""
    return seconds if seconds and seconds <= MAX_SECONDS else None


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise OutOfTime in the block once `seconds` have passed (None: no limit)."""
    in_main_thread = threading.current_thread() is threading.main_thread()
    seconds = _bounded(seconds)
    if seconds is None or not hasattr(signal, "setitimer") or not in_main_thread:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise OutOfTime(f"took longer than the time limit of {seconds:g} s (--time-limit)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
