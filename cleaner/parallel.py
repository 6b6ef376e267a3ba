"""Order-preserving parallel map over worker processes, in bounded memory, where what one item
does costs no other item.

Each worker is handed one chunk of items at a time and answers item by item, so the parent
always knows which item a worker was on. A worker that dies (killed from outside, as the OOM
killer does, or crashed in C code) costs only that item: it is tried once more, alone, in a
fresh worker, and then reported through `lost`; the rest of its chunk is handed out again. An
item that outlasts `limit` seconds has its worker killed and is reported at once. At most
`WINDOW_PER_JOB` chunks per worker are in flight or waiting to be yielded, so a stream of any
length is mapped in constant memory, in input order.

Workers die with their parent (`PR_SET_PDEATHSIG` on Linux; elsewhere when they next read from
it), leave Ctrl-C and SIGTERM to it, and are ended by it however it leaves. One job, or work
that fits in one chunk, runs in this process with no worker at all.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from .cores import usable_cores

T = TypeVar("T")
R = TypeVar("R")

CHUNK_SIZE = 32
WINDOW_PER_JOB = 4
TRIES = 2  # an item whose worker died is tried once more, alone, before it is reported
JOIN_SECONDS = 1.0  # how long a worker gets to leave on its own at the end
_PR_SET_PDEATHSIG = 1  # prctl option: the signal this process gets when its parent dies
_STOPS = {signal.SIGINT, signal.SIGTERM}


def worker_count(asked: int | None, items: int | None = None) -> int:
    """Workers for `asked` (None: one per core) and `items` inputs (None: a stream): no more than
    the cores the process may use (`cores`), as each is CPU-bound and holds a cleaner of 100+ MB,
    nor than the inputs."""
    cores = usable_cores()
    workers = min(asked or cores, cores)
    return workers if items is None else max(1, min(workers, items))


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies; exit now if it already has."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the closed pipe ends the worker instead
        pass
    if os.getppid() != parent:
        os._exit(1)


def _work(
    conn: Connection,
    parent: int,
    fn: Callable[[Any], Any],
    initializer: Callable[..., None] | None,
    initargs: tuple,
) -> None:
    """A worker's life: chunks in, one (ok, result or problem) message per item out."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends its workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)  # held by the parent while it forked
    if initializer:
        initializer(*initargs)
    try:
        while (chunk := conn.recv()) is not None:
            for item in chunk:
                try:
                    message = (True, fn(item))
                    conn.send(message)
                except (OSError, EOFError):
                    raise
                except Exception as err:  # noqa: BLE001 - one item's failure is that item's answer
                    conn.send((False, f"{type(err).__name__}: {err}"))
    except (OSError, EOFError):  # the parent has gone
        pass


@dataclass
class _Task(Generic[T]):
    seq: int
    item: T
    tries: int = 0


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    tasks: deque[_Task] = field(
        default_factory=deque
    )  # handed over, not yet answered; the first is running
    since: float = 0.0  # when the running task began


