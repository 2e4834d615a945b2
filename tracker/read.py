"""Stage 1: read a corpus into Articles, or RejectedArticles naming file, line and reason.

Inputs (CLAIMS.md "Input"): `.jsonl` (one article a line: id, title, text and optional
outlet, published, url, language) and `.txt` (first line the title, the rest the body;
metadata from a sidecar `NAME.meta.json` or from the dateline). Directories are read
recursively in sorted order. Nothing raises: every problem becomes a RejectedArticle.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path


from tracker.dates import parse_explicit
from tracker.patterns import match_dateline
from tracker.records import Article, RejectedArticle

SUFFIXES = (".jsonl", ".txt")


def content_hash(title: str, text: str) -> str:
    return hashlib.sha256(f"{title}\x00{text}".encode()).hexdigest()


def expand_inputs(inputs: Iterable[str | Path]) -> tuple[list[Path], list[RejectedArticle]]:
    """Files to read, in a stable order, and inputs that are neither a readable file nor a directory."""
    files: list[Path] = []
    missing: list[RejectedArticle] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(RejectedArticle(path.stem or str(path), str(path), 0, f"{path}: no such file or directory"))
    return files, missing


def read_corpus(inputs: Iterable[str | Path], default_published: date | None = None) -> Iterator[Article | RejectedArticle]:
    """Every article of the inputs, in order; duplicate ids after the first are rejected."""
    files, missing = expand_inputs(inputs)
    yield from missing
    seen: set[str] = set()
    for path in files:
        for item in read_file(path, default_published):
            if isinstance(item, Article) and item.article_id in seen:
                item = RejectedArticle(item.article_id, item.source_file, item.source_line,
                                       f"{item.source_file}:{item.source_line}: duplicate id {item.article_id!r}",
                                       item.title, item.content_hash)
            seen.add(item.article_id)
            yield item


def read_file(path: Path, default_published: date | None = None) -> Iterator[Article | RejectedArticle]:
    if path.suffix == ".jsonl":
        yield from _read_jsonl(path, default_published)
    elif path.suffix == ".txt":
        yield _read_txt(path, default_published)
    else:
        yield RejectedArticle(path.stem, str(path), 0, f"{path}: unsupported file type {path.suffix!r} (use .jsonl or .txt)")


def _decode(raw: bytes, where: str) -> str:
    """UTF-8 text, or ValueError naming the place when the bytes are binary or not UTF-8."""
    if b"\x00" in raw:
        raise ValueError(f"{where}: binary content (NUL byte)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"{where}: not UTF-8 text ({e.reason} at byte {e.start})") from None


def _read_jsonl(path: Path, default_published: date | None) -> Iterator[Article | RejectedArticle]:
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below; lines are streamed, never all held
    except OSError as e:
        yield RejectedArticle(path.stem, str(path), 0, f"{path}: unreadable ({e.strerror})")
        return
    with f:
        yield from _jsonl_records(path, f, default_published)


def _jsonl_records(path: Path, f, default_published: date | None) -> Iterator[Article | RejectedArticle]:
    for number, raw in enumerate(f, start=1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        fallback_id = f"{path.stem}:{number}"
        try:
            record = json.loads(_decode(raw, where))
        except ValueError as e:
            reason = str(e) if str(e).startswith(where) else f"{where}: malformed JSON ({e})"
            yield RejectedArticle(fallback_id, str(path), number, reason)
            continue
        if not isinstance(record, dict):
            yield RejectedArticle(fallback_id, str(path), number, f"{where}: a line must be a JSON object, got {type(record).__name__}")
            continue
        yield _article_from_record(record, str(path), number, fallback_id, default_published)


def _read_txt(path: Path, default_published: date | None) -> Article | RejectedArticle:
    try:
        content = _decode(path.read_bytes(), str(path))
    except OSError as e:
        return RejectedArticle(path.stem, str(path), 0, f"{path}: unreadable ({e.strerror})")
    except ValueError as e:
        return RejectedArticle(path.stem, str(path), 0, str(e))
    title, _, body = content.partition("\n")
    record: dict = {"id": path.stem, "title": title.strip(), "text": body.strip("\n")}
    sidecar = path.with_suffix(".meta.json")
    if sidecar.is_file():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            return RejectedArticle(path.stem, str(path), 0, f"{sidecar}: unreadable metadata ({e})")
        if not isinstance(meta, dict):
            return RejectedArticle(path.stem, str(path), 0, f"{sidecar}: metadata must be a JSON object")
        record = {**meta, "id": meta.get("id", path.stem), "title": record["title"], "text": record["text"]}
    return _article_from_record(record, str(path), 0, path.stem, default_published)


def _text_field(record: dict, name: str, where: str, required: bool) -> str:
    value = record.get(name)
    if value is None:
        if required:
            raise ValueError(f"{where}: missing field {name!r}")
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{where}: field {name!r} must be a string, got {type(value).__name__}")
    if "\x00" in value:
        raise ValueError(f"{where}: field {name!r} holds binary content (NUL character)")
    return value


def _article_from_record(record: dict, source: str, line: int, fallback_id: str,
                         default_published: date | None) -> Article | RejectedArticle:
    where = f"{source}:{line}" if line else source
    raw_id = record.get("id")
    article_id = str(raw_id) if raw_id not in (None, "") else fallback_id
    try:
        title = _text_field(record, "title", where, required=False)
        text = _text_field(record, "text", where, required=True)
        if not text.strip():
            raise ValueError(f"{where}: empty text")
        outlet = _text_field(record, "outlet", where, required=False) or None
        url = _text_field(record, "url", where, required=False) or None
        language = _text_field(record, "language", where, required=False) or None
    except ValueError as e:
        return RejectedArticle(article_id, source, line, str(e), record.get("title") if isinstance(record.get("title"), str) else None)
    if language and not language.lower().startswith("en"):
        return RejectedArticle(article_id, source, line, f"{where}: language {language!r} is not supported (English only)", title)
    note = None
    published, published_source = None, "none"
    raw_published = record.get("published")
    if raw_published not in (None, ""):
        try:
            published, published_source = date.fromisoformat(str(raw_published)[:10]), "metadata"
        except ValueError:
            note = f"{where}: published {raw_published!r} is not an ISO date; treated as missing"
    dateline = read_dateline(text)
    if published is None and dateline.published is not None:
        published, published_source = dateline.published, "dateline"
    if published is None and default_published is not None:
        published, published_source = default_published, "option"
    if outlet is None:
        outlet = dateline.outlet
    return Article(
        article_id=article_id, title=title, text=text, outlet=outlet, published=published,
        published_source=published_source, url=url, language=language, source_file=source,
        source_line=line, content_hash=content_hash(title, text), note=note,
    )


class Dateline:
    __slots__ = ("outlet", "published", "city", "end")

    def __init__(self, outlet: str | None = None, published: date | None = None, city: str | None = None, end: int = 0):
        self.outlet, self.published, self.city, self.end = outlet, published, city, end


def read_dateline(text: str) -> Dateline:
    """Outlet or date from an opening dateline: "TEHRAN (Tasnim) –", "KABUL, Afghanistan (Jan. 24, 2011) –".

    The dateline may follow a title line and release boilerplate in the first 400 characters.
    """
    head = text[:400]
    for start in _line_starts(head):
        m = match_dateline(head, start)
        if m is None:
            continue
        paren = m.group("paren").strip()
        city = m.group("city").title()
        if any(ch.isdigit() for ch in paren):
            # a date without its year ("(Sept. 4)") cannot date the article: no publication date to resolve it by
            return Dateline(published=parse_explicit(paren, None), city=city, end=m.end())
        day = m.group("day")  # "MOSCOW, October 18, 2014 (RIA Novosti) -"
        return Dateline(outlet=paren, published=parse_explicit(day, None) if day else None, city=city, end=m.end())
    return Dateline()


def _line_starts(head: str) -> Iterator[int]:
    yield 0
    for sep in ("\n", "\u2028"):  # line feeds, and the Unicode line separators of PDF exports
        pos = head.find(sep)
        while pos != -1:
            yield pos + 1
            pos = head.find(sep, pos + 1)
    # press releases put the dateline mid-line after boilerplate ("Download PDF  KABUL, ..."),
    # scraped pages after a teaser sentence ("... the Observatory says. MOSCOW, October 18
    # (RIA Novosti) - ...")
    for marker in ("  ", "PDF ", ". "):
        idx = head.find(marker)
        while idx != -1:
            yield idx + len(marker)
            idx = head.find(marker, idx + 1)
