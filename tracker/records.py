"""Typed records passed between pipeline stages.

read -> Article | RejectedArticle
sentences -> Sentence
numbers -> NumberMention
classify -> ClaimDraft (a number that is a claim: category, object, parts)
attribute / dates / places -> Attribution, Period, PlaceResolution
normalize -> claim rows (dicts in the Arrow schema's column order)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple


@dataclass(frozen=True)
class Article:
    article_id: str
    title: str
    text: str
    outlet: str | None
    published: date | None
    published_source: str  # metadata | dateline | option | none
    url: str | None
    language: str | None
    source_file: str
    source_line: int  # 1-based line of a .jsonl record, 0 for a whole file
    content_hash: str
    note: str | None = None  # a non-fatal problem with the input, kept in articles.reason


@dataclass(frozen=True)
class RejectedArticle:
    article_id: str
    source_file: str
    source_line: int
    reason: str
    title: str | None = None
    content_hash: str | None = None


class Token(NamedTuple):
    """One token; a tuple because sentences make hundreds of thousands of them."""

    start: int  # offsets in the field (title or body)
    end: int
    text: str
    lower: str


class Event(NamedTuple):
    """The event a sentence of an article reports (places.event_numbers)."""

    number: int  # events numbered from 0 in text order
    listed: bool  # an item of a list opened it ('-- Troops detained two suspects in ...')
    other_operation: bool  # told apart from the operations before it ('In other operations: ...')


@dataclass(frozen=True)
class Sentence:
    field: str  # "title" | "body"
    start: int
    end: int
    text: str
    index: int  # position in the article, title first
    tokens: tuple[Token, ...] = ()
    # the tokens lower-cased, what every stage matches the lexicons against
    words: list[str] = field(default_factory=list, compare=False, repr=False)


@dataclass(frozen=True)
class NumberMention:
    """A count in a sentence: its phrase, token span and bounds before any category."""

    start: int  # field offsets of the whole phrase, qualifier included
    end: int
    tok_start: int  # token indexes in the sentence, [tok_start, tok_end)
    tok_end: int
    value_low: int
    value_high: int | None
    value_best: int
    qualifier: str
    kind: str  # cardinal | vague | times | singular | definite | bare_definite | anaphor
    implicit: bool = False


@dataclass
class ClaimDraft:
    """A number that is a claim, with what it counts; later stages fill the rest."""

    sentence: Sentence
    number: NumberMention
    category: str
    object: str | None
    object_class: str | None
    side: str | None
    cumulative: bool = False  # running-total wording ("death toll rose to", "totaling")
    daily: bool = False  # a tally's change for the day: the day before publication to publication
    part_of: ClaimDraft | None = None  # the larger figure this one is a part of
    partitive: bool = False  # "one of the insurgents": a part of a figure stated earlier
    trigger_tok: int | None = None  # token index of the trigger, when there is one
    # token span [a, b) of a relative clause between the counted noun and its verb ("three
    # men [who were involved in the 2022 massacre] are killed"): its dates and places are
    # about who they were, not the claim's
    aside: tuple[int, int] | None = None


@dataclass(frozen=True)
class Attribution:
    attribution: str  # named | unattributed | outlet
    claimant: str | None = None
    claimant_org: str | None = None


@dataclass(frozen=True)
class Period:
    start: date | None
    end: date | None
    precision: str  # day | week | month | year | unknown
    cumulative: bool = False


@dataclass(frozen=True)
class DateMention:
    """A time expression in a sentence and the period it denotes."""

    start: int  # field offsets
    end: int
    tok_start: int
    tok_end: int
    period: Period
    since: bool = False
    span: bool = False  # a stretch up to publication ("in the past 24 hours"): never a running total's start


@dataclass
class ArticleResult:
    """What the pipeline makes of one article: claim rows, or the reason it was rejected."""

    article: Article | RejectedArticle
    rows: list[dict] = field(default_factory=list)
    rejected_rows: list[dict] = field(default_factory=list)
