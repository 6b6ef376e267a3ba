"""Rebuild the fold models of the shipped article models, which eval.py's `cleaner-cv` rows use.

    uv run --group eval python scripts/fold_models.py                # html and text (~15 min)
    uv run --group eval python scripts/fold_models.py --input text

The fold models live under out/models, which a fresh checkout lacks. Running fit_blocks.py there
would not bring them back: it refits on the features today's code computes, and writes a new
shipped model with folds of its own. The fit is deterministic (one thread, a fixed seed, and
rows settled on a grid that another CPU's last bits do not move: `cleaner.trees.settle`), so the
folds of the model that ships come back from fit_blocks.py run at the commit that wrote that
model (the oldest whose model file holds today's bytes, so a revert leads back to the fit): in
a git worktree under out/fits (../shared reached through a link beside it), whose model must
come out byte-identical to the shipped one, or nothing is copied. A model whose
selector alone was fitted last (`fit_blocks.py --keep-blocks`) names the commit of its block
models (`blocks_from`): they are fitted there first, and the selector over their folds at the
model's own commit. Each kind's folds are recorded with the digest of the model they belong to;
eval.py refuses folds whose digest is not the shipped model's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import corpora

from cleaner.html.route import MODEL_FILE
from cleaner.lexicon import BODY_MODEL_FILE
from cleaner.trees import Forest

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "out" / "models"
FITS = ROOT / "out" / "fits"
MODEL_FILES = {"html": MODEL_FILE.relative_to(ROOT), "text": BODY_MODEL_FILE.relative_to(ROOT)}


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


def shipped_blocks(kind: str) -> tuple[list[tuple[dict, dict]], tuple[dict, dict], str]:
    """The block models (first and second stage records) of every fold and of the shipped
    model, and the commit that fitted them, for `fit_blocks.py --keep-blocks`: the folds must
    be those fitted beside the shipped model."""
    if not belongs(kind):
        raise SystemExit(f"fit_blocks: no fold models of the shipped {kind} model: run {__file__}")
    paths = sorted(MODELS.glob(f"{kind}-fold*.json")) + [ROOT / MODEL_FILES[kind]]
    pairs = [(r["first"], r["second"]) for r in map(_record, paths)]
    return pairs[:-1], pairs[-1], blocks_commit(kind)


def _record(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def scorer(models: tuple) -> tuple:
    """Block models as `fit_blocks.two_stage_scores` calls them: fitted, or read as records."""
    return tuple(Forest.from_dict(m) if isinstance(m, dict) else m for m in models)


def _git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def fitted_at(model: Path, root: Path = ROOT) -> str:
    """The commit whose fit wrote `model` (a path in the repository at `root`) as it is today:
    the oldest whose file holds these bytes. A revert writes them again at a commit whose code
    would fit another model."""
    today = _git("hash-object", str(model), cwd=root)
    for commit in reversed(_git("log", "--format=%H", "--", str(model), cwd=root).split()):
        try:
            if _git("rev-parse", f"{commit}:{model}", cwd=root) == today:
                return commit
        except subprocess.CalledProcessError:  # the commit deleted the file
            continue
    raise SystemExit(f"fold_models: no commit holds {model} as it is; commit it first")


def blocks_commit(kind: str) -> str:
    """The commit whose fit_blocks.py run fitted the shipped block models of `kind`."""
    model = MODEL_FILES[kind]
    earlier = _record(ROOT / model).get("blocks_from")
    if earlier:
        return earlier
    if _git("status", "--porcelain", "--", str(model)):
        raise SystemExit(f"fit_blocks: commit the block models in {model} before --keep-blocks")
    return fitted_at(model)


def difference(fitted: object, shipped: object, where: str = "") -> str:
    """Where two model records first differ, and by how much for numbers: a value settled to
    the other side of a grid midpoint moves one threshold by 2**-25, a changed input moves
    many."""
    if isinstance(fitted, dict) and isinstance(shipped, dict):
        for key in [*shipped, *(k for k in fitted if k not in shipped)]:  # the file's order
            if fitted.get(key) != shipped.get(key):
                return difference(fitted.get(key), shipped.get(key), f"{where}/{key}")
    elif isinstance(fitted, list) and isinstance(shipped, list) and len(fitted) == len(shipped):
        changed = [i for i, (a, b) in enumerate(zip(fitted, shipped)) if a != b]
        if len(changed) == 1 or not all(isinstance(v, (int, float)) for v in fitted):
            return difference(fitted[changed[0]], shipped[changed[0]], f"{where}[{changed[0]}]")
        return f"{where}: {len(changed)} of {len(fitted)} values differ"
    elif isinstance(fitted, (int, float)) and isinstance(shipped, (int, float)):
        return f"{where}: {fitted!r} against {shipped!r} (by {abs(fitted - shipped):.3g})"
    return f"{where}: differs"


def _copy_folds(kind: str, source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for path in source.glob(f"{kind}-fold*.json"):
        shutil.copyfile(path, target / path.name)
    shutil.copyfile(source / "folds.json", target / "folds.json")


def _fit_at(commit: str, kind: str, uv: str, blocks: Path | None = None) -> Path:
    """A worktree of `commit` in which fit_blocks.py has run; given `blocks` (the block models'
    folds), with --keep-blocks over them."""
    tree = FITS / commit[:12]
    FITS.mkdir(parents=True, exist_ok=True)
    link = FITS / corpora.SHARED.name  # the worktree's ../shared
    if not link.exists():
        link.symlink_to(corpora.SHARED, target_is_directory=True)
    if not tree.exists():
        _git("worktree", "add", "--detach", str(tree), commit)
    command = [uv, "run", "--group", "eval", "python", "scripts/fit_blocks.py", "--input", kind]
    if blocks is not None:
        _copy_folds(kind, blocks, tree / "out" / "models")
        record(kind, tree / MODEL_FILES[kind], tree / "out" / "models")
        command.append("--keep-blocks")
    print(f"fold_models: {kind}: {' '.join(command[5:])} at {commit[:12]}", flush=True)
    environment = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}  # not this venv
    subprocess.run(command, cwd=tree, check=True, env=environment)
    return tree


def rebuild(kind: str, uv: str) -> None:
    model = MODEL_FILES[kind]
    if _git("status", "--porcelain", "--", str(model)):
        raise SystemExit(f"fold_models: {model} has uncommitted changes; its fit is not in git")
    shipped = _record(ROOT / model)
    trees, blocks = [], None
    if "blocks_from" in shipped:  # only the selector was fitted last, over older block models
        trees.append(_fit_at(shipped["blocks_from"], kind, uv))
        fitted = _record(trees[0] / model)
        if (fitted["first"], fitted["second"]) != (shipped["first"], shipped["second"]):
            raise SystemExit(
                f"fold_models: the fit at {shipped['blocks_from'][:12]} did not "
                f"give the block models of the shipped {model}"
            )
        blocks = trees[0] / "out" / "models"
    commit = fitted_at(model)
    trees.append(_fit_at(commit, kind, uv, blocks))
    if (trees[-1] / model).read_bytes() != (ROOT / model).read_bytes():
        raise SystemExit(
            f"fold_models: the fit at {commit[:12]} did not give the shipped {model} "
            f"({difference(_record(trees[-1] / model), shipped)}; has the evaluation data or a "
            "library it reads changed, or a value landed on another side of a grid midpoint?); "
            "its folds are not copied"
        )
    _copy_folds(kind, trees[-1] / "out" / "models", MODELS)
    record(kind, ROOT / model)
    for tree in trees:
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
