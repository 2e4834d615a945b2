"""Compile the extraction modules (tracker.compiled.MODULES) with mypyc, in place.

    python scripts/compile.py           # compile (make venv runs it when a module changed)
    python scripts/compile.py --clean   # remove the compiled modules: pure Python again

The extensions go beside their sources in tracker/, the C files and objects to
build/mypyc/, and the digest of the sources they were built from to
tracker/compiled.digest, written last: tracker/compiled.py runs them only while that
digest matches. Without mypyc, a C compiler or the Python headers it says so, leaves no
compiled module and exits 0: tracker runs as pure Python. A module that does not
type-check (pyproject.toml's [tool.mypy]) is an error, exit status 1: mypyc would enforce
its wrong annotations at run time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["TRACKER_PURE_PYTHON"] = "1"  # (tracker.compiled.PURE_ENV) never load the modules being replaced
from tracker.compiled import MANIFEST, MODULES, PACKAGE_DIR, PURE_ENV, compiled_modules, source_digest  # noqa: E402

BUILD_DIR = ROOT / "build" / "mypyc"
GROUP = "tracker.extraction"  # the shared library: tracker/extraction__mypyc.*.so


def clean() -> None:
    MANIFEST.unlink(missing_ok=True)
    for path in PACKAGE_DIR.glob("*__mypyc.*"):
        path.unlink()
    for name in compiled_modules():
        for path in PACKAGE_DIR.glob(f"{name}.*"):
            if path.suffix != ".py":
                path.unlink()
    shutil.rmtree(BUILD_DIR, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="only remove the compiled modules")
    args = parser.parse_args()
    clean()
    if args.clean:
        return 0
    try:
        from mypyc.build import mypycify
        from setuptools import Distribution
    except ImportError as e:
        print(f"compile: {e.name} is not installed; tracker runs as pure Python", file=sys.stderr)
        return 0
    digest = source_digest()
    started = time.monotonic()
    os.chdir(ROOT)  # mypyc names the modules after their paths and reads pyproject.toml's [tool.mypy]
    try:
        extensions = mypycify([f"tracker/{m}.py" for m in MODULES], opt_level="3", group_name=GROUP,
                              target_dir=str(BUILD_DIR))
    except SystemExit:  # mypyc printed the type errors
        print(f"compile: the extraction modules do not type-check (above); fix them, or run pure Python with "
              f"{PURE_ENV}=1", file=sys.stderr)
        return 1
    dist = Distribution({"name": "tracker", "ext_modules": extensions})
    build_ext = dist.get_command_obj("build_ext")
    build_ext.inplace = True
    build_ext.build_temp = str(BUILD_DIR / "temp")
    try:
        dist.run_command("build_ext")
    except Exception as e:  # noqa: BLE001 - no C compiler or headers: pure Python, never a broken install
        clean()
        print(f"compile: the C build failed ({type(e).__name__}: {e}); tracker runs as pure Python", file=sys.stderr)
        return 0
    MANIFEST.write_text(digest + "\n")
    print(f"compile: {len(MODULES)} modules compiled with mypyc in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
