"""A small, contract-abiding dataset written the way `tracker build --out DIR` writes it.

`good_dataset()` gives rows as plain dicts (the values row_violations takes); a test
plants a defect in them and `Dataset.write(dir)` writes claims/ (hive-partitioned by
published_year), articles.parquet and rejected_claims.parquet.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from tracker.contract import arrow_schema, load_schema, rejected_claims_schema

EXTRACTOR_VERSION = "test-1"
# Article text that must stay inert in a report.
SCRIPT_PAYLOAD = "<script>document.documentElement.setAttribute('data-xss','1')</script>"
TAG_PAYLOAD = "<img src=x onerror=\"document.documentElement.setAttribute('data-xss','1')\">"

ARTICLES = [
    {
        "article_id": "tasnim-2024-11-29",
        "outlet": "Tasnim",
        "published": dt.date(2024, 11, 29),
        "title": "Over 400 Militants Killed in Aleppo, Idlib",
        "text": (
            "TEHRAN (Tasnim) - At least 400 militants have been killed in the provinces of Aleppo and Idlib "
            "since November 27, Oleg Ignasyuk said. The army destroyed five headquarters and seven weapons "
            "depots in the past 24 hours. 14 people were killed in Idlib, including two police officers. "
            "A soldier was killed in Aleppo."
        ),
    },
    {
        "article_id": "hama-2024-12-02",
        "outlet": "Example Wire",
        "published": dt.date(2024, 12, 2),
        "title": "Clashes near Hama",
        "text": f"Nearly 50 civilians were injured in Hama, officials said. Dozens of fighters were captured. {SCRIPT_PAYLOAD}",
    },
    {
        "article_id": "tasnim-2025-01-05",
        "outlet": "Tasnim",
        "published": dt.date(2025, 1, 5),
        "title": "Death toll rises",
        "text": "The death toll among militants rose to 450, Oleg Ignasyuk said.",
    },
    {
        "article_id": "no-numbers-2025-01-06",
        "outlet": None,
        "published": dt.date(2025, 1, 6),
        "title": "Talks resume",
        "text": "Talks resumed in Geneva on Monday.",
    },
]

ALEPPO = {"locations": ["Aleppo"], "country": "SY", "admin1": ["Aleppo"], "admin1_code": ["SY-HL"], "geo_precision": "admin1"}
IDLIB = {"locations": ["Idlib"], "country": "SY", "admin1": ["Idlib"], "admin1_code": ["SY-ID"], "geo_precision": "admin1"}
BOTH = {
    "locations": ["Aleppo", "Idlib"], "country": "SY", "admin1": ["Aleppo", "Idlib"],
    "admin1_code": ["SY-HL", "SY-ID"], "geo_precision": "admin1",
}
HAMA = {"locations": ["Hama"], "country": "SY", "admin1": ["Hama"], "admin1_code": ["SY-HM"], "geo_precision": "point"}
NOWHERE = {"locations": [], "country": None, "admin1": [], "admin1_code": [], "geo_precision": "unknown"}
IGNASYUK = {"claimant": "Oleg Ignasyuk", "claimant_org": "Russian Center for Reconciliation", "attribution": "named"}
UNATTRIBUTED = {"claimant": None, "claimant_org": None, "attribution": "unattributed"}
CUMULATIVE = {"aggregation": "cumulative", "date_precision": "day"}
PAST_DAY = {
    "period_start": dt.date(2024, 11, 28), "period_end": dt.date(2024, 11, 29),
    "aggregation": "period", "date_precision": "day",
}
UNDATED = {"period_start": None, "aggregation": "unknown", "date_precision": "unknown"}


def _id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def claim(article: dict, quote: str, surface: str, *, key: str, field: str = "body", occurrence: int = 0, **values) -> dict:
    """A claim row whose offsets are found in the article: quote is a substring of the
    field, surface the occurrence-th match inside the quote."""
    text = article["title"] if field == "title" else article["text"]
    quote_start = text.index(quote)
    at = -1
    for _ in range(occurrence + 1):
        at = quote.index(surface, at + 1)
    char_start = quote_start + at
    row = {
        "claim_key": _id(article["article_id"], key),
        "part_of": None,
        "article_id": article["article_id"],
        "implicit": False,
        "vague_profile": "default",
        "side": None,
        "outlet": article["outlet"],
        "published": article["published"],
        "period_end": article["published"],
        "quote": quote,
        "quote_start": quote_start,
        "surface": surface,
        "char_start": char_start,
        "char_end": char_start + len(surface),
        "source_field": field,
        "extractor_version": EXTRACTOR_VERSION,
        **values,
    }
    row["claim_id"] = _id(row["article_id"], field, char_start, row["char_end"], row["category"], EXTRACTOR_VERSION)
    return {name: row[name] for name in load_schema("claims").names}


def exact(n: int) -> dict:
    return {"value_low": n, "value_high": n, "value_best": n, "qualifier": "exact"}


def _claims() -> list[dict]:
    a, b, c, _ = ARTICLES
    killed_400 = {"category": "killed", "object": "militants", "object_class": "combatant", **IGNASYUK, **BOTH, **CUMULATIVE,
                  "period_start": dt.date(2024, 11, 27)}
    lead = "At least 400 militants have been killed in the provinces of Aleppo and Idlib since November 27, Oleg Ignasyuk said."
    destroyed = "The army destroyed five headquarters and seven weapons depots in the past 24 hours."
    fourteen = "14 people were killed in Idlib, including two police officers."
    army = {"claimant": "Syrian army", "claimant_org": None, "attribution": "named"}
    return [
        claim(a, a["title"], "Over 400", field="title", key="killed-400", value_low=401, value_high=None, value_best=400,
              qualifier="more_than", **killed_400),
        claim(a, lead, "At least 400", key="killed-400", value_low=400, value_high=None, value_best=400, qualifier="at_least",
              **killed_400),
        claim(a, destroyed, "five", key="hq-5", category="destroyed", object="headquarters", object_class="facility",
              **exact(5), **army, **BOTH, **PAST_DAY),
        claim(a, destroyed, "seven", key="depots-7", category="destroyed", object="weapons depots", object_class="facility",
              **exact(7), **army, **BOTH, **PAST_DAY),
        claim(a, fourteen, "14", key="killed-14", category="killed", object="people", object_class="person", **exact(14),
              **UNATTRIBUTED, **IDLIB, **UNDATED),
        {**claim(a, fourteen, "two", key="killed-2", category="killed", object="police officers", object_class="combatant",
                 **exact(2), **UNATTRIBUTED, **IDLIB, **UNDATED), "part_of": _id(a["article_id"], "killed-14")},
        claim(a, "A soldier was killed in Aleppo.", "A soldier", key="killed-1", category="killed", object="soldier",
              object_class="combatant", **exact(1), implicit=True, **UNATTRIBUTED, **ALEPPO, **UNDATED),
        claim(b, "Nearly 50 civilians were injured in Hama, officials said.", "Nearly 50", key="injured-50",
              category="injured", object="civilians", object_class="civilian", value_low=0, value_high=49, value_best=50,
              qualifier="less_than", claimant="officials", claimant_org=None, attribution="named", **HAMA, **UNDATED),
        claim(b, "Dozens of fighters were captured.", "Dozens", key="detained-24", category="detained", object="fighters",
              object_class="combatant", value_low=24, value_high=99, value_best=24, qualifier="vague", **UNATTRIBUTED,
              **HAMA, **UNDATED),
        claim(c, c["text"], "450", key="killed-450", category="killed", object="militants", object_class="combatant",
              value_low=450, value_high=450, value_best=450, qualifier="exact", **IGNASYUK, **BOTH, **CUMULATIVE,
              period_start=dt.date(2024, 11, 27)),
    ]


def _article_row(article: dict, claims: list[dict]) -> dict:
    return {
        "article_id": article["article_id"],
        "title": article["title"],
        "outlet": article["outlet"],
        "published": article["published"],
        "published_source": "metadata",
        "url": None,
        "language": "en",
        "source_file": "corpus.jsonl",
        "source_line": ARTICLES.index(article) + 1,
        "content_hash": _id(article["title"], article["text"]),
        "title_chars": len(article["title"]),
        "text_chars": len(article["text"]),
        "status": "ok",
        "reason": None,
        "n_claims": sum(c["article_id"] == article["article_id"] for c in claims),
    }


REJECTED_ARTICLE = {
    "article_id": "corpus.jsonl:6", "title": None, "outlet": None, "published": None, "published_source": "none",
    "url": None, "language": None, "source_file": "corpus.jsonl", "source_line": 6, "content_hash": None,
    "title_chars": 0, "text_chars": 0, "status": "rejected", "reason": "corpus.jsonl line 6: not JSON", "n_claims": 0,
}


@dataclasses.dataclass
class Dataset:
    claims: list[dict]
    articles: list[dict]
    rejected: list[dict]
    claims_schema: pa.Schema = dataclasses.field(default_factory=lambda: arrow_schema("claims"))
    write_rejected: bool = True

    def copy(self) -> Dataset:
        return copy.deepcopy(self)

    def field_chars(self, row: dict) -> int:
        """The length of a claim's source field, as row_violations takes it."""
        article = next(a for a in self.articles if a["article_id"] == row["article_id"])
        return article["title_chars"] if row["source_field"] == "title" else article["text_chars"]

    def write(self, out_dir: Path) -> Path:
        out_dir.mkdir(parents=True, exist_ok=True)
        partition = load_schema("claims").partition_by
        claims = pa.Table.from_pylist(self.claims, schema=self.claims_schema)
        years = [None if r["published"] is None else str(r["published"].year) for r in self.claims]
        pads.write_dataset(
            claims.append_column(partition, pa.array(years, pa.string())),
            out_dir / "claims",
            format="parquet",
            partitioning=pads.partitioning(pa.schema([(partition, pa.string())]), flavor="hive"),
        )
        pq.write_table(pa.Table.from_pylist(self.articles, schema=arrow_schema("articles")), out_dir / "articles.parquet")
        if self.write_rejected:
            pq.write_table(
                pa.Table.from_pylist(self.rejected, schema=rejected_claims_schema()), out_dir / "rejected_claims.parquet"
            )
        return out_dir