class _Pool(Generic[T, R]):
    """The parent's side: workers, the tasks each holds, answers waiting for their turn."""

    def __init__(
        self,
        fn: Callable[[T], R],
        lost: Callable[[T, str], R],
        jobs: int,
        initializer: Callable[..., None] | None,
        initargs: tuple,
        limit: float | None,
    ) -> None:
        self.fn, self.lost, self.jobs, self.limit = fn, lost, jobs, limit
        self.initializer, self.initargs = initializer, initargs
        self.context = multiprocessing.get_context()
        self.workers: list[_Worker] = []
        self.retry: deque[_Task] = deque()
        self.done: dict[int, R] = {}

    def start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        args = (child_end, os.getpid(), self.fn, self.initializer, self.initargs)
        process = self.context.Process(target=_work, args=args, daemon=True)
        # Ctrl-C or SIGTERM during the fork would be handled inside the fork's callbacks, which
        # swallow the KeyboardInterrupt: they wait until the fork is done.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
        try:
            process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        child_end.close()
        worker = _Worker(process, parent_end)
        self.workers.append(worker)
        return worker

    def hand(self, worker: _Worker, tasks: list[_Task]) -> None:
        worker.tasks.extend(tasks)
        worker.since = time.monotonic()
        try:
            worker.conn.send([task.item for task in tasks])
        except OSError:  # it died between two chunks
            self.bury(worker)

    def busy(self) -> list[_Worker]:
        return [w for w in self.workers if w.tasks]

    def answer(self, worker: _Worker) -> None:
        ok, payload = worker.conn.recv()
        task = worker.tasks.popleft()
        self.done[task.seq] = payload if ok else self.lost(task.item, payload)
        worker.since = time.monotonic()

    def bury(self, worker: _Worker, problem: str | None = None) -> None:
        """A dead (or killed) worker: its running task is retried or reported, the rest go back."""
        worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self.workers.remove(worker)
        if not worker.tasks:
            return
        running = worker.tasks.popleft()
        running.tries += 1
        code = worker.process.exitcode or 0
        why = (
            problem
            or f"its worker process died ({f'signal {-code}' if code < 0 else f'exit code {code}'})"
        )
        if problem or running.tries >= TRIES:
            self.done[running.seq] = self.lost(running.item, why)
        else:
            self.retry.append(running)
        self.retry.extendleft(reversed(worker.tasks))

    def poll(self) -> None:
        """Wait for answers, deaths or a time limit, and take what came."""
        busy = self.busy()
        timeout = None
        if self.limit is not None:
            timeout = max(0.0, min(w.since for w in busy) + self.limit - time.monotonic())
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
        for worker in busy:
            try:
                while worker.tasks and worker.conn.poll():
                    self.answer(worker)
            except (EOFError, OSError):
                self.bury(worker)
                continue
            if worker.process.sentinel in ready and worker in self.workers:
                self.bury(worker)
            elif (
                self.limit is not None
                and worker.tasks
                and time.monotonic() - worker.since > self.limit
            ):
                self.bury(worker, f"took longer than the time limit of {self.limit:g} s")

    def close(self, now: bool = False) -> None:
        """End every worker: a None asks it to leave, a kill makes sure (at once when `now`)."""
        for worker in self.workers:
            try:
                if not now:
                    worker.conn.send(None)
            except OSError:  # already gone
                pass
            worker.conn.close()
        deadline = time.monotonic() + (0 if now else JOIN_SECONDS)
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        self.workers.clear()


def _run(pool: _Pool[T, R], items: Iterator[T]) -> Iterator[R]:
    window = pool.jobs * WINDOW_PER_JOB * CHUNK_SIZE
    new_seq = next_out = 0
    exhausted = False
    while True:
        for worker in [w for w in pool.workers if not w.tasks] + [None] * (
            pool.jobs - len(pool.workers)
        ):
            if pool.retry:
                tasks = [
                    pool.retry.popleft()
                ]  # alone: if it kills its worker again, it alone is lost
            elif not exhausted and new_seq - next_out < window:
                batch = list(islice(items, min(CHUNK_SIZE, window - (new_seq - next_out))))
                exhausted = len(batch) == 0
                tasks = [_Task(new_seq + i, item) for i, item in enumerate(batch)]
                new_seq += len(tasks)
            else:
                break
            if tasks:
                pool.hand(worker or pool.start(), tasks)
        if not pool.busy():
            if exhausted and not pool.retry and next_out == new_seq:
                return
            if not pool.retry and next_out not in pool.done:  # window full of answered work
                raise AssertionError("parallel: nothing in flight, nothing to yield")
        else:
            pool.poll()
        while next_out in pool.done:
            yield pool.done.pop(next_out)
            next_out += 1


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
    lost: Callable[[T, str], R] | None = None,
    limit: float | None = None,
) -> Generator[R, None, None]:
    """`fn` applied to each item, results in input order. With several jobs, `fn`, `lost` and
    `initializer` must be picklable top-level functions; `lost(item, problem)` gives the result
    of an item whose worker died twice, outlasted `limit` seconds or raised (by default the
    problem raises RuntimeError)."""
    iterator = iter(items)
    first = list(islice(iterator, CHUNK_SIZE))
    if jobs <= 1 or len(first) < CHUNK_SIZE:
        if initializer:
            initializer(*initargs)
        for item in _chain(first, iterator):
            try:
                result = fn(item)
            except Exception as err:  # noqa: BLE001 - as in a worker: the item's own answer
                if lost is None:
                    raise
                result = lost(item, f"{type(err).__name__}: {err}")
            yield result
        return
    pool: _Pool[T, R] = _Pool(fn, lost or _raise, jobs, initializer, initargs, limit)
    try:
        yield from _run(pool, _chain(first, iterator))
    except BaseException:  # Ctrl-C, SIGTERM, a closed consumer: no worker is waited for
        pool.close(now=True)
        raise
    finally:
        pool.close()


def _chain(first: list[T], rest: Iterator[T]) -> Iterator[T]:
    yield from first
    yield from rest


def _raise(item: object, problem: str) -> Any:
    raise RuntimeError(problem)
