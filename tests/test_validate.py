"""tracker.validate and tracker.contract.row_violations on datasets made by dataset_factory.

A good dataset passes. Each planted defect fails the run under the expectation named
for it, and that expectation lists the broken row. Defects that leave the rest of the
table readable are planted together, each in its own copy of the claims, so that one
validation run serves them all (importing GX costs ~3 s, a run ~1 s).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pytest
from dataset_factory import (
    CUMULATIVE_ROW,
    DIGITS_ROW,
    DOZENS_ROW,
    EXACT_ROW,
    LESS_THAN_ROW,
    MORE_THAN_ROW,
    PART_OF_ROW,
    REJECTED_ARTICLE,
    SCRIPT_PAYLOAD,
    TAG_PAYLOAD,
    Dataset,
    exact,
    good_dataset,
    many_claims,
    plant_script_surface,
    plant_tag_category,
)

import tracker.validate as v
from tracker.contract import load_schema, row_violations, vocabulary


def _set(**values) -> Callable[[Dataset, int], dict]:
    """Plant: set these values in claim row i."""

    def plant(data: Dataset, i: int) -> dict:
        data.claims[i].update(values)
        return data.claims[i]

    return plant


def _shift(*columns: str, by: int) -> Callable[[Dataset, int], dict]:
    def plant(data: Dataset, i: int) -> dict:
        for c in columns:
            data.claims[i][c] += by
        return data.claims[i]

    return plant


def _duplicate_id(data: Dataset, i: int) -> dict:
    data.claims[i]["claim_id"] = data.claims[i - 1]["claim_id"]
    return data.claims[i]


def _move_claim(to_article: str) -> Callable[[Dataset, int], dict]:
    """Plant: give claim row i another article_id, keeping every n_claims right."""

    def plant(data: Dataset, i: int) -> dict:
        row = data.claims[i]
        for article in data.articles:
            article["n_claims"] += (article["article_id"] == to_article) - (article["article_id"] == row["article_id"])
        row["article_id"] = to_article
        return row

    return plant


def _miscount(data: Dataset, i: int) -> dict:
    article = next(a for a in data.articles if a["article_id"] == data.claims[i]["article_id"])
    article["n_claims"] += 1
    return article


def _after_publication(data: Dataset, i: int) -> dict:
    row = data.claims[i]
    row["period_end"] = row["published"] + dt.timedelta(days=3)
    return row


def _before_quote(data: Dataset, i: int) -> dict:
    row = data.claims[i]
    row["char_start"] = row["quote_start"] - 1
    return row


def _retype(column: str, type_: pa.DataType, convert: Callable) -> Callable[[Dataset, int], dict]:
    def plant(data: Dataset, i: int) -> dict:
        data.claims_schema = data.claims_schema.set(data.claims_schema.get_field_index(column), pa.field(column, type_))
        for row in data.claims:
            row[column] = convert(row[column])
        return data.claims[i]

    return plant


def _drop(column: str) -> Callable[[Dataset, int], dict]:
    def plant(data: Dataset, i: int) -> dict:
        data.claims_schema = data.claims_schema.remove(data.claims_schema.get_field_index(column))
        for row in data.claims:
            del row[column]
        return data.claims[i]

    return plant


def _wrong_partition(data: Dataset, i: int) -> dict:
    data.wrong_partitions[i] = "1999"
    return data.claims[i]


def _no_rejected_file(data: Dataset, i: int) -> None:
    data.write_rejected = False


@dataclasses.dataclass(frozen=True)
class Defect:
    rule: str  # the expectation that must fail
    plant: Callable[[Dataset, int], dict | None]  # breaks claim row i (or its article); returns what it broke
    row: int = EXACT_ROW  # the good row to start from
    row_rule: str | None = None  # what row_violations reports, for a defect it can see in one row
    alone: bool = False  # it breaks the whole table: validate it on its own


DEFECTS = {
    "duplicate claim_id": Defect("unique:claim_id", _duplicate_id, row=EXACT_ROW + 1),
    "null quote": Defect("not_null:quote", _set(quote=None), row_rule="not_null:quote"),
    "bounds inverted": Defect("value_bounds", _set(value_low=9, value_high=5, value_best=5), row_rule="value_bounds"),
    "unknown category with HTML": Defect("vocabulary:category", plant_tag_category, row_rule="vocabulary:category"),
    "negative value": Defect("range:value_low", _set(value_low=-3), row_rule="range:value_low"),
    "best above high": Defect("value_best:high", _set(value_best=6), row_rule="value_best:high"),
    "more_than low not best + 1": Defect(
        "value_best:more_than", _set(value_low=400), row=MORE_THAN_ROW, row_rule="value_best:more_than"
    ),
    "more_than best stated under a profile counting the least": Defect(
        "value_best:more_than", _set(vague_profile="isaf"), row=MORE_THAN_ROW, row_rule="value_best:more_than"
    ),
    "less_than high not best - 1": Defect(
        "value_best:less_than", _set(value_high=48), row=LESS_THAN_ROW, row_rule="value_best:less_than"
    ),
    "less_than without high": Defect(
        "value_high:less_than", _set(value_high=None), row=LESS_THAN_ROW, row_rule="value_high:less_than"
    ),
    "period after publication": Defect("period_end:published", _after_publication, row_rule="period_end:published"),
    "period inverted": Defect(
        "period_order", _set(period_start=dt.date(2024, 11, 29), period_end=dt.date(2024, 11, 28)),
        row_rule="period_order",
    ),
    "offsets outside the text": Defect(
        "offsets:field", _shift("quote_start", "char_start", "char_end", by=1000), row_rule="offsets:field"
    ),
    "quote not matching offsets": Defect(
        "surface_quote", _shift("char_start", "char_end", by=1), row_rule="surface_quote"
    ),
    "surface is a script": Defect("surface_quote", plant_script_surface, row=DOZENS_ROW, row_rule="surface_quote"),
    "empty phrase": Defect("offsets_order", _shift("char_end", by=-4), row_rule="offsets_order"),
    "phrase before the quote": Defect("offsets:quote_start", _before_quote, row_rule="offsets:quote_start"),
    "bad admin1 code": Defect(
        "pattern:admin1_code", _set(admin1_code=["SY-HL", "aleppo"]), row_rule="pattern:admin1_code"
    ),
    "admin1 lists misaligned": Defect("admin1_aligned", _set(admin1_code=["SY-HL"]), row_rule="admin1_aligned"),
    "country not alpha-2": Defect("pattern:country", _set(country="Syria"), row_rule="pattern:country"),
    "orphan claim": Defect("article:ok", _move_claim("no-such-article")),
    "claim of a rejected article": Defect("article:ok", _move_claim(REJECTED_ARTICLE["article_id"])),
    "n_claims miscounted": Defect("n_claims:match", _miscount),
    "part_of names no claim": Defect("part_of:target", _set(part_of="no-such-key"), row=PART_OF_ROW),
    "row in another year's partition": Defect("partition:published_year", _wrong_partition),
    "rejected_claims.parquet missing": Defect("schema:rejected_claims", _no_rejected_file),
    "wrong column type": Defect(
        "schema:claims", _retype("value_low", pa.string(), str), row_rule="type:value_low", alone=True
    ),
    "missing column": Defect("schema:claims", _drop("country"), row_rule="missing:country", alone=True),
}
TOGETHER = [kind for kind, d in DEFECTS.items() if not d.alone]
TEMPLATE_ROWS = len(good_dataset().claims)


def _planted_together() -> tuple[Dataset, dict[str, dict | None]]:
    """One dataset with every defect that is not alone, defect j in copy j of the claims."""
    data = many_claims(len(TOGETHER) * TEMPLATE_ROWS)
    broken = {kind: DEFECTS[kind].plant(data, j * TEMPLATE_ROWS + DEFECTS[kind].row) for j, kind in enumerate(TOGETHER)}
    return data, broken


@pytest.fixture(scope="module")
def good_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("good")
    return v.validate(good_dataset().write(root / "dataset"), root / "reports"), root


@pytest.fixture(scope="module")
def defects_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("defects")
    data, broken = _planted_together()
    return v.validate(data.write(root / "dataset"), root / "reports"), broken, root


@pytest.fixture(scope="module")
def alone_runs(tmp_path_factory):
    runs = {}
    for kind in DEFECTS:
        if DEFECTS[kind].alone:
            data = good_dataset()
            DEFECTS[kind].plant(data, DEFECTS[kind].row)
            runs[kind] = v.validate(data.write(tmp_path_factory.mktemp("alone") / "dataset"), None)
    return runs


def test_good_rows_break_no_rule():
    data = good_dataset()
    assert {r["claim_id"]: row_violations(r, field_chars=data.field_chars(r)) for r in data.claims} == {
        r["claim_id"]: [] for r in data.claims
    }


def test_good_dataset_passes(good_run):
    summary, root = good_run
    assert summary.success, v.format_summary(summary)
    assert summary.failed == []
    assert set(summary.suites) == {v.CONTRACT_CHECKS, *v.SUITE_TABLES}
    assert summary.suites["claims"].evaluated == len(v.load_suites()["claims"]["expectations"])
    assert summary.rows == {"claims": len(good_dataset().claims), "articles": len(good_dataset().articles)}
    assert (summary.rejected_rows, summary.rejected_by_rule) == (1, {"range:value_low": 1})
    for name in ("summary.json", "summary.md", "data_docs/index.html"):
        assert (root / "reports" / name).is_file()


def test_more_than_counting_the_least_passes(tmp_path):
    """Under the isaf profile "over 400" is best 401 (its annotator's minimum totals)."""
    data = good_dataset()
    data.claims[MORE_THAN_ROW].update(vague_profile="isaf", value_best=401)
    row = data.claims[MORE_THAN_ROW]
    assert row_violations(row, field_chars=data.field_chars(row)) == []
    summary = v.validate(data.write(tmp_path / "dataset"), None)
    assert summary.success, v.format_summary(summary)


@pytest.mark.parametrize("kind", DEFECTS)
def test_planted_defect_fails_by_name(kind, defects_run, alone_runs):
    defect = DEFECTS[kind]
    if defect.alone:
        summary, broken = alone_runs[kind], None
    else:
        summary, broken_rows, _ = defects_run
        broken = broken_rows[kind]
    assert not summary.success
    outcome = next((o for o in summary.failed if o.name == defect.rule), None)
    assert outcome is not None, f"{defect.rule} did not fail:\n{v.format_summary(summary)}"
    assert outcome.severity == "critical"
    assert defect.rule in v.format_summary(summary)
    if broken is not None:
        assert broken.get("claim_id", broken["article_id"]) in outcome.unexpected_ids


@pytest.mark.parametrize("kind", [k for k, d in DEFECTS.items() if d.row_rule])
def test_row_violations_catch_defect(kind):
    defect = DEFECTS[kind]
    data = good_dataset()
    row = defect.plant(data, defect.row)
    rules = [rule for rule, _ in row_violations(row, field_chars=data.field_chars(row))]
    assert defect.row_rule in rules


def test_warnings_never_fail_the_run(tmp_path):
    data = good_dataset()
    data.claims[CUMULATIVE_ROW].update(value_low=300, value_high=300, value_best=300)  # below the earlier 400
    data.claims[DIGITS_ROW].update(**exact(2024))  # a year misread (its surface, "14", is bare digits)
    # a count of thousands written in words is no year: "five" stands for it here
    data.claims[EXACT_ROW].update(category="killed", object_class="person", **exact(2000))
    data.claims[EXACT_ROW + 1].update(**exact(20_000_000))
    data.rejected = []  # and rejected_claims.parquet without rows is fine
    summary = v.validate(data.write(tmp_path / "dataset"), None)
    assert summary.success, v.format_summary(summary)
    assert summary.warning_names == {"cumulative:non_decreasing", "value_best:year_like", "value_best:implausible"}
    assert summary.suites["tracking_sanity"].failed == 3
    year_like = next(o for o in summary.failed if o.name == "value_best:year_like")
    assert year_like.unexpected_ids == (data.claims[DIGITS_ROW]["claim_id"],)
    assert "Warnings:" in v.format_summary(summary)


def test_committed_suites_are_generated_from_schemas():
    for name, suite in v.build_suites().items():
        committed = (v.SUITES_DIR / f"{name}.json").read_text(encoding="utf-8")
        assert committed == v.suite_json(suite), f"validations/suites/{name}.json is stale: run {v.REGENERATE}"


def test_stale_suite_fails_the_run(good_run, monkeypatch):
    _, root = good_run
    grown = {"category": ("killed", "wounded")}
    monkeypatch.setattr(v, "vocabulary", lambda name: grown.get(name) or vocabulary(name))
    summary = v.validate(root / "dataset", None)
    assert not summary.success
    assert summary.failed_names == {"suite_fresh:claims"}


@pytest.mark.parametrize("table", ["claims", "articles"])
def test_every_schema_column_has_an_expectation(table):
    expectations = v.load_suites()[table]["expectations"]
    checked = _types_by_column(expectations)
    schema = load_schema(table)
    assert {c.name for c in schema.columns} <= set(checked)
    for c in schema.columns:
        kinds = checked[c.name]
        assert "expect_column_to_exist" in kinds
        assert c.nullable or "expect_column_values_to_not_be_null" in kinds, c.name
        if c.vocabulary:
            (in_set,) = [e for e in expectations if e["meta"]["name"] == f"vocabulary:{c.name}"]
            assert in_set["kwargs"]["value_set"] == list(vocabulary(c.vocabulary))
        if c.min is not None or c.max is not None:
            assert "expect_column_values_to_be_between" in kinds, c.name
        if c.pattern:
            assert any(e["meta"]["name"] == f"pattern:{c.name}" for e in expectations), c.name


def _types_by_column(expectations: list[dict]) -> dict[str, set[str]]:
    """column -> the expectation types that name it."""
    found: dict[str, set[str]] = {}
    for e in expectations:
        for key in ("column", "column_A", "column_B"):
            if key in e["kwargs"]:
                found.setdefault(e["kwargs"][key], set()).add(e["type"])
    return found


def test_expectation_names_are_unique():
    for suite in v.build_suites().values():
        names = [e["meta"]["name"] for e in suite["expectations"]]
        assert len(names) == len(set(names))


def test_main_exit_codes(good_run, defects_run, tmp_path, monkeypatch, capsys):
    calls = []

    def fake_validate(out_dir, reports_dir):  # validate itself is tested above; this is main's logic
        calls.append((out_dir, reports_dir))
        return good_run[0] if out_dir.name == "good" else defects_run[0]

    monkeypatch.setattr(v, "validate", fake_validate)
    assert v.main(["good"]) == 0
    assert "Validation passed" in capsys.readouterr().out
    assert v.main(["bad", "--reports", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "Validation FAILED" in out and "unique:claim_id" in out
    assert calls == [(Path("good"), v.DEFAULT_REPORTS_DIR), (Path("bad"), tmp_path)]
    monkeypatch.undo()
    assert v.main([str(tmp_path / "nothing")]) == 2
    assert "holds no dataset" in capsys.readouterr().err


def test_summary_files(defects_run):
    summary, _, root = defects_run
    data = json.loads((root / "reports" / "summary.json").read_text(encoding="utf-8"))
    assert data["success"] is False
    assert {f["name"] for f in data["failed"]} == {o.name for o in summary.failed}
    markdown = (root / "reports" / "summary.md").read_text(encoding="utf-8")
    assert "vocabulary:category" in markdown
    # Article text in a Markdown report sits inside code spans only.
    outside_code = re.sub(r"`[^`\n]*`", "", markdown)
    assert "<" not in outside_code


def _pages(root):
    docs = root / "reports" / "data_docs"
    return [(p, p.read_text(encoding="utf-8")) for p in sorted(docs.rglob("*")) if p.suffix in (".html", ".css")]


def test_data_docs_request_nothing_remote(defects_run):
    pages = _pages(defects_run[2])
    assert any(p.name == "index.html" for p, _ in pages) and len(pages) > 3
    remote = re.compile(r"""(?:\b(?:src|href|action)\s*=\s*["']?|url\(\s*["']?)(?:https?:)?//""", re.I)
    for path, text in pages:
        assert not remote.search(text), path
        assert "amazonaws" not in text and "s3." not in text, path
        if path.suffix == ".html":
            assert "<script" not in text.lower(), path
            assert "Content-Security-Policy" in text, path


def test_article_html_is_escaped_in_data_docs(defects_run):
    pages = [text for path, text in _pages(defects_run[2]) if path.suffix == ".html"]
    everything = "\n".join(pages)
    for payload in (TAG_PAYLOAD, SCRIPT_PAYLOAD):
        assert payload not in everything
        assert html.escape(payload) in everything


def test_batches_give_the_outcomes_of_one(tmp_path):
    """Validated a few rows at a time, the planted defects fail as in one batch, with
    the same counts, samples and row ids; a claim_id repeated in another batch too."""
    data, _ = _planted_together()
    data.claims[-1]["claim_id"] = data.claims[0]["claim_id"]
    dataset = data.write(tmp_path / "dataset")
    batch_rows = 100
    batches = [set(b.column("claim_id").to_pylist()) for b in v._batches(v._open(dataset).claims, batch_rows)]
    assert len(batches) > 2
    assert sum(data.claims[0]["claim_id"] in ids for ids in batches) == 2  # the copies are batches apart

    whole = v.validate(dataset, tmp_path / "whole", batch_rows=10 * len(data.claims))
    batched = v.validate(dataset, tmp_path / "batched", batch_rows=batch_rows)
    assert batched.failed == whole.failed
    assert (batched.suites, batched.rows) == (whole.suites, whole.rows)
    repeated = next(o for o in batched.failed if o.name == "unique:claim_id")
    assert data.claims[0]["claim_id"] in repeated.unexpected_ids
    # A results page per batch, each linked from the index.
    pages = sorted((tmp_path / "batched" / "data_docs" / "validations" / "claims").rglob("*.html"))
    assert len(pages) == len(batches)
    index = (tmp_path / "batched" / "data_docs" / "index.html").read_text(encoding="utf-8")
    assert all(p.relative_to(tmp_path / "batched" / "data_docs").as_posix() in index for p in pages)
