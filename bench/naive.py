"""The naive pipeline: what a user would first write with the design card's libraries.

quantulum3's `parser.parse` on each sentence finds the numbers, dateparser's
`search_dates` on each article (default settings) finds the dates, and the trigger word
nearest to a number (in characters) gives its category. bench/run.py times it on a
sample of the benchmark corpus; this file can also be run alone:

    python bench/naive.py --corpus bench/.corpus --kb 40
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import sys
import time
import warnings
from pathlib import Path

# The trigger words of CLAIMS.md's category table.
TRIGGERS = {
    "killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed", "death toll": "killed",
    "eliminated": "killed", "neutralized": "killed", "bodies": "killed",
    "wounded": "injured", "injured": "injured", "hurt": "injured", "casualties": "injured",
    "captured": "detained", "arrested": "detained", "detained": "detained", "surrendered": "detained",
    "kidnapped": "abducted", "abducted": "abducted", "hostage": "abducted",
    "missing": "missing", "displaced": "displaced", "fled": "displaced", "evacuated": "displaced",
    "destroyed": "destroyed", "demolished": "destroyed", "burned": "destroyed",
    "damaged": "damaged", "seized": "seized", "shot down": "intercepted", "intercepted": "intercepted",
    "downed": "intercepted", "attacks": "attacks", "strikes": "attacks", "raids": "attacks",
}
_TRIGGER = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, TRIGGERS), key=len, reverse=True)) + r")\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def naive_claims(text: str) -> list[dict]:
    """Numbers of one article with the category of their nearest trigger word and a date."""
    from dateparser.search import search_dates
    from quantulum3 import parser

    dates = search_dates(text) or []
    when = dates[0][1].date() if dates else None  # the article's first date, for every claim
    claims = []
    for sentence in _SENTENCE_END.split(text):
        triggers = [(m.start(), TRIGGERS[m.group().lower()]) for m in _TRIGGER.finditer(sentence)]
        for q in parser.parse(sentence):
            if triggers:
                _, category = min(triggers, key=lambda t: abs(t[0] - q.span[0]))
                claims.append({"value": q.value, "category": category, "surface": q.surface, "date": when})
    return claims


def sample_articles(corpus: Path, kb: float, seed: int = 0) -> list[dict]:
    """Articles of the corpus's first file, drawn at random, until they hold `kb` KB of text."""
    first = sorted(corpus.glob("*.jsonl"))[0]
    lines = [line for line in first.read_text(encoding="utf-8").split("\n") if line.strip()]
    random.Random(seed).shuffle(lines)
    chosen, size = [], 0
    for line in lines:
        if size >= kb * 1e3:
            break
        record = json.loads(line)
        chosen.append(record)
        size += len(f"{record.get('title') or ''}\n{record['text']}".encode())
    return chosen


def measure(corpus: Path, kb: float) -> dict:
    """Time the naive pipeline on a sample of the corpus (after one warm-up call)."""
    warnings.filterwarnings("ignore")  # quantulum3 warns once that its classifier is not installed
    from dateparser.search import search_dates
    from quantulum3 import parser

    parser.parse("At least 3 people were killed.")
    search_dates("On Monday, 5 May 2020, the army said.")
    logging.getLogger().handlers.clear()  # quantulum3 adds a root handler on every call
    articles = sample_articles(corpus, kb)
    started = time.perf_counter()
    claims = 0
    for a in articles:
        claims += len(naive_claims(f"{a.get('title') or ''}\n{a['text']}"))
    seconds = time.perf_counter() - started
    text_bytes = sum(len(f"{a.get('title') or ''}\n{a['text']}".encode()) for a in articles)
    return {"articles": len(articles), "text_bytes": text_bytes, "seconds": seconds, "claims": claims}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parent / ".corpus")
    parser.add_argument("--kb", type=float, default=40, help="KB of text in the sample (default 40)")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.corpus, args.kb)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
