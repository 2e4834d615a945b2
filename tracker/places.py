"""Stage 6: where each claim happened.

A claim's places are, in order of preference: those in its own stretch of the sentence
(from its number to the next claim's number or the end of its clause), those in the
main clause of its sentence, those in the rest of its sentence, those of the sentence
before it (a sentence with no place of its own continues the one before: "... in Yalova
Province. Eight other officers were wounded."; not after "Separately", "Elsewhere"), and
finally the article's headline, else its dateline. A country named in the possessive
("Israel's assault", "Syria's state media") is an actor, not a place, where the claim
has other places, and so is one that opens the sentence as its subject ("Russia launches
drones at Ukraine"); one named as the agent ("launched by Russia") or as its people's
adjective ("U.S. forces struck a vessel"; but "killed in Syria airstrikes" is in Syria,
and "Syria troops" act at home in an article naming Syrian towns), nor is where
something was said ("said in Ankara"), nor a country in an organisation's name ("the
Islamic Movement of Uzbekistan"). Among the
chosen places, those governed by a locative preposition or an attack verb ("in", "near",
"at", "on", "between", "targets" + place; gazetteer.place_roles) are where it happened:
when there are any, names in other roles ("a route connecting Beirut to the south",
"gunmen from Mali", "the border with Niger") are left out. The gazetteer
(tracker.gazetteer) finds and normalizes the names; the places of those sentences are
context for telling namesakes apart. An article that names no place at all gives the
country of a nationality ("three Kenyan soldiers"; gazetteer.demonym_countries).
"""

from __future__ import annotations

from typing import Final

from tracker.gazetteer import (
    PlaceMention,
    PlaceResolution,
    demonym_countries,
    find_places,
    is_local,
    names_an_actor,
    namesake_abroad,
    place_evidence,
    place_roles,
    resolve_places,
)
from tracker.lexicon import LEXICON
from tracker.patterns import match_list_item, match_place_time_opener, names_a_neighbour, search_many_regions
from tracker.records import Article, ClaimDraft, Event, Sentence

_POSSESSIVE: Final = ("'s", "\u2019s")
_BE_HAVE: Final = LEXICON.closed["be_have"]
_SUBORDINATORS: Final = LEXICON.closed["subordinators"]
_ARTICLES: Final = LEXICON.closed["articles"]
_REFERENCE_LINKS: Final = LEXICON.closed["reference_links"]
_COMPASS_POINTS: Final = LEXICON.closed["compass_points"]
_LIST_WORDS: Final = LEXICON.closed["item_joiners"]
_SPEAKER_NOUNS: Final = LEXICON.org_words | LEXICON.closed["claimant_nouns"]
_SEAT_PARTICIPLES: Final = LEXICON.closed["seat_participles"]
_SINGULAR_ARTICLES: Final = LEXICON.closed["singular_articles"]


