"""How often the reported title is the article's headline, on the wide pages whose gold opens
with it, as text and as HTML input.

    uv run --all-groups python scripts/titles.py [--input text html] [--worst 20]

../shared/wide/README.md says which golds start with the headline: big9, chaos and
cleanportaleval always (the title is right when it is the gold's first line), dragnet usually,
after a date line or a section label now and then (right when it is one of the first
DRAGNET_LINES lines). Titles and lines are compared by their words, case aside. Each page is
cleaned with the models fitted without its site, as eval.py's `cleaner-cv` is. A wrong title
may still be a fair one (a page's <title> phrased apart from its printed headline), so the
figure is a floor, to compare revisions by.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

import corpora
from eval import CHUNK, INPUTS, _cleaner, fold_of, stale_folds
from metric import tokenize

SOURCES = ("big9", "chaos", "cleanportaleval", "dragnet")
DRAGNET_LINES = 3


def _words(text: str | None) -> tuple[str, ...]:
    return tuple(tokenize((text or "").casefold()))


def is_headline(title: str | None, source: str, gold: str) -> bool:
    lines = [_words(line) for line in gold.splitlines() if line.strip()]
    opening = lines[: DRAGNET_LINES if source == "dragnet" else 1]
    return bool(_words(title)) and _words(title) in opening


def title_of(job: tuple[corpora.Page, str]) -> tuple[str, str, str | None, bool]:
    page, kind = job
    cleaner = _cleaner(fold_of(page.site))
    title = cleaner.clean_text(page.input(kind), html=kind == "html").metadata.title
    return page.id, page.source, title, is_headline(title, page.source, page.gold)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", nargs="+", choices=INPUTS, default=list(INPUTS))
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--worst", type=int, default=0, help="list this many wrong titles")
    args = parser.parse_args(argv)
    if stale := stale_folds():
        print(f"titles: {stale}", file=sys.stderr)
        return 2
    pages = [p for p in corpora.load("wide") if p.source in SOURCES]
    for kind in args.input:
        right, total, wrong = Counter(), Counter(), []
        with ProcessPoolExecutor(args.jobs) as pool:
            jobs = [(p, kind) for p in pages]
            for page_id, source, title, ok in pool.map(title_of, jobs, chunksize=CHUNK):
                total[source] += 1
                right[source] += ok
                wrong += [] if ok else [(page_id, title)]
        print(f"== wide · {kind}: titles that are the gold's headline")
        for source in SOURCES:
            share = right[source] / total[source]
            print(f"{source:16s} {right[source]:4d} / {total[source]:4d}  {share:.3f}")
        print(f"{'all':16s} {sum(right.values()):4d} / {sum(total.values()):4d}")
        for page_id, title in wrong[: args.worst]:
            print(f"  {page_id}: {title!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
