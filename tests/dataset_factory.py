"""A small, contract-abiding dataset written the way `tracker build --out DIR` writes it.

`good_dataset()` gives rows as plain dicts (the values row_violations takes); a test
plants a defect in them and `Dataset.write(dir)` writes claims/ (hive-partitioned by
published_year), articles.parquet and rejected_claims.parquet.
"""

from __future__ import annotations

import collections
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
        "text": (
            "Nearly 50 civilians were injured in Hama, officials said. Dozens of fighters were captured. "
            + SCRIPT_PAYLOAD
        ),
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

def _place(*names: str, codes: tuple[str, ...], precision: str = "admin1") -> dict:
    return {
        "locations": list(names), "country": "SY", "admin1": list(names), "admin1_code": list(codes),
        "geo_precision": precision,
    }


ALEPPO = _place("Aleppo", codes=("SY-HL",))
IDLIB = _place("Idlib", codes=("SY-ID",))
BOTH = _place("Aleppo", "Idlib", codes=("SY-HL", "SY-ID"))
HAMA = _place("Hama", codes=("SY-HM",), precision="point")
IGNASYUK = {"claimant": "Oleg Ignasyuk", "claimant_org": "Russian Center for Reconciliation", "attribution": "named"}
ARMY = {"claimant": "Syrian army", "claimant_org": None, "attribution": "named"}
OFFICIALS = {"claimant": "officials", "claimant_org": None, "attribution": "named"}
UNATTRIBUTED = {"claimant": None, "claimant_org": None, "attribution": "unattributed"}
SINCE_NOV_27 = {"period_start": dt.date(2024, 11, 27), "aggregation": "cumulative", "date_precision": "day"}
PAST_DAY = {
    "period_start": dt.date(2024, 11, 28), "period_end": dt.date(2024, 11, 29),
    "aggregation": "period", "date_precision": "day",
}
UNDATED = {"period_start": None, "aggregation": "unknown", "date_precision": "unknown"}


def _id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def what(category: str, object_: str, object_class: str) -> dict:
    return {"category": category, "object": object_, "object_class": object_class}


def value(low: int, high: int | None, best: int, qualifier: str) -> dict:
    return {"value_low": low, "value_high": high, "value_best": best, "qualifier": qualifier}


def exact(n: int) -> dict:
    return value(n, n, n, "exact")


def claim(article: dict, quote: str, surface: str, *, key: str, field: str = "body", **values) -> dict:
    """A claim row whose offsets are found in the article: quote is in the field, surface
    is the first match inside the quote."""
    text = article["title"] if field == "title" else article["text"]
    quote_start = text.index(quote)
    char_start = quote_start + quote.index(surface)
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


