"""The benchmark's article-body metric, as ../shared/bench/README.md defines it (from
scrapinghub's article-extraction-benchmark): tokens are runs of word characters (case kept), each
text is a multiset of 4-token shingles, and per page tp/fp/fn come from matched shingle counts.
Precision is averaged over pages whose prediction has a shingle, recall over pages whose gold has
one, and F1 is taken from those two means.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

# Python's Unicode \w (letters, digits, underscore), as in the source benchmark's evaluate.py.
TOKEN_RE = re.compile(r"\w+")
SHINGLE_SIZE = 4
PAGE_GLOB = "*.txt"
DECIMALS = 3
ALL_DOCS = 0  # --per-doc without N: every page
STDOUT = "-"

Shingle = tuple[str, ...]


def tokenize(text: str) -> list[str]:
    """Maximal runs of Unicode word characters, case kept."""
    return TOKEN_RE.findall(text)


def shingles(tokens: list[str], size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """Multiset of consecutive `size`-grams; 1..size-1 tokens give one shorter shingle."""
    if len(tokens) < size:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def _ratio(tp: int, wrong: int, other_wrong: int) -> float:
    """tp/(tp+wrong); 1.0 when nothing is wrong at all, 0.0 when the ratio is undefined."""
    if wrong == 0 and other_wrong == 0:
        return 1.0
    return tp / (tp + wrong) if tp + wrong else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class PairScore:
    """Score of one prediction against its gold text."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    pred_tokens: int
    gold_tokens: int
    exact: bool


def score_pair(pred: str, gold: str) -> PairScore:
    """Shingle precision/recall/F1 of one page (raw counts; normalising by tp+fp+fn keeps the ratios)."""
    pred_tokens, gold_tokens = tokenize(pred), tokenize(gold)
    pred_sh, gold_sh = shingles(pred_tokens), shingles(gold_tokens)
    tp = sum((pred_sh & gold_sh).values())
    fp = sum((pred_sh - gold_sh).values())
    fn = sum((gold_sh - pred_sh).values())
    precision, recall = _ratio(tp, fp, fn), _ratio(tp, fn, fp)
    return PairScore(
        precision,
        recall,
        _f1(precision, recall),
        tp,
        fp,
        fn,
        len(pred_tokens),
        len(gold_tokens),
        pred_tokens == gold_tokens,
    )


@dataclass(frozen=True)
class DocRow:
    id: str
    score: PairScore


@dataclass(frozen=True)
class Report:
    """Corpus figures plus the per-page rows they come from."""

    pages: int
    precision: float
    recall: float
    f1: float
    accuracy: float
    empty_outputs: int
    mean_doc_f1: float
    docs: list[DocRow]


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def aggregate(docs: list[DocRow]) -> Report:
    """Corpus figures: P over non-empty predictions, R over non-empty golds, F1 of the two means."""
    scores = [d.score for d in docs]
    precision = _mean([s.precision for s in scores if s.tp + s.fp])
    recall = _mean([s.recall for s in scores if s.tp + s.fn])
    return Report(
        pages=len(docs),
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
        accuracy=_mean([float(s.exact) for s in scores]),
        empty_outputs=sum(1 for s in scores if s.pred_tokens == 0),
        mean_doc_f1=_mean([s.f1 for s in scores]),
        docs=docs,
    )


def score(pages: Iterable[tuple[str, str, str]]) -> Report:
    """The report of (id, predicted text, gold text) triples."""
    return aggregate([DocRow(page_id, score_pair(pred, gold)) for page_id, pred, gold in pages])


def evaluate(pred_dir: Path | str, gold_dir: Path | str) -> Report:
    """Score every GOLD_DIR/ID.txt against PRED_DIR/ID.txt (missing = empty)."""
    pred_dir, gold_dir = Path(pred_dir), Path(gold_dir)
    return score(
        (gold.stem, _read(pred_dir / gold.name), _read(gold))
        for gold in sorted(gold_dir.glob(PAGE_GLOB))
    )


def worst_first(docs: list[DocRow]) -> list[DocRow]:
    return sorted(docs, key=lambda d: (d.score.f1, d.score.recall, d.id))


def summary_lines(report: Report) -> list[str]:
    figures = [
        ("pages", report.pages),
        ("precision", report.precision),
        ("recall", report.recall),
        ("F1", report.f1),
        ("accuracy", report.accuracy),
        ("empty outputs", report.empty_outputs),
        ("mean per-doc F1", report.mean_doc_f1),
    ]
    return [
        f"{name:<16}{value:>8}" if isinstance(value, int) else f"{name:<16}{value:>8.{DECIMALS}f}"
        for name, value in figures
    ]


def per_doc_lines(docs: list[DocRow], limit: int = ALL_DOCS) -> list[str]:
    rows = worst_first(docs)
    rows = rows[:limit] if limit > 0 else rows
    width = max((len(d.id) for d in rows), default=2)
    head = f"{'id':<{width}}  {'P':>6} {'R':>6} {'F1':>6} {'pred':>7} {'gold':>7}"
    body = [
        f"{d.id:<{width}}  {d.score.precision:>6.{DECIMALS}f} {d.score.recall:>6.{DECIMALS}f} "
        f"{d.score.f1:>6.{DECIMALS}f} {d.score.pred_tokens:>7} {d.score.gold_tokens:>7}"
        for d in rows
    ]
    return [head, *body]


def report_json(report: Report) -> str:
    data = asdict(report)
    data["docs"] = [{"id": d.id, **asdict(d.score)} for d in worst_first(report.docs)]
    return json.dumps(data, indent=2, ensure_ascii=False)
