"""The core of the suite: tables of sentences and the claims they hold (tests/cases/*.yaml),
one test per sentence, grouped by phenomenon. Claims are matched by (category,
value_best); every listed field must match. Implicit singular counts ("a soldier") are
compared only where a case lists one. `distinct_keys` counts the claims of all the rows,
for mentions of one value that must share a key or not. `profile` names the vague-quantity
profile a case is read with (default: "default")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import DEFAULT_PUBLISHED, extract_text

CASES_DIR = Path(__file__).parent / "cases"


def _load_cases() -> list:
    return [
        pytest.param(case, id=f"{path.stem}: {case['text'][:60]}")
        for path in sorted(CASES_DIR.glob("*.yaml"))
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]


def _as_text(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return sorted(str(v) for v in value)
    return value


def _unique_claims(rows: list[dict], with_implicit: bool) -> dict[tuple, dict]:
    out: dict[tuple, dict] = {}
    for row in rows:
        if row["implicit"] and not with_implicit:
            continue
        out.setdefault((row["category"], row["value_best"]), row)
    return out


@pytest.mark.parametrize("case", _load_cases())
def test_sentence(case):
    published = case.get("published", DEFAULT_PUBLISHED)
    text, title = case["text"], case.get("title", "")
    rows = extract_text(text, title=title, published=published, profile=case.get("profile", "default"))
    expected = case["claims"]
    with_implicit = any(c.get("implicit") for c in expected)
    got = _unique_claims(rows, with_implicit)
    assert sorted(got) == sorted((c["category"], c["value_best"]) for c in expected), rows
    for claim in expected:
        row = got[(claim["category"], claim["value_best"])]
        for field, want in claim.items():
            if field in ("same_key_as", "other_key_than"):
                other = got[(want["category"], want["value_best"])]["claim_key"]
                assert (row["claim_key"] == other) == (field == "same_key_as"), (field, row)
            elif field == "part_of" and want is None:
                assert row["part_of"] is None, (field, row)
            elif field == "part_of":
                whole = got[(want["category"], want["value_best"])]
                assert row["part_of"] == whole["claim_key"], (field, row)
            else:
                assert _as_text(row[field]) == _as_text(want), (field, row)
    if "distinct_keys" in case:
        assert len({row["claim_key"] for row in rows}) == case["distinct_keys"], rows
    for row in rows:
        field = title if row["source_field"] == "title" else text
        assert field[row["char_start"]:row["char_end"]] == row["surface"]