def _claims() -> list[dict]:
    a, b, c, _ = ARTICLES
    militants = what("killed", "militants", "combatant")
    lead = a["text"][a["text"].index("At least 400") : a["text"].index(" The army")]
    destroyed = "The army destroyed five headquarters and seven weapons depots in the past 24 hours."
    fourteen = "14 people were killed in Idlib, including two police officers."
    return [
        claim(a, a["title"], "Over 400", field="title", key="killed-400", **militants,
              **value(401, None, 400, "more_than"), **IGNASYUK, **BOTH, **SINCE_NOV_27),
        claim(a, lead, "At least 400", key="killed-400", **militants,
              **value(400, None, 400, "at_least"), **IGNASYUK, **BOTH, **SINCE_NOV_27),
        claim(a, destroyed, "five", key="hq-5", **what("destroyed", "headquarters", "facility"),
              **exact(5), **ARMY, **BOTH, **PAST_DAY),
        claim(a, destroyed, "seven", key="depots-7", **what("destroyed", "weapons depots", "facility"),
              **exact(7), **ARMY, **BOTH, **PAST_DAY),
        claim(a, fourteen, "14", key="killed-14", **what("killed", "people", "person"),
              **exact(14), **UNATTRIBUTED, **IDLIB, **UNDATED),
        {**claim(a, fourteen, "two", key="killed-2", **what("killed", "police officers", "combatant"),
                 **exact(2), **UNATTRIBUTED, **IDLIB, **UNDATED), "part_of": _id(a["article_id"], "killed-14")},
        claim(a, "A soldier was killed in Aleppo.", "A soldier", key="killed-1",
              **what("killed", "soldier", "combatant"), **exact(1), implicit=True, **UNATTRIBUTED, **ALEPPO, **UNDATED),
        claim(b, "Nearly 50 civilians were injured in Hama, officials said.", "Nearly 50", key="injured-50",
              **what("injured", "civilians", "civilian"), **value(0, 49, 50, "less_than"),
              **OFFICIALS, **HAMA, **UNDATED),
        claim(b, "Dozens of fighters were captured.", "Dozens", key="detained-24",
              **what("detained", "fighters", "combatant"), **value(24, 99, 24, "vague"),
              **UNATTRIBUTED, **HAMA, **UNDATED),
        claim(c, c["text"], "450", key="killed-450", **militants, **exact(450), **IGNASYUK, **BOTH, **SINCE_NOV_27),
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
    wrong_partitions: dict[int, str] = dataclasses.field(default_factory=dict)  # claim row -> partition value

    def field_chars(self, row: dict) -> int:
        """The length of a claim's source field, as row_violations takes it."""
        article = next(a for a in self.articles if a["article_id"] == row["article_id"])
        return article["title_chars"] if row["source_field"] == "title" else article["text_chars"]

    def write(self, out_dir: Path) -> Path:
        out_dir.mkdir(parents=True, exist_ok=True)
        partition = load_schema("claims").partition_by
        claims = pa.Table.from_pylist(self.claims, schema=self.claims_schema)
        years = [
            self.wrong_partitions.get(i, None if r["published"] is None else str(r["published"].year))
            for i, r in enumerate(self.claims)
        ]
        pads.write_dataset(
            claims.append_column(partition, pa.array(years, pa.string())),
            out_dir / "claims",
            format="parquet",
            partitioning=pads.partitioning(pa.schema([(partition, pa.string())]), flavor="hive"),
        )
        articles = pa.Table.from_pylist(self.articles, schema=arrow_schema("articles"))
        pq.write_table(articles, out_dir / "articles.parquet")
        if self.write_rejected:
            rejected = pa.Table.from_pylist(self.rejected, schema=rejected_claims_schema())
            pq.write_table(rejected, out_dir / "rejected_claims.parquet")
        return out_dir


def good_dataset() -> Dataset:
    claims = _claims()
    rejected = [{
        **claims[0], "claim_id": "rejected-1", "value_low": -1,
        "rule": "range:value_low", "reason": "value_low -1 is outside [0, None]",
    }]
    return Dataset(
        claims=claims,
        articles=[_article_row(a, claims) for a in ARTICLES] + [REJECTED_ARTICLE],
        rejected=rejected,
    )


def many_claims(n: int) -> Dataset:
    """The good dataset with its claims repeated to n rows: copy i of row r is row
    i * len(good_dataset().claims) + r, its claim_id suffixed with -i."""
    data = good_dataset()
    copies = n // len(data.claims) + 1
    rows = [{**row, "claim_id": f"{row['claim_id']}-{i}"} for i in range(copies) for row in data.claims][:n]
    counts = collections.Counter(row["article_id"] for row in rows)
    articles = [{**a, "n_claims": counts[a["article_id"]]} for a in data.articles]
    return Dataset(claims=rows, articles=articles, rejected=data.rejected)


# Rows of good_dataset().claims that defects start from.
MORE_THAN_ROW, EXACT_ROW, PART_OF_ROW, LESS_THAN_ROW, DOZENS_ROW, CUMULATIVE_ROW = 0, 2, 5, 7, 8, 9
DIGITS_ROW = 4  # killed 14 people, its surface bare digits


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