def good_dataset() -> Dataset:
    claims = _claims()
    rejected = [{**claims[0], "claim_id": "rejected-1", "value_low": -1, "rule": "range:value_low", "reason": "value_low -1 < 0"}]
    return Dataset(
        claims=claims,
        articles=[_article_row(a, claims) for a in ARTICLES] + [REJECTED_ARTICLE],
        rejected=rejected,
    )


def many_claims(n: int) -> Dataset:
    """The good dataset with its claims repeated to n rows (distinct claim_ids), for timing."""
    data = good_dataset()
    rows = [{**row, "claim_id": f"{row['claim_id']}-{i}"} for i in range(n // len(data.claims) + 1) for row in data.claims][:n]
    counts = {}
    for row in rows:
        counts[row["article_id"]] = counts.get(row["article_id"], 0) + 1
    articles = [{**a, "n_claims": counts.get(a["article_id"], 0)} for a in data.articles]
    return Dataset(claims=rows, articles=articles, rejected=data.rejected)


# Rows of good_dataset().claims that defects start from.
MORE_THAN_ROW, EXACT_ROW, PART_OF_ROW, LESS_THAN_ROW, DOZENS_ROW, CUMULATIVE_ROW = 0, 2, 5, 7, 8, 9


def plant_tag_category(data: Dataset, i: int) -> dict:
    """An unknown category that is an HTML tag with an event handler."""
    data.claims[i]["category"] = TAG_PAYLOAD
    return data.claims[i]


def plant_script_surface(data: Dataset, i: int) -> dict:
    """A quote that runs on into a <script> of the article, and a surface that is that
    script while the offsets still point at the number (row DOZENS_ROW)."""
    row = data.claims[i]
    row["quote"] = f"{row['quote']} {SCRIPT_PAYLOAD}"
    row["surface"] = SCRIPT_PAYLOAD
    return row
