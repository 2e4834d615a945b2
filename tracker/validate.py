"""Validate a built dataset against the contract in schemas/, with Great Expectations.

`python -m tracker.validate DIR [--reports PATH]` checks what `tracker build --out DIR`
wrote (claims/, articles.parquet, rejected_claims.parquet):

- each table's Arrow schema against schemas/, with pyarrow (GX's type expectations
  match odd dtype names and are unreliable);
- the GX suites in validations/suites/, generated from schemas/ by
  scripts/gen_suites.py: "claims" and "articles" fail the run, "tracking_sanity" only
  warns. Rules GX cannot state on one table (cross-table links, slices of the quote)
  are computed with pyarrow and pandas into derived columns that a GX expectation then
  checks, so every rule shows in the GX report;

the tables are validated BATCH_ROWS rows at a time, so memory stays bounded whatever
the dataset's size: rules across rows (unique ids, part_of targets, claims per article,
cumulative series) read what they need of the whole table first, in a pass over a few
columns, and each expectation's results on the batches are merged into one outcome.
It writes GX Data Docs (a results page a batch, made to load nothing from the
network), summary.json and
summary.md under the reports folder. Great Expectations is imported only when a
validation runs: the import costs ~3 s and redirects every later `warnings.warn`.
"""

from __future__ import annotations

