"""Stage 6: where each claim happened.

Places come from the claim's own stretch of its sentence (from its number to the next
claim's number), else from the rest of its sentence, else from the article's main
location (dateline, headline); never from an unrelated sentence. The gazetteer
(tracker.gazetteer) finds and normalizes the names; every other place in the article is
context for telling namesakes apart.
"""

from __future__ import annotations

from tracker.gazetteer import PlaceMention, PlaceResolution, find_places, resolve_places
from tracker.records import Article, ClaimDraft, Sentence


class ArticlePlaces:
    """Place mentions of one article, found once per sentence (field offsets)."""

    def __init__(self, article: Article, sentences: list[Sentence], dateline_end: int):
        self.by_sentence: dict[int, list[PlaceMention]] = {}
        for s in sentences:
            self.by_sentence[s.index] = [_shift(m, s.start) for m in find_places(s.text)]
        title = [m for s in sentences if s.field == "title" for m in self.by_sentence[s.index]]
        dateline = [m for s in sentences if s.field == "body" for m in self.by_sentence[s.index] if m.end <= dateline_end]
        self.main = dateline + title
        self.all = [m for ms in self.by_sentence.values() for m in ms]

    def for_claim(self, draft: ClaimDraft, stop: int) -> PlaceResolution:
        """Places of a claim whose own stretch runs from its number to field offset `stop`."""
        in_sentence = self.by_sentence.get(draft.sentence.index, [])
        own = [m for m in in_sentence if draft.number.start <= m.start < stop]
        if not own:
            own = in_sentence or self.main
        return resolve_places(own, self.all)


def _shift(m: PlaceMention, offset: int) -> PlaceMention:
    return PlaceMention(m.start + offset, m.end + offset, m.surface, m.candidates, m.designator)


def claim_stops(drafts: list[ClaimDraft]) -> list[int]:
    """For each draft, where its own stretch ends: the next claim's number in the same sentence."""
    stops = []
    for i, d in enumerate(drafts):
        nxt = next((e.number.start for e in drafts[i + 1:] if e.sentence.index == d.sentence.index
                    and e.number.start > d.number.start), d.sentence.end)
        stops.append(nxt)
    return stops

