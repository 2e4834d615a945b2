"""Stage 4: who claims each figure.

Speech acts are read sentence by sentence: "X said/claims/reported (that)", "said X,
deputy head of Y", "according to X", and the unattributed "it was reported". Pronouns
("he") and roles ("the ministry", "the military") resolve to the nearest earlier named
claimant that fits; a surname alone ("Ignasyuk") to the full name seen before. A claim
takes the speech act of its own sentence nearest to it; with none, the outlet's voice.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Final

from tracker.lexicon import LEXICON, PhraseTable
from tracker.patterns import find_words, word_set
from tracker.records import Attribution, ClaimDraft, Sentence
from tracker.sentences import tokenize

OUTLET: Final = Attribution("outlet")
UNATTRIBUTED: Final = Attribution("unattributed")
_CONNECTORS: Final = LEXICON.closed["name_connectors"]
_TITLE_REST_MAX: Final = 4  # words of a speaker's title a participle of saying may follow
_BACK_REFERENCES: Final = LEXICON.closed["back_references"]
_CONTINUATION_OPENERS: Final = LEXICON.closed["continuation_openers"]
_QUOTES: Final = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})
_OPENING_QUOTES: Final = frozenset({'"', "\u201c"})
_CLOSING_QUOTES: Final = frozenset({'"', "\u201d"})
_PUNCT: Final = frozenset({",", ".", ";", ":", "(", ")", "-", "\u2013", "\u2014"}) | _QUOTES
_SENTENCE_SUBJECT_MAX: Final = 8
_DETERMINERS: Final = LEXICON.closed["articles"]
_NP_ARTICLES: Final = LEXICON.closed["singular_articles"] | {"the"}
_CLAIMANT_NOUNS: Final = LEXICON.closed["claimant_nouns"]
_SENTENCE_ADVERBS: Final = LEXICON.closed["sentence_adverbs"]
_SOURCED_DOCUMENTS: Final = LEXICON.closed["sourced_documents"]
_PREPOSITION_BREAKS: Final = LEXICON.closed["preposition_breaks"]
_CONTRASTS: Final = LEXICON.closed["contrast_conjunctions"]  # 'while', 'whereas': no clause of their own after a speech verb
_NOUN_PHRASE_FOLLOWERS: Final = LEXICON.closed["noun_phrase_followers"]
_RELATIVE_PRONOUNS: Final = LEXICON.closed["relative_pronouns"]
_HEADLINE_SOURCES: Final = LEXICON.closed["headline_sources"]
_ACCUSATIONS: Final = LEXICON.closed["accusation_verbs"]
_AGENT_REPORT_PARTICIPLES: Final = LEXICON.closed["agent_report_participles"]
_SPEAKER_PREPOSITIONS: Final = LEXICON.closed["speaker_prepositions"]
_SEAT_PARTICIPLES: Final = LEXICON.closed["seat_participles"]
_PLACE_PREPOSITIONS: Final = LEXICON.closed["place_prepositions"]  # 'In Daraa the source said': no subject
_CLAUSE_OPENERS: Final = LEXICON.closed["clause_openers"]  # 'as saying', 'to monitor': no speaker's modifier
_APPOSITION_MAX: Final = 12  # words of 'the director of a hospital in the rebel-held east' before the verb
_SPEAKER_MODIFIER_MAX: Final = 6  # words of 'in the northern province' between a speaker noun and its verb
_OCCASIONS: Final = LEXICON.closed["occasion_prepositions"]
_MODALS: Final = LEXICON.closed["modals"]
_INVERSION_VERBS: Final = LEXICON.closed["inversion_verbs"]  # '... were killed said the monitor.
_VICTIM_TAKING_VERBS: Final = LEXICON.closed["victim_taking_verbs"]  # 'strikes claimed 100 civilians'
_VAGUE_PLURALS: Final = LEXICON.closed["vague_plurals"]
_BE_HAVE: Final = LEXICON.closed["be_have"]
_LIST_JOINERS: Final = LEXICON.closed["item_joiners"] | {","}  # the words of a list: "weapons, documents and ..."
_AREA_MAX: Final = 2  # words from 'in' to the place name: 'in rural Idlib', 'in Homs'
_AREA_PREPOSITIONS: Final = LEXICON.closed["area_prepositions"]  # 'activists in rural Idlib said'
_DOCUMENT_NOUNS: Final = LEXICON.closed["document_nouns"]  # 'in a report issued Monday': no speaker
_TIME_PREPOSITIONS: Final = LEXICON.closed["time_prepositions"]  # 'the U.N. in August said'
_PARTS_OF_DAY: Final = LEXICON.closed["parts_of_day"]  # 'police on Monday night said'
_DAY_AND_MONTH_NAMES: Final = frozenset(LEXICON.weekdays) | frozenset(LEXICON.months)  # 'on Sunday', 'in August' (said)
_LEAD_INS: Final = PhraseTable(sorted(LEXICON.closed["speech_lead_ins"]))


@dataclass(frozen=True)
class SpeechAct:
    tok: int  # token index of the verb or marker
    attribution: Attribution
    forward_only: bool = False  # a passive's agent ("are accused by Israel of"): claims after it only
    subject: int = -1  # first token of the speaker's noun phrase before the verb, where there is one


@dataclass
class Claimant:
    name: str
    org: str | None
    is_person: bool
    described: frozenset[str] = frozenset()  # words it was described by ('the Britain-based monitoring group')


class ClaimantRegistry:
    """Named claimants of an article so far, for pronouns, roles and surnames."""

    def __init__(self) -> None:
        self.items: list[Claimant] = []

    def add(self, name: str, org: str | None, is_person: bool) -> Claimant:
        known = self.full_name(name)
        if known is not None:
            if org and not known.org:
                known.org = org
            self.items.append(known)
            return known
        c = Claimant(name, org, is_person)
        self.items.append(c)
        return c

    def again(self, c: Claimant) -> Attribution:
        """A known claimant spoken of again ('the same source', 'the spokesman'): the
        latest one now, for 'it said' next."""
        self.items.append(c)
        return Attribution("named", c.name, c.org)

    def full_name(self, name: str) -> Claimant | None:
        """'Ignasyuk' -> the earlier 'Oleg Ignasyuk'."""
        for c in reversed(self.items):
            if c.name == name or c.is_person and name in c.name.split():
                return c
        return None

    def latest(self, person: bool | None) -> Claimant | None:
        for c in reversed(self.items):
            if person is None or c.is_person == person:
                return c
        return None

    def by_role(self, role_words: frozenset[str]) -> Claimant | None:
        for c in reversed(self.items):
            words = set(find_words(c.name.lower())) | c.described
            if words & role_words:
                return c
        return None


def _is_cap(text: str) -> bool:
    """A capitalised word that can be part of a name (not a weekday or month); a particle
    joined to a capital counts ("al-Nusra", "wal-Muslimin")."""
    capital = text[:1].isupper() or "-" in text and text.rsplit("-", 1)[1][:1].isupper()
    return capital and (low := text.lower()) not in LEXICON.weekdays and low.rstrip(".") not in LEXICON.months


def _speaker_noun(word: str) -> bool:
    """A noun that names who speaks: a role ('ministry', 'army'), a claimant noun ('official',
    'rescuers') or a person's title ('governor', 'secretary')."""
    return word in LEXICON.roles or word in _CLAIMANT_NOUNS or word in LEXICON.person_titles


