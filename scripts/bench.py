"""Speed and memory of the cleaner at corpus scale, in one table.

    uv run --group eval python scripts/bench.py        # 50 MB corpus, 1 job and all cores, packs
    uv run --group eval python scripts/bench.py --mb 200 --stream-gb 1

Builds a JSONL corpus of at least --mb megabytes from the bench text dumps and the seeds
(repeated), then runs each configuration in a fresh subprocess so peak RSS is its own:
the cleaner with 1 job and with all cores (docs/s, MB/s, per-document p50/p99 latency, peak
RSS), the cleaner with every heuristic switched off (the floor under any set of rules,
`stages.py --bare`), the cleaner with 5, 100 and 1,000 packs loaded (synthetic packs written by
scripts/pack_scaling.py's generator), and on the same corpus a bare C4-style line filter and
boilerpy3's ArticleExtractor over each dump's lines as paragraphs (group `eval`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from anchors import TEXT_ANCHORS, run_anchor
from corpora import BENCH, require
from pack_scaling import write_packs
from stages import switch_off_heuristics

ROOT = Path(__file__).resolve().parent.parent
PACK_COUNTS = (5, 100, 1000)
SCALING_DOCS = 400  # documents per pack-scaling run


def build_corpus(path: Path, megabytes: float) -> int:
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted([*(BENCH / "text").glob("*.txt"), *(ROOT / "seeds").glob("*.txt")])
    ]
    size, count = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while size < megabytes * 1e6:
            for text in texts:
                line = json.dumps({"id": count, "text": text}, ensure_ascii=False) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
                count += 1
    return count


def run_config(corpus: Path, mode: str, jobs: int, rules: str | None, limit: int | None) -> dict:
    """One measurement, in this (fresh) process."""
    from cleaner import Cleaner, batch, records
    from cleaner.parallel import ordered_map

    start = time.perf_counter()
    cleaner = Cleaner(rules_dirs=[Path(rules)] if rules else [])
    load = time.perf_counter() - start
    if mode == "bare":
        switch_off_heuristics()
    lines = corpus.open(encoding="utf-8")
    parsed = (r for r in records.read(lines) if isinstance(r, records.Record))
    if limit:
        parsed = islice(parsed, limit)
    latencies: list[float] = []
    size = [0, 0]  # documents, bytes of content read

    def counted(items):
        for record in items:
            size[0] += 1
            size[1] += len(record.content.encode("utf-8"))
            yield record

    start = time.perf_counter()
    if jobs == 1:
        anchor = TEXT_ANCHORS.get(mode)
        work = (
            (lambda r: run_anchor(anchor, r.content))
            if anchor
            else (lambda r: records.clean(cleaner, r))
        )
        for record in counted(parsed):
            t = time.perf_counter()
            work(record)
            latencies.append(time.perf_counter() - t)
    else:
        items = ((r, None) for r in counted(parsed))
        for _ in ordered_map(
            batch.clean_record,
            items,
            jobs,
            batch.init_worker,
            (batch.Work(cleaner),),
            batch.record_lost,
        ):
            pass
    elapsed = time.perf_counter() - start
    docs = size[0]
    rss = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) >= 100 else None
    return {
        "docs": docs,
        "seconds": elapsed,
        "docs_per_s": docs / elapsed,
        "mb_per_s": size[1] / 1e6 / elapsed,
        "p50_ms": quantiles[49] * 1000 if quantiles else None,
        "p99_ms": quantiles[98] * 1000 if quantiles else None,
        "peak_rss_mb": rss / 1024,
        "load_s": load,
        "packs": len(cleaner.packs),
    }


def measure(
    corpus: Path, mode: str, jobs: int = 1, rules: Path | None = None, limit: int | None = None
) -> dict:
    command = [sys.executable, __file__, "--run", str(corpus), "--mode", mode, "--jobs", str(jobs)]
    command += ["--rules", str(rules)] if rules else []
    command += ["--limit", str(limit)] if limit else []
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, cwd=Path(__file__).parent
    )
    return json.loads(done.stdout)


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument(
        "--stream-gb", type=float, help="also stream a JSONL file of this many GB with all cores"
    )
    parser.add_argument("--run", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="clean", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--rules", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(run_config(args.run, args.mode, args.jobs, args.rules, args.limit)))
        return 0
    from cleaner.cores import usable_cores

    require(BENCH, "text")
    cores = usable_cores()
    print(
        f"machine: {platform.processor() or platform.machine()}, {cores} cores, Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        count = build_corpus(corpus, args.mb)
        print(f"corpus: {count:,} documents, {corpus.stat().st_size / 1e6:.1f} MB of JSONL\n")
        one, many = measure(corpus, "clean", 1), measure(corpus, "clean", cores)
        boilerpy3, bare = measure(corpus, "boilerpy3", 1), measure(corpus, "bare", 1)
        rows = {
            "cleaner, 1 job": one,
            f"cleaner, {cores} jobs": many,
            "cleaner, no heuristic (the floor), 1 job": bare,
            "C4-style line filter, 1 job": measure(corpus, "c4", 1),
            "boilerpy3 ArticleExtractor (lines as <p>), 1 job": boilerpy3,
        }
        by_packs = {}
        for n in PACK_COUNTS:
            folder = Path(tmp) / f"packs-{n}"
            folder.mkdir()
            write_packs(folder, n)
            by_packs[n] = rows[f"cleaner + {n} packs, 1 job ({SCALING_DOCS} docs)"] = measure(
                corpus, "clean", 1, folder, SCALING_DOCS
            )
        if args.stream_gb:
            big = Path(tmp) / "stream.jsonl"
            build_corpus(big, args.stream_gb * 1000)
            rows[f"stream {args.stream_gb:g} GB, {cores} jobs"] = measure(big, "clean", cores)
    print(
        f"{'configuration':44} {'docs/s':>9} {'MB/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'peak RSS MB':>11} {'packs':>6} {'load s':>7}"
    )
    for name, r in rows.items():
        print(
            f"{name:44} {fmt(r['docs_per_s']):>9} {fmt(r['mb_per_s'], 2):>7} {fmt(r['p50_ms'], 2):>7} {fmt(r['p99_ms'], 2):>7} "
            f"{fmt(r['peak_rss_mb']):>11} {r['packs']:>6} {fmt(r['load_s'], 3):>7}"
        )
    help_times = []
    # As on a user's machine, where Python caches compiled modules (some sandboxes forbid it).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(
            [str(Path(sys.executable).with_name("clean")), "--help"],
            capture_output=True,
            check=True,
            env=env,
        )
        help_times.append(time.perf_counter() - start)
    print(f"\nclean --help: {min(help_times):.2f} s (best of 5, compiled modules cached)")
    fewest, most = by_packs[min(PACK_COUNTS)], by_packs[max(PACK_COUNTS)]
    print(f"cleaner / boilerpy3, 1 job: {one['docs_per_s'] / boilerpy3['docs_per_s']:.2f}x")
    print(f"the floor / boilerpy3, 1 job: {bare['docs_per_s'] / boilerpy3['docs_per_s']:.2f}x")
    print(
        f"{cores} jobs / 1 job: {many['docs_per_s'] / one['docs_per_s']:.2f}x; {max(PACK_COUNTS):,} packs / "
        f"{min(PACK_COUNTS)} packs per-document time: {fewest['docs_per_s'] / most['docs_per_s']:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
