"""Every regular expression the pipeline uses, compiled once (price-parser style).

Word lists live in tracker/lexicons/*.json; the patterns here only describe shapes
(tokens, sentence ends, datelines, date phrases built from the month names).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from tracker.lexicon import LEXICON

# A token: a word (inner hyphens, apostrophes, dots), grouped digits, plain digits, or
# one punctuation character. Space-grouped thousands ("5 000") only with 1-3 leading
# digits, so a year followed by a count ("2024 500") is never glued together. Words come
# first because most tokens are words (a word starts with a letter, a number with a
# digit: the order changes no match, only how many branches fail first).
_token = re.compile(
    r"""
      [^\W\d_](?:[\w'\u2019.\u2013-]*[^\W_])?            # words: al-Nusra, Borno's, U.S, IS–Somalia
    | \d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)               # 1,300  1,300.5
    | \d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d,])    # 5 000 (nbsp, thin space, space)
    | \d+(?:\.\d+)?                                      # 43900  2.5
    | \S                                                 # punctuation, one char each
    """,
    re.VERBOSE,
)
# Every character that is not white space belongs to a token (the last branch takes any
# one), so a text is a row of (white space, token) pairs: findall lists them in C, and
# the offsets follow from the lengths, with no match object per token.
_spaced_token = re.compile(r"(\s*)(" + _token.pattern + ")", re.VERBOSE)
find_spaced_tokens = _spaced_token.findall

# Lower-cased words only, for the cheap "could this sentence hold a claim" test.
_word = re.compile(r"[a-z]+")
find_words = _word.findall


# Three stages ask it of the same sentence (may it hold a claim, which date patterns to
# try, may it report speech); a sentence's text is one str object throughout, so a cache
# the size of an article answers the later two. Small on purpose: never across articles.
@lru_cache(maxsize=256)
def word_set(text: str) -> frozenset[str]:
    """The lower-cased words of text (letters a-z only)."""
    return frozenset(find_words(text.lower()))

# Candidate sentence ends: terminal punctuation, optional closing quotes/brackets, then
# white space and an opening capital, digit or quote. Abbreviations are checked in code.
# A photo caption's credit ("... on Monday (AFP photo) BEIRUT Thirteen civilians ...")
# ends the caption too: scraped pages run it into the article's first sentence.
# The first character is read by one class, each branch then checks which it was: a
# pattern that opens with a class lets the regex engine skip to those characters in one
# tight loop instead of trying every branch at every position of the article.
_sentence_end = re.compile(r"""[.!?\n(](?:(?<=[.!?])["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[A-Z0-9])|(?<=\n)\n*"""
                           r"""|(?<=\()(?:[A-Z]\w*\s+)?[Pp]hoto(?:\s+[A-Z]\w*)?\)\s+(?=[A-Z]))""")
iter_sentence_ends = _sentence_end.finditer


# A list-form tally line: "personnel ‒ about 43900 (+150) persons were liquidated".
_tally_line = re.compile(
    r"""^\s*[-\u2022*]?\s*
      (?P<label>[A-Za-z][A-Za-z /,'()-]{1,60}?)\s*
      [\u2012\u2013\u2014\u2015-]+\s*
      (?P<qual>about|around|approximately|some|over|more\ than)?\s*
      (?P<total>\d[\d,.\u00a0 ]*\d|\d)\s*
      \(\s*\+\s*(?P<delta>\d[\d,.\u00a0 ]*\d|\d)\s*\)
    """,
    re.VERBOSE | re.IGNORECASE,
)


# A list item's marker at a sentence's start: "-- Troops detained ...", "— A combined force
# ...", "- ...", "• ..." (one or two hyphens, a dash or a bullet, then a space; not a
# hyphenated word).
match_list_item = re.compile(r"\s*(?:--?|[\u2013\u2014\u2022])\s").match

# A sentence that opens with a place and a day of its own, a release's way to turn to the
# next operation: "In Logar last night, ...", "And, in Helmand's Sangin district yesterday,
# ...". The place is capitalised words and place-type words; the day a relative one.
_day_times = "|".join(sorted(
    (re.escape(name) for name, (_, _, unit) in LEXICON.relative_dates.items() if unit == "day"), key=len, reverse=True))
_place_types = "|".join(LEXICON.closed["place_type_words"])
_place_time_opener = re.compile(
    rf"\s*(?:And,?\s+)?[Ii]n\s+(?:(?:[A-Z][\w'\u2019-]*|{_place_types})\s+){{1,5}}"
    rf"(?:{_day_times}|(?:on\s+)?(?:{'|'.join(d.title() for d in LEXICON.weekdays)}))\s*,")
match_place_time_opener = _place_time_opener.match


def match_tally_line(text: str) -> re.Match[str] | None:
    """The tally-line match of text, or None; most sentences hold no "(+": no regex run."""
    return _tally_line.match(text) if "+" in text else None


# Months are capitalised in news ("a pro-Palestine march" is no month): Title and UPPER forms.
_month_names = "|".join(
    form for name in sorted(LEXICON.months, key=len, reverse=True) for form in (name.title(), name.upper())
)
_weekday_names = "|".join(LEXICON.weekdays)

# Dateline: "TEHRAN (Tasnim) –", "KABUL, Afghanistan (Jan. 24, 2011) -", "BEIRUT (AP) —",
# "MOSCOW, October 18 (RIA Novosti) -".
_dateline = re.compile(
    rf"""\s*
      (?P<city>[A-Z][A-Z'.\- ]{{1,40}}[A-Z])          # upper-case city
      (?:,\s*(?P<region>[A-Z][A-Za-z.\- ]{{1,40}}))?  # optional ", Afghanistan"
      (?:,?\s+(?P<day>(?:{_month_names})\.?\s+\d{{1,2}}(?:,?\s+(?:19|20)\d\d)?))?  # optional ", October 18"
      \s*\((?P<paren>[^()\n]{{1,60}})\)               # (outlet) or (date)
      (?:\s*[-\u2013\u2014:]+                        # dash
        |(?<=\d\))\s+(?=[A-Z]))                      # none after a date: "(March 24, 2011) An"
    """,
    re.VERBOSE,
)
match_dateline = _dateline.match

# Explicit dates: "November 27", "Nov. 27, 2024", "27 November", "27 Nov 2024",
# "between 1 and 5 March", "March 1-5", "in May 2024", "March 2025". Parsed by dateparser.
_explicit_date = re.compile(
    rf"""
    \b(?=[0-9A-Z])(?:
        (?P<range_a>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|\u2013|and|to)\s*
            (?P<range_b>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<range_month>{_month_names})\.?(?:,?\s+(?P<range_year>(?:19|20)\d\d))?
      | (?P<mrange_month>{_month_names})\.?\s+(?P<mrange_a>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|\u2013|to|and)\s*
            (?P<mrange_b>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<mrange_year>(?:19|20)\d\d))?
      | (?P<md>(?:{_month_names})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?:19|20)\d\d)?)
      | (?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_month_names})\.?(?:,?\s+(?:19|20)\d\d)?)
      | (?P<my>(?:{_month_names})\.?,?\s+(?:19|20)\d\d)
      | (?P<iso>(?:19|20)\d\d-\d\d-\d\d)
      | (?P<dmy>[0-3]?\d[./][01]?\d[./](?:19|20)?\d\d)(?![.\d])
      | (?P<mo>(?:{_month_names}))(?=\s*[,.;]|\s+(?:when|and|in|as|after|before|while|that|this)\b)
      | (?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\bduring\s)|(?<=\buntil\s)|(?<=\bearly\s)|(?<=\bmid-)|(?<=\blate\s))
            (?P<mo2>{_month_names})  # "in February left 134 dead", "since mid-February", "in early March"
    )\b
    """,
    re.VERBOSE,
)
iter_explicit_dates = _explicit_date.finditer

# "on Thursday", "last Friday", "Saturday night".
# "on Friday", "last Monday", "on Friday and Saturday" (two days: a period over both)
_weekday = re.compile(rf"\b(?P<last>last\s+|this\s+|on\s+)?(?P<day>{_weekday_names})(?:\s+and\s+(?P<day2>{_weekday_names}))?\b",
                      re.IGNORECASE)
iter_weekdays = _weekday.finditer

# Relative phrases from the lexicon ("overnight", "last week", "in the past 24 hours"),
# matched in lower-cased text (see lower_keeping_offsets). A phrase ending in a month
# ("since january") is not one before a day number: "since January 1" is an explicit date.
_relative = re.compile(
    r"\b(?:" + "|".join(re.escape(p.lower()) + (r"(?!\s+\d)" if p.split()[-1] in LEXICON.months else "")
                         for p in sorted(LEXICON.relative_dates, key=len, reverse=True)) + r")\b"
)
iter_relative_dates = _relative.finditer


def lower_keeping_offsets(text: str) -> str:
    """text.lower(), except characters whose lower case is longer ("İ"), so that offsets
    into the result are offsets into text."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)

def _alternatives(words: frozenset[str]) -> str:
    """A regex alternation of lexicon phrases, longest first, white space as \\s+."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=lambda w: (-len(w), w)))


# "in the past two days", "in 10 days", "two days of clashes", "past three weeks",
# "since the past 48 hours" (dates.json span_openers, span_units, span_after).
_span = re.compile(
    rf"""\b(?:(?P<opener>{_alternatives(LEXICON.span_openers)})\s+)?
        (?P<n>\d{{1,3}}|[a-z]+)\s+(?P<unit>{_alternatives(frozenset(LEXICON.span_units))})
        (?P<of>\s+(?:{_alternatives(LEXICON.span_after)}))?\b""",
    re.VERBOSE | re.IGNORECASE,
)
iter_spans = _span.finditer

# "two days ago", "3 days ago": a day counted back from publication.
iter_days_ago = re.compile(r"\b(?P<n>\d{1,2}|[a-z]+)\s+days?\s+ago\b", re.IGNORECASE).finditer

# Cheap gates: is there any digit, any numeric date, any year-like number?
search_digit = re.compile(r"\d").search
search_numeric_date = re.compile(r"\d[./-]\d").search
search_year = re.compile(r"(?:19|20)\d\d").search

# A year on its own: "in 2024", "since 2011", "throughout 2023", "in (the) calendar year
# 2024", "in the 2024 calendar year".
_year = re.compile(r"\b(?P<prep>in|since|during|of|throughout)\s+"
                   r"(?:the\s+(?=(?:19|20)\d\d\s+calendar\s+year\b)|(?:the\s+)?(?:calendar\s+)?year\s+)?"
                   r"(?P<year>(?:19|20)\d\d)(?:\s+calendar\s+year)?\b", re.IGNORECASE)
iter_years = _year.finditer

_page = {name: _alternatives(LEXICON.closed[f"page_{name}"]) for name in ("counter_labels", "block_labels", "text_openers")}

# Clock times and telephone-like digit runs: never counts.
_non_count = re.compile(
    rf"""(?=[\d+(]|(?:{_page["counter_labels"]})\b)(?:\b\d{{1,2}}[:.]\d\d\s*(?:a\.?m\.?|p\.?m\.?|h|hrs|GMT|UTC)?(?!\d)   # 10:30, 3.15 pm
      | \b\d{{1,2}}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)                          # 3 p.m.
      | \+?\(?\d{{2,4}}\)?[-\s]\d{{3}}[-\s]\d{{3,4}}\b                         # phone numbers
      | \b\d{{4}}-\d{{2}}-[A-Z]+-\d+\b                                       # release ids 2011-01-S-115
      | \b\d{{1,2}}([-./])\d{{1,2}}\1(?:19|20)\d\d(?!\d)                     # numeric dates 18-07-2016, 21.08.2013
      # a scraped page's share/view counters: the run of counts after "Get short URL" or
      # "Views", all of it when a sentence opener or a link block follows, else all but a
      # last count that has its own noun ("Get short URL 0 85 12 Daesh terrorists ...")
      | \b(?:{_page["counter_labels"]})(?:(?:\s+\d+)+(?=\s+(?:{_page["text_openers"]})\b|\s*$|\s*[^\w\s])
                                     | (?:\s+\d+)*\s+0\b
                                     | (?:\s+\d+)+(?=\s+\d+\s))
      | \b\d+(?=\s+(?:{_page["block_labels"]})\s+[A-Z])                     # a counter before a "Related" or "Tags" block
    )""",
    re.VERBOSE,
)


def iter_non_counts(text: str) -> Iterator[re.Match[str]]:
    """Clock times, phone numbers and release ids in text; each holds a digit, so text
    without one is not scanned (a position-by-position scan: the lookahead gives the
    regex engine no first character to skip to)."""
    return _non_count.finditer(text) if search_digit(text) is not None else iter(())


# A figure over several regions: "over 13 regions", "across 10 oblasts", "in seven provinces".
search_many_regions = re.compile(
    r"\b(?:across|in|over|throughout)\s+(?:\w+\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple)"
    r"\s+(?:\w+\s+)?(?:regions|oblasts|provinces|states|districts|governorates|cities|towns)\b", re.IGNORECASE).search


# "near the border with ", "its frontier with the " right before a place: that place is
# the neighbour across it (grammar.json frontier_nouns).
_across_border = re.compile(r"\b(?:" + _alternatives(LEXICON.closed["frontier_nouns"]) + r")\s+with\s+(?:the\s+)?$",
                            re.IGNORECASE)


def names_a_neighbour(text: str, place_start: int) -> bool:
    """Does the text just before a place name put it across a border ('... the border with ')?"""
    return _across_border.search(text, max(0, place_start - 40), place_start) is not None
