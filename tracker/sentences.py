"""Split an article's title and body into sentences with offsets, and tokenize them.

Only sentences that contain a trigger word are tokenized (tokenizing is the costly part
and most sentences of a news article carry no claim).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from tracker.lexicon import LEXICON, PEOPLE_CLASSES, VagueProfile
from tracker.patterns import (
    iter_sentence_ends,
    find_spaced_tokens,
    lower_keeping_offsets,
    match_tally_line,
    search_digit,
    word_set,
)
from tracker.records import Article, Sentence, Token


def split_sentences(text: str, field: str, first_index: int = 0, heading: str = "") -> list[Sentence]:
    """Sentences of one field; offsets are into that field, white space trimmed. A field
    that opens with `heading` run on into its next line (a page's title line whose break
    was lost: "Ten civilians killed in airstrike in Raqqa 21 November SANA Aircrafts
    ...") has the heading as a sentence of its own."""
    out: list[Sentence] = []
    start = 0
    lead = len(text) - len(text.lstrip())
    after = text[lead + len(heading):].lstrip()[:1]
    if heading and text.startswith(heading, lead) and text[lead + len(heading): lead + len(heading) + 1].isspace() \
            and (after.isupper() or after.isdigit()):  # a new line, not the heading's sentence going on
        start = lead + len(heading)
        _append(out, text, lead, start, field, first_index)
    for m in iter_sentence_ends(text):
        if m.start() < start or m.group().strip() and ends_in_abbreviation(text, m.start()):
            continue
        end = m.start() + len(m.group().rstrip())
        _append(out, text, start, end, field, first_index)
        start = m.end()
    _append(out, text, start, len(text), field, first_index)
    return out


def abbreviation_dot(before: str, after: str) -> bool:
    """Is a dot between these tokens the end of a dotted abbreviation inside a noun phrase
    ('U.S' . 'soldiers', 'U.N' . 'peacekeepers')? `after` is the next token, lower-cased."""
    return "." in before and before.replace(".", "").isalpha() and before[:1].isupper() and len(before) <= 4 \
        and after[:1].isalpha() and after not in LEXICON.stop_words


def ends_in_abbreviation(text: str, dot: int) -> bool:
    """Is the period at `dot` the end of "Jan." / "U.S." / an initial, not of a sentence?"""
    if text[dot] != ".":
        return False
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].lower()
    return word in LEXICON.abbreviations or len(word) == 1


def _append(out: list[Sentence], text: str, start: int, end: int, field: str, first_index: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(field, start, end, text[start:end], first_index + len(out)))


def article_sentences(article: Article) -> list[Sentence]:
    """Title sentences first, then the body's."""
    title = split_sentences(article.title, "title") if article.title else []
    return title + split_sentences(article.text, "body", len(title), article.title.strip())


def may_hold_claim(sentence: Sentence, count_words: frozenset[str]) -> bool:
    """Cheap test, before any tokenizing: does the sentence hold a trigger word and
    something that can be counted (a digit, a number or vague word, a noun that counts
    one: "a soldier"), or is it a line of an official tally ("tanks ‒ 11,358 (+2)")?"""
    words = word_set(sentence.text)
    if LEXICON.trigger_vocabulary.isdisjoint(words):
        return match_tally_line(sentence.text) is not None
    return not count_words.isdisjoint(words) or search_digit(sentence.text) is not None


def tokenize(sentence: Sentence) -> Sentence:
    """The sentence with its tokens (offsets into the field); a tokenized sentence as it is."""
    if sentence.tokens:
        return sentence
    base = sentence.start
    low = lower_keeping_offsets(sentence.text).replace("\u2019", "'")
    tokens: list[Token] = []
    words: list[str] = []
    add_token, add_word = tokens.append, words.append  # bound once: called for every token
    b = 0
    for space, text in find_spaced_tokens(sentence.text):
        a = b + len(space)
        b = a + len(text)
        word = low[a:b]
        add_word(word)
        # tuple.__new__ skips NamedTuple's Python-level __new__: a quarter of the cost
        add_token(_new_tuple(Token, (base + a, base + b, text, word)))
    return Sentence(sentence.field, sentence.start, sentence.end, sentence.text, sentence.index, tuple(tokens), words)


_new_tuple = tuple.__new__


@lru_cache(maxsize=16)
def count_vocabulary(profile: VagueProfile) -> frozenset[str]:
    """Words that let a sentence hold a count: number words, the profile's vague words,
    nouns that count one in the singular, and plural people nouns where the profile
    counts bare plurals."""
    lex = LEXICON
    nouns = [(phrase[-1], classes[0]) for phrase, classes in lex.object_classes.phrases()]
    singular = {w for w, cls in nouns if not w.endswith("s") and cls != "event"}
    plural = {w for w, cls in nouns if w.endswith("s") and cls in PEOPLE_CLASSES}
    return frozenset(lex.number_words | frozenset(lex.times_words) | lex.number_fixed.first_words
                     | profile.words.first_words | singular | (plural if profile.bare_plural else set()))


def claim_sentences(sentences: list[Sentence], profile: VagueProfile) -> Iterator[Sentence]:
    count_words = count_vocabulary(profile)
    for sentence in sentences:
        if may_hold_claim(sentence, count_words):
            yield tokenize(sentence)
