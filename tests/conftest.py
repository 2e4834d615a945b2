"""Shared test helpers: articles made from a sentence, and the claims extracted from them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.lexicon import load_vague_profile
from tracker.pipeline import extract
from tracker.read import content_hash
from tracker.records import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PUBLISHED = date(2024, 6, 12)


def make_article(text: str, *, title: str = "", published: date | None = DEFAULT_PUBLISHED,
                 article_id: str = "test-article", outlet: str | None = "Test Wire") -> Article:
    return Article(article_id=article_id, title=title, text=text, outlet=outlet, published=published,
                   published_source="metadata" if published else "none", url=None, language="en",
                   source_file="test", source_line=1, content_hash=content_hash(title, text))


def extract_text(text: str, *, title: str = "", published: date | None = DEFAULT_PUBLISHED,
                 profile: str = "default") -> list[dict]:
    return extract(make_article(text, title=title, published=published), load_vague_profile(profile))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
