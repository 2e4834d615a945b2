"""The word lists (tracker/lexicons/*.json) and vague-quantity profiles (schemas/vague/),
loaded once into look-up tables.

A phrase table maps word tuples to values and answers "which listed phrase starts (or
ends) at this token", longest first, in one dict look-up per candidate length.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path
from typing import Final

# The package's folder as its importer found it: mypyc gives a compiled module a wrong __file__.
PACKAGE_DIR: Final = Path(str(files("tracker")))
LEXICON_DIR: Final = PACKAGE_DIR / "lexicons"
# The object classes (objects.json) that count people: the categories killed, injured, ... count them.
PEOPLE_CLASSES: Final = frozenset({"combatant", "civilian", "person"})
SCHEMA_DIR: Final = PACKAGE_DIR.parent / "schemas"
VAGUE_DIR: Final = SCHEMA_DIR / "vague"


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


class PhraseTable:
    """Phrases (tuples of lower-case words) to values; a phrase may map to several values."""

    def __init__(self, items: Mapping[str, object] | Sequence[tuple[str, object]] | Sequence[str]):
        self._by_first: dict[str, list[tuple[tuple[str, ...], list]]] = {}
        self._by_last: dict[str, list[tuple[tuple[str, ...], list]]] = {}
        pairs = items.items() if isinstance(items, Mapping) else (
            (i, True) if isinstance(i, str) else i for i in items
        )
        merged: dict[tuple[str, ...], list] = {}
        for phrase, value in pairs:
            merged.setdefault(_words(phrase), []).append(value)
        for words, values in merged.items():
            self._by_first.setdefault(words[0], []).append((words, values))
            self._by_last.setdefault(words[-1], []).append((words, values))
        for table in (self._by_first, self._by_last):
            for entries in table.values():
                entries.sort(key=lambda e: -len(e[0]))
        # what the matchers scan, per entry: its length, its words as a list (compared with
        # a slice of the sentence's word list as it is) and the (length, values) answer
        self._starting = {w: tuple((len(p), list(p), (len(p), v)) for p, v in es) for w, es in self._by_first.items()}
        self._ending = {w: tuple((len(p), list(p), (len(p), v)) for p, v in es) for w, es in self._by_last.items()}
        self.first_words = frozenset(self._by_first)

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    def phrases(self) -> list[tuple[tuple[str, ...], list]]:
        """Every (phrase, values) pair of the table."""
        return [entry for entries in self._by_first.values() for entry in entries]

    def match_at(self, words: list[str], i: int) -> tuple[int, list] | None:
        """The longest phrase starting at words[i]: (length, values)."""
        entries = self._starting.get(words[i]) if i < len(words) else None
        if entries is None:  # most words start no phrase: one look-up
            return None
        for n, phrase, found in entries:
            if n == 1 or words[i : i + n] == phrase:
                return found
        return None

    def match_ending_at(self, words: list[str], j: int) -> tuple[int, list] | None:
        """The longest phrase ending at words[j] (inclusive): (length, values)."""
        entries = self._ending.get(words[j]) if 0 <= j < len(words) else None
        if entries is None:
            return None
        for n, phrase, found in entries:
            if n == 1 or j - n + 1 >= 0 and words[j - n + 1 : j + 1] == phrase:
                return found
        return None

    def first_end(self, words: list[str]) -> int | None:
        """Where the first listed phrase in words ends (index of its last word)."""
        by_last = self._ending
        if self.first_words.isdisjoint(words):  # no phrase without its first word: no scan word by word
            return None
        return next((j for j, w in enumerate(words) if w in by_last and self.match_ending_at(words, j)), None)


def _by_category(section: dict[str, list[str]]) -> PhraseTable:
    return PhraseTable([(phrase, category) for category, phrases in section.items() for phrase in phrases])


def _complements(groups: list[dict]) -> dict[str, PhraseTable]:
    """Each verb of a group -> the group's object complements by category."""
    out: dict[str, PhraseTable] = {}
    for group in groups:
        table = _by_category(group["complements"])
        out.update((verb, table) for verb in group["verbs"])
    return out


def _singular(phrase: str) -> str | None:
    """A plural head's singular: 'settlers' -> 'settler', 'militias' -> 'militia', 'men' -> 'man'."""
    head = phrase.split()[-1]
    if head.endswith("men"):
        single = head[:-3] + "man"
    elif head.endswith("ies") and len(head) > 4:
        single = head[:-3] + "y"
    elif head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        single = head[:-1]
    else:
        return None
    return phrase[: len(phrase) - len(head)] + single


