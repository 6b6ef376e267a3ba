"""The optional compiled build (#16): made once per machine and sources when a C compiler and
mypyc are there (else skipped), it must clean byte for byte as the source does, and must never
run for sources it was not built from. Without a build, the source runs and nothing complains.

Each check runs in a child process, since the suite itself runs the source (conftest.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from cleaner import compiled

from .conftest import ROOT, SEEDS

SCRIPT = ROOT / "scripts" / "build_compiled.py"
# Builds kept between runs, one folder per sources (the build script removes those it replaces).
CACHE = Path(tempfile.gettempdir()) / "cleaner-compiled-test"
BENCH = ROOT.parent / "shared" / "bench"
SAMPLE = 30  # bench pages cleaned each way, as text and as HTML, when the bench is there

# Run in the child: reports which modules are compiled and cleans the jobs read from stdin.
CHILD = """
import json, sys
from pathlib import Path
import cleaner
from cleaner import Cleaner, compiled
from importlib import import_module
names = ["cleaner." + m[:-3].replace("/", ".") for m in compiled.MODULES]
files = {name: import_module(name).__file__ for name in names}
jobs = json.load(sys.stdin)
cleaner_ = Cleaner() if jobs else None
results = []
for kind, content in jobs:
    if kind == "file":
        result = cleaner_.clean_file(Path(content))
    else:
        result = cleaner_.clean_text(content, html=kind == "html")
    results.append(result.model_dump_json())
print(json.dumps({"active": compiled.active(), "package": cleaner.__file__, "files": files,
                  "results": results}))
"""


def child(setting: str, jobs: list[tuple[str, str]] = (), path: Path | None = None) -> dict:
    """What the child reports with CLEANER_COMPILED=`setting`, importing `cleaner` from `path`
    when given."""
    env = {**os.environ, compiled.ENV: setting}
    if path is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(path), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=json.dumps(list(jobs)),
        env=env,
        cwd=path or ROOT,  # `-c` puts the working folder first on the path
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def jobs() -> list[tuple[str, str]]:
    """The seeds, the outlet fixtures' texts and a sample of the bench, text and HTML."""
    found = [("file", str(p)) for p in SEEDS]
    found += [
        ("text", p.read_text(encoding="utf-8"))
        for p in sorted(ROOT.glob("tests/outlets/*/*.txt"))
        if ".expected" not in p.name
    ]
    for kind in ("text", "html") if BENCH.is_dir() else ():
        pages = sorted((BENCH / kind).iterdir())[:SAMPLE]
        found += [(kind, p.read_text(encoding="utf-8", errors="replace")) for p in pages]
    return found


@pytest.fixture(scope="session")
def build() -> Path:
    """The build of today's sources, made by the build script unless one is cached."""
    if (folder := compiled.build_folder(CACHE)) is not None:
        return folder
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(CACHE)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode != 0 and done.stderr.startswith("no compiled build here:"):
        pytest.skip(done.stderr.strip())  # no compiler, headers or mypyc here: nothing to test
    assert done.returncode == 0, done.stderr[-3000:]  # a compiler, and mypyc failed: fix it
    folder = compiled.build_folder(CACHE)
    assert folder is not None
    return folder


def test_compiled_modules_clean_as_the_source_does(build: Path) -> None:
    work = jobs()
    plain, fast = child("0", work), child(str(CACHE), work)
    assert not plain["active"] and fast["active"]
    assert all(Path(f).is_relative_to(build) for f in fast["files"].values()), fast["files"]
    assert all(f.endswith(".py") for f in plain["files"].values())
    assert len(fast["results"]) == len(work)
    different = [i for i, (a, b) in enumerate(zip(plain["results"], fast["results"])) if a != b]
    assert not different, f"{len(different)} of {len(work)} differ, first {work[different[0]]}"


def test_an_edited_source_never_runs_compiled(build: Path, tmp_path: Path) -> None:
    """A copy of the package with the same bytes finds the build; once any module is edited,
    a compiled one or not, the build is not used and every module runs from its source."""
    package = tmp_path / "cleaner"
    shutil.copytree(compiled.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    same = child(str(CACHE), path=tmp_path)
    assert same["package"].startswith(str(package)) and same["active"]
    for edited in ("features.py", "model.py"):
        source = package / edited
        original = source.read_text(encoding="utf-8")
        source.write_text(original + "\n# edited\n", encoding="utf-8")
        stale = child(str(CACHE), path=tmp_path)
        assert not stale["active"], edited
        assert all(Path(f).is_relative_to(package) for f in stale["files"].values())
        source.write_text(original, encoding="utf-8")


def test_without_a_build_the_source_runs(tmp_path: Path) -> None:
    """No build, a switched-off one, or one with a damaged manifest: the source cleans."""
    seed = [("file", str(SEEDS[0]))]
    assert not child(str(tmp_path))["active"]
    damaged = tmp_path / compiled.source_key()
    damaged.mkdir()
    (damaged / compiled.MANIFEST).write_text("{not json", encoding="utf-8")
    assert not child(str(tmp_path))["active"]
    (damaged / compiled.MANIFEST).write_text(
        json.dumps({"key": damaged.name, "modules": {"cleaner.features": "missing.so"}}),
        encoding="utf-8",
    )
    report = child(str(tmp_path), seed)
    assert not report["active"] and report["results"]


def test_the_build_script_says_why_when_there_is_no_compiler(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)],
        env={**os.environ, "CC": str(tmp_path / "no-such-cc")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("no compiled build here: no C compiler")
    assert "Traceback" not in done.stderr and not list(tmp_path.iterdir())


def test_a_cache_that_cannot_be_looked_at_runs_the_source(tmp_path: Path) -> None:
    """A CLEANER_COMPILED name too long for the file system made `import cleaner` (and so
    `clean --help`) end in an OSError."""
    report = child(str(tmp_path / ("x" * 300)), [("file", str(SEEDS[0]))])
    assert not report["active"] and report["results"]