import argparse
import collections
import copy
import dataclasses
import functools
import html
import json
import logging
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from tracker.contract import (
    REJECTION_COLUMNS,
    arrow_schema,
    load_schema,
    profiles_counting_least,
    rejected_claims_schema,
    vocabulary,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
SUITES_DIR = REPO_ROOT / "validations" / "suites"
DEFAULT_REPORTS_DIR = REPO_ROOT / "validations" / "reports"
REGENERATE = "python scripts/gen_suites.py"

# suite -> (the table it runs on, the column naming a row in the report)
SUITE_TABLES = {
    "claims": ("claims", "claim_id"),
    "articles": ("articles", "article_id"),
    "tracking_sanity": ("claims", "claim_id"),
}
WARNING_SUITES = frozenset({"tracking_sanity"})
CONTRACT_CHECKS = "contract"  # the pyarrow checks, reported as one more suite

# tracking_sanity thresholds: an exact people count that looks like a year was most
# likely misread from a date; anything above ten million people or things is implausible.
YEAR_LIKE = (1900, 2100)
IMPLAUSIBLE_ABOVE = 10_000_000


# --- Suites, generated from schemas/ ---------------------------------------------


def _expectation(name: str, type_: str, description: str, *, severity: str = "critical", **kwargs) -> dict:
    # Data Docs render descriptions as raw HTML: keep them to plain words.
    assert not set("<>&") & set(description), description
    return {
        "type": type_,
        "kwargs": kwargs,
        "meta": {"name": name},
        "description": f"{name}: {description}",
        "severity": severity,
    }


def _where(column: str, operator: str, parameter: object) -> dict:
    """A GX row condition (great_expectations.expectations.row_conditions), as JSON."""
    return {"type": "comparison", "column": {"name": column}, "operator": operator, "parameter": parameter}


def _all(*conditions: dict) -> dict:
    return {"type": "and", "conditions": list(conditions)}


def _at_least(name: str, column_a: str, column_b: str, description: str, **kwargs) -> dict:
    """column_a >= column_b on rows where both are set."""
    return _expectation(
        name, "expect_column_pair_values_a_to_be_greater_than_b", description,
        column_A=column_a, column_B=column_b, or_equal=True, ignore_row_if="either_value_is_missing", **kwargs,
    )


def _equal(name: str, column_a: str, column_b: str, description: str, **kwargs) -> dict:
    """column_a == column_b on rows where both are set (GX fails on a null it compares)."""
    return _expectation(
        name, "expect_column_pair_values_to_be_equal", description,
        column_A=column_a, column_B=column_b, ignore_row_if="either_value_is_missing", **kwargs,
    )


def _items_column(column: str) -> str:
    """Derived column: a list column's items joined by commas, for a regex."""
    return f"{column}_items"


def _items_regex(pattern: str) -> str:
    """A regex for a comma-joined list each item of which matches an anchored pattern."""
    if not (pattern.startswith("^") and pattern.endswith("$")):
        raise ValueError(f"schema patterns must be anchored with ^...$: {pattern!r}")
    item = pattern[1:-1]
    return f"^(?:{item}(?:,{item})*)?$"


def _column_expectations(table: str) -> list[dict]:
    """What schemas/<table>.json says of each column on its own."""
    found = []
    for c in load_schema(table).columns:
        name = c.name
        found.append(_expectation(f"exists:{name}", "expect_column_to_exist", f"the table has {name}.", column=name))
        if not c.nullable:
            found.append(_expectation(
                f"not_null:{name}", "expect_column_values_to_not_be_null", f"{name} is never null.", column=name,
            ))
        if c.vocabulary:
            terms = list(vocabulary(c.vocabulary))
            found.append(_expectation(
                f"vocabulary:{name}", "expect_column_values_to_be_in_set",
                f"{name} is in vocabulary {c.vocabulary}: {', '.join(terms)}.", column=name, value_set=terms,
            ))
        if c.min is not None or c.max is not None:
            found.append(_expectation(
                f"range:{name}", "expect_column_values_to_be_between", f"{name} is within [{c.min}, {c.max}].",
                column=name, min_value=c.min, max_value=c.max,
            ))
        if c.pattern and c.type == "list<string>":
            items = _items_column(name)
            found.append(_expectation(
                f"pattern:{name}", "expect_column_values_to_match_regex",
                f"every item of {name} matches {c.pattern} (checked on {items}, the items joined by commas).",
                column=items, regex=_items_regex(c.pattern),
            ))
        elif c.pattern:
            found.append(_expectation(
                f"pattern:{name}", "expect_column_values_to_match_regex", f"{name} matches {c.pattern}.",
                column=name, regex=c.pattern,
            ))
    return found


def _claims_rules() -> list[dict]:
    closed = _where("qualifier", "NOT_IN", ["more_than", "less_than"])
    rules = [
        _expectation(
            "unique:claim_id", "expect_column_values_to_be_null",
            "no two rows share a claim_id (claim_id_repeated: the claim_id where another row has it too).",
            column="claim_id_repeated",
        ),
        _at_least("value_bounds", "value_high", "value_low", "value_high is at least value_low."),
        _at_least(
            "value_best:low", "value_best", "value_low",
            "value_best is at least value_low (but for more_than and less_than).", row_condition=closed,
        ),
        _at_least(
            "value_best:high", "value_high", "value_best",
            "value_best is at most value_high (but for more_than and less_than).", row_condition=closed,
        ),
        _equal(
            "value_best:more_than", "value_low", "value_open_bound",
            "more_than: value_low is value_best + 1, or value_best under a profile counting the least (value_open_bound).",
            row_condition=_where("qualifier", "==", "more_than"),
        ),
        _equal(
            "value_best:less_than", "value_high", "value_open_bound",
            "less_than: value_high is value_best - 1 (value_open_bound).",
            row_condition=_where("qualifier", "==", "less_than"),
        ),
        _expectation(
            "value_high:less_than", "expect_column_values_to_not_be_null", "less_than has a value_high.",
            column="value_high", row_condition=_where("qualifier", "==", "less_than"),
        ),
        _at_least("period_order", "period_end", "period_start", "period_end is on or after period_start."),
        _at_least("period_start:published", "published", "period_start", "period_start is on or before published."),
        _at_least("period_end:published", "published", "period_end", "period_end is on or before published."),
        _expectation(
            "offsets_order", "expect_column_pair_values_a_to_be_greater_than_b", "char_end is greater than char_start.",
            column_A="char_end", column_B="char_start", or_equal=False, ignore_row_if="either_value_is_missing",
        ),
        _at_least("offsets:quote_start", "char_start", "quote_start", "the phrase starts inside the quote."),
        _at_least(
            "offsets:quote_end", "quote_end", "char_end",
            "the phrase ends inside the quote (quote_end is quote_start + its length).",
        ),
        _equal(
            "surface_quote", "surface", "quote_at_offsets",
            "surface is the quote at the offsets (quote_at_offsets, set where the offsets lie inside the quote).",
        ),
        _at_least(
            "offsets:field", "field_chars", "quote_end",
            "the quote ends inside its source field (field_chars: the article's title_chars or text_chars).",
        ),
        _equal("admin1_aligned", "admin1_count", "admin1_code_count", "admin1 and admin1_code have as many items."),
        _expectation(
            "article:ok", "expect_column_values_to_be_in_set",
            "the claim's article is in articles.parquet with status ok (article_status; missing when it is not).",
            column="article_status", value_set=["ok"],
        ),
        _expectation(
            "part_of:target", "expect_column_values_to_be_in_set",
            "part_of is the claim_key of a row of the same article (part_of_found).",
            column="part_of_found", value_set=[True],
        ),
    ]
    partition = load_schema("claims").partition_by
    if partition:
        rules.append(_equal(
            f"partition:{partition}", partition, f"{partition}_expected",
            f"the {partition} partition is the year of published.",
        ))
    return rules


def _articles_rules() -> list[dict]:
    return [
        _expectation(
            "unique:article_id", "expect_column_values_to_be_null",
            "no two articles share an article_id (article_id_repeated: the article_id where another row has it too).",
            column="article_id_repeated",
        ),
        _equal(
            "n_claims:match", "n_claims", "claim_rows",
            "n_claims is the article's number of rows in claims (claim_rows).",
        ),
        _expectation(
            "reason:rejected", "expect_column_values_to_not_be_null", "a rejected article says why.",
            column="reason", row_condition=_where("status", "==", "rejected"),
        ),
    ]


def _tracking_rules() -> list[dict]:
    low, high = YEAR_LIKE
    return [
        _at_least(
            "cumulative:non_decreasing", "value_best", "cumulative_prior_max",
            "a cumulative figure of one named claimant, category and object_class is not below an earlier one "
            "(cumulative_prior_max: the highest at an earlier period_end).",
            severity="warning",
        ),
        _expectation(
            "value_best:year_like", "expect_column_values_to_be_null",
            f"an exact count of people between {low} and {high} written as bare digits is most likely a year "
            "(surface_digits: the surface is digits only, as '2024' is and '2,000' or 'thousands' are not).",
            severity="warning", column="value_best",
            row_condition=_all(
                _where("category", "IN", list(vocabulary("people_categories"))),
                _where("qualifier", "==", "exact"),
                _where("value_best", ">=", low),
                _where("value_best", "<=", high),
                _where("surface_digits", "==", True),
            ),
        ),
        _expectation(
            "value_best:implausible", "expect_column_values_to_be_between",
            f"value_best is at most {IMPLAUSIBLE_ABOVE}.",
            severity="warning", column="value_best", max_value=IMPLAUSIBLE_ABOVE,
        ),
    ]


def build_suites() -> dict[str, dict]:
    """The GX suites as JSON-ready dicts, made from schemas/."""
    expectations = {
        "claims": _column_expectations("claims") + _claims_rules(),
        "articles": _column_expectations("articles") + _articles_rules(),
        "tracking_sanity": _tracking_rules(),
    }
    return {
        name: {
            "name": name,
            "meta": {"generated_by": REGENERATE, "from": "schemas/"},
            "expectations": found,
        }
        for name, found in expectations.items()
    }


def suite_json(suite: dict) -> str:
    return json.dumps(suite, indent=2, ensure_ascii=False) + "\n"


def write_suites(folder: Path = SUITES_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, suite in build_suites().items():
        path = folder / f"{name}.json"
        path.write_text(suite_json(suite), encoding="utf-8")
        written.append(path)
    return written


# --- Results -------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Outcome:
    """One evaluated expectation (or pyarrow check)."""

    suite: str
    name: str  # the rule, e.g. "unique:claim_id"; rejected_claims.rule uses the same names
    expectation: str  # GX expectation type, or "pyarrow"
    column: str | None
    severity: str  # "critical" or "warning"
    success: bool
    unexpected_count: int | None = None
    details: str = ""  # sample unexpected values, or the error
    unexpected_ids: tuple[str, ...] = ()  # claim_id or article_id of the first unexpected rows


@dataclasses.dataclass(frozen=True)
class SuiteCounts:
    evaluated: int
    passed: int
    failed: int


@dataclasses.dataclass
class ValidationSummary:
    success: bool
    suites: dict[str, SuiteCounts]
    failed: list[Outcome]  # critical failures first, then warnings
    rows: dict[str, int]
    rejected_rows: int
    rejected_by_rule: dict[str, int]
    seconds: float
    reports: Path | None = None

    @property
    def failed_names(self) -> set[str]:
        return {o.name for o in self.failed if o.severity == "critical"}

    @property
    def warning_names(self) -> set[str]:
        return {o.name for o in self.failed if o.severity != "critical"}


# --- Reading the dataset in batches and checking its schema --------------------------

# Rows per GX run: GX holds a batch as a pandas DataFrame with the derived columns and
# copies it for each conditional expectation. Validating 1.1M claims peaks at ~770 MB
# RSS with 50k rows a batch, ~960 MB with 100k; fewer rows add GX's cost per run.
BATCH_ROWS = 50_000


@dataclasses.dataclass
class _Parquet:
    """A table stored as Parquet files; a hive partition's value, from the file's path,
    is a column after the stored ones."""

    files: list[tuple[str, dict[str, str]]]  # path, partition column -> value
    schema: pa.Schema  # with the partition columns
    rows: int


def _parquet(dataset: pads.FileSystemDataset) -> _Parquet:
    files = [(f.path, pads.get_partition_keys(f.partition_expression)) for f in dataset.get_fragments()]
    return _Parquet(files=files, schema=dataset.schema, rows=dataset.count_rows())


@dataclasses.dataclass
class _Dataset:
    claims: _Parquet
    claims_schema: pa.Schema  # as stored, without the partition column
    articles: _Parquet
    rejected_schema: pa.Schema | None  # None when rejected_claims.parquet is missing
    rejected_rows: int
    rejected_rules: list[str]


def _open(out_dir: Path) -> _Dataset:
    """The dataset's tables, opened but not read (but for rejected_claims' rule column)."""
    schema = load_schema("claims")
    claims_dir = out_dir / "claims"
    if not claims_dir.is_dir() or not (out_dir / "articles.parquet").is_file():
        raise FileNotFoundError(f"{out_dir} holds no dataset: expected claims/ and articles.parquet")
    partitioning = None
    if schema.partition_by:
        partitioning = pads.partitioning(pa.schema([(schema.partition_by, pa.string())]), flavor="hive")
    claims = _parquet(pads.dataset(claims_dir, format="parquet", partitioning=partitioning))
    if claims.files:
        stored = pa.schema([f for f in claims.schema if f.name != schema.partition_by])
    else:  # a corpus without a single claim
        stored = arrow_schema("claims")
        claims = _Parquet(files=[], schema=stored, rows=0)
    rejected_path = out_dir / "rejected_claims.parquet"
    rejected_schema, rejected_rows, rejected_rules = None, 0, []
    if rejected_path.is_file():
        rejected = pq.ParquetFile(rejected_path)
        rejected_schema, rejected_rows = rejected.schema_arrow, rejected.metadata.num_rows
        rule = REJECTION_COLUMNS[0]
        if rule in rejected_schema.names:
            rejected_rules = _column(rejected.read(columns=[rule]), rule)
    return _Dataset(
        claims=claims,
        claims_schema=stored,
        articles=_parquet(pads.dataset(out_dir / "articles.parquet", format="parquet")),
        rejected_schema=rejected_schema,
        rejected_rows=rejected_rows,
        rejected_rules=rejected_rules,
    )


def _batches(table: _Parquet, rows: int, columns: list[str] | None = None) -> Iterator[pa.Table]:
    """The table (or some of its columns) as tables of `rows` rows, the last one shorter;
    one empty table when it has no rows."""

    def pieces() -> Iterator[pa.RecordBatch]:
        # File by file: pyarrow's dataset scanner reads ahead (~500 MB) whatever its
        # readahead options when the consumer is slow, as GX is.
        for path, partition in table.files:
            with pq.ParquetFile(path) as file:
                for batch in file.iter_batches(batch_size=rows, columns=columns):
                    if columns is None:
                        for name, value in partition.items():
                            batch = batch.append_column(name, pa.array([value] * batch.num_rows, pa.string()))
                    yield batch

    pending, count, yielded = [], 0, False
    for batch in pieces():
        while batch.num_rows:
            take = min(rows - count, batch.num_rows)
            pending.append(batch.slice(0, take))
            count += take
            batch = batch.slice(take)
            if count == rows:
                yield pa.Table.from_batches(pending)
                pending, count, yielded = [], 0, True
    if pending or not yielded:
        schema = table.schema if columns is None else pa.schema([table.schema.field(c) for c in columns])
        yield pa.Table.from_batches(pending, schema=schema)


def _schema_outcome(table: str, actual: pa.Schema | None, expected: pa.Schema) -> Outcome:
    """Column names (in any order) and Arrow types against the contract."""
    if actual is None:
        problems = ["the file is missing"]
    else:
        got = {f.name: f.type for f in actual}
        want = {f.name: f.type for f in expected}
        problems = [f"missing {n}" for n in want if n not in got]
        problems += [f"unexpected {n}" for n in got if n not in want]
        problems += [f"{n} is {got[n]}, not {t}" for n, t in want.items() if n in got and got[n] != t]
    return Outcome(
        suite=CONTRACT_CHECKS, name=f"schema:{table}", expectation="pyarrow", column=None,
        severity="critical", success=not problems, unexpected_count=len(problems), details="; ".join(problems),
    )


# --- Facts of the whole dataset, gathered first -------------------------------------

# Cross-row rules (unique ids, part_of targets, claims per article, a claimant's earlier
# cumulative figures) need the whole claims table, which may not fit in memory. Each is
# gathered first in a pass over the few columns it needs, mostly as 64-bit hashes
# (8 bytes a row: ~100 MB at 12M claims), then each batch's derived columns look it up.
# A hash collision could only make two distinct claim_ids look repeated or a missing
# part_of target look found: odds ~n²/2⁶⁵, 4e-6 at 12M claims.

# A fact or derivation that meets a missing or mistyped column is skipped: the schema
# check names the cause, and the expectations on the derived column fail for want of it.
_DERIVATION_ERRORS = (KeyError, TypeError, AttributeError, ValueError, pa.ArrowException)


# Rows hashed at a time: pandas hashes Python objects, so each value becomes one first.
_HASH_ROWS = 65_536


def _hashes(*columns: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """A uint64 hash of each row's values in these columns (nulls hash alike)."""
    found = np.empty(len(columns[0]), np.uint64)
    for start in range(0, len(found), _HASH_ROWS):
        combined = None
        for column in columns:
            values = column.slice(start, _HASH_ROWS).to_numpy(zero_copy_only=False)
            hashed = pd.util.hash_array(values, categorize=False)
            combined = hashed if combined is None else combined * np.uint64(0x100000001B3) ^ hashed
        found[start : start + len(combined)] = combined
    return found


def _all_hashes(batches: Iterator[pa.Table], rows: int) -> np.ndarray:
    """The sorted hashes of every row of the batches (of all their columns)."""
    found, at = np.empty(rows, np.uint64), 0  # one array, filled in place: no copies
    for batch in batches:
        hashes = _hashes(*batch.columns)
        found[at : at + len(hashes)] = hashes
        at += len(hashes)
    found.sort()
    return found


def _repeated(sorted_hashes: np.ndarray) -> np.ndarray:
    """The distinct hashes that occur more than once, sorted."""
    return np.unique(sorted_hashes[1:][sorted_hashes[1:] == sorted_hashes[:-1]])


def _sorted_in(values: np.ndarray, sorted_hashes: np.ndarray) -> np.ndarray:
    """For each value, whether it is in sorted_hashes."""
    at = np.searchsorted(sorted_hashes, values).clip(max=max(len(sorted_hashes) - 1, 0))
    return sorted_hashes[at] == values if len(sorted_hashes) else np.zeros(len(values), bool)


@dataclasses.dataclass
class _ArticleIndex:
    """articles.parquet's article_id, status and field lengths (a few columns of every
    article), found by the hash of article_id."""

    table: pa.Table
    hashes: np.ndarray  # sorted
    rows: np.ndarray  # the table row of each sorted hash (the first of equal ones first)
    repeated: np.ndarray  # sorted hashes of article_ids on more than one row


def _article_index(articles: _Parquet) -> _ArticleIndex:
    wanted = [c for c in ("article_id", "status", "title_chars", "text_chars") if c in articles.schema.names]
    table = pa.concat_tables(_batches(articles, BATCH_ROWS, wanted))
    hashes = _hashes(table.column("article_id"))
    rows = np.argsort(hashes, kind="stable")
    return _ArticleIndex(table=table, hashes=hashes[rows], rows=rows, repeated=_repeated(hashes[rows]))


def _article_rows(index: _ArticleIndex, article_ids: pa.ChunkedArray) -> pa.Array:
    """The index row of the first article with each article_id; null where none has it."""
    hashes = _hashes(article_ids)
    at = np.searchsorted(index.hashes, hashes).clip(max=max(len(index.hashes) - 1, 0))
    rows = pa.array(index.rows[at] if len(index.rows) else np.zeros(len(hashes), np.int64))
    same = pc.equal(index.table.column("article_id").take(rows), article_ids).combine_chunks()
    found = pc.fill_null(same, False).to_numpy(zero_copy_only=False)
    collided = ~found & _sorted_in(hashes, index.hashes) & article_ids.is_valid().to_numpy(zero_copy_only=False)
    if collided.any():  # another id with the same hash sorted first: ask Arrow, exactly
        exact = pc.index_in(article_ids.filter(pa.array(collided)), value_set=index.table.column("article_id"))
        rows = rows.to_numpy().copy()
        rows[collided] = pc.fill_null(exact, -1).to_numpy()
        found[collided] = rows[collided] >= 0
    return pa.array(np.asarray(rows), mask=~found)


@dataclasses.dataclass
class _ClaimFacts:
    """What the claims' cross-row rules need of the whole table; None where a column
    it needs is missing or mistyped (the schema check names that)."""

    repeated_ids: np.ndarray | None  # sorted hashes of claim_ids on more than one row
    part_of_targets: np.ndarray | None  # sorted hashes of the (article_id, part_of) that name a claim_key
    claims_per_article: np.ndarray | None  # claim rows of each article index row
    cumulative_prior: pd.DataFrame | None  # series, end -> prior (see _cumulative_priors)


def _fact(compute: Callable[[], object]) -> object | None:
    try:
        return compute()
    except _DERIVATION_ERRORS:
        return None


def _claim_facts(claims: _Parquet, index: _ArticleIndex, rows: int) -> _ClaimFacts:
    def scan(*columns: str) -> Iterator[pa.Table]:
        return _batches(claims, rows, list(columns))

    def claims_per_article():
        counts = np.zeros(index.table.num_rows, np.int64)
        for batch in scan("article_id"):
            found = _article_rows(index, batch.column("article_id")).drop_null().to_numpy()
            counts += np.bincount(found, minlength=len(counts))
        return counts

    return _ClaimFacts(
        repeated_ids=_fact(lambda: _repeated(_all_hashes(scan("claim_id"), claims.rows))),
        part_of_targets=_fact(lambda: _found_part_of_targets(scan)),
        claims_per_article=_fact(claims_per_article),
        cumulative_prior=_fact(lambda: _cumulative_priors(scan(*_SERIES_COLUMNS))),
    )


def _found_part_of_targets(scan: Callable[..., Iterator[pa.Table]]) -> np.ndarray:
    """The sorted hashes of the (article_id, part_of) pairs that name a claim_key of the
    same article. Few rows have a part_of: their pairs are kept, then looked for among
    the keys, so memory does not grow with the number of claims."""
    wanted = [np.empty(0, np.uint64)]
    for batch in scan("article_id", "part_of"):
        linked = batch.filter(batch.column("part_of").is_valid())
        wanted.append(_hashes(linked.column("article_id"), linked.column("part_of")))
    targets = np.unique(np.concatenate(wanted))
    found = np.zeros(len(targets), bool)
    for batch in scan("article_id", "claim_key"):
        keys = _hashes(batch.column("article_id"), batch.column("claim_key"))
        at = np.searchsorted(targets, keys).clip(max=max(len(targets) - 1, 0))
        if len(targets):
            found[at[targets[at] == keys]] = True
    return targets[found]


# --- Derived columns -------------------------------------------------------------


def _column(table: pa.Table, name: str) -> list:
    return table.column(name).to_pylist()


def _rowwise(table: pa.Table, names: tuple[str, ...], function: Callable, type_: pa.DataType) -> pa.Array:
    """function(*values) for each row; null where an input is null (not_null reports those)."""
    columns = [_column(table, n) for n in names]
    return pa.array([None if None in values else function(*values) for values in zip(*columns)], type_)


def _repeated_values(column: pa.ChunkedArray, repeated: np.ndarray) -> pa.Array:
    """The column's value where its hash is among the repeated ones, else null."""
    return pc.if_else(pa.array(_sorted_in(_hashes(column), repeated)), column, pa.scalar(None, column.type))


def _claims_derived(claims: pa.Table, facts: _ClaimFacts, index: _ArticleIndex) -> dict[str, Callable[[], pa.Array]]:
    article_rows = functools.cache(lambda: _article_rows(index, claims.column("article_id")))

    def field_chars():
        field = claims.column("source_field")
        lengths = {name: index.table.column(f"{name}_chars").take(article_rows()) for name in ("title", "text")}
        unknown = pa.scalar(None, pa.int64())
        return pc.if_else(pc.equal(field, "title"), lengths["title"],
                          pc.if_else(pc.equal(field, "body"), lengths["text"], unknown))

    def article_status():
        status = pc.fill_null(index.table.column("status").take(article_rows()), "missing")
        return pc.if_else(claims.column("article_id").is_valid(), status, pa.scalar(None, pa.string()))

    def part_of_found():
        article_id, part_of = claims.column("article_id"), claims.column("part_of")
        found = _sorted_in(_hashes(article_id, part_of), facts.part_of_targets)
        both = pc.and_(article_id.is_valid(), part_of.is_valid()).combine_chunks()
        return pa.array(found, mask=~both.to_numpy(zero_copy_only=False))

    def quote_at_offsets(quote, quote_start, char_start, char_end):
        inside = quote_start <= char_start < char_end <= quote_start + len(quote)
        return quote[char_start - quote_start : char_end - quote_start] if inside else None

    def quote_end():
        # utf8_length counts code points, as Python's len does.
        return pc.add_checked(claims.column("quote_start"), pc.utf8_length(claims.column("quote"))).cast(pa.int64())

    def value_open_bound():
        qualifier, best = claims.column("qualifier"), claims.column("value_best")
        counts_least = pc.is_in(claims.column("vague_profile"), value_set=pa.array(sorted(profiles_counting_least()), pa.string()))
        more_than = pc.equal(qualifier, "more_than")
        return pc.case_when(
            pc.make_struct(pc.and_(more_than, counts_least), more_than, pc.equal(qualifier, "less_than")),
            best, pc.add_checked(best, 1), pc.subtract_checked(best, 1),
        ).cast(pa.int64())

    derived = {
        "claim_id_repeated": lambda: _repeated_values(claims.column("claim_id"), facts.repeated_ids),
        "quote_end": quote_end,
        "quote_at_offsets": lambda: _rowwise(
            claims, ("quote", "quote_start", "char_start", "char_end"), quote_at_offsets, pa.string()
        ),
        "field_chars": field_chars,
        "value_open_bound": value_open_bound,
        "article_status": article_status,
        "part_of_found": part_of_found,
        "surface_digits": lambda: pc.match_substring_regex(claims.column("surface"), r"^[0-9]+$"),
        "admin1_count": lambda: pc.list_value_length(claims.column("admin1")).cast(pa.int64()),
        "admin1_code_count": lambda: pc.list_value_length(claims.column("admin1_code")).cast(pa.int64()),
        "cumulative_prior_max": lambda: _cumulative_prior_max(claims, facts.cumulative_prior),
    }
    schema = load_schema("claims")
    for c in schema.columns:
        if c.pattern and c.type == "list<string>":
            derived[_items_column(c.name)] = functools.partial(_joined_items, claims.column(c.name))
    if schema.partition_by:
        derived[f"{schema.partition_by}_expected"] = lambda: pc.year(claims.column("published")).cast(pa.string())
    return derived


def _joined_items(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A list column's items joined by commas; null where the list is null."""
    if pc.list_flatten(column).null_count:
        # A null item has no text to match: leave the derived column out, so that its
        # pattern expectation fails, rather than let the row's null pass unchecked.
        raise ValueError("a list holds a null item")
    return pc.binary_join(column, ",")


# A cumulative series: one named claimant's figures for one category and object_class.
# Unattributed figures form no series: they come from unrelated events.
_SERIES_COLUMNS = ("aggregation", "claimant", "category", "object_class", "period_end", "value_best")


def _series_points(claims: pa.Table) -> tuple[np.ndarray, pd.DataFrame]:
    """Which rows are points of a cumulative series, and for those: series (a hash of
    claimant, category and object_class), end (period_end in days) and best."""
    is_point = pc.and_(
        pc.equal(claims.column("aggregation"), "cumulative"),
        pc.and_(
            claims.column("claimant").is_valid(),
            pc.and_(claims.column("period_end").is_valid(), claims.column("value_best").is_valid()),
        ),
    )
    mask = pc.fill_null(is_point, False).to_numpy()
    points = claims.filter(pa.array(mask))
    return mask, pd.DataFrame({
        "series": _hashes(*(points.column(c) for c in ("claimant", "category", "object_class"))),
        "end": points.column("period_end").cast(pa.int32()).to_numpy(),
        "best": points.column("value_best").to_numpy(),
    })


def _cumulative_priors(batches: Iterator[pa.Table]) -> pd.DataFrame:
    """For each series and period_end: the highest value_best at an earlier period_end
    (a series' first date has none). One row per series and date is kept, not per claim."""

    def highest(points: list[pd.DataFrame]) -> pd.DataFrame:
        return pd.concat(points).groupby(["series", "end"], as_index=False)["best"].max()  # sorted by both

    found = []
    for number, batch in enumerate(batches, start=1):
        found.append(_series_points(batch)[1])
        if number % 16 == 0:  # keep one row per series and date, not one per claim
            found = [highest(found)]
    by_date = highest(found)
    running = by_date.groupby("series")["best"].cummax()
    by_date["prior"] = running.groupby(by_date["series"]).shift(1)
    return by_date.dropna(subset=["prior"])[["series", "end", "prior"]]


def _cumulative_prior_max(claims: pa.Table, priors: pd.DataFrame) -> pa.Array:
    """For a point of a cumulative series: the highest value_best of its series at an
    earlier period_end; null for other rows and a series' first date."""
    mask, points = _series_points(claims)
    prior = points.merge(priors, how="left", on=["series", "end"])["prior"].to_numpy()
    values = np.zeros(claims.num_rows, np.int64)
    values[mask] = np.nan_to_num(prior).astype(np.int64)
    missing = np.ones(claims.num_rows, bool)
    missing[mask] = np.isnan(prior)
    return pa.array(values, mask=missing)


def _articles_derived(articles: pa.Table, facts: _ClaimFacts, index: _ArticleIndex) -> dict[str, Callable[[], pa.Array]]:
    def article_id_repeated():
        return _repeated_values(articles.column("article_id"), index.repeated)

    def claim_rows():
        # Articles sharing an article_id each count every claim of that id, as a Counter would.
        rows = _article_rows(index, articles.column("article_id"))
        return pa.array(facts.claims_per_article).take(rows)

    return {"article_id_repeated": article_id_repeated, "claim_rows": claim_rows}


def _frame(table: pa.Table, derived: dict[str, Callable[[], pa.Array]]) -> pd.DataFrame:
    """The table as a pyarrow-backed DataFrame (it keeps every type, dates and lists
    included) with its derived columns."""
    clash = set(derived) & set(table.column_names)
    if clash:
        raise ValueError(f"derived columns shadow dataset columns: {sorted(clash)}")
    for name, derive in derived.items():
        try:
            table = table.append_column(name, derive())
        except _DERIVATION_ERRORS:
            continue
    # One chunk a column: GX filters the whole frame several times per expectation, and
    # taking rows from a chunked column costs ~40% more.
    return table.combine_chunks().to_pandas(types_mapper=pd.ArrowDtype)


# --- Running Great Expectations ---------------------------------------------------


def load_suites(folder: Path = SUITES_DIR) -> dict[str, dict]:
    return {name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8")) for name in SUITE_TABLES}


def _freshness_outcomes(committed: dict[str, dict]) -> list[Outcome]:
    """A committed suite that differs from what schemas/ make is stale: it would check
    yesterday's contract."""
    generated = build_suites()
    return [
        Outcome(
            suite=CONTRACT_CHECKS, name=f"suite_fresh:{name}", expectation="json", column=None, severity="critical",
            success=committed[name] == json.loads(suite_json(generated[name])),
            details=f"validations/suites/{name}.json differs from schemas/: run {REGENERATE}",
        )
        for name in SUITE_TABLES
    ]


def _shown(value) -> str:
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(_shown(v) for v in value) + ")"
    return repr(value) if isinstance(value, str) else str(value)


def _sample(values: list) -> str:
    return ", ".join(_shown(v) for v in values[:3])[:200]


def _error(exception_info: dict) -> str | None:
    """The message of an exception GX caught: exception_info is either one record or,
    when a metric failed, a record per metric."""
    for record in (exception_info, *exception_info.values()):
        if isinstance(record, dict) and record.get("raised_exception"):
            return str(record.get("exception_message"))
    return None


# Unexpected row ids kept per expectation: GX's SUMMARY lists at most 20 per batch.
_UNEXPECTED_IDS = 20


def _named_columns(suite: dict) -> set[str]:
    """The columns a suite's expectations read: their column arguments and the columns
    their row conditions compare."""
    found = set()

    def condition_columns(condition: dict) -> None:
        if "column" in condition:
            found.add(condition["column"]["name"])
        for inner in condition.get("conditions", ()):
            condition_columns(inner)

    for expectation in suite["expectations"]:
        kwargs = expectation["kwargs"]
        found.update(kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs)
        if kwargs.get("row_condition"):
            condition_columns(kwargs["row_condition"])
    return found


def _outcome(suite: str, results: list, row_id: str) -> Outcome:
    """One expectation's results on each batch, as one: it succeeds when every batch
    does; counts add up; samples and row ids come from the first batches that have them."""
    config = results[0].expectation_config
    kwargs = config.kwargs
    columns = [kwargs[k] for k in ("column", "column_A", "column_B") if kwargs.get(k)]
    errors = [e for e in (_error(r.exception_info) for r in results) if e]
    counts = [r.result["unexpected_count"] for r in results if r.result.get("unexpected_count") is not None]
    values = [v for r in results for v in r.result.get("partial_unexpected_list") or ()]
    ids = [
        str(row[row_id]) for r in results for row in r.result.get("partial_unexpected_index_list") or () if row_id in row
    ]
    return Outcome(
        suite=suite,
        name=(config.meta or {}).get("name", config.type),
        expectation=config.type,
        column=", ".join(columns) or None,
        severity=config.severity.value,
        success=all(r.success for r in results),
        unexpected_count=sum(counts) if counts else None,
        details=errors[0].splitlines()[0][:200] if errors else _sample(values),
        unexpected_ids=tuple(ids[:_UNEXPECTED_IDS]),
    )


_DOCS_SITE = "tracker"


def _run_gx(
    frames: dict[str, Iterator[pd.DataFrame]], batch_counts: dict[str, int], suites: dict[str, dict],
    docs_dir: Path | None,
) -> list[Outcome]:
    """Run each suite on every batch of its table's frames (a table's frames are made
    one at a time, as they are validated) and merge each expectation's results."""
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.captureWarnings(False)  # GX's import turned warnings into silent log records

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("tracker")
    batches = {table: source.add_dataframe_asset(table).add_batch_definition_whole_dataframe(table) for table in frames}
    definitions = {}
    for suite_name, (table, _) in SUITE_TABLES.items():
        suite = context.suites.add(gx.ExpectationSuite(**copy.deepcopy(suites[suite_name])))
        definitions[suite_name] = context.validation_definitions.add(
            gx.ValidationDefinition(name=suite_name, data=batches[table], suite=suite)
        )
    # Each suite sees only the columns it names (and its row id): GX copies the whole
    # frame for each row condition and each expectation's unexpected rows, so a suite of
    # a few columns would otherwise pay for all of them.
    named = {name: _named_columns(suites[name]) | {row_id} for name, (_, row_id) in SUITE_TABLES.items()}
    results: dict[str, list[list]] = {name: [] for name in SUITE_TABLES}  # suite -> batch -> results
    for table, table_frames in frames.items():
        for number, frame in enumerate(table_frames, start=1):
            # Each batch's results are a page of their own in the Data Docs.
            run_id = RunIdentifier(run_name=f"batch-{number:05d}") if batch_counts[table] > 1 else None
            for suite_name, (suite_table, row_id) in SUITE_TABLES.items():
                if suite_table != table:
                    continue
                suite_frame = frame[[c for c in frame.columns if c in named[suite_name]]]
                result = definitions[suite_name].run(
                    batch_parameters={"dataframe": suite_frame},
                    result_format={
                        "result_format": "SUMMARY",
                        "unexpected_index_column_names": [row_id] if row_id in suite_frame.columns else [],
                        # GX computes this pandas query (another copy of the frame for each
                        # expectation) and leaves it out of the result unless asked for it.
                        "return_unexpected_index_query": False,
                    },
                    run_id=run_id,
                )
                results[suite_name].append(result.results)
    outcomes = []
    for suite_name, (_, row_id) in SUITE_TABLES.items():
        outcomes += [_outcome(suite_name, list(found), row_id) for found in zip(*results[suite_name])]
    if docs_dir is not None:
        _build_data_docs(context, docs_dir)
    return outcomes


# --- Data Docs that stay offline and inert ----------------------------------------


def _escaped(value):
    """Every string inside value, HTML-escaped: Data Docs put unexpected values (article
    text) into the page unescaped."""
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, (list, tuple)):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


def _build_data_docs(context, docs_dir: Path) -> None:
    shutil.rmtree(docs_dir, ignore_errors=True)  # one run's pages, not every run's
    context.add_data_docs_site(
        _DOCS_SITE,
        {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    store = context.validation_results_store
    for key in store.list_keys():
        suite_result = store.get(key)
        changed = False
        for result in suite_result.results:
            escaped_result, escaped_info = _escaped(result.result), _escaped(result.exception_info)
            changed |= (escaped_result, escaped_info) != (result.result, result.exception_info)
            result.result, result.exception_info = escaped_result, escaped_info
        if changed:  # storing serializes the whole suite's results again: ~0.1 s a batch
            store.set(key, suite_result)
    context.build_data_docs(site_names=[_DOCS_SITE])
    _make_offline(docs_dir)


# The pages' own markup (user values are escaped before rendering) loads CSS and JS
# from CDNs, a logo from S3 and links to GX's site. Scripts go entirely: without their
# CDN libraries they do nothing but fail. The CSP forbids any script and any request
# off the report folder, should anything slip through.
_SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.S | re.I)
_REMOTE = r"""(?:https?:)?//[^"'\s>]*"""
_REMOTE_TAG = re.compile(rf"""<(?:link|img)\b[^>]*\b(?:href|src)\s*=\s*["']?{_REMOTE}[^>]*>""", re.I)
_REMOTE_ATTRIBUTE = re.compile(rf"""\s(?:href|src|action)\s*=\s*["']?{_REMOTE}["']?""", re.I)
_REMOTE_CSS_URL = re.compile(rf"""url\(\s*["']?{_REMOTE}["']?\s*\)""", re.I)
_OFFLINE_HEAD = """<head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none';
 style-src 'self' file: 'unsafe-inline'; img-src 'self' file: data:; font-src 'self' file:">
<style>
body { font-family: system-ui, sans-serif; margin: 1rem 2rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0; }
td, th { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
.show-scrollbars { max-height: 12rem; overflow: auto; white-space: pre-wrap; }
.fa-times::before { content: "\\2717"; color: #b00020; font-style: normal; font-weight: bold; }
.fa-check-circle::before { content: "\\2713"; color: #1b7f3b; font-style: normal; font-weight: bold; }
</style>
"""


def _offline_html(page: str) -> str:
    page = _SCRIPT.sub("", page)
    page = _REMOTE_TAG.sub("", page)
    page = _REMOTE_ATTRIBUTE.sub("", page)
    page = _REMOTE_CSS_URL.sub("none", page)
    return re.sub(r"<head>", lambda _: _OFFLINE_HEAD, page, count=1, flags=re.I)


def _make_offline(docs_dir: Path) -> None:
    for path in docs_dir.rglob("*.html"):
        path.write_text(_offline_html(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in docs_dir.rglob("*.css"):
        path.write_text(_REMOTE_CSS_URL.sub("none", path.read_text(encoding="utf-8")), encoding="utf-8")


def _write_docs_index(docs_dir: Path, summary: ValidationSummary) -> None:
    """Replace GX's index page, a table that its (removed) JavaScript fills, with a
    static one: the summary and links to each suite's pages."""
    e = html.escape
    rows = []
    for suite, counts in summary.suites.items():
        pages = sorted(docs_dir.glob(f"validations/{suite}/**/*.html"))  # one a batch
        links = [
            f'<a href="{e(page.relative_to(docs_dir).as_posix())}">'
            f"{'results' if len(pages) == 1 else f'batch {number}'}</a>"
            for number, page in enumerate(pages, start=1)
        ]
        if (docs_dir / "expectations" / f"{suite}.html").is_file():
            links.append(f'<a href="expectations/{e(suite)}.html">expectations</a>')
        rows.append(
            f"<tr><td>{e(suite)}</td><td>{counts.evaluated}</td><td>{counts.passed}</td>"
            f"<td>{counts.failed}</td><td>{' '.join(links)}</td></tr>"
        )
    failed = "".join(
        f"<li><strong>{e(o.name)}</strong> ({e(o.severity)}, suite {e(o.suite)}, {e(o.expectation)}"
        f"{' on ' + e(o.column) if o.column else ''}"
        f"{f', {o.unexpected_count} unexpected' if o.unexpected_count else ''}): {e(o.details)}</li>"
        for o in summary.failed
    )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>tracker validation: {'passed' if summary.success else 'FAILED'}</title>
</head>
<body>
<h1>Validation {'passed' if summary.success else 'FAILED'}</h1>
<p>{e(_rows_line(summary))}</p>
<table>
<tr><th>suite</th><th>evaluated</th><th>passed</th><th>failed</th><th>pages</th></tr>
{''.join(rows)}
</table>
<h2>Failed expectations and warnings</h2>
<ul>{failed or '<li>none</li>'}</ul>
</body>
</html>
"""
    (docs_dir / "index.html").write_text(_offline_html(page), encoding="utf-8")


# --- Summary ---------------------------------------------------------------------


def _counts(outcomes: list[Outcome]) -> SuiteCounts:
    passed = sum(o.success for o in outcomes)
    return SuiteCounts(evaluated=len(outcomes), passed=passed, failed=len(outcomes) - passed)


def _rows_line(summary: ValidationSummary) -> str:
    rows = ", ".join(f"{table} {n} rows" for table, n in summary.rows.items())
    return f"{rows}; {summary.rejected_rows} claim rows rejected by the builder"


def _code(text: str) -> str:
    """Inline code in Markdown, so that article text in a value never renders as HTML."""
    return "`" + text.replace("`", "'") + "`"


def format_summary(summary: ValidationSummary) -> str:
    """A few lines for the terminal, valid Markdown too."""
    verdict = "passed" if summary.success else "FAILED"
    lines = [f"Validation {verdict} in {summary.seconds:.1f} s: {_rows_line(summary)}.", ""]
    for suite, c in summary.suites.items():
        kind = "warnings" if suite in WARNING_SUITES else "failed"
        lines.append(f"- {suite}: {c.evaluated} evaluated, {c.passed} passed, {c.failed} {kind}")
    for title, severity in (("Failed", "critical"), ("Warnings", "warning")):
        found = [o for o in summary.failed if (o.severity == "critical") == (severity == "critical")]
        if found:
            lines += ["", f"{title}:"]
            for o in found:
                where = f" on {o.column}" if o.column else ""
                count = f", {o.unexpected_count} unexpected" if o.unexpected_count else ""
                sample = f": {_code(o.details)}" if o.details else ""
                lines.append(f"- {o.suite}: {o.name} ({o.expectation}{where}{count}){sample}")
    if summary.rejected_by_rule:
        rules = ", ".join(f"{_code(rule)} {n}" for rule, n in summary.rejected_by_rule.items())
        lines += ["", f"Rejected claim rows by rule: {rules}"]
    if summary.reports is not None:
        lines += ["", f"Report: {summary.reports / 'data_docs' / 'index.html'}"]
    return "\n".join(lines)


def _write_reports(reports_dir: Path, summary: ValidationSummary) -> None:
    def plain(value):
        return str(value) if isinstance(value, Path) else value

    data = dataclasses.asdict(summary, dict_factory=lambda items: {k: plain(v) for k, v in items})
    (reports_dir / "summary.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (reports_dir / "summary.md").write_text("# Validation\n\n" + format_summary(summary) + "\n", encoding="utf-8")
    _write_docs_index(reports_dir / "data_docs", summary)


# --- Entry points ----------------------------------------------------------------


def validate(
    out_dir: Path, reports_dir: Path | None = DEFAULT_REPORTS_DIR, *, batch_rows: int = BATCH_ROWS
) -> ValidationSummary:
    """Validate the dataset in out_dir, batch_rows rows at a time; with reports_dir, write
    Data Docs (in reports_dir/data_docs, replaced on each run), summary.json and
    summary.md there."""
    started = time.perf_counter()
    dataset = _open(Path(out_dir))
    suites = load_suites()
    contract = [
        _schema_outcome("claims", dataset.claims_schema, arrow_schema("claims")),
        _schema_outcome("articles", dataset.articles.schema, arrow_schema("articles")),
        _schema_outcome("rejected_claims", dataset.rejected_schema, rejected_claims_schema()),
        *_freshness_outcomes(suites),
    ]
    index = _fact(lambda: _article_index(dataset.articles))
    facts = _claim_facts(dataset.claims, index, batch_rows)
    rows = {"claims": dataset.claims.rows, "articles": dataset.articles.rows}
    frames = {
        "claims": (
            _frame(batch, _claims_derived(batch, facts, index)) for batch in _batches(dataset.claims, batch_rows)
        ),
        "articles": (
            _frame(batch, _articles_derived(batch, facts, index)) for batch in _batches(dataset.articles, batch_rows)
        ),
    }
    if reports_dir is not None:
        reports_dir = Path(reports_dir)
        reports_dir.mkdir(parents=True, exist_ok=True)
    batch_counts = {table: max(1, -(-n // batch_rows)) for table, n in rows.items()}
    outcomes = _run_gx(frames, batch_counts, suites, reports_dir / "data_docs" if reports_dir else None)

    by_suite = {CONTRACT_CHECKS: contract}
    for o in outcomes:
        by_suite.setdefault(o.suite, []).append(o)
    failed = [o for o in contract + outcomes if not o.success]
    failed.sort(key=lambda o: o.severity != "critical")
    summary = ValidationSummary(
        success=not any(o.severity == "critical" for o in failed),
        suites={name: _counts(found) for name, found in by_suite.items()},
        failed=failed,
        rows=rows,
        rejected_rows=dataset.rejected_rows,
        rejected_by_rule=dict(collections.Counter(dataset.rejected_rules).most_common()),
        seconds=time.perf_counter() - started,
        reports=reports_dir,
    )
    if reports_dir is not None:
        _write_reports(reports_dir, summary)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tracker validate", description="Validate a dataset built by tracker build.")
    parser.add_argument("dir", type=Path, help="the --out folder of tracker build")
    parser.add_argument(
        "--reports", type=Path, default=DEFAULT_REPORTS_DIR,
        help="where to write Data Docs, summary.json and summary.md (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    try:
        summary = validate(args.dir, args.reports)
    except FileNotFoundError as error:
        print(f"tracker validate: {error}", file=sys.stderr)
        return 2
    print(format_summary(summary))
    return 0 if summary.success else 1


if __name__ == "__main__":
    sys.exit(main())