def _with_singulars(classes: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Every listed noun with its class, plus the singulars the lists leave out ('a settler')."""
    listed = [(p, cls) for cls, ps in classes.items() for p in ps]
    known = {p for p, _cls in listed}
    extra = [(s, cls) for p, cls in listed if cls != "event" and (s := _singular(p)) and s not in known]
    return listed + extra


def _load(name: str) -> dict:
    with open(LEXICON_DIR / name, encoding="utf-8") as f:
        return json.load(f)


@dataclass(frozen=True)
class Lexicon:
    number_units: dict[str, int]
    number_tens: dict[str, int]
    number_scales: dict[str, int]
    number_fixed: PhraseTable
    times_words: dict[str, int]
    ordinals: dict[str, int]  # 'a second insurgent': a member of a group already counted
    qualifiers_before: PhraseTable
    qualifiers_after: PhraseTable
    range_joiners: frozenset[str]
    range_openers: frozenset[str]
    triggers_before: PhraseTable
    triggers_after: PhraseTable
    trigger_nouns: PhraseTable
    trigger_prenominal: PhraseTable
    toll_words: PhraseTable
    toll_links: PhraseTable
    total_words: PhraseTable
    times_verbs: PhraseTable
    casualty_words: frozenset[str]
    combined_pairs: PhraseTable
    dominant_pair_categories: frozenset[str]
    fates_over_states: frozenset[str]  # "detained the wounded insurgent": the verb's category wins
    people_readings: dict[str, str]  # a thing category said of people: 'destroyed 40 militants' is killed
    complements: dict[str, PhraseTable]  # a verb -> its object complements by category: 'took' -> 'hostage' abducted
    object_classes: PhraseTable
    civilian_modifiers: frozenset[str]
    generic_armed_heads: frozenset[str]
    combatant_modifiers: frozenset[str]
    inherit_heads: frozenset[str]
    irregular_heads: frozenset[str]
    name_heads: frozenset[str]
    toll_heads: frozenset[str]
    auxiliaries: frozenset[str]
    determiners: frozenset[str]
    stop_words: frozenset[str]
    clause_breaks: frozenset[str]
    speech_scope_breaks: frozenset[str]
    part_markers: PhraseTable
    hypothetical: frozenset[str]
    denials: frozenset[str]
    realized_before_to: frozenset[str]
    additional_markers: frozenset[str]
    background_markers: PhraseTable
    source_markers: PhraseTable
    rate_markers: PhraseTable  # "a day", "per day" after a count: a rate
    topic_shifts: PhraseTable
    other_operations: PhraseTable  # "A separate force ...": an operation told apart from those before it
    closed: dict[str, frozenset[str]]  # small closed word classes by name (grammar.json "closed_classes")
    speech_verbs: frozenset[str]
    speech_markers_before: PhraseTable
    unattributed_markers: PhraseTable
    pronouns: dict[str, str]
    roles: PhraseTable
    org_words: frozenset[str]
    person_titles: PhraseTable
    non_count_units: PhraseTable
    non_count_before: frozenset[str]
    abbreviations: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_dates: dict[str, list]
    span_units: dict[str, float]  # "days": 1, "weeks": 7 (dates.json, with span_openers and span_after)
    span_openers: frozenset[str]
    span_after: frozenset[str]
    to_date_phrases: frozenset[str]
    to_date_openers: PhraseTable
    named_days: dict[str, str]  # "october 7": "2023-10-07", before named_day_nouns (dates.json)
    named_day_nouns: frozenset[str]
    trigger_vocabulary: frozenset[str]  # the telling word of every trigger phrase: the cheap pre-filter

    @cached_property
    def number_words(self) -> frozenset[str]:
        return frozenset(self.number_units) | frozenset(self.number_tens) | frozenset(self.number_scales)


@cache
def load_lexicon() -> Lexicon:
    numbers = _load("numbers.json")
    quals = _load("qualifiers.json")
    trig = _load("triggers.json")
    objs = _load("objects.json")
    gram = _load("grammar.json")
    dates = _load("dates.json")
    triggers_before = _by_category(trig["before"])
    triggers_after = _by_category(trig["after"])
    trigger_nouns = _by_category(trig["nouns"])
    prenominal = _by_category(trig["prenominal"])
    toll_words = PhraseTable(trig["toll_words"])
    times_verbs = PhraseTable(trig["times_verbs"])
    # The gate of the cheap pre-filter: one telling word of every trigger phrase ("custody"
    # for "in custody", "fire" for "opened fire", "carried" for "carried out"). A phrase
    # matches only with all its words, so one word is enough; the longest word that is not
    # a function word is the rarest one ("the" or "of" would let nearly every sentence in).
    function_words = frozenset(gram["function_words"])
    phrases = [p for section in ("before", "after", "nouns", "prenominal") for ps in trig[section].values() for p in ps]
    phrases += list(trig["toll_words"]) + list(trig["times_verbs"])
    phrases += [w for group in trig["object_complements"] for ws in group["complements"].values() for w in ws]
    vocabulary = frozenset(
        max(reversed([w for w in p.lower().split() if w not in function_words] or p.lower().split()), key=len)
        for p in phrases  # ties go to the last word: "lost their lives" -> "lives"
    )
    return Lexicon(
        number_units=numbers["units"],
        number_tens=numbers["tens"],
        number_scales=numbers["scales"],
        number_fixed=PhraseTable(numbers["fixed"]),
        times_words=numbers["times"],
        ordinals=numbers["ordinals"],
        qualifiers_before=PhraseTable(quals["before"]),
        qualifiers_after=PhraseTable(quals["after"]),
        range_joiners=frozenset(quals["range_joiners"]),
        range_openers=frozenset(quals["range_openers"]),
        triggers_before=triggers_before,
        triggers_after=triggers_after,
        trigger_nouns=trigger_nouns,
        trigger_prenominal=prenominal,
        toll_words=toll_words,
        toll_links=PhraseTable(trig["toll_links"]),
        total_words=PhraseTable(trig["total_words"]),
        times_verbs=times_verbs,
        casualty_words=frozenset(trig["casualty_words"]),
        combined_pairs=PhraseTable(trig["combined_pairs"]),
        dominant_pair_categories=frozenset(trig["dominant_pair_categories"]),
        fates_over_states=frozenset(trig["fates_over_states"]),
        people_readings=dict(trig["people_readings"]),
        complements=_complements(trig["object_complements"]),
        object_classes=PhraseTable(_with_singulars(objs["classes"])),
        civilian_modifiers=frozenset(objs["civilian_modifiers"]),
        generic_armed_heads=frozenset(objs["generic_armed_heads"]),
        combatant_modifiers=frozenset(objs["combatant_modifiers"]),
        inherit_heads=frozenset(objs["inherit"]),
        irregular_heads=frozenset(objs["irregular_heads"]),
        name_heads=frozenset(objs["name_heads"]),
        toll_heads=frozenset(objs["toll_heads"]),
        auxiliaries=frozenset(gram["auxiliaries"]),
        determiners=frozenset(gram["determiners"]),
        stop_words=frozenset(gram["stop_words"]),
        clause_breaks=frozenset(gram["clause_breaks"]),
        speech_scope_breaks=frozenset(gram["speech_scope_breaks"]),
        part_markers=PhraseTable(gram["part_markers"]),
        hypothetical=frozenset(gram["hypothetical"]),
        denials=frozenset(gram["denials"]),
        realized_before_to=frozenset(gram["realized_before_to"]),
        additional_markers=frozenset(gram["additional_markers"]),
        background_markers=PhraseTable(gram["background_markers"]),
        source_markers=PhraseTable(gram["source_markers"]),
        rate_markers=PhraseTable(gram["rate_markers"]),
        topic_shifts=PhraseTable(gram["topic_shifts"]),
        other_operations=PhraseTable(gram["other_operations"]),
        closed={name: frozenset(words) for name, words in gram["closed_classes"].items() if not name.startswith("_")},
        speech_verbs=frozenset(gram["speech_verbs"]),
        speech_markers_before=PhraseTable(gram["speech_markers_before"]),
        unattributed_markers=PhraseTable(gram["unattributed_markers"]),
        pronouns=gram["pronouns"],
        roles=PhraseTable([(p, role) for role, ps in gram["roles"].items() for p in ps]),
        org_words=frozenset(gram["org_words"]),
        person_titles=PhraseTable(gram["person_titles"]),
        non_count_units=PhraseTable(gram["non_count_units"]),
        non_count_before=frozenset(gram["non_count_before"]),
        abbreviations=frozenset(gram["abbreviations"]),
        months=dates["months"],
        weekdays=dates["weekdays"],
        relative_dates=dates["relative"],
        span_units=dates["span_units"],
        span_openers=frozenset(dates["span_openers"]),
        span_after=frozenset(dates["span_after"]),
        to_date_phrases=frozenset(dates["to_date"]),
        to_date_openers=PhraseTable(dates["to_date_openers"]),
        named_days=dates["named_days"],
        named_day_nouns=frozenset(dates["named_day_nouns"]),
        trigger_vocabulary=vocabulary,
    )


LEXICON: Final = load_lexicon()


@dataclass(frozen=True)
class VagueProfile:
    """How vague quantities become bounds (CLAIMS.md 'Value'): a data file per convention."""

    name: str
    words: PhraseTable  # phrase -> {"low", "high", "best"}
    bare_plural: tuple[int, int, int] | None  # (low, high, best) for "insurgents were detained"; None: no count
    more_than_counts_least: bool  # "more than 10" is best 11 (the least the text allows), not the stated 10


def vague_profiles() -> list[str]:
    return sorted(p.stem for p in VAGUE_DIR.glob("*.json"))


@cache
def load_vague_profile(name: str = "default") -> VagueProfile:
    """A profile by name (schemas/vague/NAME.json) or by the path of a JSON file of that shape."""
    path = Path(name) if name.endswith(".json") else VAGUE_DIR / f"{name}.json"
    if not path.is_file():
        raise ValueError(f"unknown vague profile {name!r}: no {path} (profiles: {', '.join(vague_profiles())})")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for word, bounds in data["words"].items():
        if not {"low", "high", "best"} <= set(bounds):
            raise ValueError(f"{path}: {word!r} needs low, high and best")
    bare = data.get("bare_plural")
    more_than_best = data.get("more_than_best", "stated")
    if more_than_best not in ("stated", "least"):
        raise ValueError(f"{path}: more_than_best is 'stated' or 'least', not {more_than_best!r}")
    return VagueProfile(name=data.get("name", path.stem), words=PhraseTable(data["words"]),
                        bare_plural=(bare["low"], bare["high"], bare["best"]) if bare else None,
                        more_than_counts_least=more_than_best == "least")
