"""Stage 3: decide which counts are claims, and of what.

This is where a sentence becomes claims. For each count the counted object is read
after it ("five terrorist headquarters"), then the category is taken from, in order:
the object itself when it names the category ("1,383 deaths", "three airstrikes"), an
adjective before the head ("four dead hostages"), what follows the subject ("400
militants have been killed", also past coordinated counts: "five headquarters and seven
depots were destroyed"), the verb before the count ("killing 12 people"), a death toll
("the toll rose to 45"), "N times" after a firing verb, and finally the count it is
coordinated with ("12 times in Idlib and once in Aleppo"). Counts under a modal or a
denial ("could kill up to 100") are dropped. Parts ("including five children") point at
their whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from tracker.lexicon import LEXICON, PEOPLE_CLASSES
from tracker.records import ClaimDraft, Event, NumberMention, Sentence
from tracker.sentences import abbreviation_dot

PEOPLE_CATEGORIES: Final = frozenset({"killed", "injured", "detained", "abducted", "missing", "displaced"})
THING_CATEGORIES: Final = frozenset({"destroyed", "damaged", "seized"})
_PEOPLE_OR_OPEN: Final = PEOPLE_CLASSES | {None}  # counted people, or no class said

# Which object classes each category can count.
_COMPATIBLE: Final = {
    **{c: PEOPLE_CLASSES for c in PEOPLE_CATEGORIES},
    **{c: frozenset({"facility", "vehicle", "weapon"}) for c in THING_CATEGORIES},
    "intercepted": frozenset({"weapon", "vehicle"}),
    "attacks": frozenset({"event", "weapon"}),
}
_PUNCT_BREAK: Final = frozenset({".", ";", ":", "?", "!", "(", ")", '"', "\u201c", "\u201d"})
_ANAPHORS: Final = LEXICON.closed["anaphors"]
_ARTICLES: Final = LEXICON.closed["articles"]
_SINGULAR_ARTICLES: Final = LEXICON.closed["singular_articles"]
_ITEM_JOINERS: Final = LEXICON.closed["item_joiners"]
_PURSUIT_VERBS: Final = LEXICON.closed["pursuit_verbs"]  # "a raid to find and detain a courier"
_DASHES: Final = frozenset({"-", "\u2013", "\u2014"})  # around a parenthetical list: "11 civilians - among them four women -"
_UNCOUNTED_PART_MAX: Final = 8  # words a part with no count may take before the verb
_QUANTIFIERS: Final = LEXICON.closed["quantifier_words"]
_OBJECT_OPENERS: Final = LEXICON.closed["object_openers"] | _QUANTIFIERS
_PERFECT_AUXILIARIES: Final = LEXICON.closed["perfect_auxiliaries"]
_QUOTE_MARKS: Final = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})
_BE_HAVE: Final = LEXICON.closed["be_have"]
_PARTITIVES: Final = (["of", "the"], ["of", "them"], ["of", "those"], ["of", "these"], ["of", "whom"])
_NOUN_PP: Final = LEXICON.closed["noun_prepositions"]
_AGE_WORDS: Final = LEXICON.closed["age_words"]
_MINOR_NOUNS: Final = LEXICON.closed["minor_nouns"]
_UNMARKED_PLURALS: Final = LEXICON.closed["unmarked_plurals"]
_OTHERS_WORDS: Final = LEXICON.closed["others_words"]
_VAGUE_PLURALS: Final = LEXICON.closed["vague_plurals"]
_COUNT_OPENERS: Final = LEXICON.closed["count_openers"]  # 'civilians killed others injured'
_PART_VERB_FILLERS: Final = LEXICON.closed["part_verb_fillers"]  # 'have not yet been identified'
_PART_TRIGGER_WORDS: Final = LEXICON.closed["part_trigger_words"]  # 'among the dead were', 'the wounded included'
_COMMA_PART_OPENERS: Final = LEXICON.closed["comma_part_openers"]  # ', with at least 14 who ...'
_HARM_DEGREES: Final = LEXICON.closed["harm_degrees"]  # ', at least two seriously'
_CAUSE_PREPOSITIONS: Final = LEXICON.closed["cause_prepositions"]  # ', two by a drone strike'
_MEASURE_HEADS: Final = LEXICON.closed["measure_heads"]  # "7 waves of attacks": the complement is counted
_COLLECTIVES: Final = LEXICON.closed["collective_heads"]  # "a family", "two households": not a count of people
_TALLY_NOUNS: Final = LEXICON.closed["tally_nouns"]  # "the number of detained personnel": the count's own name
_ROUNDUP_HEADS: Final = LEXICON.closed["roundup_heads"]
_OPERATION_HEADS: Final = LEXICON.closed["operation_heads"]
_ROUNDUP_PREPOSITIONS: Final = LEXICON.closed["roundup_prepositions"]  # "in operations", "during raids"
_SPREAD_PREPOSITIONS: Final = LEXICON.closed["spread_prepositions"]  # "... throughout Afghanistan"
_RECENT_SPAN_WORDS: Final = LEXICON.closed["recent_span_words"]  # "in recent days", "over the past few weeks"
_RECENT_SPAN_HEADS: Final = LEXICON.closed["recent_span_heads"]
_ROUNDUP_MODIFIERS: Final = LEXICON.closed["roundup_modifiers"]  # "in recent operations"
_RELATIVE_PRONOUNS: Final = LEXICON.closed["relative_pronouns"]
_OCCASIONS: Final = LEXICON.closed["occasion_prepositions"]
_RELATIVE_TIME_WORDS: Final = LEXICON.closed["relative_time_words"]
_PASSIVE_BE: Final = frozenset({"is", "are", "was", "were"})
_SECOND_PREDICATE_MAX: Final = 12  # words from a subject's first verb to "and were killed"
_PASSIVE_MARKERS: Final = LEXICON.closed["passive_markers"]
_OF_DETERMINERS: Final = LEXICON.closed["of_determiners"]
_LABEL_VERBS: Final = LEXICON.closed["label_verbs"]
_DESCRIBING_PARTICIPLES: Final = LEXICON.closed["describing_participles"]  # "a man believed to be ..."
_REFERRING_OBJECTS: Final = _ANAPHORS | {"whom", "those", "which"}  # "two of whom": the count refers back
_AUXILIARY_OR_HYPOTHETICAL: Final = LEXICON.auxiliaries | LEXICON.hypothetical
_SIGHTING_VERBS: Final = LEXICON.closed["sighting_verbs"]  # "spotted two men": the count is what was seen
_REPORT_PARTICIPLES: Final = LEXICON.closed["report_participles"]  # "were reported as wounded"
_VERB_ADVERBS: Final = LEXICON.closed["verb_adverbs"]  # "troops then detained ...": still active


@dataclass(frozen=True)
class CountedObject:
    text: str | None
    object_class: str | None
    side: str | None
    end: int  # token index just past the object (or past the count when there is none)
    head: int | None  # token index of the head noun
    prenominal: str | None  # category from an adjective before the head ("dead")
    inherit: bool  # "others", "more", "them": the class comes from an earlier figure


def _is_word(tok_lower: str) -> bool:
    return tok_lower[:1].isalpha()


def _civilian_by_modifier(cls: str | None, head: str, modifiers: list[str]) -> bool:
    """Does a civilian modifier make the head civilian? A person ('UN staff members', 'aid
    workers') or an armed head that says nothing of arms but the word ('UN personnel',
    'medical personnel'); not soldiers ('UN peacekeepers', 'UN soldiers')."""
    return (cls == "person" or cls == "combatant" and head in LEXICON.generic_armed_heads) \
        and any(m in LEXICON.civilian_modifiers for m in modifiers)


def _plural_noun(word: str) -> bool:
    return word.endswith(("s", "men")) or word in _UNMARKED_PLURALS


def _verb_after_plural(words: list[str], i: int) -> bool:
    """Is words[i] a singular attack noun right after a plural object noun, so the verb
    of that plural subject ('three gunmen attack ...', 'two missiles strike ...')? English
    compounds take a singular modifier ('a gunman attack'), so the plural ends the phrase."""
    lex = LEXICON
    noun = lex.trigger_nouns.match_at(words, i)
    return noun is not None and noun[0] == 1 and noun[1][0] == "attacks" and not words[i].endswith("s") \
        and _plural_noun(words[i - 1]) and lex.object_classes.match_ending_at(words, i - 1) is not None


def read_object(sentence: Sentence, start: int, end: int | None = None) -> CountedObject:
    """The counted thing right after token `start`: '[of [the]] modifiers* head', read no
    further than token `end` when given."""
    lex = LEXICON
    toks = sentence.tokens
    words = sentence.words
    n = len(words) if end is None else end
    k = start
    if k + 1 < n and words[k] in _QUOTE_MARKS and words[k + 1] == "of" and k > 0 and words[k - 1] in _VAGUE_PLURALS:
        k += 1  # a vague word in scare quotes: '"dozens" of rebels'
    if k + 1 < n and words[k] in _MEASURE_HEADS and words[k + 1] == "of":
        k += 1  # "7 waves of attacks": the attacks are counted
    if k == start and 0 < k < n - 1 and words[k - 1] == "of" and words[k] in _OF_DETERMINERS:
        k += 1  # "a number of its members": the vague phrase took the "of"
    if k < n and words[k] == "of":
        k += 1
        if k < n and words[k] in _OF_DETERMINERS:
            k += 1
        k = _past_possessor(words, k, n)
        if k < n and (words[k][:1].isdigit() or words[k] in lex.number_words):
            k += 1  # "45 of the 52 drones": the drones are counted
        if k + 2 < n and words[k - 1] in ("the", "those") and words[k + 1] in _BE_HAVE and lex.triggers_after.match_at(words, k):
            # "six of those killed were rebel fighters", "ten of the dead were believed to be
            # civilians": the predicate says what they are
            after = k + 2
            while after < n - 1 and after < k + 6 and (words[after] in lex.auxiliaries or words[after] == "to"):
                after += 1
            said = read_object(sentence, after, end)
            if said.head is not None and said.object_class not in (None, "person") and not said.inherit:
                # the count's own phrase still ends at "killed" (its category word)
                return replace(read_object(sentence, k, end), text=said.text,
                               object_class=said.object_class, side=said.side)
    if k < n and words[k] in _REFERRING_OBJECTS:
        if words[k] in ("them", "whom") and k > start and k + 1 < n:
            # "three of them children", "two of them soldiers", "12 of them were women", "40
            # evacuees 13 of whom were women": the noun after says what they are (not a bare
            # "people", "men": the antecedent's class says more; nor a participle: "scores
            # of them were killed")
            after = k + 2 if words[k + 1] in _BE_HAVE and k + 2 < n else k + 1
            described = read_object(sentence, after, end) if not lex.triggers_after.match_at(words, after) else None
            if described is not None and described.head is not None and described.object_class not in (None, "person") \
                    and not described.inherit and words[described.end - 1] not in _COLLECTIVES:
                return described
        return CountedObject(toks[k].text, None, None, k + 1, k, None, True)
    if k == start and k + 3 < n and start >= 2 and words[start - 2] == "to" and words[k] == "the" \
            and words[k + 1] in _TALLY_NOUNS and words[k + 2] == "of":
        # "bringing to 30 the number of civilians killed": the civilians are counted
        return read_object(sentence, k + 2, end)
    if k == start and k < n and words[k] in _ARTICLES and words[start - 1] != "of" and (start < 2 or words[start - 2] != "to"):
        # a determiner right after a count opens another phrase ("... Base (200) 2510 The
        # US missile strike killed ..."): nothing is counted (but "bringing to 30 the number
        # killed" counts the number, and "a number of their vehicles" the vehicles)
        return CountedObject(None, None, None, start, None, None, False)
    if k == start and 0 < start < n and words[start - 1] in _VAGUE_PLURALS and sentence.field == "body" \
            and words[k] not in lex.inherit_heads and words[k] not in _QUOTE_MARKS \
            and not lex.triggers_after.match_at(words, k) and not lex.part_markers.match_at(words, k):
        # "wounding dozens opposition activists said": a vague plural takes its noun with
        # "of"; a noun right after it opens another phrase (headlines drop the "of"; a
        # participle is its predicate: "dozens wounded"; a part follows: "hundreds mostly civilians")
        return CountedObject(None, None, None, start, None, None, False)
    run_end = k
    part_at = None
    while run_end < n and run_end - k < 9:
        w = words[run_end]
        if run_end > k and words[run_end - 1] == "others" and not lex.triggers_after.match_at(words, run_end) \
                and not w.endswith("ed"):
            break  # "and 14 others local activists said": "others" takes no noun after it (a verb may follow)
        if w == "(" and run_end + 2 < n and words[run_end + 2] == ")" and run_end > k:
            run_end += 3  # "a Taliban improvised explosive device (IED) expert"
            continue
        if w == "[" and (close := next((x for x in range(run_end + 2, min(n - 1, run_end + 5)) if words[x] == "]"), None)):
            run_end = close + 1  # an editor's insertion: "up to 80 [IS] fighters"
            continue
        if w == "of" and run_end > k and run_end + 1 < n and toks[run_end + 1].text[:1].isupper() \
                and toks[run_end - 1].text[:1].isupper():
            run_end += 1  # inside a name: "Islamic Movement of Uzbekistan facilitator"
            continue
        if w == "." and run_end > k and run_end + 1 < n and abbreviation_dot(toks[run_end - 1].text, words[run_end + 1]):
            run_end += 1  # "two U.S. soldiers": "U.S" + "." + more of the noun phrase
            continue
        if not _is_word(w) or w in lex.stop_words \
                or w in lex.auxiliaries and w not in ("all",) and not toks[run_end].text.isupper():
            break  # but "31 IS militants": the capitals spell a name
        if run_end > k and (w in lex.number_words or w in _QUANTIFIERS
                            or w in _ARTICLES or lex.part_markers.match_at(words, run_end)):
            # another phrase starts: "detained two suspected insurgents", "Troops detained
            # multiple suspects", "people onboard the vessel", "civilians mostly families"
            break
        if lex.triggers_after.match_at(words, run_end) and not lex.object_classes.match_at(words, run_end) \
                and (not lex.trigger_prenominal.match_at(words, run_end)
                     or any(lex.object_classes.match_at(words, x) for x in range(k, run_end))):
            break  # after the head a participle is the verb: "five soldiers killed insurgents"
        if run_end > k and w in lex.speech_verbs and toks[run_end].text.islower():
            break
        if run_end > k and toks[run_end].text.islower() and _verb_after_plural(words, run_end):
            break  # "three gunmen attack the post": a plural noun modifies no singular noun after it
        if run_end > k and part_at is None and _plain_part_marker(words, run_end):
            part_at = run_end  # "18 people mostly children": a part of the count, no modifier of it
        if run_end > k and w.endswith("ing") and "-" not in w and toks[run_end].text.islower() \
                and w not in lex.closed["ing_modifiers"] and not lex.object_classes.match_at(words, run_end) \
                and not lex.trigger_prenominal.match_at(words, run_end):
            # a participle starts a clause: "a school sheltering displaced civilians", "a
            # plane carrying mercenaries"; not "high-ranking", "fighting positions"
            break
        if run_end > k and lex.trigger_prenominal.match_at(words, run_end) and (
            run_end + 1 >= n or not _is_word(words[run_end + 1]) or words[run_end + 1] in lex.stop_words
            or words[run_end + 1] in _ARTICLES and not w.endswith(("ed", "ing"))
            or words[run_end + 1] in _COUNT_OPENERS
        ):
            # predicative: "89 civilians dead in 10 days", and before an article an adjective
            # ("leaving 12 civilians dead a source said"; "20 others wounded the ..." may be a verb and its object),
            # or before a second count ("Eight civilians killed others injured")
            break
        run_end += 1
    # the head is before the part (not a predicate: "people dead most of them civilians",
    # "400 wounded mostly women": the head follows the participle)
    if part_at is not None and not any(lex.trigger_prenominal.match_at(words, x) for x in range(k, part_at)):
        run_end = part_at
    # the head is the right-most lexicon phrase in the run
    head_start: int | None = None
    head_end = k  # past the head: read only when there is one
    head_class: str | None = None
    j = k
    while j < run_end:
        found = lex.object_classes.match_at(words, j)
        if found is not None and j + found[0] <= run_end:
            head_start, head_end, head_class = j, j + found[0], found[1][0]
            j += found[0]
        else:
            j += 1
    if head_start is not None and (toll := lex.toll_words.match_at(words, head_start)) is not None \
            and head_start + toll[0] > head_end:
        return CountedObject(None, None, None, start, None, None, False)  # "a heavy death toll": no one counted
    if head_start is not None and head_end < run_end and toks[head_end - 1].text[:1].isupper() \
            and toks[head_end].text[:1].isupper() and words[head_end] in lex.name_heads:
        head_start = head_class = None  # inside a name: "40 Somali National Army ..."
    if head_start is not None and head_end < run_end and words[run_end - 1].endswith("s") \
            and toks[run_end - 1].text.islower() and not lex.object_classes.match_at(words, run_end - 1):
        # the listed word only modifies an unknown head: "four village elders"
        head_start, head_end, head_class = run_end - 1, run_end, None
    if head_start is None:
        # a capitalised plural after the count: "33 Palestinians", "three Israelis"
        for j in range(k, run_end):
            t = toks[j].text
            if t[0].isupper() and t.endswith("s") and len(t) > 3 and (j + 1 == run_end or words[j + 1][:1].islower()):
                head_start, head_end, head_class = j, j + 1, "person"
                break
    if head_start is None and run_end > k and run_end + 1 < n and words[run_end] in ("and", "or") \
            and words[k] not in _SINGULAR_ARTICLES and not (words[run_end - 1].endswith("s") and toks[run_end - 1].text.islower()) \
            and not _is_coordination_break(words, run_end + 1):
        # "40 Somali army and allied militia fighters": the modifiers of one head joined by
        # "and" (not a plural that is a head of its own: "two martyrs and several civilians")
        second = read_object(sentence, run_end + 1, end)
        if second.head is not None and second.object_class is not None and not second.inherit \
                and second.head - run_end <= 4:
            cls: str | None = second.object_class
            first = words[k:run_end]
            if cls == "person" and any(m in lex.combatant_modifiers for m in first):
                cls = "combatant"
            elif _civilian_by_modifier(cls, words[second.end - 1], first):
                cls = "civilian"
            side_words = [toks[m_i].text for m_i in range(k, second.head)
                          if toks[m_i].text[:1].isupper() and words[m_i] not in lex.determiners]
            text = sentence.text[toks[k].start - sentence.start: toks[second.end - 1].end - sentence.start]
            return CountedObject(text, cls, " ".join(side_words) or None, second.end, second.head,
                                 second.prenominal, False)
    if head_start is None and run_end > k and run_end + 2 < n and words[run_end] == "and" \
            and (words[run_end + 1][:1].isdigit() or words[run_end + 1] in lex.number_words) \
            and toks[run_end - 1].text.islower() == toks[k].text.islower() and not words[run_end - 1].endswith("s"):
        # "30 regime and 39 rebel fighters", "five Iraqi and three Syrian soldiers": the
        # second count's head noun is the first's too (the first has modifiers only)
        second = read_object(sentence, run_end + 2, end)
        if second.head is not None and second.object_class is not None and not second.inherit \
                and 0 < second.head - run_end - 2 <= 3:
            text = sentence.text[toks[k].start - sentence.start: toks[run_end - 1].end - sentence.start]
            return CountedObject(f"{text} {toks[second.head].text}", second.object_class, None, run_end,
                                 run_end - 1, None, False)
    if head_start is None:
        inherit = k < n and words[k] in lex.inherit_heads
        if inherit:
            return CountedObject(toks[k].text, None, None, k + 1, k, None, True)
        if run_end > k and words[run_end - 1].isalpha() and toks[run_end - 1].text.islower():
            # a noun the lexicon does not know ("two judges", "four crewmembers"): its class is open
            head_start, head_end, head_class = run_end - 1, run_end, None
        else:
            return CountedObject(None, None, None, start, None, None, False)
    modifiers = words[k:head_start]
    prenominal: str | None = None
    # a lone participle the lexicon gives no class is the predicate of an elided noun:
    # "30 arrested after the riot", "and 12 kidnapped"
    lone = head_class is None and head_start == k and head_end == run_end
    for m_i in range(k, head_end if lone else head_start):
        found = lex.trigger_prenominal.match_at(words, m_i)
        if found:
            prenominal = found[1][0]
    head_word = words[head_start]
    inherit = head_word in lex.inherit_heads or (head_start > k and words[head_start - 1] == "other" and head_word in ("others",))
    cls = head_class
    if _civilian_by_modifier(cls, words[head_end - 1], modifiers):
        cls = "civilian"
    elif cls == "person" and any(m in lex.combatant_modifiers for m in modifiers) \
            or cls in ("person", None) and head_word in lex.closed["membership_heads"] and _of_armed_body(words, head_end):
        cls = "combatant"
    if head_word in ("others", "more", "other"):
        inherit = True
    if head_word in lex.toll_heads and head_end + 1 < n and words[head_end] == "among":
        # "600 fatalities among the 15,000 soldiers": who the deaths are
        j = head_end + 1
        while j < n and (words[j] in _ARTICLES or words[j][:1].isdigit() or words[j] in lex.number_words):
            j += 1
        among = read_object(sentence, j, end) if j < n else None
        if among is not None and among.object_class in PEOPLE_CLASSES and not among.inherit \
                and among.head is not None and among.head - j <= 4:
            cls = among.object_class
    side_words = [toks[m_i].text for m_i in range(k, head_start)
                  if toks[m_i].text[:1].isupper() and words[m_i] not in lex.determiners]
    text = sentence.text[toks[k].start - sentence.start: toks[head_end - 1].end - sentence.start]
    return CountedObject(text, cls, " ".join(side_words) or None, head_end, head_start, prenominal, inherit)


def _plain_part_marker(words: list[str], k: int) -> bool:
    """A part marker at k that names no harm ('mostly', 'including', 'most of them'; not
    'among the dead', which says what befell the counted)."""
    part = LEXICON.part_markers.match_at(words, k)
    if part is None:
        return False
    last = k + part[0] - 1
    return not LEXICON.trigger_nouns.match_at(words, last) and not LEXICON.trigger_prenominal.match_at(words, last)


def _is_coordination_break(words: list[str], k: int) -> bool:
    """Does words[k], right after 'and', start something other than more modifiers of the
    same head (a count, "of", an article: "... and the", "... and two")?"""
    w = words[k]
    return not _is_word(w) or w in LEXICON.stop_words or w in LEXICON.number_words or w in _ARTICLES \
        or w in ("several", "dozens", "hundreds", "thousands", "many", "some") \
        or bool(LEXICON.triggers_before.match_at(words, k) or LEXICON.triggers_after.match_at(words, k))


def _of_armed_body(words: list[str], k: int) -> bool:
    """'members of the Revolutionary Guard Corps', 'members of a terrorist group', 'members
    and commanders of the Islamist militants': an armed body, or fighters, named within
    the 'of' phrase at words[k] (after a second head joined by 'and'), also under a label
    someone put on it ('members of what the government described as a "terrorist group"')."""
    if k + 2 < len(words) and words[k] == "and" and words[k + 2] == "of":
        k += 2
    if k >= len(words) or words[k] != "of":
        return False
    start = _past_label(words, k + 1)
    armed = False
    for x in range(start, min(len(words), start + 7)):
        w = words[x]
        if w in _QUOTE_MARKS:
            continue  # scare quotes around the label
        if w in _COLLECTIVES:
            return False  # "members of the soldiers' families": of a family
        found = LEXICON.object_classes.match_at(words, x)
        if w in LEXICON.combatant_modifiers or w in LEXICON.closed["armed_bodies"] \
                or found is not None and found[1][0] == "combatant":
            armed = True
        elif not _is_word(w) or w in LEXICON.stop_words and w not in ("the", "of"):
            break
    return armed


def _past_possessor(words: list[str], k: int, n: int) -> int:
    """Where the counted noun phrase starts after a possessor at words[k] ("nine of a
    doctor's ten children", "two of the local chief's guards"): past a short noun phrase
    that ends in "'s", else k."""
    for j in range(k, min(n, k + 3)):
        if words[j].endswith("'s") and len(words[j]) > 2:
            return j + 1
        if not words[j].isalpha() or words[j] in LEXICON.stop_words and words[j] not in _ARTICLES:
            break
    return k


def _past_label(words: list[str], k: int) -> int:
    """Where the label starts in 'what the government described as a ...', 'what it called
    ...' at words[k] (a 'what' clause of up to four words and a label verb), else k."""
    if k >= len(words) or words[k] != "what":
        return k
    for x in range(k + 1, min(len(words), k + 6)):
        if words[x] in _LABEL_VERBS:
            return x + 2 if x + 1 < len(words) and words[x + 1] == "as" else x + 1
    return k


def _compatible(category: str, object_class: str | None) -> bool:
    return object_class is None or object_class in _COMPATIBLE[category]


def _uncounted(object_class: str | None) -> bool:
    """A class no category counts ('animal': 'three sheep')."""
    return object_class is not None and not any(object_class in classes for classes in _COMPATIBLE.values())


def _pick(categories: list[str], object_class: str | None, verb: bool = False) -> str | None:
    """The first category that can count the object; verb: the categories are of the
    count's own verb (before it, or after its subject)."""
    for c in categories:
        if _compatible(c, object_class):
            return c
    if verb and object_class == "combatant":
        # "destroyed up to 60 militants": a verb of things said of fighters (a military
        # statement's idiom) reads as its people category
        for c in categories:
            if c in LEXICON.people_readings:
                return LEXICON.people_readings[c]
    return None


class _SentenceReader:
    """Per-sentence state: words, counts, their objects."""

    def __init__(self, sentence: Sentence, numbers: list[NumberMention]):
        self.sentence = sentence
        self.toks = sentence.tokens
        self.words = sentence.words
        self.numbers = numbers
        self.objects = [read_object(sentence, m.tok_end) for m in numbers]
        self.starts = {m.tok_start: idx for idx, m in enumerate(numbers)}
        self._first_background: int | None = None  # found on first use: most sentences never ask
        self.last_aside: tuple[int, int] | None = None  # the relative clause category_after skipped

    def phrase_end(self, idx: int) -> int:
        """The token index just past count idx and its object."""
        return self.objects[idx].end if self.objects[idx].head is not None else self.numbers[idx].tok_end

    def skip_coordinated(self, k: int) -> int:
        """Past ', and N objects' / ', including N objects,' that continue a list of counts."""
        words = self.words
        while k < len(words):
            j = k
            if LEXICON.part_markers.match_at(words, j) and j + 1 < len(words):
                j -= 1  # "23 people including eight children were killed": no comma before the list
                words_j = ","
            else:
                # a dash opens an aside as a comma does: "11 civilians - among them four women - were killed"
                words_j = "," if words[j] in _DASHES else words[j]
            if words_j in (",", "and", "or") or words[j] == "as" and words[j + 1: j + 3] == ["well", "as"]:
                j += 3 if words[j] == "as" and words_j != "," else 1
                if j < len(words) and words[j] == "and":
                    j += 1
                part = LEXICON.part_markers.match_at(words, j)
                if part:
                    j += part[0]
                    if words[k] == "," or words[k] in _DASHES:
                        # ", including a pregnant woman and her child, are wounded": past the list
                        commas = [x for x in range(j, min(len(words) - 1, j + 20)) if words[x] == words[k]]
                        # the comma before the verb closes the list: ", including nine from A, three from B
                        # and one from C, are killed"; else the first one
                        close = next((x for x in commas if words[x + 1] in _BE_HAVE or words[x + 1] in LEXICON.auxiliaries
                                      or LEXICON.triggers_after.match_at(words, x + 1)), commas[0] if commas else None)
                        if close is not None:
                            k = close + 1
                            continue
                if j in self.starts:
                    idx = self.starts[j]
                    k = self.phrase_end(idx)
                    continue
                if part and words[k] != "," and words[k] not in _DASHES and _plain_part_marker(words, j - part[0]):
                    end = self.uncounted_part_end(j)
                    if end is not None:
                        k = end
                        continue
                if words[j - 1] == "and":
                    # "Seven members and a major are killed": a last item the lexicon cannot count
                    end = next((x for x in range(j, min(len(words), j + 5)) if words[x] in _BE_HAVE), None)
                    if end is not None and all(_is_word(w) and w not in LEXICON.stop_words for w in words[j:end]):
                        k = end
            break
        return k

    def category_after(self, k: int) -> tuple[list[str], int] | None:
        """A trigger after auxiliaries from token k: (['killed'], trigger index)."""
        lex = LEXICON
        words = self.words
        self.last_aside = None
        if k < len(words) and words[k] == "(":
            # "24 Daesh terrorists (a group banned in Russia) were killed": past the brackets
            k = next((x + 1 for x in range(k + 1, min(len(words), k + 16)) if words[x] == ")"), k)
        if k < len(words) and words[k] == ",":
            k += 1  # "315 people, including ..., are abducted"
            if k < len(words) and words[k] in _AGE_WORDS:
                # "two teenagers, aged 16 and 18, are killed": past the ages
                k = next((x + 1 for x in range(k, min(len(words) - 1, k + 10))
                          if words[x] == "," and not words[x + 1][:1].isdigit()), k)
        k = self.second_predicate(self.past_relative(k))
        if k + 1 < len(words) and words[k].endswith("ed") and words[k + 1] in _NOUN_PP \
                and not lex.triggers_after.match_at(words, k):
            k += 1  # "two vehicles equipped with machine guns were destroyed": the participle's phrase
        if k < len(words) and words[k] in _NOUN_PP:
            # "seven warehouses with ammunition and drones were destroyed"
            j = k + 1
            while j < len(words) and j - k < 10 and (_is_word(words[j]) or words[j] == "," and j + 1 < len(words)
                                                     and self.toks[j + 1].text[:1].isupper()) \
                    and words[j] not in lex.clause_breaks and words[j] not in _BE_HAVE \
                    and not lex.triggers_after.match_at(words, j):
                j += 1  # "three leaders from Khyber Pakhtunkhwa, Pakistan, are abducted"
            j = self.skip_coordinated(j)  # "eight members of the militia, including a commander, were killed"
            j = self.past_relative(j)  # "nine members of the alliance who were guarding the clinic were killed"
            if j < len(words) and words[j] == ",":
                j += 1
            trigger = lex.triggers_after.match_at(words, j) if j < len(words) else None
            # past a place, a participle before a noun qualifies that noun, it is no verb of
            # this one: "a photographer in Douma saw six wounded children" (but "hundreds of
            # badly injured civilians": what the counted are)
            if trigger is not None and words[k] != "of" and lex.object_classes.match_at(words, j + trigger[0]) is not None:
                trigger = None
            if j < len(words) and (words[j] in _BE_HAVE or trigger is not None):
                k = j
        steps = 0
        perfect = False  # 'have killed', 'had reportedly captured': active, as a bare past
        passive = False
        adverbs = True  # 'then detained', 'later arrested': active, as a bare past
        while k < len(words) and steps < 6 and (words[k] in _AUXILIARY_OR_HYPOTHETICAL
                                                or words[k] == "as" and k > 0 and words[k - 1] in _REPORT_PARTICIPLES):
            if words[k] in lex.hypothetical:
                return None
            perfect = perfect or words[k] in _PERFECT_AUXILIARIES
            passive = passive or words[k] in _PASSIVE_MARKERS
            adverbs = adverbs and words[k] in _VERB_ADVERBS
            k += 1
            steps += 1
        found = lex.triggers_after.match_at(words, k) if k < len(words) else None
        if found is None:
            return None
        after = k + found[0]
        if after + 1 < len(words) and words[after] in ("and", "or"):
            second = lex.triggers_before.match_at(words, after + 1)
            if second is not None:
                after += 1 + second[0]  # "soldiers captured and killed 40 militants"
        after += _day_length(words, after)  # "troops captured Monday a smuggler": the object after the day
        # a capital opens a named object, but not a title-case preposition or conjunction:
        # "Dozens of Insurgents Killed In Aleppo", "Five Soldiers Killed As Rebels Attack";
        # so does a plural of people ("five soldiers killed insurgents"), but not a speaker
        # in comma-less text ("five soldiers killed police said")
        if (adverbs or perfect and not passive) and after < len(words) and (after in self.starts or words[after] in _OBJECT_OPENERS
                                                  or self.toks[after].text[:1].isupper() and words[after] not in lex.weekdays
                                                  and words[after] not in lex.months and words[after] not in lex.stop_words
                                                  and words[after] not in lex.clause_breaks
                                                  or self.people_object_at(k, after)) \
                and lex.triggers_before.match_at(words, k) and not self.headline_pair(k, after):
            return None  # active voice: "two soldiers killed three militants", "six drones hit Kharkiv" — they did it
        return found[1], k

    def people_object_at(self, k: int, j: int) -> bool:
        """After the verb at k, a plural noun of people at j: its object when a noun of
        people ends the subject before k ('five soldiers killed insurgents'; not 'hundreds
        of badly injured civilians'), 'others' is no second subject ('eight civilians killed
        others injured') and no speech verb follows ('five soldiers killed police said')."""
        lex = LEXICON
        words = self.words
        if k == 0 or not lex.object_classes.match_ending_at(words, k - 1) or words[j] in lex.inherit_heads:
            return False
        found = lex.object_classes.match_at(words, j)
        if found is None or found[1][0] not in PEOPLE_CLASSES or not words[j + found[0] - 1].endswith("s"):
            return False
        end = j + found[0]
        return end >= len(words) or words[end] not in lex.speech_verbs

    def headline_pair(self, k: int, after: int) -> bool:
        """A participle followed by a count with its own participle is two comma-less
        headline clauses, not a verb and its object: in title case 'Eight Civilians Killed
        14 Injured', 'Child Killed 20 People Injured'; in lower case when a count before the
        first participle is its subject and the second follows the object of the count
        after it, with no count of its own: 'two children killed 5 others injured', or is
        that count's own word: 'seven people killed scores injured'."""
        lex = LEXICON
        if after not in self.starts or not _participle(self.words[k]):
            return False
        idx = self.starts[after]
        m = self.numbers[idx]
        words = self.words
        if not self.toks[k].text[:1].isupper():
            subject = any(self.phrase_end(x) == k for x in range(len(self.numbers)))
            head = self.objects[idx].head
            if subject and m.tok_end < len(words) and _participle(words[m.tok_end]) \
                    and lex.triggers_after.match_at(words, m.tok_end) is not None and (head is None or head <= m.tok_end):
                # the count's participle right after it: "seven people killed scores injured";
                # not one before its noun: "rebels captured two injured soldiers"
                return True
            end = self.phrase_end(idx)
            # not a verb of its own object: "a bomber killed 30 people injured 90"
            return subject and end + 1 not in self.starts and end < len(words) and _participle(words[end]) \
                and lex.triggers_after.match_at(words, end) is not None
        for j in range(m.tok_end, min(len(words), m.tok_end + 3)):
            if not self.toks[j].text[:1].isupper():
                return False
            if lex.triggers_after.match_at(words, j) and _participle(words[j]):
                return True
        return False

    def passive_trigger_at(self, k: int) -> int | None:
        """A passive verb phrase at k ('are killed', 'were later found dead'): the trigger's
        index, else None."""
        words = self.words
        if k >= len(words) or words[k] not in _PASSIVE_BE and words[k] not in _BE_HAVE:
            return None
        j = k + 1
        while j < len(words) and j - k < 6 and words[j] in LEXICON.auxiliaries:
            j += 1
        return j if j < len(words) and LEXICON.triggers_after.match_at(words, j) else None

    def second_predicate(self, k: int) -> int:
        """Past the subject's own first verb phrase at k to a passive verb coordinated with it:
        'two insurgents attempted to engage the force, and were killed' -> the index of
        'were'. The first verb is a past form that is no trigger ('two gunmen killed a guard
        and were arrested' did the killing), and the words up to 'and' hold no count, no
        clause break and no comma but one right before 'and'; else k as it is."""
        words = self.words
        if k >= len(words) or not words[k].endswith("ed") or words[k] in _BE_HAVE \
                or LEXICON.triggers_after.match_at(words, k) or LEXICON.triggers_before.match_at(words, k):
            return k
        for j in range(k + 1, min(len(words) - 1, k + _SECOND_PREDICATE_MAX)):
            w = words[j]
            if w == "and" and self.passive_trigger_at(j + 1) is not None:
                return j + 1
            if j in self.starts or w in _PUNCT_BREAK or w in LEXICON.clause_breaks or w in _RELATIVE_PRONOUNS \
                    or w == "," and words[j + 1] != "and":
                return k
        return k

    def uncounted_part_end(self, j: int) -> int | None:
        """Where a part with no count and no commas, from token j, gives way to the whole's
        verb: "13 civilians mostly women and children were killed", "ten civilians including
        children killed", "12 villagers including the head of the council were wounded", "21
        people including refugees who had fled the war were killed". None when a clause
        break or a non-word comes first, or no verb within a few words."""
        words = self.words
        for x in range(j, min(len(words), j + _UNCOUNTED_PART_MAX)):
            w = words[x]
            if x > j and w in _RELATIVE_PRONOUNS:
                x = self.past_relative(x)
                w = words[x] if x < len(words) else "."
            if w in _BE_HAVE or LEXICON.triggers_after.match_at(words, x):
                return x if x > j and words[x - 1] not in LEXICON.stop_words else None
            if not _is_word(w) or w in LEXICON.clause_breaks:
                return None
        return None

    def past_relative(self, k: int) -> int:
        """Past a relative clause on the counted noun at token k, to where its verb can be
        read: a passive one says what befell them ("four men who had been killed": to its
        auxiliary); one about who they were ("three men who were involved in the raid are
        killed": to the subject's own verb after it, the clause kept in last_aside)."""
        words = self.words
        if k + 2 >= len(words) or words[k] not in _RELATIVE_PRONOUNS:
            return k
        if (words[k + 1] in _PASSIVE_BE or words[k + 1] in _BE_HAVE and words[k + 2] == "been") \
                and self.passive_trigger_at(k + 1) is not None:
            return k + 1
        # between commas: "one girl, who was riding on a motorcycle, was killed"
        main = self.main_verb_after_relative(k, k > 0 and words[k - 1] == ",")
        if main is None:
            return k
        self.last_aside = (k, main)
        return main

    def main_verb_after_relative(self, k: int, between_commas: bool = False) -> int | None:
        """The main verb after a relative clause on the counted noun: 'three militants
        [who were involved in the massacre in 2022] are killed' -> the index of 'are'. The
        clause holds no count or punctuation and no passive trigger of its own, and its
        verb is not the subject's ('who killed ...' before 'were arrested' still is). A
        clause between commas ends at its closing comma, with the passive verb right after
        it, and may hold a count of its own ('one girl, who was riding on one of the
        motorcycles, was killed')."""
        words = self.words
        for j in range(k + 2, min(len(words), k + 16)):
            if between_commas and words[j] == ",":
                return j + 1 if self.passive_trigger_at(j + 1) is not None else None
            if between_commas and j in self.starts:
                continue
            if words[j] in _PUNCT_BREAK or words[j] == "," or j in self.starts or words[j] in _RELATIVE_PRONOUNS \
                    or words[j] in LEXICON.clause_breaks and words[j] != "as" or words[j] in LEXICON.pronouns:
                return None  # another clause starts: "a district that was held by rebels until it was taken"
            if words[j] in _PASSIVE_BE and self.passive_trigger_at(j) is not None:
                return j
        return None

    def category_before(self, start: int) -> tuple[list[str], int] | None:
        """A verb whose object is the count: '... killing [at least] 12'."""
        lex = LEXICON
        words = self.words
        k = start - 1
        while k >= 0 and words[k] in _QUOTE_MARKS:
            k -= 1  # 'it had "neutralised" 80 terrorists'
        found = lex.triggers_before.match_ending_at(words, k) if k >= 0 else None
        day = _day_before(words, k) if found is None else None
        if day is not None and lex.triggers_before.match_ending_at(words, day) is not None:
            # "arrested Monday a Taliban leader", "captured on Friday two facilitators": the
            # day told between the verb and its object
            k = day
            found = lex.triggers_before.match_ending_at(words, k)
        skipped = 0
        # "killing a total of 12", "claimed the lives of 400", "killed all 12": past determiners, but a
        # listed phrase ending in one ("the lives of") wins
        while found is None and k >= 0 and words[k] in lex.determiners and skipped < 3:
            k -= 1
            skipped += 1
            found = lex.triggers_before.match_ending_at(words, k) if k >= 0 else None
        if k < 0:
            return None
        if found is None and k >= 2 and words[k - 1] == "and" and _participle(words[k]) and self.toks[k].text.islower():
            # "executed and crucified nine men", "arrested and questioned 14 suspects": a
            # trigger and another verb over one object
            found = lex.triggers_before.match_ending_at(words, k - 2)
            if found is not None:
                return None if self.hypothetical_before(k - 1 - found[0]) else (found[1], k - 1 - found[0])
        if found is None:
            return self.category_before_list(k)
        trig_start = k - found[0] + 1
        first = lex.triggers_before.match_ending_at(words, trig_start - 2) if words[trig_start - 1: trig_start] == ["and"] else None
        pair_start = trig_start - 1 - first[0] if first else trig_start
        dominant = [c for c in first[1] if c in lex.dominant_pair_categories] if first else []
        if dominant:  # "intercepted and destroyed 147 drones": the first verb names the event
            found, trig_start = (found[0], dominant + found[1]), pair_start
        if self.hypothetical_before(pair_start):
            return None  # "could have seized and executed 12": the modal governs both verbs
        return found[1], trig_start

    def complement_category(self, idx: int) -> tuple[str, int, CountedObject] | None:
        """A verb before the count and its complement after the object: 'took 12 aid workers
        hostage', 'held five soldiers captive', 'beat two men to death' (triggers.json
        object_complements). Without an object between, a complement noun is the object:
        'took 40 prisoners', 'took 12 hostage'. (category, the verb's index, the object
        without the complement)."""
        lex = LEXICON
        words = self.words
        m, obj = self.numbers[idx], self.objects[idx]
        k = m.tok_start - 1
        while k >= 0 and words[k] in lex.determiners and m.tok_start - k <= 3:
            k -= 1  # "took all 12 hostage"
        complements = lex.complements.get(words[k]) if k >= 0 else None
        if complements is None or obj.head is None or self.hypothetical_before(k):
            return None
        after = complements.match_at(words, obj.end)
        if after is not None:
            return after[1][0], k, obj  # "held five soldiers captive", "took three suspects into custody"
        last = complements.match_at(words, obj.head) if obj.head == obj.end - 1 else None
        if last is None:
            return None
        if obj.head > m.tok_end:
            # "12 aid workers hostage": the object before the complement, unless the plural
            # is the head after its modifiers ("12 foreign hostages")
            inner = read_object(self.sentence, m.tok_end, obj.head)
            if inner.head is not None and (inner.object_class is not None or not words[obj.head].endswith("s")):
                obj = inner
        return last[1][0], k, obj

    def category_before_list(self, k: int) -> tuple[list[str], int] | None:
        """The second object of a verb: 'killed the commander Fayez Jan and one other
        insurgent', 'detained a leader along with one suspected insurgent'."""
        lex = LEXICON
        words = self.words
        # "along with" and "as well as" add to the verb's object across the commas of a
        # long first object ('captured a facilitator for weapons, fighters and
        # equipment, along with more than 10 of his associates'); "and" does not
        additive = words[k - 1: k + 1] == ["along", "with"] or words[k - 2: k + 1] == ["as", "well", "as"]
        if words[k] == "and":
            j = k - 1
        elif additive:
            j = k - (2 if words[k] == "with" else 3)
        else:
            return None
        x, lowest = j + 1, max(0, j - (15 if additive else 7))
        while x > lowest:
            x -= 1
            w = words[x]
            if w == "be" and x >= 3 and words[x - 1] == "to" and words[x - 2] in _DESCRIBING_PARTICIPLES \
                    and words[x - 3] not in lex.auxiliaries:
                # "captured a man believed to be a bomb maker and several others": the
                # participle's phrase describes the first object, the verb's list goes on
                x, lowest = x - 2, max(0, lowest - 3)
                continue
            if w in _PUNCT_BREAK or w in (",", "and") and not additive or w in lex.clause_breaks or w in _OCCASIONS \
                    or w in lex.auxiliaries and w not in ("all",):
                # "are killed and a third judge and a guard are injured": another clause; "killed
                # following a shootout with a soldier and a civilian": the occasion's own nouns
                return None
            found = lex.triggers_before.match_ending_at(words, x)
            # "20 guards were killed as well as dozens of passengers": a second subject of
            # the passive right after it
            if found is not None and (x < j or additive and x - found[0] >= 0 and words[x - found[0]] in _BE_HAVE):
                if words[x + 1] == "by":
                    return None  # "were wounded by a soldier and two police officers": the agents
                trig_start = x - found[0] + 1
                return None if self.hypothetical_before(trig_start) else (found[1], trig_start)
        return None

    def hypothetical_before(self, trig_start: int) -> bool:
        """Under a modal or a denial ('could kill'), or an infinitive of purpose ('an
        operation to arrest a Taliban leader'), the verb reports no event."""
        lex = LEXICON
        window = range(max(0, trig_start - 3), trig_start)
        # lower case only: "in May 2024 and arrest ..." holds no modal; "without" only right
        # before the verb ("without killing anyone", not "without incident detained three")
        if any(self.words[k] in lex.hypothetical and self.toks[k].text.islower()
               and (k == trig_start - 1 or self.words[k] not in lex.closed["adjacent_negations"]) for k in window):
            return True
        # "to find and detain a courier": a pursuit verb joined to the trigger under one "to"
        to = trig_start - 3 if trig_start >= 4 and self.words[trig_start - 1] in _ITEM_JOINERS \
            and self.words[trig_start - 2] in _PURSUIT_VERBS else trig_start - 1
        return to >= 1 and self.words[to] == "to" and self.words[to - 1] not in lex.realized_before_to

    def toll_category(self, start: int) -> str | None:
        """'the death toll rose to [over] 150', 'bringing the total ... to 53'."""
        lex = LEXICON
        words = self.words
        k = start - 1
        if k < 0 or not (lex.toll_links.match_ending_at(words, k)):
            return None
        for j in range(k - 1, max(-1, k - 25), -1):
            if words[j] in _PUNCT_BREAK and not (words[j] == "." and words[j - 1] in lex.abbreviations):
                break  # "the death toll from strikes by the U.S. in Yemen rose to 53": "U.S" + "."
            toll = lex.toll_words.match_ending_at(words, j)
            if toll is not None:
                if any(words[x] in lex.hypothetical and self.toks[x].text.islower() for x in range(j + 1, k)):
                    return None  # "the death toll could reach 200": a forecast, not a count
                return toll[1][0]
            if words[j] in _TALLY_NOUNS:
                # "the total number of detained UN personnel to 53": category from between
                for x in range(j + 1, k):
                    for table in (lex.trigger_prenominal, lex.triggers_after):
                        found = table.match_at(words, x)
                        if found:
                            return found[1][0]
        return None

    def toll_object(self, start: int) -> CountedObject | None:
        """What a total counts when it is named before the number: 'the total number of
        detained UN personnel to 53'."""
        words = self.words
        for j in range(start - 2, max(-1, start - 25), -1):
            if words[j] in _PUNCT_BREAK:
                return None
            if words[j] == "of" and j > 0 and words[j - 1] in _TALLY_NOUNS:
                obj = read_object(self.sentence, j + 1)
                return obj if obj.head is not None and obj.end < start else None
        return None

    def times_category(self, idx: int) -> tuple[str, str] | None:
        """'opened fire on troops 12 times': the firing verb phrase before the count."""
        lex = LEXICON
        words = self.words
        start = self.numbers[idx].tok_start
        for j in range(start - 1, max(-1, start - 12), -1):
            if words[j] in _PUNCT_BREAK or words[j] in lex.clause_breaks:
                break
            found = lex.times_verbs.match_at(words, j)
            if found and j > 0 and (lex.times_verbs.match_at(words, j - 1) or (0,))[0] > 1:
                j -= 1  # "opened fire", not just "fire"
            if found:
                first = min((m.tok_start for m in self.numbers if m.tok_start > j), default=start)
                text = self.sentence.text[self.toks[j].start - self.sentence.start: self.toks[first - 1].end - self.sentence.start]
                return "attacks", text
        return None

    def shared_class_after(self, idx: int) -> str | None:
        """'killed 28 and wounded 30 militants': a count with no noun of its own, joined by
        'and' to a verb and a count of people, counts the same people."""
        if idx + 1 >= len(self.numbers):
            return None
        k = self.numbers[idx].tok_end
        nxt = self.objects[idx + 1]
        trigger = LEXICON.triggers_before.match_at(self.words, k + 1) if k + 1 < len(self.words) and self.words[k] == "and" else None
        if trigger is None or k + 1 + trigger[0] != self.numbers[idx + 1].tok_start or nxt.inherit:
            return None
        return nxt.object_class if nxt.object_class in PEOPLE_CLASSES else None

    def coordinated_with(self, idx: int) -> int | None:
        """The earlier count this one continues: 'N objects [in Place] and|, M ...'."""
        if idx == 0:
            return None
        words = self.words
        prev = idx - 1
        while prev > 0 and self.numbers[prev].implicit and (words[self.numbers[prev].tok_start - 1] in _NOUN_PP
                                                             or words[self.numbers[prev].tok_start - 1] in _CAUSE_PREPOSITIONS):
            # "five in a vehicle in Gaza City and four children": 'a vehicle' is where, not an
            # item; "two by a drone strike and one by gunfire": how
            prev -= 1
        k = self.phrase_end(prev)
        start = self.numbers[idx].tok_start
        gap = words[k:start]
        if words[self.numbers[idx].tok_end: self.numbers[idx].tok_end + 2] in _PARTITIVES[1:] and ";" not in gap:
            return prev  # "eight of them" counts out of the count before, with or without a comma
        if k == start and self.objects[prev].head == start - 1 and self.objects[idx].object_class is not None:
            return prev  # a list without commas: "destroyed a tank two rocket launchers and three cannons"
        if not gap or gap[-1] not in ("and", ",", "plus") and gap[-2:] != ["as", "well"]:
            if not (gap and gap[-1] in ("another", "further", "other")):
                return None
        lex = LEXICON
        # allow a short prepositional phrase in between: "seven people in Kharkiv and three"
        content = [w for w in gap if w not in (",", "and", "plus", "as", "well", "another", "further", "a")]
        if len(content) > 5:
            return None
        if any(lex.triggers_before.match_at(words, k + x) or lex.triggers_after.match_at(words, k + x) for x in range(len(gap))):
            return None
        return prev

    def continues_total(self, idx: int, drafts: list[ClaimDraft | None], category: str) -> bool:
        """Does this count go on a running total just before it, each with its own participle
        ('the toll rises to 46 people killed and 165 others injured'), or with a participle
        or toll noun of its own only ('the toll rose to 13 and 106 injured', 'a toll of 12
        dead and 55 wounded', 'rises to 20 deaths, including two children, and 75
        injuries'), or attached to it by 'with' ('the death toll rose to 53, with 98
        injured'), or, for another category, by 'while' ('the death toll rises to 430, while
        3,056 people have been injured')?"""
        prev = drafts[idx - 1] if idx > 0 else None
        if prev is None or not prev.cumulative:
            return False
        words = self.words
        k = self.phrase_end(idx - 1)
        own = LEXICON.triggers_after.match_at(words, k) if k < len(words) else None
        gap = words[k + (own[0] if own else 0): self.numbers[idx].tok_start]
        if gap in ([",", "with"], ["with"]):
            return True
        if gap in ([",", "while"], ["while"]):
            return prev.category != category
        if not gap or not all(w in ("and", ",") for w in gap):
            return False
        end = self.numbers[idx].tok_end
        return own is not None or self.objects[idx].end <= end + 1 and end < len(words) \
            and (LEXICON.triggers_after.match_at(words, end) is not None or words[end] in LEXICON.toll_heads)

    def part_marker_before(self, start: int) -> bool:
        words = self.words
        k = start - 1
        if k >= 0 and words[k] == ",":
            k -= 1
            name = k
            while name >= 0 and k - name < 4 and self.toks[name].text[:1].isupper():
                name -= 1
            if name < k and LEXICON.part_markers.match_ending_at(words, name):
                return True  # "including Hassan Bdeir, a senior commander": the part's appositive
        if k >= 0 and words[k] == "as" and not LEXICON.closed["identification_verbs"].isdisjoint(words[:k]):
            return True  # "identify the four dead hostages as three Israelis and a Nepalese"
        return bool(LEXICON.part_markers.match_ending_at(words, k))

    def uncounted_whole_category(self, start: int) -> tuple[list[str], int] | None:
        """The verb over a whole with no count that the part at `start` belongs to:
        'strikes killed civilians, including 4 children'."""
        words = self.words
        k = start - 1
        if k >= 0 and words[k] == ",":
            k -= 1
        marker = LEXICON.part_markers.match_ending_at(words, k) if k >= 0 else None
        if marker is None:
            return None
        k -= marker[0]
        if k >= 0 and words[k] == ",":
            k -= 1
        if k < 0 or LEXICON.object_classes.match_ending_at(words, k) is None:
            return None
        for x in range(k, max(-1, k - 4), -1):
            if not _is_word(words[x]) or words[x] in LEXICON.stop_words:
                return None
            found = self.category_before(x)
            if found is not None:
                return found
        return None

    def background(self, start: int, drafts: Sequence[ClaimDraft | None] = ()) -> bool:
        """'linked to an IED attack that killed four soldiers': a past act blamed on a target.
        A participle clause after a comma or a finite verb after 'and' ends it, and a marker
        inside a relative clause on an earlier count's noun ends with that clause: 'three men
        who were involved in the massacre are killed and two others injured'."""
        if self._first_background is None:
            # where the sentence's first background marker ends (its length when there is none)
            first = LEXICON.background_markers.first_end(self.words)
            self._first_background = len(self.words) if first is None else first
        first = self._first_background
        if first >= start or any(d is not None and d.aside is not None and d.aside[0] < first <= d.aside[1] <= start
                                 for d in drafts):
            return False
        # a participle clause after a comma returns to the main clause's act: 'raided the
        # house of a facilitator responsible for attacks on police, detaining two suspects';
        # not a gerund in a list of the background's acts ('responsible for weapons
        # facilitation, kidnapping citizens and planning attacks')
        words = self.words
        return not any(words[j] == "," and words[j + 1].endswith("ing") and LEXICON.triggers_before.match_at(words, j + 1)
                       and not any(words[x] in ("and", "or") and words[x + 1].endswith("ing")
                                   for x in range(j + 2, len(words) - 1))
                       or self._main_verb_after(first, j)
                       for j in range(first, start - 1))

    def _main_verb_after(self, first: int, j: int) -> bool:
        """Is token j an 'and' joining a finite act verb to the main clause: 'captured a
        commander responsible for planning attacks and detained several suspects' (the
        background's own acts are gerunds or nouns)? Not where a relative clause opened after
        the marker may own the verb ('linked to an attack that killed four and wounded six')."""
        words = self.words
        return words[j] == "and" and not words[j + 1].endswith("ing") \
            and LEXICON.triggers_before.match_at(words, j + 1) is not None \
            and LEXICON.trigger_nouns.match_at(words, j + 1) is None \
            and not any(w in _RELATIVE_PRONOUNS for w in words[first:j])

    def denied(self, start: int) -> bool:
        """'The ministry denied that 40 soldiers were killed': a denial earlier in the clause,
        also of a report word ('rejects claims that its jets killed 30 civilians', 'denied the
        reports that ...'), unless the report has its author ('the claim by the ministry that')."""
        words = self.words
        for j in range(start - 1, -1, -1):
            w = words[j]
            if w in LEXICON.denials:
                return True
            if w in LEXICON.speech_verbs:
                # a report with its author is the author's claim, whoever rejects it ('rejected
                # the claim by the ministry that 45 were killed'): attribute names the ministry
                k = j - 1 if j > 0 and words[j - 1] in _ARTICLES else j
                return k > 0 and words[k - 1] in LEXICON.denials and words[j + 1:j + 2] != ["by"]
            if w in _PUNCT_BREAK or w in LEXICON.speech_scope_breaks:
                return False  # "denied the account and reported eight deaths": a verb of its own
            if w in ("which", "who"):
                return False  # "denied using such weapons in the war which has killed 500": a clause of its own
        return False

    def rate(self, idx: int) -> bool:
        """'killing 250 people a day', '150 strikes per day': a rate, no count of events
        (not 'a day after the raid')."""
        words = self.words
        j = self.phrase_end(idx)
        found = LEXICON.rate_markers.match_at(words, j)
        return found is not None and (j + found[0] >= len(words) or words[j + found[0]] not in _RELATIVE_TIME_WORDS)

    def noun_class_before(self, start: int, category: str) -> str | None:
        """The class of the nearest counted-thing noun before `start` that the category can
        count: what 'them' stands for ('operations against terrorists and their positions
        killing scores of them': the terrorists)."""
        for j in range(start - 1, -1, -1):
            found = LEXICON.object_classes.match_at(self.words, j)
            if found is not None and self.words[j] not in LEXICON.inherit_heads and _compatible(category, found[1][0]):
                return found[1][0]
        return None

    def is_part(self, idx: int) -> bool:
        """Introduced by 'including' / 'among them', directly or as a later item of such a
        list ("including 12 teachers and 303 schoolchildren", "including nine from A, three
        from B and one from C"; ", and" closes the list; without commas "including 12
        teachers 30 pupils and ...", but "including 2 women 29 injured" has a verb of its own)."""
        while idx is not None:
            if self.part_marker_before(self.numbers[idx].tok_start) or self.verbless_comma_part(idx) or self.degree_part(idx) \
                    or self.after_uncounted_items(idx):
                return True
            prev = self.coordinated_with(idx)
            start = self.numbers[idx].tok_start
            before = self.words[start - 2: start]
            if prev is None or not (before[-1:] == ["and"] and before[0] != "," or before[-1:] == [","] and self.list_goes_on(idx)
                                    or self.phrase_end(prev) == start and self._listed_item(idx)):
                return False
            idx = prev
        return False

    def after_uncounted_items(self, idx: int) -> bool:
        """The last item of a part list whose earlier items are bare nouns of people with no
        count: 'including women, children, and two journalists', 'including children and two
        staffers' ('including women and children and 20 others wounded' is no item: no noun)."""
        words = self.words
        k = self.numbers[idx].tok_start - 1
        if k < 1 or words[k] != "and" or not self._listed_item(idx):
            return False
        k -= 2 if words[k - 1] == "," else 1
        while k >= 0:
            noun = LEXICON.object_classes.match_ending_at(words, k)
            if noun is None or PEOPLE_CLASSES.isdisjoint(noun[1]):
                return False
            k -= noun[0]
            if LEXICON.part_markers.match_ending_at(words, k):
                return True
            if k < 0 or words[k] not in (",", "and"):
                return False
            k -= 1
        return False

    def _listed_item(self, idx: int) -> bool:
        """A count whose object is a noun, no participle ('30 pupils', not '29 injured')."""
        obj = self.objects[idx]
        return obj.head is not None and not obj.inherit and not obj.prenominal \
            and LEXICON.triggers_after.match_at(self.words, obj.head) is None

    def verbless_comma_part(self, idx: int) -> bool:
        """', with at least 14 who were seeking aid': after a comma, a count of people with no
        verb of its own is a part of the figure before ('with 50 others injured' is not)."""
        words = self.words
        start = self.numbers[idx].tok_start
        if start < 2 or words[start - 1] not in _COMMA_PART_OPENERS or words[start - 2] != ",":
            return False
        obj = self.objects[idx]
        if obj.inherit or obj.prenominal or obj.object_class not in PEOPLE_CLASSES | {None}:
            return False
        end = self.phrase_end(idx)
        if _has_verb(words[self.numbers[idx].tok_end: self.numbers[idx].tok_end + 1] + words[end: end + 1]):
            return False  # ', with 20 wounded', ', with four rescued': a figure of its own
        return self.category_after(end) is None

    def degree_part(self, idx: int) -> bool:
        """'Four people are injured, at least two seriously, in ...', 'three were killed, two
        by a drone': after a comma, a bare count with only a degree of harm or a cause after
        it is a part of the figure before ('..., two seriously injured' has a verb of its own)."""
        words = self.words
        m = self.numbers[idx]
        if idx == 0 or m.tok_start < 1 or words[m.tok_start - 1] != "," or self.objects[idx].head is not None:
            return False
        end = m.tok_end
        if end < len(words) and words[end] in _CAUSE_PREPOSITIONS:
            return True
        return end < len(words) and words[end] in _HARM_DEGREES \
            and (end + 1 == len(words) or words[end + 1] in _PUNCT_BREAK or words[end + 1] in (",", "in"))

    def list_goes_on(self, idx: int) -> bool:
        """Does another item follow this count ('three from Malawi and ...'), before any verb?"""
        obj = self.objects[idx]
        k = self.phrase_end(idx)
        for w in self.words[k: k + 6]:
            if w in (",", "and"):
                return True
            if w in _BE_HAVE or w in LEXICON.auxiliaries or w in _PUNCT_BREAK:
                return False
        return False


def classify(sentence: Sentence, numbers: list[NumberMention]) -> list[ClaimDraft]:
    """Claims among the sentence's counts, in order."""
    reader = _SentenceReader(sentence, numbers)
    lex = LEXICON
    drafts: list[ClaimDraft | None] = []
    for idx, m in enumerate(numbers):
        if lex.source_markers.match_ending_at(reader.words, m.tok_start - 1):
            drafts.append(None)  # "according to one official": who says, not who died
            continue
        obj = reader.objects[idx]
        if m.tok_start > 1 and reader.words[m.tok_start - 1] == "by" and reader.words[m.tok_start - 2].endswith("ed") \
                and obj.object_class in PEOPLE_CLASSES:
            drafts.append(None)  # "was treated by a medic and was detained": a passive's agent, not who befell it
            continue
        if obj.head is not None and lex.combined_pairs.match_at(reader.words, obj.head):
            drafts.append(None)  # "hundreds of dead and injured people": how many of each is unsaid
            continue
        if reader.words[m.tok_end: m.tok_end + 2] in _PARTITIVES and _says_else_of_part(reader.words, obj.end) \
                and reader.category_after(obj.end) is None:
            drafts.append(None)  # "27 were killed but 12 of them have not been identified": no count of harm
            continue
        category: str | None = None
        cumulative = False
        trigger_tok = None
        aside = None
        object_text, object_class, side = obj.text, obj.object_class, obj.side
        if reader.is_part(idx):
            # a part's own verb wins ("including three civilians killed in Kyiv"), else its whole's
            own = reader.category_after(obj.end)
            if own is not None and reader.words[own[1]].endswith("ing"):
                own = None  # "killed 14 people including three children fleeing ...": who they were
            own = own or reader.category_before(m.tok_start)
            category = _pick(own[0], object_class) if own else None
            whole = _whole_of(reader, drafts, idx, category)
            if category is None and whole is None:
                own = reader.uncounted_whole_category(m.tok_start)
                category = _pick(own[0], object_class) if own else None
            if category is None and whole is not None and _compatible(whole.category, object_class):
                category, cumulative = whole.category, whole.cumulative
            if whole is not None and (object_class is None or obj.inherit):
                object_class = whole.object_class
        if category is None:
            complement = reader.complement_category(idx)
            if complement is not None and _compatible(complement[0], complement[2].object_class):
                category, trigger_tok, obj = complement
                object_text, object_class, side = obj.text, obj.object_class, obj.side
        if category is None and obj.prenominal:
            category = _pick([obj.prenominal], object_class)
            if category != "killed":
                # "six injured civilians died on Saturday": the adjective is what they were,
                # the verb of death after it what the count now says; so does a verb of
                # capture before it: "detained the wounded insurgent"
                after = reader.category_after(reader.skip_coordinated(obj.end))
                # (the verb right before the count, over a noun after the participle)
                before = reader.category_before(m.tok_start) if obj.head is not None and m.tok_start > 0 \
                    and lex.triggers_before.match_ending_at(reader.words, m.tok_start - 1) is not None else None
                fate = _pick(before[0], object_class, verb=True) if before is not None else None
                if after is not None and after[0][0] == "killed":
                    category, trigger_tok = "killed", after[1]
                elif before is not None and fate in lex.fates_over_states:
                    category, trigger_tok = fate, before[1]
        if category is None and obj.head is not None and not obj.inherit:
            noun = lex.trigger_nouns.match_at(reader.words, obj.head)
            if noun is not None and noun[1][0] == "attacks" and reader.words[m.tok_end: m.tok_end + 2] in _PARTITIVES:
                noun = None  # "one of the strikes hit a school": it picks out a strike, it counts none
            if noun is not None and noun[1][0] == "attacks" and _planned(reader.words, m.tok_start, obj.end):
                noun = None  # "several attacks are being planned": none has taken place
            if noun is not None and obj.head + noun[0] >= obj.end:
                category = _pick(noun[1], object_class if noun[1][0] != "attacks" else "event")
                trigger_tok = obj.head
            if reader.words[obj.head] in lex.casualty_words:
                category = "killed" if _says_dead(reader.words[:obj.end] + reader.words[_part_list_end(reader.words, obj.end):]) \
                    else None
        if category is None and m.kind == "times":
            found = reader.times_category(idx)
            if found:
                category, object_text = found
                object_class = "event"
        if category is None:
            before = reader.category_before(m.tok_start)
            if before is not None and m.tok_start > 0 and reader.words[m.tok_start - 1] == "and" \
                    and before[1] < m.tok_start - 1 and reader.passive_trigger_at(reader.skip_coordinated(obj.end)) is not None:
                before = None  # "killed nine soldiers and 20 more were wounded": the second count's own verb
            if before is not None and before[1] == m.tok_start - 1 and reader.headline_pair(before[1], m.tok_start):
                before = None  # "Eight Civilians Killed 14 Injured": 14's own participle
            if before is not None and before[1] == m.tok_start - 1 and object_class in _PEOPLE_OR_OPEN \
                    and reader.toll_category(m.tok_start) is not None:
                before = None  # "the death toll hits 43": the toll's link verb, not a blow (the toll below)
            if before is not None and lex.combined_pairs.match_ending_at(reader.words, before[1]):
                drafts.append(None)  # "captured or killed 40 insurgents": how many of each is unsaid
                continue
            if before is not None:
                category = _pick(before[0], object_class, verb=True)
                trigger_tok = before[1]
        if category is None:
            # a toll before the verbs after: "the death toll increases to 136 with hundreds wounded"
            toll = reader.toll_category(m.tok_start)
            if toll is not None and (obj.head is None or _compatible(toll, object_class)):
                category, cumulative = toll, True
                named = reader.toll_object(m.tok_start) if obj.head is None else None
                if named is not None:
                    object_text, object_class, side = named.text, named.object_class, named.side
        # "identified several insurgents and after questioning two men were detained": a
        # sighting verb's object shares no verb with a clause of its own after it (but "saw a
        # girl, a woman and two men dead": one list)
        sighted = m.tok_start > 0 and reader.words[m.tok_start - 1] in _SIGHTING_VERBS

        def own_clause(end: int) -> bool:
            return sighted and end < len(reader.words) and reader.words[end] in _AUXILIARY_OR_HYPOTHETICAL

        if category is None:
            end = reader.skip_coordinated(obj.end)
            after = reader.category_after(obj.end if own_clause(end) else end)
            if after is not None and any(d is not None and d.aside is not None
                                         and d.aside[0] < m.tok_start < d.aside[1] <= after[1] for d in drafts):
                after = None  # "one girl, who was riding as a passenger, was killed": the verb is the girl's
            if after is not None and lex.combined_pairs.match_at(reader.words, after[1]):
                drafts.append(None)  # "120 fighters were killed or wounded": casualties, not deaths
                continue
            if after is not None:
                # (the people reading only in the passive: "40 fighters were destroyed")
                # (not for the object of a participle: 'a truck carrying 12 soldiers was
                # destroyed' says what befell the truck)
                carried = m.tok_start > 0 and reader.words[m.tok_start - 1].endswith("ing")
                category = _pick(after[0], object_class,
                                 verb=reader.words[after[1] - 1] in _PASSIVE_MARKERS and not carried)
                trigger_tok = after[1]
                aside = reader.last_aside
        if category is None and idx + 1 < len(numbers) and reader.coordinated_with(idx + 1) == idx \
                and not _has_verb(reader.words[reader.phrase_end(idx): numbers[idx + 1].tok_start]) \
                and not own_clause(reader.skip_coordinated(reader.phrase_end(idx + 1))):
            # "Seven people in Kyiv and three more in Rostov are killed": the last item's verb
            nxt = reader.objects[idx + 1]
            after = reader.category_after(reader.skip_coordinated(reader.phrase_end(idx + 1)))
            if after is not None and not lex.combined_pairs.match_at(reader.words, after[1]):
                category = _pick(after[0], object_class)
                trigger_tok = after[1]
        if category is None and m.tok_start > 0 and reader.words[m.tok_start - 1] in LEXICON.closed["victim_taking_verbs"] \
                and (obj.head is None or object_class in PEOPLE_CLASSES) and not reader.hypothetical_before(m.tok_start - 1):
            # "shelling claimed eight and injured 14", "strikes claimed 100 civilians": the
            # victims a blow claimed. Not a speech verb's clause ("claimed 40 soldiers
            # defected", "claimed 12 were killed": a verb after the count)
            j = reader.phrase_end(idx)
            w = reader.words[j] if j < len(reader.words) else "."
            if w not in _BE_HAVE and w not in LEXICON.auxiliaries and not LEXICON.triggers_after.match_at(reader.words, j) \
                    and not (w[:1].isalpha() and w.endswith("ed")):
                category, trigger_tok = "killed", m.tok_start - 1
        partner = reader.coordinated_with(idx)
        unknown_object = obj.text is not None and object_class is None and not obj.inherit
        if category is None and partner is not None and (whole := drafts[partner]) is not None and not unknown_object:
            # the shared verb decides again for this object: "lost 1,295 servicemen [killed]
            # and four tanks [destroyed]"
            shared = lex.triggers_before.match_at(reader.words, whole.trigger_tok) if whole.trigger_tok is not None else None
            category = _pick(shared[1], object_class) if shared else (whole.category if _compatible(whole.category, object_class) else None)
            cumulative = whole.cumulative
            if _part_trigger(reader.words, whole.trigger_tok):
                trigger_tok = whole.trigger_tok  # "Among the dead were 20 children and nine women": both parts
        if category is None or m.implicit and not _singular_counts(category, object_class) or reader.denied(m.tok_start) \
                or reader.rate(idx) \
                or reader.background(m.tok_start, drafts) or obj.text is not None and _collective(reader.words[obj.end - 1], m) \
                and (category != "displaced" or m.implicit):
            drafts.append(None)
            continue
        if obj.inherit and idx > 0 and _uncounted(reader.objects[idx - 1].object_class):
            drafts.append(None)  # "killing three sheep, injuring four others": more of the animals
            continue
        if obj.inherit:
            antecedent = drafts[partner] if partner is not None and drafts[partner] is not None and not reader.is_part(partner) \
                else _previous(reader, drafts, idx)
            if antecedent is not None and _compatible(category, antecedent.object_class):
                object_class = antecedent.object_class
                if object_class == "combatant" and category != "detained" and _others_of_irregulars(reader.words, obj, antecedent):
                    # "killing five militants and injuring 28 others": bystanders too; but
                    # "three gunmen are killed and four others are arrested": more of the gunmen
                    object_class = "person"
        elif (object_class == "person" or obj.head is None) and _elliptic(reader.words, obj, m, trigger_tok):
            antecedent = _previous(reader, drafts, idx)
            if antecedent is not None and _compatible(category, antecedent.object_class):
                object_class = antecedent.object_class  # "332 children killed and 609 injured": children
        if object_class is None and obj.inherit:
            object_class = reader.noun_class_before(m.tok_start, category)
        if object_class is None and obj.text is None and category in PEOPLE_CATEGORIES:
            object_class = reader.shared_class_after(idx)
        if object_class is None and category in PEOPLE_CATEGORIES:
            object_class = "person"
        if object_class is None and category == "attacks":
            object_class = "event"
        if not cumulative:
            cumulative = reader.toll_category(m.tok_start) is not None or _total_before(reader.words, m.tok_start, m.tok_end) \
                or reader.continues_total(idx, drafts, category) or war_total(sentence, m.tok_start)
        drafts.append(ClaimDraft(sentence, m, category, object_text, object_class, side,
                                 cumulative=cumulative, trigger_tok=trigger_tok, aside=aside,
                                 partitive=reader.words[m.tok_end: m.tok_end + 2] in _PARTITIVES
                                 or _part_trigger(reader.words, trigger_tok) or _member_ordinal(reader.words, m) > 0))
    _link_parts(reader, drafts)
    _link_counted_partitives(reader, drafts)
    _match_part_classes(drafts)
    claims = [d for d in drafts if d is not None]
    extra = _anaphor_drafts(reader, drafts) + _second_verb_drafts(reader, claims)
    return sorted(claims + extra, key=lambda d: d.number.start)


def _second_verb_drafts(reader: _SentenceReader, claims: list[ClaimDraft]) -> list[ClaimDraft]:
    """'three leaders are abducted and killed': the same count under a second verb. Not
    after 'killed' ('ten insurgents were killed and detained' splits the ten)."""
    lex = LEXICON
    words = reader.words
    out = []
    for d in claims:
        k = d.trigger_tok
        if k is None or d.number.tok_start > k or d.category == "killed":
            continue  # only after a subject: "N people were abducted and killed"
        found = lex.triggers_after.match_at(words, k)
        if found is None or k + found[0] + 1 >= len(words) or words[k + found[0]] != "and":
            continue
        second = lex.triggers_after.match_at(words, k + found[0] + 1)
        category = _pick(second[1], d.object_class) if second else None
        if category and category != d.category and d.category not in lex.dominant_pair_categories:
            out.append(ClaimDraft(d.sentence, d.number, category, d.object, d.object_class, d.side,
                                  trigger_tok=k + found[0] + 1, aside=d.aside))
    return out


def _anaphor_drafts(reader: _SentenceReader, drafts: list[ClaimDraft | None]) -> list[ClaimDraft]:
    """'kidnapping three soldiers ... and killing them': a second claim about the same count;
    'spotted two insurgents planting a bomb and killed them': the only claim about a count
    of people that no verb of harm named before (`drafts`: the sentence's counts' claims,
    None where a count is none)."""
    lex = LEXICON
    words = reader.words
    if _ANAPHORS.isdisjoint(words):
        return []
    out = []
    for k, w in enumerate(words):
        if w not in _ANAPHORS or k == 0:
            continue
        found = lex.triggers_before.match_ending_at(words, k - 1)
        if found is None or reader.hypothetical_before(k - found[0]):
            continue
        verb = k - found[0]
        # the nearest count before the verb that is a claim, or a count of people that is
        # none and no subject of the verb ('troops killed them')
        ante_idx = next((i for i in reversed(range(len(reader.numbers))) if reader.numbers[i].tok_end <= verb
                         and (drafts[i] is not None or reader.objects[i].object_class in PEOPLE_CLASSES
                              and reader.phrase_end(i) < verb)), None)
        if ante_idx is None:
            continue
        ante = drafts[ante_idx]
        if ante is None:
            m, obj = reader.numbers[ante_idx], reader.objects[ante_idx]
            category = _pick(found[1], obj.object_class)
            if category is not None and (not m.implicit or _singular_counts(category, obj.object_class)):
                out.append(ClaimDraft(reader.sentence, m, category, obj.text, obj.object_class, obj.side, trigger_tok=verb))
            continue
        category = _pick(found[1], ante.object_class)
        if category is None or category == ante.category:
            continue
        n, tok = ante.number, reader.toks[k]
        mention = NumberMention(tok.start, tok.end, k, k + 1, n.value_low, n.value_high, n.value_best,
                                n.qualifier, "anaphor", implicit=n.implicit)
        out.append(ClaimDraft(reader.sentence, mention, category, ante.object, ante.object_class, ante.side,
                              trigger_tok=verb))
    return out


def _collective(head: str, m: NumberMention) -> bool:
    """'a family', 'two households': a group, not people; but a head of singular form
    counted above one is a plural of people ('four staff', 'three crew')."""
    return head in _COLLECTIVES and (head.endswith("s") or m.value_low <= 1)


def _singular_counts(category: str, object_class: str | None) -> bool:
    """'a soldier was killed', 'a tank was destroyed' count one; 'hit a roadside bomb' and
    'in a drone strike' do not."""
    if object_class in PEOPLE_CLASSES or object_class is None:
        return category in PEOPLE_CATEGORIES
    return category in ("destroyed", "intercepted", "seized") and object_class != "event"


_PLAN_VERBS: Final = LEXICON.closed["plan_verbs"]


def _planned(words: list[str], start: int, end: int) -> bool:
    """Are the attacks counted at words[start:end] planned, not made: a plan verb right
    before the count ('were planning three attacks') or as their verb, past auxiliaries
    and a phrase on the attacks ('several attacks involving 34 vehicles are being
    planned')?"""
    if start > 0 and words[start - 1] in _PLAN_VERBS:
        return True
    k = next((j for j in range(end, min(len(words), end + 15)) if words[j] in _BE_HAVE or words[j] in _PUNCT_BREAK
              or words[j] == ","), len(words))
    while k < len(words) and words[k] in LEXICON.auxiliaries:
        k += 1
    return k < len(words) and words[k] in _PLAN_VERBS


def _part_list_end(words: list[str], k: int) -> int:
    """Where a part list right after token k ends (k itself when there is none): in '4,700
    casualties, including about 600 fatalities, ...' the deaths are a part of the
    casualties, which they do not make deaths."""
    j = k + 1 if k < len(words) and words[k] == "," else k
    part = LEXICON.part_markers.match_at(words, j) if j < len(words) else None
    if part is None:
        return k
    return next((x for x in range(j + part[0], len(words)) if words[x] in (",", ".", ";", ")")), len(words))


def _says_dead(words: list[str]) -> bool:
    return any(w in ("dead", "died", "killed", "deaths", "fatalities", "fatal") for w in words)


def _says_else_of_part(words: list[str], j: int) -> bool:
    """Is the verb group at j, after a part of a figure, one that says something else of it
    than harm: be/have, auxiliaries, then the clause's end or a participle that is no trigger
    ('12 of them have not been identified yet', 'six of them were later released'; not '12 of
    them were children', 'five of them were identified as children')?"""
    if j >= len(words) or words[j] not in _BE_HAVE:
        return False
    j += 1
    while j < len(words) and (words[j] in LEXICON.auxiliaries or words[j] in _PART_VERB_FILLERS):
        j += 1
    w = words[j] if j < len(words) else "."
    return not w[:1].isalnum() or w.endswith("ed") and LEXICON.triggers_after.match_at(words, j) is None


def _total_before(words: list[str], start: int, end: int) -> bool:
    """'totaling 1,383', 'a total of 50', 'bringing the total to 53', 'took to 89 the number
    of civilians killed' (the total named after its new figure): a running total."""
    if 0 < start and end + 1 < len(words) and words[start - 1] == "to" and words[end] == "the" \
            and words[end + 1] in _TALLY_NOUNS:
        return True
    return any(LEXICON.total_words.match_ending_at(words, k) for k in range(max(0, start - 4), start))


_WAR_NOUNS: Final = LEXICON.closed["war_nouns"]
_WAR_FOLLOWERS: Final = LEXICON.closed["war_noun_followers"]
_WAR_TOLL_VERBS: Final = LEXICON.closed["war_toll_verbs"]
_WAR_SPANS: Final = LEXICON.closed["war_spans"]
_WAR_ESCAPES: Final = LEXICON.closed["war_escapes"]  # 'have fled the war'
_WAR_DETERMINERS: Final = frozenset({"the", "a", "this", "its", "syrias", "syria's", "whose"})


_NUMBER_JOINERS: Final = ("-", "/")  # inside a modifier before a war noun: "the 30-month war", "a 2-1/2 year conflict"


def war_total(sentence: Sentence, k: int) -> bool:
    """Is the count at token k a toll of the whole war ('the conflict has killed more than
    280000 people', 'a war that has killed 280000', '150000 people have been killed in
    Syrias three-year war', 'killed in the conflict so far')? Such a figure runs from the
    war's start: a running total of unknown start. The war noun must be the war itself,
    not a modifier ('a war monitor said 30 were killed', 'war crimes'), and come with a
    determiner or a possessive within three words before it ('the 30-month war', 'the
    country's civil war')."""
    if _WAR_NOUNS.isdisjoint(sentence.words):
        return False  # asked for each count: most sentences name no war
    toks = sentence.tokens
    n = len(toks)
    for j, tok in enumerate(toks):
        if tok.lower not in _WAR_NOUNS:
            continue
        nxt = toks[j + 1].lower if j + 1 < n else "."
        if nxt[:1].isalnum() and nxt not in _WAR_FOLLOWERS:
            continue
        # "30 - month", "2 - 1 / 2 year" (two and a half) are one word
        reach = 4 + 2 * sum(toks[x].lower in _NUMBER_JOINERS for x in range(max(0, j - 8), j))
        det = next((x for x in range(j - 1, max(-1, j - reach), -1) if toks[x].lower in _WAR_DETERMINERS
                    or toks[x].lower.endswith("'s")), None)  # "the country's five-year war"
        if det is None and j > 3 and toks[j - 1].lower == "of" and toks[j - 2].lower in _WAR_SPANS \
                and (toks[j - 3].lower.isdigit() or toks[j - 3].lower in LEXICON.number_words):
            # "in more than three years of conflict": the counted span's "in" stands for the determiner
            det = next((x + 1 for x in range(j - 4, max(-1, j - 8), -1) if toks[x].lower in ("in", "during")), None)
        if det is None or any(not toks[x].lower[:1].isalnum() and toks[x].lower not in _NUMBER_JOINERS for x in range(det, j)):
            continue  # ("-" joins a modifier: "the 30-month war")
        if det >= 1 and toks[det].lower.endswith("'s") and toks[det - 1].lower in _WAR_DETERMINERS:
            det -= 1  # the possessive's own article: "in the country's war"
        if j < k:
            # the war is the subject: "the conflict (that) has (so far) killed N", also past a
            # relative clause on its start ("the war in Syria which began with the repression
            # of anti-government protests in 2011 has killed N")
            reach = 22 if any(toks[x].lower in _RELATIVE_PRONOUNS for x in range(j + 1, min(n, j + 4))) else 10
            verb = next((x for x in range(j + 1, min(n, j + reach)) if toks[x].lower in _WAR_TOLL_VERBS), None)
            if verb is not None and verb < k and all(toks[x].lower[:1].isalnum() or toks[x].lower == "-" for x in range(j + 1, verb)) \
                    and any(toks[x].lower in ("has", "have", "had") for x in range(j + 1, verb)):
                return True
        elif det >= 1 and det - 1 > k and all(toks[x].lower[:1].isalnum() and toks[x].lower not in ("according", "which", "who", "that")
                                              for x in range(k, det - 1)) \
                and (toks[det - 1].lower in ("in", "during") and any(toks[x].lower in ("killed", "died", "dead") for x in range(k, det - 1))
                     or toks[det - 1].lower in _WAR_ESCAPES):
            # "N people have been killed in the conflict", "four million Syrians have fled the war"
            return True
    return False


_ONE_WORD_DAYS: Final = frozenset(p for p in LEXICON.relative_dates if " " not in p)  # "today", "yesterday", "overnight"


def _day_length(words: list[str], k: int) -> int:
    """The number of tokens of a day named from words[k] on ('Monday', 'on Friday',
    'yesterday'; 0 for none): told between a verb and its object ('arrested Monday a
    Taliban leader')."""
    if 0 <= k < len(words) and (words[k] in LEXICON.weekdays or words[k] in _ONE_WORD_DAYS):
        return 1
    return 2 if 0 <= k + 1 < len(words) and words[k] == "on" and words[k + 1] in LEXICON.weekdays else 0


def _day_before(words: list[str], k: int) -> int | None:
    """The index before a day named ending at words[k], or None."""
    start = next((x for x in (k - 1, k) if _day_length(words, x) == k - x + 1), None)
    return start - 1 if start is not None and start > 0 else None


def _participle(word: str) -> bool:
    """A past participle or an adjective of harm ('killed', 'wounded', 'hurt', 'dead'), not
    a present verb ('Kill', 'Fleeing')."""
    return word.endswith("ed") or word in ("hurt", "dead")


def _link_parts(reader: _SentenceReader, drafts: list[ClaimDraft | None]) -> None:
    """'315 people, including 12 teachers': a part's `part_of` is its whole's position."""
    for idx, d in enumerate(drafts):
        if d is None or not reader.is_part(idx):
            continue
        whole = _whole_of(reader, drafts, idx, d.category)
        if whole is not None:
            d.part_of = whole


def _match_part_classes(drafts: list[ClaimDraft | None]) -> None:
    """A figure of combatants cannot hold civilians: 'sixteen soldiers are killed and 29
    others are injured, including six children' counts people of both kinds. A part of a
    figure of civilians is civilians: '900 civilians including 200 children and 550 men'.
    But minors within a figure named as fighters are child fighters: '80 fighters among
    them 12 teenagers'."""
    for d in drafts:
        if d is None or d.part_of is None:
            continue
        if d.object_class == "civilian" and d.part_of.object_class == "combatant":
            if d.object is not None and d.object.rsplit(None, 1)[-1].lower() in _MINOR_NOUNS \
                    and d.part_of.object is not None and d.part_of.object.rsplit(None, 1)[-1].lower() not in _OTHERS_WORDS:
                d.object_class = "combatant"
            else:
                d.part_of.object_class = "person"
        elif d.object_class == "person" and d.part_of.object_class == "civilian":
            d.object_class = "civilian"


def _link_counted_partitives(reader: _SentenceReader, drafts: list[ClaimDraft | None]) -> None:
    """'one of multiple insurgents detained': the first count is a part of the second."""
    for d in drafts:
        if d is None or d.part_of is not None:
            continue
        k = d.number.tok_end
        if k < len(reader.words) and reader.words[k] == "of" and k + 1 in reader.starts:
            whole = drafts[reader.starts[k + 1]]
            if whole is not None and whole.category == d.category:
                d.part_of = whole


def _whole_of(reader: _SentenceReader, drafts: list[ClaimDraft | None], idx: int,
              category: str | None = None) -> ClaimDraft | None:
    """The nearest earlier claim that is not itself a part and counts the same kind of
    thing, in the same category when the part has one."""
    people = reader.objects[idx].object_class in PEOPLE_CLASSES or reader.objects[idx].object_class is None
    candidates = [d for p in range(idx - 1, -1, -1)
                  if (d := drafts[p]) is not None and not reader.is_part(p) and (d.object_class in PEOPLE_CLASSES) == people]
    found = [c for c in candidates if c.category == category] or candidates
    return found[0] if found else None


def _previous(reader: _SentenceReader, drafts: list[ClaimDraft | None], idx: int) -> ClaimDraft | None:
    """The nearest earlier claim that is not a part: what "others" / "another" continue."""
    return next((d for p in range(idx - 1, -1, -1) if (d := drafts[p]) is not None and not reader.is_part(p)), None)


def _has_verb(words: list[str]) -> bool:
    """An auxiliary or a past form (-ed) among words: 'seven are rescued and', 'two rescued and'."""
    return any(w in LEXICON.auxiliaries or w in _BE_HAVE or w.endswith("ed") for w in words)


def _elliptic(words: list[str], obj: CountedObject, m: NumberMention, trigger_tok: int | None) -> bool:
    """'and 609 injured': a count after 'and' whose only word is its predicate leaves its noun
    to the figure before it; so does a bare count after 'and' and a verb of its own
    ('killing one soldier and injuring two')."""
    if obj.head is None:
        return trigger_tok is not None and 0 < trigger_tok < m.tok_start and words[trigger_tok - 1] == "and"
    return obj.head == m.tok_end and obj.end == m.tok_end + 1 and m.tok_start > 0 and words[m.tok_start - 1] == "and" \
        and LEXICON.triggers_after.match_at(words, obj.head) is not None


def _others_of_irregulars(words: list[str], obj: CountedObject, antecedent: ClaimDraft) -> bool:
    """'others' after irregular fighters is unspecified people; 'them' and 'more' are
    more of the same group."""
    head = (antecedent.object or "").lower().split()[-1:]
    return bool(head) and head[0] in LEXICON.irregular_heads and obj.head is not None \
        and words[obj.head] in _OTHERS_WORDS


def sums_up_events(sentence: Sentence, operations: bool = False) -> bool:
    """'Numerous insurgents were killed during separate operations', 'detained several
    suspects in operations yesterday throughout Afghanistan': a roundup of several events,
    which the sentences after it report one by one. With operations, also a figure 'in' or
    'during' a force's operations, missions or engagements ('killed eight militants and
    detained five in recent operations'), which sums up the exact figures after it but is
    too loose to make a vague word restate any of them ('has reported hundreds of
    civilians killed in operations against IS'). A span of recent days over an area
    sums up too ('... throughout Afghanistan in recent days, capturing several leaders'),
    and so do a force's operations the report itself sums up ('detained several suspected
    militants in recent operations', 'in various recent operations': roundup_modifiers)."""
    words = sentence.words
    # every reading needs a roundup head, or an operation head after a preposition: most
    # sentences hold neither, and a set test in C spares them the scan
    if _ROUNDUP_HEADS.isdisjoint(words) and (not operations or _OPERATION_HEADS.isdisjoint(words)) \
            and _RECENT_SPAN_HEADS.isdisjoint(words):
        return False
    for k, w in enumerate(words):
        if w == "separate" and (k == 0 or words[k - 1] not in LEXICON.closed["singular_articles"]):
            for x in range(k + 1, min(len(words), k + 6)):
                if words[x] in _ROUNDUP_HEADS:
                    return True
                if not _is_word(words[x]):
                    break
        elif w in _ROUNDUP_PREPOSITIONS and (operations or words[k + 1:k + 2] and words[k + 1] in _ROUNDUP_MODIFIERS):
            # "in operations", "during several operations": at most two modifiers, no article;
            # without operations, only modifiers that make them the report's own events
            for x in range(k + 1, min(len(words), k + 4)):
                if words[x] in _OPERATION_HEADS:
                    return True
                if not _is_word(words[x]) or words[x] in LEXICON.determiners \
                        or not operations and words[x] not in _ROUNDUP_MODIFIERS:
                    break
        elif w in _ROUNDUP_HEADS and 0 < k and words[k - 1] in _ROUNDUP_PREPOSITIONS \
                and not _SPREAD_PREPOSITIONS.isdisjoint(words[k + 1:k + 4]):
            return True
        elif w in _RECENT_SPAN_HEADS and _RECENT_SPAN_WORDS.intersection(words[max(0, k - 2):k]) \
                and not _SPREAD_PREPOSITIONS.isdisjoint(words):
            # "worked together throughout Afghanistan in recent days, capturing several leaders"
            return True
    return False


def drop_counted_definites(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """'killed the insurgent' counts one only when nothing before it in the article was
    counted in that category: after 'two insurgents were killed' or 'killing Baqi, a
    Taliban leader' it names someone already counted. A roundup's vague word counts nobody
    of its own ('numerous insurgents were killed during separate operations'): its events
    follow."""
    counted = [not (d.number.qualifier == "vague" and sums_up_events(d.sentence)) for d in drafts]
    return [d for i, d in enumerate(drafts)
            if d.number.kind != "bare_definite"
            or all(e.category != d.category for e, c in zip(drafts[:i], counted) if c)]


def drop_appositive_singulars(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """'A 23-year-old man, an Islamic State member, is arrested', 'killed a police officer,
    a father of three, in ...': a person set off by commas right after another singular
    person of the same category is the same person, unless the commas make a list ('a
    soldier, a policeman and a civilian', 'a soldier, a policeman, and a civilian').
    Things are listed without a joiner ('destroyed a house-borne IED, an IED-making
    facility, ...'): they are left alone."""
    kept: list[ClaimDraft] = []
    for d in drafts:
        before = kept[-1] if kept else None
        if before is not None and _restates_singular(before, d):
            continue
        kept.append(d)
    return kept


def _restates_singular(first: ClaimDraft, second: ClaimDraft) -> bool:
    if not (first.number.implicit and second.number.implicit and first.sentence is second.sentence
            and first.category == second.category and first.object and second.object
            and first.object_class in PEOPLE_CLASSES and second.object_class in PEOPLE_CLASSES):
        return False
    words = second.sentence.words
    comma = second.number.tok_start - 1
    if comma <= first.number.tok_end or words[comma] != ",":
        return False
    # the first noun phrase runs up to the comma: 'a 23-year-old man ,'
    if words[comma - 1] != first.object.lower().split()[-1]:
        return False
    # the second ends at the next comma or stop, with no 'and'/'or' inside it or right after it
    k = second.number.tok_end
    while k < len(words) and words[k] not in (",", ".", ";") and words[k] not in _ITEM_JOINERS:
        k += 1
    if k < len(words) and words[k] in _ITEM_JOINERS:
        return False
    after = words[k + 1] if k + 1 < len(words) and words[k] == "," else ""
    return after not in _ITEM_JOINERS and after not in _SINGULAR_ARTICLES and not after[:1].isdigit() \
        and after not in LEXICON.number_words


def _part_trigger(words: list[str], trigger_tok: int | None) -> bool:
    """Does the trigger name the count as part of the dead or wounded ('Among the dead were
    20 children', 'The wounded included four medics', 'six children were among the dead')?"""
    if trigger_tok is None:
        return False
    found = LEXICON.triggers_after.match_at(words, trigger_tok) or LEXICON.triggers_before.match_at(words, trigger_tok)
    return found is not None and not _PART_TRIGGER_WORDS.isdisjoint(words[trigger_tok: trigger_tok + found[0]])


def _member_ordinal(words: list[str], m: NumberMention) -> int:
    """'a second insurgent was killed': the ordinal of a singular that picks out one member
    of a group (0 for any other count)."""
    if m.kind != "singular" or m.tok_end >= len(words):
        return 0
    return LEXICON.ordinals.get(words[m.tok_end], 0)


def link_partitives(drafts: list[ClaimDraft], events: list[Event]) -> None:
    """Parts across sentences: partitives ('Baqi was one of the insurgents killed'), the
    rest of a list that restates a figure, lists whose sum another sentence states, and
    the events a lead's figure sums up. A part and its whole are told of one event
    (`events`: the event of each sentence of the article): the items of a roundup are no
    parts of each other, though all of them are parts of the lead's figure that sums them up."""
    _link_partitive_parts(drafts, events)
    _link_named_members(drafts, events)
    _link_list_remainders(drafts)
    _link_listed_sums(drafts, events)
    _link_breakdowns(drafts, events)


def _link_partitive_parts(drafts: list[ClaimDraft], events: list[Event]) -> None:
    """'Baqi was one of the insurgents killed': a part of the nearest earlier figure of the
    event in the same category. 'A second insurgent was killed' is a part of an earlier
    figure of at least two ('killed two insurgents'), not of 'killed a gunman' before it."""
    for i, d in enumerate(drafts):
        if not d.partitive or d.part_of is not None:
            continue
        least = max(d.number.value_best + 1, _member_ordinal(d.sentence.words, d.number))
        # the nearest may itself be a part told in an earlier sentence, of fighters both
        # ('killed 11' ... 'killed six of the enemy fighters' ... 'Four of the insurgents were
        # killed': four of the six); a toll's children and women are parts side by side
        earlier = [e for e in drafts[:i] if e.category == d.category and (e.part_of is None or e.partitive
                   and e.sentence.index != d.sentence.index and e.object_class == d.object_class == "combatant")
                   and events[e.sentence.index] == events[d.sentence.index]
                   and (e.object_class in PEOPLE_CLASSES) == (d.object_class in PEOPLE_CLASSES)
                   and e.number.value_best >= least]
        if earlier:
            d.part_of = earlier[-1]


def _link_named_members(drafts: list[ClaimDraft], events: list[Event]) -> None:
    """'killed Nasruddin, a Taliban subcommander' ... 'Five insurgents, including Nasruddin,
    were killed': a named person is a part of the figure of the event in the same category
    whose "including" names him again."""
    for d in drafts:
        if d.number.kind != "singular" or d.part_of is not None or d.object_class not in PEOPLE_CLASSES:
            continue
        title = set((d.object or "").lower().split())
        name = [t.text for t in d.sentence.tokens if d.number.start <= t.start < d.number.end
                and t.text[:1].isupper() and t.text.isalpha() and t.text.lower() not in title]
        if not name:
            continue
        for e in drafts:
            if e is d or e.category != d.category or e.number.implicit or e.part_of is not None \
                    or e.number.value_best <= 1 or events[e.sentence.index] != events[d.sentence.index]:
                continue
            raw = [t.text for t in e.sentence.tokens]
            words = e.sentence.words
            end = min(len(words), e.number.tok_end + 8)
            marks = [k + n for k in range(e.number.tok_end, end)
                     for n in [(LEXICON.part_markers.match_at(words, k) or (0,))[0]] if n]
            if any(n in raw[k: k + 4] for k in marks for n in name):
                d.part_of = e
                break


def _link_list_remainders(drafts: list[ClaimDraft]) -> None:
    """'detained four suspected insurgents, including a sub-commander' ... 'the commander
    and three additional suspected insurgents were detained': the later list restates the
    four, so its three are a part of the four, not more people. Applies when "the
    commander" refers back to a named part ("a sub-commander", or "one of the four was a
    commander") and the list adds up to the whole exactly, or when the whole is a vague
    word ('detained a number of suspected insurgents including a Taliban facilitator' ...
    'detained the facilitator and several suspected associates'): the list tells what the
    vague word stood for, and the whole is at least the list's sum."""
    for i, d in enumerate(drafts):
        if d.number.kind != "definite" or d.object_class not in PEOPLE_CLASSES:
            continue
        referent = next((e for e in reversed(drafts[:i]) if (e.number.implicit or e.partitive)
                         and e.number.value_best == 1 and e.category == d.category
                         and e.object_class in PEOPLE_CLASSES), None)
        whole = referent.part_of if referent is not None else None
        if whole is None:
            continue
        rest = [e for e in drafts[i + 1:] if e.sentence.index == d.sentence.index and e.category == d.category
                and e.object_class in PEOPLE_CLASSES and e.part_of is None and not e.number.implicit]
        if len(rest) != 1:
            continue
        listed = 1 + rest[0].number.value_best
        if whole.number.qualifier == "vague":
            rest[0].part_of = whole
            if listed > whole.number.value_best:
                n = whole.number
                whole.number = replace(n, value_low=listed, value_best=listed,
                                       value_high=None if n.value_high is None else max(n.value_high, listed))
        elif rest[0].number.qualifier == "exact" and listed == whole.number.value_best:
            rest[0].part_of = whole


def joined(first: ClaimDraft, second: ClaimDraft) -> bool:
    """Are two figures of one sentence items of one list ('a woman and nine children',
    'five ... as well as six militants'), not a repeat ('A person injured ... A person was
    injured') or figures of two clauses?"""
    toks = first.sentence.tokens
    between = [t.lower for t in toks[first.number.tok_end:second.number.tok_start]]
    return len(between) <= 8 and not LEXICON.closed["list_joiners"].isdisjoint(between) \
        and not any(w[:1].isdigit() or w in (",", ";", ".") for w in between)


_BREAKDOWN_MAX: Final = 12  # later figures a roundup's figure may sum up: roundups list a handful of events


def _link_breakdowns(drafts: list[ClaimDraft], events: list[Event]) -> None:
    """'Coalition forces killed eight militants and detained five in recent operations' ...
    'troops killed two militants in Farah' ... 'killed six fighters in Maywand': the figures
    the sentences after a lead give event by event are parts of the lead's. A roundup's
    figure ('in operations', 'during separate operations') is the whole of all of its
    category's later figures when they come to no more than it (a release may leave events
    out); an article's first exact figure of a category is the whole of the later exact
    figures that, from the first on, add up to it exactly: of any event when it is told of
    events in the plural ('killed in airstrikes', 'in rocket attacks'), else of its own
    event. Figures as large as the whole
    restate it, and are left alone; so are the figures beside it in its own sentence or,
    unless they are parts of it, in one restating it (a headline's '2 Taliban Leaders', the
    lead's 'two Taliban leaders and a suspected insurgent'; but 'killed 31 civilians
    including 10 on a bus' ... 'the 10 killed on the bus, 21 others died').
    A whole that is an item of a list sums up its own item only, and a whole told before
    'In other operations yesterday:' or 'A separate force ...' (an event told apart as
    another operation: event_numbers) sums up nothing from there on."""
    wholes = [w for w in drafts if w.object_class in PEOPLE_CLASSES and w.part_of is None and not w.partitive
              and not w.cumulative and w.number.qualifier in ("exact", "at_least", "more_than")
              and w.number.kind != "definite" and not w.number.implicit and w.number.value_best >= 2]
    first: dict[str, ClaimDraft] = {}
    for w in wholes:
        first.setdefault(w.category, w)
    for w in reversed(wholes):  # a figure broken down inside a larger one is the nearer whole
        roundup = sums_up_events(w.sentence, operations=True)
        if not roundup and first[w.category] is not w:
            continue
        # a figure beside the whole ('kill 10 children, 5 women') and its repeats are no parts
        told = {d.sentence.index for d in drafts if d.category == w.category and d.number.value_best == w.number.value_best}
        beside = {d.number.value_best for d in drafts if d.sentence.index in told and d.category == w.category
                  and (d.sentence is w.sentence or d.part_of is None)}
        # a whole that is an item of a list, or an article's first figure told of no events
        # in the plural ('killed in airstrikes', 'in rocket attacks on Aleppo and Deir
        # Ezzor'), is broken down within its own event only: 'killed two insurgents in
        # Marjah' is no whole of 'Also today, ... killed an insurgent' in Paktia
        # a headline's figure that the body does not restate ('Troops Kill 15 Militants' over
        # '14 armed militants' in Zabul and, 'In other operations', one in Kandahar) is told of
        # the whole release: its exact parts may come from any event of the body
        headline = w.sentence.field == "title" and not any(
            d.sentence.field == "body" and d.sentence.text != w.sentence.text and d.category == w.category
            and d.number.value_best == w.number.value_best for d in drafts)
        several = roundup or headline or not _ROUNDUP_HEADS.isdisjoint(w.sentence.words)
        item = events[w.sentence.index] if events[w.sentence.index].listed or not several else None
        end = len(events) if headline else next(
            (k for k in range(w.sentence.index + 1, len(events))
             if events[k].other_operation and events[k].number > events[w.sentence.index].number), len(events))

        def later_until(stop: int) -> list[ClaimDraft]:
            return [d for d in drafts if w.sentence.index < d.sentence.index < stop and d.category == w.category
                    and (item is None or events[d.sentence.index] == item)
                    and d.object_class in PEOPLE_CLASSES and d.part_of is None and not d.cumulative
                    and d.number.kind not in ("definite", "bare_plural") and d.number.value_best < w.number.value_best
                    and d.number.value_best not in beside][:_BREAKDOWN_MAX]
        later = later_until(end)
        if roundup and sum(d.number.value_best for d in later) <= w.number.value_best:
            parts = later
        else:
            exact = [d for d in later if d.number.qualifier == "exact"]
            # failing a sum of later figures, fighters linked before as parts of it (or of the
            # figure restating it: the headline's 11 told again by the lead) count toward it:
            # 'killed 11' = 'six of the enemy fighters' + five killed elsewhere
            told_parts = sum(d.number.value_best for d in drafts if d.part_of is not None and d.partitive
                             and d.object_class == "combatant" and d.part_of.category == w.category
                             and d.part_of.number.value_best == w.number.value_best)
            parts = _summands(exact, w.number.value_best) or (
                _summands(exact, w.number.value_best - told_parts, 1) if told_parts else [])
        if roundup and end < len(events) and sum(d.number.value_best for d in parts) < w.number.value_best:
            # "detained seven suspects during operations overnight" ... "In a separate
            # operation, ... five suspects": an exact sum reaching past the other operation
            parts = _summands([d for d in later_until(len(events)) if d.number.qualifier == "exact"],
                              w.number.value_best) or parts
        for d in parts:
            d.part_of = w


def _summands(figures: list[ClaimDraft], total: int, least: int = 2) -> list[ClaimDraft]:
    """`least` (two) or more figures, taken in the article's order from the first, that add up to
    total ('killed two militants in Farah' ... 'killed six fighters in Maywand' for a lead's
    eight). A figure repeating the one just taken restates it ('killed two militants' ...
    'but two were killed as the patrol cleared the area') and is not added; failing a sum
    that way, only one in the very next sentence is taken for a restatement ('detained
    eight suspects' in one district, 'detained eight suspects' in another, paragraphs
    apart)."""
    for reach in (None, 1):
        taken: list[ClaimDraft] = []
        left = total
        for d in figures:
            if taken and d.number.value_best == taken[-1].number.value_best \
                    and (reach is None or d.sentence.index - taken[-1].sentence.index <= reach):
                continue
            if d.number.value_best > left:
                break
            taken.append(d)
            left -= d.number.value_best
            if left == 0:
                if len(taken) >= least:
                    return taken
                break
    return []


def _link_listed_sums(drafts: list[ClaimDraft], events: list[Event]) -> None:
    """'killed a Taliban leader and one insurgent' ... 'two insurgents, including Badam,
    were killed': a figure of another sentence of the event that equals the sum of a list
    of people is the list's total, and the listed figures are its parts."""
    def listable(d: ClaimDraft, qualifiers: tuple[str, ...] = ("exact",)) -> bool:
        return d.object_class in PEOPLE_CLASSES and d.part_of is None and d.number.qualifier in qualifiers \
            and not d.partitive and not d.cumulative and d.number.kind != "definite"
    by_sentence: dict[tuple[int, str], list[ClaimDraft]] = {}
    for d in drafts:
        if listable(d):
            by_sentence.setdefault((d.sentence.index, d.category), []).append(d)
    for (index, category), listed in by_sentence.items():
        if len(listed) < 2 or not all(joined(a, b) for a, b in zip(listed, listed[1:])):
            continue
        total = sum(d.number.value_best for d in listed)
        wholes = [d for d in drafts if listable(d, ("exact", "at_least")) and d.category == category
                  and d.sentence.index != index and events[d.sentence.index] == events[index]
                  and d.number.value_best == total]
        for d in listed if wholes else ():
            d.part_of = wholes[0]
