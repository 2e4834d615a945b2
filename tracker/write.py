"""Stage 8: write the dataset, atomically.

DIR/claims/             hive-partitioned Parquet dataset (published_year=YYYY | unknown)
DIR/articles.parquet    one row per input article, ok or rejected with its reason
DIR/rejected_claims.parquet  claim rows that broke a contract rule, with rule and reason
DIR/build.json          counts and timing of the build

Everything is written into a hidden sibling folder first and swapped in at the end, so an
interrupted or failed build leaves the previous dataset as it was. A build that was killed
(SIGKILL, power loss) cannot remove its folder; the next build into the same DIR does,
once no live build holds the folder's lock. Rows are streamed:
they become Arrow batches a few thousand at a time and a file gets a row group every
ROW_GROUP_ROWS rows, with at most MAX_BUFFERED_ROWS claim rows held across partitions,
so memory does not grow with the corpus. Where row groups end depends only on the
sequence of rows, so the same input gives byte-identical files.
"""

from __future__ import annotations

import fcntl
import glob
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from tracker.contract import arrow_schema, rejected_claims_schema
from tracker.records import Article, ArticleResult

PARTITION = "published_year"
UNKNOWN_YEAR = "unknown"
CHUNK_ROWS = 1_000  # Python dicts (~3 KB a claim row) become Arrow (~0.5 KB) at this many rows
ROW_GROUP_ROWS = 50_000
MAX_BUFFERED_ROWS = 100_000  # claim rows held in memory across all partitions (~50 MB)


def claims_file_schema() -> pa.Schema:
    """The claims schema plus the partition column (which lands in directory names, not files)."""
    return arrow_schema("claims").append(pa.field(PARTITION, pa.string()))


def partitioning() -> ds.Partitioning:
    return ds.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")


@contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """A fresh sibling folder that replaces `target` only when the block succeeds."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned_folders(target)
    tag = uuid.uuid4().hex[:8]
    tmp = target.parent / f".{target.name}.tmp-{tag}"
    old = target.parent / f".{target.name}.old-{tag}"
    lock = _lock_of(tmp)
    # the lock is held before the folder exists and released after it is gone, so a
    # folder whose lock nobody holds belongs to a build that died
    lock_fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_EX)
        tmp.mkdir()
        try:
            yield tmp
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        if target.exists():
            target.rename(old)
        tmp.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        lock.unlink(missing_ok=True)
        os.close(lock_fd)


def _lock_of(tmp: Path) -> Path:
    return tmp.with_name(tmp.name + ".lock")


def remove_abandoned_folders(target: Path) -> list[Path]:
    """Remove the temporary and replaced folders of builds into `target` that died
    before cleaning up (their lock is free or gone); those of a running build stay."""
    removed = []
    for folder in sorted(target.parent.glob(f".{glob.escape(target.name)}.*-*")):
        kind, _, tag = folder.name[len(target.name) + 2:].partition("-")
        if kind not in ("tmp", "old") or not folder.is_dir():
            continue
        lock = _lock_of(target.parent / f".{target.name}.tmp-{tag}")
        try:
            lock_fd = os.open(lock, os.O_RDWR)
        except FileNotFoundError:
            lock_fd = None  # its build got as far as removing the lock: nothing holds it
        try:
            if lock_fd is not None:
                fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # a live build
        else:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
            if lock_fd is not None:
                lock.unlink(missing_ok=True)
        finally:
            if lock_fd is not None:
                os.close(lock_fd)
    return removed


def article_row(result: ArticleResult) -> dict:
    a = result.article
    ok = isinstance(a, Article)
    return {
        "article_id": a.article_id,
        "title": a.title,
        "outlet": a.outlet if ok else None,
        "published": a.published if ok else None,
        "published_source": a.published_source if ok else "none",
        "url": a.url if ok else None,
        "language": a.language if ok else None,
        "source_file": a.source_file,
        "source_line": a.source_line,
        "content_hash": a.content_hash,
        "title_chars": len(a.title or "") if ok else 0,
        "text_chars": len(a.text) if ok else 0,
        "status": "ok" if ok else "rejected",
        "reason": (a.note if ok else a.reason),
        "n_claims": len(result.rows),
    }


def partition_of(result: ArticleResult) -> str:
    a = result.article
    return str(a.published.year) if isinstance(a, Article) and a.published else UNKNOWN_YEAR


class _TableWriter:
    """Rows to one Parquet file, opened on the first row group."""

    def __init__(self, path: Path, schema: pa.Schema):
        self.path, self.schema = path, schema
        self.writer: pq.ParquetWriter | None = None
        self.rows: list[dict] = []
        self.batches: list[pa.RecordBatch] = []
        self.buffered = 0  # rows in self.rows and self.batches
        self.count = 0

    def add(self, rows: list[dict]) -> None:
        self.rows.extend(rows)
        self.buffered += len(rows)
        self.count += len(rows)
        if len(self.rows) >= CHUNK_ROWS:
            self._to_arrow()
        if self.buffered >= ROW_GROUP_ROWS:
            self.flush()

    def _to_arrow(self) -> None:
        if self.rows:
            self.batches.append(pa.RecordBatch.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def flush(self) -> None:
        """Write what is buffered as one row group."""
        self._to_arrow()
        if not self.batches:
            return
        if self.writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(self.path, self.schema, compression="zstd")
        table = pa.Table.from_batches(self.batches, schema=self.schema)
        self.writer.write_table(table, row_group_size=table.num_rows)
        self.batches, self.buffered = [], 0

    def close(self, always: bool = False) -> None:
        """Flush and close; with `always`, a file with no rows is still written."""
        self.flush()
        if self.writer is None and always:
            self.writer = pq.ParquetWriter(self.path, self.schema, compression="zstd")
        if self.writer is not None:
            self.writer.close()


class DatasetWriter:
    """Streams article results, in order, into the files of a dataset folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.claims_schema = arrow_schema("claims")
        self.partitions: dict[str, _TableWriter] = {}
        self.articles = _TableWriter(folder / "articles.parquet", arrow_schema("articles"))
        self.rejected = _TableWriter(folder / "rejected_claims.parquet", rejected_claims_schema())
        self.counts = {"articles": 0, "articles_ok": 0, "articles_rejected": 0, "claims": 0, "rejected_claims": 0}

    def add(self, result: ArticleResult) -> None:
        ok = isinstance(result.article, Article)
        self.counts["articles"] += 1
        self.counts["articles_ok" if ok else "articles_rejected"] += 1
        self.counts["claims"] += len(result.rows)
        self.counts["rejected_claims"] += len(result.rejected_rows)
        self.articles.add([article_row(result)])
        if result.rejected_rows:
            self.rejected.add(result.rejected_rows)
        if result.rows:
            part = partition_of(result)
            if part not in self.partitions:
                path = self.folder / "claims" / f"{PARTITION}={part}" / "part-0.parquet"
                self.partitions[part] = _TableWriter(path, self.claims_schema)
            self.partitions[part].add(result.rows)
            if sum(w.buffered for w in self.partitions.values()) > MAX_BUFFERED_ROWS:
                # many partitions filling slowly: write the fullest one early, as a smaller row group
                max(sorted(self.partitions.items()), key=lambda kv: kv[1].buffered)[1].flush()

    def close(self) -> dict:
        """Finish every file; returns the counts."""
        (self.folder / "claims").mkdir(exist_ok=True)  # an empty corpus still gives a readable dataset
        for part in sorted(self.partitions):
            self.partitions[part].close()
        self.articles.close(always=True)
        self.rejected.close(always=True)
        return dict(self.counts)


def write_summary(folder: Path, summary: dict) -> None:
    (folder / "build.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