@functools.cache
def _role_words(role: str) -> frozenset[str]:
    """Words that identify a role's antecedent: 'military' -> army, forces, command ..."""
    return frozenset(w for phrase, roles in LEXICON.roles.phrases() if role in roles for w in phrase)


class _SpeechReader:
    def __init__(self, sentence: Sentence, registry: ClaimantRegistry):
        self.s = sentence
        self.toks = sentence.tokens
        self.words = sentence.words
        self.registry = registry

    def text(self, a: int, b: int) -> str:
        return self.s.text[self.toks[a].start - self.s.start: self.toks[b - 1].end - self.s.start]

    def np_backward(self, end: int) -> tuple[int, int] | None:
        """The noun phrase ending at token end-1: capitalised words, connectors, role and title words."""
        lex = LEXICON
        k = end - 1
        while k >= 0:
            t, w = self.toks[k].text, self.words[k]
            if w == ")" and k >= 3 and self.words[k - 2] == "(" and self.words[k - 3][:1].isalpha():
                k -= 3  # "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) claimed"
                continue
            if _is_cap(t) or w in _CONNECTORS or w in lex.roles or lex.roles.match_ending_at(self.words, k) \
                    or lex.person_titles.match_ending_at(self.words, k) or w in lex.org_words or w in _CLAIMANT_NOUNS:
                k -= 1
                continue
            if w == "." and k > 0 and len(self.toks[k - 1].text) <= 4 and self.toks[k - 1].text[:1].isupper():
                k -= 1  # "U.S." tokenizes as "U.S" + "."
                continue
            break
        a = k + 1
        # "the health ministry", "the United Nations human rights chief": up to two
        # lower-case modifiers before a role or title noun, and the capitalised name before
        # them (not before a name that has its role noun: "in such attacks Anadolu Agency said")
        if a < end and not _is_cap(self.toks[a].text) \
                and (lex.roles.match_ending_at(self.words, end - 1) or lex.person_titles.match_ending_at(self.words, end - 1)):
            m = a
            while m > 0 and end - m < 4 and self.words[m - 1].isalpha() and self.words[m - 1] not in lex.stop_words \
                    and self.words[m - 1] not in lex.auxiliaries and self.words[m - 1] not in _CONNECTORS \
                    and self.words[m - 1] not in lex.weekdays \
                    and not lex.triggers_before.match_ending_at(self.words, m - 1):
                m -= 1
            while m < a and m > 0 and _is_cap(self.toks[m - 1].text):
                m -= 1
            a = m
        # "Elsewhere in the country the Observatory", "six children a monitor": a noun
        # phrase starts at its last article, unless the article is inside a name ("Ministry of the Interior")
        a = next((p for p in range(end - 1, a, -1) if self.words[p] in _NP_ARTICLES
                  and self.words[p - 1] not in _CONNECTORS), a)
        while a < end and (self.words[a] in _CONNECTORS or self.words[a] in _SENTENCE_ADVERBS):
            a += 1
        b = end
        while b > a and self.words[b - 1] in _CONNECTORS:
            b -= 1
        return (a, b) if b > a else None

    def np_forward(self, start: int) -> tuple[int, int] | None:
        k = start
        while k < len(self.words) and self.words[k] in ("the", "a", "an", "one"):
            k += 1
        a = k
        while k < len(self.words) and (_is_cap(self.toks[k].text) or self.words[k] in _CONNECTORS and k > a
                                       and not self.verb_after_connector(k)
                                       or _speaker_noun(self.words[k]) or self.role_ahead(k) or self.abbreviation_dot(k, a)):
            k += 1
        while k > a and self.words[k - 1] in _CONNECTORS:
            k -= 1
        return (a, k) if k > a else None

    def verb_after_connector(self, k: int) -> bool:
        """'Israel of attacking Israeli forces': a connector before a gerund ends the name."""
        return k + 1 < len(self.words) and self.words[k + 1].endswith("ing") and not _is_cap(self.toks[k + 1].text)

    def abbreviation_dot(self, k: int, a: int) -> bool:
        """The dot of 'U.S.' inside a name ('U.S. defense secretary Pete Hegseth'): "U.S" + "." + more name."""
        return self.words[k] == "." and k > a and len(self.toks[k - 1].text) <= 4 and self.toks[k - 1].text[:1].isupper() \
            and k + 1 < len(self.words) and self.words[k + 1] not in _PUNCT

    def role_ahead(self, k: int) -> bool:
        """'the Gaza health ministry', 'the region's governor': a lower-case modifier (or
        possessor) of a role noun right after it."""
        w = self.words[k].removesuffix("'s")
        return w.isalpha() and w not in LEXICON.stop_words and w not in _NP_ARTICLES and any(
            _speaker_noun(self.words[j]) for j in range(k + 1, min(len(self.words), k + 3)))

    def appositive_org(self, after: int) -> str | None:
        """', deputy head of the Russian Center for Reconciliation ...' -> the organisation."""
        k = after
        if k < len(self.words) and self.words[k] == ",":
            k += 1
        for j in range(k, min(len(self.words), k + 6)):
            if self.words[j] in ("of", "for", "at") and j > k:
                span = self.np_forward(j + 1)
                if span:
                    return self.text(*span)
            if self.words[j] in _PUNCT:
                break
        return None

    def resolve(self, a: int, b: int) -> Attribution:
        """A claimant phrase [a, b) to an Attribution: pronoun, role, surname, or a new name."""
        lex = LEXICON
        words = self.words[a:b]
        phrase = self.text(a, b)
        if len(words) == 1 and words[0] in lex.pronouns:
            kind = lex.pronouns[words[0]]
            c = self.registry.latest(True if kind == "person" else False if kind == "org" else None)
            if c is None and kind == "org":
                c = self.registry.latest(None)
            return Attribution("named", c.name, c.org) if c else UNATTRIBUTED
        # "the Britain-based group": where a body sits is no part of a name, it describes
        # one named before
        seated = [k for k in range(a, b) if self.words[k].rpartition("-")[2] in _SEAT_PARTICIPLES]
        if not any(_is_cap(self.toks[k].text) for k in range(a, b) if k not in seated):
            if any(w in _BACK_REFERENCES for w in self.words[max(0, a - 1): a + 2]):  # "the same source said"
                c = self.registry.latest(None)
                if c is not None:
                    return self.registry.again(c)
            role = lex.roles.match_ending_at(self.words, b - 1)
            if role is not None:
                c = self.registry.by_role(_role_words(role[1][0]))
                if c is not None:
                    if seated:  # 'the group said' next may mean it too
                        c.described |= frozenset(words)
                    return self.registry.again(c)
            c = self.registry.add(phrase.removeprefix("the ").removeprefix("The "), None, False)
            return Attribution("named", c.name, c.org)
        # "Russian Defense Ministry spokesman Igor Konashenkov": organisation, title, person
        for k in range(b - 1, a - 1, -1):
            title = lex.person_titles.match_ending_at(self.words, k)
            if title and k + 1 < b and _is_cap(self.toks[k + 1].text) and b - k - 1 <= 4 \
                    and not any(w in lex.org_words for w in self.words[k + 1:b]):
                person = self.text(k + 1, b)
                org_end = k - title[0] + 1
                named_org = org_end > a and any(_is_cap(self.toks[j].text) for j in range(a, org_end))
                org = self.text(a, org_end) if named_org else self.appositive_org(b)
                c = self.registry.add(person, org, True)
                return Attribution("named", c.name, c.org)
        capitals = [self.toks[k].text for k in range(a, b) if _is_cap(self.toks[k].text)]
        is_person = len(words) <= 3 and not any(w in lex.org_words for w in words) and all(ch.isalpha() or ch in "-'." for w in capitals for ch in w)
        known = self.registry.full_name(phrase)
        if known is not None:
            return self.registry.again(known)  # the latest speaker now, for 'it said' next
        org = self.appositive_org(b) if is_person else None
        c = self.registry.add(phrase, org, is_person)
        return Attribution("named", c.name, c.org)

    def speaker_with_modifier(self, v: int, reach: int = _SPEAKER_MODIFIER_MAX) -> tuple[int, int] | None:
        """'a source in the northern province said', 'the Russian center for monitoring the
        ceasefire registered': a speaker noun with a prepositional phrase of place, body or
        purpose between it and the verb (the whole phrase is the claimant), at most reach
        words long."""
        words = self.words
        for j in range(v - 1, max(-1, v - 2 - reach), -1):
            if words[j] in _PUNCT or words[j] in LEXICON.speech_verbs or words[j] in _CLAUSE_OPENERS:
                return None
            if j + 1 < v and words[j + 1] in _SPEAKER_PREPOSITIONS and _speaker_noun(words[j]):
                head = self.np_backward(j + 1)
                a = head[0] if head is not None else j
                a = a - 1 if a > 0 and words[a - 1] in _NP_ARTICLES else a
                end = v
                while words[end - 1] in _SENTENCE_ADVERBS:
                    end -= 1  # 'the Center for Policy Research however puts': no part of the name
                return a, end
        return None

    def adverb_before(self, s: int) -> tuple[int, int] | None:
        """'the watchdog Reporters Without Borders recently reported': an adverb between
        the speaker and the verb at s is no part of the speaker."""
        t = s
        while t > 0 and self.words[t - 1] in _SENTENCE_ADVERBS:
            t -= 1
        span = self.np_backward(t) if t < s else None
        if span is None or span[0] > 1 and self.words[span[0] - 1] in _PLACE_PREPOSITIONS:
            return None  # '... killed in Idlib today said Abdul Rahman': a place ends the clause (not
            # one that opens the sentence: 'In Homs state television initially said')
        return span

    def seated_speaker(self, span: tuple[int, int]) -> tuple[int, int]:
        """'the Syrian Observatory for Human Rights based in Britain said': the place where
        the speaker sits ends the noun phrase before the verb; the speaker is the one
        before 'based in'."""
        a, words = span[0], self.words
        if a >= 3 and words[a - 1] in _SPEAKER_PREPOSITIONS and words[a - 2] in _SEAT_PARTICIPLES:
            return self.np_backward(a - 2) or span
        return span

    def inverted_speaker(self, v: int, prev: str) -> tuple[int, int] | None:
        """'..., said Oleg Ignasyuk', and without the comma '... nine women said Observatory
        director Rami Abdel Rahman.', '... were wounded said the monitoring group.': the
        speaker after a verb of saying. Without the comma the phrase must close the sentence,
        or before a relative clause of its own ('... said the monitor which has sources across
        the country'), after a verb that allows the inversion ('said', 'added'; not 'Israel accused Hamas.'),
        and it wins over a noun phrase before the verb ('... to join opposition forces said
        the Observatory.')."""
        words = self.words
        k = v + 1
        if v == 0 or k >= len(words):
            return None
        speaker_noun = words[k] in _NP_ARTICLES and k + 1 < len(words) and (_speaker_noun(words[k + 1]) or self.role_ahead(k + 1))
        after = self.np_forward(k) if self.is_name_start(k) or speaker_noun else None
        if after is None:
            return None
        if prev not in _PUNCT and (words[v] not in _INVERSION_VERBS or not self.closes_sentence(after[1])
                                   and not (after[1] < len(words) and self.closes_inversion(after[1]))):
            return None  # (a relative clause may close it: '... said the Observatory which relies on ...')
        a, b = after  # 'said Rami Nassar director of the Observatory': the person, his title's body is his org
        name_end = next((k for k in range(a + 1, b) if self.toks[k].text.islower() and _is_cap(self.toks[k - 1].text)
                         and self.title_of(k)), b)
        if prev not in _PUNCT and name_end - a > _SENTENCE_SUBJECT_MAX:
            return None  # a run of capitals, no speaker ('... said Tags Aleppo Syria Assad extremism war')
        return a, name_end

    def closes_inversion(self, k: int) -> bool:
        """What may follow a speaker after its verb in comma-less text: a relative clause of
        its own ('... said the monitor which relies on ...'), an appositive phrase ('... said
        the Observatory a British-based monitoring group'), or a participle of saying ('...
        said Mounzer Khalil head of the health authority adding that ...')."""
        if self.words[k] in _RELATIVE_PRONOUNS or self.words[k] in ("a", "an"):
            return True
        for w in self.words[k:k + _TITLE_REST_MAX + 1]:
            if w.endswith("ing") and w in LEXICON.speech_verbs:
                return True  # past the rest of a title ('head of Idlibs health authority')
            if w in _PUNCT or _verb_like(w):
                return False
        return False

    def title_of(self, k: int) -> bool:
        """A person's title at k followed by its body, not by the name ('director of the
        Observatory', not 'director Karim Nassar')."""
        title = LEXICON.person_titles.match_at(self.words, k)
        return title is not None and k + title[0] < len(self.words) and self.words[k + title[0]] in ("of", "for", "at")

    def place_modifier(self, a: int, b: int) -> bool:
        """Is the name at b the object of a place preposition after the speaker noun that opens
        at a ('doctors in eastern Homs', 'a correspondent in Damascus'), not the body the
        speaker works for ('a spokesman for the Northern Army', 'a source at the Police Command')?
        A name right after one of the place prepositions is its object, however far the
        speaker noun ('a doctor at the clinic in Saraqeb in Idlib said')."""
        if self.words[b - 1] in _AREA_PREPOSITIONS and self.words[b - 2] not in _SEAT_PARTICIPLES:
            return True  # (but 'the Observatory based in Britain said': seated_speaker)
        prep = next((k for k in range(a, b) if self.words[k] in _SPEAKER_PREPOSITIONS), None)
        if prep is None or self.words[prep] not in _AREA_PREPOSITIONS or b - prep > _AREA_MAX:
            return False  # a longer phrase holds a speaker of its own ('a center in Turmanin neighborhood Vasik Harak')
        # the name continues the preposition's object: no article opens a noun phrase of its own
        # ('... the Islamic State group in eastern Syria a monitor said')
        return not any(w in _DETERMINERS for w in self.words[prep + 2: b + 1])

    def closes_sentence(self, k: int) -> bool:
        """Nothing but closing punctuation from token k to the end of the sentence."""
        return all(w in _PUNCT or w in ("!", "?") for w in self.words[k:])

    def is_name_start(self, k: int) -> bool:
        """A capitalised word that can open a claimant's name (not 'Monday', 'March')."""
        w = self.words[k]
        if w in ("the", "a", "an") and k + 1 < len(self.words):
            k, w = k + 1, self.words[k + 1]
        return _is_cap(self.toks[k].text) and w not in LEXICON.weekdays and w not in LEXICON.months

    def appositive_subject(self, s: int) -> tuple[int, int] | None:
        """Without commas, 'Hamza al-Khatib the director of a hospital in the east told
        Reuters ...': a name opening the sentence, then an apposition ('the director of
        ...', 'a spokesman for ...') running up to the verb at s, is the speaker."""
        span = self.sentence_subject
        if span is None:
            return None
        words = self.words
        e = next((k for k in range(span[0] + 1, span[1]) if words[k] in _NP_ARTICLES), span[1])
        span = (span[0], e)  # the name reads on into 'the director': the apposition starts at its article
        if not any(_is_cap(self.toks[k].text) for k in range(*span)) or s - e < 2 or s - e > _APPOSITION_MAX \
                or words[e] not in _NP_ARTICLES or not self.toks[e].text.islower() \
                or not _speaker_noun(words[e + 1]):  # 'Hama A military source said': a dateline, no apposition
            return None
        if any(w in _PUNCT or w in LEXICON.speech_verbs or w in _CLAUSE_OPENERS and w != "to" or _verb_like(w)
               or w[:1].isdigit() or w in LEXICON.number_words for w in words[e:s]):
            return None
        return span

    def relative_subject(self, s: int) -> tuple[int, int] | None:
        """Without commas, 'Bishop Mark Stone who visited the camps in Syria said ...': the
        name opening the sentence (and a short apposition: 'The Palmyra Committee a local
        group that supports ...'), then a relative clause running up to the verb at s (no
        punctuation, no other speech verb, at most _APPOSITION_MAX words), is the speaker."""
        span = self.sentence_subject
        if span is None or span[1] >= s:
            return None
        r = span[1]
        if self.words[r] in ("a", "an"):
            # past a short apposition: 'The Palmyra Committee a local group that supports ...'
            r = next((k for k in range(r + 1, min(s, r + 4)) if self.words[k] in _RELATIVE_PRONOUNS), r)
        if self.words[r] not in _RELATIVE_PRONOUNS or s - r > _APPOSITION_MAX \
                or not any(_is_cap(self.toks[k].text) for k in range(*span)):
            return None
        if any(w in _PUNCT or w in LEXICON.speech_verbs for w in self.words[span[1]: s]):
            return None
        return span

    def _ly_adverb(self, k: int) -> bool:
        """'Surprisingly the ministry said': an -ly word before an article is an adverb, no name."""
        return self.words[k].endswith("ly") and k + 1 < len(self.words) and self.words[k + 1] in _NP_ARTICLES

    @functools.cached_property
    def sentence_subject(self) -> tuple[int, int] | None:
        """The name that opens the sentence (read once: each of its speech verbs may ask)."""
        start = 0  # 'Earlier a source at the police command said': the adverb is no name
        while start < len(self.words) and (self.words[start] in _SENTENCE_ADVERBS or self._ly_adverb(start)):
            start += 1
        if start < len(self.words) and self.words[start] in _PLACE_PREPOSITIONS:
            return None
        span = self.np_forward(start)
        if span and span[1] - span[0] <= _SENTENCE_SUBJECT_MAX:
            return span
        return None

    def acts(self) -> list[SpeechAct]:
        lex = LEXICON
        out: list[SpeechAct] = []
        words = self.words
        openers = _speech_openers()
        resume = 0  # a phrase read from k on is not read again from inside it
        for k in [k for k, w in enumerate(words) if w in openers]:
            if k < resume:
                continue
            marker = lex.unattributed_markers.match_at(words, k)
            if marker is not None:
                out.append(SpeechAct(k, UNATTRIBUTED))
                resume = k + marker[0]
                continue
            before = lex.speech_markers_before.match_at(words, k)
            if before is not None:
                j = k + before[0]
                j = self.document_author(j)
                span = self.np_forward(j)
                if span:  # the speaker after the marker: the clauses before it stay in its scope
                    out.append(SpeechAct(k, self.resolve(*span), subject=span[0]))
                resume = j
                continue
            if words[k] in lex.speech_verbs and 0 < k < len(words) - 2 and words[k - 1] in _DETERMINERS and words[k + 1] == "by":
                # a speech noun and its agent: "the claim by activists that at least 640 people were killed"
                span = self.np_forward(k + 2)
                if span:
                    out.append(SpeechAct(k, self.resolve(*span), forward_only=True, subject=span[0]))
                    resume = span[1]
                continue
            if words[k] in lex.speech_verbs and self.toks[k].text.islower() and (k == 0 or words[k - 1] not in _DETERMINERS) \
                    and not _listed_noun(words, k):
                if words[k].endswith("ing") and out:
                    # "..., the governor warned, adding that ...": the same speaker
                    out.append(SpeechAct(k, out[-1].attribution))
                    continue
                act = self.verb_act(k)
                if act is not None:
                    out.append(act)
        return out

    def document_author(self, j: int) -> int:
        """Where the speaker starts after 'according to' at j: past 'a (new) report by',
        'the latest tally from' (sourced_documents), else j."""
        words = self.words
        if j < len(words) and words[j] in _DETERMINERS:
            for x in range(j + 1, min(len(words) - 1, j + 4)):
                if words[x] in _SOURCED_DOCUMENTS and words[x + 1] in ("by", "from"):
                    return x + 2
                if not self.toks[x].text.islower():
                    break
        return j

    def verb_act(self, v: int) -> SpeechAct | None:
        words = self.words
        prev = words[v - 1] if v > 0 else ""
        if (LEXICON.triggers_before.match_at(words, v) or (0, None))[0] > 1 \
                or "lives" in words[v + 1: v + 7] and _takes_victims(words, v):
            return None  # "the blast claimed the lives of 12", "air strikes claimed 100 civilian lives"
        if words[v] in _VICTIM_TAKING_VERBS and _takes_victims(words, v):
            return None  # "strikes claimed more than 100 civilians", "claiming eight and ...": victims, not speech
        if prev in ("was", "were", "is", "are", "been", "be", "being"):
            # passive: "were reported killed" is not a speaker; its agent is ("are accused by Israel of")
            agent = self.np_forward(v + 2) if v + 2 < len(words) and words[v + 1] == "by" else None
            return SpeechAct(v, self.resolve(*agent), forward_only=True) if agent is not None else None
        if words[v] in _AGENT_REPORT_PARTICIPLES and v + 2 < len(words) and words[v + 1] == "by" and prev.isalpha() \
                and prev not in LEXICON.auxiliaries:
            # a reduced passive after its noun: "the civilians reported by one war monitor to
            # be killed", "the toll announced by the ministry": the agent speaks
            agent = self.np_forward(v + 2)
            if agent is not None:
                return SpeechAct(v, self.resolve(*agent), subject=agent[0])
        if v + 1 < len(words) and words[v + 1] == "of":
            return None  # a participle: "three militants accused of planning an attack"
        if v > 2 and words[v].endswith("ed") and words[v - 1] in _DOCUMENT_NOUNS and words[v - 2] in _DETERMINERS \
                and words[v - 3] in _SPEAKER_PREPOSITIONS:
            return None  # a participle of the document a preposition governs: "said in a statement issued Monday"
        s = _lead_in_start(words, v)  # 'the White Helmets have said': the speaker ends before 'have'
        if s >= 2 and words[s - 1] in _OPENING_QUOTES and words[s - 2] not in _PUNCT \
                and self.toks[s - 1].start > self.toks[s - 2].end and self.toks[s].start == self.toks[s - 1].end:
            # 'The monitor "has documented ...': a quotation opens with the verb, after its
            # subject (the mark glued to the verb, not to the word before: '... women" said')
            s -= 1
        prev = words[s - 1] if s > 0 else ""
        if prev in LEXICON.pronouns and s >= 3 and words[s - 3] in _RELATIVE_PRONOUNS and self.toks[s - 2].text.islower() \
                and _is_verb_form(words[s - 2]):
            # 'the aid group that supports it said': the pronoun is the relative clause's
            # object; the speaker is the noun phrase before the relative pronoun
            span = self.speaker_with_modifier(s - 3) or self.np_backward(s - 3)
            if span is not None:
                return SpeechAct(v, self.resolve(*span), subject=span[0])
        if prev in LEXICON.pronouns:
            return SpeechAct(v, self.resolve(s - 1, s), subject=s - 1)
        if prev in _RELATIVE_PRONOUNS and self.toks[s - 1].text.islower():
            # 'an activist in Deir al-Zour who spoke ...': the relative pronoun's antecedent
            span = self.speaker_with_modifier(s - 1) or self.np_backward(s - 1)
            return SpeechAct(v, self.resolve(*span), subject=span[0]) if span is not None else None
        inverted = self.inverted_speaker(v, prev)
        if inverted is not None:
            # the speaker after the verb is the subject of the whole sentence, whatever
            # clauses come before it: 'subject' past the verb keeps them in its scope
            return SpeechAct(v, self.resolve(*inverted), subject=inverted[0])
        span = self.np_backward(s)
        modified = self.speaker_with_modifier(s)
        if modified is None and span is not None and span[0] > 0 and words[span[0] - 1] in _AREA_PREPOSITIONS:
            # 'a spokesman at the hospital in Kafr Nabl in Idlib said': the name a place
            # preposition governs is no subject; the speaker noun may stand further back
            modified = self.speaker_with_modifier(s, _SPEAKER_MODIFIER_MAX + span[1] - span[0])
        if span is None or modified is not None and self.place_modifier(modified[0], span[0]):
            span = modified  # 'activists in rural Idlib said': the speaker, not the place
        if span is None:
            span = self.adverb_before(s)
        if span is not None:
            span = self.seated_speaker(span)
        subject = self.appositive_subject(s) or self.relative_subject(s)
        if subject is not None and (span is None or span[0] > subject[1]):
            span = subject  # 'Omar Haddad the spokesman for the brigade said': the name, not the brigade
        if span is not None and not (span[1] - span[0] == 1 and words[span[0]] in ("it",) and v + 1 < len(words) and words[v + 1] == "that"):
            return SpeechAct(v, self.resolve(*span), subject=span[0])
        if prev in ("and", "but", "also") or prev == ",":
            subject = self.sentence_subject
            if subject is not None:
                return SpeechAct(v, self.resolve(*subject))
        return None


