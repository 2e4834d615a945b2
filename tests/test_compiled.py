"""The mypyc-compiled extraction (scripts/compile.py) writes the dataset the sources write,
and never runs when the sources changed after it was compiled (tracker/compiled.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_engines import SAMPLE, assert_same_dataset, dataset_tables

import tracker.compiled
from tracker.build import build
from tracker.compiled import PURE_ENV, _SourceFinder, source_digest, stale_reason

ROOT = Path(__file__).resolve().parents[1]


def _in_pure_python(code: str, tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, env={**os.environ, PURE_ENV: "1"})


@pytest.mark.skipif(not tracker.compiled.fresh(), reason="the extraction is not compiled (make venv compiles it)")
def test_compiled_build_matches_pure_python(tmp_path):
    build([SAMPLE], tmp_path / "compiled", jobs=1)
    assert tracker.compiled.active()
    _in_pure_python(f"from tracker.build import build; build([{str(SAMPLE)!r}], {str(tmp_path / 'pure')!r}, jobs=1)",
                    tmp_path)
    assert_same_dataset(tmp_path / "compiled", dataset_tables(tmp_path / "pure"))


def test_sources_run_unless_the_digest_matches(tmp_path, monkeypatch):
    manifest = tmp_path / "compiled.digest"
    monkeypatch.setattr(tracker.compiled, "MANIFEST", manifest)
    monkeypatch.delenv(PURE_ENV, raising=False)
    assert stale_reason() is not None  # never compiled
    manifest.write_text("0" * 64 + "\n")
    assert "changed" in stale_reason()  # compiled from other sources
    manifest.write_text(source_digest() + "\n")
    assert stale_reason() is None
    monkeypatch.setenv(PURE_ENV, "1")
    assert stale_reason() is not None


def test_source_finder_imports_the_py_file(tmp_path):
    spec = _SourceFinder({"tally"}).find_spec("tracker.tally")
    assert spec is not None and spec.origin == str(ROOT / "tracker" / "tally.py")
    assert _SourceFinder({"tally"}).find_spec("tracker.numbers") is None
    _in_pure_python("import tracker.compiled, tracker.pipeline; assert not tracker.compiled.active()", tmp_path)
