"""Bad input: every article is either read or rejected with file, line and reason, and one
bad article never stops a build."""

from __future__ import annotations

import json
from datetime import date

import pyarrow.parquet as pq
import pytest

from tracker.build import build
from tracker.read import read_corpus, read_dateline
from tracker.records import Article, RejectedArticle


def _write_jsonl(path, lines):
    path.write_bytes(b"\n".join(line if isinstance(line, bytes) else line.encode() for line in lines) + b"\n")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a", "title": "t", "text": ', "malformed JSON"),
        ('["not", "an", "object"]', "must be a JSON object"),
        ('{"id": "b", "title": "t"}', "missing field 'text'"),
        ('{"id": "c", "title": "t", "text": "   "}', "empty text"),
        ('{"id": "d", "title": "t", "text": 42}', "must be a string"),
        (b'{"id": "e", "title": "t", "text": "caf\xe9"}', "not UTF-8"),
        ('{"id": "f", "title": "t", "text": "a\\u0000b"}', "binary content"),
        ('{"id": "g", "title": "t", "text": "Five killed.", "language": "fr"}', "not supported"),
    ],
)
def test_bad_jsonl_line_is_rejected_with_file_and_line(tmp_path, line, reason):
    path = tmp_path / "corpus.jsonl"
    good = '{"id": "ok", "title": "t", "text": "Five soldiers were killed.", "published": "2024-01-02"}'
    _write_jsonl(path, [good, line])
    items = list(read_corpus([path]))
    assert isinstance(items[0], Article)
    bad = items[1]
    assert isinstance(bad, RejectedArticle)
    assert f"{path}:2" in bad.reason and reason in bad.reason


def test_binary_txt_and_missing_file_are_rejected(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"title\n\x00\x01\x02")
    items = list(read_corpus([tmp_path / "binary.txt", tmp_path / "nowhere.jsonl"]))
    assert [type(i) for i in items] == [RejectedArticle, RejectedArticle]
    assert "no such file" in items[0].reason and "binary" in items[1].reason


def test_duplicate_ids_after_the_first_are_rejected(tmp_path):
    path = tmp_path / "dup.jsonl"
    _write_jsonl(path, ['{"id": "x", "text": "One."}', '{"id": "x", "text": "Two."}'])
    first, second = read_corpus([path])
    assert isinstance(first, Article) and isinstance(second, RejectedArticle)
    assert "duplicate id 'x'" in second.reason


def test_txt_with_sidecar_and_dateline(tmp_path):
    (tmp_path / "story.txt").write_text("Ten killed in raid\nBEIRUT (Cedar Wire) \u2013 Ten people were killed on Monday.\n")
    (tmp_path / "story.meta.json").write_text(json.dumps({"published": "2024-05-08"}))
    (article,) = read_corpus([tmp_path])
    assert article.article_id == "story" and article.title == "Ten killed in raid"
    assert article.outlet == "Cedar Wire" and article.published == date(2024, 5, 8)


def test_dateline_gives_the_date_when_metadata_has_none():
    line = "KABUL, Afghanistan (Jan. 24, 2011) \u2013 Several insurgents were detained."
    assert read_dateline(line).published == date(2011, 1, 24)


@pytest.mark.parametrize("text,published", [
    # a date with no dash after it, after boilerplate on Unicode line separators
    ("Release 2012-04\u2028For Immediate Release\u2028\u2028HERAT, Afghanistan (May 3, 2012)\u2028A patrol found a cache.",
     date(2012, 5, 3)),
    # a date without its year dates nothing
    ("For Immediate Release\n\nKABUL, Afghanistan (Sept. 4) - A patrol found a cache.", None),
    # a date between city and outlet, after a teaser sentence of a scraped page
    ("Get short URL Two killed in a raid the agency says. LAGOS, June 2, 2019 (NAN) - Two men were killed.",
     date(2019, 6, 2)),
])
def test_dateline_forms(text, published):
    dateline = read_dateline(text)
    assert dateline.end > 0 and dateline.published == published


def test_published_option_fills_missing_dates_only(tmp_path):
    path = tmp_path / "c.jsonl"
    _write_jsonl(path, ['{"id": "a", "text": "Two killed.", "published": "2023-03-03"}', '{"id": "b", "text": "Two killed."}'])
    a, b = read_corpus([path], default_published=date(2024, 1, 1))
    assert (a.published, a.published_source) == (date(2023, 3, 3), "metadata")
    assert (b.published, b.published_source) == (date(2024, 1, 1), "option")


def test_build_lists_every_article_and_goes_on(tmp_path):
    path = tmp_path / "c.jsonl"
    _write_jsonl(path, [
        '{"id": "good", "title": "t", "text": "Militants killed 12 soldiers on Monday.", "published": "2024-02-14"}',
        "{not json",
        '{"id": "empty", "text": ""}',
    ])
    summary = build([path], tmp_path / "out")
    assert (summary["articles"], summary["articles_ok"], summary["articles_rejected"]) == (3, 1, 2)
    articles = pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()
    by_id = {a["article_id"]: a for a in articles}
    assert by_id["good"]["status"] == "ok" and by_id["good"]["n_claims"] == 1
    assert by_id["c:2"]["status"] == "rejected" and f"{path}:2" in by_id["c:2"]["reason"]
    assert "empty text" in by_id["empty"]["reason"]