def _listed_noun(words: list[str], k: int) -> bool:
    """'seize weapons and documents and arrest 115 suspects': a verb form in -s between two
    list joiners is a plural noun of the list, no speech verb."""
    return words[k].endswith("s") and 0 < k < len(words) - 1 and words[k - 1] in _LIST_JOINERS \
        and words[k + 1] in ("and", "or")


def _takes_victims(words: list[str], v: int) -> bool:
    """Does the verb at v ('claimed') take a count of victims, not a statement: a count
    (after a qualifier) with no finite verb after it ('strikes claimed more than 100
    civilians', 'claiming eight and injuring 14'; not 'claimed 40 soldiers defected')?"""
    after = words[v + 1: v + 8]
    qualifier = LEXICON.qualifiers_before.match_at(after, 0)
    n = qualifier[0] if qualifier else 0
    if n >= len(after) or not (after[n][:1].isdigit() or after[n] in LEXICON.number_words or after[n] in _VAGUE_PLURALS):
        return False
    return not any(w in _BE_HAVE or w == "that" or w.endswith("ed") for w in after[n + 1:])


def _lead_in_start(words: list[str], v: int) -> int:
    """Where the speech verb at v starts with its lead-in ('have said', 'had announced') and
    a time adjunct before it ('the ministry earlier said', 'the U.N. in August said',
    'police on Monday night said', 'the army Monday said'): the speaker's noun phrase ends there."""
    lead_in = _LEAD_INS.match_ending_at(words, v - 1)  # the longest
    if lead_in is not None:
        v -= lead_in[0]
    if v > 0 and words[v - 1] in _SENTENCE_ADVERBS:
        return v - 1
    if v > 1 and words[v - 1] in _PARTS_OF_DAY and words[v - 2] in LEXICON.weekdays:
        v -= 1
    if v > 1 and words[v - 1].rstrip(".") in _DAY_AND_MONTH_NAMES and words[v - 2] in _TIME_PREPOSITIONS:
        return v - 2
    if v > 0 and words[v - 1] in LEXICON.weekdays:
        return v - 1  # 'the army Monday said'
    return v


