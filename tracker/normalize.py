"""Stage 7: claim drafts with their attribution, period and places become claim rows.

Rows sharing a figure for the same thing share a `claim_key`; claim-level attributes
(claimant, period, places, aggregation) are unified across a key's mentions by taking
the most specific mention's (the headline names no claimant, the quote does). Ids are
content hashes, so the same corpus and version give the same ids.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from tracker import __version__
from tracker.contract import load_schema
from tracker.gazetteer import PlaceResolution
from tracker.lexicon import VagueProfile
from tracker.records import Article, Attribution, ClaimDraft, Period

EXTRACTOR_VERSION = __version__


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


def claim_key(article_id: str, draft: ClaimDraft) -> str:
    return _hash(article_id, draft.category, draft.number.value_best, draft.object_class)


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


def _specificity(m: Mention) -> tuple:
    return (
        m.attribution.attribution == "named",
        m.period.precision != "unknown",
        len(m.places.admin1_code),
        m.places.country is not None,
    )


def unify(mentions: list[Mention], keys: list[str]) -> list[Mention]:
    """Give every mention of a claim_key the most specific attribution, period and places
    found among that key's mentions (each attribute chosen on its own)."""
    by_key: dict[str, list[Mention]] = {}
    for m, k in zip(mentions, keys):
        by_key.setdefault(k, []).append(m)
    out = []
    for m, k in zip(mentions, keys):
        group = by_key[k]
        if len(group) == 1:
            out.append(m)
            continue
        attribution = next((g.attribution for g in group if g.attribution.attribution == "named"), m.attribution)
        dated = [g.period for g in group if g.period.precision != "unknown"]
        period = dated[0] if dated else m.period
        if any(g.period.cumulative for g in group) and not period.cumulative:
            period = Period(period.start, period.end, period.precision, True)
        places = max((g.places for g in group), key=lambda p: (len(p.admin1_code), p.country is not None))
        out.append(Mention(m.draft, attribution, period, places))
    return out


def claim_rows(article: Article, mentions: list[Mention], profile: VagueProfile) -> list[dict]:
    """Rows in schemas/claims.json's column order (plus the partition column)."""
    keys = [claim_key(article.article_id, m.draft) for m in mentions]
    mentions = unify(mentions, keys)
    columns = load_schema("claims").names
    rows = []
    for m, key in zip(mentions, keys):
        d, n = m.draft, m.draft.number
        s = d.sentence
        whole = d.part_of
        row = {
            "claim_id": claim_id(article.article_id, d),
            "claim_key": key,
            "part_of": claim_key(article.article_id, whole) if whole is not None else None,
            "article_id": article.article_id,
            "category": d.category,
            "value_low": n.value_low,
            "value_high": n.value_high,
            "value_best": n.value_best,
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
        rows.append({c: row[c] for c in columns})
    return rows
