"""Offline gazetteer: find place names in text and resolve them to ISO codes.

The data lives in ``tracker/data/gazetteer/`` (countries, first-level regions, towns and,
for the countries at war, districts from GeoNames and ISO 3166 via PyPI packages, built by ``scripts/build_gazetteer.py``,
plus small hand-kept alias, stop and vocabulary lists); see its README.md.

``find_places(text)`` finds candidate mentions. It looks only at runs of capitalised
words (one compiled pattern), then looks up their sub-sequences in a dictionary,
longest first, so its cost does not grow with the size of the gazetteer.
``resolve_places(own, context)`` picks one reading per mention and normalizes them to
a country, first-level regions and a precision.

Readings of a name shared by a region and its capital ("Aleppo", "Kharkiv", "Idlib"):
either gives the same ``admin1_code``. With no type word, or with "city"/"town", the
town is meant (precision "point"), as news names a region with its type word
("Idlib province", "Kharkiv region", "Benue State"); with such a word the region is
meant (precision "admin1"). A type word that makes a town's name a district's
("Bakhmut district") gives "admin2", and so does a district's own name ("North
Waziristan", "Kalehe Territory"): districts read like towns, after towns of the same name.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Final

DATA_DIR: Final = Path(str(files("tracker"))) / "data" / "gazetteer"  # not __file__: see lexicon.PACKAGE_DIR

KINDS: Final = ("country", "region", "admin1", "city", "district")
# From finest to coarsest: resolve_places reports the finest one among the mentions.
PRECISIONS: Final = ("point", "admin2", "admin1", "region", "country")

# A town or region glued to capitalised words that are not places ("Muhammad Yunus",
# "John Kerry", "Jenin Brigade") is taken for part of a person's or organization's
# name, unless it is this big ("Kharkiv Regional Military Administration").
GLUED_MIN_POPULATION: Final = 1_000_000
# A line with this share of capitalised words is a headline in title case, where
# capitals say nothing about names.
TITLE_CASE_SHARE: Final = 0.75


@dataclass(frozen=True)
class Place:
    name: str  # canonical English name
    kind: str  # "country" | "admin1" | "city" | "district" | "region"
    country: str  # ISO 3166-1 alpha-2
    admin1: str | None  # canonical admin1 name (None for countries, and regions spanning several); a district's region
    admin1_code: str | None  # ISO 3166-2 code (None for countries, and regions spanning several)
    population: int  # 0 when unknown


@dataclass(frozen=True)
class PlaceMention:
    start: int  # offsets into the text passed to find_places
    end: int
    surface: str  # text[start:end]
    candidates: tuple[Place, ...]  # every reading, best first by population / kind
    designator: str | None  # "province", "state", "city" ... when the text attaches one


@dataclass(frozen=True)
class PlaceResolution:
    locations: tuple[str, ...]  # the place names as written, in text order, deduplicated
    country: str | None  # ISO alpha-2; None when no country dominates, or no mention
    admin1: tuple[str, ...]  # canonical admin1 names, sorted, deduplicated
    admin1_code: tuple[str, ...]  # ISO 3166-2 codes, same order as admin1
    geo_precision: str  # "point" | "admin2" | "admin1" | "country" | "region" | "unknown"


# --- names and keys -------------------------------------------------------------

# Letters that NFKD does not decompose, and apostrophe, dot and dash variants.
_FOLD: Final = str.maketrans(
    {
        "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
        "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "Ae",
        "œ": "oe", "Œ": "Oe", "ħ": "h", "Ħ": "H",
        "'": "", "’": "", "‘": "", "ʼ": "", "ʻ": "", "ʿ": "", "ʾ": "", "`": "", "´": "",
        ".": "", "-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ",
    }
)


def name_key(name: str) -> str:
    """The look-up key of a place name: case, accents, apostrophes, dots and hyphens ignored.

    >>> name_key("Deir ez-Zor") == name_key("deir ez zor")
    True
    >>> name_key("Dar'ā"), name_key("U.S."), name_key("Kharkivs’ka")
    ('dara', 'us', 'kharkivska')
    """
    s = name.translate(_FOLD)
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return " ".join(s.lower().split())


# Lower-case words that may stand inside a multi-word name ("Deir ez-Zor", "Bosnia and
# Herzegovina", "Côte d'Ivoire", "Rostov-on-Don"); grammar, not data.
CONNECTORS: Final = frozenset(
    "al el ez es er ed ad an ar as at az ash adh ath ul us e i o d l de del della au aux di do "
    "dos das du des la le les los las van von der den bin ibn abu bani of and the y et "
    "sur upon on".split()
)

# Connectors that bind the words around them into one name ("Maaret al-Numan",
# "Muhammad bin Salman"), unlike those of lists and phrases ("Aleppo and Idlib").
_BINDING: Final = CONNECTORS - {"and", "of", "the", "on", "upon", "sur", "et", "y"}

_UPPER: Final = "".join(
    c for c in map(chr, [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]) if c.isupper()
)
_CAP: Final = rf"[{_UPPER}](?:\.[{_UPPER}])+\.?|[{_UPPER}][\w'’]*"  # "U.S.", "Kharkiv", "Dar'a", "Borno's"
_PART: Final = "|".join(sorted(CONNECTORS, key=lambda w: (-len(w), w)))
# A run of capitalised words, with the connectors allowed between them. It starts with
# a capital letter (which lets the engine skip the rest fast) that no letter or dot
# precedes; a word before a hyphen or apostrophe is checked afterwards (_PARTICLE_BEFORE).
_RUN: Final = re.compile(
    rf"""
    [{_UPPER}](?<![\w.].)(?:(?:\.[{_UPPER}])+\.?|[\w'’]*)   # first word
    (?:
               (?:(?<=St|Mt|Ft)\.)?[ \u00a0\-–]      # a space or a hyphen ("St. Petersburg")
               (?:(?:{_PART})[ \u00a0\-'’])*          # connectors: "of the", "ez-"
               (?:{_CAP})
    )*
    """,
    re.VERBOSE,
)
# The particle of "al-Bab" and "d'Ivoire"; any other word before a hyphen makes an
# adjective ("pro-Russian", "anti-Israel"), where the name is no place of the claim.
_PARTICLE_BEFORE: Final = re.compile(rf"(?<![\w'’])(?:{_PART})[-'’]$", re.IGNORECASE)
# A name written with its particle: "al-Karak" ("the al-Karak neighbourhood of Daraa")
_PARTICLE_NAME: Final = re.compile(rf"(?i:{_PART})[-'’][" + _UPPER + "]")
# "the Salah al-Din district of Aleppo": "of" and a name after a type word (_designator_of)
_PART_OF_NEXT: Final = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?[A-Z]")
# The words of a run, and the separators between them.
_PIECE: Final = re.compile(r"[^ \u00a0\-–]+")
# Two mentions in one list: "Aleppo and Idlib", "Kharkiv, Sumy, and Odesa".
_COORDINATION: Final = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)")
# What may stand before the first word of a sentence, a quote or a heading ("War > ").
_SENTENCE_END: Final = re.compile(r"(?:^|[.!?:;\"“”‘(\n—–>])\s*$")
_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")
_CAPITALISED: Final = re.compile(rf"(?<![\w'’-])[{_UPPER}]")


# Consonants the Arabic article assimilates to, longest first ("ash-Shifa", "as-Suwayda").
_SUN_LETTERS: Final = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")


def _is_arabic_article(word: str, following: str) -> bool:
    """'al'/'el', or an assimilated 'an'/'en'/'ash' before a word of that consonant."""
    if word in ("al", "el"):
        return True
    return word[:1] in ("a", "e") and word[1:] in _SUN_LETTERS and following.startswith(word[1:])


def is_matchable(name: str) -> bool:
    """Whether find_places can ever see this name: capitalised words and connectors only."""
    words = _PIECE.findall(name)
    return bool(words) and all(w[0].isupper() or w.lower() in CONNECTORS or "'" in w or "’" in w for w in words)


# --- data -------------------------------------------------------------------------


def _table(name: str) -> list[list[str]]:
    """A data file's rows as lists, without comments and header (faster than csv)."""
    with open(DATA_DIR / name, encoding="utf-8") as f:
        lines = [line for line in f.read().split("\n") if line and not line.startswith("#")]
    width = lines[0].count("\t") + 1
    rows = [line.split("\t") for line in lines[1:]]
    for row in rows:
        if len(row) != width:
            raise ValueError(f"{name}: bad row {row!r}")
    return rows


def _lines(name: str) -> list[str]:
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class _Designator:
    label: str
    level: str  # "admin1" | "admin2" | "point" | "local" (a village or a part of a town)
    plural: bool


class _Index:
    """Every name's key mapped to its readings, loaded once from the data files."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        # key -> place number times 3 plus how it was named there: by hand (0), by its
        # canonical name (1), by an alternate name (2); a list when several places
        # share the key. Readings are made from this on first look-up.
        self.entries: dict[str, int | list[int]] = {}
        self._readings: dict[str, tuple[Place, ...]] = {}

        def note(key: str, entry: int) -> None:
            found = self.entries.get(key)
            if found is None:
                self.entries[key] = entry
            elif isinstance(found, int):
                self.entries[key] = [found, entry]
            else:
                found.append(entry)

        def add(place: Place, aliases: str, how: int = 1) -> int:
            number = len(self.places)
            self.places.append(place)
            note(name_key(place.name), 3 * number + how)
            # The data files store other names as look-up keys already.
            for key in aliases.split("|") if aliases else ():
                note(key, 3 * number + 2)
            return number

        countries = {}
        for code, name, population, aliases in _table("countries.tsv"):
            countries[code] = add(Place(name, "country", code, None, None, int(population)), aliases)
        admin1 = {}
        for code, country, name, _type, population, aliases in _table("admin1.tsv"):
            admin1[code] = add(Place(name, "admin1", country, name, code, int(population)), aliases)
        cities = {}
        for geonameid, name, country, code, population, aliases in _table("cities.tsv"):
            region = self.places[admin1[code]].name if code else None
            cities[geonameid] = add(Place(name, "city", country, region, code or None, int(population)), aliases)
        # Second-level divisions of the focus countries behave like towns: they give
        # their region; a namesake town of the same region is in cities.tsv instead.
        for _geonameid, name, country, code, population, aliases in _table("districts.tsv"):
            add(Place(name, "district", country, self.places[admin1[code]].name, code, int(population)), aliases)
        for name, country, code, aliases, _why in _table("regions.tsv"):
            keys = "|".join(name_key(a) for a in aliases.split("|") if a)
            region = self.places[admin1[code]].name if code else None  # a territory inside one region
            add(Place(name, "region", country, region, code or None, 0), keys, 0)
        for alias, target, _why in _table("aliases.tsv"):
            number = countries.get(target, admin1.get(target, cities.get(target)))
            if number is None:
                raise ValueError(f"aliases.tsv: {alias!r} points to unknown {target!r}")
            note(name_key(alias), 3 * number)

        self._add_article_variants()

        # The word sequences that begin a longer name ("deir", "deir ez"): the look-up
        # of a run walks forward while its words still begin one.
        self.prefixes: set[str] = set()
        for key in self.entries:
            end = key.rfind(" ")
            while end > 0 and key[:end] not in self.prefixes:
                self.prefixes.add(key[:end])
                end = key.rfind(" ", 0, end)

        self.stoplist = frozenset(name_key(w) for w in _lines("stoplist.txt"))
        self.common_words = frozenset(name_key(w) for w in _lines("common_words.txt"))
        self.landmarks = frozenset(name_key(w) for w in _lines("landmarks.txt"))
        self.landmark_modifiers = frozenset(name_key(w) for w in _lines("landmark_modifiers.txt"))
        self.organisation_words = frozenset(name_key(w) for w in _lines("organisation_words.txt"))
        self.compound_suffixes = tuple(_lines("compound_suffixes.txt"))
        self.place_followers = frozenset(_lines("place_followers.txt"))
        surroundings = _table("surroundings.tsv")  # phrase, where, reading: "the suburbs of Damascus"
        self.surroundings_after = tuple(p for p, where, _ in surroundings if where == "after")
        self.surroundings_before = tuple(p for p, where, reading in surroundings if where == "before" and reading == "always")
        self.near_before = tuple(p for p, where, reading in surroundings if where == "before" and reading == "near")
        self.surroundings_reach = max(map(len, self.surroundings_before + self.near_before))
        # A plural type word ("provinces") covers every name of a list.
        self.designators = {
            name_key(word): _Designator(label, level, word.endswith("s") and label != word)
            for word, label, level in _table("designators.tsv")
        }
        self.levels = {d.label: d.level for d in self.designators.values()}
        self.directions = {name_key(word): adjective for word, adjective in _table("directions.tsv")}
        words = "|".join(
            sorted((re.escape(w).replace(r"\ ", r"\s+") for w in self.designators), key=lambda w: (-len(w), w))
        )
        self.designator_after = re.compile(rf"[ \u00a0]+({words})\b", re.IGNORECASE)
        self.designator_before = re.compile(rf"\b({words})\s+of\s+(?:the\s+)?$", re.IGNORECASE)
        # what governs a name: "in", "near" ... (locative) and the words a place phrase
        # may hold between it and the name ("in the besieged city of")
        self.phrase_roles = {word: role for word, role in _table("place_phrases.tsv")}
        for word in [*self.designators, *self.directions, *CONNECTORS]:
            self.phrase_roles.setdefault(word, "inside")

    def _add_article_variants(self) -> None:
        """The Arabic article is written al-/el- or assimilated (an-, en-, as-, ash- ...) at
        will: "An-Naqoura" is the "En Naqoura" of the data. Each name with one gets the other
        spellings as alternate names, where no place has them already."""
        variants: dict[str, dict[int, None]] = {}  # entries in order, without repeats
        for key, found in self.entries.items():
            words = key.split(" ")
            for i in range(len(words) - 1):
                if not _is_arabic_article(words[i], words[i + 1]):
                    continue
                sun = next((c for c in _SUN_LETTERS if words[i + 1].startswith(c)), None)
                for article in ("al", "el", *((f"a{sun}", f"e{sun}") if sun else ())):
                    variant = " ".join([*words[:i], article, *words[i + 1:]])
                    if variant not in self.entries:
                        entries = variants.setdefault(variant, {})
                        entries.update((3 * (e // 3) + 2, None) for e in (found if isinstance(found, list) else [found]))
        for variant, entries in variants.items():
            self.entries[variant] = next(iter(entries)) if len(entries) == 1 else list(entries)

    def begins_name(self, key: str) -> bool:
        return key in self.entries or key in self.prefixes

    def readings(self, key: str) -> tuple[Place, ...]:
        """The readings of a name, best first (see PlaceMention.candidates); () for a name
        the index does not hold."""
        readings = self._readings.get(key)
        if readings is None:
            found = self.entries.get(key)
            if found is None:
                return ()
            if isinstance(found, int):
                readings = (self.places[found // 3],)
            else:
                numbers = dict.fromkeys(e // 3 for e in sorted(found, key=self._rank))
                readings = tuple(self.places[n] for n in numbers)
            self._readings[key] = readings
        return readings

    def _rank(self, entry: int) -> tuple:
        """Hand-made names first, then countries, regions, and by population."""
        place = self.places[entry // 3]
        how = entry % 3
        return (how > 0, KINDS.index(place.kind), how, -place.population, place.name, entry)


@functools.cache
def _index() -> _Index:
    return _Index()


# --- finding ----------------------------------------------------------------------


class _Piece:
    """A word of a run of capitalised words."""

    __slots__ = ("start", "end", "key", "capital", "sep", "possessive")

    def __init__(self, start: int, end: int, key: str, capital: bool, sep: str, possessive: bool) -> None:
        self.start, self.end, self.key, self.capital = start, end, key, capital
        self.sep = sep  # the text between this word and the one before ("" for the first)
        self.possessive = possessive  # "Borno's": no name goes on past it


def _pieces(idx: _Index, text: str, start: int, end: int) -> list[_Piece] | None:
    """The words of a run; None when none of them begins a name (most runs)."""
    out: list[_Piece] = []
    prev_end = start
    useful = False
    for m in _PIECE.finditer(text, start, end):
        word_start, word_end = m.span()
        word = m.group()
        cut, key = _word_parts(word)
        capital = word[0].isupper() or (word[1:2] in ("'", "’") and word[2:3].isupper())  # "d'Ivoire"
        # A name starts with a capital, or with the run's first word ("al-Bab").
        useful = useful or ((capital or not out) and idx.begins_name(key))
        out.append(_Piece(word_start, word_end - cut, key, capital, text[prev_end:word_start], cut > 0))
        prev_end = word_end
    return out if useful else None


class _Lines:
    """Whether the line around an offset is a headline in title case (computed once per line)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[int, bool] = {}

    def title_case(self, pos: int) -> bool:
        start = self.text.rfind("\n", 0, pos) + 1
        if start not in self.cache:
            end = self.text.find("\n", pos)
            end = len(self.text) if end < 0 else end
            words = len(_WORD.findall(self.text, start, end))
            capitals = len(_CAPITALISED.findall(self.text, start, end))
            self.cache[start] = words >= 4 and capitals >= TITLE_CASE_SHARE * words
        return self.cache[start]


def _starts_name(idx: _Index, pieces: list[_Piece], i: int) -> bool:
    """Whether a known name starts at word i."""
    return bool(_names_from(idx, pieces, i))


def _names_from(idx: _Index, pieces: list[_Piece], i: int) -> list[tuple[int, str]]:
    """The names that start at word i: (index of their last word, key), longest first."""
    out = []
    key = pieces[i].key
    j = i
    while True:
        if pieces[j].capital and key in idx.entries:
            out.append((j, key))
        if j + 1 == len(pieces) or pieces[j].possessive:
            break
        key = f"{key} {pieces[j + 1].key}"
        if key not in idx.prefixes and key not in idx.entries:
            break
        j += 1
    out.reverse()
    return out


def _facility_after(idx: _Index, pieces: list[_Piece], j: int) -> str:
    """What the words after word j make of the name when the run ends in a landmark word
    (landmarks.txt) or an organisation word (organisation_words.txt): "landmark" or
    "organisation" when only modifiers stand between (landmark_modifiers.txt: "Kharkiv
    International Airport", "Damascus Central Prison": the town's own; "Kabul Bank",
    "Baghdad Airways": named after the town), "dedicatee" when other words do ("Aden Adde
    International Airport": named after a person, not the town); "" when the run ends
    otherwise ("Kharkiv Regional Military Administration")."""
    keys = [p.key for p in pieces[j + 1:]]
    if len(keys) >= 2 and f"{keys[-2]} {keys[-1]}" in idx.landmarks:
        between, kind = keys[:-2], "landmark"  # "Air Base"
    elif keys and keys[-1] in idx.landmarks:
        between, kind = keys[:-1], "landmark"
    elif keys and keys[-1] in idx.organisation_words:
        between, kind = keys[:-1], "organisation"
    else:
        return ""
    return kind if all(k in idx.landmark_modifiers or k in idx.landmarks for k in between) else "dedicatee"


def _glued(idx: _Index, text: str, pieces: list[_Piece], i: int, j: int, after_only: bool) -> bool:
    """Whether words i..j belong to a longer proper name: capitalised words that are no
    place touch them ("Muhammad Yunus", "Israel Defense Forces"), or a binding
    connector does ("Maaret al-Numan", "Bustan al-Qasr"); not the words of a landmark of
    the place ("Qamishli National Hospital") or of an organisation named after it ("Kabul
    Bank"): _facility_after."""
    if j + 1 < len(pieces) and not pieces[j].possessive and _facility_after(idx, pieces, j) not in ("landmark", "organisation"):
        nxt = pieces[j + 1]
        if nxt.sep in (" ", "\u00a0", "-") and (
            (nxt.key in _BINDING and j + 2 < len(pieces))
            or (
                nxt.capital
                and nxt.key not in idx.designators
                and nxt.key not in idx.landmarks
                and not _starts_name(idx, pieces, j + 1)
            )
        ):
            return True
    if after_only or i == 0 or pieces[i].sep not in (" ", "\u00a0", "-", "'", "’"):
        return False
    prev = pieces[i - 1]
    if prev.key in _BINDING or not prev.capital:
        return prev.key in _BINDING
    # a first name or title of the stoplist is part of a person's name ("George Sabra")
    return (
        not prev.possessive
        and (prev.key not in idx.entries or prev.key in idx.stoplist)
        and prev.key not in idx.directions
        and (not _sentence_start(text, prev.start) or _quoted_run(text, pieces))
    )


def _quoted_run(text: str, pieces: list[_Piece]) -> bool:
    """Is the run a name in quotation marks ('the "Arab Spring" uprisings')? Its opening
    mark starts no sentence."""
    start, end = pieces[0].start, pieces[-1].end
    return start > 0 and text[start - 1] in "\"“" and text[end:end + 1] in ("\"", "”")


def _designator_of(
    idx: _Index, text: str, key: str, start: int, end: int, own_word: bool
) -> tuple[_Designator | None, str]:
    """The type word attached to a name, and where: "name" (its own last word, when
    own_word), "after" or "before" ("the province of Idlib")."""
    if own_word:
        words = key.split(" ")
        for n in (3, 2, 1):
            if len(words) > n and (designator := idx.designators.get(" ".join(words[-n:]))):
                return designator, "name"
    if text.startswith((" ", "\u00a0"), end) and (m := idx.designator_after.match(text, end)):
        designator = idx.designators[name_key(m.group(1))]
        if designator.level == "admin2" and _PART_OF_NEXT.match(text, m.end()):
            # "the Salah al-Din district of Aleppo": a part of the place named next (a
            # town's quarter), no region of its own
            designator = _Designator(designator.label, "local", designator.plural)
        return designator, "after"
    if text.endswith(("of ", "of the "), max(0, start - 8), start) and (
        m := idx.designator_before.search(text, max(0, start - 60), start)
    ) and not _after_name(text, m.start()):
        return idx.designators[name_key(m.group(1))], "before"
    return None, ""


def _after_name(text: str, pos: int) -> bool:
    """Does a capitalised word end just before pos? Then the type word there is that
    name's ("the Hiiraan region of Somalia"), not the next name's."""
    before = text[max(0, pos - 40):pos].rstrip().rsplit(None, 1)
    return bool(before) and (before[-1][:1].isupper() or _PARTICLE_NAME.match(before[-1]) is not None) \
        and before[-1].lower() not in ("the", "a", "this") \
        and pos > 0 and text[pos - 1] == " "


def _plausible(
    idx: _Index, text: str, lines: _Lines, key: str, start: int, end: int,
    readings: tuple[Place, ...], designated: str, glued: Callable[[bool], bool] | None, dedicated: bool = False,
) -> tuple[Place, ...]:
    """The readings of a dictionary hit that can be meant here; () when it is no place:
    a common word, an abbreviation, or part of a person's or organization's name.

    designated: where a type word was found ("after", "before", "name" or "");
    glued(after_only): whether other capitalised words touch the name (None for a name
    alone in its run); dedicated: whether it opens the name of the person a facility is
    named after ("Aden Adde International Airport", see _facility_after), which no
    population makes a place.
    """
    attached = designated in ("after", "before")  # "Plateau State", "the town of Said"
    acronym = len(key) <= 3 and text[start:end].isupper()
    if acronym:
        # "UN", "IS", "NGO" are no towns, even before a type word ("an IS town"); "US",
        # "UK" are countries.
        readings = tuple(p for p in readings if p.kind == "country")
    if not attached:
        if key in idx.stoplist:
            return ()
        if key in idx.common_words and (_sentence_start(text, start) or lines.title_case(start)):
            return ()  # "Most of the victims", "More than 30"
        if text[start:end].isupper() and not acronym:
            # "SWAT team" is no district; capitals stay towns ("KYIV (AP) -").
            readings = tuple(p for p in readings if p.kind != "district")
    if text.startswith(idx.compound_suffixes, end):
        return ()  # "London-based", "Iran-backed": an adjective, not the place of the event
    if glued is None or designated == "after" or not readings:
        return readings
    if readings[0].kind == "country":
        # "Israel Defense Forces", "Jordan Times"
        if glued(True) and not lines.title_case(start):
            return ()
    elif readings[0].kind != "region" and (dedicated or max(
        (p.population for p in readings if p.kind != "district"), default=0
    ) < GLUED_MIN_POPULATION):
        # "Muhammad Yunus", "John Kerry", "Maaret al-Numan", "the village of Tal Qarrah"
        if glued(False) and not lines.title_case(start):
            return ()
    return readings


def _sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text, max(0, start - 8), start))


def _region(idx: _Index, text: str, start: int, best: Place) -> tuple[int, Place] | None:
    """ "northern Syria", "the north of Syria": a region of the country before the name."""
    if start == 0 or best.kind not in ("country", "region") or text[start - 1] not in " \u00a0-":
        return None
    before = text[max(0, start - 30) : start]
    words = before.split()
    if words and words[-1].lower() == "the":
        words.pop()
    if words and words[-1].lower() == "of":
        # "the north of Syria" is in Syria, "north of Syria" is not.
        if len(words) < 3 or words[-3].lower() != "the":
            return None
        words.pop()
    if not words or (adjective := idx.directions.get(name_key(words[-1]))) is None:
        return None
    return (
        start - len(before) + before.rindex(words[-1]),
        Place(f"{adjective} {best.name}", "region", best.country, best.admin1, best.admin1_code, 0),
    )


def _possessive_length(word: str) -> int:
    """The length of a possessive ending: 2 for "Borno's", 1 for "Damascus'", else 0."""
    last = word[-1]
    if last == "s":
        return 2 if word[-2:-1] in ("'", "’") else 0
    return 1 if last in "'’" else 0


@functools.lru_cache(maxsize=1 << 16)
def _word_parts(word: str) -> tuple[int, str]:
    """A capitalised word's possessive ending length and the name_key of the rest
    ("Borno's" -> 2, "borno"). A text stripped of its apostrophes writes "Syrias Daraa":
    a word that is no name but a country's name and an "s" is that name in the possessive
    (not a region's or town's: "Damascuss ally Russia" names no place, and too many
    surnames are a town's name and an "s"). Cached: news repeats its capitalised words."""
    cut = _possessive_length(word)
    bare = word[: len(word) - cut]
    key = bare.lower() if bare.isascii() and bare.isalpha() else name_key(bare)
    if not cut and key[-1:] == "s" and len(key) > 4 and not word.isupper():  # not an acronym: "USS"
        idx = _index()
        if key not in idx.entries and (owner := idx.readings(key[:-1])) and owner[0].kind == "country":
            return 1, key[:-1]
    return cut, key


def find_places(text: str) -> list[PlaceMention]:
    """Every place name in text, with all its readings, in text order.

    Only capitalised words count ("Mobile" is a place, "mobile" is not); place names
    that are common words or bare compass words count only with a type word
    ("Plateau State", "Northern State"); a town glued to other capitalised words is
    taken for part of a name ("Muhammad Yunus"), except in title-case headlines.
    """
    idx = _index()
    lines = _Lines(text)
    found: list[list] = []  # [start, end, readings, designator, where it was found, names an organisation]
    for run in _RUN.finditer(text):
        start, end = run.span()
        word = run.group()
        if start and text[start - 1] in "-'’":
            particle = _PARTICLE_BEFORE.search(text, max(0, start - 6), start)
            if particle is not None and (pieces := _pieces(idx, text, particle.start(), end)):
                _find_in_run(idx, text, lines, pieces, found)
        elif " " in word or "-" in word or "–" in word or "\u00a0" in word:
            if pieces := _pieces(idx, text, start, end):
                _find_in_run(idx, text, lines, pieces, found)
        else:
            # One word alone, as most runs are: no neighbours, no pieces to make.
            cut, key = _word_parts(word)
            readings = idx.readings(key)
            if not readings:
                continue
            end -= cut
            _add(idx, text, lines, found, key, start, end, readings, None)
    _share_designators(text, found)
    if len(found) > 1:
        found = _without_namesakes(_within_regions(idx, text, found))
    return [
        PlaceMention(start, end, text[start:end], readings, designator.label if designator else None)
        for start, end, readings, designator, _where, _namesake in found
    ]


def _modifies_noun(idx: _Index, text: str, end: int) -> bool:
    """Whether a lower-case noun follows the name, which then only qualifies it ('near
    Damascus police headquarters'), rather than a function word (place_followers.txt) or a
    verb ('near Damascus on Sunday', 'near Damascus killing 12')."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    return word.islower() and word not in idx.place_followers and not word.endswith(("ing", "ed"))


_NEXT_WORD: Final = re.compile(r" ([A-Za-z]+)")

_NEXT_NAME: Final = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][\w'’-]*(?:[ \u00a0-][A-Z][\w'’-]*){0,2})")


def _compass_part_of(idx: _Index, text: str, key: str, end: int, readings: tuple[Place, ...]) -> bool:
    """Is the hit a compass word with a type word ("Northern Province", or "Northern"
    before "Province") that describes a part of the place named after "of" ("the
    Northern Province of Aleppo")? Capitalised, such words also name regions elsewhere
    (Sri Lanka, Rwanda); they are those only in their own country ("the Eastern Region
    of Ghana")."""
    first, _, rest = key.partition(" ")
    if first not in idx.directions:
        return False
    if not rest:
        m = idx.designator_after.match(text, end)
        if m is None:
            return False
        end = m.end()
    elif rest not in idx.designators:
        return False
    m = _NEXT_NAME.match(text, end)
    if m is None:
        return False
    words = m.group(1).replace("\u00a0", " ").split(" ")
    homes = {p.country for p in readings}
    return not any(p.country in homes for n in range(len(words), 0, -1)
                   for p in idx.readings(name_key(" ".join(words[:n]))))


def _without_namesakes(found: list[list]) -> list[list]:
    """A town that only names an organisation ("the New Kabul Bank in Kunduz", "Baghdad
    Airways", "Kabul University") is no place when the text names another one below
    country level: that one is where it happened."""
    if any(f[5] for f in found) and any(not f[5] and f[2][0].kind != "country" for f in found):
        return [f for f in found if not f[5]]
    return found


def _add(
    idx: _Index, text: str, lines: _Lines, found: list[list], key: str, start: int, end: int,
    readings: tuple[Place, ...], glued: Callable[[bool], bool] | None, facility: str = "",
) -> bool:
    """Record a dictionary hit if it is plausibly a place here; whether it was. facility:
    what the words after it make of it (_facility_after)."""
    if text[end:end + 1] == "-" and text[end + 1:end + 2].isdigit():
        return False  # a model name: "Geran-2 drones", "Su-25", "S-300"
    if _compass_part_of(idx, text, key, end, readings):
        return False  # "the Northern Province of Aleppo": a part of the place named next, described
    designator, where = _designator_of(idx, text, key, start, end, readings[0].kind != "country")
    readings = _plausible(idx, text, lines, key, start, end, readings, where, glued, facility == "dedicatee")
    if not readings or designator is not None and designator.level == "local" and where in ("after", "before") \
            and all(p.kind == "admin1" for p in readings):
        # "the al-Karak neighbourhood", "Karak village": a village or a town's part is no
        # first-level region; a name known only as one is some other place's namesake
        # (but "the city of Raqqa" is the region's capital)
        return False
    if rural := idx.readings(key + " countryside"):
        # "in Damascus countryside", "a Damascus suburb", "the suburbs of Damascus",
        # "rural Damascus", "near/east of Damascus": the governorate around a city that is
        # one of its own (Rif Dimashq), where the index knows "<city> countryside" as its name
        after = next((w for w in idx.surroundings_after if text[end:end + len(w)].lower() == w), None)
        before = text[max(0, start - idx.surroundings_reach):start].lower()
        if after is not None or before.endswith(idx.surroundings_before) \
                or before.endswith(idx.near_before) and not _modifies_noun(idx, text, end):
            readings = rural
            end += len(after or "")
    region = _region(idx, text, start, readings[0])
    if region is not None:
        start, place = region
        readings, designator, where = (place,), None, ""
    found.append([start, end, readings, designator, where, facility == "organisation"])
    return True


def _find_in_run(idx: _Index, text: str, lines: _Lines, pieces: list[_Piece], found: list[list]) -> None:
    """Names in a run of words, longest first from the left."""
    i = 0
    while i < len(pieces):
        # A name starts with a capital, or at the run's start with a connector ("al-Bab").
        if pieces[i].capital or i == 0:
            for j, key in _names_from(idx, pieces, i):
                if _add(
                    idx, text, lines, found, key, pieces[i].start, pieces[j].end, idx.readings(key),
                    functools.partial(_glued, idx, text, pieces, i, j),
                    _facility_after(idx, pieces, j),
                ):
                    i = j
                    break
        i += 1


# What stands between a town or district and the region it lies in: "Nawa, Helmand",
# "Nawa district, Helmand province", "Khas district of Uruzgan", "Nawa district in
# Helmand province", "Nawa, in Helmand".
_APPOSITION: Final = re.compile(
    r"(?:[ \u00a0]+(?P<word>[A-Za-z]+))?(?:[ \u00a0]*,[ \u00a0]*(?:in[ \u00a0]+)?|[ \u00a0]+(?:of|in)[ \u00a0]+)(?:the[ \u00a0]+)?"
)
# ... and what may stand between them in a longer chain of names, each inside the next:
# "Las Cruces sector, Valdivia, Antioquia Department" (names the data lack between).
_APPOSITION_CHAIN: Final = re.compile(
    r"(?:[ \u00a0]+[a-z]+)?(?:[ \u00a0]*,[ \u00a0]*[A-Z][\w'\u2019-]*(?:[ \u00a0]+[A-Z][\w'\u2019-]*)*"
    r"(?:[ \u00a0]+[a-z]+)?)*[ \u00a0]*,[ \u00a0]*"
)


def _enclosing_region(idx: _Index, text: str, found: list[list], i: int) -> tuple[list, bool] | None:
    """The first-level region that the names after found[i] lead up to, each set off by
    a comma ("Nawa district, Helmand province"; "Las Cruces sector, Valdivia, Antioquia
    Department"), and whether it is the very next name, joined by at most a type word.
    A district that "in" or "of" joins to the name encloses it too ("Gomba in Masisi
    Territory"); set off by a comma, a district may be the next one of a list."""
    a = found[i]
    end = a[1]
    for j in range(i + 1, len(found)):
        b = found[j]
        if j == i + 1 and (m := _APPOSITION.fullmatch(text, end, b[0])) and (
            m.group("word") is None or name_key(m.group("word")) in idx.designators
        ):
            if "," not in m.group() and all(p.kind == "district" for p in b[2]):
                return b, True
            next_to = True
        elif _APPOSITION_CHAIN.fullmatch(text, end, b[0]):
            next_to = False
        else:
            return None
        if (b[3] is not None and b[3].level == "admin1") or all(p.kind == "admin1" for p in b[2]):
            return b, next_to
        end = b[1]
    return None


def _within_regions(idx: _Index, text: str, found: list[list]) -> list[list]:
    """A town or district named with the first-level region it lies in ("Nawa district,
    Helmand province") is one of that region: its readings elsewhere are dropped, and
    so is the mention when it has none there (a namesake in another region, or a
    place the data do not have). Further up a chain of names ("Las Cruces sector,
    Valdivia, Antioquia Department") only its readings in other countries go. A
    region of the same country before it is a list ("Kandahar, Helmand province")."""
    kept = []
    for i, a in enumerate(found):
        enclosing = _enclosing_region(idx, text, found, i)
        if enclosing is not None:
            b, next_to = enclosing
            kind = "admin1" if any(p.kind == "admin1" for p in b[2]) else "district"
            codes = {p.admin1_code for p in b[2] if p.kind == kind}
            countries = {p.country for p in b[2] if p.kind == kind}
            listed = any(p.kind in ("admin1", "country") and p.country in countries for p in a[2])
            if codes and not listed:
                inside = tuple(p for p in a[2] if (p.admin1_code in codes if next_to else p.country in countries))
                if not inside:
                    continue
                a[2] = inside
        kept.append(a)
    return kept


def _share_designators(text: str, found: list[list]) -> None:
    """A plural type word covers the whole list: "the provinces of Aleppo and Idlib"."""
    for a, b in zip(found, found[1:]):
        if _COORDINATION.fullmatch(text, a[1], b[0]) and a[3] and a[3].plural and a[4] == "before" and not b[3]:
            b[3], b[4] = a[3], "before"
    for i in range(len(found) - 2, -1, -1):  # from the right: "Aleppo and Idlib provinces"
        a, b = found[i], found[i + 1]
        if _COORDINATION.fullmatch(text, a[1], b[0]) and b[3] and b[3].plural and b[4] == "after" and not a[3]:
            a[3], a[4] = b[3], "after"


# --- roles ------------------------------------------------------------------------

# How many words back from a name the word that governs it is looked for.
_ROLE_REACH: Final = 8
_WORD_BREAKS: Final = " ,\u00a0\n"
_NAME_PART: Final = re.compile(r"(?:^|[-'’–])[\"“‘(]?[" + _UPPER + "]")
# "Pokrovsk in Donetsk Oblast", "Mandera in Kenya": a place inside a place of the event
# A capitalised word, then "of": "Movement of Uzbekistan" (see place_roles)
_OF_NAME: Final = re.compile(r"(?<![\w'’-])([" + _UPPER + r"][\w'’-]*)[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?$")
# the outlet's bracket after an upper-case city inside the text, and the sentence it opens:
# "... in Hama DAMASCUS (Sputnik) The death toll ..." (a dateline the text ran into)
_INNER_DATELINE: Final = re.compile(r"[ \u00a0]*\([A-Z][^()\n]{1,40}\)[ \u00a0]+[A-Z]")
_INSIDE_NEXT: Final = re.compile(r"[ \u00a0]+in[ \u00a0]+(?:the[ \u00a0]+)?")
# from a country's possessive ending to a name its noun phrase holds: "Syria's divided
# northeastern city of Qamishli", "Syrias second city Aleppo" (lower-case words only)
_OWNED_NEXT: Final = re.compile(r"(?:'s|’s|s|'|’)(?:[ \u00a0]+[a-z][a-z-]*){1,5}[ \u00a0]+")


def _governing_role(text: str, start: int, floor: int, decided: dict[int, str], country: bool) -> str:
    """The role of the word that governs the name at text[start] (see place_roles)."""
    roles = _index().phrase_roles
    pos = start
    for _ in range(_ROLE_REACH):
        word, pos, comma = _word_before(text, pos, floor)
        if not word:
            return ""
        if pos in decided:
            return decided[pos]
        role = roles.get(word.lower().strip("-'’"))
        if role is None and "-" in word:
            role = roles.get(word.rsplit("-", 1)[1].lower())  # "rebel-held": a compound by its last part
        if role is None or role in ("speech", "cause"):
            if not _NAME_PART.search(word):
                return ""
        elif role != "inside":
            if comma:  # a comma after it: "in response to the attacks, Poland scrambles jets"
                return ""
            if role == "locative":
                if country and word.lower() == "near":
                    return "away"  # "positions near Senegal in Mali"
                before, _pos, _comma = _word_before(text, pos, floor)
                if roles.get(before.lower().lstrip("(")) == "speech":
                    return "speech"  # "said in Ankara", "told reporters in Geneva", "(banned in Russia)"
            return role
    return ""


def _word_before(text: str, pos: int, floor: int) -> tuple[str, int, bool]:
    """The word that ends before pos (skipping spaces and commas), where it starts, and
    whether a comma follows it."""
    lo = max(floor, pos - 40)
    chunk = text[lo:pos].rstrip(_WORD_BREAKS)
    if not chunk:
        return "", pos, False
    cut = max(chunk.rfind(" "), chunk.rfind(","), chunk.rfind("\u00a0"), chunk.rfind("\n"))
    return chunk[cut + 1:], lo + cut + 1, "," in text[lo + len(chunk):pos]


@functools.cache
def _demonyms() -> tuple[re.Pattern, dict[str, str]]:
    table = {word: country for word, country in _table("demonyms.tsv")}
    words = "|".join(sorted(map(re.escape, table), key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w-])({words})s?(?![\w-])"), table


def demonym_countries(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """Nationality adjectives in text[start:end] ("Somali", "Israelis", "South Sudanese"):
    (offset, ISO alpha-2) in text order (demonyms.tsv); not those of an attacker ("an
    American airstrike", "Israeli raids": place_phrases.tsv, roles attack and locative)."""
    pattern, table = _demonyms()
    roles = _index().phrase_roles
    out = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        after = text[m.end():m.end() + 20].split(None, 1)
        if after and roles.get(after[0].rstrip(",.;:")) in ("attack", "locative"):
            continue
        out.append((m.start(), table[m.group(1)]))
    return out


def names_an_actor(text: str, mention: PlaceMention) -> bool:
    """Whether a country's name stands as its people's adjective ("U.S. forces struck a
    vessel", "United States military strikes", "Iran officials", "the U.S. militarys
    command"): who acts, not where."""
    if not mention.candidates or mention.candidates[0].kind != "country" or text[mention.end:mention.end + 1] != " ":
        return False
    after = text[mention.end + 1:mention.end + 30].split(None, 1)
    if not after:
        return False
    word, roles = after[0].rstrip(",.;:"), _index().phrase_roles
    # (a possessive with its apostrophe stripped: "the U.S. militarys regional command")
    return roles.get(word) in ("actor", "attack") or word.endswith("ys") and roles.get(word[:-1]) == "actor"


def place_roles(text: str, mentions: Sequence[PlaceMention], floor: int = 0) -> dict[int, str]:
    """The role of each place name of one sentence, by its start: "locative" where the
    event happened, governed by a locative preposition or an attack verb ("killed in
    Kharkiv", "a strike on a market in the besieged city of El Fasher", "artillery
    targets Pokrovsk"), read back over the words a place phrase holds
    (place_phrases.tsv), other names and the commas and "and"s of a list or apposition
    ("in Tora village, Darfur, Sudan"; a name read back to an earlier one shares its
    role); "away" where a preposition of motion or company governs it ("a route
    connecting Beirut to the south", "fled to Chad", "from Aleppo", "the border with
    Lebanon", "positions near Senegal": near a country is outside it); "speech" where
    something was said ("said in Ankara", "told reporters in Geneva"); "" where no such
    word does. A name of no role right before "in"
    + a place of the event is in it ("strikes Eilat in southern Israel"), and a name of no
    role in the noun phrase of a country's possessive shares its role ("in Syria's
    northeastern city of Qamishli"). A country after
    a capitalised word and "of" is part of a name, role "name" ("the Islamic Movement of
    Uzbekistan", not after a formal or type word: "the Islamic Republic of Afghanistan",
    "the Sagaing Region of Myanmar"); a town opening the sentence before a speech verb is
    who speaks, role "speech": "Washington blames ..." (a country there is left to places.py),
    and so is a dateline inside the text: "DAMASCUS (Sputnik) The death toll ...".
    floor: where the sentence starts; nothing before it is read."""
    decided: dict[int, str] = {}
    for m in mentions:
        country = bool(m.candidates) and m.candidates[0].kind == "country"
        if country and (name := _OF_NAME.search(text, max(floor, m.start - 40), m.start)) \
                and _index().phrase_roles.get(name.group(1).lower()) not in ("formal", "inside"):
            decided[m.start] = "name"  # "the Islamic Movement of Uzbekistan", "the Bank of England"
            continue
        if m.surface.isupper() and len(m.surface) > 3 and _INNER_DATELINE.match(text, m.end):
            decided[m.start] = "speech"  # "DAMASCUS (Sputnik) The death toll ...": where the outlet files from
            continue
        if not country and (m.start == floor or _SENTENCE_END.search(text, max(floor, m.start - 8), m.start)):
            after = text[m.end:m.end + 20].split(None, 1)
            if after and _index().phrase_roles.get(after[0]) == "speech":
                decided[m.start] = "speech"  # "Washington blames ...", "Moscow says ..."
                continue
        decided[m.start] = _governing_role(text, m.start, floor, decided, country)
    for a, b in zip(mentions, mentions[1:]):
        if not decided[a.start] and decided[b.start] == "locative" and _INSIDE_NEXT.fullmatch(text, a.end, b.start):
            decided[a.start] = "locative"
        elif decided[a.start] == "locative" and not decided[b.start] and a.candidates and a.candidates[0].kind == "country" \
                and _OWNED_NEXT.fullmatch(text, a.end, b.start):
            decided[b.start] = "locative"  # "in Syria's northeastern city of Qamishli": in the owner's place
    for m in mentions:
        if decided[m.start] == "locative" and _after_cause(text, m.start, floor):
            decided[m.start] = "away"  # "in retaliation for attacks on Israel": the other event's place
    return decided


@functools.cache
def _cause_words() -> frozenset[str]:
    """The words of role "cause" (place_phrases.tsv): 'retaliation', 'response' ..."""
    return frozenset(word for word, role in _index().phrase_roles.items() if role == "cause")


def _after_cause(text: str, start: int, floor: int) -> bool:
    """Whether "in retaliation for", "in response to" ... (role cause) opens the stretch
    of text[floor:start] the name at start ends, with no comma between; not one that opens
    the sentence ("In retaliation for the shelling rebels fired rockets on Damascus": the
    main clause follows it)."""
    words = text[floor:start].lower().split()
    if _cause_words().isdisjoint(words):
        return False  # asked of every place of an event: most sentences name no cause
    comma = max((i for i, word in enumerate(words) if word.endswith(",")), default=None)
    # (a cause phrase that opens the sentence, its first word, is before its event)
    stretch = words[1:] if comma is None else words[comma + 1:]
    roles = _index().phrase_roles
    return any(roles.get(word) == "cause" and before == "in" and after in ("for", "to")
               for before, word, after in zip(stretch, stretch[1:], stretch[2:]))


# --- resolving --------------------------------------------------------------------


def _level(idx: _Index, mention: PlaceMention) -> str | None:
    """The reading a mention's type word selects: "admin1", "admin2", "point", "local" or None."""
    return idx.levels.get(mention.designator) if mention.designator else None


def _evidence(idx: _Index, mentions: Sequence[PlaceMention]) -> set[str]:
    """Countries the mentions name for sure: names of places in one country only,
    country names that no region shares ("Lebanon" is a country, though US towns bear
    the name; "Georgia" and "Niger" are also regions of other countries), and the
    hand-made regions ("Gaza" is the Gaza Strip before Mozambique's Gaza province)."""
    countries = set()
    for m in mentions:
        readings = _by_designator(m.candidates, _level(idx, m))
        best = readings[0]
        if (
            best.kind == "region"
            or all(p.country == best.country for p in readings)
            or (best.kind == "country" and all(p.kind == "city" for p in readings[1:]))
        ):
            countries.add(best.country)
    return countries


def _by_designator(readings: Sequence[Place], level: str | None) -> Sequence[Place]:
    """The readings a type word selects, best first. A first-level type word ("province")
    takes a district where no first-level region bears the name: ISO's second-level
    provinces abroad ("Sultan Kudarat province" is not the town Sultan Kudarat)."""
    wanted = {"admin1": ("admin1", "district"), "admin2": ("city", "district"), "point": ("city",), "local": ("city",)}.get(level or "", ())
    kept = [p for p in readings if p.kind in wanted]
    return kept or readings


def _reading(idx: _Index, mention: PlaceMention, evidence: set[str],
             regions: frozenset[str | None] = frozenset()) -> tuple[Place, str]:
    """The chosen reading of a mention, and its precision. regions: the first-level
    regions the claim names with a type word; a namesake town in one of them is meant
    ("Mykolaivka, Sumy Raion, Sumy Oblast")."""
    level = _level(idx, mention)
    readings = _by_designator(mention.candidates, level)
    readings = [p for p in readings if p.country in evidence] or readings
    if regions and level != "admin1" and len(readings) > 1:
        readings = [p for p in readings if p.admin1_code in regions] or readings
    if level == "admin1":
        # "Kyiv region" is Kyiv Oblast, not the city of Kyiv: the region whose name
        # adds a type word to the one written.
        typed = name_key(mention.surface) + " "
        readings = sorted(readings, key=lambda p: not name_key(p.name).startswith(typed))
    best = readings[0]
    if level is None and best.kind == "admin1":
        # The region's namesake town, when there is one: "Aleppo", "Kharkiv".
        best = next((p for p in readings if p.kind == "city" and p.admin1_code == best.admin1_code), best)
    if best.kind == "city":
        return best, level if level in ("admin1", "admin2") else "point"
    if best.kind == "district":
        return best, "admin2"
    return best, best.kind


def is_local(mention: PlaceMention) -> bool:
    """Is the mention typed as a village or a part of a town ("the Karak village")?"""
    return _level(_index(), mention) == "local"


def namesake_abroad(mention: PlaceMention, article: Sequence[PlaceMention]) -> bool:
    """A village or neighbourhood ("the Karak village", "the al-Karak neighbourhood of
    Daraa") whose only readings lie in countries that none of the article's other names
    is in for sure, while they name one: a local place the gazetteer lacks, named like
    a town abroad."""
    if not is_local(mention):
        return False
    others = _evidence(_index(), [m for m in article if m.surface != mention.surface])
    return bool(others) and not any(p.country in others for p in mention.candidates)


def place_evidence(mentions: Sequence[PlaceMention]) -> frozenset[str]:
    """The countries a set of mentions names for sure (see _evidence): computed once per
    article and handed to resolve_places for each of its claims."""
    return frozenset(_evidence(_index(), mentions))


def resolve_places(own: Sequence[PlaceMention], context: Sequence[PlaceMention] = (),
                   context_evidence: frozenset[str] | None = None) -> PlaceResolution:
    """Normalize the mentions of a claim's own clause; context only helps choose readings.

    A country named anywhere (own or context) selects among a name's readings ("Niger
    State, Nigeria", "Rafah" near "Gaza"); a type word selects a region or a town. The
    country is the one most own mentions are in, if it outnumbers every other (a tie goes
    to the country of the mentions finer than a country, when they agree, else to the one
    country named); regions
    come from own mentions in that country (a town gives its region); the precision is
    the finest among them.
    """
    if not own:
        return PlaceResolution((), None, (), (), "unknown")
    idx = _index()
    evidence = _evidence(idx, own) | (place_evidence(context) if context_evidence is None else context_evidence)
    regions = frozenset(place.admin1_code for m in own if _level(idx, m) == "admin1"
                        for place, _precision in [_reading(idx, m, evidence)] if place.kind == "admin1")
    chosen = [_reading(idx, m, evidence, regions) for m in own]
    countries = [place.country for place, _precision in chosen]
    country: str | None
    if countries.count(countries[0]) == len(countries):
        country = countries[0]  # one country, as for most claims: nothing to count
    else:
        counts = Counter(countries).most_common()
        country = counts[0][0] if counts[0][1] > counts[1][1] else None
    # a tie is broken by the places finer than a country: "Israel's bombardment of Gaza"
    finer = {place.country for place, precision in chosen if precision != "country"}
    named = {place.country for place, precision in chosen if precision == "country"}
    if country is None and len(finer) == 1:
        country = finer.pop()
    elif country is None and len(named) == 1:
        # finer places that disagree among themselves (namesakes of two other countries
        # before ", Philippines"): the one country named settles it
        country = named.pop()
    kept = [(place, precision) for place, precision in chosen if country is None or place.country == country]
    kept_regions = sorted({(p.admin1, p.admin1_code) for p, _precision in kept if p.admin1 and p.admin1_code})
    locations = tuple(dict.fromkeys(m.surface for m in sorted(own, key=lambda m: m.start)))
    return PlaceResolution(
        locations=locations,
        country=country,
        admin1=tuple(name for name, _code in kept_regions),
        admin1_code=tuple(code for _name, code in kept_regions),
        geo_precision=min((precision for _p, precision in kept), key=PRECISIONS.index),
    )
