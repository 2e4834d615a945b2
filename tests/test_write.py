"""The dataset is written atomically, in bounded row groups, and byte for byte the same
for the same input."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import tracker.build
import tracker.write
from tracker.build import build

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw"


def folder_bytes(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def parquet_bytes(out: Path) -> dict[str, bytes]:
    return {name: data for name, data in folder_bytes(out).items() if name.endswith(".parquet")}


def test_same_input_gives_byte_identical_parquet_files(tmp_path):
    build([SAMPLE], tmp_path / "a")
    build([SAMPLE], tmp_path / "b")
    files = parquet_bytes(tmp_path / "a")
    assert any(name.startswith("claims/published_year=") for name in files)
    assert files == parquet_bytes(tmp_path / "b")


@pytest.mark.parametrize("interruption", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_an_interrupted_build_leaves_the_previous_dataset_intact(interruption, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([SAMPLE], out)
    before = folder_bytes(out)
    calls = 0
    real = tracker.build.process

    def fails_midway(item, profile):
        nonlocal calls
        calls += 1
        if calls == 500:
            raise interruption
        return real(item, profile)

    monkeypatch.setattr(tracker.build, "process", fails_midway)
    with pytest.raises(type(interruption)):
        build([SAMPLE], out, full=True)
    assert folder_bytes(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left behind


def test_the_folder_of_a_killed_build_is_removed_by_the_next_build_not_while_it_runs(tmp_path):
    out = tmp_path / "out"
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from tracker.write import atomic_directory\n"
         "with atomic_directory(Path(sys.argv[1])) as tmp:\n"
         "    (tmp / 'half-written.parquet').write_bytes(b'x' * 1000); print(tmp, flush=True); time.sleep(60)",
         str(out)],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1])
    try:
        folder = Path(child.stdout.readline().strip())
        assert folder.is_dir()
        assert tracker.write.remove_abandoned_folders(out) == []  # a live build keeps its folder
        assert folder.is_dir()
    finally:
        child.kill()  # SIGKILL: no clean-up runs
        child.wait()
    assert folder.is_dir()
    build([SAMPLE], out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_terminated_build_cleans_up_and_keeps_the_previous_dataset(tmp_path):
    out = tmp_path / "out"
    build([SAMPLE], out)
    before = folder_bytes(out)
    corpus = tmp_path / "big.jsonl"  # long enough to be stopped midway
    lines = (SAMPLE / "wcep-2025.jsonl").read_text().splitlines()
    with corpus.open("w") as f:
        for copy in range(40):
            for line in lines:
                f.write(line.replace('"id": "', f'"id": "copy{copy}-', 1) + "\n")
    child = subprocess.Popen([sys.executable, "-m", "tracker", "build", str(corpus), "--out", str(out), "--jobs", "2"],
                             cwd=Path(__file__).resolve().parents[1], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".out.tmp-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # workers busy
        assert child.poll() is None, "the build ended before it could be stopped"
        child.terminate()
        assert child.wait(timeout=60) == 128 + signal.SIGTERM, child.stderr.read()
    finally:
        child.kill()
    assert folder_bytes(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl", "out"]


def test_a_failed_first_build_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(tracker.build, "process", lambda item, profile: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        build([SAMPLE], tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_small_row_groups_hold_the_same_rows(tmp_path, monkeypatch):
    build([SAMPLE], tmp_path / "default")
    monkeypatch.setattr(tracker.write, "CHUNK_ROWS", 7)
    monkeypatch.setattr(tracker.write, "ROW_GROUP_ROWS", 50)
    monkeypatch.setattr(tracker.write, "MAX_BUFFERED_ROWS", 120)  # forces early flushes across partitions
    build([SAMPLE], tmp_path / "small")
    for name in parquet_bytes(tmp_path / "default"):
        small = pq.ParquetFile(tmp_path / "small" / name)
        assert small.read().equals(pq.read_table(tmp_path / "default" / name)), name
        sizes = [small.metadata.row_group(i).num_rows for i in range(small.metadata.num_row_groups)]
        assert max(sizes, default=0) <= 50 + 7, name
    claims = pq.ParquetFile(tmp_path / "small" / "claims" / "published_year=2025" / "part-0.parquet")
    assert claims.metadata.num_row_groups > 10


def test_an_empty_corpus_gives_a_readable_empty_dataset(tmp_path):
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    summary = build([tmp_path / "empty.jsonl"], tmp_path / "out")
    assert summary["articles"] == 0
    assert (tmp_path / "out" / "claims").is_dir()
    assert pq.read_table(tmp_path / "out" / "articles.parquet").num_rows == 0


@pytest.mark.parametrize("chosen, expected", [(None, "jemalloc"), ("system", "system")])
def test_the_cli_makes_arrow_allocate_with_jemalloc_unless_the_user_chose(chosen, expected):
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    if chosen:
        env["ARROW_DEFAULT_MEMORY_POOL"] = chosen
    script = ("from tracker.cli import prefer_jemalloc; prefer_jemalloc(); import pyarrow; "
              "print(pyarrow.default_memory_pool().backend_name)")
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.stdout.strip() == expected

