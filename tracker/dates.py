"""Stage 5: the period each claim covers, resolved against the publication date.

Time phrases are found with compiled patterns (tracker.patterns) and lexicon phrases
(tracker/lexicons/dates.json); dateparser reads only the short explicit-date phrase it is
handed ("Nov. 27", "12 March 2025"), cached. Rules (CLAIMS.md "When"): a weekday is the
latest such day on or before publication; "yesterday" is published-1; "overnight" and
"in the past 24 hours" are published-1..published; "last week" the previous calendar
week; "since DATE" gives DATE..published and makes the claim cumulative ("since dawn" or
"since midnight" of the publication day is that day's figure), an undated
"since the <event>" makes it cumulative from an unknown start; no time phrase gives
null..published with precision "unknown".
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Final

import dateparser

from tracker.lexicon import LEXICON
from tracker.numbers import parse_number_words
from tracker.patterns import (
    find_words,
    iter_days_ago,
    iter_explicit_dates,
    iter_relative_dates,
    iter_spans,
    iter_weekdays,
    iter_years,
    lower_keeping_offsets,
    search_numeric_date,
    search_year,
    word_set,
)
from tracker.records import ClaimDraft, DateMention, Period, Sentence
from tracker.sentences import ends_in_abbreviation

UNKNOWN: Final = "unknown"
_BREAKS: Final = frozenset({",", ".", ";", ":", "(", ")"})
# The telling word of each relative phrase, a gate for their pattern: a match holds every
# word of its phrase, so one is enough, the longest that is no opener ("hours" of "in the
# past 24 hours", "night" of "last night"; openers such as "in", "the", "last" are in too
# many sentences). Letters only, as word_set has them.
_RELATIVE_OPENERS: Final = LEXICON.closed["relative_common_words"]
_RELATIVE_WORDS: Final = frozenset(
    max(reversed([w for w in find_words(p.lower()) if w not in _RELATIVE_OPENERS] or find_words(p.lower())), key=len)
    for p in LEXICON.relative_dates
)
_SPAN_UNITS: Final = frozenset(LEXICON.span_units)


def _read_simple(phrase: str) -> tuple[int, int, int | None] | None:
    """The common shapes read directly: 'November 27', '27 Nov. 2024', '27th of March',
    '2024-11-27'. None for anything else."""
    if len(phrase) == 10 and phrase[4] == "-" and phrase[7] == "-" and phrase.replace("-", "").isdigit():
        return int(phrase[5:7]), int(phrase[8:]), int(phrase[:4])
    words = [w for w in phrase.replace(",", " ").replace(".", " ").lower().split() if w != "of"]
    month = [LEXICON.months[w] for w in words if w in LEXICON.months]
    numbers = [w.rstrip("stndrh") for w in words if w not in LEXICON.months]
    if len(month) != 1 or not 1 <= len(numbers) <= 2 or not all(n.isdigit() for n in numbers):
        return None
    day = int(numbers[0]) if len(numbers[0]) <= 2 else None
    year = int(numbers[1]) if len(numbers) == 2 and len(numbers[1]) == 4 else None
    if day is None or len(numbers) == 2 and year is None:
        return None
    try:
        date(year or 2000, month[0], day)  # 2000 is a leap year: Feb 29 stays possible
    except ValueError:
        return None
    return month[0], day, year


@lru_cache(maxsize=65536)
def _read_phrase(phrase: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of an explicit date phrase: the common shapes directly,
    anything else by dateparser; cached by phrase, so a phrase is parsed once however
    many articles carry it."""
    simple = _read_simple(phrase)
    if simple is not None:
        return simple
    parsed = dateparser.parse(phrase.replace(".", " "), languages=["en"],
                              settings={"REQUIRE_PARTS": ["day", "month"], "RETURN_AS_TIMEZONE_AWARE": False,
                                        "RELATIVE_BASE": datetime(2000, 1, 1)})
    if parsed is None:
        return None
    has_year = any(len(tok) == 4 and tok.isdigit() for tok in phrase.replace(",", " ").split())
    return parsed.month, parsed.day, parsed.year if has_year else None


