"""The evaluation pages: ../shared/bench (91 pages) and ../shared/wide (1,416 pages, six sources).

Each page has its HTML, its noisy text dump and its gold article text, plus the two labels the
reports group by: its `source` (`bench`, or the wide data set it comes from) and its `site`, the
host that cross-validation keeps on one side of every split. Where the index states no host, the
site is the host the page links to most (archived pages' links unwrapped), so two pages of one
site are never mistaken for two sites.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
BENCH, WIDE = SHARED / "bench", SHARED / "wide"
SETS = {"bench": BENCH, "wide": WIDE}

_ARCHIVED = re.compile(r"https?://(?:web|web-beta|wayback)\.archive\.org/web/\d+[a-z_]*/")
_HOST = re.compile(r"https?://([a-z0-9.-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    id: str
    corpus: str  # bench or wide
    source: str  # bench, or the wide data set
    site: str  # host, the unit of cross-validation
    folder: Path

    @property
    def gold(self) -> str:
        return (self.folder / "gold" / f"{self.id}.txt").read_text(encoding="utf-8")

    @property
    def text(self) -> str:
        return (self.folder / "text" / f"{self.id}.txt").read_text(encoding="utf-8")

    @property
    def html(self) -> str:
        plain = self.folder / "html" / f"{self.id}.html"
        if plain.exists():
            return plain.read_text(encoding="utf-8")
        with gzip.open(self.folder / "html" / f"{self.id}.html.gz", "rt", encoding="utf-8") as page:
            return page.read()

    def input(self, kind: str) -> str:
        """The page as the cleaner gets it: `text` (the dump) or `html`."""
        return self.text if kind == "text" else self.html


def host_of(url: str) -> str:
    match = _HOST.match(url.strip())
    host = match.group(1).lower() if match else ""
    return host.removeprefix("www.")


def linked_host(html: str) -> str:
    """The host a page links to most, archive.org's rewriting undone; '' when it links nowhere."""
    hosts = Counter(host_of(m.group(0)) for m in _HOST.finditer(_ARCHIVED.sub("", html)))
    hosts.pop("web.archive.org", None)
    return hosts.most_common(1)[0][0] if hosts else ""


def require(folder: Path, *parts: str) -> None:
    """Exit with a clear message (status 2) unless `folder` has each of `parts`: a script that
    scored an empty folder would print F1 0.000 and pass for a run."""
    for part in parts:
        if not (folder / part).exists():
            raise SystemExit(
                f"error: {folder / part} not found; the evaluation data belongs in {SHARED} "
                "(bench/ and wide/ beside the checkout), or name another folder with --bench"
            )


def _index(folder: Path) -> list[dict]:
    with (folder / "index.jsonl").open(encoding="utf-8") as rows:
        return [json.loads(row) for row in rows if row.strip()]


def load(corpus: str, folder: Path | None = None) -> list[Page]:
    """Every page of `corpus` (bench or wide) that has a gold text, in id order."""
    folder = folder or SETS[corpus]
    require(folder, "index.jsonl", "gold")
    pages = []
    for row in _index(folder):
        if not (folder / "gold" / f"{row['id']}.txt").exists():
            continue
        page = Page(row["id"], corpus, row.get("source", corpus), "", folder)
        site = row.get("host") or host_of(row.get("url", "")) or linked_host(page.html)
        pages.append(Page(page.id, corpus, page.source, site or f"{page.source}:{page.id}", folder))
    return sorted(pages, key=lambda p: p.id)
