"""The gate for refactoring: every output of every page, recorded once and compared after each step.

    uv run python scripts/snapshot.py record                 # out/snapshot/base/
    uv run python scripts/snapshot.py compare                # cleans again, compares with base
    uv run python scripts/snapshot.py compare --name after --corpus seeds bench

It cleans the seeds, and every page of ../shared/bench and ../shared/wide both as its text dump
and as HTML, with the shipped models, and keeps each result's JSON (text and metadata) in
out/snapshot/NAME/CORPUS-INPUT.jsonl. `compare` cleans into another name and lists every page
whose JSON differs, with the first field that does; it exits 1 when any does. A change that is
meant to alter output says so in its commit, and the base is then recorded again.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import corpora

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "snapshot"
SEEDS = ROOT / "seeds"
CORPORA = ("seeds", "bench", "wide")
INPUTS = ("text", "html")
_cleaner = None


def _clean(job: tuple[str, str, str]) -> tuple[str, str]:
    """One page's result JSON: job is (id, content or seed path, input kind)."""
    global _cleaner
    from cleaner import Cleaner

    _cleaner = _cleaner or Cleaner()
    page_id, content, kind = job
    if kind == "seed":
        result = _cleaner.clean_file(Path(content))
    else:
        result = _cleaner.clean_text(content, html=kind == "html")
    return page_id, result.model_dump_json()


def jobs(corpus: str, kind: str, shared: Path) -> Iterator[tuple[str, str, str]]:
    if corpus == "seeds":
        for path in sorted(SEEDS.glob("*.txt")):
            yield path.name, str(path), "seed"
        return
    for page in corpora.load(corpus, shared / corpus):
        yield page.id, page.input(kind), kind


def parts(corpora_: list[str]) -> list[tuple[str, str]]:
    """(corpus, input) pairs; the seeds are text only."""
    return [(c, k) for c in corpora_ for k in INPUTS if c != "seeds" or k == "text"]


def record(name: str, corpora_: list[str], shared: Path, workers: int) -> None:
    folder = OUT / name
    folder.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(workers) as pool:
        for corpus, kind in parts(corpora_):
            target = folder / f"{corpus}-{kind}.jsonl"
            with target.open("w", encoding="utf-8") as out:
                for page_id, result in pool.map(_clean, jobs(corpus, kind, shared), chunksize=8):
                    out.write(json.dumps({"id": page_id, "result": json.loads(result)}) + "\n")
            print(f"recorded {target}", file=sys.stderr)


def _load(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as lines:
        return {row["id"]: row["result"] for row in map(json.loads, lines)}


def first_difference(a: object, b: object, at: str = "") -> str:
    """The path of the first field where `a` and `b` differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(a.keys() | b.keys()):
            if a.get(key) != b.get(key):
                return first_difference(a.get(key), b.get(key), f"{at}.{key}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_difference(x, y, f"{at}[{i}]")
    return at.lstrip(".") or "(whole)"


def compare(base: str, name: str, corpora_: list[str]) -> int:
    changed = 0
    for corpus, kind in parts(corpora_):
        before = _load(OUT / base / f"{corpus}-{kind}.jsonl")
        after = _load(OUT / name / f"{corpus}-{kind}.jsonl")
        diff = sorted(i for i in before.keys() | after.keys() if before.get(i) != after.get(i))
        changed += len(diff)
        print(f"{corpus}-{kind}: {len(after)} pages, {len(diff)} differ")
        for page_id in diff[:20]:
            print(f"  {page_id}: {first_difference(before.get(page_id), after.get(page_id))}")
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("record", "compare"))
    parser.add_argument("--name", help="snapshot to write (default: base, or now with compare)")
    parser.add_argument("--base", default="base", help="snapshot compare reads as before")
    parser.add_argument("--corpus", nargs="+", choices=CORPORA, default=list(CORPORA))
    parser.add_argument("--shared", type=Path, default=corpora.SHARED)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    args = parser.parse_args(argv)
    if {"bench", "wide"} & set(args.corpus) and not args.shared.is_dir():
        parser.error(f"evaluation data not found: {args.shared} (give --shared or --corpus seeds)")
    name = args.name or ("base" if args.action == "record" else "now")
    if args.action == "compare" and not (OUT / args.base).is_dir():
        parser.error(f"no snapshot {args.base!r} in {OUT}: run `record` first")
    record(name, args.corpus, args.shared, args.jobs)
    return compare(args.base, name, args.corpus) if args.action == "compare" else 0


if __name__ == "__main__":
    sys.exit(main())
