"""Incremental builds: each article's extracted rows, kept from one build to the next.

A build keeps the rows it extracted from each article beside its dataset, in
DIR/.cache.sqlite, under a key that changes whenever anything the extraction depends on
changes: the article (content hash, id and metadata), the vague profile and the
extractor itself (a hash of tracker's code, word lists, data and schemas). The next build
into DIR extracts only the articles whose key is missing and takes the others' rows from
the cache. Each build writes a fresh cache holding exactly its own corpus's articles, in
the same atomically swapped folder as the dataset, so the cache never outgrows or
outlives the dataset it belongs to.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from functools import cache
from pathlib import Path

from tracker.contract import SCHEMAS_DIR, arrow_schema, rejected_claims_schema
from tracker.records import Article, ArticleResult, RejectedArticle

CACHE_NAME = ".cache.sqlite"
_PACKAGE_DIR = Path(__file__).resolve().parent
_INSERT_BATCH = 2_000
# Columns holding a slice of the article's title or text, and the column of its start offset.
_SLICES = (("quote", "quote_start"), ("surface", "char_start"))


@cache
def extractor_fingerprint() -> str:
    """A hash of every file the extraction reads: tracker's code, word lists, data and schemas."""
    digest = hashlib.sha256()
    for root in (_PACKAGE_DIR, SCHEMAS_DIR):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(f"{path.relative_to(root.parent)}\x00".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def article_key(article: Article, profile: str) -> bytes:
    """What one article's rows depend on. Its file and line are left out on purpose:
    moving an article to another file does not change its claims."""
    parts = (extractor_fingerprint(), profile, article.article_id, article.content_hash, article.outlet,
             article.published, article.published_source, article.url, article.language, article.note)
    return hashlib.sha256(repr(parts).encode()).digest()


class ResultCache:
    """Rows of the previous build (read-only, may be absent) and the cache of this one."""

    def __init__(self, new_path: Path, profile: str, previous_path: Path | None = None):
        """Write this build's cache to new_path; reuse rows from previous_path when given."""
        self.profile = profile
        self.previous = _open_previous(previous_path) if previous_path else None
        self.new = sqlite3.connect(new_path)
        # The new cache lives in the build's temporary folder, which is thrown away when
        # the build fails: no journal or fsync is needed to keep it consistent.
        self.new.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                               "CREATE TABLE results (key BLOB NOT NULL, value BLOB NOT NULL);")
        self.pending: list[tuple[bytes, bytes]] = []
        self.hits = 0

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self._flush()
            # one index build at the end is cheaper than a million random inserts into it
            self.new.execute("CREATE INDEX results_key ON results (key)")
            self.new.commit()
        self.new.close()
        if self.previous is not None:
            self.previous.close()

    def reuse(self, item: Article | RejectedArticle) -> ArticleResult | None:
        """The previous build's result for an article (kept for the next build too), or
        None when the article must be extracted."""
        if self.previous is None or not isinstance(item, Article):
            return None
        key = article_key(item, self.profile)
        found = self.previous.execute("SELECT value FROM results WHERE key = ? LIMIT 1", (key,)).fetchone()
        if found is None:
            return None
        self._add(key, found[0])
        self.hits += 1
        rows, rejected_rows = pickle.loads(found[0])
        return ArticleResult(item, unpack(rows, _claims_columns(), item),
                             unpack(rejected_rows, _rejected_columns(), item))

    def keep(self, result: ArticleResult) -> None:
        """Keep a freshly extracted result for the next build. Rejected articles are not
        kept: their reason names the file and line, which are not part of the key."""
        a = result.article
        if isinstance(a, Article):
            packed = (pack(result.rows, _claims_columns(), a), pack(result.rejected_rows, _rejected_columns(), a))
            value = pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)
            self._add(article_key(result.article, self.profile), value)

    def _add(self, key: bytes, value: bytes) -> None:
        self.pending.append((key, value))
        if len(self.pending) >= _INSERT_BATCH:
            self._flush()

    def _flush(self) -> None:
        self.new.executemany("INSERT INTO results VALUES (?, ?)", self.pending)
        self.pending = []


@cache
def _claims_columns() -> tuple[str, ...]:
    return tuple(arrow_schema("claims").names)


@cache
def _rejected_columns() -> tuple[str, ...]:
    return tuple(rejected_claims_schema().names)


def _field(row: dict, article: Article) -> str:
    return article.title if row.get("source_field") == "title" else article.text


def pack(rows: list[dict], columns: tuple[str, ...], article: Article) -> list:
    """Rows in a compact form for the cache (a third of the pickled dicts): a row with
    exactly `columns`, in order, becomes the tuple of its values, in which a quote or
    surface that is the slice of the article's text at its offset becomes its length.
    A row of any other shape is kept as it is."""
    packed: list = []
    for row in rows:
        if tuple(row) != columns:
            packed.append(row)
            continue
        text = _field(row, article)
        values = dict(row)
        for column, start in _SLICES:
            value, offset = row[column], row[start]
            if isinstance(value, str) and isinstance(offset, int) and text[offset:offset + len(value)] == value:
                values[column] = len(value)
        packed.append(tuple(values.values()))
    return packed


def unpack(packed: list, columns: tuple[str, ...], article: Article) -> list[dict]:
    """The rows that `pack` was given."""
    rows = []
    for item in packed:
        if isinstance(item, dict):
            rows.append(item)
            continue
        row = dict(zip(columns, item))
        text = _field(row, article)
        for column, start in _SLICES:
            if isinstance(row[column], int):
                row[column] = text[row[start]:row[start] + row[column]]
        rows.append(row)
    return rows


def _open_previous(path: Path) -> sqlite3.Connection | None:
    """The previous build's cache, or None when there is none or it cannot be read."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("SELECT key, value FROM results LIMIT 1")
    except sqlite3.Error:
        return None
    return conn
