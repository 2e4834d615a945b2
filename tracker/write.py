"""Stage 8: write the dataset, atomically.

DIR/claims/             hive-partitioned Parquet dataset (published_year=YYYY | unknown)
DIR/articles.parquet    one row per input article, ok or rejected with its reason
DIR/rejected_claims.parquet  claim rows that broke a contract rule, with rule and reason
DIR/build.json          counts and stage timings of the build

Everything is written into a hidden sibling folder first and swapped in at the end, so an
interrupted or failed build leaves the previous dataset as it was. Rows are streamed in
bounded batches: memory does not grow with the corpus.
"""

from __future__ import annotations

import json
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
BATCH_ROWS = 50_000


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
    tag = uuid.uuid4().hex[:8]
    tmp = target.parent / f".{target.name}.tmp-{tag}"
    tmp.mkdir()
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = target.parent / f".{target.name}.old-{tag}"
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)


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


class _BatchWriter:
    """Rows to a ParquetWriter in batches of BATCH_ROWS."""

    def __init__(self, path: Path, schema: pa.Schema):
        self.schema = schema
        self.writer = pq.ParquetWriter(path, schema, compression="zstd")
        self.rows: list[dict] = []
        self.count = 0

    def add(self, rows: list[dict]) -> None:
        self.rows.extend(rows)
        self.count += len(rows)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def write_outputs(out_dir: Path, results: Iterator[ArticleResult], extra_summary: dict | None = None) -> dict:
    """Stream results into out_dir atomically; returns the build summary."""
    file_schema = claims_file_schema()
    counts = {"articles": 0, "articles_ok": 0, "articles_rejected": 0, "claims": 0, "rejected_claims": 0}

    with atomic_directory(out_dir) as tmp:
        articles = _BatchWriter(tmp / "articles.parquet", arrow_schema("articles"))
        rejected = _BatchWriter(tmp / "rejected_claims.parquet", rejected_claims_schema())

        def claim_batches() -> Iterator[pa.RecordBatch]:
            pending: list[dict] = []
            for result in results:
                counts["articles"] += 1
                counts["articles_ok" if isinstance(result.article, Article) else "articles_rejected"] += 1
                counts["claims"] += len(result.rows)
                articles.add([article_row(result)])
                rejected.add(result.rejected_rows)
                year = result.article.published.year if isinstance(result.article, Article) and result.article.published else None
                part = str(year) if year else UNKNOWN_YEAR
                pending.extend({**row, PARTITION: part} for row in result.rows)
                if len(pending) >= BATCH_ROWS:
                    yield pa.RecordBatch.from_pylist(pending, schema=file_schema)
                    pending = []
            if pending:
                yield pa.RecordBatch.from_pylist(pending, schema=file_schema)

        ds.write_dataset(
            claim_batches(), tmp / "claims", schema=file_schema, format="parquet",
            partitioning=partitioning(), basename_template="part-{i}.parquet",
            file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"),
            use_threads=False, preserve_order=True, min_rows_per_group=BATCH_ROWS,
            max_rows_per_group=1_000_000, existing_data_behavior="overwrite_or_ignore",
        )
        (tmp / "claims").mkdir(exist_ok=True)  # an empty corpus still gives a readable dataset
        articles.close()
        rejected.close()
        counts["rejected_claims"] = rejected.count
        summary = {**counts, **(extra_summary or {})}
        (tmp / "build.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return summary

