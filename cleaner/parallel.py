"""Order-preserving parallel map over worker processes, in bounded memory.

Items are sent in chunks; at most `WINDOW_PER_JOB` chunks per worker are in flight, so a
stream of any length is processed with a constant number of documents held at once, and
results come back in input order. One job runs in this process, with no pool at all.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK_SIZE = 32
WINDOW_PER_JOB = 4


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _chain(first: list[T], rest: Iterator[list[T]]) -> Iterator[list[T]]:
    if first:
        yield first
    yield from rest


def ordered_map(
    fn: Callable[[list[T]], list[R]],
    items: Iterable[T],
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
) -> Iterator[R]:
    """`fn` applied chunk by chunk (it takes and returns a list), results in input order.
    With several jobs, `fn` and `initializer` must be picklable top-level functions; work that
    fits in one chunk runs here, since starting a pool would cost more than it saves."""
    chunks = _chunks(items, CHUNK_SIZE)
    first = next(chunks, [])
    if jobs <= 1 or len(first) < CHUNK_SIZE:
        if initializer:
            initializer(*initargs)
        for chunk in _chain(first, chunks):
            yield from fn(chunk)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=initializer, initargs=initargs) as pool:
        pending: deque[Future[list[R]]] = deque()
        for chunk in _chain(first, chunks):
            pending.append(pool.submit(fn, chunk))
            if len(pending) >= jobs * WINDOW_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
