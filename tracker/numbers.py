"""Stage 2: find the counts in a tokenized sentence.

Digits ("1,300", "5 000", "1.5 million"), number words ("forty-two", "a dozen"),
occurrence words ("once", "twice", "12 times"), vague quantities from the active profile
("dozens", "several"), qualifiers ("at least", "more than", "nearly") and ranges
("between 30 and 40", "30-40"). Years, ages, times of day, durations, money, percentages,
distances and unit names are not counts. Whether a count is a *claim* is decided by
tracker.classify.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from tracker.lexicon import LEXICON, PEOPLE_CLASSES, VagueProfile
from tracker.patterns import iter_non_counts
from tracker.records import NumberMention, Sentence
from tracker.sentences import abbreviation_dot

_SINGULAR_ARTICLES: Final = LEXICON.closed["singular_articles"]
_LISTED_POSSESSIVES: Final = LEXICON.closed["listed_possessives"]
_NAMED_APPOSITIVE_ARTICLES: Final = _SINGULAR_ARTICLES | {"the"}
# Last words of the verbs before a count: a capitalised word after one may be a name.
_TRIGGER_VERB_ENDS: Final = frozenset(phrase[-1] for phrase, _values in LEXICON.triggers_before.phrases())
_RISE_VERBS: Final = LEXICON.closed["rise_verbs"]
_RAISE_VERBS: Final = LEXICON.closed["raise_verbs"]


def parse_digits(text: str) -> int | None:
    """'1,300' -> 1300, '5 000' -> 5000, '43900' -> 43900; None for decimals like '2.5'."""
    cleaned = text.replace(",", "").replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "").replace(" ", "")
    if "." in cleaned:
        return None
    return int(cleaned) if cleaned.isdigit() else None


def parse_number_words(words: list[str], i: int) -> tuple[int, int] | None:
    """A run of number words starting at words[i]: (value, tokens used).

    'forty-two', 'two hundred and five', 'one thousand three hundred'. None when
    words[i] is not a number word.
    """
    lex = LEXICON
    total, current, used, last_used = 0, 0, 0, 0
    j = i
    while j < len(words):
        w = words[j]
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in lex.number_tens and parts[1] in lex.number_units:
            current += lex.number_tens[parts[0]] + lex.number_units[parts[1]]
        elif w in lex.number_units:
            if used and current % 10 and current < 100 and current > 0 and current % 100 != 0:
                break  # "two three" is two numbers, not 23
            current += lex.number_units[w]
        elif w in lex.number_tens:
            if current % 100 != 0:
                break
            current += lex.number_tens[w]
        elif w in lex.number_scales and used:
            scale = lex.number_scales[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        elif w == "and" and used and j + 1 < len(words) and (
            words[j + 1] in lex.number_units or words[j + 1] in lex.number_tens or "-" in words[j + 1]
        ) and (total or current >= 100):
            j += 1
            continue
        else:
            break
        used += 1
        j += 1
        last_used = j - i
    if not used:
        return None
    return total + current, last_used


def _qualifier_before(words: list[str], i: int) -> tuple[str, int] | None:
    """The qualifier ending just before words[i]: (qualifier, its first token index)."""
    found = LEXICON.qualifiers_before.match_ending_at(words, i - 1)
    if found is None:
        return None
    n, values = found
    return values[0], i - n


def _raised_up_to(words: list[str], q_start: int) -> bool:
    """Is the qualifier at q_start the 'up to' of a total being brought somewhere ('bringing
    the total number of people killed since Friday up to 104'), not a bound? Not right after
    the verb, with nothing raised between ('taking up to 30 people hostage')."""
    before = words[q_start - 1] if q_start else ""
    if words[q_start: q_start + 2] != ["up", "to"] or before == "to" or before in _RAISE_VERBS:
        return False
    for j in range(q_start - 1, max(-1, q_start - 20), -1):
        if words[j] in _RAISE_VERBS:
            return True
        if not words[j][:1].isalnum():
            return False  # the clause ends: "killed up to 40 people, bringing ..."
    return False


def _bounds(qualifier: str, n: int) -> tuple[int, int | None, int]:
    """(low, high, best) for a stated number n (CLAIMS.md 'Value')."""
    if qualifier == "at_least":
        return n, None, n
    if qualifier == "more_than":
        return n + 1, None, n
    if qualifier == "at_most":
        return 0, n, n
    if qualifier == "less_than":
        return 0, max(n - 1, 0), n
    return n, n, n


def _read_value(words: list[str], raw: list[str], i: int) -> tuple[int, int, str] | None:
    """A cardinal or times value at token i: (value, tokens used, kind)."""
    lex = LEXICON
    w = words[i]
    if w[0].isdigit():
        value = parse_digits(raw[i])
        used = 1
        if i + 1 < len(words) and words[i + 1] in lex.number_scales:
            scale = lex.number_scales[words[i + 1]]
            number = float(raw[i].replace(",", "")) if value is None else value
            value, used = int(round(number * scale)), 2
        if value is None:
            return None
        if i + used < len(words) and words[i + used] in ("times",):
            return value, used + 1, "times"
        return value, used, "cardinal"
    if w in lex.times_words:
        return lex.times_words[w], 1, "times"
    fixed = lex.number_fixed.match_at(words, i)
    if fixed is not None:
        n, values = fixed
        return values[0], n, "cardinal"
    parsed = parse_number_words(words, i)
    if parsed is None:
        return None
    value, used = parsed
    if i + used < len(words) and words[i + used] == "times":
        return value, used + 1, "times"
    return value, used, "cardinal"


def _is_non_count(words: list[str], raw: list[str], i: int, used: int, kind: str, text_gap: _Gaps) -> bool:
    """Years, ages, durations, money, percentages, unit names, ordinals."""
    lex = LEXICON
    nxt = i + used
    first = raw[i]
    if first[0].isdigit():
        if nxt < len(words) and words[nxt][:1].isalpha() and not text_gap[nxt]:
            return True  # 4th, 21st, 4WD, 9mm: part of a word
        if first[0] == "0" and len(first) > 1 and first.isdigit():
            return True  # a date or code written with a leading zero: "Nov 022017", "07", "0800"
        if len(first) == 4 and first.isdigit() and 1900 <= int(first) <= 2100 and used == 1:
            counted = lex.object_classes.match_at(words, nxt) if nxt < len(words) else None
            if counted is None or counted[1][0] == "event":
                return True  # a year: "in 2024", "2025 massacres"
    if i > 0 and (words[i - 1] in lex.non_count_before or words[i - 1] in ("$", "€", "£", "#", "+")):
        return True
    if i > 2 and words[i - 1] in ("and", "or", ",") and words[i - 2][:1].isdigit():
        j = i - 2
        while j > 0 and (words[j][:1].isdigit() or words[j] in (",", "and", "or")):
            j -= 1
        if words[j] in lex.closed["age_words"]:
            return True  # a later age of a list: "aged 22, 25 and 31"
    if kind == "times":
        # "once Syria's commercial capital", "once the fighting stops": an adverb or a
        # conjunction before a noun phrase (not a day: "opened fire once Sunday")
        return words[i] in _ADVERBIAL_TIMES and nxt < len(words) and (
            words[nxt] in lex.determiners or raw[nxt][:1].isupper() and words[nxt] not in _DAY_NAMES)
    if nxt < len(words):
        if lex.non_count_units.match_at(words, nxt):
            return True
        if words[nxt] == "-" and nxt + 1 < len(words) and words[nxt + 1].startswith(("year", "month", "day", "week", "hour", "km", "mile", "storey", "story")):
            return True  # seven-year-old, 30-km
        if words[nxt].startswith(("-year", "-month")):
            return True
    if "-year" in words[i] or "-month" in words[i]:
        return True
    if i > 0 and words[i - 1] == "-" and i > 1 and words[i - 2][:1].isalpha() and not text_gap[i - 1]:
        return True  # Su-25, Route-5
    if i > 1 and words[i - 1] in ("-", "–") and not text_gap[i - 1] and not text_gap[i] \
            and len(words[i - 2]) == 4 and words[i - 2].isdigit() and 1900 <= int(words[i - 2]) <= 2100:
        return True  # the end of a year range: "the 2024–25 airstrikes"
    return False


def _non_count_tokens(sentence: Sentence) -> frozenset[int]:
    """Tokens inside clock times, phone numbers and release ids."""
    spans = [(sentence.start + m.start(), sentence.start + m.end()) for m in iter_non_counts(sentence.text)]
    if not spans:
        return frozenset()
    return frozenset(k for k, t in enumerate(sentence.tokens) if any(a <= t.start < b for a, b in spans))


class _Gaps:
    """gaps[k]: is there white space before token k? Computed only where asked."""

    def __init__(self, tokens):
        self.tokens = tokens

    def __getitem__(self, k: int) -> bool:
        return k == 0 or self.tokens[k].start > self.tokens[k - 1].end


_ADVERBIAL_TIMES: Final = LEXICON.closed["adverbial_times_words"]
_DAY_NAMES: Final = frozenset(LEXICON.weekdays) | frozenset(LEXICON.months)
# Words that can begin a count, besides the profile's vague words: number words, "once",
# "a dozen", articles of singulars ("his" in a list: "the commander and his deputy").
_STARTERS: Final = (LEXICON.number_words | frozenset(LEXICON.times_words) | LEXICON.number_fixed.first_words
                    | _SINGULAR_ARTICLES | _LISTED_POSSESSIVES | {"the", "of"})


@lru_cache(maxsize=16)
def _starters(profile: VagueProfile) -> frozenset[str]:
    return _STARTERS | profile.words.first_words


def find_numbers(sentence: Sentence, profile: VagueProfile, blocked: frozenset[int] = frozenset()) -> list[NumberMention]:
    """Counts in the sentence, left to right, never overlapping; tokens in `blocked` (dates,
    clock times) are skipped."""
    tokens = sentence.tokens
    words = sentence.words
    raw = [t.text for t in tokens]
    blocked = blocked | _non_count_tokens(sentence)
    # text_gap[k]: is there white space before token k?
    text_gap = _Gaps(tokens)
    starters = _starters(profile)
    out: list[NumberMention] = []
    resume = 0
    candidates = [k for k, w in enumerate(words) if w[0].isdigit() or w in starters or "-" in w]
    # a name right after a trigger verb ("killing Qari Ziauddin, the ...", "killed rebel commander Juma ...")
    named = [k + 1 for k, w in enumerate(words[:-1]) if w in _TRIGGER_VERB_ENDS and _may_name(words, raw, k + 1)]
    if named:
        candidates = sorted(set(candidates).union(named))
    for i in candidates:
        if i < resume or i in blocked:
            continue
        mention = _mention_at(words, raw, i, tokens, profile, text_gap, blocked)
        if mention is not None:
            out.append(mention)
            resume = mention.tok_end
    if profile.bare_plural is not None:
        out = sorted(out + _bare_plurals(words, tokens, out, profile.bare_plural), key=lambda m: m.tok_start)
    return out


_PRESENT_OR_MODAL: Final = LEXICON.closed["present_or_modal"]
_BE_HAVE: Final = LEXICON.closed["be_have"]
_NOT_BARE: Final = LEXICON.closed["not_bare"]
_CONJUNCTS: Final = LEXICON.closed["item_joiners"]  # "Afghan and coalition forces": a first conjunct before the plural


def _bare_plurals(words, tokens, counted: list[NumberMention], bounds: tuple[int, int, int]) -> list[NumberMention]:
    """'insurgents were detained': a plural of people with no count, coded by the profile's
    bare_plural bounds (the isaf profile: 2). Zero-width at the noun phrase's start, so the
    object reader and the trigger tests see the phrase as they would after a number."""
    lex = LEXICON
    taken = {k for m in counted for k in range(m.tok_start, max(m.tok_end, m.tok_start + 1))}
    out = []
    j = 0
    while j < len(words):
        found = lex.object_classes.match_at(words, j)
        if found is None or found[1][0] not in PEOPLE_CLASSES or not words[j + found[0] - 1].endswith("s") \
                or words[j] in lex.inherit_heads:
            j += 1
            continue
        start = j  # walk back over modifiers: "suspected Taliban insurgents", "U.S. service members"
        # (a capitalized name is walked whole: "No International Security Assistance Force servicemembers")
        while start > 0 and (j - start < 3 or tokens[start - 1].text[:1].isupper()):
            if start > 1 and words[start - 1] == "." and abbreviation_dot(tokens[start - 2].text, words[start]):
                start -= 1  # the dot of "U.S.": the abbreviation before it is a modifier too
            elif not (words[start - 1][:1].isalpha() and words[start - 1] not in lex.stop_words
                      and words[start - 1] not in lex.auxiliaries and not lex.triggers_before.match_ending_at(words, start - 1)
                      and words[start - 1] not in lex.speech_verbs and start - 1 not in taken):
                break
            start -= 1
        before = words[start - 1] if start > 0 else ""
        # past a participle or a first conjunct: "the arrested Taliban leaders", "attacks
        # against Afghan and coalition forces" are no bare plurals either
        prenominal = start > 1 and lex.trigger_prenominal.match_ending_at(words, start - 1) is not None
        outer = words[start - 2] if prenominal else words[start - 3] if start > 2 and before in _CONJUNCTS else ""
        end = j + found[0]
        generic = end < len(words) and words[end] in _PRESENT_OR_MODAL  # "civilians are killed by these devices"
        # "..., military officials said": the source of the report, not people counted
        source = end < len(words) and words[end] in lex.speech_verbs and not lex.triggers_after.match_at(words, end + 1)
        # "two injured soldiers": counted already, past the participle
        if start not in taken and start - 1 not in taken and j not in taken and before not in _NOT_BARE \
                and outer not in _NOT_BARE and not (prenominal and start - 2 in taken) \
                and not before[:1].isdigit() and before not in lex.number_words and before not in lex.determiners \
                and not generic and not source and not lex.trigger_nouns.match_at(words, j):
            out.append(NumberMention(tokens[start].start, tokens[end - 1].end, start, start,
                                     *bounds, "vague", "bare_plural", implicit=True))
        j = end
    return out


def _scaled_vague(bounds: dict, words: list[str], k: int) -> tuple[int, int, int, int]:
    """(end, low, high, best) of a vague word times the scale words from words[k] on (end:
    the token after them): 'several hundred' counts hundreds, so the profile's bounds
    times 100, the top reaching to the end of its last hundred as the table's 'hundreds'
    (200..999) does; a point coding (the isaf profile's 'several' = 3) stays a point (300)."""
    scale = 1
    while k < len(words) and words[k] in LEXICON.number_scales:
        scale *= LEXICON.number_scales[words[k]]
        k += 1
    low, high = bounds["low"], bounds["high"]
    top = high * scale + (scale - 1 if high > low else 0)
    return k, low * scale, top, bounds["best"] * scale


def _mention_at(words, raw, i, tokens, profile, text_gap, blocked) -> NumberMention | None:
    lex = LEXICON
    w = words[i]
    # vague quantities, unless "some" / "about" is a qualifier of a following number
    vague = profile.words.match_at(words, i)
    if vague is not None:
        n, values = vague
        nxt = i + n
        follows_number = nxt < len(words) and words[nxt] not in lex.number_scales \
            and (words[nxt][0].isdigit() or _read_value(words, raw, nxt) is not None)
        if not follows_number and not (w == "some" and nxt < len(words) and words[nxt] in lex.stop_words):
            nxt, low, top, best = _scaled_vague(values[0], words, nxt)
            return NumberMention(tokens[i].start, tokens[nxt - 1].end, i, nxt, low, top, best, "vague", "vague")
    if w in _SINGULAR_ARTICLES and lex.number_fixed.match_at(words, i) is None \
            or w in _LISTED_POSSESSIVES and i > 0 and words[i - 1] in (",", "and"):
        # "a soldier" (not "a hundred", "a couple of"); "the commander and his deputy"
        return _singular_at(words, tokens, i)
    if w == "the":
        return _named_singular_at(words, tokens, i)
    if w == "of":
        return _fate_of_named_at(words, tokens, i)
    if i and words[i - 1] in _TRIGGER_VERB_ENDS and _may_name(words, raw, i):
        named = _named_after_verb_at(words, tokens, i)
        if named is not None or raw[i][:1].isupper():
            return named
    if not (w[0].isdigit() or w in lex.number_units or w in lex.number_tens or w in lex.times_words
            or lex.number_fixed.match_at(words, i) or "-" in w and w.split("-")[0] in lex.number_tens):
        return None
    if w == "one" and words[i + 1: i + 3] == ["of", "the"] and i + 3 < len(words) and words[i + 3].endswith("est"):
        return None  # "one of the deadliest strikes": a ranking, not a count
    if w == "one" and i > 0 and words[i - 1] in ("no", "every", "any", "each", "someone", "anyone"):
        return None
    value_read = _read_value(words, raw, i)
    if value_read is None:
        return None
    value, used, kind = value_read
    if _is_non_count(words, raw, i, used, kind, text_gap):
        return None
    start_tok, end_tok = i, i + used
    qualifier = "exact"
    low, best = value, value
    high: int | None = value
    # a range: "between 30 and 40", "30-40", "30 to 40"
    if kind == "cardinal" and end_tok + 1 < len(words) and words[end_tok] in lex.range_joiners and end_tok + 1 not in blocked:
        joiner = words[end_tok]
        opened = i > 0 and words[i - 1] in lex.range_openers
        if joiner != "and" or opened:
            second = _read_value(words, raw, end_tok + 1) if (words[end_tok + 1][0].isdigit() or joiner in ("to", "or")) else None
            if second is not None and second[2] == "cardinal" and second[0] > value:
                if opened and words[i - 1] == "from" and i > 1 and words[i - 2] in _RISE_VERBS:
                    # "rose from 30 to 40": the figure is the new one
                    start_tok = end_tok + 1
                    end_tok = end_tok + 1 + second[1]
                    low = high = best = second[0]
                else:
                    low, high, best = value, second[0], value
                    qualifier = "range"
                    end_tok = end_tok + 1 + second[1]
                    if opened:
                        start_tok = i - 1
    if qualifier == "exact" and kind == "cardinal" and i > 0 and words[i - 1] in lex.range_openers \
            and not (words[i - 1] == "from" and i > 1 and words[i - 2] in _RISE_VERBS) \
            and end_tok + 2 < len(words) and words[end_tok] in ("to", "and"):
        # "from 500 to well over 1000", "between 30 and more than 50": a range open at the
        # top, so at least its first number
        for x in range(end_tok + 2, min(len(words), end_tok + 5)):
            q = _qualifier_before(words, x)
            second = _read_value(words, raw, x) if q is not None and q[0] in ("more_than", "at_least") else None
            if q is not None and second is not None and second[2] == "cardinal" and second[0] > value \
                    and q[1] - (end_tok + 1) <= (1 if words[end_tok + 1] == "well" else 0):
                start_tok, end_tok = i - 1, x + second[1]
                qualifier = "at_least"
                low, high, best = value, None, value
                break
    if qualifier == "exact":
        q = _qualifier_before(words, start_tok)
        if q is not None and not _raised_up_to(words, q[1]):
            qualifier, start_tok = q
        elif end_tok < len(words):
            after = lex.qualifiers_after.match_at(words, end_tok)
            if after is not None:
                qualifier = after[1][0]
                end_tok += after[0]
        low, high, best = _bounds(qualifier, best)
        if qualifier == "approximately" and words[start_tok] == "some" and kind != "cardinal":
            qualifier = "exact"
    return NumberMention(tokens[start_tok].start, tokens[end_tok - 1].end, start_tok, end_tok,
                         low, high, best, qualifier, kind)


def _singular_at(words, tokens, i) -> NumberMention | None:
    """'a soldier', 'an Israeli soldier', 'another': an implicit count of one.

    Only before a singular person or thing noun of the object lexicon (within four
    words), or "another" standing alone ("injuring another").
    """
    lex = LEXICON
    after_age = i + 1
    j = i + 1
    while j < min(len(words), i + 10):
        w = words[j]
        glued = j + 1 < len(tokens) and tokens[j + 1].start == tokens[j].end  # "4WD", "19-year-old"
        if w in lex.number_words or w[:1].isdigit() and not glued and words[j + 1: j + 2] not in (["year"], ["years"]):
            return None  # "another three people", "another 3 people": a count of its own
        if w[:1].isdigit() or w == "-" or w.startswith("year-"):
            after_age = j + 1  # "a 19-year-old man": the object starts after the age
            j += 1
            continue
        if w == "(" and j + 2 < len(words) and words[j + 2] == ")":
            j += 3  # "a senior Islamic Movement of Uzbekistan (IMU) leader"
            continue
        if w == "of" and j + 1 < len(words) and tokens[j + 1].text[:1].isupper() and tokens[j - 1].text[:1].isupper():
            j += 1  # inside a name: "an Islamic Movement of Uzbekistan facilitator"
            continue
        if not w[:1].isalpha() or w in lex.stop_words or w in lex.auxiliaries or w in lex.speech_verbs \
                or lex.triggers_before.match_at(words, j) or lex.triggers_after.match_at(words, j):
            break
        found = lex.object_classes.match_at(words, j)
        if found is None:
            j += 1
            continue
        n, classes = found
        head = words[j + n - 1]
        plural = head.endswith("s") and not head.endswith("ss")
        if plural and lex.object_classes.match_at(words, j + n) is not None:
            j += n  # a plural that modifies the noun after it: "a Taliban weapons dealer"
            continue
        if classes[0] == "event" or plural or head in lex.inherit_heads:
            return None
        return NumberMention(tokens[i].start, tokens[j + n - 1].end, i, after_age, 1, 1, 1, "exact", "singular", implicit=True)
    if words[i] == "another" and (i + 1 == len(words) or words[i + 1] in lex.stop_words or words[i + 1] in lex.auxiliaries
                                  or not words[i + 1][:1].isalpha()):
        return NumberMention(tokens[i].start, tokens[i].end, i, i + 1, 1, 1, 1, "exact", "singular", implicit=True)
    return None


def _person_noun(words, k: int) -> int:
    """Length of the singular person noun at words[k] ('Taliban leader' -> 'leader'), or 0."""
    found = LEXICON.object_classes.match_at(words, k) if k < len(words) else None
    if found is None or found[1][0] not in PEOPLE_CLASSES or words[k + found[0] - 1].endswith("s"):
        return 0
    return found[0]


def _appositive_end(words, j: int, articles) -> int | None:
    """After a name ending before token j: ', a Taliban leader' -> the token index just
    past the person noun, or None."""
    if words[j: j + 1] != [","] or j + 1 >= len(words) or words[j + 1] not in articles:
        return None
    for k in range(j + 2, min(len(words), j + 6)):
        n = _person_noun(words, k)
        if n:
            return k + n
    return None


def _name_end(tokens, j: int) -> int:
    """Past the capitalised words from token j ('Mullah Abdul Nafi')."""
    while j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].text.isalpha():
        j += 1
    return j


def _may_name(words, raw, k: int) -> bool:
    """Can a name, or a title before a name, start at token k ('Qari ...', 'rebel commander ...'),
    not a count ('two local leaders')?"""
    first = raw[k][:1]
    if not first.isalpha() or words[k] in LEXICON.number_units or words[k] in LEXICON.number_tens:
        return False  # (a digit or a mark is no name's start: most words after a verb of harm)
    return first.isupper() or bool(_person_noun(words, k) or _person_noun(words, k + 1))


def _titled_name(words, tokens, j: int) -> tuple[int | None, int, int]:
    """'Taliban leader Mullah Abdul Rahman' from token j: the end of the singular person
    noun before the name (None if there is none), and the start and end of the name."""
    noun_end, limit = None, min(len(words), j + 6)
    while j < limit:
        n = _person_noun(words, j)
        if n:
            j = noun_end = j + n
        elif noun_end is None and words[j].isalpha() and (_person_noun(words, j + 1) or _person_noun(words, j + 2)):
            j += 1  # "Hamas" in "Hamas leader Yahya Sinwar", "gang" in "gang leader ..."
        else:
            break
    return noun_end, j, _name_end(tokens, j)


def _fate_of_named_at(words, tokens, i) -> NumberMention | None:
    """'confirmed the death of Mullah Abdul Nafi, a Taliban leader', 'the arrest of
    Taliban leader Mullah Abdul Rahman': a named person after a fate noun and "of" counts
    one (implicit). The name needs a person noun before it, or an appositive after it
    ('..., a Taliban leader'), which the mention then covers. Token i ("of") stands for
    the count, so the fate noun before it gives the category."""
    lex = LEXICON
    if i == 0 or words[i - 1] not in lex.closed["fate_nouns"]:
        return None
    noun_end, name_start, j = _titled_name(words, tokens, i + 1)
    if j == name_start:
        return None
    if noun_end is not None:
        return NumberMention(tokens[i + 1].start, tokens[j - 1].end, i, i + 1, 1, 1, 1, "exact", "singular", implicit=True)
    end = _appositive_end(words, j, _SINGULAR_ARTICLES) if j - name_start >= 2 else None
    if end is None:
        return None
    return NumberMention(tokens[name_start].start, tokens[end - 1].end, i, j + 2, 1, 1, 1, "exact", "singular",
                         implicit=True)


def _named_after_verb_at(words, tokens, i) -> NumberMention | None:
    """'killing Qari Ziauddin, the Taliban shadow governor': a named person right after a
    trigger verb, with a person appositive, counts one (implicit); the verb before it
    gives the category, the appositive the object. So does a name after its title ('killed
    Taliban leader Mir Wali and another insurgent'); the count stands zero-width before the
    title, which gives the object."""
    noun_end, name_start, name_end = _titled_name(words, tokens, i)
    if noun_end is not None and name_end > name_start and tokens[noun_end - 1].text[:1].islower() \
            and LEXICON.triggers_after.match_at(words, noun_end - 1) is None and words[i - 1] != "of":
        # a lower-case title: in a title-case headline ("Wounded As Gunmen Storm ...") no name
        # stands out; nor is a participle a title ("others injured Saturday"); after "of" only
        # a fate noun names a person ("places of death Dr ...": _fate_of_named_at)
        return NumberMention(tokens[i].start, tokens[name_end - 1].end, i, i, 1, 1, 1, "exact", "singular",
                             implicit=True)
    j = _name_end(tokens, i)
    end = _appositive_end(words, j, _NAMED_APPOSITIVE_ARTICLES) if j > i else None
    if end is None:
        return None
    return NumberMention(tokens[i].start, tokens[end - 1].end, i, j + 2, 1, 1, 1, "exact", "singular", implicit=True)


def _modifier(word: str) -> bool:
    """Can a lower-case word modify a singular head after it ('district', 'local', 'senior')?
    Not a function word, an auxiliary or a plural ('the martyrs were a child')."""
    lex = LEXICON
    return word.isalpha() and not word.endswith("s") and word not in lex.stop_words and word not in lex.auxiliaries \
        and word not in lex.determiners and word not in _BE_HAVE


_OPENING_MARKS: Final = LEXICON.closed["opening_marks"]
_PLACE_TYPE_WORDS: Final = LEXICON.closed["place_type_words"]


def _opens_passive(words, tokens, i: int, end: int) -> bool:
    """Does the definite person from token i to `end` open its sentence (or follow a
    dateline's dash) as the subject of a passive trigger, past an 'of' phrase of names
    ('The Taliban shadow governor of Baghlan province was captured')?"""
    if i and words[i - 1] not in _OPENING_MARKS:
        return False
    k = end
    if k < len(words) and words[k] == "of":
        k += 1
        while k < len(words) and k - end < 5 and (tokens[k].text[:1].isupper() or words[k] in _PLACE_TYPE_WORDS):
            k += 1
    return k + 1 < len(words) and words[k] in _BE_HAVE and LEXICON.triggers_after.match_at(words, k + 1) is not None


def _named_singular_at(words, tokens, i) -> NumberMention | None:
    """A definite person who is counted: named ('the Taliban commander Fayez Jan') or
    listed with a count ('the HIG leader and two suspected insurgents were detained', also
    past lower-case modifiers: 'killed the district Taliban commander and several other insurgents').
    Either counts one (implicit). A bare definite ('killed the insurgent') is not counted:
    it mostly names someone counted before ('two insurgents, including Sabayar ...'); nor
    is one that opens a sentence as the subject of a passive trigger ('The newly appointed
    Taliban shadow governor of Baghlan province was captured ...'), unless nothing before
    it in the article was counted (tracker.classify.drop_counted_definites)."""
    lex = LEXICON
    modified = False  # a lower-case modifier before the head ("the district commander")
    for j in range(i + 1, min(len(words), i + 5)):
        found = lex.object_classes.match_at(words, j)
        if found is None:
            if not tokens[j].text[:1].isupper():
                if not _modifier(words[j]):
                    return None
                modified = True
            continue
        n, classes = found
        if classes[0] not in PEOPLE_CLASSES and j + n < min(len(words), i + 5) and _modifier(words[j]) \
                and _modifier(words[j + n]):
            modified = True  # a noun as a modifier of a head after it: "the district commander"
            continue
        end = j + n
        while end < len(words) and (more := lex.object_classes.match_at(words, end)) is not None \
                and more[1][0] in PEOPLE_CLASSES:
            end += more[0]  # "the insurgent commander": the last noun is the head
        if classes[0] not in PEOPLE_CLASSES or words[end - 1].endswith("s"):
            return None
        name_end = end
        while name_end < len(words) and tokens[name_end].text[:1].isupper() and tokens[name_end].text.isalpha():
            name_end += 1
        listed = words[end: end + 2] == ["along", "with"] or end < len(words) and words[end] == "and" and (
            end + 1 < len(words) and (words[end + 1][:1].isdigit() or words[end + 1] in lex.number_units
                                      or words[end + 1] in ("several", "multiple", "two", "three", "a", "an")))
        if lex.object_classes.match_at(words, name_end) is not None:
            return None  # "the injured Syrian citizens": an adjective, not a name
        passive = _opens_passive(words, tokens, i, end)
        if modified and not listed and not passive:
            return None  # only a listed one counts past a lower-case modifier: "the district commander and two other ..."
        if name_end == end and not listed:
            # "engaged and killed the insurgent": one, unless the article counted it before
            # (tracker.classify.drop_counted_definites)
            if passive or i and lex.triggers_before.match_ending_at(words, i - 1) is not None:  # not "members of the militia"
                return NumberMention(tokens[i].start, tokens[end - 1].end, i, i + 1, 1, 1, 1, "exact",
                                     "bare_definite", implicit=True)
            return None
        if name_end > end and tokens[j].text[:1].isupper():
            return None  # a capitalised head inside a name: "the National Liberation Army"
        kind = "singular" if name_end > end else "definite"  # "the commander" refers back
        return NumberMention(tokens[i].start, tokens[name_end - 1].end, i, i + 1, 1, 1, 1, "exact", kind, implicit=True)
    return None
