"""Vague-quantity profiles (schemas/vague/*.json): the same sentence coded three ways, a
bare plural counted only by the isaf profile, and a user's own profile file."""

from __future__ import annotations

import json

import pytest

from conftest import extract_text
from tracker.lexicon import load_vague_profile, vague_profiles


@pytest.mark.parametrize(
    ("profile", "low", "high", "best"),
    [("default", 24, 99, 24), ("acled", 12, 99, 12), ("isaf", 24, 99, 24)],
)
def test_dozens_by_profile(profile, low, high, best):
    (row,) = extract_text("Dozens of fighters were killed in the raid.", profile=profile)
    assert (row["value_low"], row["value_high"], row["value_best"], row["vague_profile"]) == (low, high, best, profile)


@pytest.mark.parametrize(("profile", "best"), [("default", 2), ("acled", 3), ("isaf", 3)])
def test_several_by_profile(profile, best):
    (row,) = extract_text("Several soldiers were wounded by the blast.", profile=profile)
    assert row["value_best"] == best and row["qualifier"] == "vague"


def test_isaf_codes_numerous_and_bare_plurals():
    rows = extract_text("Numerous insurgents were killed in the clash.", profile="isaf")
    assert [(r["value_best"], r["implicit"]) for r in rows] == [(4, False)]
    rows = extract_text("Suspected insurgents were detained during the search.", profile="isaf")
    assert [(r["category"], r["value_best"], r["implicit"]) for r in rows] == [("detained", 2, True)]
    assert extract_text("Suspected insurgents were detained during the search.") == []


def test_bare_plural_restates_a_figure_of_the_same_claim():
    text = "Suspected insurgents were detained on Monday. The patrol detained four suspected insurgents."
    rows = extract_text(text, profile="isaf")
    assert {r["claim_key"] for r in rows if r["category"] == "detained"} == {rows[0]["claim_key"]}
    assert rows[0]["value_best"] == 4  # the specific mention comes first


def test_a_headline_bare_plural_comes_after_a_vague_mention():
    """The headline's 'Suspects' restates the item's 'several suspects': the vague word,
    not the bare plural, is the claim's first row (the one that gives its figure)."""
    text = "Rangers detained several suspects in the hills.\n-- Rangers detained two suspects near the river."
    rows = extract_text(text, title="Rangers Detain Suspects", profile="isaf")
    first = {}
    for r in rows:
        first.setdefault(r["claim_key"], r)
    assert sorted(r["value_best"] for r in first.values()) == [2, 3]


def test_a_profile_is_a_data_file(tmp_path):
    profile = tmp_path / "tens.json"
    profile.write_text(json.dumps({"name": "tens", "words": {"dozens": {"low": 10, "high": 90, "best": 10}}}))
    (row,) = extract_text("Dozens of fighters were killed.", profile=str(profile))
    assert (row["value_best"], row["vague_profile"]) == (10, "tens")


def test_shipped_profiles_are_well_formed():
    assert {"default", "acled", "isaf"} <= set(vague_profiles())
    for name in vague_profiles():
        load_vague_profile(name)


def test_more_than_best_is_stated_or_least(tmp_path):
    profile = tmp_path / "odd.json"
    profile.write_text(json.dumps({"name": "odd", "words": {}, "more_than_best": "highest"}))
    with pytest.raises(ValueError, match="more_than_best"):
        load_vague_profile(str(profile))
    assert [load_vague_profile(name).more_than_counts_least for name in ("default", "acled", "isaf")] == [False, False, True]
