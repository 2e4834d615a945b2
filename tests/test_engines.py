"""Every engine and any number of workers give the same dataset as a serial build."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from distributed import LocalCluster

from tracker.build import build

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw"


def dataset_tables(out: Path) -> dict[str, object]:
    """Every Parquet file of a dataset, by relative path, as a table (rows in file order)."""
    return {str(p.relative_to(out)): pq.read_table(p) for p in sorted(out.rglob("*.parquet"))}


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("serial") / "out"
    build([SAMPLE], out, jobs=1)
    tables = dataset_tables(out)
    assert sum(t.num_rows for name, t in tables.items() if name.startswith("claims/")) > 100
    return tables


def assert_same_dataset(out: Path, expected: dict) -> None:
    tables = dataset_tables(out)
    assert tables.keys() == expected.keys()
    for name, table in tables.items():
        assert table.equals(expected[name]), name
        if name.startswith("claims/"):
            assert table["claim_id"].to_pylist() == expected[name]["claim_id"].to_pylist()


def test_local_processes_match_serial(serial, tmp_path):
    build([SAMPLE], tmp_path / "out", jobs=2)
    assert_same_dataset(tmp_path / "out", serial)


def test_dask_cluster_at_an_address_matches_serial(serial, tmp_path):
    # threads keep the test fast; the CLI's own LocalCluster uses processes
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        summary = build([SAMPLE], tmp_path / "out", engine="dask", scheduler=cluster.scheduler_address)
    assert summary["engine"] == "dask"
    assert_same_dataset(tmp_path / "out", serial)


def test_dask_local_cluster_of_processes_matches_serial(serial, tmp_path):
    build([SAMPLE], tmp_path / "out", engine="dask", jobs=2)
    assert_same_dataset(tmp_path / "out", serial)


def test_scheduler_needs_the_dask_engine(tmp_path):
    with pytest.raises(ValueError, match="--engine dask"):
        build([SAMPLE], tmp_path / "out", scheduler="tcp://127.0.0.1:8786")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("options", [["--scheduler", "tcp://127.0.0.1:8786"],
                                     ["--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2"],
                                     ["--jobs", "0"]])
def test_the_command_line_refuses_contradictory_options(options, tmp_path, capsys):
    from tracker.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["build", str(SAMPLE), "--out", str(tmp_path / "out"), *options])
    assert exit_.value.code == 2
    assert not (tmp_path / "out").exists()


def test_warm_up_loads_the_gazetteer_so_forked_workers_share_it():
    from tracker import gazetteer
    from tracker.pipeline import warm_up

    gazetteer._index.cache_clear()
    warm_up("default")
    assert gazetteer._index.cache_info().currsize == 1
