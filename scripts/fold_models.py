"""Rebuild the fold models of the shipped article models, which eval.py's `cleaner-cv` rows use.

    uv run --group eval python scripts/fold_models.py                # html and text (~10 min)
    uv run --group eval python scripts/fold_models.py --input text

The fold models live under out/models, which a fresh checkout lacks. Running fit_blocks.py there
would not bring them back: it refits on the features today's code computes, and writes a new
shipped model with folds of its own. The fit is deterministic, so the folds of the model that
ships come back from fit_blocks.py run at the commit that last wrote that model: in a git worktree
under out/fits (../shared reached through a link beside it), whose model must come out
byte-identical to the shipped one, or nothing is copied. Each kind's folds are recorded with the
digest of the model they belong to; eval.py refuses folds whose digest is not the shipped model's.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import corpora

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "out" / "models"
FITS = ROOT / "out" / "fits"
MODEL_FILES = {
    "html": Path("cleaner/html/block_model.json"),
    "text": Path("cleaner/heuristics/body_model.json"),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record(kind: str, model_file: Path, models: Path = MODELS) -> None:
    """Say which model the fold models of `kind` under `models` were fitted beside."""
    (models / f"{kind}-model.sha256").write_text(digest(model_file) + "\n", encoding="utf-8")


def belongs(kind: str, models: Path = MODELS) -> bool:
    """Whether the fold models of `kind` were fitted beside the shipped model."""
    recorded = models / f"{kind}-model.sha256"
    return recorded.exists() and recorded.read_text(encoding="utf-8").strip() == digest(
        ROOT / MODEL_FILES[kind]
    )


def _git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def rebuild(kind: str, uv: str) -> None:
    model = MODEL_FILES[kind]
    if _git("status", "--porcelain", "--", str(model)):
        raise SystemExit(f"fold_models: {model} has uncommitted changes; its fit is not in git")
    commit = _git("log", "-1", "--format=%H", "--", str(model))
    tree = FITS / commit[:12]
    FITS.mkdir(parents=True, exist_ok=True)
    link = FITS / corpora.SHARED.name  # the worktree's ../shared
    if not link.exists():
        link.symlink_to(corpora.SHARED, target_is_directory=True)
    if not tree.exists():
        _git("worktree", "add", "--detach", str(tree), commit)
    print(f"fold_models: {kind}: fitting at {commit[:12]} in {tree.relative_to(ROOT)}", flush=True)
    command = [uv, "run", "--group", "eval", "python", "scripts/fit_blocks.py", "--input", kind]
    environment = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}  # not this venv
    subprocess.run(command, cwd=tree, check=True, env=environment)
    if (tree / model).read_bytes() != (ROOT / model).read_bytes():
        raise SystemExit(
            f"fold_models: the fit at {commit[:12]} did not give the shipped {model} "
            "(has the evaluation data changed?); its folds are not copied"
        )
    MODELS.mkdir(parents=True, exist_ok=True)
    for path in (tree / "out" / "models").glob(f"{kind}-fold*.json"):
        shutil.copyfile(path, MODELS / path.name)
    shutil.copyfile(tree / "out" / "models" / "folds.json", MODELS / "folds.json")
    record(kind, ROOT / model)
    _git("worktree", "remove", "--force", str(tree))
    print(f"fold_models: {kind}: the folds of the shipped model are in out/models", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", choices=tuple(MODEL_FILES), nargs="+", default=["html", "text"])
    args = parser.parse_args(argv)
    uv = shutil.which("uv")
    if uv is None:
        print("fold_models: uv is not on PATH (pip install uv)", file=sys.stderr)
        return 2
    for kind in args.input:
        rebuild(kind, uv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
