"""The data contract in code: schemas/ loaded, and the row-level rules of a claim.

schemas/<table>.json lists the columns of each table with their Arrow type and
constraints (nullable, vocabulary, min, max, pattern); schemas/vocabularies.json holds
the controlled vocabularies. The builder uses this module to write and filter rows, the
validator (tracker.validate) to generate its Great Expectations suites, so both read the
same contract.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

SCHEMAS_DIR = Path(__file__).resolve().parents[1] / "schemas"

ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "int64": pa.int64(),
    "bool": pa.bool_(),
    "date32": pa.date32(),
    "list<string>": pa.list_(pa.string()),
}

# Extra columns of rejected_claims.parquet: which rule a row broke and why.
REJECTION_COLUMNS = ("rule", "reason")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool
    vocabulary: str | None = None
    min: int | None = None
    max: int | None = None
    pattern: str | None = None
    description: str = ""


@dataclass(frozen=True)
class TableSchema:
    table: str
    columns: tuple[Column, ...]
    partition_by: str | None = None
    description: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.table} has no column {name!r}")


@functools.cache
def load_schema(table: str) -> TableSchema:
    spec = json.loads((SCHEMAS_DIR / f"{table}.json").read_text(encoding="utf-8"))
    columns = []
    for c in spec["columns"]:
        if c["type"] not in ARROW_TYPES:
            raise ValueError(f"schemas/{table}.json: {c['name']} has unknown type {c['type']!r}")
        columns.append(Column(**c))
    return TableSchema(
        table=spec["table"],
        columns=tuple(columns),
        partition_by=spec.get("partition_by"),
        description=spec.get("description", ""),
    )


@functools.cache
def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a table. Every field is nullable in Arrow: nullability is a
    data rule (row_violations, the GX suites), so a row that breaks it can still be
    written to rejected_claims.parquet."""
    return pa.schema([pa.field(c.name, ARROW_TYPES[c.type]) for c in load_schema(table).columns])


@functools.cache
def rejected_claims_schema() -> pa.Schema:
    """claims' columns plus the rule a row broke and the reason."""
    schema = arrow_schema("claims")
    for name in REJECTION_COLUMNS:
        schema = schema.append(pa.field(name, pa.string()))
    return schema


@functools.cache
def _vocabularies() -> dict[str, object]:
    return json.loads((SCHEMAS_DIR / "vocabularies.json").read_text(encoding="utf-8"))


@functools.cache
def profiles_counting_least() -> frozenset[str]:
    """The vague profiles (schemas/vague) whose "more than 10" is best 11, the least the
    text allows, instead of the stated 10 ("more_than_best": "least")."""
    return frozenset(
        path.stem for path in (SCHEMAS_DIR / "vague").glob("*.json")
        if json.loads(path.read_text(encoding="utf-8")).get("more_than_best") == "least"
    )


@functools.cache
def vocabulary(name: str) -> tuple[str, ...]:
    terms = _vocabularies()[name]
    if not isinstance(terms, list):
        raise KeyError(f"vocabularies.json: {name!r} is not a vocabulary")
    return tuple(terms)


# --- Row-level rules -------------------------------------------------------------

# Python types a plain row value of each Arrow type may have. bool is excluded from
# int64 explicitly, as it is a subclass of int.
_PY_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "int64": int,
    "bool": bool,
    "date32": dt.date,
    "list<string>": (list, tuple),
}


@dataclass(frozen=True)
class _ColumnRule:
    """One column's checks, precompiled: row_violations runs on every row."""

    column: Column
    py_type: type | tuple[type, ...]
    terms: frozenset[str] | None
    regex: re.Pattern[str] | None
    # A value of exactly this type (or an allowed null) keeps every rule of the column:
    # the common case, decided without the full check. None when the column has more rules.
    plain_type: type | None


@functools.cache
def _column_rules(table: str) -> tuple[_ColumnRule, ...]:
    return tuple(
        _ColumnRule(
            column=c,
            py_type=_PY_TYPES[c.type],
            terms=frozenset(vocabulary(c.vocabulary)) if c.vocabulary else None,
            regex=re.compile(c.pattern) if c.pattern else None,
            plain_type=_PY_TYPES[c.type] if isinstance(_PY_TYPES[c.type], type) and not c.vocabulary
            and c.min is None and c.max is None and not c.pattern else None,
        )
        for c in load_schema(table).columns
    )