class ArticlePlaces:
    """Place mentions of one article, found once per sentence (field offsets)."""

    def __init__(self, article: Article, sentences: list[Sentence], dateline_end: int, claim_sentences: set[int]):
        self.article = article
        self._dateline_end = dateline_end
        self.sentences = sentences
        self._found: dict[int, list[PlaceMention]] = {}
        self._everywhere: list[PlaceMention] | None = None  # every sentence's, read when needed
        self._roles: dict[int, dict[int, str]] = {}  # sentence -> mention start -> role (place_roles)
        self._actors: set[str] = set()  # countries named as foreign actors ("U.S. forces")
        self._resolved: dict[tuple[int, ...], PlaceResolution] = {}  # see _resolve
        self._lead_found: tuple[int, list[PlaceMention]] | None = None  # see _lead
        # the claims' own sentences, the title and the dateline's are read now (they are
        # the context for namesakes); a sentence before a claim only if the claim needs it
        upfront = sorted(claim_sentences | {s.index for s in sentences if s.field == "title" or s.start < dateline_end})
        self.all = [m for i in upfront for m in self.mentions(i)]
        # with no name that settles a country, the nationality adjectives of those
        # sentences tell namesakes apart ("the Syrian capital Damascus", "in Madaya")
        self.evidence = place_evidence(self.all) or frozenset(
            c for i in upfront for _at, c in demonym_countries(self._text(sentences[i]), sentences[i].start, sentences[i].end))
        # countries where the article names a town or region for sure: their forces act at
        # home ("Syria troops kill 50 jihadists" in an article on Qalamoun)
        self._inland = {m.candidates[0].country for m in self.all if m.candidates[0].kind != "country"
                        and all(p.country == m.candidates[0].country for p in m.candidates)}
        # countries the headline names in any role: the story's own, even as an actor
        self._headline_countries = {c.country for s in sentences if s.field == "title"
                                    for m in self.places(s.index) for c in m.candidates[:1]}
        title = [m for s in sentences if s.field == "title" for m in self.places(s.index)
                 if not self._is_foreign_actor(m, s)]
        dateline = [m for s in sentences if s.field == "body" and s.start < dateline_end
                    for m in self.places(s.index) if m.end <= dateline_end and not self._is_foreign_actor(m, s)]
        # a headline's places before the dateline's, which is where the outlet or the
        # press office sits ("KABUL, Afghanistan (Aug. 22) -" over a raid in Kandahar)
        # (of "KABUL, Afghanistan", the country when it names one)
        dateline = [m for m in dateline if m.candidates[0].kind == "country"] or dateline
        self.main = title or dateline

    def _text(self, sentence: Sentence) -> str:
        return self.article.title if sentence.field == "title" else self.article.text

    def mentions(self, index: int) -> list[PlaceMention]:
        """Place mentions of one sentence, found on first use (field offsets)."""
        if index not in self._found:
            s = self.sentences[index]
            # a country in the possessive with its apostrophe stripped that owns a speaker
            # ("Turkeys official news agency said") names no place of the report
            self._found[index] = [_shift(m, s.start) for m in find_places(s.text)
                                  if not (s.text[m.end:m.end + 2] == "s " and m.candidates[0].kind == "country"
                                          and _owns_speaker(s.text, m.end + 2))]
        return self._found[index]

    def places(self, index: int) -> list[PlaceMention]:
        """The mentions of one sentence that can be places of its claims: not a village
        or neighbourhood named like a town in a country the article does not name."""
        found = self.mentions(index)
        if not any(map(is_local, found)):
            return found
        if self._everywhere is None:
            self._everywhere = [m for s in self.sentences for m in self.mentions(s.index)]
        return [m for m in found if not namesake_abroad(m, self._everywhere)]

    def _is_possessive_country(self, m: PlaceMention, field: str) -> bool:
        text = self.article.title if field == "title" else self.article.text
        # (a mention borrowed from the headline is not read in the body's text)
        # also with its apostrophe stripped ("Syrias state TV", "in Syrias Idlib province")
        possessive = text[m.end:m.end + 2] in _POSSESSIVE or text[m.end:m.end + 1] == "s" and not text[m.end + 1:m.end + 2].isalnum()
        return possessive and bool(m.candidates) and m.candidates[0].kind == "country" \
            and text[m.start:m.end] == m.surface

    def _is_agent_country(self, m: PlaceMention, field: str) -> bool:
        """'drones launched by Russia', 'killed by Israel': who acts, never where."""
        text = self.article.title if field == "title" else self.article.text
        return text[max(0, m.start - 3):m.start] == "by " and bool(m.candidates) and m.candidates[0].kind == "country"

    def _is_speaker_seat(self, m: PlaceMention, field: str) -> bool:
        """'the defence ministry in Moscow said', 'officials in Washington say', 'the
        Observatory based in Britain said': a name after a speaker's noun (or a seat
        participle) and 'in', with the speech verb right after it, is where the speaker
        sits, not where the event happened."""
        text = self.article.title if field == "title" else self.article.text
        after = text[m.end:m.end + 20].split(None, 1)
        if not after or after[0].rstrip(".,;:") not in LEXICON.speech_verbs:
            return False
        before = text[max(0, m.start - 40):m.start].lower().split()
        return len(before) >= 2 and before[-1] == "in" \
            and (before[-2] in _SPEAKER_NOUNS or before[-2] in _SEAT_PARTICIPLES)

    def _is_subject_country(self, m: PlaceMention, sentence: Sentence) -> bool:
        """'Russia launches over 100 drones at areas across Ukraine': a country that opens
        the sentence and is followed by its verb acts; the place is elsewhere. So does one
        that opens a clause after a speech verb or a subordinator and is followed by a
        speech verb or a form of be/have ("the minister says Israel has targeted three
        hospitals", "while Israel claims three died"); an article before the name is part
        of it ("The United States says ...")."""
        if not m.candidates or m.candidates[0].kind != "country":
            return False
        text = self.article.title if sentence.field == "title" else self.article.text
        after = text[m.end:m.end + 30].split(None, 1)
        if not after or not after[0].isalpha() or not after[0].islower():
            return False
        if m.start == sentence.start or text[sentence.start:m.start].rstrip().lower() in _ARTICLES:
            return True  # "Russia launches ...", "The United States accused ..."
        before = text[max(sentence.start, m.start - 30):m.start].split()
        if before and before[-1].lower() in _ARTICLES:
            before.pop()  # "what the United States says was"
        return bool(before) and (before[-1] in LEXICON.speech_verbs or before[-1] in _SUBORDINATORS) \
            and (after[0] in LEXICON.speech_verbs or after[0] in _BE_HAVE)

    def _without_actors(self, mentions: list[PlaceMention], sentence: Sentence) -> list[PlaceMention]:
        # a country of the subject acts; one in the possessive ("Iran's health minister says
        # Israel has targeted ...") names the actor's home only where nothing else is left
        acting = [m for m in mentions if not self._is_subject_country(m, sentence)]
        places = [m for m in acting if not self._is_possessive_country(m, sentence.field)]
        return places or acting or mentions

    def _is_foreign_actor(self, m: PlaceMention, sentence: Sentence, record: bool = True) -> bool:
        """'U.S. forces have struck a vessel in the Pacific', '2025 United States military
        strikes on ...': a country named as its people's adjective acts, unless a locative
        governs it ('killed in Syria airstrikes'; but not through 'a': 'killed in a United
        States airstrike' is the country's strike) or the article names towns or regions of
        it (its own forces at home)."""
        text = self.article.title if sentence.field == "title" else self.article.text
        foreign = names_an_actor(text, m) and (self._roles_of(sentence)[m.start] != "locative"
                                               or (text[max(0, m.start - 8):m.start].lower().split() or [""])[-1] in _SINGULAR_ARTICLES) \
            and m.candidates[0].country not in self._inland
        if foreign and record:  # (not when only looking back for a place: the claim's own sentence decides)
            self._actors.add(m.candidates[0].country)
        return foreign

    def _by_nationality(self, draft: ClaimDraft, continued: bool = False) -> PlaceResolution:
        """A claim whose article names no place: the country of the nationality adjective
        right after its number ("three Kenyan soldiers patrolling near the Somali border"),
        else of all those of its sentence when they agree ("The Somali National Army
        completed an operation that killed more than 40 al-Shabaab members"); with
        continued, those of the sentence before when its own has none ("The Beninese
        government announces that 54 soldiers were killed ... JNIM claims 70 soldiers were
        killed."); not that of a country the article names as a foreign actor ("U.S. forces
        ... American commandos")."""
        s = draft.sentence
        text = self.article.title if s.field == "title" else self.article.text
        found = [(at, c) for at, c in demonym_countries(text, s.start, s.end) if c not in self._actors]
        if continued and not found and s.field == "body" and s.index > 0 and self.sentences[s.index - 1].field == "body" \
                and not shifts_topic(s):
            before = self.sentences[s.index - 1]
            found = [(at, c) for at, c in demonym_countries(text, before.start, before.end) if c not in self._actors]
        country = self._object_nationality(draft, found)
        if country is None and found and all(c == found[0][1] for _at, c in found):
            country = found[0][1]
        if country is None:
            return PlaceResolution((), None, (), (), "unknown")
        return PlaceResolution((), country, (), (), "country")

    def _object_nationality(self, draft: ClaimDraft, found: list[tuple[int, str]] | None = None) -> str | None:
        """The country of the nationality right after the claim's number ("three Kenyan
        soldiers"), or of the last one before it when the count is of "more"/"others"."""
        s = draft.sentence
        text = self.article.title if s.field == "title" else self.article.text
        if text[draft.number.end:draft.number.end + 1] != " ":
            return None
        if found is None:
            found = demonym_countries(text, s.start, s.end)
        after = text[draft.number.end + 1:draft.number.end + 8].split(None, 1)
        if after and after[0] in ("more", "others", "other"):
            # "Three Thai soldiers are killed and 29 more injured": the people counted before
            return next((c for at, c in reversed(found) if at < draft.number.start), None)
        return next((c for at, c in found if at == draft.number.end + 1), None)

    def _roles_of(self, sentence: Sentence) -> dict[int, str]:
        roles = self._roles.get(sentence.index)
        if roles is None:
            text = self.article.title if sentence.field == "title" else self.article.text
            roles = self._roles[sentence.index] = place_roles(text, self.mentions(sentence.index), sentence.start)
        return roles

    def _located(self, mentions: list[PlaceMention], sentence: Sentence) -> list[PlaceMention]:
        """The places where the event happened ("in", "near", "at", "on" + place), when
        the claim's sentence names any; names in other roles ("a route connecting Beirut
        to the south", "fled to Chad", "from Aleppo") then give no place. Without one, a
        country across a border ("killed near the border with Burkina Faso") is still no
        place of the event: the neighbour."""
        roles = self._roles_of(sentence)
        located = [m for m in mentions if roles.get(m.start) == "locative"]
        if located:
            return located
        text = self._text(sentence)
        return [m for m in mentions if not (m.candidates and m.candidates[0].kind == "country"
                                            and names_a_neighbour(text, m.start))]

    def _without_references(self, mentions: list[PlaceMention], sentence: Sentence) -> list[PlaceMention]:
        """'killed 43 people in the town of Jayrud near Damascus', 'in Madaya west of the
        Syrian capital Damascus': a name right after a place of the event, linked by 'near',
        'outside' or a compass word with 'of', only says where that place lies (when the
        place gives a region of its own: 'in the village of Kafr Malik near Ramallah')."""
        if len(mentions) < 2:
            return mentions
        roles = self._roles_of(sentence)
        text = self._text(sentence)
        ordered = sorted(mentions, key=lambda m: m.start)
        references = {id(m) for p, m in zip(ordered, ordered[1:])
                      if roles.get(p.start) == "locative" and any(c.admin1_code for c in p.candidates)
                      and _reference_link(text[p.end:m.start])}
        return [m for m in mentions if id(m) not in references]

    def _previous(self, sentence: Sentence, owners: bool = False) -> list[PlaceMention]:
        """Places of the nearest earlier body sentence (up to two back) that has any;
        where its event happened, when it says ("near Senegal in Mali": Mali). A sentence
        whose only place is a country in the possessive ("Turkey's state news agency
        said ...") counts only with owners, after the headline's: whose agency, not where;
        a country named there as an actor ("U.S. officials said ...") only where the
        headline names it too ("Syria air strike on jihadist camp kills 18")."""
        if sentence.field != "body" or shifts_topic(sentence):
            return []
        for back in (1, 2):
            prev = sentence.index - back
            if prev < 0 or self.sentences[prev].field != "body":
                return []
            roles = self._roles_of(self.sentences[prev])
            kept = [m for m in self.places(prev) if roles[m.start] not in ("speech", "name")
                    and m.start >= self._dateline_end  # the dateline's are the last resort
                    and not (self._is_foreign_actor(m, self.sentences[prev], record=False)
                             and m.candidates[0].country not in self._headline_countries)]
            if kept and (owners or not all(self._is_possessive_country(m, "body") for m in kept)):
                return self._located(kept, self.sentences[prev])
        return []

    def _following(self, sentence: Sentence) -> list[PlaceMention]:
        """Where the event of the next body sentence happened, when it says ("in", "near" +
        place): a lead that names no place, under a headline that names none, reads on
        ("Dozens of people are killed as fighting breaks out. Al-Shabaab claims to have taken
        areas in Middle Shabelle region, Somalia."); not after a turn to another event, nor
        deeper in an article whose earlier sentences name places of their own."""
        later = self.sentences[sentence.index + 1] if sentence.index + 1 < len(self.sentences) else None
        if sentence.field != "body" or later is None or later.field != "body" or shifts_topic(later) \
                or any(self.mentions(e.index) for e in self.sentences[:sentence.index] if e.field == "body"):
            return []
        roles = self._roles_of(later)
        return [m for m in self.places(later.index) if roles[m.start] == "locative"
                and not self._is_foreign_actor(m, later, record=False)]

    def _lead(self, before: int) -> list[PlaceMention]:
        """Where the story happens: the places of the event in the first body sentence (before
        sentence `before`) that names one below country level (found once per article)."""
        if self._lead_found is None:
            self._lead_found = (len(self.sentences), [])
            for s in self.sentences:
                if s.field != "body":
                    continue
                roles = self._roles_of(s)
                kept = [m for m in self.places(s.index) if m.start >= self._dateline_end and roles[m.start] == "locative"
                        and m.candidates[0].kind != "country" and not self._is_foreign_actor(m, s)]
                if kept:
                    self._lead_found = (s.index, kept)
                    break
        index, lead = self._lead_found
        return lead if index < before else []

    def _resolve(self, own: list[PlaceMention]) -> PlaceResolution:
        """resolve_places in this article's context; claims of one clause often name the
        same places, so each set is resolved once (the mentions live as long as self)."""
        key = tuple(map(id, own))
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = resolve_places(own, self.all, self.evidence)
        return found

    def for_claim(self, draft: ClaimDraft, stop: int, running: bool = False) -> PlaceResolution:
        """Places of a claim whose own stretch runs from its number to field offset `stop`;
        running: its period is a running total."""
        s = draft.sentence
        roles = self._roles_of(s)
        in_sentence = [m for m in self.places(s.index) if not self._is_agent_country(m, s.field)
                       and (s.field == "title" or m.start >= self._dateline_end)
                       and roles[m.start] not in ("speech", "name") and not self._is_foreign_actor(m, s)]
        # a speaker's seat ("the ministry in Moscow said") gives way to any other place of
        # the sentence; alone it may still be where its source watches ("a source in Homs said")
        # (a country in the possessive is no such other place: "a strike on Syria's Shairat
        # airbase killed four, a source in Homs said")
        elsewhere = [m for m in in_sentence if not self._is_speaker_seat(m, s.field)]
        if any(not self._is_possessive_country(m, s.field) for m in elsewhere):
            in_sentence = elsewhere
        if draft.aside is not None:
            # "three men who were involved in the Bucha massacre are killed in Kalynove": the
            # relative clause before the claim's verb says who they were, not where
            a, b = s.tokens[draft.aside[0]].start, s.tokens[draft.aside[1]].start
            in_sentence = [m for m in in_sentence if not a <= m.start < b] or in_sentence
        clause_end = _clause_end(s, draft.number.tok_end)
        own = [m for m in in_sentence if draft.number.start <= m.start < min(stop, clause_end)]
        if not any(roles[m.start] == "locative" for m in own):
            # "several others are injured when Puntland forces capture eight bases ... in
            # Bari": where the clause's event happened beats a name in another role
            own = [m for m in in_sentence if m.start < clause_end and roles[m.start] == "locative"] or own
        if own and all(m.candidates[0].kind == "country" for m in own):
            # "a bomb attack outside Aleppo has killed 126 in the deadliest such incident in
            # Syria": the country after the number is refined by a place of the event in it
            # before the number
            countries = {m.candidates[0].country for m in own}
            own = [m for m in in_sentence if m.start < draft.number.start and roles[m.start] == "locative"
                   and m.candidates[0].kind != "country" and m.candidates[0].country in countries] or own
        if not own:
            own = [m for m in in_sentence if m.start < clause_end]
        if not own:
            # "Fifty people are killed, ..., after the RSF strike a kindergarten in South
            # Kordofan": the sentence's other clause before any other sentence
            own = in_sentence
        borrowed = not own
        if own and all(self._is_possessive_country(m, s.field) for m in own):
            # "Syria's state news agency said five were killed": whose agency; the places
            # named before in that country say where, when there are any
            earlier = self._previous(s) or self.main
            homes = {m.candidates[0].country for m in own}
            if earlier and all(m.candidates[0].country in homes for m in earlier):
                own, borrowed = earlier, True
        if not own:
            own = self._previous(s) or self.main or self._previous(s, owners=True)
            if own is self.main and own and not running and all(m.candidates[0].kind == "country" for m in own):
                # "The Observatory later said that 31 people were killed" under "Syria army plane
                # crashes in rebel-held town": a headline naming only the country is refined by
                # the place of the story's lead in that country (not for a running total of the war)
                countries = {m.candidates[0].country for m in own}
                lead = self._lead(s.index)
                if lead and all(m.candidates[0].country in countries for m in lead):
                    own = lead
        if not own:
            found = self._by_nationality(draft)
            own = [] if found.country is not None else self._following(s)
            if not own:
                return found if found.country is not None else self._by_nationality(draft, continued=True)
        if borrowed and search_many_regions(s.text):
            # "The military says it shot down 121 drones over 13 regions": the places
            # borrowed from another sentence say the country only
            own = [m for m in own if m.candidates[0].kind == "country"] or own
        own = self._without_references(self._located(self._without_actors(own, s), s), s)
        if not own:
            return self._by_nationality(draft)
        if not borrowed and draft.object_class not in ("civilian", "person") \
                and not any(roles[m.start] == "locative" for m in own):
            # "Ten Nigerien soldiers are killed ... near the border with Burkina Faso",
            # "captured 19 Afghan border posts": with no place where it happened, the
            # country of the counted forces or things beats a name they were seen against
            # (not of civilians, who may be abroad: "three Chinese citizens")
            people = self._object_nationality(draft)
            if people is not None and not any(c.country == people for m in own for c in m.candidates):
                return PlaceResolution((), people, (), (), "country")
        found = self._resolve(own)
        if found.country is None and len(own) > 1:
            # a tie ("Three Thai soldiers are killed during clashes with Cambodian
            # soldiers" under "Cambodia–Thailand conflict"): the counted people's country
            people = self._object_nationality(draft)
            theirs = [m for m in own if any(p.country == people for p in m.candidates)]
            if people is not None and theirs:
                found = self._resolve(theirs)
        return found


