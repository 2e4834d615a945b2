"""Stage 7: claim drafts with their attribution, period and places become claim rows.

Rows sharing a figure for the same thing share a `claim_key`; claim-level attributes
(claimant, period, places, aggregation) are unified across a key's mentions by taking
the most specific mention's (the headline names no claimant, the quote does). Ids are
content hashes, so the same corpus and version give the same ids.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import Final

from tracker import __version__
from tracker.contract import load_schema
from tracker.classify import joined, sums_up_events
from tracker.gazetteer import PlaceResolution
from tracker.lexicon import LEXICON, PEOPLE_CLASSES, VagueProfile
from tracker.places import shifts_topic
from tracker.records import Article, Attribution, ClaimDraft, Event, Period

EXTRACTOR_VERSION: Final = __version__


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


_HEADLINE_PREFIX: Final = 20  # characters a body sentence shares with the title to repeat it
_OPPOSED: Final = frozenset({"combatant", "civilian"})


def _kind(object_class: str | None) -> str | None:
    """People are one kind for keys: 'two individuals' and 'the two insurgents' are one figure."""
    return "people" if object_class in PEOPLE_CLASSES else object_class


def _marker(draft: ClaimDraft) -> str | None:
    """The word that marks a figure as more of something ('another three', '30 others',
    'one additional insurgent', or the count word itself: 'killed another gunman'), if any."""
    words = (draft.object or "").lower().split()
    tokens = draft.sentence.tokens
    start = draft.number.tok_start
    # the word before the count, or a one-word count ('another'; not 'more than eight')
    for k in (start - 1, start) if draft.number.tok_end - start == 1 else (start - 1,):
        word = tokens[k].lower if 0 <= k < len(tokens) else ""
        if word in LEXICON.additional_markers:
            return word
    return next((w for w in words if w in LEXICON.additional_markers), None)


def _others(draft: ClaimDraft) -> bool:
    """Is the figure marked 'others' or 'another' (or, for a vague word, 'more': 'killed 3
    more' may add to an earlier sentence's 3), which may only set it off from other people?"""
    marker = _marker(draft)
    return marker in LEXICON.inherit_heads and (marker != "more" or draft.number.qualifier == "vague")


def _sets_off(draft: ClaimDraft, drafts: list[ClaimDraft]) -> bool:
    """Does the figure's 'others' only set it off from a figure of another category of its
    sentence ('killed 9 and wounded 30 others', 'killed one and wounded another three',
    'killing 44 people and wounding dozens more')?"""
    if not _others(draft):
        return False
    earlier = [e.category for e in drafts if e.sentence.index == draft.sentence.index
               and e.number.start < draft.number.start]
    return bool(earlier) and draft.category not in earlier


def _identity(draft: ClaimDraft, set_off: bool) -> str:
    """What tells two figures of one value apart: 'one additional insurgent' is not the
    'Taliban facilitator' captured before it, and 'several more' not the first 'several'.
    A figure only set off from one of another category is the same figure told elsewhere
    ('killed 9 and wounded 30 others' is the headline's '30 wounded', 'wounding dozens
    more' its 'dozens injured'), and so are the 'others' of its value ('the attack left
    30 others wounded')."""
    if set_off:
        return ""
    if _marker(draft) is not None:
        return "additional"
    words = (draft.object or "").lower().split()
    if draft.number.kind in ("singular", "definite", "bare_definite") and words:
        return words[-1]
    return ""


def _head(draft: ClaimDraft) -> str:
    """The counted noun's last word, singular: 'suspected insurgents' -> 'insurgent'."""
    words = (draft.object or "").lower().split()
    return words[-1].removesuffix("s") if words else ""


def _vague_range(draft: ClaimDraft) -> tuple[int, int]:
    """The values a vague word can stand for: its bounds, or 2-9 for a word coded as one
    number ('several' = 3 under the isaf profile)."""
    n = draft.number
    if n.value_high is not None and n.value_high > n.value_low:
        return n.value_low, n.value_high
    return 2, 9


_HEADLINE_SOURCES: Final = LEXICON.closed["headline_sources"]


def _same_source(a: Attribution, b: Attribution) -> bool:
    """Could two mentions report one claim? Not when two named claimants differ."""
    return a.attribution != "named" or b.attribution != "named" or a.claimant == b.claimant


def claim_keys(article_id: str, drafts: list[ClaimDraft], attributions: list[Attribution], title: str,
               events: list[Event]) -> tuple[list[str], list[int | None]]:
    """The claim_key of each draft, and for a vague restatement of a specific figure the
    index of that figure (else None).

    Mentions share a key when they state the same figure (category, value) for the same
    kind of thing and identity; two figures of one sentence stay apart by class ('3
    soldiers and 3 civilians'), and a vague word's coded value ('scores' = 40) is no
    stated figure ('40 others'). A vague mention ('several insurgents were detained') takes
    the key of a specific figure of the same claim in the article that its word can stand
    for ('four suspected insurgents were detained'), unless their claimants or sides differ.
    A headline's vague word (in the title, or the title repeated as the body's first line)
    or a roundup's ("numerous insurgents were killed during separate operations") sums up
    the body, whatever the body's figure.
    """
    attributions = attributions or [Attribution("outlet")] * len(drafts)
    set_off = [_sets_off(d, drafts) for d in drafts]
    loose = {(d.category, d.number.value_best, _kind(d.object_class)) for d, off in zip(drafts, set_off) if off}
    if loose:
        set_off = [off or (d.category, d.number.value_best, _kind(d.object_class)) in loose and _others(d)
                   for d, off in zip(drafts, set_off)]
    base = [(d.category, d.number.value_best, _kind(d.object_class), _identity(d, off), d.number.qualifier == "vague")
            for d, off in zip(drafts, set_off)]
    # the event each figure is told in (places.event_numbers): an item of a list or a shift
    # of topic ('In a separate operation, ...', 'Also in Helmand, ...') opens another
    event = [events[d.sentence.index].number for d in drafts]
    keys = []
    same_base: dict[tuple, list[int]] = {}  # twins share a base: look only among those
    for i, b in enumerate(base):
        same_base.setdefault(b, []).append(i)
    for i, d in enumerate(drafts):
        same = [drafts[j] for j in same_base[base[i]] if j != i]
        twins = [e for e in same if e.sentence.index == d.sentence.index
                 and _headline_repeat(e, title) == _headline_repeat(d, title)]
        twin = any(e.object_class != d.object_class for e in twins)
        # "six soldiers and six militants are killed": two items of one list, two figures
        listed = any(_head(e) != _head(d) and joined(*sorted((d, e), key=lambda x: x.number.start)) for e in twins)
        parts = (d.object_class if twin else "",) + ((_head(d),) if listed else ())
        keys.append(_hash(article_id, *base[i], *parts))
    for i, d in enumerate(drafts):
        if d.number.kind == "definite":
            # "the leader and two of his associates were detained": the leader met last before,
            # named ("a Taliban leader") or picked out of a group ("one of the four was a leader")
            earlier = next((j for j in reversed(range(i)) if drafts[j].number.value_best == 1 and base[j][0] == base[i][0]
                            and base[j][2] == base[i][2] and (drafts[j].number.implicit or drafts[j].partitive)),
                           None)
            if earlier is not None:
                keys[i] = keys[earlier]
        elif d.number.kind == "cardinal" and d.number.value_best == 1 and d.part_of is None and _marker(d) is None:
            # "killed an armed man ... One armed man was killed when he fired": the singular
            # of its category, head and event (before or after it) told with "one"; not
            # "one other suspect", who is someone else
            earlier = next((j for j in range(len(drafts)) if drafts[j].number.kind == "singular" and base[j][:3] == base[i][:3]
                            and drafts[j].part_of is None and event[j] == event[i] and _head(drafts[j]) == _head(d)
                            and drafts[j].sentence.index != d.sentence.index), None)
            if earlier is not None:
                keys[i] = keys[earlier]
        elif d.number.kind == "singular" and d.part_of is None:
            # "killed an enemy militant and detained another ... detained a suspected militant":
            # a lead's bare "another", set off from a figure of the noun in another category,
            # told again with that noun in a later sentence of its event
            lead = next((j for j in range(i) if set_off[j] and drafts[j].object is None and base[j][:3] == base[i][:3]
                         and event[j] == event[i] and drafts[j].sentence.index != d.sentence.index
                         and any(e.sentence.index == drafts[j].sentence.index and e.category != d.category
                                 and _head(e) == _head(d) for e in drafts[:j])), None)
            if lead is not None:
                keys[i] = keys[lead]
    # "detained the man and three additional suspects": additional to the man of its own
    # sentence, so it may restate an earlier "several suspects"; "injured 45 others" is
    # told apart from another sentence's "scores were injured" as an additional figure is
    restatable = ["additional" if off else b[3] if b[3] != "additional" or not any(
        e.sentence.index == d.sentence.index and e.category == d.category and e.number.start < d.number.start
        for e in drafts) else "" for b, d, off in zip(base, drafts, set_off)]
    for i, d in enumerate(drafts):
        if restatable[i] != "additional" or shifts_topic(d.sentence):
            continue
        # "detained a leader along with one suspected insurgent" ... "An additional suspected
        # insurgent was detained": the story retold; the lead's one was already additional
        # to the leader, so the later "additional" is the same person
        retold = next((j for j in range(1, i) if base[j][:3] == base[i][:3] and base[j][3] != "additional"
                       and drafts[j].sentence.index != d.sentence.index and _head(drafts[j]) == _head(d)
                       and drafts[j].part_of is None and drafts[j - 1].category == d.category
                       and drafts[j - 1].sentence.index == drafts[j].sentence.index
                       and joined(drafts[j - 1], drafts[j])), None)
        if retold is not None:
            keys[i] = keys[retold]
    subsumed: list[int | None] = [None] * len(drafts)  # the figure each vague mention restates
    # vague words first, then bare plurals, which may restate a vague figure already merged
    for i, d in sorted(enumerate(drafts), key=lambda pair: pair[1].number.kind == "bare_plural"):
        if d.number.qualifier != "vague" or d.part_of is not None:
            continue
        # a bare plural ('insurgents were detained') restates any figure of its claim, but no
        # figure of its own sentence it is listed with ('a commander and (other) insurgents')
        bare = d.number.kind == "bare_plural"
        low, high = (0, 10**12) if bare else _vague_range(d)
        roundup = sums_up_events(d.sentence)
        headline = d.sentence.field == "title" or bool(title) and d.sentence.text == title
        summary = bool(roundup) or headline
        if summary:
            # "Several Insurgents Killed" over a body's 13; a roundup over the first of the
            # events it sums up, whatever its size
            low, high = (min(low, 1) if roundup else low), 10**12
        # a figure alone of its category in its event ('Forces detained several suspects in
        # Kandahar.' then '-- In Arghandab, ...' items) sums up the events told after it
        alone = not any(event[k] == event[i] and e.category == d.category and e.sentence.index != d.sentence.index
                        for k, e in enumerate(drafts))
        for j, e in enumerate(drafts):
            if (j != i and (e.number.qualifier != "vague" or bare and e.number.kind != "bare_plural")
                    and base[j][0] == base[i][0] and base[j][2] == base[i][2]
                    and (bare or roundup or restatable[j] == base[i][3] or set_off[i] and _restates_others(e, restatable[j]))
                    and low <= e.number.value_best <= high and not e.cumulative and e.part_of is None
                    and (e.sentence.index != d.sentence.index or bare and base[i][3] != "additional"
                         and not joined(*sorted((d, e), key=lambda x: x.number.start)))
                    and (summary or event[j] == event[i] or alone and event[j] > event[i]
                         and not _other_operation_between(events, event[i], event[j]))
                    # a roundup of the body sums up the events told after it, not those before
                    and (headline or not roundup or j > i)
                    and (_same_source(attributions[i], attributions[j]) or _headline_source(d, attributions[i]))
                    and (bare or d.side is None or e.side is None or d.side == e.side)):
                keys[i], subsumed[i] = keys[j], j
                break
    return _split_conflicts(drafts, keys), subsumed


def _other_operation_between(events: list[Event], first: int, last: int) -> bool:
    """Is an event after `first` up to `last` told apart as another operation ('In other
    operations: ...', 'A separate force ...')? A lead's figure then sums up none from there."""
    return any(e.other_operation for e in events if first < e.number <= last)


def _restates_others(figure: ClaimDraft, restatable: str) -> bool:
    """May an "additional" figure restate a vague "others" set off from another category?
    It is still more of its kind ("killed a leader and detained several other insurgents
    ... Two additional suspected insurgents were detained"), but an exact "more" adds to
    it ("scores more wounded ... fifty more were wounded" in another raid)."""
    return restatable == "additional" and _marker(figure) != "more"


def _headline_source(draft: ClaimDraft, attribution: Attribution) -> bool:
    """Is the mention a headline's attributed to the headline's source word ('Shelling kills
    dozens in besieged town Monitor'), which may stand for any named source of the body?"""
    return draft.sentence.field == "title" and attribution.attribution == "named" \
        and attribution.claimant is not None and attribution.claimant.lower() in _HEADLINE_SOURCES


def _headline_repeat(draft: ClaimDraft, title: str) -> bool:
    """Is the mention in the headline repeated in a body sentence, at its start or after a
    dateline ('88 dead in two days of clashes ... Monitor AFP Saturday At least 88 rebel
    and regime forces have been killed', 'Sunday 3 May 2020 <headline> At least ...'):
    the headline's figure, not a second one of the sentence?"""
    if not title or draft.sentence.field != "body":
        return False
    text = draft.sentence.text
    at = text.find(title[:_HEADLINE_PREFIX])
    if at < 0:
        return False
    shared = len(os.path.commonprefix([title, text[at:]]))
    return at <= draft.number.start - draft.sentence.start and draft.number.end - draft.sentence.start <= at + shared


def _split_conflicts(drafts: list[ClaimDraft], keys: list[str]) -> list[str]:
    """Mentions of one value that cannot be one claim get keys of their own: parts of two
    wholes of one size that are different claims ('seven people including two women' in
    one town, 'another seven people including two children' in the next: wholes of
    different sizes may be one toll told narrower, '10 dead including two babies' ... 'six
    were killed including two babies'), and people of opposed classes ('five civilians
    were killed' ... 'five soldiers were killed'). The first mention of a key keeps it."""
    index = {id(d): i for i, d in enumerate(drafts)}

    def whole(d: ClaimDraft) -> int | None:
        return index.get(id(d.part_of)) if d.part_of is not None else None

    out = list(keys)
    by_key: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        by_key.setdefault(k, []).append(i)
    for k, idxs in by_key.items():
        first = drafts[idxs[0]]
        first_part = next((i for i in idxs if whole(drafts[i]) is not None), None)
        for i in idxs[1:]:
            d = drafts[i]
            w, w0 = whole(d), whole(drafts[first_part]) if first_part is not None else None
            apart_key = keys[w] if w is not None and w0 is not None and keys[w] != keys[w0] \
                and drafts[w].number.value_best == drafts[w0].number.value_best else None
            opposed = {d.object_class, first.object_class} == _OPPOSED
            if apart_key is not None or opposed:
                out[i] = _hash(k, apart_key or "", d.object_class if opposed else "")
    return out


def claim_id(article_id: str, draft: ClaimDraft) -> str:
    n = draft.number
    return _hash(article_id, draft.sentence.field, n.start, n.end, draft.category, EXTRACTOR_VERSION)


@dataclass
class Mention:
    """One draft with everything the later stages found for it."""

    draft: ClaimDraft
    attribution: Attribution
    period: Period
    places: PlaceResolution


def unify(mentions: list[Mention], keys: list[str]) -> list[Mention]:
    """Give every mention of a claim_key the most specific attribution, period and places
    found among that key's mentions (each attribute chosen on its own): the first dated
    period, a running total's span from its start before any single day; places not from
    a roundup's vague figure where the key has others."""
    by_key: dict[str, list[Mention]] = {}
    for m, k in zip(mentions, keys):
        by_key.setdefault(k, []).append(m)
    out = []
    for m, k in zip(mentions, keys):
        group = by_key[k]
        if len(group) == 1:
            out.append(m)
            continue
        # a speaker the body names before a headline's ('... Aleppo Monitor' over 'the
        # Syrian Observatory for Human Rights said')
        named = sorted((g for g in group if g.attribution.attribution == "named"), key=lambda g: g.draft.sentence.field == "title")
        attribution = named[0].attribution if named else m.attribution
        dated = [g.period for g in group if g.period.precision != "unknown"]
        # a running total's own start ("since ... on Thursday") before a day another
        # mention takes from its dateline or headline
        dated.sort(key=lambda p: not (p.cumulative and p.start is not None and p.start != p.end))
        period = dated[0] if dated else m.period
        if any(g.period.cumulative for g in group) and not period.cumulative:
            period = Period(period.start, period.end, period.precision, True)
        # a roundup's vague figure sums up events in several places: its own sentence's
        # place (a dateline's 'KABUL') is none of theirs
        placed = [g for g in group if not (g.draft.number.qualifier == "vague" and sums_up_events(g.draft.sentence))]
        places = max((g.places for g in placed or group), key=lambda p: (len(p.admin1_code), p.country is not None))
        out.append(Mention(m.draft, attribution, period, places))
    return out


def _split_by_place(mentions: list[Mention], keys: list[str], title: str) -> list[str]:
    """One vague figure stated for places of no province in common is as many claims
    ('killing scores of terrorists' in Daraa, then again in Damascus Countryside): a key's
    vague mentions whose own provinces are disjoint from those of its first placed vague
    mention get a key of their own per province set. Mentions with no province stay with
    the first. Exact figures are left alone (the same number restated with a nearer or
    farther place name is usually one claim), unless the key holds a figure set off from
    another category: 'two others were injured' in one town of a roundup is not 'two
    people were injured' in another province of the same country. A vague figure that
    took the key of an exact one ('killed 30 soldiers' in Aleppo, then 'left dozens
    killed' near Damascus) is measured against the exact figure's provinces, in its country.
    A roundup's vague figure ('killed several militants in recent operations') sums up
    events in several places, whatever place its own sentence names: it is never split off."""
    by_key: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        by_key.setdefault(k, []).append(i)
    drafts = [m.draft for m in mentions]
    out = list(keys)
    for k, idxs in by_key.items():
        if len(idxs) < 2:
            continue
        # an exact figure told of another thing in another province of the same country is
        # another claim ('two sites were destroyed' in Homs, 'two hideouts' in Daraa; in
        # another country the place name is more likely misread, and the unspecific
        # "people" restates any: '19 people' ... '19 civilians'; but two sentences that each
        # name their own place tell two events: 'kill two people in Siversk, Donetsk Oblast'
        # ... 'In Kamianka-Dniprovska, Zaporizhzhia Oblast, ... two people were killed')
        # (not a partitive: 'one of the insurgents detained was a facilitator' names its whole's noun;
        # nor a definite, which took the key of the person it refers back to: 'the suspect')
        named = [i for i in idxs if drafts[i].sentence.field == "body" and not _headline_repeat(drafts[i], title)
                 and drafts[i].number.qualifier != "vague" and not drafts[i].partitive and mentions[i].places.admin1_code
                 and drafts[i].number.kind != "definite" and not _marker(drafts[i])]
        nouns = [i for i in named if _head(drafts[i]) not in ("", "people", "person")]
        for i in named[1:]:
            codes, first = set(mentions[i].places.admin1_code), set(mentions[named[0]].places.admin1_code)
            if not codes & first and {c.split("-")[0] for c in codes} & {c.split("-")[0] for c in first} \
                    and _placed_here(mentions[i]) and _placed_here(mentions[named[0]]) \
                    and drafts[i].sentence.index != drafts[named[0]].sentence.index:
                out[i] = _hash(k, *sorted(codes))
        for i in idxs:
            if drafts[i].number.kind == "definite":
                # 'the suspect' stays with the person met last before it, wherever that one went
                referent = next((j for j in reversed(idxs) if j < i and drafts[j].number.kind != "definite"), None)
                if referent is not None:
                    out[i] = out[referent]
        for i in nouns[1:]:
            codes, first = set(mentions[i].places.admin1_code), set(mentions[nouns[0]].places.admin1_code)
            if _head(drafts[i]) != _head(drafts[nouns[0]]) and not codes & first \
                    and {c.split("-")[0] for c in codes} & {c.split("-")[0] for c in first}:
                out[i] = _hash(k, *sorted(codes))
        exact = any(_sets_off(drafts[i], drafts) for i in idxs)
        placed = [i for i in idxs if mentions[i].places.admin1_code and mentions[i].draft.number.kind != "bare_plural"
                  and not (drafts[i].number.qualifier == "vague" and sums_up_events(drafts[i].sentence))]
        anchors = [] if exact else [i for i in placed if drafts[i].number.qualifier != "vague"]
        if not exact:
            placed = [i for i in placed if drafts[i].number.qualifier == "vague"]
        if len(placed) + min(len(anchors), 1) < 2:
            continue
        first = set().union(*(mentions[i].places.admin1_code for i in anchors)) or set(mentions[placed[0]].places.admin1_code)
        countries = {c.split("-")[0] for c in first}
        for i in placed[0 if anchors else 1:]:
            codes = set(mentions[i].places.admin1_code)
            # an exact figure placed in another country is more likely a misread place name,
            # and so is a vague one measured against an exact figure
            if not codes & first and (mentions[i].draft.number.qualifier == "vague" and not anchors
                                      or any(c.split("-")[0] in countries for c in codes)):
                out[i] = _hash(k, *sorted(codes))
    return out


def _placed_here(mention: Mention) -> bool:
    """Are the mention's places named in its own sentence (not borrowed from another)?"""
    return bool(mention.places.locations) and all(name in mention.draft.sentence.text for name in mention.places.locations)


def _split_by_event(drafts: list[ClaimDraft], keys: list[str], subsumed: list[int | None],
                    events: list[Event],
                    title: str) -> list[str]:
    """One figure told in two events of a roundup is two claims ('-- troops detained several
    suspects in Zabul ...' and '-- a combined force detained several suspects in Khost
    ...'; 'captured a Taliban leader' in two list items): a key's mentions in another
    event than its first get a key of their own per event. After a mere turn of topic
    ('Meanwhile, ...') a number restated is still the same figure; only an item of a list
    tells apart a number too, and a sentence that tells its operation apart a vague word
    ('In a separate action, the unit detained several ...'), whose equal coded value is no
    restatement ('In another air strike more than 60 ...' may restate a lead's 60). A
    headline's or a leading roundup's mention ('... killed two insurgents in operations
    across the country', before the first item) sums up the events below it and stays with
    the first, also where the body repeats the headline; so does a vague word outside a
    list's items that claim_keys let restate a figure of a later event (a lead alone of its
    category in its event: 'detained several suspects in Nimroz' over '-- ... detained two
    suspects near Zaranj')."""
    by_key: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        by_key.setdefault(k, []).append(i)
    out = list(keys)
    for k, idxs in by_key.items():
        told = [i for i in idxs if drafts[i].sentence.field == "body" and drafts[i].sentence.text != title
                and not (events[drafts[i].sentence.index].number == 0 and sums_up_events(drafts[i].sentence, operations=True))
                and not (subsumed[i] is not None and not events[drafts[i].sentence.index].listed)]
        if len(told) < 2:
            continue
        first = events[drafts[told[0]].sentence.index]
        for i in told[1:]:
            event = events[drafts[i].sentence.index]
            # an 'other' or 'additional' figure is more beside its own event's ('three other
            # suspects' in Marjah and again in Paktia), unless it only sets it off from another
            # category ('killed six and wounded dozens more'); so is a vague word told again
            # in another operation ('In a separate action, ... several suspects')
            more = _marker(drafts[i]) is not None and not _sets_off(drafts[i], drafts)
            if event != first and (drafts[i].number.kind == "singular" or event.listed or first.listed or more
                                   or event.other_operation and drafts[i].number.qualifier == "vague"):
                out[i] = _hash(k, "event", event.number)
    return out


def _keep_restatements(mentions: list[Mention], keys: list[str], subsumed: list[int | None],
                       events: list[Event]) -> list[str]:
    """A vague mention that restates a figure of its own event, in no province the figure
    is not in, keeps that figure's key wherever the splits by place and event put it: '-- A
    patrol killed one smuggler and detained several others in Herat ...' then 'The patrol
    detained the remaining smugglers' is one claim, though 'several' was also said of
    Nimroz before."""
    out = list(keys)
    for i, j in enumerate(subsumed):
        if j is None:
            continue
        while (over := subsumed[j]) is not None:  # a bare plural over a vague word over a figure
            j = over
        if events[mentions[i].draft.sentence.index] == events[mentions[j].draft.sentence.index] \
                and set(mentions[i].places.admin1_code) <= set(mentions[j].places.admin1_code):
            out[i] = keys[j]
    return out


def claim_rows(article: Article, mentions: list[Mention], profile: VagueProfile,
               events: list[Event]) -> list[dict]:
    """Rows in schemas/claims.json's column order (plus the partition column); `events`
    numbers the event each sentence of the article reports."""
    drafts = [m.draft for m in mentions]
    keys, subsumed = claim_keys(article.article_id, drafts, [m.attribution for m in mentions], article.title.strip(), events)
    keys = _split_by_event(drafts, _split_by_place(mentions, keys, article.title.strip()), subsumed, events,
                           article.title.strip())
    keys = _keep_restatements(mentions, keys, subsumed, events)
    key_of = {id(m.draft): k for m, k in zip(mentions, keys)}
    mentions = unify(mentions, keys)
    columns = load_schema("claims").names
    rows = []
    order = []
    seen: set[str] = set()
    for m, key, restated in zip(mentions, keys, subsumed):
        d, n = m.draft, m.draft.number
        cid = claim_id(article.article_id, d)
        if cid in seen:
            continue  # one phrase read twice as the same claim (two routes to one reading)
        seen.add(cid)
        order.append((restated is not None, n.kind == "bare_plural"))
        s = d.sentence
        whole = d.part_of
        row = {
            "claim_id": cid,
            "claim_key": key,
            "part_of": key_of.get(id(whole)) if whole is not None else None,
            "article_id": article.article_id,
            "category": d.category,
            "value_low": n.value_low,
            "value_high": n.value_high,
            "value_best": n.value_low if n.qualifier == "more_than" and profile.more_than_counts_least else n.value_best,
            "qualifier": n.qualifier,
            "implicit": n.implicit,
            "vague_profile": profile.name,
            "object": d.object,
            "object_class": d.object_class,
            "side": d.side,
            "claimant": m.attribution.claimant,
            "claimant_org": m.attribution.claimant_org,
            "attribution": m.attribution.attribution,
            "outlet": article.outlet,
            "published": article.published,
            "period_start": m.period.start,
            "period_end": m.period.end,
            "date_precision": m.period.precision,
            "aggregation": "cumulative" if m.period.cumulative or d.cumulative else "period",
            "locations": list(m.places.locations),
            "country": m.places.country,
            "admin1": list(m.places.admin1),
            "admin1_code": list(m.places.admin1_code),
            "geo_precision": m.places.geo_precision,
            "quote": s.text,
            "quote_start": s.start,
            "surface": (article.title if s.field == "title" else article.text)[n.start:n.end],
            "char_start": n.start,
            "char_end": n.end,
            "source_field": s.field,
            "extractor_version": EXTRACTOR_VERSION,
        }
        # the literal above is written in the schema's order: a copy only if they part
        rows.append(row if tuple(row) == columns else {c: row[c] for c in columns})
    # a claim's specific mentions come before its vague restatements, a bare plural last
    # ('Insurgents Detained' over 'detained several suspects')
    return [row for _, row in sorted(zip(order, rows), key=lambda pair: pair[0])]