def _ends_speech_scope(sentence: Sentence, j: int) -> bool:
    """Does words[j] open a clause of its own ('..., after militants attacked')? 'while'
    with no comma before it goes on with the report; 'since' or
    'after' before an article, a month or a number is a preposition ('since the ceasefire'),
    and so before a gerund ('after killing 100') and before a bare noun that a preposition
    or a relative pronoun follows ('after clashes with rebels that killed 11')."""
    words = sentence.words
    w = words[j]
    if w not in LEXICON.speech_scope_breaks:
        return False
    if w in _CONTRASTS and words[j - 1] != ",":
        return False  # 'the ministry said four died while 50 were injured': one report of two figures
    if w in _PREPOSITION_BREAKS and j + 1 < len(words):
        nxt = words[j + 1]
        if _bare_noun_phrase(sentence, j + 1) or _gerund(sentence, j + 1):
            return False
        return nxt not in _DETERMINERS and nxt not in LEXICON.months and not nxt[:1].isdigit()
    return True


def _gerund(sentence: Sentence, k: int) -> bool:
    """A lower-case '-ing' word at k: 'after killing 100 terrorists' is a phrase of the
    reported clause, with no subject of its own."""
    text = sentence.tokens[k].text
    return text.isalpha() and text.islower() and text.endswith("ing") and len(text) > 5