def _owns_speaker(text: str, pos: int) -> bool:
    """Does a speaker's noun come within the four words from pos ("official Anadolu Agency",
    "state-run news agency")?"""
    return any(w.strip(".,\"“”").lower() in _SPEAKER_NOUNS for w in text[pos:pos + 50].split()[:4])


def _reference_link(between: str) -> bool:
    """' near ', ' west of the Syrian capital ', ' on the outskirts of ', ' the besieged
    town east of ': words that make the next name a point of reference (up to seven, no
    punctuation, no second item of a list)."""
    words = between.lower().split()
    if not words or len(words) > 7 or not all(w.replace("-", "").isalpha() and w not in _LIST_WORDS for w in words):
        return False
    return any(w in _REFERENCE_LINKS or w in _COMPASS_POINTS and words[i + 1:i + 2] == ["of"] for i, w in enumerate(words))


def _shift(m: PlaceMention, offset: int) -> PlaceMention:
    return PlaceMention(m.start + offset, m.end + offset, m.surface, m.candidates, m.designator)


def _first_words(sentence: Sentence) -> list[str]:
    # (the first words only: asked of every sentence of the body, most of them long)
    return [w.lower() for w in sentence.text.replace(",", " ").split(None, 4)[:4]]


def shifts_topic(sentence: Sentence) -> bool:
    """'Separately, ...', 'Elsewhere, ...', an item of a bulleted list ('-- In Paktia, ...'),
    a place and day of its own ('In Logar last night, ...'): a sentence about another event."""
    words = _first_words(sentence)
    return bool(words) and (match_list_item(sentence.text) is not None
                            or LEXICON.topic_shifts.match_at(words, 0) is not None
                            or match_place_time_opener(sentence.text) is not None)


