"""Validate a built dataset against the contract in schemas/, with Great Expectations.

`python -m tracker.validate DIR [--reports PATH]` checks what `tracker build --out DIR`
wrote (claims/, articles.parquet, rejected_claims.parquet):

- each table's Arrow schema against schemas/, with pyarrow (GX's type expectations
  match odd dtype names and are unreliable);
- the GX suites in validations/suites/, generated from schemas/ by
  scripts/gen_suites.py: "claims" and "articles" fail the run, "tracking_sanity" only
  warns. Rules GX cannot state on one table (cross-table links, slices of the quote)
  are computed with pandas into derived columns that a GX expectation then checks, so
  every rule shows in the GX report;

and writes GX Data Docs (made to load nothing from the network), summary.json and
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
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from tracker.contract import (
    REJECTION_COLUMNS,
    arrow_schema,
    load_schema,
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
            "unique:claim_id", "expect_column_values_to_be_unique", "no two rows share a claim_id.", column="claim_id",
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
            "more_than: value_low is value_best + 1 (value_open_bound).",
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
            "unique:article_id", "expect_column_values_to_be_unique", "no two articles share an article_id.",
            column="article_id",
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
            f"an exact count of people between {low} and {high} is most likely a year.",
            severity="warning", column="value_best",
            row_condition=_all(
                _where("category", "IN", list(vocabulary("people_categories"))),
                _where("qualifier", "==", "exact"),
                _where("value_best", ">=", low),
                _where("value_best", "<=", high),
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


# --- Reading the dataset and checking its schema ----------------------------------


@dataclasses.dataclass
class _Tables:
    claims: pa.Table
    claims_schema: pa.Schema  # as stored, without the partition column
    articles: pa.Table
    rejected: pa.Table | None


def _read(out_dir: Path) -> _Tables:
    schema = load_schema("claims")
    claims_dir = out_dir / "claims"
    if not claims_dir.is_dir() or not (out_dir / "articles.parquet").is_file():
        raise FileNotFoundError(f"{out_dir} holds no dataset: expected claims/ and articles.parquet")
    partitioning = None
    if schema.partition_by:
        partitioning = pads.partitioning(pa.schema([(schema.partition_by, pa.string())]), flavor="hive")
    dataset = pads.dataset(claims_dir, format="parquet", partitioning=partitioning)
    if dataset.files:
        claims = dataset.to_table()
        stored = pa.schema([f for f in dataset.schema if f.name != schema.partition_by])
    else:  # a corpus without a single claim
        stored = arrow_schema("claims")
        claims = stored.empty_table()
    rejected_path = out_dir / "rejected_claims.parquet"
    return _Tables(
        claims=claims,
        claims_schema=stored,
        articles=pq.read_table(out_dir / "articles.parquet"),
        rejected=pq.read_table(rejected_path) if rejected_path.is_file() else None,
    )


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


# --- Derived columns -------------------------------------------------------------

# A derivation that meets a missing or mistyped column is skipped: the schema check
# names the cause, and the expectations on the derived column fail for want of it.
_DERIVATION_ERRORS = (KeyError, TypeError, AttributeError, pa.ArrowException)


def _column(table: pa.Table, name: str) -> list:
    return table.column(name).to_pylist()


def _rowwise(table: pa.Table, names: tuple[str, ...], function: Callable, type_: pa.DataType) -> pa.Array:
    """function(*values) for each row; null where an input is null (not_null reports those)."""
    columns = [_column(table, n) for n in names]
    return pa.array([None if None in values else function(*values) for values in zip(*columns)], type_)


def _claims_derived(claims: pa.Table, articles: pa.Table) -> dict[str, Callable[[], pa.Array]]:
    def field_chars():
        names = ("article_id", "title_chars", "text_chars")
        lengths = {a: {"title": t, "body": b} for a, t, b in zip(*(_column(articles, n) for n in names))}
        return _rowwise(claims, ("article_id", "source_field"), lambda a, f: lengths.get(a, {}).get(f), pa.int64())

    def article_status():
        status = dict(zip(_column(articles, "article_id"), _column(articles, "status")))
        return _rowwise(claims, ("article_id",), lambda a: status.get(a, "missing"), pa.string())

    def part_of_found():
        keys = set(zip(_column(claims, "article_id"), _column(claims, "claim_key")))
        return _rowwise(claims, ("article_id", "part_of"), lambda a, p: (a, p) in keys, pa.bool_())

    def quote_at_offsets(quote, quote_start, char_start, char_end):
        inside = quote_start <= char_start < char_end <= quote_start + len(quote)
        return quote[char_start - quote_start : char_end - quote_start] if inside else None

    open_bound_shift = {"more_than": 1, "less_than": -1}
    derived = {
        "quote_end": lambda: _rowwise(claims, ("quote_start", "quote"), lambda qs, q: qs + len(q), pa.int64()),
        "quote_at_offsets": lambda: _rowwise(
            claims, ("quote", "quote_start", "char_start", "char_end"), quote_at_offsets, pa.string()
        ),
        "field_chars": field_chars,
        "value_open_bound": lambda: _rowwise(
            claims, ("qualifier", "value_best"),
            lambda q, best: best + open_bound_shift[q] if q in open_bound_shift else None, pa.int64(),
        ),
        "article_status": article_status,
        "part_of_found": part_of_found,
        "admin1_count": lambda: pc.list_value_length(claims.column("admin1")).cast(pa.int64()),
        "admin1_code_count": lambda: pc.list_value_length(claims.column("admin1_code")).cast(pa.int64()),
        "cumulative_prior_max": lambda: _cumulative_prior_max(claims),
    }
    schema = load_schema("claims")
    for c in schema.columns:
        if c.pattern and c.type == "list<string>":
            derived[_items_column(c.name)] = functools.partial(_rowwise, claims, (c.name,), ",".join, pa.string())
    if schema.partition_by:
        derived[f"{schema.partition_by}_expected"] = functools.partial(
            _rowwise, claims, ("published",), lambda day: str(day.year), pa.string()
        )
    return derived


def _cumulative_prior_max(claims: pa.Table) -> pa.Array:
    """For a cumulative row: the highest value_best of its series (claimant, category,
    object_class) at an earlier period_end; null for other rows and a series' first date.
    Unattributed figures form no series: they come from unrelated events."""
    names = ("aggregation", "claimant", "category", "object_class", "period_end", "value_best")
    rows = list(zip(*(_column(claims, n) for n in names)))
    highest: dict[tuple, dict] = collections.defaultdict(dict)  # series -> date -> max
    for aggregation, claimant, category, object_class, end, best in rows:
        if aggregation == "cumulative" and None not in (claimant, end, best):
            by_date = highest[(claimant, category, object_class)]
            by_date[end] = max(best, by_date.get(end, best))
    prior: dict[tuple, int] = {}
    for series, by_date in highest.items():
        running = None
        for day in sorted(by_date):
            if running is not None:
                prior[(series, day)] = running
            running = by_date[day] if running is None else max(running, by_date[day])
    return pa.array(
        [prior.get(((c, cat, oc), end)) if agg == "cumulative" else None for agg, c, cat, oc, end, _ in rows],
        pa.int64(),
    )


def _articles_derived(articles: pa.Table, claims: pa.Table) -> dict[str, Callable[[], pa.Array]]:
    def claim_rows():
        counts = collections.Counter(_column(claims, "article_id"))
        return pa.array([counts.get(a, 0) for a in _column(articles, "article_id")], pa.int64())

    return {"claim_rows": claim_rows}


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
    return table.to_pandas(types_mapper=pd.ArrowDtype)


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


def _sample(result: dict) -> str:
    values = result.get("partial_unexpected_list") or []
    return ", ".join(_shown(v) for v in values[:3])[:200]


def _error(exception_info: dict) -> str | None:
    """The message of an exception GX caught: exception_info is either one record or,
    when a metric failed, a record per metric."""
    for record in (exception_info, *exception_info.values()):
        if isinstance(record, dict) and record.get("raised_exception"):
            return str(record.get("exception_message"))
    return None


def _outcome(suite: str, result, row_id: str) -> Outcome:
    config = result.expectation_config
    kwargs = config.kwargs
    columns = [kwargs[k] for k in ("column", "column_A", "column_B") if kwargs.get(k)]
    error = _error(result.exception_info)
    return Outcome(
        suite=suite,
        name=(config.meta or {}).get("name", config.type),
        expectation=config.type,
        column=", ".join(columns) or None,
        severity=config.severity.value,
        success=bool(result.success),
        unexpected_count=result.result.get("unexpected_count"),
        details=error.splitlines()[0][:200] if error else _sample(result.result),
        unexpected_ids=tuple(
            str(row[row_id]) for row in result.result.get("partial_unexpected_index_list") or () if row_id in row
        ),
    )


_DOCS_SITE = "tracker"


def _run_gx(frames: dict[str, pd.DataFrame], suites: dict[str, dict], docs_dir: Path | None) -> list[Outcome]:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.captureWarnings(False)  # GX's import turned warnings into silent log records

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("tracker")
    batches = {name: source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name) for name in frames}
    outcomes = []
    for suite_name, (table, row_id) in SUITE_TABLES.items():
        suite = context.suites.add(gx.ExpectationSuite(**copy.deepcopy(suites[suite_name])))
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=suite_name, data=batches[table], suite=suite)
        )
        frame = frames[table]
        result = definition.run(
            batch_parameters={"dataframe": frame},
            result_format={
                "result_format": "SUMMARY",
                "unexpected_index_column_names": [row_id] if row_id in frame.columns else [],
            },
        )
        outcomes += [_outcome(suite_name, r, row_id) for r in result.results]
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
        for result in suite_result.results:
            result.result = _escaped(result.result)
            result.exception_info = _escaped(result.exception_info)
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
        links = []
        for page in sorted(docs_dir.glob(f"validations/{suite}/**/*.html")):
            links.append(f'<a href="{e(page.relative_to(docs_dir).as_posix())}">results</a>')
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


def validate(out_dir: Path, reports_dir: Path | None = DEFAULT_REPORTS_DIR) -> ValidationSummary:
    """Validate the dataset in out_dir; with reports_dir, write Data Docs (in
    reports_dir/data_docs, replaced on each run), summary.json and summary.md there."""
    started = time.perf_counter()
    tables = _read(Path(out_dir))
    suites = load_suites()
    contract = [
        _schema_outcome("claims", tables.claims_schema, arrow_schema("claims")),
        _schema_outcome("articles", tables.articles.schema, arrow_schema("articles")),
        _schema_outcome(
            "rejected_claims", tables.rejected.schema if tables.rejected is not None else None, rejected_claims_schema()
        ),
        *_freshness_outcomes(suites),
    ]
    frames = {
        "claims": _frame(tables.claims, _claims_derived(tables.claims, tables.articles)),
        "articles": _frame(tables.articles, _articles_derived(tables.articles, tables.claims)),
    }
    if reports_dir is not None:
        reports_dir = Path(reports_dir)
        reports_dir.mkdir(parents=True, exist_ok=True)
    outcomes = _run_gx(frames, suites, reports_dir / "data_docs" if reports_dir else None)

    by_suite = {CONTRACT_CHECKS: contract}
    for o in outcomes:
        by_suite.setdefault(o.suite, []).append(o)
    failed = [o for o in contract + outcomes if not o.success]
    failed.sort(key=lambda o: o.severity != "critical")
    rejected_rules = (
        _column(tables.rejected, REJECTION_COLUMNS[0])
        if tables.rejected is not None and REJECTION_COLUMNS[0] in tables.rejected.column_names
        else []
    )
    summary = ValidationSummary(
        success=not any(o.severity == "critical" for o in failed),
        suites={name: _counts(found) for name, found in by_suite.items()},
        failed=failed,
        rows={"claims": tables.claims.num_rows, "articles": tables.articles.num_rows},
        rejected_rows=tables.rejected.num_rows if tables.rejected is not None else 0,
        rejected_by_rule=dict(collections.Counter(rejected_rules).most_common()),
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