def _bare_noun_phrase(sentence: Sentence, k: int) -> bool:
    """Does a bare lower-case noun at k open a noun phrase, not a clause: a preposition or a
    relative pronoun after it, and no verb before its relative clause or the next comma
    ('clashes with rebels that killed 11'; not 'residents in the town were shelled')?"""
    words, toks = sentence.words, sentence.tokens
    if k + 1 >= len(words) or not toks[k].text.isalpha() or not toks[k].text.islower() \
            or words[k + 1] not in _NOUN_PHRASE_FOLLOWERS:
        return False
    for x in range(k + 1, len(words)):
        if words[x] in _RELATIVE_PRONOUNS or words[x] in _PUNCT:
            return True
        if words[x] in _BE_HAVE or toks[x].text.islower() and _verb_like(words[x]):
            return False
    return True


def _occasion_after_object(words: list[str], verb: int, j: int) -> bool:
    """Does words[j] ('following', 'after', 'amid') open the occasion of a speech act whose
    verb at `verb` took a noun phrase object ('announces an immediate ceasefire following
    clashes that killed four')? Not after a clausal object ('reports that ... following
    ...', 'said Russia should be investigated following ...'), nor when the object holds a
    trigger ('reported 10 killed following ...'), nor as an adjective ('the following day')."""
    if words[j] not in _OCCASIONS or j < verb + 2 or words[verb + 1] == "that" or words[j - 1] in _DETERMINERS:
        return False
    lex = LEXICON
    return not any(lex.triggers_after.match_at(words, x) or lex.triggers_before.match_at(words, x)
                   or lex.trigger_nouns.match_at(words, x) or _verb_like(words[x]) for x in range(verb + 1, j))


