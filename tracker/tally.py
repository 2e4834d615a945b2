"""List-form official tallies, one line a category:

    personnel ‒ about 43900 (+150) persons were liquidated,
    tanks ‒ 1880 (+4),

Each line is a running total (a cumulative claim) and its bracketed change, a claim for
the day. People lines count killed; equipment lines count destroyed, unless the line
says otherwise ("... were captured").
"""

from __future__ import annotations

from typing import Final

from tracker.classify import read_object
from tracker.lexicon import LEXICON, PEOPLE_CLASSES
from tracker.numbers import parse_digits
from tracker.patterns import match_tally_line
from tracker.records import ClaimDraft, NumberMention, Sentence

_QUALIFIERS: Final = {"about": "approximately", "around": "approximately", "approximately": "approximately",
                      "some": "approximately", "over": "more_than", "more than": "more_than"}


def _mention(sentence: Sentence, start: int, end: int, value: int, qualifier: str) -> NumberMention:
    """A count over sentence-relative chars [start, end)."""
    base = sentence.start
    toks = [k for k, t in enumerate(sentence.tokens) if t.start - base < end and t.end - base > start]
    low, high = (value + 1, None) if qualifier == "more_than" else (value, value)
    return NumberMention(base + start, base + end, toks[0], toks[-1] + 1, low, high, value, qualifier, "cardinal")


def tally_drafts(sentence: Sentence) -> list[ClaimDraft]:
    """The two claims of a tally line, or [] when the sentence is not one."""
    m = match_tally_line(sentence.text)
    if m is None:
        return []
    total, delta = parse_digits(m.group("total")), parse_digits(m.group("delta"))
    if total is None or delta is None:
        return []
    label_tok = next(k for k, t in enumerate(sentence.tokens) if t.start - sentence.start >= m.start("label"))
    obj = read_object(sentence, label_tok)
    object_class = obj.object_class
    if object_class is None:
        return []
    rest = [t.lower for t in sentence.tokens if t.start - sentence.start >= m.end()]
    category = "killed" if object_class in PEOPLE_CLASSES else "destroyed"
    for k in range(len(rest)):
        found = LEXICON.triggers_after.match_at(rest, k)
        if found is not None:
            category = found[1][0]
            break
    qualifier = _QUALIFIERS.get((m.group("qual") or "").lower(), "exact")
    total_mention = _mention(sentence, m.start("qual") if m.group("qual") else m.start("total"), m.end("total"), total, qualifier)
    delta_mention = _mention(sentence, m.start("delta"), m.end("delta"), delta, "exact")
    label = m.group("label").strip()
    return [
        ClaimDraft(sentence, total_mention, category, label, object_class, None, cumulative=True),
        ClaimDraft(sentence, delta_mention, category, label, object_class, None, daily=True),
    ]