def opens_other_operation(sentence: Sentence) -> bool:
    """'In other operations: ...', 'A separate force detained ...', 'In another raid, ...': a
    sentence that tells its operation apart from those before it; so does one whose subject
    or agent is another force ('Another combined force detained ...', '... were detained by a
    separate Afghan-international force')."""
    words = _first_words(sentence)
    if not words:
        return False
    if LEXICON.other_operations.match_at(words, 0) is not None or _other_unit(words, 0):
        return True
    text = sentence.text.lower()
    if "another" not in text and "separate" not in text:  # asked of every body sentence: split few
        return False
    words = text.replace(",", " ").split()
    return any(w == "by" and _other_unit(words, k + 1) for k, w in enumerate(words))


_ACTING_UNITS: Final = LEXICON.closed["acting_units"]
_UNIT_REACH: Final = 3  # words between 'another' and its unit noun: 'another joint security force'


def _other_unit(words: list[str], k: int) -> bool:
    """Do the words from k name another acting unit ('another patrol', 'a separate combined force')?"""
    if words[k:k + 1] == ["another"]:
        rest = words[k + 1:k + 1 + _UNIT_REACH]
    elif words[k:k + 2] == ["a", "separate"]:
        rest = words[k + 2:k + 2 + _UNIT_REACH]
    else:
        return False
    return any(w in _ACTING_UNITS for w in rest)


