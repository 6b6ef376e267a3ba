"""Build the optional compiled modules (#16): mypyc compiles the hot modules of the installed
`cleaner` into a folder named by the hash of its sources, which `cleaner.compiled` then uses.

    uv run --all-groups python scripts/build_compiled.py           # into the user's cache
    uv run --all-groups python scripts/build_compiled.py --status  # is there one for today's?

Needs mypy (group dev) and a C compiler with Python's headers. The build goes to a temporary
folder and is renamed into place when whole, so a half-written build is never found. Without a
compiler, or when mypyc fails, it says so on one line and exits 1: cleaning runs the plain
source as before. Edit a source and the build no longer matches it: run this again.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

from cleaner import compiled


def _compiler() -> str | None:
    """Why no build can be made here, or None."""
    cc = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(cc) is None:
        return f"no C compiler ({cc})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "no Python headers (Python.h)"
    try:
        import mypyc.build  # noqa: F401
        import setuptools  # noqa: F401  (mypyc drives the compiler through it)
    except ImportError as error:
        return f"{error.name} is not installed (it is in the dev group: uv run --all-groups)"
    return None


def build(base: Path, *, verbose: bool = False) -> Path:
    """Compiles MODULES into base/KEY and returns that folder (at once if it is there)."""
    source = compiled.PACKAGE.parent
    key = compiled.source_key()
    target = base / key
    if (target / compiled.MANIFEST).is_file():
        return target
    base.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=base, prefix=".build-") as temp:
        work = Path(temp)
        out = io.StringIO()
        here = Path.cwd()
        os.chdir(source)  # mypyc names the modules by their paths
        try:
            with contextlib.redirect_stdout(out if not verbose else sys.stdout):
                with contextlib.redirect_stderr(out if not verbose else sys.stderr):
                    _compile(work)
        except (SystemExit, Exception) as error:
            detail = out.getvalue()[-4000:]
            raise RuntimeError(f"mypyc or the C compiler failed ({error!r})\n{detail}") from None
        finally:
            os.chdir(here)
        if compiled.source_key() != key:  # an edit during the build: it may hold either side
            raise RuntimeError("the sources changed during the build; run it again")
        files = _collect(work / "lib", target.name)
        made = work / key
        made.mkdir()
        for name, path in files.items():
            destination = made / path.relative_to(work / "lib")
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, destination)
            files[name] = destination.relative_to(made)
        manifest = {
            "key": key,
            "modules": {name: path.as_posix() for name, path in files.items()},
            "sources": list(compiled.MODULES),
            "package": str(compiled.PACKAGE),
            "python": sys.version,
            "mypy": _mypy_version(),
            "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        (made / compiled.MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        with contextlib.suppress(OSError):  # another build of the same sources won the race
            made.rename(target)
    _prune(base, target)
    return target


def _prune(base: Path, keep: Path) -> None:
    """Removes the builds of this package's earlier sources (those of other checkouts stay):
    nothing will use them again."""
    for folder in base.iterdir():
        if folder == keep or folder.name.startswith("."):
            continue
        try:
            manifest = json.loads((folder / compiled.MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if manifest.get("package") == str(compiled.PACKAGE):
            shutil.rmtree(folder, ignore_errors=True)


def _compile(work: Path) -> None:
    """mypyc to C, then the C compiler through setuptools."""
    from mypyc.build import mypycify
    from setuptools import setup

    extensions = mypycify(
        [f"cleaner/{m}" for m in compiled.MODULES],
        opt_level="3",
        target_dir=str(work / "c"),
        verbose=False,
    )
    os.chdir(work)  # away from the project's pyproject.toml, which is not this build's
    setup(
        name="cleaner-compiled",
        packages=[],
        ext_modules=extensions,
        script_args=["build_ext", "--build-lib", str(work / "lib"), "--build-temp", str(work)],
    )


def _collect(lib: Path, key: str) -> dict[str, Path]:
    """The built extension modules by full name: the package's shims and the shared library."""
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    found = {}
    for path in lib.rglob(f"*{suffix}"):
        parts = path.relative_to(lib).as_posix()[: -len(suffix)].split("/")
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    if not found:
        raise RuntimeError(f"the build made no extension module for {key}")
    return found


def _mypy_version() -> str:
    from mypy.version import __version__

    return __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, help="folder of builds (default: CLEANER_COMPILED or the user's cache)"
    )
    parser.add_argument(
        "--status",
        action="store_true",
        help="say whether today's sources have a build, and build nothing",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="show mypyc's and the compiler's output"
    )
    args = parser.parse_args(argv)
    base = args.out or compiled.root()
    if base is None:
        print(f"{compiled.ENV}=0: compiled modules are switched off", file=sys.stderr)
        return 1
    if args.status:
        folder = compiled.build_folder(base)
        print(folder or f"no build of today's sources in {base}: the plain source runs")
        return 0 if folder else 1
    if (why := _compiler()) is not None:
        print(f"no compiled build here: {why}; cleaning runs the plain source", file=sys.stderr)
        return 1
    start = time.perf_counter()
    try:
        folder = build(base, verbose=args.verbose)
    except RuntimeError as error:
        summary, _, detail = str(error).partition("\n")
        print(f"no compiled build: {summary}; cleaning runs the plain source", file=sys.stderr)
        print(detail, end="", file=sys.stderr)
        return 1
    print(f"{folder} ({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
