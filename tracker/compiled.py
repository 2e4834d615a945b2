"""The extraction modules compiled with mypyc (scripts/compile.py), and the guard that
keeps them from running code other than the sources beside them.

`make venv` compiles MODULES into C extensions inside the package
(`tracker/<module>.cpython-*.so`, one shared library `tracker/extraction__mypyc...so`) and
records a digest of every `tracker/*.py` in MANIFEST. Python imports an extension in
preference to the `.py` of the same name, so an extension built from older sources would
shadow an edited file. `tracker/__init__.py` therefore calls `use_sources_if_stale` first:
unless the digest matches the sources as they are now, every compiled module is imported
from its `.py` instead (all of them: compiled modules call each other directly, so one
fresh module among stale ones would still run old code). TRACKER_PURE_PYTHON=1 does the
same on purpose (to compare both builds, or to debug).
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
MODULES = ("sentences", "numbers", "classify", "tally", "attribute", "dates", "places", "gazetteer", "normalize",
           "patterns", "lexicon", "pipeline")
MANIFEST = PACKAGE_DIR / "compiled.digest"
PURE_ENV = "TRACKER_PURE_PYTHON"


def source_digest() -> str:
    """sha256 over every module of the package: a compiled module also depends on the types
    of those it imports."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def compiled_modules() -> list[str]:
    """The modules of the package that have an extension beside their source."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(p.name.split(".", 1)[0] for p in PACKAGE_DIR.iterdir()
                  if p.name.endswith(suffixes) and (PACKAGE_DIR / (p.name.split(".", 1)[0] + ".py")).exists())


def stale_reason() -> str | None:
    """Why the compiled modules must not run (None: they match the sources)."""
    if os.environ.get(PURE_ENV):
        return f"{PURE_ENV} is set"
    recorded = MANIFEST.read_text().strip() if MANIFEST.exists() else None
    if recorded != source_digest():
        return "the sources changed since they were compiled"
    return None


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Imports the listed modules of the package from their .py files."""

    def __init__(self, names: set[str]):
        self.names = names

    def find_spec(self, fullname, path=None, target=None):
        package, _, name = fullname.rpartition(".")
        if package != __package__ or name not in self.names:
            return None
        return importlib.util.spec_from_file_location(fullname, PACKAGE_DIR / f"{name}.py")


def fresh() -> bool:
    """Whether there are compiled modules, built from the sources as they are."""
    return bool(compiled_modules()) and stale_reason() is None


def use_sources_if_stale() -> None:
    """Import every compiled module from its source unless the build matches the sources."""
    compiled = compiled_modules()
    if not compiled:
        return
    reason = stale_reason()
    if reason is None:
        return
    if not os.environ.get(PURE_ENV):
        warnings.warn(f"tracker: running pure Python, not the compiled modules: {reason} (make venv compiles "
                      "them again)", stacklevel=3)
    sys.meta_path.insert(0, _SourceFinder(set(compiled)))


def active() -> bool:
    """Whether the extraction runs compiled in this process."""
    module = sys.modules.get(f"{__package__}.pipeline")
    return module is not None and not (module.__file__ or "").endswith(".py")
