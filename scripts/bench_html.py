"""Quality and speed of the HTML extractor against `trafilatura.extract`, in one run.

    uv run python scripts/bench_html.py              # ../shared/bench/html against gold/
    uv run python scripts/bench_html.py --json -     # all figures as JSON on stdout

Both extractors get the same pages as strings in the same process: one untimed pass (warm-up,
and the outputs that are scored), then timed rounds in which the two take turns page by page,
so both see the same machine load; pages per second is the median over the rounds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura
import corpora
from corpora import BENCH
from metric import STDOUT, Report, score

from cleaner import Cleaner
from cleaner.html.page import extract_html

DEFAULT_ROUNDS = 3

BASELINE, OURS, EXTRACTION = (
    "trafilatura.extract",
    "cleaner (whole pipeline)",
    "cleaner.html.page.extract_html",
)
CLEANER = Cleaner()

Extractor = Callable[[str], str]
EXTRACTORS: dict[str, Extractor] = {
    BASELINE: lambda html: trafilatura.extract(html) or "",  # default settings
    OURS: lambda html: CLEANER.clean_text(html).text,  # extraction, packs, heuristics, metadata
    EXTRACTION: lambda html: extract_html(html).text,
}


@dataclass(frozen=True)
class Row:
    name: str
    report: Report
    pages_per_second: float


def timed_rounds(pages: list[str], rounds: int) -> dict[str, list[float]]:
    """Seconds each extractor spent on all pages, per round."""
    spent = {name: [0.0] * rounds for name in EXTRACTORS}
    for round_ in range(rounds):
        for page in pages:
            for name, extract in EXTRACTORS.items():
                start = time.perf_counter()
                extract(page)
                spent[name][round_] += time.perf_counter() - start
    return spent


def run(bench: Path, rounds: int) -> list[Row]:
    rows = [(p.id, p.html, p.gold) for p in corpora.load("bench", bench)]
    reports = {
        name: score((i, extract(page), gold) for i, page, gold in rows)
        for name, extract in EXTRACTORS.items()
    }
    pages = [page for _, page, _ in rows]
    timings = timed_rounds(pages, rounds)
    return [
        Row(name, reports[name], len(pages) / statistics.median(timings[name]))
        for name in EXTRACTORS
    ]


def speed_ratio(rows: list[Row]) -> float:
    speed = {row.name: row.pages_per_second for row in rows}
    return speed[OURS] / speed[BASELINE]


def table(rows: list[Row]) -> list[str]:
    width = max(len(row.name) for row in rows)
    lines = [f"{'extractor':<{width}}  {'F1':>6} {'P':>6} {'R':>6} {'empty':>6} {'pages/s':>8}"]
    lines += [
        f"{row.name:<{width}}  {row.report.f1:>6.3f} {row.report.precision:>6.3f} {row.report.recall:>6.3f} "
        f"{row.report.empty_outputs:>6} {row.pages_per_second:>8.1f}"
        for row in rows
    ]
    return [*lines, f"speed ratio {OURS} / {BASELINE}: {speed_ratio(rows):.2f}"]


def as_json(rows: list[Row]) -> str:
    data = {
        row.name: {
            "f1": row.report.f1,
            "precision": row.report.precision,
            "recall": row.report.recall,
            "accuracy": row.report.accuracy,
            "empty_outputs": row.report.empty_outputs,
            "pages": row.report.pages,
            "pages_per_second": row.pages_per_second,
        }
        for row in rows
    }
    return json.dumps({"extractors": data, "speed_ratio": speed_ratio(rows)}, indent=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bench", type=Path, default=BENCH, help="bench folder with html/ and gold/"
    )
    parser.add_argument(
        "--rounds", type=int, default=DEFAULT_ROUNDS, help="timed rounds per extractor"
    )
    parser.add_argument(
        "--json", metavar="FILE", help="write the figures as JSON to FILE, or - for stdout"
    )
    args = parser.parse_args(argv)
    if not (args.bench / "html").is_dir() or not (args.bench / "gold").is_dir():
        parser.error(f"no html/ and gold/ folders in {args.bench}")
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    rows = run(args.bench, args.rounds)
    if args.json == STDOUT:
        print(as_json(rows))
        return 0
    print(
        f"{rows[0].report.pages} pages from {args.bench / 'html'}, median of {args.rounds} timed rounds"
    )
    print("\n".join(table(rows)))
    if args.json:
        Path(args.json).write_text(as_json(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
