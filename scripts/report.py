"""One evaluation table: every system's figures overall and per source, and the cleaner's worst
pages (empty, under 0.5 page F1, far behind the best anchor)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from metric import DocRow, Report, aggregate, score_pair

OURS = "cleaner"
LOW_F1 = 0.5  # a page under this is a failure, whatever the mean
TRAIL = 0.2  # the cleaner trails the best anchor by more than this on a page: a failure


@dataclass(frozen=True)
class Table:
    title: str
    systems: tuple[str, ...]
    overall: dict[str, Report]
    by_source: dict[str, dict[str, Report]]  # source -> system -> report
    rows: dict[str, dict[str, DocRow]]  # system -> page id -> row

    @classmethod
    def build(
        cls, title: str, golds: dict[str, tuple[str, str]], texts: dict[str, dict[str, str]]
    ) -> Table:
        """`golds`: each page's (source, gold text); `texts`: each system's text of each page."""
        rows = {
            s: {i: DocRow(i, score_pair(t, golds[i][1])) for i, t in by_id.items()}
            for s, by_id in texts.items()
        }
        sources = defaultdict(list)
        for page_id, (source, _) in golds.items():
            sources[source].append(page_id)
        overall = {s: aggregate(list(r.values())) for s, r in rows.items()}
        by_source = {
            src: {s: aggregate([rows[s][i] for i in ids]) for s in rows}
            for src, ids in sorted(sources.items())
        }
        return cls(title, tuple(texts), overall, by_source, rows)

    @property
    def anchors(self) -> tuple[str, ...]:
        return tuple(s for s in self.systems if not s.startswith(OURS))

    def worst(self, system: str = OURS) -> dict[str, list[tuple[str, str]]]:
        """Failing pages of `system`, by kind of failure: (page id, what happened)."""
        ours = self.rows[system]
        empty = [
            (i, "empty")
            for i, r in sorted(ours.items())
            if r.score.pred_tokens == 0 and r.score.gold_tokens
        ]
        low = sorted((r.score.f1, i) for i, r in ours.items() if r.score.f1 < LOW_F1)
        trailing = []
        for i, row in ours.items():
            best = max(self.anchors, key=lambda a: self.rows[a][i].score.f1, default=None)
            if best is not None and self.rows[best][i].score.f1 - row.score.f1 > TRAIL:
                trailing.append((row.score.f1 - self.rows[best][i].score.f1, i, best))
        return {
            "empty outputs": empty,
            f"page F1 under {LOW_F1}": [(i, f"{f:.3f}") for f, i in low],
            f"more than {TRAIL} behind the best anchor": [
                (i, f"{ours[i].score.f1:.3f} vs {a} {self.rows[a][i].score.f1:.3f}")
                for _, i, a in sorted(trailing)
            ],
        }

    def lines(self, limit: int) -> list[str]:
        pages = next(iter(self.overall.values())).pages
        out = [
            f"== {self.title} ({pages} pages)",
            f"{'system':<14}{'F1':>7}{'P':>7}{'R':>7}{'mean':>7}{'empty':>7}{'<0.5':>6}",
        ]
        for system, r in self.overall.items():
            low = sum(1 for row in self.rows[system].values() if row.score.f1 < LOW_F1)
            out.append(
                f"{system:<14}{r.f1:>7.3f}{r.precision:>7.3f}{r.recall:>7.3f}{r.mean_doc_f1:>7.3f}"
                f"{r.empty_outputs:>7}{low:>6}"
            )
        out.append("F1 by source" + "".join(f"{s[:12]:>13}" for s in self.systems))
        for source, reports in self.by_source.items():
            name = f"{source} ({next(iter(reports.values())).pages})"
            out.append(f"{name:<12}" + "".join(f"{reports[s].f1:>13.3f}" for s in self.systems))
        for system in (s for s in self.systems if s.startswith(OURS)):
            for failure, found in self.worst(system).items():
                shown = ", ".join(f"{i} ({what})" for i, what in found[:limit])
                out.append(f"{system}, {failure}: {len(found)}" + (f": {shown}" if shown else ""))
        return [*out, ""]

    def as_dict(self) -> dict:
        def figures(r: Report) -> dict:
            return {
                "pages": r.pages,
                "f1": r.f1,
                "precision": r.precision,
                "recall": r.recall,
                "mean_doc_f1": r.mean_doc_f1,
                "empty_outputs": r.empty_outputs,
            }

        return {
            "title": self.title,
            "overall": {s: figures(r) for s, r in self.overall.items()},
            "by_source": {
                src: {s: figures(r) for s, r in reports.items()}
                for src, reports in self.by_source.items()
            },
            "worst": {s: self.worst(s) for s in self.systems if s.startswith(OURS)},
        }
