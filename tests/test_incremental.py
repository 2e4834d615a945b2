"""A rebuild extracts only new or changed articles and gives the dataset a full rebuild gives."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import tracker.build
import tracker.incremental
from tracker.build import build
from tracker.incremental import CACHE_NAME

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw"


def sample_records(name: str, count: int) -> list[dict]:
    lines = (SAMPLE / name).read_text(encoding="utf-8").split("\n")  # not splitlines: texts hold U+2028
    return [json.loads(line) for line in lines[:count]]


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def parquet_bytes(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.parquet"))}


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_jsonl(folder / "isaf.jsonl", sample_records("isaf-press-releases.jsonl", 60))
    write_jsonl(folder / "wcep.jsonl", sample_records("wcep-2025.jsonl", 200))
    return folder


@pytest.fixture
def extracted(monkeypatch) -> list[str]:
    """Ids of the articles the pipeline is run on (builds run in this process)."""
    ids: list[str] = []
    real = tracker.build.process

    def spy(item, profile):
        ids.append(item.article_id)
        return real(item, profile)

    monkeypatch.setattr(tracker.build, "process", spy)
    return ids


def test_rebuild_extracts_only_new_and_changed_articles(corpus, tmp_path, extracted):
    out = tmp_path / "out"
    first = build([corpus], out)
    assert first["articles_reused"] == 0 and len(extracted) == 260

    isaf = sample_records("isaf-press-releases.jsonl", 80)
    isaf[5]["text"] += " Two more insurgents were detained."
    write_jsonl(corpus / "isaf.jsonl", isaf)  # 20 new articles at the end, one changed
    write_jsonl(corpus / "extra.jsonl", sample_records("wcep-2025.jsonl", 260)[200:])  # 60 new
    extracted.clear()
    second = build([corpus], out)

    assert sorted(extracted) == sorted([isaf[5]["id"]] + [r["id"] for r in isaf[60:]]
                                       + [r["id"] for r in sample_records("wcep-2025.jsonl", 260)[200:]])
    assert second["articles"] == 340 and second["articles_reused"] == 259

    build([corpus], tmp_path / "full", full=True)
    assert parquet_bytes(out) == parquet_bytes(tmp_path / "full")


def test_removed_articles_leave_the_dataset_and_the_cache(corpus, tmp_path, extracted):
    out = tmp_path / "out"
    build([corpus], out)
    (corpus / "wcep.jsonl").unlink()
    again = build([corpus], out)
    assert again["articles"] == 60 and again["articles_reused"] == 60
    build([corpus], tmp_path / "full", full=True)
    assert parquet_bytes(out) == parquet_bytes(tmp_path / "full")

    (corpus / "wcep.jsonl").write_text((SAMPLE / "wcep-2025.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    assert build([corpus], out)["articles_reused"] == 60  # the removed articles were not kept


def test_full_extracts_everything_again(corpus, tmp_path, extracted):
    build([corpus], tmp_path / "out")
    extracted.clear()
    summary = build([corpus], tmp_path / "out", full=True)
    assert summary["articles_reused"] == 0 and len(extracted) == 260


@pytest.mark.parametrize("change", ["profile", "extractor", "published"])
def test_what_the_rows_depend_on_is_part_of_the_key(change, corpus, tmp_path, monkeypatch):
    build([corpus], tmp_path / "out", published=None)
    options = {}
    if change == "profile":
        options["profile"] = "acled"
    elif change == "extractor":  # any edit of tracker's code, word lists or schemas
        monkeypatch.setattr(tracker.incremental, "extractor_fingerprint", lambda: "edited")
    else:  # the default date changes the rows of undated articles only
        options["published"] = date(2024, 1, 1)
    summary = build([corpus], tmp_path / "out", **options)
    if change == "published":
        assert 0 < summary["articles_reused"] < 260
    else:
        assert summary["articles_reused"] == 0
    build([corpus], tmp_path / "full", full=True, **options)
    assert parquet_bytes(tmp_path / "out") == parquet_bytes(tmp_path / "full")


def test_an_unreadable_cache_means_a_full_build(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    (out / CACHE_NAME).write_bytes(b"not a database")
    assert build([corpus], out)["articles_reused"] == 0
    assert build([corpus], out)["articles_reused"] == 260


def test_the_command_line_reuses_unless_full(corpus, tmp_path, capsys):
    from tracker.cli import main

    out = str(tmp_path / "out")
    assert main(["build", str(corpus), "--out", out]) == 0
    assert main(["build", str(corpus), "--out", out]) == 0
    assert "260 unchanged since the last build" in capsys.readouterr().out
    assert main(["build", str(corpus), "--out", out, "--full"]) == 0
    assert "unchanged" not in capsys.readouterr().out


def test_cached_rows_come_back_as_they_were(tmp_path):
    from tracker.incremental import pack, unpack
    from tracker.pipeline import process
    from tracker.read import read_corpus

    results = [process(a, "default") for a in read_corpus([SAMPLE / "tasnim-aleppo-idlib.txt"])]
    assert any(row["source_field"] == "title" for row in results[0].rows)
    for result in results:
        article, columns = result.article, tuple(result.rows[0])
        odd = [{**row, "quote": row["quote"].upper()} for row in result.rows]  # not a slice of the text
        extra = [{**row, "note": "a column the cache does not know"} for row in result.rows]
        for rows in (result.rows, odd, extra):
            packed = pack(rows, columns, article)
            assert unpack(packed, columns, article) == rows
        assert all(isinstance(p, tuple) and isinstance(p[columns.index("quote")], int)
                   for p in pack(result.rows, columns, article))
