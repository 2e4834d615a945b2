"""The word lists in tracker/lexicons/ stay clean as branches add words to them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tracker.lexicon import LEXICON_DIR


def _word_lists(node, path: str):
    """(path, list) for every list of strings in a lexicon file."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _word_lists(value, f"{path}.{key}")
    elif isinstance(node, list):
        if all(isinstance(item, str) for item in node):
            yield path, node
        else:
            for i, item in enumerate(node):
                yield from _word_lists(item, f"{path}[{i}]")


@pytest.mark.parametrize("path", sorted(LEXICON_DIR.glob("*.json")), ids=lambda p: p.name)
def test_no_word_list_names_a_word_twice(path: Path):
    lists = _word_lists(json.loads(path.read_text(encoding="utf-8")), path.name)
    repeated = {where: [w for w, n in Counter(words).items() if n > 1] for where, words in lists}
    assert not {where: words for where, words in repeated.items() if words}


def test_every_relative_date_phrase_opens_its_pattern_gate():
    """find_dates runs the relative-date pattern only on a sentence holding a telling word
    of some phrase (dates._RELATIVE_WORDS): a phrase added to dates.json needs one."""
    from tracker.dates import _RELATIVE_WORDS
    from tracker.lexicon import LEXICON
    from tracker.patterns import word_set

    assert [p for p in LEXICON.relative_dates if word_set(p).isdisjoint(_RELATIVE_WORDS)] == []