def parse_explicit(phrase: str, published: date | None) -> date | None:
    """One explicit date phrase; without a year it is the latest such date on or before `published`."""
    read = _read_phrase(phrase)
    if read is None:
        return None
    month, day, year = read
    if year is not None:
        return date(year, month, day)
    if published is None:
        return None  # no year and nothing to resolve it against
    for back in range(0, 8):  # Feb 29 needs a leap year
        try:
            candidate = date(published.year - back, month, day)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    return None


def _month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1), date(year, month, last), "month")


def _latest_month(month: int, published: date) -> int:
    return published.year if month <= published.month else published.year - 1


def _relative_period(spec: list, published: date) -> Period:
    start, end_offset, precision = spec
    end = published - timedelta(days=end_offset)
    if isinstance(start, int):
        return Period(published - timedelta(days=start), end, precision)
    monday = published - timedelta(days=published.weekday())
    if start == "this_week":
        return Period(monday, published, precision)
    if start == "last_week":
        return Period(monday - timedelta(days=7), monday - timedelta(days=1), precision)
    if start == "weekend":
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return Period(saturday, min(saturday + timedelta(days=1), published), precision)
    if start == "this_month":
        return Period(published.replace(day=1), published, precision)
    if start == "last_month":
        last = published.replace(day=1) - timedelta(days=1)
        return Period(last.replace(day=1), last, precision)
    if start == "this_year":
        return Period(date(published.year, 1, 1), published, precision)
    if start == "last_year":
        return Period(date(published.year - 1, 1, 1), date(published.year - 1, 12, 31), precision)
    raise ValueError(f"unknown relative date spec {spec!r} in lexicons/dates.json")


def _explicit_period(m, published: date | None) -> Period | None:
    g = m.groupdict()
    if g["range_a"] or g["mrange_a"]:
        a, b = (g["range_a"], g["range_b"]) if g["range_a"] else (g["mrange_a"], g["mrange_b"])
        month_name = g["range_month"] or g["mrange_month"]
        year = g["range_year"] or g["mrange_year"]
        first = parse_explicit(f"{a} {month_name} {year or ''}".strip(), published)
        last = parse_explicit(f"{b} {month_name} {year or ''}".strip(), published)
        if first and last and first <= last:
            return Period(first, last, "day")
        return None
    if g["md"] or g["dm"] or g["iso"]:
        day = parse_explicit(g["md"] or g["dm"] or g["iso"], published)
        return Period(day, day, "day") if day else None
    if g["dmy"]:
        day_number, month_number, year_number = (int(x) for x in g["dmy"].replace("/", ".").split("."))
        try:  # day first, as in "24.02.22"
            when = date(year_number + 2000 if year_number < 100 else year_number, month_number, day_number)
        except ValueError:
            return None
        return Period(when, when, "day")
    if g["my"]:
        words = g["my"].replace(",", " ").replace(".", " ").split()
        month = LEXICON.months.get(words[0].lower())
        return _month_period(int(words[-1]), month) if month else None
    mo = g["mo"] or g["mo2"]
    if mo and published is not None:
        month = LEXICON.months.get(mo.lower().rstrip("."))
        if month and (len(mo) > 3 or mo.lower() == "may"):  # full names only: "Mar" alone is too risky
            return _month_period(_latest_month(month, published), month)
    return None


def _named_day(m, text: str) -> Period | None:
    """'the October 7 attacks', 'the 7 October massacre': a day with no year before an
    event noun that names one event (dates.json named_days) is that event's day."""
    phrase = m.group("md") or m.group("dm")
    after = text[m.end():m.end() + 20].split(None, 1)
    if not phrase or not after or after[0].lower().strip(".,;:") not in LEXICON.named_day_nouns:
        return None
    words = phrase.lower().replace(",", " ").replace(".", " ").split()
    if any(len(w) == 4 and w.isdigit() for w in words):
        return None  # the year is given
    day = next(w.rstrip("stndrh") for w in words if w[:1].isdigit())
    month = next(w for w in words if w in LEXICON.months)
    iso = next((v for k, v in LEXICON.named_days.items()
                if k.split() == [month, day] or k.split() == [day, month]), None)
    if iso is None:
        return None
    when = date.fromisoformat(iso)
    return Period(when, when, "day")