def _is_verb_form(w: str) -> bool:
    """A finite verb form of a short relative clause ('that supports it', 'which runs it',
    'who employed them'): a third-person -s or a past -ed form."""
    return w.isalpha() and (w.endswith("ed") or w.endswith("s") and not w.endswith("ss"))


def _verb_like(w: str) -> bool:
    """An auxiliary, a modal or a past form: the speech verb's object is a clause ('said
    Daesh cordoned off the area after the strike ...', 'said Russia should be investigated')."""
    return w in LEXICON.auxiliaries or w in _MODALS or w.endswith("ed") and "-" not in w


def _new_main_clause(words: list[str], j: int) -> bool:
    """', and' or ';' at j: a main clause of its own follows ('..., and 7 men are detained')."""
    return words[j] == ";" or words[j] == "and" and words[j - 1] == ","


def _later_clause(words: list[str], k: int, act: SpeechAct) -> bool:
    """Is the verb after the claim at k in a clause of its own ('ten are killed after Jubaland
    forces claim they took the town')? Not past a comma: '..., after X, the army said'; nor
    when the speaker's noun phrase does not open that clause (text without commas: '... when
    a helicopter dropped bombs on Aleppo a monitoring group said')."""
    for j in range(act.tok - 1, k, -1):
        if words[j] == ",":
            return False
        if words[j] in LEXICON.speech_scope_breaks:  # its own verb follows: a clause, whatever comes next
            return not act.subject > j + 1 + (words[j + 1] in _DETERMINERS)
    return False


