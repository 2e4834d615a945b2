"""The seed article (data/raw/tasnim-aleppo-idlib.txt) gives the table of CLAIMS.md, and
tracker.load hands the dataset to pandas with its types intact."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import tracker
from tracker.build import build

# CLAIMS.md, "The expected result for the seed article": unique claims.
SEED_TABLE = [
    # category, value_best, object_class, claimant word, admin1 codes, period, aggregation
    ("killed", 400, "combatant", "Ignasyuk", ["SY-HL", "SY-ID"], (date(2024, 11, 27), date(2024, 11, 29)), "cumulative"),
    ("attacks", 12, "event", "Ignasyuk", ["SY-ID"], (None, date(2024, 11, 29)), None),
    ("attacks", 1, "event", "Ignasyuk", ["SY-HL"], (None, date(2024, 11, 29)), None),
    ("destroyed", 5, "facility", "General Command", ["SY-HL", "SY-ID"], (date(2024, 11, 28), date(2024, 11, 29)), "period"),
    ("destroyed", 7, "facility", "General Command", ["SY-HL", "SY-ID"], (date(2024, 11, 28), date(2024, 11, 29)), "period"),
    ("killed", 24, "combatant", None, [], (date(2024, 11, 18), date(2024, 11, 24)), "period"),
]


@pytest.fixture(scope="module")
def seed(tmp_path_factory, root):
    out = tmp_path_factory.mktemp("seed") / "out"
    build([root / "data" / "raw" / "tasnim-aleppo-idlib.txt"], out)
    return out


def _value(v):
    return None if v is pd.NA or v is None else v


def test_seed_gives_the_contract_table(seed):
    df = tracker.load(seed)
    claims = df.drop_duplicates("claim_key")
    got = sorted((r.category, r.value_best) for r in claims.itertuples())
    assert got == sorted((c[0], c[1]) for c in SEED_TABLE)
    for category, value, object_class, claimant, codes, (start, end), aggregation in SEED_TABLE:
        row = claims[(claims.category == category) & (claims.value_best == value)].iloc[0]
        assert row.object_class == object_class
        if claimant is None:
            assert row.attribution == "unattributed"
        else:
            assert claimant in f"{_value(row.claimant)} {_value(row.claimant_org)}"
        assert sorted(row.admin1_code) == codes
        assert row.country == "SY"
        assert (_value(row.period_start), _value(row.period_end)) == (start, end)
        if aggregation:
            assert row.aggregation == aggregation


def test_seed_mentions_share_keys(seed):
    df = tracker.load(seed)
    killed = df[(df.category == "killed") & (df.value_best == 400)]
    assert set(killed.source_field) == {"title", "body"} and killed.claim_key.nunique() == 1
    assert len(killed) == 3  # headline, lead, quote


def test_load_keeps_types(seed):
    df = tracker.load(seed)
    assert str(df.value_high.dtype) == "Int64" and df.value_high.isna().any()
    assert str(df.period_start.dtype) == "date32[day][pyarrow]"
    assert isinstance(df.period_end.iloc[0], date)
    assert str(df.admin1_code.dtype).startswith("list<")
    plain = pd.read_parquet(seed / "claims")
    assert str(plain.value_high.dtype) == "float64"  # what load() exists to avoid
