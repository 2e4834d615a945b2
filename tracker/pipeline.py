"""One article through every stage: sentences -> numbers -> claims -> attribution ->
periods -> places -> rows. `process` never raises: an article the extractor cannot
handle comes back rejected, with its file, line and reason.
"""

from __future__ import annotations

import traceback
from datetime import date
from typing import Final

from tracker.attribute import attribute
from tracker.classify import classify, drop_appositive_singulars, drop_counted_definites, link_partitives
from tracker.contract import row_violations
from tracker.dates import blocked_tokens, continued_period, find_dates, period_for
from tracker.lexicon import VagueProfile, load_vague_profile
from tracker.normalize import Mention, claim_rows
from tracker.numbers import find_numbers
from tracker.places import ArticlePlaces, claim_stops, event_numbers, shifts_topic
from tracker.read import read_dateline
from tracker.patterns import match_tally_line
from tracker.records import Article, ArticleResult, ClaimDraft, DateMention, Period, RejectedArticle, Sentence
from tracker.sentences import article_sentences, claim_sentences, tokenize
from tracker.tally import tally_drafts


def extract(article: Article, profile: VagueProfile) -> list[dict]:
    """Claim rows of one article, in text order."""
    sentences = article_sentences(article)
    drafts: list[ClaimDraft] = []
    dates_of: dict[int, list[DateMention]] = {}
    header_dates: list[DateMention] = []
    for sentence in claim_sentences(sentences, profile):
        sentences[sentence.index] = sentence  # tokenized once: later stages read it again
        dates = find_dates(sentence, article.published)
        tally = tally_drafts(sentence)
        if tally:
            # a tally line takes its period from the list's header ("losses from 24.02.22 to ...")
            if not dates and not header_dates:
                header_dates = _list_header_dates(sentences, sentence.index, article.published)
            dates_of[sentence.index] = dates or header_dates
            drafts.extend(tally)
            continue
        dates_of[sentence.index] = dates
        header_dates = [d for d in dates if d.period.start is not None][:1]
        numbers = find_numbers(sentence, profile, blocked_tokens(dates))
        drafts.extend(classify(sentence, numbers))
    if not drafts:
        return []
    drafts = drop_appositive_singulars(drop_counted_definites(drafts))
    events = event_numbers(sentences, article.text)
    link_partitives(drafts, events)
    attributions = attribute(sentences, drafts)
    places = ArticlePlaces(article, sentences, read_dateline(article.text).end, {d.sentence.index for d in drafts})
    claim_toks: dict[int, tuple[int, ...]] = {}
    asides: dict[int, tuple[tuple[int, int], ...]] = {}
    for d in drafts:
        claim_toks[d.sentence.index] = claim_toks.get(d.sentence.index, ()) + (d.number.tok_start,)
        if d.aside is not None:
            asides[d.sentence.index] = asides.get(d.sentence.index, ()) + (d.aside,)
    mentions = []
    periods: dict[int, Period] = {}  # by id of the draft: a part with no time of its own takes its whole's
    for d, a, stop in zip(drafts, attributions, claim_stops(drafts)):
        period = period_for(d, dates_of[d.sentence.index], article.published, claim_toks[d.sentence.index],
                            asides.get(d.sentence.index, ()))
        whole = periods.get(id(d.part_of)) if d.part_of is not None else None
        if period.precision == "unknown" and not period.cumulative and whole is not None \
                and (whole.precision != "unknown" or whole.cumulative):
            period = whole  # "The toll reached 330 since Monday. Among the dead were 20 children"
        elif period.precision == "unknown":
            period = continued_period(d, period, _previous_dates(sentences, d.sentence, dates_of, article.published),
                                      article.published)
        periods[id(d)] = period
        mentions.append(Mention(d, a, period, places.for_claim(d, stop, period.cumulative)))
    return claim_rows(article, mentions, profile, events)


def _previous_dates(sentences: list[Sentence], sentence: Sentence, dates_of: dict[int, list[DateMention]],
                    published) -> list[DateMention]:
    """The time phrases of the body sentence before `sentence` ([] when there is none, or
    when `sentence` turns to another event: "Separately, ...")."""
    j = sentence.index - 1
    if sentence.field != "body" or j < 0 or sentences[j].field != "body" or shifts_topic(sentence):
        return []
    if j not in dates_of:
        dates_of[j] = find_dates(tokenize(sentences[j]), published)
    return dates_of[j]


def _list_header_dates(sentences: list[Sentence], index: int, published) -> list[DateMention]:
    """The first dated span of the sentence that opens the list holding tally line
    `index` ("Enemy losses from 24.02.22 to ..."): it needs no trigger word, so the
    pre-filter may have passed it by."""
    j = index - 1
    while j >= 0 and match_tally_line(sentences[j].text) is not None:
        j -= 1
    if j < 0:
        return []
    return [d for d in find_dates(tokenize(sentences[j]), published) if d.period.start is not None][:1]


# Touches every stage once, so that what they load on first use (the gazetteer's index,
# ~60 MB and 0.6 s; the lexicon tables, the date parser's caches) is loaded.
_WARM_UP: Final = Article("warm-up", "Two soldiers killed in Aleppo",
                          "ALEPPO, Syria - Shelling killed at least 12 civilians and wounded 30 on Monday, "
                          "the Syrian Observatory for Human Rights said.",
                          None, date(2020, 1, 8), "option", None, None, "<warm-up>", 0, "")


def warm_up(profile_name: str = "default") -> None:
    """Load what the stages load on first use. A build calls it before forking workers:
    they then share those tables instead of each loading its own copy."""
    extract(_WARM_UP, load_vague_profile(profile_name))


def process(item: Article | RejectedArticle, profile_name: str = "default") -> ArticleResult:
    """Rows that keep the contract, rows that break it, or the article's rejection."""
    if isinstance(item, RejectedArticle):
        return ArticleResult(item)
    try:
        rows = extract(item, load_vague_profile(profile_name))
    except Exception as e:  # noqa: BLE001 - one article must never stop a build
        where = f"{item.source_file}:{item.source_line}" if item.source_line else item.source_file
        frame = traceback.extract_tb(e.__traceback__)[-1]
        reason = f"{where}: extractor error {type(e).__name__}: {e} (at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})"
        return ArticleResult(RejectedArticle(item.article_id, item.source_file, item.source_line, reason,
                                             item.title, item.content_hash))
    result = ArticleResult(item)
    for row in rows:
        field_chars = len(item.title if row["source_field"] == "title" else item.text)
        problems = row_violations(row, field_chars=field_chars)
        if problems:
            rule, _ = problems[0]
            result.rejected_rows.append({**row, "rule": rule, "reason": "; ".join(r for _, r in problems)})
        else:
            result.rows.append(row)
    return result