def _hearsay_of_later_clause(words: list[str], k: int, act: SpeechAct) -> bool:
    """Is an unattributed marker after the claim at k inside a later clause ('killing at
    least 80 people, with dozens also reportedly kidnapped')? Past a comma it reaches back
    only as a clause of its own right after the comma ('..., it was reported', '...,
    witnesses said')."""
    return act.attribution is UNATTRIBUTED and words[act.tok - 1] != "," and "," in words[k + 1:act.tok]


def _open_quote(text: str) -> bool:
    """Does a quotation opened in this text stay open at its end?"""
    return text.count('"') % 2 == 1 or text.count("\u201c") > text.count("\u201d")


_QUOTE_REACH: Final = 3  # later sentences in which a quotation may close


def _quote_speaker(sentences: list[Sentence], index: int, acts_by_sentence: dict[int, list[SpeechAct]]) -> Attribution | None:
    """A sentence inside a quotation that closes in a later sentence ('"We killed 20 of
    them. We also destroyed five tanks," the commander said.') takes that speaker."""
    if not _open_quote(sentences[index].text):
        return None
    for later in sentences[index + 1: index + 1 + _QUOTE_REACH]:
        if later.field != sentences[index].field:
            return None
        if _open_quote(later.text):  # the quotation closes here
            acts = acts_by_sentence.get(later.index)
            return acts[0].attribution if acts else None
    return None


