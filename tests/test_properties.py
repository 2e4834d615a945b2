"""Properties over arbitrary text: extraction never raises, offsets always reproduce the
number's phrase, rows always keep the contract, and the same input gives the same rows."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import extract_text
from tracker.contract import row_violations

# Words that steer text toward the extractor's paths: numbers, triggers, qualifiers,
# dates, places, speech verbs and punctuation.
VOCABULARY = [
    "12", "1,300", "5 000", "forty-two", "a dozen", "dozens", "several", "once", "twice", "times",
    "at least", "more than", "nearly", "up to", "between", "and", "-", "to", "of", "the", "a", "an",
    "killed", "wounded", "were", "arrested", "destroyed", "shot down", "attacks", "death toll", "rose",
    "soldiers", "civilians", "people", "tanks", "drones", "others", "including", "them",
    "on", "Monday", "November 27", "yesterday", "since", "in", "Aleppo", "Kharkiv", "Gaza City",
    "said", "according to", "he", "the ministry", ",", ".", '"', "(", ")", "\n", "2024", "aged",
    "both", "all of them", "one of the", "a", "soldier", "and", "were",
]

sentences = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=300), sentences)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, title=st.one_of(st.just(""), sentences))
@example(text="0/B", title="")
@example(text="between 5 and and 3 killed", title="")
@example(text="killing them them", title="them")
@example(text="A \n\n. . killed", title="")
def test_extraction_never_raises_and_offsets_reproduce_the_phrase(text, title):
    rows = extract_text(text, title=title, published=date(2024, 11, 29))
    assert len({row["claim_id"] for row in rows}) == len(rows)
    for row in rows:
        field = title if row["source_field"] == "title" else text
        assert field[row["char_start"]:row["char_end"]] == row["surface"]
        assert row_violations(row, field_chars=len(field)) == []


@settings(max_examples=50, deadline=None)
@given(text=sentences)
def test_same_input_same_rows(text):
    assert extract_text(text) == extract_text(text)