_REFERRING_OPENERS: Final = LEXICON.closed["referring_openers"]


_LONG_LINE: Final = 60  # characters: a hard-wrapped text's lines are shorter, so most end mid-sentence


def _paragraph_a_line(text: str) -> bool:
    """Does the text put one paragraph on each line, with no blank line between them (as
    pages copied from a web archive often do)? Then most of its long lines end a sentence,
    where a hard-wrapped text's lines end anywhere."""
    if "\n\n" in text:
        return False
    long_lines = [line.rstrip() for line in text.split("\n") if len(line.strip()) > _LONG_LINE]
    return len(long_lines) >= 3 and sum(line[-1] in '.!?"”:' for line in long_lines) >= 0.8 * len(long_lines)


def _opens_paragraph(text: str, start: int, one_per_line: bool) -> bool:
    """Does the sentence at `start` open a paragraph: after a blank line, or after a line
    break where the text puts one paragraph on each line?"""
    before = text[max(0, start - 2):start]
    return before.isspace() and before.count("\n") == 2 or one_per_line and text[max(0, start - 1):start] == "\n"


def event_numbers(sentences: list[Sentence], text: str) -> list[Event]:
    """The event each sentence of an article (`text`: its body) reports, numbered from 0 in
    text order, whether an item of a list opened it, and whether it is told apart from the
    operations before it: an item ('-- Troops detained two suspects in ...', '— A combined
    force captured ...'), a sentence that turns to another event ('Separately, ...') or one
    that announces another operation ('A separate force detained ...', opens_other_operation)
    opens the next one; the sentences after it report the same event until the next opens.
    After a turn that ends in a colon ('In other news throughout the region:') each paragraph
    (after a blank line, or a line where the text puts one paragraph on each) is an item,
    unless it opens by referring back to the item before ('The security force searched ...',
    'He ...'): that tells it on. The items after 'In other operations:' are
    other operations too."""
    out, event, items, other_items = [], Event(0, False, False), False, False
    one_per_line = _paragraph_a_line(text)
    for s in sentences:
        if s.field == "body":
            shift = shifts_topic(s)
            other = opens_other_operation(s)
            listed = match_list_item(s.text) is not None or items and _opens_paragraph(text, s.start, one_per_line) \
                and bool(s.words) and s.words[0] not in _REFERRING_OPENERS
            if listed or shift or other:
                event = Event(event.number + 1, listed, other or listed and other_items)
            header = shift and s.text.rstrip().endswith(":")
            items = items or header
            other_items = other_items or header and other
        out.append(event)
    return out


