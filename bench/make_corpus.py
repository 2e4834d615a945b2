"""Make a benchmark corpus of real text: the project's corpora repeated with fresh ids.

Sources: ../shared/corpus/*.jsonl (when present) and data/raw (.jsonl, and .txt with its
.meta.json), each article once. They are written again and again, each round with ids
made unique ("<id>~<round>"), until the corpus holds the requested text (title + body,
UTF-8) or number of articles, in .jsonl files of at most --file-mb each.

--min-chars joins consecutive source articles into one until its body reaches that many
characters: real text in longer articles (the 1M-article test's ~3 KB average).

    python bench/make_corpus.py --mb 50                        # bench/.corpus (make bench)
    python bench/make_corpus.py --articles 1000000 --min-chars 3000 --out /tmp/corpus-1m
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = ROOT / "bench" / ".corpus"
FIELDS = ("title", "text", "outlet", "published", "url", "language")
MANIFEST = "corpus.json"


def source_records() -> list[dict]:
    """Every article of the real corpora, once (the shared copy of a file wins)."""
    files = sorted(SHARED_CORPUS.glob("*.jsonl")) if SHARED_CORPUS.is_dir() else []
    files += sorted((ROOT / "data" / "raw").glob("*.jsonl"))
    records, seen = [], set()
    for path in files:
        for line in path.read_text(encoding="utf-8").split("\n"):  # not splitlines: texts hold U+2028
            if line.strip():
                record = json.loads(line)
                if record["id"] not in seen:
                    seen.add(record["id"])
                    records.append({"id": record["id"], **{k: record.get(k) for k in FIELDS}})
    for path in sorted((ROOT / "data" / "raw").glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        meta_path = path.with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        record = {"id": meta.get("id", path.stem), **{k: meta.get(k) for k in FIELDS}}
        record.update(title=title.strip(), text=body.strip("\n"))
        if record["id"] not in seen:
            records.append(record)
    return records


def joined(records: list[dict], min_chars: int) -> list[dict]:
    """Consecutive records merged until each body has at least min_chars characters."""
    out: list[dict] = []
    group: list[dict] = []
    for record in records:
        group.append(record)
        if sum(len(r["text"]) for r in group) >= min_chars:
            out.append({**group[0], "text": "\n\n".join(r["text"] for r in group)})
            group = []
    if group:
        out.append({**group[0], "text": "\n\n".join(r["text"] for r in group)})
    return out


def text_bytes(record: dict) -> int:
    return len((record["title"] or "").encode()) + len(record["text"].encode())


def repeated(records: list[dict], mb: float | None, articles: int | None) -> Iterator[tuple[str, int]]:
    """JSON lines of the records, round after round with fresh ids, and each one's text bytes."""
    # Serialize each record once; only the id changes from round to round.
    rests = [(r["id"], json.dumps({k: r[k] for k in FIELDS}, ensure_ascii=False)[1:], text_bytes(r)) for r in records]
    count, total, round_ = 0, 0, 0
    while True:
        for rid, rest, size in rests:
            if (articles is not None and count >= articles) or (mb is not None and total >= mb * 1e6):
                return
            yield f'{{"id": {json.dumps(f"{rid}~{round_}")}, {rest}\n', size
            count, total = count + 1, total + size
        round_ += 1


def make_corpus(out: Path, *, mb: float | None = None, articles: int | None = None,
                min_chars: int = 0, file_mb: float = 32) -> dict:
    """Write the corpus into out (replaced); returns its manifest (also out/corpus.json)."""
    records = source_records()
    if min_chars:
        records = joined(records, min_chars)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    manifest = {"mb": mb, "articles_requested": articles, "min_chars": min_chars, "file_mb": file_mb,
                "source_articles": len(records), "articles": 0, "text_bytes": 0, "files": 0}
    f = None
    written = 0
    for line, size in repeated(records, mb, articles):
        if f is None or written >= file_mb * 1e6:
            if f is not None:
                f.close()
            f = open(out / f"part-{manifest['files']:04d}.jsonl", "w", encoding="utf-8")
            manifest["files"] += 1
            written = 0
        f.write(line)
        written += len(line)
        manifest["articles"] += 1
        manifest["text_bytes"] += size
    if f is not None:
        f.close()
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def read_manifest(out: Path) -> dict | None:
    path = out / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--mb", type=float, help="megabytes of article text (default 50)")
    size.add_argument("--articles", type=int, help="number of articles")
    parser.add_argument("--min-chars", type=int, default=0, help="join source articles up to this body length")
    parser.add_argument("--file-mb", type=float, default=32, help="megabytes per .jsonl file (default 32)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"folder, replaced (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    mb = args.mb if args.mb is not None or args.articles is not None else 50
    m = make_corpus(args.out, mb=mb, articles=args.articles, min_chars=args.min_chars, file_mb=args.file_mb)
    print(f"{args.out}: {m['articles']} articles, {m['text_bytes'] / 1e6:.1f} MB of text in {m['files']} files "
          f"(from {m['source_articles']} source articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
