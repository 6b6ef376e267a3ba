"""Quality of the cleaner on every evaluation page, beside the anchors, in one run.

    uv run --group eval python scripts/eval.py                  # bench + wide, text + html
    uv run --group eval python scripts/eval.py --corpus wide --input html --worst 30
    uv run python scripts/eval.py PRED_DIR GOLD_DIR [--per-doc [N]] [--json FILE]

The full run cleans each page of ../shared/bench and ../shared/wide, as HTML and as its text
dump, and runs the anchors (scripts/anchors.py) on the same pages, in worker processes. It
prints F1 overall and per source for every system, then the cleaner's worst pages: empty
outputs, pages under 0.5 page F1, and pages where it trails the best anchor by more than 0.2.
`cleaner` uses the shipped models; `cleaner-cv` uses, for each page, the models fitted by
scripts/fit_blocks.py on the folds that do not hold the page's site (five folds, by site),
which is the figure to quote for pages never seen. Outputs are kept in
out/eval/CORPUS/INPUT/SYSTEM/ID.txt to be read next to the gold.

With two folders, it scores PRED_DIR/ID.txt against GOLD_DIR/ID.txt for every gold page.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path

import corpora
import fold_models
import report as rp
from metric import ALL_DOCS, STDOUT, evaluate, per_doc_lines, report_json, summary_lines
from anchors import ANCHORS, run_anchor

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "eval"
INPUTS = ("text", "html")
OURS = "cleaner"
CV = "cleaner-cv"
CHUNK = 8

MODELS = ROOT / "out" / "models"  # written by scripts/fit_blocks.py
_cleaners: dict[int | None, object] = {}
_folds: dict[str, int] = {}


def _cleaner(fold: int | None):
    """The cleaner with the shipped models (fold None), or with those fitted without `fold`."""
    from cleaner import Cleaner
    from cleaner.trees import BlockModel, Models

    if fold not in _cleaners:
        models = (
            Models()
            if fold is None
            else Models(
                *(BlockModel.load(MODELS / f"{kind}-fold{fold}.json") for kind in ("html", "text"))
            )
        )
        _cleaners[fold] = Cleaner(models=models)
    return _cleaners[fold]


def stale_folds() -> str | None:
    """Why the fold models under out/models cannot stand for the shipped ones (missing, or fitted
    beside another model), or None. Checked before any page is run."""
    for fold in sorted(
        set(json.loads((MODELS / "folds.json").read_text(encoding="utf-8")).values())
    ):
        for kind in fold_models.MODEL_FILES:
            path = MODELS / f"{kind}-fold{fold}.json"
            if not path.exists() or not fold_models.belongs(kind, MODELS):
                return (
                    f"{path}: missing, or fitted beside another {kind} model than the shipped "
                    "one; rebuild the shipped model's folds with scripts/fold_models.py"
                )
    return None


def fold_of(site: str) -> int | None:
    """The fold that holds `site`; None for a site no model was fitted on, which the shipped
    models have never seen either."""
    if not _folds:
        _folds.update(json.loads((MODELS / "folds.json").read_text(encoding="utf-8")))
    return _folds.get(site)


def run_page(job: tuple[corpora.Page, str, tuple[str, ...]]) -> tuple[str, dict[str, str]]:
    """Every system's text for one page, as the kind of input `kind`."""
    page, kind, systems = job
    content = page.input(kind)
    texts = {}
    for system in systems:
        if system in (OURS, CV):
            fold = fold_of(page.site) if system == CV else None
            texts[system] = _cleaner(fold).clean_text(content, html=kind == "html").text
        else:
            texts[system] = run_anchor(ANCHORS[kind][system], content)
    return page.id, texts


def run(
    pages: list[corpora.Page], kind: str, systems: tuple[str, ...], jobs: int, out: Path
) -> dict[str, dict[str, str]]:
    """{system: {page id: text}}, each text also written to OUT/SYSTEM/ID.txt."""
    texts: dict[str, dict[str, str]] = {s: {} for s in systems}
    with ProcessPoolExecutor(jobs) as pool:
        for page_id, found in pool.map(
            run_page, [(p, kind, systems) for p in pages], chunksize=CHUNK
        ):
            for system, text in found.items():
                texts[system][page_id] = text
    for system, by_id in texts.items():
        folder = out / system
        folder.mkdir(parents=True, exist_ok=True)
        for page_id, text in by_id.items():
            (folder / f"{page_id}.txt").write_text(text, encoding="utf-8")
    return texts


def score_folders(args: argparse.Namespace) -> int:
    report = evaluate(args.pred_dir, args.gold_dir)
    if args.json == STDOUT:
        print(report_json(report))
        return 0
    print("\n".join(summary_lines(report)))
    if args.per_doc is not None:
        print()
        print("\n".join(per_doc_lines(report.docs, args.per_doc)))
    if args.json:
        Path(args.json).write_text(report_json(report) + "\n", encoding="utf-8")
    return 0


def full_run(args: argparse.Namespace) -> int:
    stale = stale_folds() if (MODELS / "folds.json").exists() else None
    if stale:
        print(f"eval: {stale}", file=sys.stderr)
        return 2
    results = []
    for corpus in args.corpus:
        pages = corpora.load(corpus, args.shared / corpus)
        for kind in args.input:
            ours = (OURS, CV) if (MODELS / "folds.json").exists() else (OURS,)
            systems = (*ours, *ANCHORS[kind]) if not args.only_cleaner else ours
            texts = run(pages, kind, systems, args.jobs, OUT / corpus / kind)
            table = rp.Table.build(
                f"{corpus} · {kind}", {p.id: (p.source, p.gold) for p in pages}, texts
            )
            print("\n".join(table.lines(args.worst)), flush=True)
            results.append(table.as_dict())
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


def _positive_int(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value}")
    return number


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pred_dir", type=Path, nargs="?", help="folder of predicted ID.txt files")
    parser.add_argument(
        "gold_dir", type=Path, nargs="?", help="folder of gold ID.txt files (defines the pages)"
    )
    parser.add_argument(
        "--per-doc",
        nargs="?",
        type=_positive_int,
        const=ALL_DOCS,
        default=None,
        metavar="N",
        help="with folders: per-document rows, worst first (only N worst)",
    )
    parser.add_argument(
        "--json",
        metavar="FILE",
        help="write all figures as JSON to FILE (- for stdout with folders)",
    )
    parser.add_argument(
        "--corpus", nargs="+", choices=tuple(corpora.SETS), default=list(corpora.SETS)
    )
    parser.add_argument("--input", nargs="+", choices=INPUTS, default=list(INPUTS))
    parser.add_argument(
        "--shared", type=Path, default=corpora.SHARED, help="folder holding bench/ and wide/"
    )
    parser.add_argument("--jobs", type=_positive_int, default=2, help="worker processes")
    parser.add_argument(
        "--worst", type=int, default=15, help="worst pages listed per kind of failure"
    )
    parser.add_argument("--only-cleaner", action="store_true", help="skip the anchors (quick look)")
    args = parser.parse_args(argv)
    if (args.pred_dir is None) != (args.gold_dir is None):
        parser.error("give both PRED_DIR and GOLD_DIR, or neither")
    for folder in (args.pred_dir, args.gold_dir):
        if folder is not None and not folder.is_dir():
            parser.error(f"folder does not exist: {folder}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    return score_folders(args) if args.pred_dir is not None else full_run(args)


if __name__ == "__main__":
    sys.exit(main())
