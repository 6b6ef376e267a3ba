"""Clean the development bench and score it with the benchmark's metric, in one command.

    uv run python scripts/bench_quality.py              # ../shared/bench/text
    uv run python scripts/bench_quality.py --per-doc 10 # and the ten worst pages

Outputs go to out/bench/text/ so they can be read next to the gold files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corpora import BENCH, require
from metric import evaluate, per_doc_lines, report_json, summary_lines

from cleaner import Cleaner
from cleaner.write import atomic_write

ROOT = Path(__file__).resolve().parent.parent


def clean_folder(cleaner: Cleaner, src: Path, dst: Path) -> None:
    for path in sorted(src.glob("*.txt")):
        atomic_write(dst / path.name, cleaner.clean_file(path).text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bench", type=Path, default=BENCH, help="bench folder with text/ and gold/"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench")
    parser.add_argument("--per-doc", type=int, metavar="N", help="print the N worst pages")
    parser.add_argument("--json", type=Path, help="also write all figures as JSON here")
    args = parser.parse_args(argv)
    require(args.bench, "text", "gold")
    out = args.out / "text"
    clean_folder(Cleaner(), args.bench / "text", out)
    report = evaluate(out, args.bench / "gold")
    print(f"bench text dumps ({args.bench / 'text'}):")
    print("\n".join(summary_lines(report)))
    if args.per_doc:
        print("\n".join(per_doc_lines(report.docs, args.per_doc)))
    if args.json:
        atomic_write(args.json, report_json(report) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