def _next_quote_speaker(sentences: list[Sentence], index: int, acts_by_sentence: dict[int, list[SpeechAct]]
                        ) -> Attribution | None:
    """A sentence that is a quotation of its own, right after a quoted sentence with a
    named speaker ('"Eleven were killed," he said. "There are around 20 wounded."'),
    goes on quoting that speaker."""
    text = sentences[index].text
    if index == 0 or text[:1] not in _OPENING_QUOTES or text.rstrip(".!?")[-1:] not in _CLOSING_QUOTES \
            or _open_quote(text) or text.count('"') + text.count("\u201c") > 2:
        return None
    before = sentences[index - 1]
    if before.field != sentences[index].field or not _QUOTES.intersection(before.text[:1] + before.text[-40:]):
        return None
    named = [a for a in acts_by_sentence.get(before.index, ()) if a.attribution.attribution == "named"]
    return named[-1].attribution if named else None


def _headline_source(sentence: Sentence) -> Attribution | None:
    """'Air raids kill 29 civilians in north Syria town Monitor', '... Aleppo: state media':
    a headline's last words that name a source are its claims' claimant."""
    if sentence.field != "title":
        return None
    words = sentence.text.rstrip(" .").split()
    for n in (2, 1):
        tail = words[-n:]
        if len(words) > n + 2 and " ".join(tail).lower().strip(":-") in _HEADLINE_SOURCES:
            return Attribution("named", " ".join(tail).strip(":-"))
    return None


def _whole_speaker(d: ClaimDraft, done: list[Attribution], position: dict[int, int]) -> Attribution | None:
    """A part of a figure of an earlier sentence ('The ministry said 270 civilians were killed.
    The victims included 51 children ...'), in a sentence with no speaker of its own, is a
    breakdown of the same source's figure: it takes the whole's speaker."""
    whole = d.part_of
    i = position.get(id(whole)) if whole is not None else None
    if whole is None or i is None or i >= len(done) or whole.sentence.index >= d.sentence.index:
        return None
    return done[i] if done[i].attribution == "named" else None


def _continued_speaker(d: ClaimDraft, drafts: list[ClaimDraft], done: list[Attribution]) -> Attribution | None:
    """'The Observatory said 50 fighters were killed ... Another 11 were killed in
    clashes.': a sentence with no speaker of its own that opens with 'another' and its count
    adds to the figures of the sentence before: it takes their speaker."""
    i = len(done) - 1
    if i < 0 or d.sentence.words[0] not in _CONTINUATION_OPENERS:
        return None
    if drafts[i].sentence.index != d.sentence.index and (d.number.tok_start != 1 or drafts[i].sentence.index != d.sentence.index - 1):
        return None  # (a later count of the sentence takes what its first one took)
    return done[i] if done[i].attribution == "named" else None


@functools.cache
def _speech_openers() -> frozenset[str]:
    """Words that can open a speech act: speech verbs and the first words of markers."""
    return LEXICON.speech_verbs | LEXICON.speech_markers_before.first_words | LEXICON.unattributed_markers.first_words


def attribute(sentences: list[Sentence], drafts: list[ClaimDraft]) -> list[Attribution]:
    """The attribution of each draft (same order), reading speech acts across the article."""
    registry = ClaimantRegistry()
    speech_words = _speech_openers()
    acts_by_sentence: dict[int, list[SpeechAct]] = {}
    # a sentence's acts serve the claims of its own, of the one after it and of the quoted
    # ones before it (_QUOTE_REACH); the registry only carries names forward, so the
    # sentences past the last claim's reach need not be read
    last = max((d.sentence.index for d in drafts), default=-1) + _QUOTE_REACH
    for s in sentences[:last + 1]:
        if speech_words.isdisjoint(word_set(s.text)):
            continue
        s = tokenize(s)
        acts_by_sentence[s.index] = _SpeechReader(s, registry).acts()
    out: list[Attribution] = []
    position = {id(d): i for i, d in enumerate(drafts)}
    for d in drafts:
        acts = acts_by_sentence.get(d.sentence.index)
        if not acts:
            out.append(_quote_speaker(sentences, d.sentence.index, acts_by_sentence)
                       or _next_quote_speaker(sentences, d.sentence.index, acts_by_sentence)
                       or _headline_source(d.sentence) or _whole_speaker(d, out, position)
                       or _continued_speaker(d, drafts, out) or OUTLET)
            continue
        k = d.number.tok_start
        words = d.sentence.words
        # a verb governs the claims after it only within its own clause; an accusation
        # ('..., with rights groups accusing police of the attack') only what follows it
        acts = [a for a in acts if a.tok > k and not a.forward_only and words[a.tok] not in _ACCUSATIONS
                and not _later_clause(words, k, a) and not _hearsay_of_later_clause(words, k, a)
                or a.tok < k and not any(_ends_speech_scope(d.sentence, j) or a.forward_only and _new_main_clause(words, j)
                                         or _occasion_after_object(words, a.tok, j) for j in range(a.tok + 1, k))]
        if not acts:
            out.append(OUTLET)
            continue
        named = [a for a in acts if a.attribution.attribution == "named"]
        pool = named or acts
        nearest = min(pool, key=lambda a: abs(a.tok - k))
        out.append(nearest.attribution)
    return out