def _tok_range(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """Token indexes [first, last+1) covering sentence-relative chars [start, end)."""
    base = sentence.start
    first = last = None
    for k, t in enumerate(sentence.tokens):
        if t.end - base > start and first is None:
            first = k
        if t.start - base < end:
            last = k
        elif first is not None:
            break  # later tokens start later still: none is inside
    first = 0 if first is None else first
    return first, (first if last is None else last) + 1


def find_dates(sentence: Sentence, published: date | None) -> list[DateMention]:
    """Time phrases in a tokenized sentence, in order, not overlapping (longer first)."""
    text = sentence.text
    words = word_set(text)
    found: list[tuple[int, int, Period, bool]] = []  # start, end, period, is a span up to publication
    # each pattern runs only where its words occur: most sentences hold no time phrase
    explicit = not words.isdisjoint(LEXICON.months) or search_numeric_date(text) is not None
    for m in iter_explicit_dates(text) if explicit else ():
        if not m.group("dmy") and not any(w[:1].isupper() for w in m.group().split() if w.lower().rstrip(".,") in LEXICON.months):
            continue  # "a pro-Palestine march", "they may": months are capitalised
        period = _named_day(m, text) or _explicit_period(m, published)
        found.append((m.start(), m.end(), period or Period(None, None, UNKNOWN), False))
    if published is not None:
        for m in iter_relative_dates(lower_keeping_offsets(text)) if not words.isdisjoint(_RELATIVE_WORDS) else ():
            spec = LEXICON.relative_dates[m.group()]
            period = _relative_period(spec, published)
            found.append((m.start(), m.end(), period, period.start != period.end and period.end == published))
        for m in iter_weekdays(text) if not words.isdisjoint(LEXICON.weekdays) else ():
            wd = LEXICON.weekdays[m.group("day").lower()]
            delta = (published.weekday() - wd) % 7
            if (m.group("last") or "").strip().lower() == "last" and delta == 0:
                delta = 7
            day = published - timedelta(days=delta)
            # "on Friday and Saturday": from the first day to the second, the latest on or before publication
            last = published - timedelta(days=(published.weekday() - LEXICON.weekdays[m.group("day2").lower()]) % 7) \
                if m.group("day2") else day
            found.append((m.start(), m.end(), Period(min(day, last), max(day, last), "day"), False))
        for m in iter_spans(text) if not words.isdisjoint(_SPAN_UNITS) else ():
            n_text = m.group("n").lower()
            n = int(n_text) if n_text.isdigit() else (parse_number_words([n_text], 0) or (None,))[0]
            if not n or not (m.group("opener") or m.group("of")):
                continue
            unit = m.group("unit").lower().rstrip("s")
            if unit == "hour":
                if not m.group("opener") or m.group("opener").lower() == "in" or n > 240:
                    continue  # "in 12 hours" may be ahead, or a rate ("the second time in 24 hours")
                days, precision = -(-n // 24), "day"  # the days the hours reach back into
            else:
                days = n * int(LEXICON.span_units[m.group("unit").lower()])
                precision = "day" if unit == "day" else "week" if unit == "week" else "month"
            found.append((m.start(), m.end(), Period(published - timedelta(days=days), published, precision), True))
        for m in iter_days_ago(text) if "ago" in words else ():
            n_text = m.group("n").lower()
            n = int(n_text) if n_text.isdigit() else (parse_number_words([n_text], 0) or (None,))[0]
            if n and n <= 31:
                day = published - timedelta(days=n)
                found.append((m.start(), m.end(), Period(day, day, "day"), False))
    for m in iter_years(text) if search_year(text) is not None else ():
        year = int(m.group("year"))
        if published is None or year <= published.year:
            found.append((m.start("year") if m.group("prep").lower() != "since" else m.start(), m.end(),
                          Period(date(year, 1, 1), date(year, 12, 31), "year"), False))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[DateMention] = []
    last_end = -1
    for start, end, period, span in found:
        if start < last_end:
            continue
        last_end = end
        tok_start, tok_end = _tok_range(sentence, start, end)
        # a count since a time of the publication day ("since dawn", "since midnight") is that
        # day's figure, as "so far today": no running total
        since = (_introduced_by_since(sentence, tok_start) or text[start:end].lower().startswith("since")
                 or _to_date(sentence, text[start:end], tok_start, period)) \
            and not (published is not None and period.start == period.end == published)
        out.append(DateMention(sentence.start + start, sentence.start + end, tok_start, tok_end, period, since, span and not since))
    return out


def _to_date(sentence: Sentence, phrase: str, tok_start: int, period: Period) -> bool:
    """A phrase that counts up to publication: a time phrase of more than a day right
    after 'so far' ('so far this month', 'so far in 2025'; 'so far today' is one day's
    count); one of the to-date phrases ('killed this year') not after a month ('in March
    this year': a date in that month) nor after a ranking in its clause ('the deadliest
    attack this year')."""
    toks = sentence.tokens
    before = tok_start - 1 if tok_start > 0 and toks[tok_start - 1].lower != "in" else tok_start - 2
    if before >= 0 and period.start != period.end and LEXICON.to_date_openers.match_ending_at(sentence.words, before):
        return True
    if phrase.lower() not in LEXICON.to_date_phrases:
        return False
    a, _ = _segment(sentence, tok_start)
    return not (tok_start > 0 and toks[tok_start - 1].lower.rstrip(".") in LEXICON.months) \
        and not any(toks[x].lower in _SINCE_RANKINGS for x in range(a, tok_start))


def _introduced_by_since(sentence: Sentence, tok_start: int) -> bool:
    """'since March 6', 'since they launched attacks ... on November 27' (same clause)."""
    if "since" not in sentence.words:
        return False  # asked of every time phrase: most sentences hold no "since"
    words = sentence.tokens
    for k in range(tok_start - 1, max(-1, tok_start - 20), -1):
        w = words[k].lower
        if w == "since":
            return True
        if _breaks(sentence, k):
            return False
    return False


def blocked_tokens(dates: list[DateMention]) -> frozenset[int]:
    """Token indexes inside time phrases: never counts ('November 27', '24 hours')."""
    return frozenset(k for d in dates for k in range(d.tok_start, d.tok_end))


def _breaks(sentence: Sentence, k: int) -> bool:
    """Does token k end a stretch of the sentence: punctuation, but not the dot of an
    abbreviation inside it ('On Jan. 4 at least 90 people were killed', 'the U.S. said')?"""
    return sentence.tokens[k].lower in _BREAKS and not _inner_dot(sentence, k)


def _inner_dot(sentence: Sentence, k: int) -> bool:
    """Is token k the dot of an abbreviation inside the sentence (not its last token)?"""
    tok = sentence.tokens[k]
    return tok.lower == "." and k + 1 < len(sentence.tokens) and ends_in_abbreviation(sentence.text, tok.start - sentence.start)


def _segment(sentence: Sentence, k: int) -> tuple[int, int]:
    """The comma-bounded stretch of tokens around token k."""
    toks = sentence.tokens
    # the membership test first: most tokens are words, and a call for each costs more
    # than the rest of the scan
    a = k
    while a > 0 and (toks[a - 1].lower not in _BREAKS or _inner_dot(sentence, a - 1)):
        a -= 1
    b = k
    while b < len(toks) and (toks[b].lower not in _BREAKS or _inner_dot(sentence, b)):
        b += 1
    return a, b


def _dates_speech(sentence: Sentence, d: DateMention) -> bool:
    """Does the time phrase follow a speech verb ('the ministry said on Tuesday')?"""
    toks = sentence.tokens
    return any(toks[k].lower in LEXICON.speech_verbs for k in range(max(0, d.tok_start - 2), d.tok_start))


def _stamps(sentence: Sentence, dates: list[DateMention], published: date) -> set[int]:
    """Ids of the dates that stamp the page, not the event: a dateline's full date that the
    text runs into ('... Monitor AFP Monday 23 Jun 2014 At least 10 soldiers were killed
    overnight', 'Published April 15 2017 At least 126 ...'): the publication day with its
    year, after no word but a capitalised one that is no preposition (its weekday right
    before it is part of it). A stamp of another day than the metadata's is left to date
    the event: the metadata is then the doubtful one ('on Tuesday' is read against it)."""
    toks = sentence.tokens
    out: set[int] = set()
    for i, d in enumerate(dates):
        if d.period.start != published or d.period.end != published \
                or not any(len(t.lower) == 4 and t.lower.isdigit() for t in toks[d.tok_start:d.tok_end]):
            continue
        weekday = dates[i - 1] if i and dates[i - 1].tok_end == d.tok_start and dates[i - 1].period.precision == "day" else None
        k = (weekday or d).tok_start - 1
        if k < 0 or not toks[k].lower[:1].isalnum() \
                or toks[k].text[:1].isupper() and toks[k].lower not in LEXICON.stop_words:
            out.update(id(x) for x in (weekday, d) if x is not None)
    return out


def _new_clause_between(sentence: Sentence, a: int, b: int) -> bool:
    """Does a segment between tokens a and b open another clause ('..., making it the
    second strike in September')? Its time phrase then belongs to that clause."""
    toks = sentence.tokens
    for k in range(a, b):
        if toks[k].lower == "," and k + 1 < b:
            w = toks[k + 1].lower
            if w in LEXICON.clause_breaks or (w.endswith("ing") and w not in ("during", "including")):
                return True
    return False


_BACKGROUND_AGE: Final = timedelta(days=31)


def _other_claims_dates(sentence: Sentence, dates: list[DateMention], k: int, claim_toks: tuple[int, ...],
                        published: date, described: tuple[int, str] | None = None) -> set[int]:
    """Ids of the dates that belong to a relative clause about an earlier event, when
    token k is outside it: in "forces kill a militant that killed two soldiers in May 2024
    and arrest several others", May 2024 dates the two soldiers only. The clause runs from
    "that"/"who"/"which" to the first "and" or punctuation after its date, holds a claim
    of its own or, with described = (token, category), opens after that token (the claim's
    count and trigger) with no trigger of the claim's category before its date ("the
    bodies of three hostages who were abducted during the October 7 attacks" says who they
    were; "the bodies of 3 soldiers who were killed on 12 March" when they died), and its
    date ends a month or more before publication (a recent date, "the bombardment that hit
    11 towns on Tuesday", dates the whole event)."""
    toks = sentence.tokens
    dates = [d for d in dates if d.period.end is not None and d.period.end <= published - _BACKGROUND_AGE]
    out: set[int] = set()
    if not dates:
        return out
    for r, tok in enumerate(toks):
        if tok.lower not in LEXICON.closed["relative_pronouns"] or r == 0 or not toks[r - 1].lower[:1].isalpha() \
                or toks[r - 1].lower in LEXICON.speech_verbs:  # "said that ...": not a relative clause
            continue
        inside = [d for d in dates if d.tok_start > r
                  and (any(r < c < d.tok_start for c in claim_toks) or _describes(sentence, r, d.tok_start, described))
                  and all(toks[j].lower[:1].isalnum() for j in range(r + 1, d.tok_start))]
        if not inside:
            continue
        end = next((j for j in range(inside[0].tok_end, len(toks)) if toks[j].lower == "and" or _breaks(sentence, j)),
                   len(toks))
        if not r < k < end:
            out.update(id(d) for d in inside if d.tok_end <= end)
    return out


_PERSONAL_RELATIVES: Final = LEXICON.closed["personal_relatives"]


def _describes(sentence: Sentence, r: int, date_tok: int, described: tuple[int, str] | None) -> bool:
    """Does the relative clause from token r to its date at date_tok describe the counted
    people of a claim whose count and trigger end at described[0] ('who ...'; a 'which'
    clause may date the war a running total counts from: 'killed in the conflict which began
    in 2011'), without telling that claim's own event (a trigger of its category, described[1])?"""
    if described is None or r <= described[0] or sentence.words[r] not in _PERSONAL_RELATIVES:
        return False
    words = sentence.words
    return not any(category == described[1] for j in range(r + 1, date_tok)
                   for table in (LEXICON.triggers_after, LEXICON.triggers_before)
                   for category in (table.match_at(words, j) or (0, ()))[1])


_SINCE_ANAPHORS: Final = LEXICON.closed["since_anaphors"]  # 'since then': the event of the sentence before
_SINCE_OPENERS: Final = LEXICON.closed["articles"] - LEXICON.closed["singular_articles"] | _SINCE_ANAPHORS
_SINCE_RANKINGS: Final = LEXICON.closed["since_rankings"]
_SINCE_SUBJECTS: Final = LEXICON.closed["since_subjects"]
_PERFECT: Final = LEXICON.closed["perfect_auxiliaries"]  # 'has since killed'


def _since_event(sentence: Sentence, k: int) -> bool:
    """Does an undated 'since the <event>' govern token k ('609 injured since the resumption
    of the war', 'Since the truce began, 40 ...', 'have killed 40 since they arrived')? Its count runs from that event: a running
    total of unknown start. Not after a ranking ('the deadliest attack since the war')."""
    if "since" not in sentence.words:
        return False  # asked of every undated count: most sentences hold no "since"
    toks = sentence.tokens
    segments = [_segment(sentence, k)]
    if toks and toks[0].lower == "since":
        segments.append(_segment(sentence, 0))
    for a, b in segments:
        for j in range(a, b - 1):
            if toks[j].lower == "since" and (toks[j + 1].lower in _SINCE_OPENERS or toks[j + 1].lower in _SINCE_SUBJECTS
                                              and any(toks[x].lower in _PERFECT for x in range(a, j))) \
                    and not any(toks[x].lower in _SINCE_RANKINGS for x in range(a, j)):
                return True  # (a pronoun's clause after a perfect: 'have killed 40 since they arrived')
    return False


def _since_adverb(sentence: Sentence, a: int, b: int) -> int | None:
    """The token of an adverb 'since' after an auxiliary in the claim's stretch of tokens
    a..b ('the war began in 2012 and has since killed 50000', 'thousands have since been
    killed'): the count runs from the event before it, a running total from the date
    before it."""
    if "since" not in sentence.words:
        return None  # asked of every count: most sentences hold no "since"
    toks = sentence.tokens
    return next((j for j in range(max(a, 1), b) if toks[j].lower == "since" and toks[j - 1].lower in _PERFECT), None)


def _since_then(sentence: Sentence, k: int) -> bool:
    """Is 'since then' in token k's stretch ('Since then more than 300 people have been
    killed', '... have been killed since then'): a running total from the time of the
    sentence before."""
    toks = sentence.tokens
    a, b = _segment(sentence, k)
    return any(toks[j].lower == "since" and toks[j + 1].lower in _SINCE_ANAPHORS for j in range(a, b - 1))


def period_for(draft: ClaimDraft, dates: list[DateMention], published: date | None,
               claim_toks: tuple[int, ...] = (), asides: tuple[tuple[int, int], ...] = ()) -> Period:
    """The claim's period: the time phrase in its own clause, else the nearest in its
    sentence, but not one of another claim's relative clause. claim_toks: the first tokens
    of the sentence's claims; asides: the relative clauses between its claims' nouns and
    verbs (ClaimDraft.aside)."""
    if draft.daily and published is not None:
        return Period(published - timedelta(days=1), published, "day")
    # a date after publication cannot date a reported event (a wrong metadata date, a
    # planned event); a running total starts at an event, not at a span up to
    # publication or at the day it was said
    described = (max(draft.number.tok_start, draft.trigger_tok), draft.category) if draft.trigger_tok is not None else None
    others = _other_claims_dates(draft.sentence, dates, draft.number.tok_start, claim_toks, published, described) \
        if claim_toks and published is not None else set()
    if published is not None:
        # "three men who were involved in the 2022 massacre are killed and two others
        # injured": an old date in the relative clause before a claim's verb says who they
        # were; it dates no claim of the sentence
        for a, b in set(asides) | ({draft.aside} if draft.aside else set()):
            others |= {id(d) for d in dates if a < d.tok_start < b and d.period.end is not None
                       and d.period.end <= published - _BACKGROUND_AGE}
    stamps = _stamps(draft.sentence, dates, published) if len(dates) > 1 and published is not None else set()
    usable = [d for d in dates if d.period.precision != UNKNOWN and id(d) not in others
              and (published is None or d.period.start is None or d.period.start <= published)
              and not (draft.cumulative and (d.span or _dates_speech(draft.sentence, d) or id(d) in stamps))]
    chosen = None
    k = draft.number.tok_start
    a, b = _segment(draft.sentence, k)
    if usable:
        own = [d for d in usable if a <= d.tok_start < b]
        # a running total's 'since' after the count wins over a time before it that frames the
        # statement ('In late September the coalition acknowledged 735 deaths since 2014')
        own = [d for d in own if d.since and d.tok_start > k] or own
        before = [d for d in usable if d.tok_end <= a]
        after = [d for d in usable if d.tok_start >= b and not _new_clause_between(draft.sentence, b, d.tok_start)]
        pool = own or before or after
        verb = draft.trigger_tok
        if verb is not None and verb > k:
            # a time right after the count's own verb dates it before one inside its noun
            # phrase ("six injured civilians in the attacks on Friday died on Saturday")
            pool = [d for d in pool if verb < d.tok_start <= verb + 2] or pool
        if pool:
            # "said on Tuesday" dates the statement, a dateline's date the page, not the
            # event: last resort only
            chosen = min(pool, key=lambda d: (_dates_speech(draft.sentence, d) or id(d) in stamps,
                                              min(abs(d.tok_start - k), abs(d.tok_end - k))))
    since = _since_adverb(draft.sentence, a, b)
    if chosen is None:
        return Period(None, published, UNKNOWN, draft.cumulative or since is not None
                      or _since_event(draft.sentence, draft.number.tok_start))
    p = chosen.period
    if published is not None and p.end is not None and p.end > published >= (p.start or published):
        p = Period(p.start, published, p.precision)  # "in September", published mid-September
    if chosen.since or draft.cumulative or since is not None and chosen.tok_end <= since:
        end = published if published is not None else p.end
        return Period(p.start, end, p.precision, True)
    return p


def continued_period(draft: ClaimDraft, period: Period, previous: list[DateMention], published: date | None) -> Period:
    """A claim with no time phrase in its sentence continues the sentence before it when
    that one has exactly one ("... hit in yesterday's airstrikes in Kabul. Hospital
    sources said five people were killed"): previous holds that sentence's time phrases
    ([] after "Separately", "Elsewhere", or with no sentence before). A running total
    "since then" starts at that sentence's time."""
    since_then = period.cumulative and period.start is None and _since_then(draft.sentence, draft.number.tok_start)
    if (period.precision != UNKNOWN or draft.cumulative or period.cumulative) and not since_then or published is None:
        return period
    usable = [d for d in previous if d.period.precision != UNKNOWN and d.period.start is not None
              and d.period.start <= published and not d.since]
    if len(usable) != 1:
        return period
    p = usable[0].period
    if since_then:
        return Period(p.start, published, p.precision, True)
    if p.end is not None and p.end > published:
        p = Period(p.start, published, p.precision)
    return p