def _column_violations(rule: _ColumnRule, value: object) -> list[tuple[str, str]]:
    c = rule.column
    if value is None:
        return [] if c.nullable else [(f"not_null:{c.name}", f"{c.name} is null")]
    if not isinstance(value, rule.py_type) or (c.type == "int64" and isinstance(value, bool)):
        return [(f"type:{c.name}", f"{c.name} is {type(value).__name__}, not {c.type}")]
    items = value if c.type == "list<string>" else (value,)
    if c.type == "list<string>" and not all(isinstance(v, str) for v in items):
        return [(f"type:{c.name}", f"{c.name} holds a non-string item")]
    found = []
    if rule.terms is not None and value not in rule.terms:
        found.append((f"vocabulary:{c.name}", f"{c.name} {value!r} is not in vocabulary {c.vocabulary}"))
    if (c.min is not None and value < c.min) or (c.max is not None and value > c.max):
        found.append((f"range:{c.name}", f"{c.name} {value} is outside [{c.min}, {c.max}]"))
    if rule.regex is not None:
        bad = [v for v in items if not rule.regex.fullmatch(v)]
        if bad:
            found.append((f"pattern:{c.name}", f"{c.name} {bad!r} does not match {c.pattern}"))
    return found


def _claim_violations(row: dict, field_chars: int | None) -> list[tuple[str, str]]:
    """Rules across columns of one claim; its columns are known to be well typed.
    Rule names are those of the matching expectations in validations/suites/claims.json."""
    found = []
    low, high, best, qualifier = row["value_low"], row["value_high"], row["value_best"], row["qualifier"]
    if high is not None and low > high:
        found.append(("value_bounds", f"value_low {low} > value_high {high}"))
    # 'over 400' is best 400, low 401 (best 401 under a profile counting the least);
    # 'fewer than 400' is best 400, high 399.
    if qualifier == "more_than":
        stated = row["vague_profile"] not in profiles_counting_least()
        if low != best + stated:
            found.append(("value_best:more_than", f"value_low {low} is not value_best {best}" + " + 1" * stated))
    elif qualifier == "less_than":
        if high is None:
            found.append(("value_high:less_than", "less_than without value_high"))
        elif high != best - 1:
            found.append(("value_best:less_than", f"value_high {high} is not value_best {best} - 1"))
    else:
        if best < low:
            found.append(("value_best:low", f"value_best {best} < value_low {low}"))
        if high is not None and best > high:
            found.append(("value_best:high", f"value_best {best} > value_high {high}"))

    start, end, published = row["period_start"], row["period_end"], row["published"]
    if start is not None and end is not None and start > end:
        found.append(("period_order", f"period_start {start} > period_end {end}"))
    if published is not None:
        for name, day in (("period_start", start), ("period_end", end)):
            if day is not None and day > published:
                found.append((f"{name}:published", f"{name} {day} is after publication {published}"))

    char_start, char_end = row["char_start"], row["char_end"]
    quote, quote_start, surface = row["quote"], row["quote_start"], row["surface"]
    quote_end = quote_start + len(quote)
    offsets_ok = True
    if char_start >= char_end:
        found.append(("offsets_order", f"char_start {char_start} >= char_end {char_end}"))
        offsets_ok = False
    if char_start < quote_start:
        found.append(("offsets:quote_start", f"char_start {char_start} is before quote_start {quote_start}"))
        offsets_ok = False
    if char_end > quote_end:
        found.append(("offsets:quote_end", f"char_end {char_end} is past the quote's end {quote_end}"))
        offsets_ok = False
    if offsets_ok and quote[char_start - quote_start : char_end - quote_start] != surface:
        found.append(("surface_quote", f"surface {surface!r} is not the quote at its offsets"))
    if field_chars is not None and quote_end > field_chars:
        found.append(
            ("offsets:field", f"the quote ends at {quote_end}, past the {field_chars}-char {row['source_field']}")
        )

    if len(row["admin1"]) != len(row["admin1_code"]):
        found.append(("admin1_aligned", f"{len(row['admin1'])} admin1 names but {len(row['admin1_code'])} codes"))
    return found


# Columns _claim_violations compares: a null or mistyped one among them skips it.
_CROSS_COLUMN_INPUTS = frozenset(
    "value_low value_best qualifier value_high period_start period_end published char_start "
    "char_end quote quote_start surface admin1 admin1_code source_field".split()
)


def row_violations(row: dict, *, field_chars: int | None = None) -> list[tuple[str, str]]:
    """(rule, reason) for every contract rule one claim row breaks; [] for a good row.

    row maps column names to plain Python values (int, str, bool, datetime.date, list
    of str, None). field_chars is the length of the row's source field (the article's
    title_chars or text_chars); without it the offsets are checked only against the
    quote. Rules that span rows or tables (unique claim_id, part_of, orphan claims)
    are the validator's.
    """
    found: list[tuple[str, str]] = []
    broken: set[str] = set()
    for rule in _column_rules("claims"):
        name = rule.column.name
        if name not in row:
            found.append((f"missing:{name}", f"no column {name}"))
            broken.add(name)
            continue
        value = row[name]
        if type(value) is rule.plain_type or value is None and rule.column.nullable:
            continue
        column_found = _column_violations(rule, value)
        if column_found:
            found.extend(column_found)
            # A value that is null or of the wrong type cannot enter a comparison.
            if column_found[0][0].split(":")[0] in ("not_null", "type"):
                broken.add(name)
    if not broken & _CROSS_COLUMN_INPUTS:
        found.extend(_claim_violations(row, field_chars))
    return found