_CLAUSE_OPENERS: Final = LEXICON.speech_scope_breaks | {"as", "which", "where"}
_HEADLINE_VERBS: Final = LEXICON.closed["headline_verbs"]


def _clause_end(sentence: Sentence, k: int) -> int:
    """Field offset where the clause holding token k ends: at ';' or at a comma that opens
    another clause (', as a march attempted to reach ...'), at a capitalised verb that opens
    a headline's second clause ('... in Hama Breaks Siege on Zara Plant', also where the
    headline is repeated in the body), else the sentence end."""
    toks = sentence.tokens
    for j in range(k, len(toks)):
        w = toks[j].lower
        if w == ";" or w == "," and j + 1 < len(toks) and toks[j + 1].lower in _CLAUSE_OPENERS:
            return toks[j].start
        if j > k and toks[j].text[:1].isupper() and _headline_verb(sentence, j):
            return toks[j].start
    return sentence.end


def _headline_verb(sentence: Sentence, j: int) -> bool:
    """A verb that opens a headline's clause: a listed one, or a trigger verb that is no
    noun too ('Kills', 'Captures'; not 'Strikes')."""
    words = sentence.words
    return words[j] in _HEADLINE_VERBS or words[j].endswith("s") and LEXICON.triggers_before.match_at(words, j) is not None \
        and LEXICON.trigger_nouns.match_at(words, j) is None


def claim_stops(drafts: list[ClaimDraft]) -> list[int]:
    """For each draft, where its own stretch ends: the next claim's number in the same sentence."""
    stops = []
    for i, d in enumerate(drafts):
        nxt = next((e.number.start for e in drafts[i + 1:] if e.sentence.index == d.sentence.index
                    and e.number.start > d.number.start), d.sentence.end)
        stops.append(nxt)
    return stops
